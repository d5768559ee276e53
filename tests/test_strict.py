"""`explainer validate --strict`: each check finds what it is for, names file, row and
field, and passes a story fit to publish (this one and the Lanzarote example)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import explainer
from explainer.language._i18n import DOMAIN, LOCALE_DIR
from explainer.reading import _strict
from explainer.reading._strict import catalog_problems, strict_problems
from explainer.surfaces._cli import main

from .conftest import ROOT, TINY

QUOTE_UNREADABLE = (
    "data/quotes.yml", 1, "opening.translations",
    "no translation into sv (a published one with its translator, or ours: by: ours)",
)  # fmt: skip


def problems(project: Path) -> list[tuple[str, int, str, str]]:
    dataset = explainer.load_dataset(project=project)
    story = explainer.load_project(project)
    homes = {lang: story.notebooks / name for lang, name in story.manifest.notebooks.home.items()}
    return [(p.file, p.row, p.field, p.message) for p in strict_problems(dataset, homes)]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def tiny_copy(data_copy: Callable[..., Path]) -> Path:
    """A copy of the fixture story, its one strict problem (a quote only in English) fixed."""
    data = data_copy(TINY)
    edit(data / "quotes.yml", "  sources: [launch-list]\n",
         "  sources: [launch-list]\n  translations:\n    - {language: sv, by: ours, "
         "text: Vi börjar.}\n")  # fmt: skip
    assert problems(data.parent) == []
    return data


def test_the_fixture_is_not_fit_to_publish_for_one_reason() -> None:
    # Its quote is in English only: a Swedish reader could not read it.
    assert problems(TINY) == [QUOTE_UNREADABLE]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("sources.csv", ",2021-01,https://example.org/later", ",,https://example.org/later",
         ("data/sources.csv", 3, "later-list.date_published",
          "no date: give the date published, or `undated` where the source shows none")),
        ("sources.csv", "launch-list,Launch list,", "launch-list,Launch list (MEMO/20/1),",
         ("data/sources.csv", 2, "launch-list.short_en",
          "a document code in a citation label; put it in doc_code")),
        ("events.yml", "text: {en: A new member., sv: En ny medlem.}",
         "text: {en: A new member joins today., sv: A new member joins today.}",
         ("data/events.yml", 7, "iceland.text.sv", "the same words as in en")),
        ("countries.csv", "SWE,Sweden,Sverige,yes,,launch-list,", "SWE,Sweden,Sverige,yes,,,",
         ("data/countries.csv", 2, "SWE.group_sources",
          "membership of the grouping needs a source")),
    ],
)  # fmt: skip
def test_each_data_check_names_file_row_and_field(
    tiny_copy: Path, file: str, old: str, new: str, expected: tuple[str, int, str, str]
) -> None:
    edit(tiny_copy / file, old, new)
    assert problems(tiny_copy.parent) == [expected]


def test_a_short_name_may_read_the_same_in_both_languages(tiny_copy: Path) -> None:
    # "Minister" is Swedish too: fewer than four words are not flagged.
    assert "role: {en: Minister, sv: Minister}" in (tiny_copy / "quotes.yml").read_text()
    assert problems(tiny_copy.parent) == []


@pytest.mark.parametrize(
    ("key", "value", "field", "message"),
    [
        ("language_code", "en", "language_code", "the home notebook in sv says 'en'"),
        ("title", "A tiny alliance", "title", "not the story's title in story.yml"),
    ],
)
def test_a_home_notebook_must_be_in_its_language_and_titled_as_the_story(
    tiny_copy: Path, key: str, value: str, field: str, message: str
) -> None:
    path = tiny_copy.parent / "notebooks" / "story-sv.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["metadata"][key] = value
    path.write_text(json.dumps(notebook), encoding="utf-8")
    assert problems(tiny_copy.parent) == [("notebooks/story-sv.ipynb", 0, field, message)]


def test_the_shipped_catalogs_translate_every_interface_string() -> None:
    assert list(catalog_problems(("en", "sv"))) == []
    [missing] = catalog_problems(("en", "fi"))
    assert missing.message == "no interface catalog for fi"


def test_an_interface_string_left_untranslated_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, locale)
    with (LOCALE_DIR / "sv" / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        catalog = read_po(handle)
    catalog["Play"].string = ""
    with (locale / "sv" / "LC_MESSAGES" / f"{DOMAIN}.mo").open("wb") as handle:
        write_mo(handle, catalog)
    monkeypatch.setattr(_strict, "LOCALE_DIR", locale)
    found = list(catalog_problems(("en", "sv")))
    assert [(p.field, p.message) for p in found] == [("msgstr", "no sv translation of 'Play'")]


@pytest.mark.parametrize("project", [ROOT, ROOT / "examples" / "lanzarote"])
def test_both_stories_are_fit_to_publish(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", "--project", str(project)]) == 0
    assert capsys.readouterr().out.startswith("ok: ")


def test_the_command_lists_every_problem_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", "--project", str(TINY)]) == 1
    err = capsys.readouterr().err
    assert "data/quotes.yml:1: opening.translations: no translation into sv" in err
    assert "1 problem(s); not fit to publish." in err
    assert "Traceback" not in err
