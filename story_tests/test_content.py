"""This story's facts, as its sources give them: checks of the content, not the engine.

Each test names a point a source-by-source review found wrong once, so that it cannot
come back (shared/reviews/2026-11-28-sources-review.md).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import explainer
from explainer import Dataset
from explainer._quotes import quote_record

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def markdown(name: str) -> str:
    notebook = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    return "\n".join(
        "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"
    )


def stored_outputs(name: str) -> str:
    notebook = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    return "\n".join(
        "".join(output.get("data", {}).get("text/html", ""))
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
    )


def section(name: str, heading: str) -> str:
    text = markdown(name)
    return text.split(heading, 1)[1].split("\n## ", 1)[0]


# -- the six definite errors ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_doj_release_named_its_countries_canada_among_them(dataset: Dataset, lang: str) -> None:
    [doj] = [c for c in dataset.counts if "eurasiareview-doj-2012-12-04" in c.sources]
    assert doj.named == "all" and doj.count == 49
    text = explainer.open_questions(dataset, lang).data
    line = next(li for li in text.split("<li>") if "4 dec" in li.lower() and "49" in li)
    assert ("lists 49 countries" if lang == "en" else "räknar upp 49 länder") in line
    assert "Canada among them" in line or "bland dem Kanada" in line
    assert "without naming" not in line and "utan att namnge" not in line


@pytest.mark.parametrize(
    ("quote", "start"),
    [("malmstrom-2012", "Bakom varje bild"), ("holder-2012", "Detta internationella initiativ")],
)
def test_the_swedish_2012_cards_show_the_commissions_translation(
    dataset: Dataset, quote: str, start: str
) -> None:
    record = quote_record(dataset, next(q for q in dataset.quotes if q.id == quote), "sv")
    assert record["lang"] == "sv" and record["paragraphs"][0].startswith(start)
    assert record["notes"][0] == (
        "Översättning: Europeiska kommissionen (dess svenska version av IP/12/1308) "
        "(i publicerad form)"
    )
    assert [s["label"] for s in record["sources"]] == [
        "EU-kommissionens pressmeddelande IP/12/1308 (sv)"
    ]
    assert record["original"]["lang"] == "en"


def test_the_fact_sheet_is_an_eu_fact_sheet_about_eu_us_cooperation(dataset: Dataset) -> None:
    event = dataset.event("factsheet-2014")
    assert event.text.get("en").startswith("An EU fact sheet on EU–US cooperation")
    assert "EU-US fact sheet" not in event.text.get("en")
    assert "från EU och USA" not in event.text.get("sv")
    assert event.place is None, "no source names a place"


def test_abu_dhabi_claims_only_what_its_source_says(dataset: Dataset) -> None:
    summit = dataset.event("abu-dhabi-2015")
    assert summit.sources == ["hansard-2015-12-03"]
    assert not re.search(r"merg|sammansla", summit.text.get("en") + summit.text.get("sv"))
    dialogue = dataset.event("cyber-dialogue-2015")
    assert (
        dialogue.sources == ["digwatch-2015-12-07"]
        and dialogue.date.first.isoformat() == "2015-12-07"
    )
    assert "merging the Global Alliance" in dialogue.text.get("en")
    assert "Washington" in dialogue.place.get("en")  # type: ignore[union-attr]


def test_the_targets_note_says_whose_wording_and_whose_order(dataset: Dataset) -> None:
    assert dataset.targets_meta is not None
    note = dataset.targets_meta.wording_source["en"].note
    assert "Joint Statement of June 2012" in note and "order of the Declaration" in note
    assert "order follows the Declaration" in section("explainer-en.ipynb", "## Four targets")
    caption = explainer.targets_table(dataset, "sv").data
    assert "ordningen är deklarationens" in caption


@pytest.mark.parametrize("name", ["explainer-en.ipynb", "explainer-sv.ipynb"])
def test_the_50000_estimate_is_unodcs(name: str) -> None:
    why = section(
        name, "## Why an alliance" if name.endswith("en.ipynb") else "## Varför en allians"
    )
    assert "UNODC" in why and ("50,000" in why or "50 000" in why)
    assert "Commission estimated" not in why and "kommissionen uppskattade" not in why.lower()
    assert "in seconds" not in why and "sekunder" not in why


# -- doubtful points -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["explainer-en.ipynb", "explainer-sv.ipynb"])
def test_the_narrative_says_no_more_than_its_sources(name: str) -> None:
    text = markdown(name)
    for claim in ("read to the conference", "read in her absence", "lästes upp",
                  "for two years", "i två år", "which is why US sources",
                  "chose for itself", "valde själva"):  # fmt: skip
        assert claim not in text, claim
    assert "47" in text, "the Cyprus Presidency's count is explained with the others"


def test_washington_event_names_the_attendance_and_the_absence(dataset: Dataset) -> None:
    event = dataset.event("washington-2014")
    assert "over 30 represented" in event.title.get("en")
    assert "a speech in her name is published" in event.text.get("en")
    assert "read" not in event.text.get("en")
    assert "govuk-statement-2014-10-20" in event.sources, "the four follow-up points"


def test_places_are_those_the_sources_name(dataset: Dataset) -> None:
    assert dataset.event("first-report-2013").place is None
    assert dataset.event("canada-2013").place.get("en") == "Toronto"  # type: ignore[union-attr]
    assert "symbolic" in dataset.event("canada-2013").text.get("en")


def test_period_names_with_the_current_name_in_the_note(dataset: Dataset) -> None:
    assert dataset.countries["TUR"].name("en") == "Turkey"
    assert dataset.countries["CZE"].name("en") == "Czech Republic"
    assert dataset.countries["GBR"].name("sv") == "Storbritannien"
    assert "Türkiye" in dataset.countries["TUR"].note.get("en")  # type: ignore[union-attr]
    view = explainer.dashboard(dataset, "en")
    assert any("Türkiye" in text for text in view.spec["strings"]), "shown in the details"


def test_the_2016_view_claims_no_membership_no_source_gives(dataset: Dataset) -> None:
    view = explainer.dashboard(dataset, "en")
    merger = next(m for m in view.spec["events"] if m["id"] == "merger-2016")
    assert merger["map_title"] == "2016: 54 countries in the latest list (30 September 2014)"
    assert "Digital Watch" in merger["map_subtitle"]


# -- notes that reach the reader -------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "lang", "note"),
    [
        ("malmstrom-2014", "en", "Malmström was not in Washington"),
        ("malmstrom-2014", "sv", "Malmström var inte i Washington"),
        ("holder-2012-speech", "en", "As reported by the Associated Press"),
        ("holder-2014", "sv", "”missbrukare” är EU Reporters felöversättning"),
        ("malmstrom-2014", "sv", "”an abused child”"),
    ],
)
def test_quote_notes_show_on_the_cards(dataset: Dataset, quote: str, lang: str, note: str) -> None:
    record = quote_record(dataset, next(q for q in dataset.quotes if q.id == quote), lang)
    assert any(note in n for n in record["notes"])
    cards = explainer.all_quotes(dataset, lang).state
    assert note in json.dumps(cards, ensure_ascii=False)


def test_the_swedish_target_slip_is_marked(dataset: Dataset) -> None:
    table = explainer.targets_table(dataset, "sv").data
    assert "återanvändning av barn" in table, "verbatim"
    assert "felöversättning av ”re-victimization of children”" in table


def test_caveats_and_country_notes_reach_the_data_page(dataset: Dataset) -> None:
    stored = stored_outputs("data-and-sources.ipynb")
    for meta in dataset.metas.values():
        for caveat in meta.caveats:
            assert (
                caveat.get("en").split(";")[0][:40].replace('"', "&quot;")
                in stored.replace("&#x27;", "'")
                or caveat.get("en")[:40] in stored
            )
    assert "without prejudice to positions on its status" in stored


# -- Swedish views ----------------------------------------------------------------------


def test_swedish_views_cite_sources_by_their_swedish_names(dataset: Dataset) -> None:
    english_only = {s.label("en") for s in dataset.sources.values()} - {
        s.label("sv") for s in dataset.sources.values()
    }
    spec = explainer.dashboard(dataset, "sv").spec
    shown = json.dumps([spec["strings"], spec["events"]], ensure_ascii=False)
    views = (explainer.sources_list, explainer.open_questions, explainer.events_table)
    pages = [view(dataset, "sv").data for view in views] + [markdown("explainer-sv.ipynb")]
    pages.append(json.dumps(explainer.all_quotes(dataset, "sv").state, ensure_ascii=False))
    for label in english_only:
        for text in [shown, *pages]:
            assert label not in text, label


def test_every_source_has_a_distinct_short_name(dataset: Dataset) -> None:
    for lang in ("en", "sv"):
        labels = [s.label(lang) for s in dataset.sources.values()]
        assert len(labels) == len(set(labels))
    cited = {s for e in dataset.events for s in e.sources}
    cited |= {s for q in dataset.quotes for s in q.sources}
    assert "ec-speech-12-912" in cited, "every source listed is cited somewhere"
