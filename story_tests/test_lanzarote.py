"""Content tests of the Lanzarote example's facts: party dates, the first monitoring round.

Each test of a definite error (issue 17; sources review of 2 December 2026, N1, O6, M3)
fails on the data as it was before the party dates were checked against their sources;
the last tests guard what must stay true (the sources resolve, the two lists' counts).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

import explainer
from explainer import Dataset
from explainer.model._schema import DatedChange, UndatedChange

from .conftest import ROOT

PROJECT = ROOT / "examples" / "lanzarote"
D = dt.date
# Parties that no source found dates; the map says "date not found" for them.
STILL_UNDATED = {"LIE", "PRT", "ROU", "SRB", "SWE", "UKR"}
MARCH_2012_PARTY = re.compile(r"already (a )?part(y|ies)\b.*\bmarch 2012", re.IGNORECASE)


@pytest.fixture(scope="module")
def lanzarote() -> Dataset:
    return explainer.load_dataset(project=PROJECT)


def joined(data: Dataset, iso3: str) -> DatedChange | None:
    return next((c for c in data.changes if c.iso3 == iso3 and c.change == "joined"), None)


def undated(data: Dataset, iso3: str) -> UndatedChange | None:
    return next((u for u in data.undated if u.iso3 == iso3 and u.change == "joined"), None)


def caveats(data: Dataset, file: str) -> list[str]:
    return [c.get("en") for c in data.metas[file].caveats]


# --- N1: the first monitoring round was set up in May 2013, not March 2012 ---------------


def test_first_monitoring_round_is_dated_may_2013(lanzarote: Dataset) -> None:
    event = lanzarote.event("monitoring-round-1")
    assert (event.date.first.year, event.date.first.month) == (2013, 5)
    assert event.last_day <= D(2013, 5, 31)
    assert "coe-questionnaires-2013-05-21" in event.sources


def test_first_monitoring_round_does_not_call_the_26_parties_at_the_time(
    lanzarote: Dataset,
) -> None:
    text = lanzarote.event("monitoring-round-1").text.get("en")
    assert "parties at the time" not in text.lower()
    assert "26 states that had ratified" in text


def test_count_of_the_first_round_is_not_dated_march_2012(lanzarote: Dataset) -> None:
    assert [c for c in lanzarote.counts if str(c.date).startswith("2012-03")] == []
    (round_1,) = [c for c in lanzarote.counts if "coe-monitoring-round-1-fr" in c.sources]
    assert (round_1.count, str(round_1.date)) == (26, "2013-05")
    assert round_1.note is not None
    assert "had ratified by May 2013" in round_1.note.get("en")


def test_no_record_says_already_a_party_in_march_2012(lanzarote: Dataset) -> None:
    texts = [u.note for u in lanzarote.undated]
    texts += caveats(lanzarote, "membership/undated.csv")
    assert [t for t in texts if MARCH_2012_PARTY.search(t)] == []


def test_ukraine_is_not_a_party_before_its_ratification_law(lanzarote: Dataset) -> None:
    # The Verkhovna Rada voted the ratification law (No. 4988-VI) on 20 June 2012.
    assert [c for c in lanzarote.changes if c.iso3 == "UKR" and c.date < D(2012, 6, 20)] == []
    record = undated(lanzarote, "UKR")
    assert record is not None
    assert record.last_attested is not None
    assert record.last_attested.first >= D(2012, 6, 20)
    assert "20 June 2012" in record.note
    assert {"ua-law-4988", "tyzhden-ua-2012"} <= set(record.sources)
    assert not lanzarote.status_on("UKR", D(2012, 6, 19)).is_member


def test_portugal_is_not_a_party_in_march_2012(lanzarote: Dataset) -> None:
    # Parliament approved on 9 March 2012; the President ratified on 15 May 2012.
    record = undated(lanzarote, "PRT")
    assert record is not None
    assert record.last_attested is not None
    assert record.last_attested.first >= D(2012, 3, 9)
    assert "15 May 2012" in record.note
    assert not lanzarote.status_on("PRT", D(2012, 3, 31)).is_member


# --- Parties dated now (M3 and the review's section 4) ---------------------------------


def test_turkey_is_a_party_from_1_april_2012(lanzarote: Dataset) -> None:
    change = joined(lanzarote, "TUR")
    assert change is not None
    assert change.date == D(2012, 4, 1)
    assert not lanzarote.status_on("TUR", D(2012, 3, 31)).is_member
    assert lanzarote.status_on("TUR", D(2012, 4, 1)).is_member


@pytest.mark.parametrize(
    ("iso3", "in_force"),
    [
        ("AZE", D(2020, 4, 1)),
        ("EST", D(2017, 3, 1)),
        ("HUN", D(2015, 12, 1)),
        ("SVK", D(2016, 7, 1)),
        ("TUR", D(2012, 4, 1)),
    ],
)
def test_newly_dated_party(lanzarote: Dataset, iso3: str, in_force: dt.date) -> None:
    change = joined(lanzarote, iso3)
    assert change is not None, f"{iso3} has no dated entry into force"
    assert change.date == in_force
    assert undated(lanzarote, iso3) is None


def test_only_the_parties_no_source_dates_are_undated(lanzarote: Dataset) -> None:
    assert {u.iso3 for u in lanzarote.undated} == STILL_UNDATED
    for record in lanzarote.undated:
        assert "not found" in record.note, record.iso3
    assert "For Azerbaijan we found no date" not in " ".join(
        caveats(lanzarote, "membership/2021-04-01.csv")
    )


# --- O6 and the notes on ratification days ---------------------------------------------


def test_uk_ratification_day_is_20_june_2018_or_unresolved(lanzarote: Dataset) -> None:
    change = joined(lanzarote, "GBR")
    assert change is not None
    assert change.date == D(2018, 10, 1)
    assert "20 June" in change.note or "unresolved" in change.note
    assert "blm-2018-06-22" in change.sources
    assert not any("27 June or 21 June" in c for c in caveats(lanzarote, "membership/changes.csv"))


def test_poland_note_does_not_take_22_january_for_the_deposit(lanzarote: Dataset) -> None:
    change = joined(lanzarote, "POL")
    assert change is not None
    assert "22 January 2015" in change.note
    assert "not the deposit" in change.note


def test_norway_note_does_not_take_15_may_for_the_deposit(lanzarote: Dataset) -> None:
    change = joined(lanzarote, "NOR")
    assert change is not None
    assert "15 May" in change.note
    assert re.search(r"\b(not|cannot be) the deposit\b", change.note)


def test_switzerland_is_not_dated_by_wikipedia_alone(lanzarote: Dataset) -> None:
    change = joined(lanzarote, "CHE")
    assert change is not None
    assert change.date == D(2014, 7, 1)
    assert set(change.sources) - {"dewikili-lanzarote"}


# --- What must stay true -----------------------------------------------------------------


def test_every_date_and_undated_entry_cites_known_sources(lanzarote: Dataset) -> None:
    records: list[DatedChange | UndatedChange] = [*lanzarote.changes, *lanzarote.undated]
    for record in records:
        assert record.sources, record.iso3
        unknown = [s for s in record.sources if s not in lanzarote.sources]
        assert unknown == [], record.iso3


def test_every_party_of_2021_is_dated_or_marked_undated(lanzarote: Dataset) -> None:
    founding = lanzarote.lists[0].members
    dated = {c.iso3 for c in lanzarote.changes if c.change == "joined"}
    marked = {u.iso3 for u in lanzarote.undated if u.change == "joined"}
    assert dated.isdisjoint(marked)
    assert founding | dated | marked == lanzarote.lists[-1].members


def test_counts_on_the_two_lists_hold(lanzarote: Dataset) -> None:
    assert len(lanzarote.members_on(D(2010, 7, 1))) == 5
    assert len(lanzarote.members_on(D(2021, 4, 1))) == 48
    assert [(lst.date, lst.meta.stated_total) for lst in lanzarote.lists] == [
        (D(2010, 7, 1), 5),
        (D(2021, 4, 1), 48),
    ]


def test_readme_counts_match_the_data(lanzarote: Dataset) -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert f"{len(lanzarote.sources)} sources" in readme
    assert (
        f"{len(lanzarote.changes)} dated entries into force, {len(lanzarote.undated)} undated"
        in readme
    )
    assert f"{len(lanzarote.counts)} reported counts" in readme
