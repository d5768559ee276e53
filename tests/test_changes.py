"""What changed between two steps, on the tiny story: every kind of change, and how it is
said. The dates sit on either side of the tiny story's boundaries (see test_status)."""

from __future__ import annotations

import datetime as dt

import pytest

from explainer import Dataset
from explainer.model._changes import Changes, change_sentence, changes_between, first_sentence
from explainer.views._moments import announcement, view_spec

D = dt.date
LAUNCH, SECOND = D(2020, 1, 1), D(2021, 1, 31)


def test_nothing_changed_before_the_first_step(tiny: Dataset) -> None:
    assert changes_between(tiny, None, LAUNCH) == Changes()


def test_the_first_list_founds_its_members_and_nobody_joins(tiny: Dataset) -> None:
    changes = changes_between(tiny, LAUNCH - dt.timedelta(days=1), LAUNCH)
    assert changes.founded == ("FIN", "NOR", "SWE")
    assert changes.joined == () and change_sentence(tiny, changes, "en") == ""


def test_a_dated_joining_on_its_day_and_not_the_day_before(tiny: Dataset) -> None:
    assert changes_between(tiny, D(2020, 5, 30), D(2020, 5, 31)) == Changes()
    changes = changes_between(tiny, D(2020, 5, 31), D(2020, 6, 1))
    assert changes == Changes(joined=("ISL",))
    assert change_sentence(tiny, changes, "en") == "Iceland joined"
    assert change_sentence(tiny, changes, "sv") == "Island gick med"


def test_a_standing_no_longer_known_is_restated_not_gone(tiny: Dataset) -> None:
    # Norway is a member on record until 31 March 2020, then "unclear" (still counted).
    changes = changes_between(tiny, D(2020, 3, 31), D(2020, 4, 1))
    assert changes == Changes(restated=("NOR",))
    assert change_sentence(tiny, changes, "en") == ""


def test_a_dated_leave_is_left_and_a_missing_member_is_no_longer_listed(tiny: Dataset) -> None:
    changes = changes_between(tiny, D(2020, 4, 1), SECOND)
    assert changes.left == ("FIN",)
    assert changes.unlisted == ("NOR",)
    assert changes.joined == ("DNK", "ISL")
    assert changes.grouped == ("FIN",)
    assert change_sentence(tiny, changes, "en") == (
        "Denmark and Iceland joined, Finland left, Norway no longer listed, Finland joined the EU"
    )
    assert set(changes.codes()) == {"DNK", "ISL", "FIN", "NOR"}
    assert len(changes.codes()) == 4, "each country once"


def test_more_than_two_names_are_counted(tiny: Dataset) -> None:
    three = Changes(joined=("DNK", "ISL", "SWE"))
    assert change_sentence(tiny, three, "en") == "3 joined"
    assert change_sentence(tiny, three, "sv") == "3 gick med"
    assert (
        change_sentence(tiny, Changes(joined=("DNK", "ISL")), "en") == "Denmark and Iceland joined"
    )


def test_the_announcement_says_the_date_once(tiny: Dataset) -> None:
    assert announcement(tiny, D(2019, 6, 1), "June 2019", "Talks", "", "en") == "June 2019: Talks."
    assert announcement(tiny, D(2020, 6, 1), "1 June 2020", "Iceland", "Iceland joined", "en") == (
        "1 June 2020: Iceland. 4 countries: Iceland joined."  # Norway, unclear, still counts
    )
    assert announcement(tiny, SECOND, "31 January 2021", "List", "", "sv") == (
        "31 January 2021: List. 3 länder."
    )
    # A title that gives the count already: said once, unless something changed.
    launched = "Launched with 3 countries"
    first = D(2020, 1, 1)
    assert announcement(tiny, first, "1 January 2020", launched, "", "en") == (
        "1 January 2020: Launched with 3 countries."
    )
    assert announcement(tiny, first, "1 January 2020", launched, "Sweden joined", "en") == (
        "1 January 2020: Launched with 3 countries. 3 countries: Sweden joined."
    )


def test_each_moment_names_the_countries_it_changes(tiny: Dataset) -> None:
    spec = view_spec(tiny, "en")
    codes = [c["iso3"] for c in spec["countries"]]
    events = tiny.events
    for before, moment, event in zip([None, *events], spec["events"], events, strict=False):
        expected = changes_between(tiny, before.last_day if before else None, event.last_day)
        assert sorted(codes[i] for i in moment["changed"]) == sorted(expected.codes()), event.id


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("One. Two.", "One."),
        ("The U.S. Attorney General speaks. Then more.", "The U.S. Attorney General speaks."),
        ("Held on 30 Sept. 2014 in Washington. Then more.", "Held on 30 Sept. 2014 in Washington."),
        ("A single sentence without an end", "A single sentence without an end"),
        ("Ends here. “Quoted” next.", "Ends here."),
        ("Först. Sedan Å.", "Först."),
    ],
)
def test_the_first_sentence_is_the_key_fact(text: str, first: str) -> None:
    assert first_sentence(text) == first
