"""The membership map, through its object model."""

from __future__ import annotations

import json
from typing import Any

import plotly.graph_objects as go
import pytest

import explainer
from explainer import Dataset

FRAMES = ["2012-12-05", "2013-06-17", "2013-07-01", "2014-03-26", "2014-09-30"]


@pytest.fixture(scope="module", params=["en", "sv"])
def figure(request: pytest.FixtureRequest, dataset: Dataset) -> go.Figure:
    return explainer.membership_map(dataset, lang=request.param)


def statuses(fig: go.Figure) -> dict[str, dict[str, str]]:
    """{frame name: {iso3: status}}: a frame's update, else the trace's own state."""
    data = fig.to_dict()
    base = {
        trace["customdata"][0]: trace["meta"]["status"]
        for trace in data["data"]
        if isinstance(trace.get("meta"), dict) and "iso3" in trace["meta"]
    }
    result = {}
    for frame in data["frames"]:
        state = dict(base)
        for update in frame["data"]:
            meta = update.get("meta", {})
            if "iso3" in meta:
                state[meta["iso3"]] = meta["status"]
        result[frame["name"]] = state
    return result


def test_one_frame_per_membership_step(figure: go.Figure) -> None:
    assert [f.name for f in figure.frames] == FRAMES
    steps = figure.layout.sliders[0].steps
    assert [s.args[0][0] for s in steps] == FRAMES


def test_slider_labels_in_each_language(dataset: Dataset) -> None:
    en = explainer.membership_map(dataset, "en").layout.sliders[0].steps
    sv = explainer.membership_map(dataset, "sv").layout.sliders[0].steps
    assert [s.label for s in en] == [
        "5 Dec 2012",
        "17 Jun 2013",
        "1 Jul 2013",
        "26 Mar 2014",
        "30 Sept 2014",
    ]
    assert [s.label for s in sv] == [
        "5 dec. 2012",
        "17 juni 2013",
        "1 juli 2013",
        "26 mars 2014",
        "30 sep. 2014",
    ]


@pytest.mark.parametrize(
    ("iso3", "expected"),
    [
        (
            "ARM",
            [
                "not_member",
                "may_have_joined",
                "may_have_joined",
                "may_have_joined",
                "joined_undated",
            ],
        ),
        (
            "XKX",
            [
                "not_member",
                "may_have_joined",
                "may_have_joined",
                "may_have_joined",
                "joined_undated",
            ],
        ),
        ("CAN", ["not_member", "joined", "joined", "joined", "joined"]),
        ("VNM", ["founding", "unclear", "unclear", "unclear", "absent"]),
        ("HRV", ["founding"] * 5),
        ("MLT", ["founding"] * 5),
    ],
)
def test_status_at_each_frame(figure: go.Figure, iso3: str, expected: list[str]) -> None:
    by_frame = statuses(figure)
    assert [by_frame[name][iso3] for name in FRAMES] == expected


def test_croatia_hover_switches_to_eu_on_1_july_2013(dataset: Dataset) -> None:
    fig = explainer.membership_map(dataset, "en")
    index = fig.layout.meta["countries"]["HRV"]
    texts = {}
    for frame in fig.frames:
        position = list(frame.traces).index(index)
        texts[frame.name] = frame.data[position].text
    assert "Not in the EU" in texts["2013-06-17"]
    assert "EU Member State" in texts["2013-07-01"]


def test_titles_give_the_count_the_sources_support(dataset: Dataset) -> None:
    fig = explainer.membership_map(dataset, "en")
    titles = {f.name: f.layout.title.text for f in fig.frames}
    assert titles["2012-12-05"] == "5 December 2012: 48 countries"
    assert titles["2013-06-17"].startswith("17 June 2013: 49 countries on record<br>")
    assert "Toronto Star reports 49 (March 2013)" in titles["2013-06-17"]
    assert titles["2014-03-26"].startswith("26 March 2014: 49 countries on record<br>")
    assert "reports 53" in titles["2014-03-26"]
    assert titles["2014-09-30"] == "30 September 2014: 54 countries"
    sv = explainer.membership_map(dataset, "sv")
    assert sv.frames[-1].layout.title.text == "30 september 2014: 54 länder"


def test_hover_names_status_eu_and_source(dataset: Dataset) -> None:
    fig = explainer.membership_map(dataset, "sv")
    canada = fig.data[fig.layout.meta["countries"]["CAN"]]
    final = fig.frames[-1].data[
        list(fig.frames[-1].traces).index(fig.layout.meta["countries"]["CAN"])
    ]
    assert canada.hoveron == "fills"
    assert final.text.startswith("<b>Kanada</b><br>Anslöt sig den 17 juni 2013")
    assert "Inte med i EU" in final.text
    assert "Källa: Government of Canada release" in final.text


def test_undated_joiners_say_date_not_published(figure: go.Figure) -> None:
    index = figure.layout.meta["countries"]["ARM"]
    frame = figure.frames[-1]
    text = frame.data[list(frame.traces).index(index)].text
    assert "date not published" in text or "datum ej publicerat" in text


def test_small_members_have_markers_with_the_same_hover(figure: go.Figure) -> None:
    markers = figure.data[figure.layout.meta["markers"]]
    codes = list(markers.customdata)
    assert {"MLT", "LUX", "CYP", "XKX"} <= set(codes)
    assert all(text.startswith("<b>") for text in markers.text)
    kosovo = figure.frames[-1].data[-1]
    assert kosovo.meta["status"][codes.index("XKX")] == "joined_undated"


def test_every_status_differs_without_colour() -> None:
    from explainer._labels import STYLES

    cues = [(s.pattern, s.dash, s.symbol) for s in STYLES.values()]
    # LEFT and ABSENT say the same thing to a reader (not in the list any more).
    assert len(set(cues)) == len(cues) - 1


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


def test_data_text_is_escaped_in_hover(data_copy: Any) -> None:
    root = data_copy()
    path = root / "countries.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("CAN,Canada,", "CAN,<script>x</script>,"),
        encoding="utf-8",
    )
    fig = explainer.membership_map(explainer.load_dataset(root), "en")
    serialized = json.dumps(fig.to_dict()["frames"])
    assert "<script>" not in serialized
    assert "&lt;script&gt;x&lt;/script&gt;" in serialized


def test_unknown_language_is_refused(dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="lang must be one of en, sv"):
        explainer.membership_map(dataset, "de")
