"""Many viewers at once: `explainer serve` with 1, 5, 10 and 20 browsers opening it together.

Each viewer opens `/`; a viewer past the server's cap gets the busy page and follows its
link to the published page. Each then chooses an event and checks that the map follows;
then every page closes. Recorded per round: first view p50 and p95 (navigation until
the map is drawn, the busy page's hop included), how many viewers were live and how
many on the published page, whether every map followed, page errors, and the kernels
running 60 s after the pages closed against the pool's size.

Writes the "Viewers at once" section of benchmarks/RESULTS.md. Run with `make bench`.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
from playwright.async_api import Browser, async_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.results import machine, write_section  # noqa: E402
from benchmarks.server_probe import Probe, crowd  # noqa: E402
from tests.browser import CHROMIUM_ARGS, chromium_path, free_port  # noqa: E402

ROUNDS = (1, 5, 10, 20)
POOL = 6  # 2 preheated kernels for each of the 3 notebooks
READY = ".xpl-linked[data-ready]"


def kernels(server: psutil.Process) -> int:
    return sum(
        "ipykernel_launcher" in " ".join(child.cmdline())
        for child in server.children(recursive=True)
        if child.is_running()
    )


async def pool_full(server: psutil.Process) -> None:
    """Wait until every notebook's preheated kernels are back (the pool refills)."""
    while kernels(server) < POOL:
        await asyncio.sleep(1)
    await asyncio.sleep(5)  # a kernel process exists before it is ready


def server_row(count: int, probes: list[Probe]) -> str:
    """A table row of the server's own figures for ``count`` viewers at once."""
    first = [p.first_byte * 1000 for p in probes]
    last = [p.last_byte * 1000 for p in probes]
    idle = [p.idle * 1000 for p in probes if p.idle is not None]
    live = len(idle)
    size = max(p.size for p in probes if p.idle is not None) if live else 0
    idle_text = f"{statistics.median(idle):.0f} / {percentile(idle, 0.95):.0f}" if idle else "-"
    return (
        f"| {count} | {statistics.median(first):.0f} / {percentile(first, 0.95):.0f} | "
        f"{statistics.median(last):.0f} / {percentile(last, 0.95):.0f} | {idle_text} | "
        f"{live} page + kernel, {count - live} busy page | {size / 1024:.0f} KiB |"
    )


def wait_until_idle(limit: float = 12.0, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while psutil.cpu_percent(interval=1.0) > limit and time.monotonic() < deadline:
        pass


async def viewer(browser: Browser, url: str) -> dict[str, object]:
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await page.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1") else r.abort(),
    )
    start = time.perf_counter()
    response = await page.goto(url, wait_until="commit", timeout=300_000)
    kind = "live"
    if response is not None and response.status == 503:
        kind = "published"
        await page.locator("a").first.click()
    await page.wait_for_selector(READY, timeout=300_000)
    first_view = time.perf_counter() - start
    await page.get_by_role("option", name="Second ministerial conference").first.click()
    try:
        await page.wait_for_function(
            "() => document.querySelector('.xpl-plot').dataset.moment === 'washington-2014'"
            " && document.querySelector('.xpl-map-title').textContent.startsWith('30 September')",
            timeout=15_000,
        )
        followed = True
    except Exception:
        followed = False
    await page.close(run_before_unload=True)  # Voilà's page sends its shutdown beacon
    await asyncio.sleep(2)  # as a closed tab does, let the beacon go before the browser
    await context.close()
    return {"first_view": first_view, "kind": kind, "followed": followed, "errors": errors}


async def round_of(browser: Browser, url: str, count: int) -> list[dict[str, object]]:
    return list(await asyncio.gather(*(viewer(browser, url) for _ in range(count))))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def main() -> None:
    chromium = chromium_path()
    if not chromium:
        raise SystemExit("needs Chromium (apt-get install chromium)")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen(
        [sys.executable, "-m", "explainer", "serve", "--no-browser", f"--port={port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    server = psutil.Process(process.pid)
    rows: list[str] = []
    server_rows: list[str] = []
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{url}explainer/static/plotly-basic.min.js", timeout=5)
                break
            except OSError:
                await asyncio.sleep(1)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            version = browser.version
            single = None
            for count in ROUNDS:
                # The server alone first: the same crowd without browsers.
                await pool_full(server)
                wait_until_idle()
                probes = await crowd(port, count)
                server_rows.append(server_row(count, probes))
                print(server_rows[-1], flush=True)
                await asyncio.sleep(5)
                await pool_full(server)
                wait_until_idle()
                results = await round_of(browser, url, count)
                await asyncio.sleep(60)
                after = kernels(server)
                views = [float(r["first_view"]) for r in results]  # type: ignore[arg-type]
                p50, p95 = statistics.median(views), percentile(views, 0.95)
                single = single or p95
                live = sum(r["kind"] == "live" for r in results)
                followed = sum(bool(r["followed"]) for r in results)
                errors = sum(len(r["errors"]) for r in results)  # type: ignore[arg-type]
                # The same number of browsers on the published page alone: what this
                # machine's clients cost without any kernel (they share its cores).
                wait_until_idle()
                static = await round_of(browser, f"{url}published/", count)
                static_p95 = percentile([float(r["first_view"]) for r in static], 0.95)  # type: ignore[arg-type]
                rows.append(
                    f"| {count} | {p50:.1f} / {p95:.1f} s | {p95 / single:.1f} | "
                    f"{static_p95:.1f} s ({p95 / static_p95:.1f}) | "
                    f"{live} live, {count - live} published | {followed}/{count} | {errors} | "
                    f"{after} (pool {POOL}) |"
                )
                print(rows[-1], flush=True)
            await browser.close()
    finally:
        process.terminate()
        process.wait(timeout=60)
    body = "\n".join(
        [
            machine(version),
            "`benchmarks/load.py`: viewers open `/` together; past the server's cap (4 pages "
            "by default) a viewer gets the busy page and follows its link to `/published/`. "
            "Each chooses the Washington event, checks that the map follows, and closes.",
            "",
            "The column 'static p95' is the same number of browsers opening the published "
            "page only (no kernel at all), with the server's p95 divided by it: on this "
            "machine the browsers share its two cores with the server, so most of the time "
            "is theirs.",
            "",
            "| viewers | first view p50 / p95 | p95 / one viewer's | static p95 (ratio) | where "
            "| map followed | page errors | kernels 60 s after closing |",
            "|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            "What the server itself costs, measured without a browser "
            "(`benchmarks/server_probe.py`, same crowds, fresh pool each): each viewer "
            "GETs `/` as a typed address does, connects to its kernel as the page does and "
            "asks for `kernel_info`; 'kernel idle' is the time from the request to that "
            "kernel's idle status. Milliseconds, p50 / p95:",
            "",
            "| viewers | first byte | last byte | kernel idle | answered with | page size |",
            "|---|---|---|---|---|---|",
            *server_rows,
        ]
    )
    write_section("Viewers at once", body)


if __name__ == "__main__":
    asyncio.run(main())
