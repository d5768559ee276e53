"""The standalone membership map, through its object model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest

import explainer
from explainer import Dataset
from explainer._geometry import projected_shapes
from explainer._map import MembershipMap, small_state_markers, view_boxes

STEPS = ["2012-12-05", "2013-06-17", "2013-07-01", "2014-03-26", "2014-09-30", "2015-12-07"]


@pytest.fixture(scope="module", params=["en", "sv"])
def figure(request: pytest.FixtureRequest, dataset: Dataset) -> go.Figure:
    return explainer.membership_map(dataset, lang=request.param)


def statuses(fig: go.Figure) -> dict[str, dict[str, str]]:
    """{step label: {iso3: status}}: each slider step's update over the first state."""
    data = fig.to_dict()
    base = {
        trace["customdata"][0]: trace["meta"]["status"]
        for trace in data["data"]
        if isinstance(trace.get("meta"), dict) and trace["meta"].get("iso3")
    }
    result = {}
    for step in data["layout"]["sliders"][0]["steps"]:
        update, _, _traces = step["args"]
        state = dict(base)
        for meta in update["meta"]:
            if meta["iso3"]:
                state[meta["iso3"]] = meta["status"]
        markers = update["meta"][-1]
        for code, status in zip(markers["codes"], markers["status"], strict=True):
            assert state[code] == status, "a marker says what its country says"
        result[step["label"]] = state
    return result


def test_one_step_per_membership_date_and_no_animation_frames(figure: go.Figure) -> None:
    # Steps are plain updates: no frames, so write_html's autoplay has nothing to
    # animate (animated pattern fills throw in plotly.js) and title and slider agree.
    assert not figure.frames
    steps = figure.layout.sliders[0].steps
    assert len(steps) == len(STEPS)
    assert all(step.method == "update" for step in steps)


def test_slider_labels_in_each_language(dataset: Dataset) -> None:
    en = explainer.membership_map(dataset, "en").layout.sliders[0].steps
    sv = explainer.membership_map(dataset, "sv").layout.sliders[0].steps
    assert [s.label for s in en] == [
        "5 Dec 2012", "17 Jun 2013", "1 Jul 2013", "26 Mar 2014", "30 Sept 2014", "7 Dec 2015",
    ]  # fmt: skip
    assert [s.label for s in sv] == [
        "5 dec. 2012", "17 juni 2013", "1 juli 2013", "26 mars 2014", "30 sep. 2014", "7 dec. 2015",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("iso3", "expected"),
    [
        ("ARM", ["not_member", "may_have_joined", "may_have_joined", "may_have_joined",
                 "joined_undated", "joined_undated"]),
        ("XKX", ["not_member", "may_have_joined", "may_have_joined", "may_have_joined",
                 "joined_undated", "joined_undated"]),
        ("CAN", ["not_member", "joined", "joined", "joined", "joined", "joined"]),
        ("VNM", ["founding", "unclear", "unclear", "unclear", "absent", "absent"]),
        ("HRV", ["founding"] * 6),
        ("MLT", ["founding"] * 6),
    ],
)  # fmt: skip
def test_status_at_each_step(figure: go.Figure, iso3: str, expected: list[str]) -> None:
    by_step = statuses(figure)
    assert [state[iso3] for state in by_step.values()] == expected


def step_text(fig: go.Figure, index: int, iso3: str) -> str:
    update, _, traces = fig.layout.sliders[0].steps[index].args
    position = list(traces).index(fig.layout.meta["countries"][iso3])
    return str(update["text"][position])


def test_croatia_hover_switches_to_eu_on_1_july_2013(dataset: Dataset) -> None:
    fig = explainer.membership_map(dataset, "en")
    assert "Not in the EU" in step_text(fig, 1, "HRV")
    assert "EU Member State" in step_text(fig, 2, "HRV")


def test_titles_give_the_count_the_sources_support(dataset: Dataset) -> None:
    fig = explainer.membership_map(dataset, "en")
    titles = [s.args[1]["title.text"].replace("<br>", " ") for s in fig.layout.sliders[0].steps]
    assert titles[0] == "5 December 2012: 48 countries · The alliance is launched with 48 countries"
    assert titles[1].startswith("17 June 2013: 49 countries on record · Canada joins")
    # The Star's 49 is a different 49 from the one on record, and the subtitle says so.
    assert "Toronto Star, March 2013 reports 49 countries and names only some" in titles[1]
    assert "is not the 48 plus Canada" in titles[1]
    # A step that changes no colour says why it is a step.
    assert titles[2].startswith("1 July 2013: 49 countries on record · Croatia joins the European")
    assert titles[3].startswith("26 March 2014: 49 countries on record · An EU fact sheet")
    assert "reports 53 countries without naming them" in titles[3]
    assert titles[4].startswith("30 September 2014: 54 countries · Second ministerial conference")
    # After the last list no source gives a membership: the title says whose count it is.
    assert titles[5].startswith("7 December 2015: 54 countries in the latest list")
    assert fig.layout.title.text == fig.layout.sliders[0].steps[0].args[1]["title.text"]
    sv = explainer.membership_map(dataset, "sv")
    assert (
        sv.layout.sliders[0]
        .steps[4]
        .args[1]["title.text"]
        .startswith("30 september 2014: 54 länder · Andra")
    )


def test_long_titles_wrap(dataset: Dataset) -> None:
    fig = explainer.membership_map(dataset, "sv")
    for step in fig.layout.sliders[0].steps:
        lines = step.args[1]["title.text"].replace("</span>", "").split("<br>")
        assert all(len(line.split(">")[-1]) <= 72 for line in lines), lines


def test_hover_names_status_eu_and_source(dataset: Dataset) -> None:
    fig = explainer.membership_map(dataset, "sv")
    canada = fig.data[fig.layout.meta["countries"]["CAN"]]
    assert canada.hoveron == "fills"
    text = step_text(fig, 4, "CAN")
    assert text.startswith("<b>Kanada</b><br>Anslöt sig den 17 juni 2013")
    assert "Kanadas regering, pressmeddelande 17 juni 2013" in text.replace("<br>", " ")
    assert "Inte med i EU" in text
    lines = text.split("<br>")
    assert all(len(line) <= 48 for line in lines if "<b>" not in line), "hover lines wrap"


def test_undated_joiners_say_date_not_published(dataset: Dataset) -> None:
    en = explainer.membership_map(dataset, "en")
    sv = explainer.membership_map(dataset, "sv")
    assert "exact date not published" in step_text(en, 4, "ARM").replace("<br>", " ")
    assert "exakt datum ej publicerat" in step_text(sv, 4, "ARM").replace("<br>", " ")


def test_small_states_get_markers_that_cover_no_neighbour(dataset: Dataset) -> None:
    shapes = [s for s in projected_shapes(dataset) if s.iso3 in dataset.countries]
    anchors = {s.iso3: s.anchor for s in shapes}
    for box in view_boxes(dataset, "en"):
        scale = box.km_per_px((640, 330))
        radii = small_state_markers(shapes, scale)
        for code, radius in radii.items():
            for other, point in anchors.items():
                if other != code:
                    distance = ((point[0] - anchors[code][0]) ** 2
                                + (point[1] - anchors[code][1]) ** 2) ** 0.5 / scale  # fmt: skip
                    assert distance > radius, (box.id, code, other)
    world, europe = (small_state_markers(shapes, b.km_per_px((640, 330)))
                     for b in view_boxes(dataset, "en"))  # fmt: skip
    assert "MLT" in world and "MLT" in europe
    assert not {"DEU", "FRA", "USA"} & set(world)


def test_views_are_buttons_that_keep_the_date(figure: go.Figure, dataset: Dataset) -> None:
    [menu] = figure.layout.updatemenus
    assert [b.label for b in menu.buttons] == [v.name.get(figure.layout.meta["lang"])
                                              for v in dataset.views]  # fmt: skip
    for button in menu.buttons:
        _restyle, relayout, traces = button.args
        assert list(traces) == [figure.layout.meta["markers"]], "views move only the markers"
        assert {"xaxis.range", "yaxis.range"} <= set(relayout)
        assert "title.text" not in relayout


def test_every_drawn_country_carries_its_iso3(figure: go.Figure, dataset: Dataset) -> None:
    codes = {t.customdata[0] for t in figure.data if t.hoveron == "fills"}
    assert codes == set(dataset.countries)


def walk(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in walk(v)]
    if isinstance(value, list):
        return [s for v in value for s in walk(v)]
    return [value] if isinstance(value, str) else []


def test_no_url_in_the_figure(figure: go.Figure) -> None:
    assert not [s for s in walk(figure.to_dict()) if "http" in s]


def test_figure_json_within_300_kb(figure: go.Figure) -> None:
    assert len(figure.to_json().encode()) <= 300 * 1024


def test_the_figure_shows_itself_with_offline_tools_only(
    figure: MembershipMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    import plotly.io as pio

    monkeypatch.setattr(pio.renderers, "default", "plotly_mimetype")  # as in a notebook
    bundle = figure._repr_mimebundle_()
    config = bundle["application/vnd.plotly.v1+json"]["config"]
    assert config["displaylogo"] is False
    assert "sendChartToCloud" in config["modeBarButtonsToRemove"]
    assert "sendChartToCloud" in figure.layout.modebar.remove


def test_write_html_gives_a_titled_page_in_the_maps_language(
    dataset: Dataset, tmp_path: Path
) -> None:
    path = tmp_path / "map.html"
    explainer.membership_map(dataset, "sv").write_html(path, include_plotlyjs=True)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert (
        "<title>Global Alliance against Child Sexual Abuse Online, 2012–2014: medlemmar, "
        "5 december 2012 till 7 december 2015</title>"
    ) in text
    assert "<main>" in text and "<h1>" in text
    assert '"displaylogo": false' in text
    assert "Plotly.animate" not in text


def test_every_status_differs_without_colour() -> None:
    from explainer._labels import STYLES

    cues = [(s.pattern, s.dash, s.symbol) for s in STYLES.values()]
    # LEFT and ABSENT say the same thing to a reader (not in the list any more).
    assert len(set(cues)) == len(cues) - 1


def test_unknown_language_is_refused(dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="lang must be one of en, sv"):
        explainer.membership_map(dataset, "de")
