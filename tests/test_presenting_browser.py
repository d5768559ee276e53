"""Presenting the exported page on a projector: the stage, clicker keys, a blank screen,
notes in a second window that follow both ways, and an address that is the view.

Over file:// (a USB stick) and http://; Voilà's page is the same DOM and is checked in
test_voila_browser.py.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Page

import explainer
from explainer.language._i18n import event_date_label
from explainer.surfaces._export import export

from .browser import ARTIFACTS, OfflinePage, axe_violations, free_port
from .view_checks import READY, assert_agrees, moment, stage_figures, view_state

pytestmark = pytest.mark.browser
SIZES = [(1920, 1080), (1280, 720)]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("present") / "site", lang="en").parent


@pytest.fixture(scope="module")
def http_site(site: Path) -> Iterator[str]:
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def open_page(
    offline_page: Callable[..., OfflinePage], url: str, size: tuple[int, int] = (1280, 720)
) -> Page:
    page = offline_page(*size).page
    page.goto(url)
    page.wait_for_selector(READY)
    return page


@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1280x720"])
def test_the_stage_fills_the_screen_and_a_clicker_reaches_every_event(
    offline_page: Callable[..., OfflinePage],
    site: Path,
    dataset: explainer.Dataset,
    size: tuple[int, int],
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#launch-2012", size)
    page.keyboard.press("f")  # focus is on the page, not in the view: F still works
    page.wait_for_selector(".xpl-linked.xpl-stage")
    page.wait_for_timeout(500)  # the map is redrawn for its new size
    figures = stage_figures(page)
    assert figures["map"] >= 0.6, figures
    assert figures["events"] == len(dataset.events), "every event on the strip, none scrolled"
    if size == (1920, 1080):
        assert figures["body"] >= 28, "the key fact is readable from the back of the room"
    assert axe_violations(page) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"stage-{size[0]}x{size[1]}.png"))
    # A clicker: PageDown steps on from the launch, in the timeline's order.
    ids = [e.id for e in dataset.events]
    start = ids.index("launch-2012")
    for expected in ids[start + 1 : ids.index("washington-2014") + 1]:
        page.keyboard.press("PageDown")
        assert moment(page) == expected
    assert_agrees(page, dataset, dataset.event("washington-2014"), "en")
    keys = [("PageUp", ids[ids.index("washington-2014") - 1]), ("End", ids[-1]), ("Home", ids[0]),
            ("Space", ids[1]), ("Shift+Space", ids[0])]  # fmt: skip
    for key, expected in keys:
        page.keyboard.press(key)
        assert moment(page) == expected, key
    # From the first event to the last by PageDown alone, and no further.
    for expected in ids[1:]:
        page.keyboard.press("PageDown")
        assert moment(page) == expected
    page.keyboard.press("PageDown")
    assert moment(page) == ids[-1], "the last event stays"
    page.keyboard.press("Escape")
    page.wait_for_selector(".xpl-linked.xpl-stage", state="detached")


def test_b_blanks_the_screen_and_brings_it_back(
    offline_page: Callable[..., OfflinePage], site: Path
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri())
    page.keyboard.press("f")
    page.keyboard.press("b")
    cover = page.locator(".xpl-blank")
    assert cover.is_visible()
    box = cover.bounding_box()
    assert box and box["width"] >= 1280 and box["height"] >= 720
    page.keyboard.press(".")
    assert not cover.is_visible()
    page.keyboard.press("b")
    page.keyboard.press("PageDown")  # stepping shows the screen again
    assert not cover.is_visible()


def test_any_manual_step_pauses_play(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#launch-2012")
    play = page.locator(".xpl-play")
    play.click()
    assert play.get_attribute("aria-pressed") == "true"
    page.get_by_role("listbox").focus()
    page.keyboard.press("ArrowUp")
    assert play.get_attribute("aria-pressed") == "false"
    shown = moment(page)
    page.wait_for_timeout(5000)  # longer than Play's interval: no step came
    assert moment(page) == shown
    play.click()
    page.get_by_role("option", name=dataset.events[-1].title.get("en")).click()
    assert play.get_attribute("aria-pressed") == "false", "a click pauses it too"


@pytest.mark.parametrize("where", ["file", "http"])
def test_the_notes_window_follows_the_view_both_ways(
    offline_page: Callable[..., OfflinePage],
    site: Path,
    http_site: str,
    dataset: explainer.Dataset,
    where: str,
) -> None:
    url = (site / "index.html").as_uri() if where == "file" else f"{http_site}/index.html"
    page = open_page(offline_page, url + "#launch-2012")
    with page.expect_popup() as opened:
        page.keyboard.press("n")
    notes = opened.value
    notes.wait_for_selector(".xpl-notes-now h3")

    def shown_in_notes() -> tuple[str, str, str]:
        now = notes.locator(".xpl-notes-now")
        return (
            str(now.locator("h3").text_content()),
            str(now.locator(".xpl-notes-text").text_content()),
            str(notes.locator(".xpl-notes-next h3").text_content()),
        )

    def expect(event_id: str) -> None:
        index = [e.id for e in dataset.events].index(event_id)
        event, after = dataset.events[index], dataset.events[index + 1]
        assert event.notes is not None
        notes.wait_for_function("id => document.body.dataset.moment === id", arg=event_id)
        assert shown_in_notes() == (
            event.title.get("en"), event.notes.get("en"), after.title.get("en")
        )  # fmt: skip
        assert moment(page) == event_id

    expect("launch-2012")
    assert ":" in str(notes.locator(".xpl-notes-clock").text_content())
    page.keyboard.press("f")
    page.keyboard.press("PageDown")  # the main window steps: the notes follow
    expect("canada-2013")
    notes.keyboard.press("PageDown")  # the notes window steps: the main window follows
    expect("croatia-eu-2013")
    notes.get_by_role("button", name="Previous step").click()
    expect("canada-2013")
    ARTIFACTS.mkdir(exist_ok=True)
    notes.screenshot(path=str(ARTIFACTS / f"notes-{where}.png"))
    notes.close()


def test_back_after_two_deliberate_jumps_returns_to_the_first(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#launch-2012")
    first, second = dataset.event("canada-2013"), dataset.event("washington-2014")
    page.get_by_role("option", name=first.title.get("en")).click()
    page.get_by_role("option", name=second.title.get("en")).click()
    assert view_state(page)["hash"] == "#washington-2014"
    page.go_back()
    assert_agrees(page, dataset, first, "en")
    assert view_state(page)["hash"] == "#canada-2013"
    page.go_forward()
    assert_agrees(page, dataset, second, "en")


def test_stepping_replaces_the_address_instead_of_adding_to_history(
    offline_page: Callable[..., OfflinePage], site: Path
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#launch-2012")
    length = page.evaluate("history.length")
    page.keyboard.press("f")
    for _ in range(4):
        page.keyboard.press("PageDown")
    assert page.evaluate("history.length") == length
    assert view_state(page)["hash"] == "#factsheet-2014"


def test_an_edited_address_moves_the_view(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#launch-2012")
    page.evaluate("location.hash = '#washington-2014&view=europe'")
    assert_agrees(page, dataset, dataset.event("washington-2014"), "en")
    page.wait_for_function("() => document.querySelector('.xpl-plot').dataset.view === 'europe'")
    assert page.locator(".xpl-views button").nth(1).get_attribute("aria-pressed") == "true"
    page.evaluate("location.hash = '#canada-2013'")  # no view named: the first view
    assert_agrees(page, dataset, dataset.event("canada-2013"), "en")
    page.wait_for_function("() => document.querySelector('.xpl-plot').dataset.view === 'world'")


def test_a_link_naming_an_event_and_the_europe_view_opens_both(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset
) -> None:
    page = open_page(offline_page, (site / "index.html").as_uri() + "#canada-2013&view=europe")
    assert_agrees(page, dataset, dataset.event("canada-2013"), "en", announced=False)
    assert page.locator(".xpl-plot").get_attribute("data-view") == "europe"
    page.reload()
    page.wait_for_selector(READY)
    assert page.locator(".xpl-plot").get_attribute("data-view") == "europe"
    # The language link carries the moment and the view.
    href = page.locator(".xpl-page-link").get_attribute("href")
    assert href == "sv.html#canada-2013&view=europe"


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_each_step_is_announced_once_with_what_changed(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset, lang: str
) -> None:
    page = open_page(offline_page, (site / ("index.html" if lang == "en" else "sv.html")).as_uri())
    page.get_by_role("listbox").focus()
    page.keyboard.press("Home")
    for event in dataset.events[1:]:
        page.keyboard.press("ArrowDown")
        spoken = view_state(page)["announce"]
        date = event_date_label(event, lang)
        assert spoken.count(date) == 1, spoken
        assert len(spoken) <= 140, spoken
    washington = {"en": "6 joined, Vietnam no longer listed",
                  "sv": "6 gick med, Vietnam finns inte längre med"}  # fmt: skip
    page.keyboard.press("Home")
    for _ in range([e.id for e in dataset.events].index("washington-2014")):
        page.keyboard.press("ArrowDown")
    assert washington[lang] in view_state(page)["announce"]


def test_an_event_without_quotes_leaves_no_empty_place_for_them(
    offline_page: Callable[..., OfflinePage], site: Path, dataset: explainer.Dataset
) -> None:
    quiet = next(e for e in dataset.events if not dataset.quotes_for(e.id))
    spoken = next(e for e in dataset.events if dataset.quotes_for(e.id))
    page = open_page(offline_page, (site / "index.html").as_uri() + f"#{quiet.id}")
    quotes = page.locator(".xpl-card-quotes")
    box = quotes.bounding_box()
    assert quotes.is_hidden() and not (box and box["height"])
    page.evaluate(f"location.hash = '#{spoken.id}'")
    page.wait_for_function("id => document.querySelector('.xpl-plot').dataset.moment === id",
                           arg=spoken.id)  # fmt: skip
    assert quotes.is_visible()
