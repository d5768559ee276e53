"""The engine's statuses on the tiny story: every kind, with its dates and sources.

The story (``tests/data/tiny``, described in ``tests/data/README.md``) is invented so
that each kind of standing happens once, on dates chosen to sit on either side of
every boundary: a list's date, a dated change, a last attestation, a group accession.
"""

from __future__ import annotations

import datetime as dt

import pytest

from explainer import Dataset, StatusKind
from explainer.model._dates import PartialDate
from explainer.model._schema import DatedChange, UndatedChange
from explainer.views._labels import country_detail, group_label, status_name
from explainer.views._moments import members_state

from .conftest import with_records

D = dt.date
LAUNCH, SECOND, THIRD = D(2020, 1, 1), D(2021, 1, 31), D(2021, 12, 31)

CASES = [
    # (country, date, kind, since, not_before, not_after)
    ("SWE", D(2019, 12, 31), StatusKind.NOT_MEMBER, None, None, None),
    ("SWE", LAUNCH, StatusKind.FOUNDING, LAUNCH, None, None),
    ("SWE", THIRD, StatusKind.FOUNDING, LAUNCH, None, None),
    ("NOR", D(2020, 3, 31), StatusKind.FOUNDING, LAUNCH, None, None),  # last attested
    ("NOR", D(2020, 4, 1), StatusKind.UNCLEAR, None, LAUNCH, SECOND),
    ("NOR", SECOND, StatusKind.ABSENT, None, LAUNCH, SECOND),
    ("NOR", THIRD, StatusKind.ABSENT, None, LAUNCH, SECOND),
    ("FIN", D(2020, 7, 31), StatusKind.FOUNDING, LAUNCH, None, None),
    ("FIN", D(2020, 8, 1), StatusKind.LEFT, D(2020, 8, 1), None, None),
    ("FIN", SECOND, StatusKind.LEFT, D(2020, 8, 1), None, None),
    ("ISL", D(2020, 5, 31), StatusKind.NOT_MEMBER, None, None, None),
    ("ISL", D(2020, 6, 1), StatusKind.JOINED, D(2020, 6, 1), None, None),
    ("ISL", THIRD, StatusKind.JOINED, D(2020, 6, 1), None, None),
    ("DNK", LAUNCH, StatusKind.NOT_MEMBER, None, None, None),
    ("DNK", D(2020, 1, 2), StatusKind.MAY_HAVE_JOINED, None, LAUNCH, SECOND),
    ("DNK", D(2021, 1, 30), StatusKind.MAY_HAVE_JOINED, None, LAUNCH, SECOND),
    ("DNK", SECOND, StatusKind.JOINED_UNDATED, None, LAUNCH, SECOND),
]


@pytest.mark.parametrize(("iso3", "on", "kind", "since", "not_before", "not_after"), CASES)
def test_status_on(
    tiny: Dataset,
    iso3: str,
    on: dt.date,
    kind: StatusKind,
    since: dt.date | None,
    not_before: dt.date | None,
    not_after: dt.date | None,
) -> None:
    status = tiny.status_on(iso3, on)
    assert (status.kind, status.since, status.not_before, status.not_after) == (
        kind, since, not_before, not_after
    )  # fmt: skip
    assert status.is_member is kind.is_member
    if kind is not StatusKind.NOT_MEMBER:
        assert status.sources, "every standing cites its sources"


def test_every_kind_is_exercised() -> None:
    assert {case[2] for case in CASES} == set(StatusKind)


def test_unclear_carries_the_last_attestation(tiny: Dataset) -> None:
    status = tiny.status_on("NOR", D(2020, 6, 1))
    assert status.last_attested is not None
    assert (status.last_attested.first, status.last_attested.last) == (
        D(2020, 3, 1),
        D(2020, 3, 31),
    )


def test_members_on_counts_member_kinds_only(tiny: Dataset) -> None:
    assert tiny.members_on(D(2019, 12, 31)) == frozenset()
    assert tiny.members_on(LAUNCH) == {"SWE", "NOR", "FIN"}
    assert tiny.members_on(D(2020, 6, 1)) == {"SWE", "NOR", "FIN", "ISL"}
    assert tiny.members_on(D(2020, 8, 1)) == {"SWE", "NOR", "ISL"}
    assert tiny.members_on(SECOND) == {"SWE", "ISL", "DNK"}
    assert tiny.members_on(THIRD) == {"SWE", "ISL", "DNK"}


def test_the_group_counts_from_its_accession_date(tiny: Dataset) -> None:
    assert not tiny.in_group_on("FIN", D(2020, 4, 30))
    assert tiny.in_group_on("FIN", D(2020, 5, 1))
    assert tiny.status_on("FIN", D(2020, 5, 1)).in_group
    assert not tiny.in_group_on("NOR", THIRD)
    with pytest.raises(KeyError):
        tiny.in_group_on("XXX", LAUNCH)


def test_steps_are_lists_changes_and_accessions(tiny: Dataset) -> None:
    # The count reported for "September 2020" has no day, so it is no step of the map.
    assert tiny.steps == (
        LAUNCH, D(2020, 5, 1), D(2020, 6, 1), D(2020, 8, 1), SECOND, THIRD
    )  # fmt: skip


def test_a_reported_count_shows_once_its_month_is_over(tiny: Dataset) -> None:
    assert tiny.reported_count(D(2020, 9, 29)) is None
    count = tiny.reported_count(D(2020, 10, 1))
    assert count is not None and count.count == 3
    assert tiny.reported_count(SECOND) is None  # a newer list replaces it


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_kind_has_a_name_and_a_hover_text(tiny: Dataset, lang: str) -> None:
    seen = {}
    for iso3, on, kind, *_ in CASES:
        status = tiny.status_on(iso3, on)
        seen[kind] = " ".join(
            [country_detail(tiny, status, lang), group_label(tiny, status.in_group, lang)]
        )
    names = {status_name(tiny, kind, lang) for kind in StatusKind}
    assert len(names) == len(StatusKind), "two kinds share a name"
    assert len(set(seen.values())) == len(seen)


def test_story_words_replace_the_engines(tiny: Dataset) -> None:
    # tiny's story.yml names the "joined" kind in its own words.
    assert status_name(tiny, StatusKind.JOINED, "en") == "Acceded"
    assert status_name(tiny, StatusKind.JOINED, "sv") == "Anslöt sig"
    assert "Acceded on 1 June 2020" in country_detail(tiny, tiny.status_on("ISL", THIRD), "en")


def test_a_story_name_without_a_detail_is_also_the_detail(tiny: Dataset) -> None:
    # story.yml names "not_member" but gives no sentence: the hover uses the name.
    before = tiny.status_on("ISL", dt.date(2020, 1, 1))
    assert before.kind is StatusKind.NOT_MEMBER
    assert country_detail(tiny, before, "sv") == "Inte med"


def test_the_members_table_has_the_group_column_the_story_names(tiny: Dataset) -> None:
    table = members_state(tiny, SECOND, "en")
    assert table["labels"]["group"] == "EU"
    assert len(table["moment"]["rows"]) == 5  # one per country
    group_texts = {table["strings"][cell[2]] for cell in table["moment"]["countries"]}
    assert group_texts == {"EU Member State", "Not in the EU"}


# -- the model on its own: records that the reading layer would refuse or that tiny
# lacks, put together with dataclasses.replace, to pin each rule on its boundary.


def test_a_status_is_of_the_day_asked_about(tiny: Dataset) -> None:
    for iso3, on, *_ in CASES:
        assert tiny.status_on(iso3, on).on == on


def test_a_list_of_the_same_day_outweighs_a_dated_change(tiny: Dataset) -> None:
    # Sweden "joined" on the day of the first list: the list says founding member.
    same_day = DatedChange(date=LAUNCH, iso3="SWE", change="joined", sources=["launch-list"])
    data = with_records(tiny, changes=(same_day, *tiny.changes))
    status = data.status_on("SWE", LAUNCH)
    assert (status.kind, status.since) == (StatusKind.FOUNDING, LAUNCH)


def test_a_joining_dated_on_the_day_of_its_first_list_is_dated(tiny: Dataset) -> None:
    dated = DatedChange(date=SECOND, iso3="DNK", change="joined", sources=["later-list"])
    undated = tuple(u for u in tiny.undated if u.iso3 != "DNK")
    data = with_records(tiny, changes=(*tiny.changes, dated), undated=undated)
    status = data.status_on("DNK", SECOND)
    assert (status.kind, status.since, status.sources) == (
        StatusKind.JOINED, SECOND, ("later-list",)
    )  # fmt: skip


def test_an_undated_joining_is_bounded_by_its_own_record(tiny: Dataset) -> None:
    # Another country's undated joining, listed first, is not Denmark's.
    other = UndatedChange(iso3="ISL", change="joined", not_before=D(2019, 1, 1),
                          not_after=LAUNCH, sources=["launch-list"])  # fmt: skip
    status = with_records(tiny, undated=(other, *tiny.undated)).status_on("DNK", SECOND)
    assert (status.kind, status.not_before, status.not_after, status.sources) == (
        StatusKind.JOINED_UNDATED, LAUNCH, SECOND, ("later-list",)
    )  # fmt: skip


def test_a_record_s_bounds_and_sources_outweigh_the_list_s(tiny: Dataset) -> None:
    # tiny's record ends on the list's day and cites the list's source: here neither.
    own = UndatedChange(iso3="DNK", change="joined", not_before=LAUNCH,
                        not_after=D(2020, 12, 1), sources=["launch-list"])  # fmt: skip
    data = with_records(tiny, undated=(own, *(u for u in tiny.undated if u.iso3 != "DNK")))
    status = data.status_on("DNK", SECOND)
    assert (status.kind, status.not_before, status.not_after, status.sources) == (
        StatusKind.JOINED_UNDATED, LAUNCH, D(2020, 12, 1), ("launch-list",)
    )  # fmt: skip
    assert tiny.lists[1].meta.sources != ["launch-list"]


def test_without_a_record_an_undated_joining_is_bounded_by_its_list(tiny: Dataset) -> None:
    data = with_records(tiny, undated=tuple(u for u in tiny.undated if u.iso3 != "DNK"))
    status = data.status_on("DNK", SECOND)
    assert (status.kind, status.not_before, status.not_after) == (
        StatusKind.JOINED_UNDATED, None, SECOND
    )  # fmt: skip
    assert status.sources == tuple(tiny.lists[1].meta.sources)


def test_a_country_no_longer_listed_keeps_its_own_record(tiny: Dataset) -> None:
    status = tiny.status_on("NOR", SECOND)
    assert status.last_attested is not None and status.last_attested.last == D(2020, 3, 31)
    assert status.sources == ("launch-list", "later-list")
    other = UndatedChange(iso3="ISL", change="left", not_before=D(2019, 1, 1),
                          not_after=LAUNCH, sources=["launch-list"])  # fmt: skip
    status = with_records(tiny, undated=(other, *tiny.undated)).status_on("NOR", SECOND)
    assert (status.kind, status.not_before, status.not_after) == (
        StatusKind.ABSENT, LAUNCH, SECOND
    )  # fmt: skip
    assert status.last_attested is not None and status.last_attested.last == D(2020, 3, 31)


def test_without_a_record_an_absence_is_bounded_by_the_list(tiny: Dataset) -> None:
    data = with_records(tiny, undated=tuple(u for u in tiny.undated if u.iso3 != "NOR"))
    status = data.status_on("NOR", THIRD)
    assert (status.kind, status.not_before, status.not_after, status.last_attested) == (
        StatusKind.ABSENT, None, THIRD, None
    )  # fmt: skip
    assert status.sources == tuple(tiny.lists[2].meta.sources)


def test_a_count_counts_from_the_day_after_its_list_to_the_end_of_its_date(
    tiny: Dataset,
) -> None:
    (count,) = tiny.counts
    assert tiny.reported_count(D(2020, 9, 30)) is count  # the last day of September
    on_list_day = count.model_copy(update={"date": PartialDate.parse("2021-01-31")})
    data = with_records(tiny, counts=(on_list_day,))
    assert data.reported_count(SECOND) is None, "the list of that day replaces it"


def test_a_count_belongs_to_the_first_event_that_shows_it(tiny: Dataset) -> None:
    (count,) = tiny.counts
    later = tiny.event("finland-leaves")
    october = later.model_copy(update={"id": "october", "date": PartialDate.parse("2020-10-01")})
    november = later.model_copy(update={"id": "november", "date": PartialDate.parse("2020-11-01")})
    events = (*tiny.events[:3], october, november, tiny.events[3])
    data = with_records(tiny, events=events)
    assert [data.count_of_event(e.id) for e in events] == [None, None, None, count, None, None]
    assert tiny.count_of_event("launch") is None


def test_a_count_known_to_the_day_is_a_step_of_the_map(tiny: Dataset) -> None:
    (count,) = tiny.counts
    assert D(2020, 9, 1) not in tiny.steps  # September 2020: no day, no step
    day = count.model_copy(update={"date": PartialDate.parse("2020-09-15")})
    assert D(2020, 9, 15) in with_records(tiny, counts=(day,)).steps


def test_events_and_their_quotes_by_id(tiny: Dataset) -> None:
    assert tiny.event("later").id == "later"
    with pytest.raises(KeyError, match="no-such-event"):
        tiny.event("no-such-event")
    assert [q.id for q in tiny.quotes_for("launch")] == ["opening"]
    assert tiny.quotes_for("iceland") == ()
