"""The stored map output renders inside JupyterLab, offline, before anything runs."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import ARTIFACTS, free_port, offline_page, require_chromium, running

pytestmark = pytest.mark.browser
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    port = free_port()
    runtime = tmp_path_factory.mktemp("lab-runtime")
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
        f"--port={port}", "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=",
        f"--ServerApp.root_dir={NOTEBOOKS}", f"--ServerApp.runtime_dir={runtime}",
    ]  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    with running(command, f"{url}/api"):
        yield url


def test_stored_map_renders_in_jupyterlab_offline(browser: object, lab_url: str) -> None:
    page, remote = offline_page(browser, width=1400, height=1000)
    page.goto(f"{lab_url}/lab/tree/explainer-en.ipynb")  # type: ignore[attr-defined]
    fills = ".js-plotly-plot .scatterlayer path.js-fill"
    page.wait_for_selector(fills, timeout=60_000)  # type: ignore[attr-defined]
    page.wait_for_timeout(1000)  # type: ignore[attr-defined]
    count = page.evaluate(f"() => document.querySelectorAll('{fills}').length")  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "lab-explainer-en.png"))  # type: ignore[attr-defined]
    assert count >= 57  # ocean, background, 55 listed countries
    assert remote == [], f"non-local requests attempted: {remote}"
