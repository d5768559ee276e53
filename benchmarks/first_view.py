"""Time to first view in headless Chromium: our `explainer serve` against stock Voilà.

Each page is opened in a fresh browser context, timed from navigation until the map's
shapes are drawn, five times (median). The static plotly page (the map written to an
HTML file, served over HTTP) is the yardstick: results are ratios to it, measured in
the same run. Needs Debian's Chromium. Run with `make bench`.
"""

from __future__ import annotations

import http.server
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from functools import partial
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

import explainer
from explainer._export import write_figure_html

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
DRAWN = ".js-plotly-plot .scatterlayer path.js-fill"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer")


def time_view(browser: Browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(DRAWN, timeout=180_000)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def median_view(browser: Browser, url: str, between: Callable[[], None]) -> float:
    times = []
    for _ in range(RUNS):
        between()
        times.append(time_view(browser, url))
    return statistics.median(times)


def main() -> None:
    chromium = os.environ.get("EXPLAINER_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        raise SystemExit("needs Chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        write_figure_html(explainer.membership_map(), Path(tmp) / "index.html")
        handler = partial(http.server.SimpleHTTPRequestHandler, directory=tmp)
        static = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
        threading.Thread(target=static.serve_forever, daemon=True).start()
        static_url = f"http://127.0.0.1:{static.server_address[1]}/index.html"

        ours_port, stock_port = free_port(), free_port()
        ours = subprocess.Popen(
            [sys.executable, "-m", "explainer._cli", "serve", "--no-browser",
             f"--port={ours_port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        stock = subprocess.Popen(
            [sys.executable, "-m", "voila", "--no-browser", f"--port={stock_port}",
             str(ROOT / "notebooks" / "explainer-en.ipynb")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            ours_url, stock_url = (
                f"http://127.0.0.1:{ours_port}/",
                f"http://127.0.0.1:{stock_port}/",
            )
            wait_until_up(ours_url)
            wait_until_up(stock_url)
            time.sleep(20)  # let the first preheated kernels finish running the notebook
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
                static_s = median_view(browser, static_url, lambda: None)
                # A presenter's first viewer: give the pool time to refill between views.
                ours_s = median_view(browser, ours_url, lambda: time.sleep(15))
                stock_s = median_view(browser, stock_url, lambda: time.sleep(2))
                browser.close()
        finally:
            for process in (ours, stock):
                process.terminate()
                process.wait(timeout=30)
            static.shutdown()
    print(f"static plotly page: {static_s:.2f} s (median of {RUNS})")
    print(f"explainer serve:    {ours_s:.2f} s = {ours_s / static_s:.1f} x static")
    print(f"stock voila:        {stock_s:.2f} s = {stock_s / static_s:.1f} x static")


if __name__ == "__main__":
    main()
