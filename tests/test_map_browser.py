"""The standalone map page (`write_html` with plotly's defaults) in a real Chromium."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import explainer

from .browser import ARTIFACTS, OfflinePage, axe_violations
from .view_checks import EUROPE, TO_PIXELS, anchors

pytestmark = pytest.mark.browser
FILLS = ".scatterlayer path.js-fill"


@pytest.fixture(scope="module", params=["en", "sv"])
def map_file(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    dataset: explainer.Dataset,
) -> tuple[str, Path]:
    path = tmp_path_factory.mktemp("map") / f"map-{request.param}.html"
    # Plotly's own defaults: autoplay on, plotly.js inlined.
    explainer.membership_map(dataset, request.param).write_html(path)
    return request.param, path


def open_map(offline_page: Callable[..., OfflinePage], path: Path) -> Page:
    page = offline_page().page
    page.goto(path.as_uri())
    page.wait_for_selector(FILLS)
    page.wait_for_timeout(1000)  # what autoplay would have done by now
    return page


LABEL = "() => (document.querySelector('.hoverlayer .hovertext') || {}).textContent || ''"


def hover_label(page: Page, point: tuple[float, float], name: str) -> str:
    """The hover label once plotly has drawn it for this pointer (or after 2 s)."""
    x, y, _ = page.evaluate(TO_PIXELS, list(point))
    page.mouse.move(x, y)
    # plotly throttles hover: wait until the label is redrawn, not a fixed time.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(f"name => ({LABEL})().startsWith(name)", arg=name, timeout=2000)
    text: str = page.evaluate(LABEL)
    return text


def test_steps_change_fills_and_title_together(
    offline_page: Callable[..., OfflinePage], map_file: tuple[str, Path], dataset: explainer.Dataset
) -> None:
    lang, path = map_file
    page = open_map(offline_page, path)
    title = page.locator(".gtitle")
    assert title.text_content().startswith("5 December 2012" if lang == "en" else "5 december 2012")
    first = page.evaluate(f"() => [...document.querySelectorAll('{FILLS}')].map(p => p.style.fill)")
    page.locator(".slider-label").last.click(force=True)
    page.wait_for_timeout(400)
    assert "54" in title.text_content()
    assert (
        page.evaluate(f"() => [...document.querySelectorAll('{FILLS}')].map(p => p.style.fill)")
        != first
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"map-{lang}-2014.png"))


def test_hover_names_the_country_under_the_pointer_in_both_views(
    offline_page: Callable[..., OfflinePage], map_file: tuple[str, Path], dataset: explainer.Dataset
) -> None:
    lang, path = map_file
    page = open_map(offline_page, path)
    points = anchors(dataset)
    for view, required in ((0, set(dataset.countries)), (1, EUROPE)):
        if view:
            page.locator(".updatemenu-button").nth(view).click()
            page.wait_for_timeout(500)
        named = {}
        for iso3, point in points.items():
            if page.evaluate(TO_PIXELS, list(point))[2]:
                named[iso3] = hover_label(page, point, dataset.countries[iso3].name(lang))
        assert required <= set(named)
        wrong = {c: t for c, t in named.items()
                 if not t.startswith(dataset.countries[c].name(lang))}  # fmt: skip
        assert wrong == {}, view
    page.screenshot(path=str(ARTIFACTS / f"map-{lang}-europe.png"))


def test_the_page_offers_no_cloud_button_and_no_logo_link(
    offline_page: Callable[..., OfflinePage], map_file: tuple[str, Path]
) -> None:
    _, path = map_file
    page = open_map(offline_page, path)
    page.mouse.move(400, 400)
    buttons = page.evaluate(
        "() => [...document.querySelectorAll('.modebar-btn')].map(b => b.dataset.title || '')"
    )
    assert len(buttons) == 1, buttons  # the PNG download, in the map's language
    assert page.locator(".modebar a[href*='plotly']").count() == 0


def test_the_page_is_keyboard_complete_and_accessible(
    offline_page: Callable[..., OfflinePage], map_file: tuple[str, Path]
) -> None:
    _, path = map_file
    page = open_map(offline_page, path)
    assert axe_violations(page) == []
    page.locator("[data-control=date]").focus()
    page.keyboard.press("End")  # the last date, chosen without a pointer
    page.wait_for_timeout(300)
    assert "54" in page.locator(".gtitle").text_content()
    page.locator("[data-control=view]").focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    ranges = page.evaluate("() => document.querySelector('.js-plotly-plot').layout.xaxis.range")
    assert ranges[1] - ranges[0] < 20_000, "the Europe view is narrower than the world"
