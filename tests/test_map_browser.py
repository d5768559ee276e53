"""The map in a real Chromium, with every non-local request aborted and recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

import explainer
from explainer._export import write_figure_html

from .browser import ARTIFACTS, offline_page

pytestmark = pytest.mark.browser

MARKER_CENTRE = """code => {
  const gd = document.getElementById('membership-map');
  const i = gd.layout.meta.markers;
  const k = gd.data[i].customdata.indexOf(code);
  const trace = document.querySelectorAll('.scatterlayer .trace')[i];
  const r = trace.querySelectorAll('.point')[k].getBoundingClientRect();
  return [r.x + r.width / 2, r.y + r.height / 2];
}"""

FILLS = (
    "() => [...document.querySelectorAll('.scatterlayer path.js-fill')]"
    ".filter(p => (p.getAttribute('d') || '').length > 10)"
    ".map(p => p.style.fill + '|' + (p.style.fillOpacity || ''))"
)


@pytest.fixture(scope="module", params=["en", "sv"])
def map_file(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    dataset: explainer.Dataset,
) -> tuple[str, Path]:
    path = tmp_path_factory.mktemp("map") / f"map-{request.param}.html"
    write_figure_html(explainer.membership_map(dataset, request.param), path)
    return request.param, path


def animate_to(page: object, name: str) -> None:
    page.evaluate(  # type: ignore[attr-defined]
        "name => Plotly.animate('membership-map', [name], {mode: 'immediate', "
        "frame: {duration: 0, redraw: true}, transition: {duration: 0}})",
        name,
    )
    page.wait_for_timeout(300)  # type: ignore[attr-defined]


def test_map_draws_offline_and_the_slider_changes_it(
    browser: object, map_file: tuple[str, Path], dataset: explainer.Dataset
) -> None:
    lang, path = map_file
    page, remote = offline_page(browser)
    page.goto(path.as_uri())  # type: ignore[attr-defined]
    page.wait_for_selector(".scatterlayer path.js-fill")  # type: ignore[attr-defined]
    before = page.evaluate(FILLS)  # type: ignore[attr-defined]
    # ocean + background + one per listed country
    assert len(before) >= len(dataset.countries) + 2

    ARTIFACTS.mkdir(exist_ok=True)
    shots = {}
    for frame in dataset.steps:
        animate_to(page, frame.isoformat())
        shots[frame] = page.evaluate(FILLS)  # type: ignore[attr-defined]
        page.screenshot(path=str(ARTIFACTS / f"map-{lang}-{frame}.png"))  # type: ignore[attr-defined]
    assert shots[dataset.steps[-1]] != before, "stepping to 2014 must change the fills"

    # The slider itself (a real click on its last label) moves the map too.
    animate_to(page, dataset.steps[0].isoformat())
    page.locator(".slider-label").last.click(force=True)  # type: ignore[attr-defined]
    page.wait_for_timeout(400)  # type: ignore[attr-defined]
    assert page.evaluate(FILLS) == shots[dataset.steps[-1]]  # type: ignore[attr-defined]
    title = page.locator(".gtitle").first.text_content()  # type: ignore[attr-defined]
    assert "54" in title

    assert remote == [], f"non-local requests attempted: {remote}"
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_hover_on_a_small_member_marker(browser: object, map_file: tuple[str, Path]) -> None:
    lang, path = map_file
    page, remote = offline_page(browser)
    page.goto(path.as_uri())  # type: ignore[attr-defined]
    page.wait_for_selector(".scatterlayer .point")  # type: ignore[attr-defined]
    box = page.evaluate(MARKER_CENTRE, "MLT")  # type: ignore[attr-defined]
    page.mouse.move(*box)  # type: ignore[attr-defined]
    page.wait_for_selector(".hoverlayer .hovertext")  # type: ignore[attr-defined]
    text = page.locator(".hoverlayer .hovertext").first.text_content()  # type: ignore[attr-defined]
    assert "Malta" in text
    assert ("Founding member" if lang == "en" else "Grundande medlem") in text
    assert remote == []
