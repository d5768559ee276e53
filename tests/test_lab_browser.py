"""JupyterLab, offline: a notebook shows its linked view on opening, with no kernel.

The views are stored as islands (application/vnd.explainer.view+json) that the
package's renderer draws with the same front end as Voilà and the exported pages; a
run joins the kernel's widget to the drawn view. Reading, or running from the start,
leaves the notebook unchanged on disk.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sys
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

import explainer

from .browser import ARTIFACTS, LIVE, OfflinePage, free_port, require_chromium, running
from .view_checks import READY, assert_agrees

pytestmark = pytest.mark.browser
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[bool], tuple[str, Path]]]:
    """Start JupyterLab on a copy of the notebooks, with or without any kernel."""
    require_chromium()
    started: dict[bool, tuple[str, Path]] = {}
    stack: list[contextlib.AbstractContextManager[object]] = []

    def start(kernels: bool) -> tuple[str, Path]:
        if kernels in started:
            return started[kernels]
        port = free_port()
        root = tmp_path_factory.mktemp("lab")
        # A copy, so that nothing JupyterLab does touches the committed notebooks.
        notebooks = root / "notebooks"
        shutil.copytree(NOTEBOOKS, notebooks, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        command = [
            sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
            f"--port={port}", "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=",
            f"--ServerApp.root_dir={notebooks}", f"--ServerApp.runtime_dir={root / 'runtime'}",
            # A workspace of its own: no tab of another test (or person) is reopened.
            f"--LabApp.workspaces_dir={root / 'workspaces'}",
        ]  # fmt: skip
        if not kernels:
            command.append("--KernelSpecManager.allowed_kernelspecs=['none-at-all']")
        url = f"http://127.0.0.1:{port}"
        # The notebooks' `load_dataset()` reads this checkout, not the copy's folder.
        server = running(command, f"{url}/api", env={"EXPLAINER_PROJECT": str(NOTEBOOKS.parent)})
        server.__enter__()
        stack.append(server)
        started[kernels] = (url, notebooks)
        return started[kernels]

    yield start
    for server in reversed(stack):
        server.__exit__(None, None, None)


def no_kernel(page: Page) -> None:
    """Answer JupyterLab's kernel dialogs with "No Kernel": there is none to choose."""
    dialog = page.get_by_role("dialog")
    dialog.wait_for(timeout=60_000)
    for _ in range(20):
        if dialog.count():
            dialog.get_by_role("button", name="No Kernel").click()
        page.wait_for_timeout(500)
        if not dialog.count():
            page.wait_for_timeout(1000)
            if not dialog.count():
                return
    raise AssertionError("JupyterLab kept asking for a kernel")


def open_notebook(offline_page: Callable[..., OfflinePage], url: str, name: str) -> Page:
    page = offline_page(1280, 720).page
    page.goto(f"{url}/lab/tree/{name}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    return page


def test_the_linked_view_is_there_on_opening_with_no_kernel(
    offline_page: Callable[..., OfflinePage],
    lab: Callable[[bool], tuple[str, Path]],
    dataset: explainer.Dataset,
) -> None:
    url, notebooks = lab(False)
    before = (notebooks / "explainer-en.ipynb").read_bytes()
    page = open_notebook(offline_page, url, "explainer-en.ipynb")
    no_kernel(page)
    page.wait_for_selector(READY, timeout=120_000)
    with urllib.request.urlopen(f"{url}/api/kernels", timeout=10) as response:
        assert json.load(response) == [], "no kernel runs"
    first, second = dataset.events[3], dataset.events[4]
    assert_agrees(page, dataset, first, "en", announced=False)
    # The map uses the notebook's width, not a third of it.
    assert page.locator(".xpl-plot").bounding_box()["width"] >= 550  # type: ignore[index]
    page.get_by_role("listbox").focus()
    page.keyboard.press("ArrowRight")
    assert_agrees(page, dataset, second, "en")
    assert "#" + second.id not in page.url, "inside JupyterLab the address is JupyterLab's"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "lab-en-opened-no-kernel.png"))
    # JupyterLab asks about its news feed a few seconds after opening, unless it is off.
    page.wait_for_timeout(5000)
    assert page.get_by_text("official Jupyter news").count() == 0, "no question, no request"
    page.close()
    assert (notebooks / "explainer-en.ipynb").read_bytes() == before


NOTIFICATION = "/lab/api/settings/@jupyterlab/apputils-extension:notification"


def test_jupyterlab_neither_fetches_news_nor_checks_for_updates(
    lab: Callable[[bool], tuple[str, Path]],
) -> None:
    # Either would have JupyterLab's server send a request off the machine (a news feed,
    # PyPI): the package's settings turn both off, so JupyterLab does not even ask (the
    # page's side is checked by test_the_linked_view_is_there_on_opening_with_no_kernel).
    url, _ = lab(False)
    with urllib.request.urlopen(url + NOTIFICATION, timeout=10) as response:
        defaults = json.load(response)["schema"]["properties"]
    assert (defaults["fetchNews"]["default"], defaults["checkForUpdates"]["default"]) == (
        "false", False,
    )  # fmt: skip


def test_a_run_from_the_start_joins_the_kernel_and_changes_nothing_on_disk(
    offline_page: Callable[..., OfflinePage],
    lab: Callable[[bool], tuple[str, Path]],
    dataset: explainer.Dataset,
) -> None:
    url, notebooks = lab(True)
    before = (notebooks / "explainer-sv.ipynb").read_bytes()
    page = open_notebook(offline_page, url, "explainer-sv.ipynb")
    page.wait_for_selector(READY, timeout=120_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    page.get_by_role("menuitem", name="Run").click()
    page.get_by_text("Run All Cells", exact=True).click()
    page.wait_for_function(LIVE, timeout=120_000)
    canada = dataset.event("canada-2013")
    page.get_by_role("option", name=canada.title.get("sv")).click()
    assert_agrees(page, dataset, canada, "sv")
    page.keyboard.press("Control+s")
    page.wait_for_selector(".jp-mod-dirty", state="detached", timeout=30_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "lab-sv-live.png"))
    assert (notebooks / "explainer-sv.ipynb").read_bytes() == before, "running changed the file"
