"""Re-shoot the README's screenshots of the exported story (docs/*.png).

Exports the story to a temporary folder and opens the pages from ``file://`` in
Chromium (Debian's, or ``EXPLAINER_CHROMIUM``), offline, as readers meet them: the stage
at both projector sizes, the country search, the time scale, the first page of the
handout, and the embed. Run after a change to what these surfaces show:
``.venv/bin/python scripts/shoot_docs.py``. (The Voilà and JupyterLab shots come from
the browser tests' artifacts.)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM_ARGS, chromium_path  # noqa: E402

DOCS = ROOT / "docs"
READY = ".xpl-linked[data-ready]"


def opened(page: Page, url: str) -> Page:
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_timeout(800)  # the map's transition
    return page


def main() -> None:
    chromium = chromium_path()
    if not chromium:
        raise SystemExit("needs Chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        site = Path(folder) / "site"
        subprocess.run([sys.executable, "-m", "explainer", "export", "--out", str(site)],
                       check=True)  # fmt: skip
        page_url = (site / "en.html").as_uri()
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for width, height in ((1920, 1080), (1280, 720)):
            page = opened(browser.new_page(viewport={"width": width, "height": height}),
                          page_url + "#washington-2014")  # fmt: skip
            page.keyboard.press("f")
            page.wait_for_timeout(800)
            page.screenshot(path=str(DOCS / f"stage-{width}x{height}.png"))
            page.close()
        page = opened(browser.new_page(viewport={"width": 1280, "height": 720}), page_url)
        box = page.get_by_role("combobox")
        box.scroll_into_view_if_needed()
        box.fill("sver")
        page.wait_for_timeout(400)
        page.screenshot(path=str(DOCS / "search.png"))
        page.close()
        page = opened(browser.new_page(viewport={"width": 1280, "height": 720}),
                      page_url + "#canada-2013")  # fmt: skip
        page.get_by_role("button", name="Time scale").click()
        page.locator(".xpl-linked").scroll_into_view_if_needed()
        page.wait_for_timeout(800)
        page.screenshot(path=str(DOCS / "time-scale.png"))
        page.close()
        page = browser.new_page(viewport={"width": 600, "height": 400})
        opened(page, page_url + "#washington-2014&embed")
        page.screenshot(path=str(DOCS / "embed-600x400.png"))
        page.close()
        page = browser.new_page()
        page.goto(page_url + "#launch-2012&handout")
        page.wait_for_selector(".xpl-handout[data-ready]", state="attached", timeout=60_000)
        pdf = Path(folder) / "handout.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        browser.close()
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(DOCS / "handout-page-1")], check=True)  # fmt: skip


if __name__ == "__main__":
    main()
