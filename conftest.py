"""Fixtures that the engine's tests (tests/) and this story's (story_tests/) share.

Browser tests fail on any uncaught page error, console error or request that would
leave the machine: checked once, here, for every page opened through ``offline_page``.
One Voilà server for the story (``story_server``) serves every test module that needs it.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from tests.browser import (
    CHROMIUM_ARGS,
    OfflinePage,
    free_port,
    open_offline_page,
    require_chromium,
    running,
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the session (Debian's, headless)."""
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

    def open_page(*args: int, **kwargs: Any) -> OfflinePage:
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


@pytest.fixture(scope="session")
def story_server() -> Iterator[str]:
    """`explainer serve` on this story, started once for the session when first needed."""
    require_chromium()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "explainer", "serve", "--no-browser", f"--port={port}",
               "--max-viewers=12"]  # fmt: skip
    # Wait for the preheated pools (2 kernels a notebook) before any page is opened;
    # the readiness probe asks for a static file, which starts no kernel.
    markers = tuple(
        f"Kernel pool of {nb} is filled" for nb in ("explainer-en.ipynb", "explainer-sv.ipynb")
    )
    with running(command, f"{url}/explainer/static/vendor/plotly-basic.min.js", 300, markers):
        yield url
