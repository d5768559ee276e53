"""What each moment of the linked view says, word for word, on the tiny story.

The view model (``views/_moments.py``) computes every text a page shows before anyone
looks; the front end only places it. These tests pin those texts and orders to tiny's
records, worked out by hand from ``tests/data/tiny`` (three lists: SWE NOR FIN on
2020-01-01; SWE ISL DNK on 2021-01-31 and 2021-12-31; Iceland joins on 2020-06-01 and
Finland leaves on 2020-08-01; Denmark joins and Norway leaves on undated days between
the first two lists). What tiny lacks (notes, a place, a supplied title, an undated
source, a content note, a count without names) is put together with
``dataclasses.replace``. They are the tests `make mutation` found missing: each
surviving mutant of ``_moments`` changed what a page shows and no test saw it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import explainer
from explainer.model._dates import PartialDate
from explainer.model._schema import Localized, ReportedCount
from explainer.views._moments import (
    default_event,
    map_description,
    members_state,
    quotes_state,
    view_spec,
)

from .conftest import with_records

Dataset = explainer.Dataset
START = dt.date(2020, 1, 1)  # the first list, the day the record begins


def _moments(data: Dataset, lang: str) -> dict[str, dict[str, Any]]:
    return {m["id"]: m for m in view_spec(data, lang)["events"]}


def _both(en: str, sv: str) -> Localized:
    return Localized({"en": en, "sv": sv})


# -- the page opens on the record's first event


def test_a_page_opens_on_the_first_event_on_or_after_the_record_begins(tiny: Dataset) -> None:
    assert tiny.start == START == tiny.events[0].last_day
    assert default_event(tiny).id == "launch"  # an event on the first list's day counts
    early = tiny.events[0].model_copy(update={"id": "prelude", "date": PartialDate.parse("2019")})
    assert default_event(with_records(tiny, events=(early, *tiny.events))).id == "launch"
    # A story whose events all come before its record opens on its first event.
    assert default_event(with_records(tiny, events=(early,))).id == "prelude"


# -- the map's headline, its sentence, the caption and what a screen reader says


def test_each_moment_has_its_headline_sentence_caption_and_announcement(tiny: Dataset) -> None:
    want = {
        "launch": (
            "1 January 2020: 3 countries",  # a list's day: the list's count
            "The map shows 3 founding members.",
            "Known members on 1 January 2020: 3 countries",
            "1 January 2020: Launch. 3 countries.",
        ),
        "iceland": (
            "1 June 2020: 4 known members",  # between lists: those known by name
            "The map shows 2 founding members, 1 that joined later, 1 that may have joined"
            " and Norway, later status unknown.",
            "Known members on 1 June 2020: 4 countries",
            "1 June 2020: Iceland joins. 4 countries: Iceland joined, Finland joined the EU.",
        ),
        "finland-leaves": (
            "1 August 2020: 3 known members",
            "The map shows 1 founding member, 1 that joined later, 1 that may have joined,"
            " Norway, later status unknown and Finland, which left.",
            "Known members on 1 August 2020: 3 countries",
            "1 August 2020: Finland leaves. 3 countries: Finland left.",
        ),
        "later": (
            "January 2021: 3 countries",  # a month: the list of its last day
            "The map shows 1 founding member, 1 that joined later, 1 that joined on an"
            " unpublished date, Norway, no longer listed and Finland, which left.",
            "Known members, January 2021: 3 countries",  # not "on": a month, not a day
            "January 2021: The later list. 3 countries: Denmark joined, Norway no longer listed.",
        ),
    }
    moments = _moments(tiny, "en")
    for event_id, (title, description, caption, announce) in want.items():
        moment = moments[event_id]
        assert moment["map_title"] == title, event_id
        assert moment["map_subtitle"] == ""
        assert moment["description"] == description, event_id
        assert moment["caption"] == caption, event_id
        assert moment["announce"] == announce, event_id


def test_the_swedish_moments_use_swedish_lists_and_dates(tiny: Dataset) -> None:
    later = _moments(tiny, "sv")["later"]
    assert later["map_title"] == "januari 2021: 3 länder"
    assert later["caption"] == "Kända medlemmar, januari 2021: 3 länder"
    # Babel's Swedish list: "och" before the last part, no comma.
    assert later["description"] == (
        "Kartan visar 1 grundande medlem, 1 som gick med senare, 1 som gick med vid en"
        " tidpunkt som inte har publicerats, Norge, som inte längre finns med i listan och"
        " Finland, som lämnade."
    )
    assert _moments(tiny, "sv")["launch"]["caption"] == (
        "Kända medlemmar den 1 januari 2020: 3 länder"
    )


def test_before_the_record_begins_the_map_says_so(tiny: Dataset) -> None:
    day = START - dt.timedelta(days=1)
    assert map_description(tiny, day, "en") == (
        "No members yet; the record begins on 1 January 2020."
    )
    assert map_description(tiny, day, "sv") == (
        "Inga medlemmar ännu; uppgifterna börjar den 1 januari 2020."
    )
    assert map_description(tiny, START, "en").startswith("The map shows 3 founding")


def test_a_map_without_members_says_so(tiny: Dataset) -> None:
    assert (
        map_description(with_records(tiny, countries={}), START, "en")
        == "The map shows no members."
    )
    assert (
        map_description(with_records(tiny, countries={}), START, "sv")
        == "Kartan visar inga medlemmar."
    )


def test_a_count_without_names_is_its_own_event_s_alone(tiny: Dataset) -> None:
    count = ReportedCount(
        date=PartialDate.parse("2020-06-01"), count=7, named="none", sources=["later-list"]
    )
    moments = _moments(with_records(tiny, counts=(count,)), "en")
    assert moments["iceland"]["map_title"] == "1 June 2020: 7 countries reported, 4 known by name"
    assert moments["iceland"]["map_subtitle"] == (
        "According to Later list: 7 countries, none of them named."
    )
    # The next event does not repeat it.
    assert moments["finland-leaves"]["map_title"] == "1 August 2020: 3 known members"
    assert moments["finland-leaves"]["map_subtitle"] == ""


# -- the members table: which rows, in which order


def _row_names(data: Dataset, table: dict[str, Any], codes: list[str], lang: str) -> list[str]:
    return [data.countries[codes[i]].name(lang) for i in table["rows"]]


def test_table_rows_are_members_by_status_then_by_name(tiny: Dataset) -> None:
    spec = view_spec(tiny, "en")
    codes = [c["iso3"] for c in spec["countries"]]
    rows = {m["id"]: _row_names(tiny, m, codes, "en") for m in spec["events"]}
    # Founding members by name, then one that may have joined (Denmark), then the rest.
    assert rows["launch"] == ["Finland", "Norway", "Sweden", "Denmark", "Iceland"]
    assert rows["later"] == ["Sweden", "Iceland", "Denmark", "Norway", "Finland"]


def test_before_the_record_begins_the_table_lists_no_one(tiny: Dataset) -> None:
    before = members_state(tiny, START - dt.timedelta(days=1), "en")
    assert before["moment"]["rows"] == []
    on_the_day = members_state(tiny, START, "en")  # the first day shows every country
    codes = [c["iso3"] for c in on_the_day["countries"]]
    assert _row_names(tiny, on_the_day["moment"], codes, "en") == [
        "Finland", "Norway", "Sweden", "Denmark", "Iceland"
    ]  # fmt: skip
    assert on_the_day["moment"]["caption"] == "Known members on 1 January 2020: 3 countries"


def test_the_table_s_countries_go_by_name_in_the_reader_s_language(tiny: Dataset) -> None:
    sweden = tiny.countries["SWE"].model_copy(update={"names": _both("Albion", "Öland")})
    data = with_records(tiny, countries={**tiny.countries, "SWE": sweden})
    assert [c["iso3"] for c in members_state(data, START, "en")["countries"]] == [
        "SWE", "DNK", "FIN", "ISL", "NOR"
    ]  # fmt: skip
    assert [c["iso3"] for c in members_state(data, START, "sv")["countries"]][-1] == "SWE"


def test_a_cell_names_the_sources_of_its_status(tiny: Dataset) -> None:
    spec = view_spec(tiny, "en")
    codes = [c["iso3"] for c in spec["countries"]]
    launch = spec["events"][0]
    norway = launch["countries"][codes.index("NOR")]
    assert spec["strings"][norway[3]] == "Launch list"
    assert norway[4] == 1


# -- an event's own words, and its quotes


def test_an_event_s_notes_and_place_are_shown_in_the_reader_s_language(tiny: Dataset) -> None:
    launch = tiny.events[0].model_copy(
        update={"notes": _both("A note.", "En anm."), "place": _both("Brussels", "Bryssel")}
    )
    data = with_records(tiny, events=(launch, *tiny.events[1:]))
    for lang, notes, place in [("en", "A note.", "Brussels"), ("sv", "En anm.", "Bryssel")]:
        moments = _moments(data, lang)
        assert (moments["launch"]["notes"], moments["launch"]["place"]) == (notes, place)
        assert (moments["iceland"]["notes"], moments["iceland"]["place"]) == ("", "")


def test_each_moment_carries_its_own_quotes(tiny: Dataset) -> None:
    moments = _moments(tiny, "en")
    assert {k: [q["id"] for q in m["quotes"]] for k, m in moments.items()} == {
        "launch": ["opening"], "iceland": [], "finland-leaves": [], "later": []
    }  # fmt: skip


def test_quote_cards_are_grouped_by_event_with_a_word_for_none(tiny: Dataset) -> None:
    state = quotes_state(tiny, "sv")
    assert state["lang"] == "sv"
    assert [g["heading"] for g in state["groups"]] == ["1 januari 2020: Lansering"]
    assert [q["id"] for q in state["groups"][0]["quotes"]] == ["opening"]
    assert state["empty"] == "Inget citat finns för den här händelsen."
    assert quotes_state(tiny, "en")["empty"] == "No quote recorded for this event."
    with pytest.raises(ValueError, match="lang must be one of en, sv"):
        quotes_state(tiny, "de")


# -- the page's own words: labels, content note, sources


def test_labels_give_the_record_s_first_day_and_the_grouping(tiny: Dataset) -> None:
    labels = view_spec(tiny, "sv")["labels"]
    assert labels["start"] == "1 januari 2020"
    assert labels["no_members"] == "Inga medlemmar ännu: uppgifterna börjar den 1 januari 2020."
    assert labels["group"] == "EU"
    ungrouped = with_records(tiny, manifest=tiny.manifest.model_copy(update={"group": None}))
    assert view_spec(ungrouped, "en")["labels"]["group"] == ""


def test_a_content_note_is_shown_only_when_the_story_has_one(tiny: Dataset) -> None:
    assert view_spec(tiny, "en")["content_note"] == ""
    noted = tiny.manifest.model_copy(update={"content_note": _both("Hard reading.", "Svårt.")})
    assert view_spec(with_records(tiny, manifest=noted), "sv")["content_note"] == "Svårt."


def test_the_source_list_quotes_titles_brackets_none_and_says_undated(tiny: Dataset) -> None:
    launch = tiny.sources["launch-list"].model_copy(
        update={"supplied_title": _both("The list", "Listan"), "date_published": None,
                "url": None}
    )  # fmt: skip
    data = with_records(tiny, sources={**tiny.sources, "launch-list": launch})
    by_label = {s["label"]: s for s in view_spec(data, "sv")["sources"]}
    assert list(by_label) == ["Den senare listan", "Lanseringslistan"]  # by name
    assert by_label["Den senare listan"] == {
        "label": "Den senare listan",
        "publisher": "Example Publisher",
        "title": "“The later list”",  # its own title, in quotation marks
        "date": "januari 2021",
        "url": "https://example.org/later",
    }
    supplied = by_label["Lanseringslistan"]
    assert supplied["title"] == launch.title_in("sv") != "“The launch list”"
    assert "Listan" in supplied["title"]
    assert (supplied["date"], supplied["url"]) == ("odaterad", "")


def test_the_view_speaks_only_the_story_s_languages(tiny: Dataset) -> None:
    for view in (view_spec, quotes_state):
        with pytest.raises(ValueError, match="lang must be one of en, sv"):
            view(tiny, "de")
    with pytest.raises(ValueError, match="lang must be one of en, sv"):
        members_state(tiny, START, "de")


def test_countries_follow_the_map_s_traces_with_their_sizes(tiny: Dataset) -> None:
    spec = view_spec(tiny, "en")
    # In the order of the map's traces, which is the geometry file's.
    traces = [c["trace"] for c in spec["countries"]]
    assert traces == sorted(traces) and len(set(traces)) == len(traces)
    assert [c["iso3"] for c in spec["countries"]] == ["SWE", "NOR", "ISL", "FIN", "DNK"]
    # tiny's countries are squares of one degree at 50-51°N: about 70 by 110 km.
    assert all(60 <= c["size_km"] <= 115 for c in spec["countries"])


def test_a_range_of_days_is_captioned_as_days_a_month_as_a_month(tiny: Dataset) -> None:
    meeting = tiny.events[1].model_copy(update={"precision": "range", "end": dt.date(2020, 6, 3)})
    data = with_records(tiny, events=(tiny.events[0], meeting, *tiny.events[2:]))
    caption = _moments(data, "en")["iceland"]["caption"]
    assert caption.startswith("Known members on ") and caption.endswith(": 4 countries")
    assert _moments(data, "en")["later"]["caption"].startswith("Known members, ")


def test_the_key_explains_the_uncertain_statuses(tiny: Dataset) -> None:
    styles = view_spec(tiny, "en")["styles"]
    assert styles["may_have_joined"]["explain"] == (
        "In the later list; whether already on this date is not known."
    )
    assert styles["joined"]["explain"] == ""


def test_a_count_belongs_to_the_first_event_that_shows_it_even_the_first(
    tiny: Dataset,
) -> None:
    # A count holds from its day to the next list: both events of this timeline show it.
    count = ReportedCount(
        date=PartialDate.parse("2020-06-01"), count=7, named="none", sources=["later-list"]
    )
    data = with_records(tiny, events=tiny.events[1:3], counts=(count,))
    assert [data.count_of_event(e.id) for e in data.events] == [count, None]
    moments = _moments(data, "en")
    assert moments["iceland"]["map_subtitle"].startswith("According to Later list: 7 countries")
    assert moments["finland-leaves"]["map_subtitle"] == ""
