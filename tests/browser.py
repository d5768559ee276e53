"""Shared helpers for browser tests: find Chromium, block and record remote requests."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
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
def running(command: list[str], ready_url: str, seconds: int = 120) -> Iterator[None]:
    """Run a server ``command`` until the block ends; wait for ``ready_url`` to answer."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + seconds
        while True:
            try:
                urllib.request.urlopen(ready_url, timeout=5)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"{command[:3]} did not answer at {ready_url}")
                time.sleep(0.5)
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)
