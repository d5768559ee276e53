"""This story's exported pages: every event, quote and source, and the linked view in a browser.

The engine's own export tests run on the fixture story (``tests/test_export.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

import explainer
from explainer.surfaces._export import export
from explainer.views._moments import default_event
from tests.browser import ARTIFACTS, PHONE, OfflinePage, axe_violations
from tests.view_checks import (
    EUROPE,
    READY,
    assert_agrees,
    assert_hover_names_every_country,
    assert_markers_name_their_state,
    view_state,
)

from .conftest import ROOT

ISLAND = re.compile(
    r'<script type="application/json" data-explainer-view="[^"]+">(.*?)</script>', re.S
)


def islands(page: str) -> list[dict[str, Any]]:
    """The views a page paints, as the JSON it paints them from."""
    return [json.loads(text) for text in ISLAND.findall(page)]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("site") / "site", lang="en", project=ROOT).parent


def test_one_page_per_language_and_a_data_page(site: Path) -> None:
    # index.html in the home language, and every language under its own name (to embed).
    assert sorted(p.name for p in site.iterdir()) == [
        "data-and-sources.html",
        "en.html",
        "index.html",
        "sv.html",
    ]
    assert (site / "en.html").read_bytes() == (site / "index.html").read_bytes()
    english = (site / "index.html").read_text(encoding="utf-8")
    swedish = (site / "sv.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and '<html lang="sv">' in swedish
    assert "Content note" in english and "Innehållsvarning" not in english
    assert "Innehållsvarning" in swedish and "Content note" not in swedish
    for page in (english, swedish):
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
        # The linked view, and the quote cards drawn by the same front end.
        assert [island["kind"] for island in islands(page)] == ["linked", "quotes"]
        assert "<main>" in page


def test_pages_are_self_contained(site: Path) -> None:
    for page in site.iterdir():
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"(https?:)?//", text)


def test_the_story_page_carries_every_event_quote_and_source(
    site: Path, dataset: explainer.Dataset
) -> None:
    text = (site / "index.html").read_text(encoding="utf-8")
    linked, quotes = islands(text)
    for event in dataset.events:  # in the linked view's data and in the events table
        assert f"id='event-{event.id}'" in text
    assert [m["id"] for m in linked["state"]["spec"]["events"]] == [e.id for e in dataset.events]
    shown = [q["id"] for group in quotes["state"]["groups"] for q in group["quotes"]]
    assert shown == [q.id for e in dataset.events for q in dataset.quotes_for(e.id)]
    assert sorted(shown) == sorted(q.id for q in dataset.quotes)
    for source in dataset.sources:
        assert f'id="source-{source}"' in text
    # Links between notebooks became links between pages (the view links the other
    # language itself, keeping the moment).
    assert 'href="data-and-sources.html"' in text
    data_page = (site / "data-and-sources.html").read_text(encoding="utf-8")
    assert 'href="sv.html"' in data_page and 'href="index.html"' in data_page
    assert ".ipynb" not in re.sub(r"<script.*?</script>", "", text, flags=re.S)


# -- in a browser -----------------------------------------------------------------


def open_page(
    offline_page: Callable[..., OfflinePage], url: str, size: tuple[int, int] = (1280, 720)
) -> Page:
    page = offline_page(*size).page
    page.goto(url)
    page.wait_for_selector(READY)
    return page


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_arrow_keys_step_through_every_event_and_everything_agrees(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset, lang: str
) -> None:
    name = "index.html" if lang == "en" else "sv.html"
    page = open_page(offline_page, (site / name).as_uri())
    default = default_event(dataset)
    assert_agrees(page, dataset, default, lang, announced=False)
    page.get_by_role("listbox").focus()
    page.keyboard.press("Home")
    for index, event in enumerate(dataset.events):
        if index:
            page.keyboard.press("ArrowDown")
        assert_agrees(page, dataset, event, lang)
        assert view_state(page)["hash"] == f"#{event.id}"
    page.keyboard.press("ArrowDown")  # past the end: stays on the last event
    assert_agrees(page, dataset, dataset.events[-1], lang)
    page.keyboard.press("Home")
    assert_agrees(page, dataset, dataset.events[0], lang)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"export-{lang}-first-event.png"))


@pytest.mark.browser
def test_an_address_with_an_event_opens_on_it(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#canada-2013")
    assert_agrees(page, dataset, dataset.event("canada-2013"), "en", announced=False)
    assert view_state(page)["title"].startswith("17 June 2013")


@pytest.mark.browser
def test_an_unknown_event_in_the_address_opens_the_default(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#no-such-event")
    assert_agrees(page, dataset, default_event(dataset), "en", announced=False)
    note = page.locator(".xpl-note")
    assert "showing 5 December 2012" in (note.text_content() or "")
    assert view_state(page)["hash"] == "#launch-2012"


@pytest.mark.browser
def test_the_language_link_keeps_the_moment(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#washington-2014")
    page.get_by_role("link", name="På svenska").first.click()
    page.wait_for_selector(READY)
    assert page.url.endswith("sv.html#washington-2014")
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert "Innehållsvarning" in (page.locator("main").text_content() or "")
    assert page.title().startswith("Den globala alliansen")
    assert_agrees(page, dataset, dataset.event("washington-2014"), "sv", announced=False)
    page.get_by_role("link", name="In English").first.click()
    page.wait_for_selector(READY)
    assert page.url.endswith("index.html#washington-2014")
    assert page.evaluate("document.documentElement.lang") == "en"


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_phone_layout_is_one_column_and_fits(
    offline_page: Callable[..., OfflinePage], site: Path, lang: str
) -> None:
    name = "index.html" if lang == "en" else "sv.html"
    page = open_page(offline_page, (site / name).as_uri(), PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE[0]
    assert page.locator(".xpl-plot").bounding_box()["width"] >= 340  # type: ignore[index]
    map_box = page.locator(".xpl-map").bounding_box()
    timeline_box = page.locator(".xpl-timeline").bounding_box()
    assert map_box and timeline_box and timeline_box["y"] > map_box["y"], "one column, map first"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"export-{lang}-phone.png"))


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_hover_names_the_country_under_the_pointer_in_both_views(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset, lang: str
) -> None:
    name = "index.html" if lang == "en" else "sv.html"
    page = open_page(offline_page, (site / name).as_uri() + "#washington-2014")
    world = assert_hover_names_every_country(page, dataset, lang, set(dataset.countries))
    assert world == len(dataset.countries) == 55
    assert_markers_name_their_state(page, dataset, lang)
    page.locator(".xpl-views button").nth(1).click()
    page.wait_for_function("() => document.querySelector('.xpl-plot').dataset.view === 'europe'")
    page.wait_for_timeout(300)
    assert_hover_names_every_country(page, dataset, lang, EUROPE)
    assert {"MLT"} <= set(page.locator(".xpl-plot").get_attribute("data-markers").split())  # type: ignore[union-attr]
    assert_markers_name_their_state(page, dataset, lang)


@pytest.mark.browser
def test_views_by_keyboard_zoom_and_stay_while_the_date_changes(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri())
    plot = page.locator(".xpl-plot")
    world_scale = float(plot.get_attribute("data-km-per-px") or 0)
    page.locator(".xpl-views button").first.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.xpl-plot').dataset.view === 'europe'")
    page.wait_for_timeout(300)
    europe_scale = float(plot.get_attribute("data-km-per-px") or 0)
    assert europe_scale < world_scale / 2, (world_scale, europe_scale)
    assert page.locator(".xpl-views button").nth(1).get_attribute("aria-pressed") == "true"
    page.get_by_role("listbox").focus()
    page.keyboard.press("End")
    assert_agrees(page, dataset, dataset.events[-1], "en")
    assert plot.get_attribute("data-view") == "europe"
    assert float(plot.get_attribute("data-km-per-px") or 0) == europe_scale
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "export-en-europe.png"))


@pytest.mark.browser
@pytest.mark.parametrize("name", ["index.html", "sv.html", "data-and-sources.html"])
@pytest.mark.parametrize("size", [(1280, 720), PHONE])
def test_pages_have_no_accessibility_violations(
    offline_page: Callable[..., OfflinePage], site: Path, name: str, size: tuple[int, int]
) -> None:
    page = offline_page(*size).page
    page.goto(
        (site / name).as_uri() + ("#washington-2014" if name != "data-and-sources.html" else "")
    )
    if name != "data-and-sources.html":
        page.wait_for_selector(READY)
        page.locator(".xpl-views button").nth(1).click()  # the Europe view, markers shown
        page.wait_for_timeout(300)
    assert axe_violations(page) == []


@pytest.mark.browser
def test_play_steps_on_and_stops_at_the_end(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#merger-2016")
    play = page.locator(".xpl-play")
    play.focus()
    page.keyboard.press("Enter")  # at the last event, Play starts from the first
    assert_agrees(page, dataset, dataset.events[0], "en")
    assert play.get_attribute("aria-pressed") == "true"
    page.keyboard.press("Enter")
    assert play.get_attribute("aria-pressed") == "false"
