"""The membership on any day, span by span (the time scale's scrubber shows these)."""

from __future__ import annotations

import datetime as dt
import itertools

import pycountry

from explainer import Dataset
from explainer.model._periods import membership_periods
from explainer.views._moments import view_spec
from explainer.views._search import _aliases, search_terms

DAY = dt.timedelta(days=1)


def test_every_day_shows_the_membership_of_its_span(tiny: Dataset) -> None:
    start, end = dt.date(2019, 11, 1), dt.date(2022, 2, 1)
    spans = membership_periods(tiny, start, end)
    assert spans[0][0] == start
    firsts = [first for first, _ in spans]
    assert firsts == sorted(set(firsts))
    day = start
    while day <= end:
        span = max(i for i, first in enumerate(firsts) if first <= day)
        expected = spans[span][1]
        for iso3, status in tiny.statuses_on(day).items():
            shown = expected[iso3]
            assert (status.kind, status.since, status.in_group) == (
                shown.kind, shown.since, shown.in_group
            ), (day, iso3)  # fmt: skip
        day += DAY


def test_a_span_starts_only_where_something_changes(tiny: Dataset) -> None:
    spans = membership_periods(tiny, dt.date(2019, 11, 1), dt.date(2022, 2, 1))
    for (_, before), (first, after) in itertools.pairwise(spans):
        assert any(before[c].kind != after[c].kind or before[c].in_group != after[c].in_group
                   or before[c].since != after[c].since for c in before), first  # fmt: skip


def test_the_view_carries_the_spans_from_its_first_event_to_its_last(tiny: Dataset) -> None:
    spec = view_spec(tiny, "en")
    assert spec["range"] == [
        tiny.events[0].date.first.isoformat(),
        tiny.events[-1].last_day.isoformat(),
    ]
    codes = [c["iso3"] for c in spec["countries"]]
    for period in spec["periods"]:
        day = dt.date.fromisoformat(period["from"])
        statuses = tiny.statuses_on(day)
        assert [cell[0] for cell in period["countries"]] == [statuses[c].kind.value for c in codes]
        assert period["count"] == sum(s.is_member for s in statuses.values())


def test_a_country_is_found_by_its_names_codes_and_common_other_names(tiny: Dataset) -> None:
    terms = search_terms(tiny, "SWE")
    assert terms[:2] == ["Sweden", "Sverige"], "the story's own names first"
    assert {"SE", "SWE", "Kingdom of Sweden"} <= set(terms)
    assert len(terms) == len(set(terms))


def test_the_common_other_names_are_of_real_countries() -> None:
    for iso3, names in _aliases().items():
        assert iso3 == "XKX" or pycountry.countries.get(alpha_3=iso3) is not None, iso3
        assert names and all(isinstance(n, str) and n.strip() for n in names), iso3
    assert "Ivory Coast" in _aliases()["CIV"]
