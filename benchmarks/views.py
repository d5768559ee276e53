"""First views, key presses and page sizes in headless Chromium, as ratios to budgets.

Measured in one run on this machine, each a median:

- first view (navigation until the timeline and the map are drawn) of the exported page
  and of `explainer serve`, and of a bare one-trace plotly page as the yardstick;
- language switch: from a click on the other language's link until that page's view is
  drawn, at the same moment, in Voilà and in the export;
- key press in the timeline until the map has repainted (the second animation frame
  after the view changed), over the twelve events, in the export and in Voilà;
- the exported pages' size, raw and gzipped.

Writes `benchmarks/RESULTS.md`. Run with `make bench`; nothing here is asserted by tests.
"""

from __future__ import annotations

import gzip
import http.server
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from functools import partial
from pathlib import Path

import plotly.graph_objects as go
import psutil
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import explainer  # noqa: E402
from benchmarks.results import machine, write_section  # noqa: E402
from explainer.surfaces._export import export  # noqa: E402
from tests.browser import CHROMIUM_ARGS, chromium_path, free_port  # noqa: E402

RUNS = 7
READY = ".xpl-linked[data-ready]"
KEY_TO_PAINT = """() => new Promise((resolve) => {
  const list = document.querySelector('.xpl-events');
  const plot = document.querySelector('.xpl-plot');
  let start = 0;
  const observer = new MutationObserver(() => {
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
  });
  observer.observe(plot, { attributes: true, attributeFilter: ['data-moment'] });
  const stamp = () => { start = performance.now(); };
  list.addEventListener('keydown', stamp, { capture: true, once: true });
  list.focus();
  list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
})"""


def serve_folder(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# Offline without request interception (which would switch the browser's cache off,
# unlike a real viewer's): every host but this machine fails to resolve.
OFFLINE_ARGS = [*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


def new_page(browser: Browser) -> Page:
    """A page in a context of its own: a first visit, with an empty cache."""
    return browser.new_context(viewport={"width": 1280, "height": 720}).new_page()


def first_view(browser: Browser, url: str, ready: str) -> float:
    page = new_page(browser)
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(ready, timeout=180_000)
    elapsed = time.perf_counter() - start
    page.context.close()
    return elapsed


def wait_until_idle(limit: float = 12.0, seconds: float = 120) -> None:
    """Wait until the CPU is mostly idle: Voilà refills its kernel pool after each
    view by running the notebook, which would otherwise slow the next measurement."""
    deadline = time.monotonic() + seconds
    while psutil.cpu_percent(interval=1.0) > limit and time.monotonic() < deadline:
        pass


def interleaved_first_views(
    browser: Browser, pages: dict[str, tuple[str, str]]
) -> dict[str, list[float]]:
    """First views of each page, the pages taking turns (so that any drift in the
    machine's speed touches them alike), each measured on an idle machine."""
    times: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(RUNS):
        for name, (url, ready) in pages.items():
            wait_until_idle()
            times[name].append(first_view(browser, url, ready))
    return times


def language_switch(browser: Browser, url: str) -> float:
    """Median seconds from a click on the other language's link to its view drawn."""
    times = []
    for _ in range(RUNS):
        page = new_page(browser)
        page.goto(url + "#washington-2014")
        page.wait_for_selector(READY, timeout=180_000)
        wait_until_idle()
        start = time.perf_counter()
        with page.expect_navigation(wait_until="commit"):
            page.locator(".xpl-page-link").first.click()
        page.wait_for_selector(READY, timeout=180_000)
        times.append(time.perf_counter() - start)
        assert page.evaluate("document.documentElement.lang") == "sv"
        assert page.evaluate("location.hash") == "#washington-2014"
        page.context.close()
    return statistics.median(times)


def key_to_paint(browser: Browser, url: str) -> float:
    """Median key press -> repainted map over every step of the timeline."""
    page = new_page(browser)
    page.goto(url)
    page.wait_for_selector(READY, timeout=180_000)
    page.locator(".xpl-events").focus()
    page.keyboard.press("Home")
    page.wait_for_timeout(500)
    times = [page.evaluate(KEY_TO_PAINT) for _ in range(len(explainer.load_dataset().events) - 1)]
    page.context.close()
    return statistics.median(times)


def wait_until_up(url: str, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer")


def main() -> None:
    chromium = chromium_path()
    if not chromium:
        raise SystemExit("needs Chromium (apt-get install chromium)")
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        site = export(folder / "site", lang="en").parent
        bare = go.Figure(go.Scatter(x=[0, 1], y=[0, 1]))
        bare.write_html(folder / "bare.html", include_plotlyjs=True, full_html=True)
        static, static_url = serve_folder(folder)
        port = free_port()
        voila_url = f"http://127.0.0.1:{port}/"
        voila = subprocess.Popen(
            # Every view is a new page: above the default cap of 4 live pages, the
            # fifth would get the busy page while the others' kernels wind down.
            [sys.executable, "-m", "explainer", "serve", "--no-browser", f"--port={port}",
             "--max-viewers=50"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_until_up(f"http://127.0.0.1:{port}/explainer/static/vendor/plotly-basic.min.js")
            wait_until_idle()  # the preheated kernels have run the notebooks
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=OFFLINE_ARGS)
                version = browser.version
                views = interleaved_first_views(
                    browser,
                    {
                        "bare": (f"{static_url}/bare.html", ".js-plotly-plot .main-svg"),
                        "export": (f"{static_url}/site/index.html", READY),
                        "voila": (voila_url, READY),
                    },
                )
                medians = {name: statistics.median(times) for name, times in views.items()}
                bare_s, export_s, voila_s = medians["bare"], medians["export"], medians["voila"]
                voila_slowest = max(views["voila"])
                export_key = key_to_paint(browser, f"{static_url}/site/index.html")
                voila_key = key_to_paint(browser, voila_url)
                voila_switch = language_switch(browser, voila_url)
                export_switch = language_switch(browser, f"{static_url}/site/index.html")
                browser.close()
        finally:
            voila.terminate()
            voila.wait(timeout=60)
            static.shutdown()
        sizes = {
            page.name: (page.stat().st_size, len(gzip.compress(page.read_bytes())))
            for page in sorted(site.iterdir())
        }

    def row(what: str, value: str, budget: str, ratio: float) -> None:
        rows.append((what, value, budget, f"{ratio:.2f}{' (over)' if ratio > 1 else ''}"))

    row("Voilà first view / export first view", f"{voila_s:.2f} s / {export_s:.2f} s",
        "≤ 1.3 times", voila_s / export_s / 1.3)  # fmt: skip
    row("Voilà slowest first view / its median", f"{voila_slowest:.2f} s / {voila_s:.2f} s",
        "≤ 1.5 times", voila_slowest / voila_s / 1.5)  # fmt: skip
    row("language switch, Voilà (click → Swedish view drawn)", f"{voila_switch:.2f} s",
        "≤ 1.5 s", voila_switch / 1.5)  # fmt: skip
    row("language switch, export", f"{export_switch:.2f} s", "≤ 1.5 s", export_switch / 1.5)
    row("export first view / bare one-trace plotly page", f"{export_s:.2f} s / {bare_s:.2f} s",
        "≤ 1.3 times", export_s / bare_s / 1.3)  # fmt: skip
    row("key press → map repainted, export (median of 11)", f"{export_key:.0f} ms",
        "≤ 100 ms", export_key / 100)  # fmt: skip
    row("key press → map repainted, Voilà (median of 11)", f"{voila_key:.0f} ms",
        "≤ 100 ms", voila_key / 100)  # fmt: skip
    for name, (raw, packed) in sizes.items():
        if name == "data-and-sources.html":
            continue
        row(f"export {name}, raw", f"{raw / 1e6:.2f} MB", "≤ 6 MB", raw / 6e6)
        row(f"export {name}, gzipped", f"{packed / 1e6:.2f} MB", "≤ 2 MB", packed / 2e6)

    body = "\n".join(
        [
            machine(version),
            f"`benchmarks/views.py`, 1280x720. Medians of {RUNS} fresh page loads taking "
            "turns, each on an idle machine (Voilà's kernel pool refilled); key presses over "
            f"the timeline's steps; {RUNS} language switches from Washington 2014. The last "
            "column is the figure divided by its budget: at most 1 meets it.",
            "",
            "| what | measured | budget | ratio to budget |",
            "|---|---|---|---|",
            *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
        ]
    )
    write_section("First views, key presses and page sizes", body)
    print(body)


if __name__ == "__main__":
    main()
