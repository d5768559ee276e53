"""The real data/: who is a member when, and what the sources support."""

from __future__ import annotations

import datetime as dt

import pytest

from explainer import Dataset, StatusKind

D = dt.date
LAUNCH_NON_EU = {
    "ALB",
    "AUS",
    "KHM",
    "HRV",
    "GEO",
    "GHA",
    "JPN",
    "MDA",
    "MNE",
    "NZL",
    "NGA",
    "NOR",
    "PHL",
    "SRB",
    "KOR",
    "CHE",
    "THA",
    "TUR",
    "UKR",
    "USA",
    "VNM",
}
UNDATED_JOINERS = {"ARM", "BIH", "CRI", "ISR", "XKX", "MEX"}


def test_members_on_is_empty_before_the_launch(dataset: Dataset) -> None:
    assert dataset.members_on(D(2012, 12, 4)) == frozenset()
    assert dataset.members_on(D(2011, 1, 1)) == frozenset()


def test_launch_list_has_27_eu_and_21_others(dataset: Dataset) -> None:
    members = dataset.members_on(D(2012, 12, 5))
    eu = {c for c in members if dataset.in_group_on(c, D(2012, 12, 5))}
    assert len(members) == 48
    assert len(eu) == 27
    assert members - eu == LAUNCH_NON_EU


def test_members_on_excludes_canada_at_launch(dataset: Dataset) -> None:
    assert "CAN" not in dataset.members_on(D(2012, 12, 5))
    assert "CAN" not in dataset.members_on(D(2013, 6, 16))
    assert dataset.status_on("CAN", D(2012, 12, 5)).kind is StatusKind.NOT_MEMBER


def test_canada_counts_from_17_june_2013(dataset: Dataset) -> None:
    members = dataset.members_on(D(2013, 6, 17))
    assert members == dataset.members_on(D(2012, 12, 5)) | {"CAN"}
    status = dataset.status_on("CAN", D(2014, 1, 1))
    assert status.kind is StatusKind.JOINED
    assert status.since == D(2013, 6, 17)
    assert "marketwired-canada-2013-06-17" in status.sources


def test_the_54_from_30_september_2014(dataset: Dataset) -> None:
    before = dataset.members_on(D(2014, 9, 29))
    after = dataset.members_on(D(2014, 9, 30))
    assert len(before) == 49
    assert len(after) == 54
    assert after - before == UNDATED_JOINERS
    assert before - after == {"VNM"}


def test_eu_members_go_from_27_to_28_when_croatia_joins_the_eu(dataset: Dataset) -> None:
    def eu_count(day: dt.date) -> int:
        return sum(dataset.in_group_on(c, day) for c in dataset.members_on(day))

    assert eu_count(D(2013, 6, 30)) == 27
    assert eu_count(D(2013, 7, 1)) == 28
    assert eu_count(D(2014, 9, 30)) == 28
    assert dataset.status_on("HRV", D(2014, 9, 30)).kind is StatusKind.FOUNDING


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (D(2012, 12, 4), StatusKind.NOT_MEMBER),
        (D(2012, 12, 5), StatusKind.NOT_MEMBER),
        (D(2013, 6, 17), StatusKind.MAY_HAVE_JOINED),
        (D(2014, 9, 29), StatusKind.MAY_HAVE_JOINED),
        (D(2014, 9, 30), StatusKind.JOINED_UNDATED),
    ],
)
def test_undated_joiners_are_never_given_a_date(
    dataset: Dataset, day: dt.date, kind: StatusKind
) -> None:
    for iso3 in UNDATED_JOINERS:
        status = dataset.status_on(iso3, day)
        assert status.kind is kind, iso3
        assert status.since is None


def test_vietnam_is_founding_then_unclear_then_absent(dataset: Dataset) -> None:
    assert dataset.status_on("VNM", D(2013, 3, 31)).kind is StatusKind.FOUNDING
    unclear = dataset.status_on("VNM", D(2013, 4, 1))
    assert unclear.kind is StatusKind.UNCLEAR
    assert str(unclear.last_attested) == "2013-03"
    assert "VNM" in dataset.members_on(D(2014, 9, 29)), "members as last attested"
    assert dataset.status_on("VNM", D(2014, 9, 30)).kind is StatusKind.ABSENT, (
        "Vietnam is in the 2012 list and absent from the 2014 list; if a source dates its "
        "departure, record it in data/membership/changes.csv"
    )


def test_reported_counts_are_notes_not_members(dataset: Dataset) -> None:
    count = dataset.reported_count(D(2014, 3, 26))
    assert count is not None and count.count == 53
    assert len(dataset.members_on(D(2014, 3, 26))) == 49
    assert dataset.reported_count(D(2012, 12, 5)) is None


def test_map_steps_cover_the_dated_changes(dataset: Dataset) -> None:
    assert {D(2012, 12, 5), D(2013, 6, 17), D(2013, 7, 1), D(2014, 9, 30)} <= set(dataset.steps)


def test_every_record_cites_a_source_with_a_url(dataset: Dataset) -> None:
    def has_url(ids: list[str]) -> bool:
        return any(dataset.sources[i].url for i in ids)

    cited = [
        *((r, r.sources) for r in dataset.changes),
        *((r, r.sources) for r in dataset.undated),
        *((r, r.sources) for r in dataset.counts),
        *((r, r.sources) for r in dataset.events),
        *((r, r.sources) for r in dataset.quotes),
        *((r, r.sources) for r in dataset.records["targets"].items),
    ]
    for record, sources in cited:
        assert has_url(sources), record
    for country in dataset.countries.values():
        assert has_url(country.group_sources), country.iso3
    for membership_list in dataset.lists:
        assert has_url(membership_list.meta.sources)


def test_every_country_in_any_list_has_a_shape(dataset: Dataset) -> None:
    listed = set().union(*(lst.members for lst in dataset.lists))
    assert {"MLT", "XKX", "LUX", "CYP"} <= listed
    assert listed <= dataset.geometry["codes"]


def test_2014_quotes_have_the_swedish_as_published(dataset: Dataset) -> None:
    quotes = {q.id: q for q in dataset.quotes}
    for quote_id in ("malmstrom-2014", "holder-2014"):
        translation = quotes[quote_id].translation("sv")
        assert translation is not None
        assert translation.sources == ["eureporter-2014-09-30-sv"]
        assert translation.translator is not None
        assert "EU Reporter" in translation.translator.get("sv")
    assert quotes["malmstrom-2014"].text.endswith("must become a reality")


def test_events_run_from_the_2011_meeting_to_the_2016_merger(dataset: Dataset) -> None:
    ids = [e.id for e in dataset.events]
    assert ids[0] == "idea-2011"
    assert ids[-1] == "merger-2016"
    assert [e.last_day for e in dataset.events] == sorted(e.last_day for e in dataset.events)
    assert dataset.event("copenhagen-2012").end == D(2012, 6, 21)


def test_targets_are_four_in_both_languages(dataset: Dataset) -> None:
    assert len(dataset.records["targets"].items) == 4
    assert dataset.records["targets"].meta is not None
    assert set(dataset.records["targets"].meta.wording_source) == {"en", "sv"}
