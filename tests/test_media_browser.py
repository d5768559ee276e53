"""The story off the projector: printed (the current moment, and the handout), on a
phone in one hand, and embedded in someone else's page.

The exported page is checked over file://; Voilà's page is the same DOM and stylesheet.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

import explainer
from explainer.surfaces._export import export

from .browser import ARTIFACTS, PHONE, OfflinePage
from .view_checks import READY, moment

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("media") / "site", lang="en").parent


def open_page(
    offline_page: Callable[..., OfflinePage], url: str, size: tuple[int, int] = (1280, 720)
) -> Page:
    page = offline_page(*size).page
    page.goto(url)
    page.wait_for_selector(READY, state="attached")
    return page


CONTROLS_SHOWN = (
    "() => [...document.querySelectorAll('button, input, select, textarea')]"
    ".filter((e) => e.getClientRects().length).length"
)


def pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() or "" for page in reader.pages)


def flat(text: str) -> str:
    # NFKC: a PDF's text may keep the font's ligatures ("ﬂ" for "fl").
    # A line may end at a word's own hyphen ("WePROTECT-|toppmötet"): that is no break.
    text = re.sub(r"-\s+", "-", unicodedata.normalize("NFKC", text))
    return re.sub(r"\s+", " ", text)


def assert_words_whole(text: str, words: list[str]) -> None:
    """No word is printed a letter or two per line, and these appear whole."""
    lonely = [line for line in text.splitlines() if re.fullmatch(r"\s*[^\W\d_]\s*", line)]
    assert lonely == [], "a word broken letter by letter"
    for word in words:
        assert word in flat(text), word


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_current_moment_prints_on_three_pages_at_most(
    offline_page: Callable[..., OfflinePage],
    site: Path,
    dataset: explainer.Dataset,
    paper: str,
    lang: str,
) -> None:
    page = open_page(offline_page, (site / f"{lang}.html").as_uri() + "#washington-2014")
    page.emulate_media(media="print")
    assert page.evaluate(CONTROLS_SHOWN) == 0, "no control on paper"
    pages, text = pdf_text(page.pdf(format=paper, print_background=True))
    assert pages <= 3, pages
    event = dataset.event("washington-2014")
    names = [dataset.countries[c].name(lang) for c in ("BIH", "XKX", "CAN", "VNM", "DEU")]
    assert_words_whole(text, [event.title.get(lang), *names])
    for other in dataset.events:  # the timeline prints whole, not a clipped scroll box
        assert flat(other.title.get(lang)) in flat(text), other.id
    narrative = {"en": "Why an alliance", "sv": "Varför en allians"}[lang]
    assert narrative not in text, "the narrative stays on screen; the handout prints it"


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_handout_prints_every_event_on_six_pages_at_most(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset, lang: str
) -> None:
    page = open_page(offline_page, (site / f"{lang}.html").as_uri() + "#launch-2012&handout")
    page.wait_for_selector(".xpl-handout[data-ready]", state="attached", timeout=60_000)
    assert page.locator(".xpl-handout .js-plotly-plot").count() == len(dataset.events)
    page.emulate_media(media="print")
    assert page.evaluate(CONTROLS_SHOWN) == 0, "no control on paper"
    pdf = page.pdf(format="A4", print_background=True)
    pages, text = pdf_text(pdf)
    assert pages <= 6, pages
    assert_words_whole(text, [e.title.get(lang) for e in dataset.events])
    assert flat(dataset.sources["europawire-memo-12-937"].title) in flat(text)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"handout-{lang}.pdf").write_bytes(pdf)


def test_the_handout_button_prints_the_handout_alone(
    offline_page: Callable[..., OfflinePage], site: Path
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri())
    page.evaluate("window.print = () => { window.__printed = document.documentElement.className; }")
    page.get_by_role("button", name="Handout").click()
    page.wait_for_function("() => window.__printed !== undefined", timeout=60_000)
    assert "xpl-printing-handout" in page.evaluate("window.__printed")


def sheet_mm(pdf: bytes) -> tuple[int, int]:
    """The first page's width and height in millimetres."""
    box = PdfReader(BytesIO(pdf)).pages[0].mediabox
    return round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)


@pytest.mark.parametrize(("paper", "sheet"), [(None, (210, 297)), ("letter", (216, 279))])
def test_export_writes_the_handout_as_a_pdf_without_a_network(
    tmp_path: Path, paper: str | None, sheet: tuple[int, int]
) -> None:
    command = [sys.executable, "-m", "explainer", "export", "--out", str(tmp_path / "site"),
               "--handout", *(["--paper", paper] if paper else [])]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    dataset = explainer.load_dataset()
    for lang in ("en", "sv"):
        pdf = (tmp_path / "site" / f"handout-{lang}.pdf").read_bytes()
        assert sheet_mm(pdf) == sheet, "A4 unless Letter is asked for"
        pages, text = pdf_text(pdf)
        assert pages <= 6
        for event in dataset.events:
            assert flat(event.title.get(lang)) in flat(text), (lang, event.id)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_on_a_phone_the_map_and_the_event_stay_on_screen_while_stepping(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset, lang: str
) -> None:
    first = dataset.events[0].id
    page = open_page(offline_page, (site / f"{lang}.html").as_uri() + f"#{first}", PHONE)
    page.evaluate(
        "window.scrollBy(0, document.querySelector('.xpl-map-pinned').getBoundingClientRect().top)"
    )
    where = """() => {
      const box = (s) => document.querySelector(s).getBoundingClientRect();
      const [title, map] = [box('.xpl-stepbar-title'), box('.xpl-plot')];
      const seen = (r) => r.top >= 0 && r.bottom <= innerHeight;
      return [seen(title), seen(map), document.documentElement.scrollWidth];
    }"""
    next_step = page.locator(".xpl-stepbar .xpl-step-button").nth(1)
    for index, event in enumerate(dataset.events):
        if index:
            next_step.click()
        assert moment(page) == event.id
        assert page.locator(".xpl-stepbar-title").text_content() == event.title.get(lang)
        assert page.evaluate(where) == [True, True, PHONE[0]], event.id
    small = page.evaluate(
        "() => [...document.querySelectorAll('.xpl-linked button, .xpl-linked input')]"
        ".filter((b) => b.getClientRects().length && b.getBoundingClientRect().height < 44)"
        ".map((b) => b.textContent)"
    )
    assert small == [], "touch targets of 44 px at least"
    table = page.locator(".xpl-members").bounding_box()
    assert table and table["height"] < 1.5 * PHONE[1], "folded away until asked for"
    page.locator(".xpl-members-toggle").click()
    page.locator(".xpl-members-filter").fill("sver" if lang == "sv" else "swed")
    rows = page.locator(".xpl-table tbody tr[data-iso3]:not([hidden])")
    assert rows.count() == 1 and rows.first.get_attribute("data-iso3") == "SWE"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"phone-{lang}.png"))


def test_an_embedded_view_fits_600_by_400_follows_keys_and_keeps_its_moment(
    offline_page: Callable[..., OfflinePage], site: Path
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#canada-2013&view=europe")
    page.get_by_role("button", name="Embed").click()
    code = page.locator(".xpl-embed-code").input_value()
    assert 'src="' + (site / "en.html").as_uri() + '#canada-2013&amp;view=europe&amp;embed"' in code
    host_file = site / "host.html"
    host_file.write_text(
        f"<!DOCTYPE html><html lang='en'><head><title>An article</title></head><body>"
        f"<h1>Someone else's article</h1>{code}<p>After the frame.</p></body></html>",
        encoding="utf-8",
    )
    host = offline_page(600, 400).page
    host.goto(host_file.as_uri())
    frame = host.frame_locator("iframe[data-explainer]")
    frame.locator(READY).wait_for(state="attached")
    inner = host.frames[1]
    assert (
        inner.evaluate("() => document.querySelector('.xpl-plot').dataset.moment") == "canada-2013"
    )
    assert inner.evaluate("() => document.querySelector('.xpl-plot').dataset.view") == "europe"
    assert not inner.locator("h1").first.is_visible(), "no header in the frame"
    # The frame told its host how tall it is.
    host.wait_for_function("() => document.querySelector('iframe').style.height !== ''")
    # At 400 high, the headline, the map and the event are in view.
    host.evaluate("() => { document.querySelector('iframe').style.height = '400px'; }")
    host.wait_for_timeout(300)
    bottoms = inner.evaluate(
        "() => ['.xpl-plot', '.xpl-stepbar-title', '.xpl-map-title']"
        ".map((s) => document.querySelector(s).getBoundingClientRect().bottom <= innerHeight)"
    )
    assert bottoms == [True, True, True]
    frame.locator(".xpl-plot").click()
    host.keyboard.press("ArrowRight")
    inner.wait_for_function(
        "() => document.querySelector('.xpl-plot').dataset.moment === 'croatia-eu-2013'"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    host.screenshot(path=str(ARTIFACTS / "embed-600x400.png"))
