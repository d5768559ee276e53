"""JupyterLab, offline: stored outputs show before anything runs; the linked view runs live."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .browser import ARTIFACTS, OfflinePage, free_port, require_chromium, running

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
    # The notebooks' `load_dataset()` reads this checkout, not the copy's folder.
    env = {"EXPLAINER_PROJECT": str(NOTEBOOKS.parent)}
    with running(command, f"{url}/api", env=env):
        yield url


def test_stored_map_renders_in_jupyterlab_offline(
    offline_page: Callable[..., OfflinePage], lab_url: str
) -> None:
    page = offline_page(1400, 1000).page
    page.goto(f"{lab_url}/lab/tree/explainer-en.ipynb")
    fills = ".js-plotly-plot .scatterlayer path.js-fill"
    page.wait_for_selector(fills, timeout=60_000)
    page.wait_for_timeout(1000)
    count = page.evaluate(f"() => document.querySelectorAll('{fills}').length")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "lab-explainer-en.png"))
    assert count >= 57  # ocean, background, 55 listed countries


def test_linked_view_runs_live_in_jupyterlab(
    offline_page: Callable[..., OfflinePage], lab_url: str
) -> None:
    page = offline_page(1500, 1000).page
    page.goto(f"{lab_url}/lab/tree/explainer-en.ipynb")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_timeout(3000)  # let the kernel start
    page.get_by_role("menuitem", name="Run").click()
    page.get_by_text("Run All Cells", exact=True).click()
    page.wait_for_selector(".xpl-view[data-ready]", timeout=120_000)
    page.get_by_role("option", name="Canada joins the alliance").click()
    page.wait_for_function(
        "() => document.querySelector('.xpl-map-title').textContent.startsWith('17 June 2013')"
    )
    assert "#canada-2013" not in page.url, "inside JupyterLab the address is JupyterLab's"
    page.screenshot(path=str(ARTIFACTS / "lab-linked-view-live.png"))
