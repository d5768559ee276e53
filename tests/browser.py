"""Shared helpers for browser tests: find Chromium, open offline pages, run servers."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Route

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_PREFIXES = (
    "file:",
    "data:",
    "blob:",
    "about:",
    "http://127.0.0.1",
    "http://localhost",
    "ws://127.0.0.1",
    "ws://localhost",
)
PROJECTOR = (1280, 720)
PHONE = (390, 844)


def chromium_path() -> str | None:
    """Chromium from $EXPLAINER_CHROMIUM, /usr/bin/chromium or the PATH."""
    for candidate in (
        os.environ.get("EXPLAINER_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def require_chromium() -> str:
    """The Chromium path; skips locally without one, fails under CI."""
    path = chromium_path()
    if path is None:
        message = "no Chromium found (install Debian's chromium or set EXPLAINER_CHROMIUM)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; browser tests must run in CI")
        pytest.skip(message)
    return path


@dataclass
class OfflinePage:
    """A page whose non-local requests are aborted, with what went wrong on it.

    ``remote`` lists every request that would have left the machine; ``errors`` every
    uncaught exception (``pageerror``) and console error. The fixture that hands these
    out fails the test if either is not empty when the test ends.
    """

    page: Page
    remote: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Console errors a page cannot avoid and that mean nothing (with the reason).
    allowed: tuple[str, ...] = ()

    def problems(self) -> list[str]:
        """Remote requests and errors, less the allowed ones."""
        errors = [e for e in self.errors if not any(a in e for a in self.allowed)]
        return [f"remote request: {url}" for url in self.remote] + errors


def open_offline_page(
    browser: Browser, width: int = PROJECTOR[0], height: int = PROJECTOR[1], **context: object
) -> OfflinePage:
    """A new page in a new context, every non-local request aborted and recorded."""
    page = browser.new_context(viewport={"width": width, "height": height}, **context).new_page()  # type: ignore[arg-type]
    # A first view may wait for a kernel on a busy two-core machine.
    page.set_default_navigation_timeout(120_000)
    offline = OfflinePage(page)

    def route(route: Route) -> None:
        url = route.request.url
        if url.startswith(LOCAL_PREFIXES):
            route.continue_()
        else:
            offline.remote.append(url)
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            offline.errors.append(f"console error: {message.text} ({message.location})")

    page.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", lambda error: offline.errors.append(f"page error: {error}"))
    return offline


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running(
    command: list[str],
    ready_url: str,
    seconds: int = 180,
    log_markers: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """Run a server ``command`` until the block ends; yields its process.

    Ready means ``ready_url`` answers and every one of ``log_markers`` has appeared in
    the server's output (e.g. Voilà's "kernel pool ... is filled"), so tests do not
    race the server's own start-up work on a small machine.
    """
    with tempfile.NamedTemporaryFile(mode="w+", suffix=".log") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        try:
            deadline = time.monotonic() + seconds
            while True:
                log.seek(0)
                output = log.read()
                if all(m in output for m in log_markers) and _answers(ready_url):
                    break
                if process.poll() is not None:
                    pytest.fail(f"{command[:4]} exited ({process.returncode}):\n{output[-2000:]}")
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"{command[:4]} was not ready within {seconds} s:\n{output[-2000:]}"
                    )
                time.sleep(0.5)
            yield process
        finally:
            process.terminate()
            process.wait(timeout=30)


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=5)
    except OSError:
        return False
    return True


HAS_KERNEL = """() => {
  const config = document.getElementById("jupyter-config-data");
  const views = (globalThis.__explainerViews || {views: []}).views;
  try { return views.size > 0 && Boolean(config && JSON.parse(config.textContent).kernelId); }
  catch { return false; }
}"""
LIVE = "() => [...(globalThis.__explainerViews || {views: []}).views].some((v) => v.model.live)"


def axe_violations(page: Page) -> list[str]:
    """axe-core's violations on the page, one line each: rule, impact, where."""
    from axe_playwright_python.sync_playwright import Axe

    # axe is one long task. On a page with a view and a kernel, let its widget join first:
    # anywidget gives a widget two seconds to start and fails the page after that.
    if page.evaluate(HAS_KERNEL):
        page.wait_for_function(LIVE, timeout=120_000)
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:4]}"
        for v in results.response["violations"]
    ]
