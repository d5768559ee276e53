from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright
from playwright.sync_api import Error as PlaywrightError

import explainer

from .browser import CHROMIUM_ARGS, OfflinePage, open_offline_page, require_chromium

ROOT = Path(__file__).resolve().parents[1]  # this story's project folder
DATA = ROOT / "data"
TINY = Path(__file__).resolve().parent / "data" / "tiny"  # the engine's test story


@pytest.fixture(scope="session")
def dataset() -> explainer.Dataset:
    return explainer.load_dataset(DATA)


@pytest.fixture(scope="session")
def tiny() -> explainer.Dataset:
    return explainer.load_dataset(project=TINY)


def copy_project(source: Path, target: Path) -> Path:
    """Copy a story's folder (story.yml, data/, notebooks/) to ``target``."""
    target.mkdir(parents=True)
    shutil.copy2(source / "story.yml", target / "story.yml")
    for folder in ("data", "notebooks"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, target / folder)
    return target


@pytest.fixture
def data_copy(tmp_path: Path) -> Callable[..., Path]:
    """A writable copy of a story (default: this one) to break on purpose.

    Returns the copy's data folder; its ``story.yml`` is one folder up.
    """

    def copy(source: Path = ROOT) -> Path:
        return copy_project(source, tmp_path / "project") / "data"

    return copy


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = require_chromium()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[Callable[..., OfflinePage]]:
    """Opens offline pages; when the test ends, fails it on any error or remote request.

    Checked here once for every browser test: uncaught exceptions (``pageerror``),
    console errors and requests that would have left the machine.
    """
    opened: list[OfflinePage] = []

    def open_page(*args: int, **kwargs: object) -> OfflinePage:
        page = open_offline_page(browser, *args, **kwargs)
        opened.append(page)
        return page

    yield open_page
    problems = [p for page in opened for p in page.problems()]
    for page in opened:
        # As a closed tab does: a Voilà page sends its kernel shutdown beacon. (A page
        # the test closed with run_before_unload may still be closing.)
        with contextlib.suppress(PlaywrightError):
            page.page.close(run_before_unload=True)
    if opened:
        time.sleep(1)
    for page in opened:
        page.page.context.close()
    assert problems == [], "the pages had errors or tried to reach the internet"
