"""The story explains in plain words: measured targets on the exported pages.

From the editorial review of 2 December 2026 (shared/reviews/2026-12-02-editorial-review.md):
a story of 900-1,300 words, no section over 180, sentences of 20 words on average and
none over 35, English sections at Flesch reading ease 60 or more, Swedish at LIX 45 or
less; no document codes, file names or research notes on a story page; one spelling of
WeProtect; Swedish headings in Swedish and "inte" rather than "ej". What is measured is
described in ``story_text``. Content, not timings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat

from explainer.surfaces._export import export

from .conftest import ROOT
from .story_text import Section, lix, story_sections, visible_text_outside_scripts, words

PAGES = {"en": "index.html", "sv": "sv.html"}
# What a story page must not show: document codes, file and column names, research notes.
INTERNAL = re.compile(
    r"\b(?:IP|MEMO|SPEECH)/\d+/\d+|\bI-\d{6}\b|\.meta\.yml|\.csv\b|name_in_source"
    r"|headline not recorded|\bcopy of\b|same text as|seed article|EC DG Home"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("site") / "site", project=ROOT).parent


@pytest.fixture(scope="module", params=["en", "sv"])
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def page(site: Path, lang: str) -> str:
    return (site / PAGES[lang]).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sections(page: str) -> list[Section]:
    found = story_sections(page)
    assert len(found) >= 8, [s.name for s in found]
    return found


def test_the_story_is_900_to_1300_words(sections: list[Section]) -> None:
    total = sum(len(s.words) for s in sections)
    assert 900 <= total <= 1300, total


def test_no_section_is_over_180_words(sections: list[Section]) -> None:
    long = {s.name: len(s.words) for s in sections if len(s.words) > 180}
    assert long == {}


def test_sentences_are_20_words_on_average_and_none_over_35(sections: list[Section]) -> None:
    lengths = [len(words(sentence)) for s in sections for sentence in s.sentences]
    assert sum(lengths) / len(lengths) <= 20
    longest = max(
        (s for section in sections for s in section.sentences), key=lambda s: len(words(s))
    )
    assert len(words(longest)) <= 35, longest


def test_every_section_reads_plainly(sections: list[Section], lang: str) -> None:
    if lang == "en":
        scores = {s.name: textstat.flesch_reading_ease(s.prose) for s in sections}
        assert {name: score for name, score in scores.items() if score < 60} == {}
    else:
        scores = {s.name: lix(s.prose) for s in sections}
        assert {name: score for name, score in scores.items() if score > 45} == {}


def test_every_section_cites_its_sources(sections: list[Section]) -> None:
    uncited = [s.name for s in sections if not s.citations and not s.name.startswith("lead")]
    assert uncited == []


def test_no_document_code_file_name_or_research_note(page: str) -> None:
    found = INTERNAL.findall(visible_text_outside_scripts(page))
    assert found == []


def test_one_spelling_of_weprotect_in_our_prose(sections: list[Section]) -> None:
    prose = " ".join(s.prose for s in sections)
    assert "WeProtect" in prose
    assert "WePROTECT" not in prose and "#WeProtect" not in prose


def test_the_arithmetic_of_the_membership_is_written_out(sections: list[Section]) -> None:
    prose = " ".join(s.prose for s in sections)
    assert re.search(r"48 \w+ \+ \w+ \+ 6 \w+ − Vietnam = 54", prose), "48 + Canada + 6 − Vietnam"


def test_the_swedish_page_is_written_in_swedish(site: Path) -> None:
    english = story_sections((site / PAGES["en"]).read_text(encoding="utf-8"))
    swedish_page = (site / PAGES["sv"]).read_text(encoding="utf-8")
    swedish = story_sections(swedish_page)

    def headings(sections: list[Section]) -> set[str]:
        return {s.name for s in sections if not s.name.startswith("lead ")}

    assert headings(swedish) and headings(english).isdisjoint(headings(swedish)), "Swedish headings"
    title = re.search(r"<h1[^>]*>(.*?)<", swedish_page, re.S)
    assert title is not None and title.group(1).startswith("Den globala alliansen")
    assert not re.search(r"\bej\b", visible_text_outside_scripts(swedish_page)), "inte, not ej"
    assert "(vår översättning)" in swedish_page, "target 3 in our own Swedish, marked"
