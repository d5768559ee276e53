"""This story's map, through the moments the front end draws it from (one per event)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from explainer import Dataset
from explainer.views._moments import view_spec

EVENTS = [
    "idea-2011", "council-2012", "copenhagen-2012", "launch-2012", "canada-2013",
    "croatia-eu-2013", "first-report-2013", "factsheet-2014", "washington-2014",
    "london-2014", "abu-dhabi-2015", "cyber-dialogue-2015", "merger-2016",
]  # fmt: skip


@pytest.fixture(scope="module", params=["en", "sv"])
def spec(request: pytest.FixtureRequest, dataset: Dataset) -> dict[str, Any]:
    return view_spec(dataset, request.param)


def statuses(spec: dict[str, Any]) -> dict[str, dict[str, str]]:
    """{event id: {iso3: status}}, as each moment colours the map."""
    codes = [c["iso3"] for c in spec["countries"]]
    return {
        moment["id"]: {codes[i]: cell[0] for i, cell in enumerate(moment["countries"])}
        for moment in spec["events"]
    }


def cell_texts(spec: dict[str, Any], event: str, iso3: str) -> list[str]:
    """What pointing at a country says at an event: status detail, EU, sources."""
    index = [c["iso3"] for c in spec["countries"]].index(iso3)
    moment = next(m for m in spec["events"] if m["id"] == event)
    return [spec["strings"][i] for i in moment["countries"][index][1:]]


def test_one_moment_per_event_in_order(spec: dict[str, Any]) -> None:
    assert [m["id"] for m in spec["events"]] == EVENTS
    assert spec["default"] == "launch-2012"


@pytest.mark.parametrize(
    ("iso3", "expected"),
    [
        ("ARM", ["not_member"] * 4 + ["may_have_joined"] * 4 + ["joined_undated"] * 5),
        ("XKX", ["not_member"] * 4 + ["may_have_joined"] * 4 + ["joined_undated"] * 5),
        ("CAN", ["not_member"] * 4 + ["joined"] * 9),
        ("VNM", ["not_member"] * 3 + ["founding"] + ["unclear"] * 4 + ["absent"] * 5),
        ("HRV", ["not_member"] * 3 + ["founding"] * 10),
        ("MLT", ["not_member"] * 3 + ["founding"] * 10),
    ],
)
def test_status_at_each_event(spec: dict[str, Any], iso3: str, expected: list[str]) -> None:
    assert [state[iso3] for state in statuses(spec).values()] == expected


def test_croatia_is_shown_in_the_eu_from_1_july_2013(dataset: Dataset) -> None:
    spec = view_spec(dataset, "en")
    assert "Not in the EU" in cell_texts(spec, "canada-2013", "HRV")
    assert "EU Member State" in cell_texts(spec, "croatia-eu-2013", "HRV")


def test_titles_give_the_count_the_sources_support(dataset: Dataset) -> None:
    moments = {m["id"]: m for m in view_spec(dataset, "en")["events"]}
    assert (
        moments["idea-2011"]["map_title"]
        == "December 2011: before the record begins (5 December 2012)"
    )
    assert moments["launch-2012"]["map_title"] == "5 December 2012: 48 countries"
    assert moments["canada-2013"]["map_title"] == "17 June 2013: 49 known members"
    # The Star's 49 is a different 49 from the known one, and the subtitle says so.
    star = moments["canada-2013"]["map_subtitle"]
    assert "Toronto Star, March 2013: 49 countries, only some of them named" in star
    assert "says that Canada has not joined yet" in star
    factsheet = moments["factsheet-2014"]
    assert factsheet["map_title"] == "26 March 2014: 53 countries reported, 49 known by name"
    assert "53 countries, none of them named" in factsheet["map_subtitle"]
    assert moments["washington-2014"]["map_title"] == "30 September 2014: 54 countries"
    # After the last list no source gives a membership: the title says whose count it is.
    assert moments["merger-2016"]["map_title"].startswith("2016: 54 countries in the latest list")
    sv = {m["id"]: m for m in view_spec(dataset, "sv")["events"]}
    assert sv["washington-2014"]["map_title"] == "30 september 2014: 54 länder"


def test_pointing_at_a_country_names_status_eu_and_source(dataset: Dataset) -> None:
    sv = view_spec(dataset, "sv")
    detail, group, sources, _ = cell_texts(sv, "washington-2014", "CAN")
    assert detail == "Gick med den 17 juni 2013"
    assert group == "Inte med i EU"
    assert "Kanadas regering, pressmeddelande 17 juni 2013" in sources
    names = {c["iso3"]: c["name"] for c in sv["countries"]}
    assert names["CAN"] == "Kanada"


def test_undated_joiners_say_date_not_published(dataset: Dataset) -> None:
    en = view_spec(dataset, "en")
    sv = view_spec(dataset, "sv")
    assert "exact date not published" in cell_texts(en, "washington-2014", "ARM")[0]
    assert "exakt datum inte publicerat" in cell_texts(sv, "washington-2014", "ARM")[0]


def test_views_are_the_storys(spec: dict[str, Any], dataset: Dataset) -> None:
    assert [v["name"] for v in spec["views"]] == [v.name.get(spec["lang"]) for v in dataset.views]
    world, europe = spec["views"]
    assert europe["x"][1] - europe["x"][0] < (world["x"][1] - world["x"][0]) / 4


def test_every_listed_country_has_one_shape_with_its_iso3(
    spec: dict[str, Any], dataset: Dataset
) -> None:
    traces = spec["figure"]["data"]
    assert {c["iso3"] for c in spec["countries"]} == set(dataset.countries)
    for country in spec["countries"]:
        assert traces[country["trace"]]["customdata"] == [country["iso3"]]


def walk(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in walk(v)]
    if isinstance(value, list):
        return [s for v in value for s in walk(v)]
    return [value] if isinstance(value, str) else []


def test_no_url_in_the_figure(spec: dict[str, Any]) -> None:
    assert not [s for s in walk(spec["figure"]) if "http" in s]


def test_the_views_data_within_300_kb(spec: dict[str, Any]) -> None:
    assert len(json.dumps(spec).encode()) <= 300 * 1024


def test_every_status_differs_without_colour() -> None:
    from explainer.views._labels import STYLES

    cues = [(s.pattern, s.dash, s.symbol) for s in STYLES.values()]
    # LEFT and ABSENT say the same thing to a reader (not in the list any more).
    assert len(set(cues)) == len(cues) - 1


def test_unknown_language_is_refused(dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="lang must be one of en, sv"):
        view_spec(dataset, "de")
