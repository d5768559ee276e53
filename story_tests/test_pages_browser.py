"""The story's pages as a reader meets them, in Chromium: the exported pages and Voilà's.

- The first screen answers: the standfirst and the key points are on it at 1280×720,
  and within 844 px on a phone (editorial review, 2 Dec 2026).
- With the appendix folded, a story page shows at most 3,000 words.
- A Swedish page shows no interface string of the English catalog (sources review,
  S1-S12): every string the engine can show has a Swedish translation in use.
- Voilà shows the story's text as the exported page does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import Page

from explainer.language._i18n import DOMAIN, LOCALE_DIR
from explainer.surfaces._export import export
from tests.browser import PHONE, PROJECTOR, OfflinePage
from tests.view_checks import READY

from .conftest import ROOT
from .story_text import story_sections

pytestmark = pytest.mark.browser

PAGES = {"en": "index.html", "sv": "sv.html"}
# Every text of the page in Swedish, shown or not: what is marked as in another language
# (an English quote's original, an English title, the link "In English") left out.
SWEDISH_TEXT = """() => {
  const copy = document.body.cloneNode(true);
  const other = 'script, style, template, [lang]:not([lang="sv"])';
  copy.querySelectorAll(other).forEach((n) => n.remove());
  return copy.textContent.replace(/\\s+/g, ' ');
}"""
HOME = {"en": "/", "sv": "/explainer-sv.ipynb"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("site") / "site", project=ROOT).parent


def english_interface_strings() -> list[str]:
    """Fragments of the English catalog that a Swedish page must not show.

    Each message's literal text between placeholders, where it is at least two words
    and not the same in Swedish (EU is EU in both).
    """
    with (LOCALE_DIR / "sv" / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        catalog = read_po(handle)
    fragments = set()
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid in ids:
            if msgid in strings:
                continue
            for part in re.split(r"\{\w+\}", str(msgid)):
                part = part.strip(" .,:;()")
                if len(part.split()) >= 2:
                    fragments.add(part)
    return sorted(fragments)


def open_page(offline_page: Callable[..., OfflinePage], url: str, size: tuple[int, int]) -> Page:
    page = offline_page(*size).page
    page.goto(url)
    page.wait_for_selector(READY, timeout=120_000)
    return page


def bottom(page: Page, selector: str) -> float:
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    return float(box["y"] + box["height"])


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_first_screen_answers(
    offline_page: Callable[..., OfflinePage], site: Path, lang: str
) -> None:
    url = (site / PAGES[lang]).as_uri()
    page = open_page(offline_page, url, PROJECTOR)
    assert bottom(page, ".xpl-tag-lead >> nth=-1") <= PROJECTOR[1], "standfirst and key points"
    phone = open_page(offline_page, url, PHONE)
    assert bottom(phone, ".xpl-tag-lead >> nth=-1") <= PHONE[1], "the same on a phone"
    size = phone.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.xpl-tag-lead')).fontSize)"
    )
    assert size >= 14, "readable in the hand, not shrunk to fit"


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_page_shows_at_most_3000_words_with_the_appendix_folded(
    offline_page: Callable[..., OfflinePage], site: Path, lang: str
) -> None:
    page = open_page(offline_page, (site / PAGES[lang]).as_uri(), PROJECTOR)
    assert page.locator("details.xpl-appendix[open]").count() == 0
    assert page.locator("details.xpl-appendix").count() >= 4
    text = page.evaluate("document.body.innerText")
    assert len(re.findall(r"\w+", text)) <= 3000


def test_the_exported_swedish_page_shows_no_english_interface_string(
    offline_page: Callable[..., OfflinePage], site: Path
) -> None:
    page = open_page(offline_page, (site / PAGES["sv"]).as_uri(), PROJECTOR)
    text = page.evaluate(SWEDISH_TEXT)
    fragments = english_interface_strings()
    assert len(fragments) > 80  # the catalog is read (about a hundred fragments)
    assert [f for f in fragments if f in text] == []


def test_voila_shows_the_story_as_the_export_does_in_swedish(
    offline_page: Callable[..., OfflinePage], story_server: str, site: Path
) -> None:
    page = open_page(offline_page, story_server + HOME["sv"], PROJECTOR)
    served = story_sections(page.content())
    exported = story_sections((site / PAGES["sv"]).read_text(encoding="utf-8"))
    assert [(s.name, s.prose) for s in served] == [(s.name, s.prose) for s in exported]
    text = page.evaluate(SWEDISH_TEXT)
    assert [f for f in english_interface_strings() if f in text] == []
    phone = open_page(offline_page, story_server + HOME["sv"], PHONE)
    assert bottom(phone, ".xpl-tag-lead >> nth=-1") <= PHONE[1], "the answer on a phone, too"
