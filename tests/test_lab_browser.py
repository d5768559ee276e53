"""The stored map output renders inside JupyterLab, offline, before anything runs."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import ARTIFACTS, offline_page, require_chromium

pytestmark = pytest.mark.browser
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    port = free_port()
    runtime = tmp_path_factory.mktemp("lab-runtime")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
         f"--port={port}", "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=",
         f"--ServerApp.root_dir={NOTEBOOKS}", f"--ServerApp.runtime_dir={runtime}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/api", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start within 60 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_stored_map_renders_in_jupyterlab_offline(browser: object, lab_url: str) -> None:
    page, remote = offline_page(browser, width=1400, height=1000)
    page.goto(f"{lab_url}/lab/tree/membership-map.ipynb")  # type: ignore[attr-defined]
    fills = ".js-plotly-plot .scatterlayer path.js-fill"
    page.wait_for_selector(fills, timeout=60_000)  # type: ignore[attr-defined]
    page.wait_for_timeout(1000)  # type: ignore[attr-defined]
    count = page.evaluate(f"() => document.querySelectorAll('{fills}').length")  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "lab-membership-map.png"))  # type: ignore[attr-defined]
    assert count >= 57  # ocean, background, 55 listed countries
    assert remote == [], f"non-local requests attempted: {remote}"
