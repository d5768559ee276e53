"""JupyterLab, offline: stored outputs show before anything runs; the dashboard runs live."""

from __future__ import annotations

import shutil
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
    # A copy, so that JupyterLab's autosave never touches the committed notebooks.
    notebooks = tmp_path_factory.mktemp("lab") / "notebooks"
    shutil.copytree(NOTEBOOKS, notebooks, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
        f"--port={port}", "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=",
        f"--ServerApp.root_dir={notebooks}", f"--ServerApp.runtime_dir={runtime}",
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


def test_dashboard_runs_live_in_jupyterlab(browser: object, lab_url: str) -> None:
    page, remote = offline_page(browser, width=1500, height=1000)
    page.goto(f"{lab_url}/lab/tree/explainer-en.ipynb")  # type: ignore[attr-defined]
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)  # type: ignore[attr-defined]
    page.wait_for_timeout(3000)  # type: ignore[attr-defined]  # let the kernel start
    page.get_by_role("menuitem", name="Run").click()  # type: ignore[attr-defined]
    page.get_by_text("Run All Cells", exact=True).click()  # type: ignore[attr-defined]
    page.wait_for_selector(".gaexp-events [role=option]", timeout=120_000)  # type: ignore[attr-defined]
    page.get_by_role("option", name="Canada joins the alliance").click()  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => (document.querySelector('.gaexp-dashboard .gtitle') || {})"
        ".textContent?.startsWith('17 June 2013')",
        timeout=30_000,
    )
    page.screenshot(path=str(ARTIFACTS / "lab-dashboard-live.png"))  # type: ignore[attr-defined]
    assert remote == [], f"non-local requests attempted: {remote}"
