"""The engine's statuses on the tiny story: every kind, with its dates and sources.

The story (``tests/data/tiny``, described in ``tests/data/README.md``) is invented so
that each kind of standing happens once, on dates chosen to sit on either side of
every boundary: a list's date, a dated change, a last attestation, a group accession.
"""

from __future__ import annotations

import datetime as dt

import pytest

from explainer import Dataset, StatusKind
from explainer.views._labels import country_detail, group_label, status_name
from explainer.views._moments import members_state

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
