"""Asking the map: find a country, see what changed at a step, move through time.

In the exported page (over file://, in English and Swedish) and in Voilà's page (the
same front end: tested in test_voila_browser.py for the search). Expected values come
from the data and the engine's rules, never from the page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

import explainer
from explainer.model._changes import changes_between
from explainer.surfaces._export import export
from explainer.views._labels import STYLES

from .browser import ARTIFACTS, OfflinePage, axe_violations
from .view_checks import READY, moment, view_state

pytestmark = pytest.mark.browser
DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("ask") / "site", lang="en").parent


def open_page(offline_page: Callable[..., OfflinePage], url: str) -> Page:
    page = offline_page(1280, 720).page
    page.goto(url)
    page.wait_for_selector(READY)
    return page


def search_options(page: Page) -> list[str]:
    return page.locator(".xpl-search-list [role=option]").all_text_contents()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_reader_finds_a_country_by_any_of_its_names(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset, lang: str
) -> None:
    page = open_page(offline_page, (site / f"{lang}.html").as_uri() + "#launch-2012")
    box = page.get_by_role("combobox")
    box.fill("sver")
    sweden = dataset.countries["SWE"].name(lang)
    assert search_options(page)[0].startswith(sweden)
    assert box.get_attribute("aria-expanded") == "true"
    assert axe_violations(page) == [], "with the suggestions open"
    page.screenshot(path=str(ARTIFACTS / f"search-open-{lang}.png"))
    box.press("Enter")
    card = page.locator(".xpl-found")
    status = dataset.status_on("SWE", dataset.event("launch-2012").last_day)
    assert status.since == dt.date(2012, 12, 5)
    text = card.text_content() or ""
    assert {"en": "5 December 2012", "sv": "5 december 2012"}[lang] in text, text
    assert dataset.sources[status.sources[0]].label(lang) in text
    assert page.locator(".xpl-plot").get_attribute("data-found") == "SWE"
    # The outline stays while the reader steps.
    page.get_by_role("listbox").first.focus()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
        assert page.locator(".xpl-outline-found[data-iso3=SWE]").count() == 1
    assert moment(page) == dataset.events[6].id
    # By code and by a common name; Escape clears.
    box.fill("CAN")
    assert search_options(page)[0].startswith(dataset.countries["CAN"].name(lang))
    box.fill("holland")
    assert search_options(page)[0].startswith(dataset.countries["NLD"].name(lang))
    box.press("Escape")  # closes the suggestions
    box.press("Escape")  # clears the search and the outline
    assert box.input_value() == "" and card.is_hidden()
    assert page.locator(".xpl-outline-found").count() == 0
    assert page.locator(".xpl-plot").get_attribute("data-found") == ""


def test_a_small_country_found_is_shown_closer(
    offline_page: Callable[..., OfflinePage], site: Path
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#washington-2014")
    before = float(page.locator(".xpl-plot").get_attribute("data-km-per-px") or 0)
    page.get_by_role("combobox").fill("malta")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "before => Number(document.querySelector('.xpl-plot').dataset.kmPerPx) < before / 4",
        arg=before,
    )
    page.keyboard.press("Escape")
    page.wait_for_function(
        "before => Number(document.querySelector('.xpl-plot').dataset.kmPerPx) === before",
        arg=before,
    )


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_each_step_marks_and_lists_what_changed_since_the_one_before(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset, lang: str
) -> None:
    page = open_page(offline_page, (site / f"{lang}.html").as_uri() + "#idea-2011")
    page.get_by_role("listbox").first.focus()
    for before, event in zip(dataset.events, dataset.events[1:], strict=False):
        page.keyboard.press("ArrowDown")
        assert moment(page) == event.id
        changes = changes_between(dataset, before.last_day, event.last_day)
        marked = page.locator(".xpl-outline-changed").evaluate_all(
            "(ps) => ps.map((p) => p.dataset.iso3)"
        )
        assert sorted(marked) == sorted(changes.codes()), event.id
        card = page.locator(".xpl-changes").all_text_contents()
        for iso3 in (*changes.joined, *changes.unlisted, *changes.left):
            assert dataset.countries[iso3].name(lang) in " ".join(card), (event.id, iso3)
    page.get_by_role("option", name=dataset.event("washington-2014").title.get(lang)).click()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"changes-{lang}.png"))


def test_the_time_scale_spaces_events_by_time_and_the_scrubber_shows_any_day(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#launch-2012")
    page.get_by_role("button", name="Time scale").click()
    axis = page.locator(".xpl-axis").bounding_box()
    assert axis
    start, end = dataset.events[0].date.first, dataset.events[-1].last_day
    for event in dataset.events:
        dot = page.locator(f".xpl-axis-mark[data-id='{event.id}'] .xpl-axis-dot").bounding_box()
        assert dot
        want = axis["x"] + axis["width"] * (event.last_day - start).days / (end - start).days
        assert abs(dot["x"] + dot["width"] / 2 - want) <= 2, event.id
    # A day between two events: the map shows the membership of that day.
    day = dt.date(2013, 3, 20)
    assert dataset.event("launch-2012").last_day < day < dataset.event("canada-2013").last_day
    page.evaluate(
        "offset => { const r = document.querySelector('.xpl-scrubber');"
        " r.value = String(offset); r.dispatchEvent(new Event('input', {bubbles: true})); }",
        (day - start).days,
    )
    page.wait_for_function(
        "() => document.querySelector('.xpl-plot').dataset.moment.startsWith('day-')"
    )
    shown = view_state(page)
    assert shown["title"].startswith("20 March 2013")
    assert shown["fills"] == {c: STYLES[s.kind].fill for c, s in dataset.statuses_on(day).items()}
    # By keyboard: a day on.
    page.locator(".xpl-scrubber").focus()
    page.keyboard.press("ArrowRight")
    assert view_state(page)["title"].startswith("21 March 2013")
    assert axe_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / "time-scale.png"))
