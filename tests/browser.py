"""Shared helpers for browser tests: find Chromium, block and record remote requests."""

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
from pathlib import Path

import pytest

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


class RemoteRequests(list[str]):
    """Every request that would have left the machine (they are aborted)."""


def offline_page(
    browser: object, width: int = 1280, height: int = 800
) -> tuple[object, RemoteRequests]:
    """A new page whose non-local requests are aborted and recorded."""
    context = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    page = context.new_page()
    # A first view may wait for a kernel on a busy two-core machine.
    page.set_default_navigation_timeout(120_000)
    remote = RemoteRequests()
    errors: list[str] = []

    def route(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(LOCAL_PREFIXES):
            route.continue_()  # type: ignore[attr-defined]
        else:
            remote.append(url)
            route.abort()  # type: ignore[attr-defined]

    page.route("**/*", route)
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors
    return page, remote


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running(
    command: list[str], ready_url: str, seconds: int = 180, log_markers: tuple[str, ...] = ()
) -> Iterator[None]:
    """Run a server ``command`` until the block ends.

    Ready means ``ready_url`` answers and every one of ``log_markers`` has appeared in
    the server's output (e.g. Voilà's "kernel pool ... is filled"), so tests do not
    race the server's own start-up work on a small machine.
    """
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + seconds
            while True:
                log.seek(0)
                output = log.read()
                if all(m in output for m in log_markers) and _answers(ready_url):
                    break
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"{command[:4]} was not ready within {seconds} s:\n{output[-2000:]}"
                    )
                time.sleep(0.5)
            yield
        finally:
            process.terminate()
            process.wait(timeout=30)


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=5)
    except OSError:
        return False
    return True
