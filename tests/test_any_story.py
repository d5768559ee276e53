"""Any story, in any language: `explainer new`, optional data, a story's own catalog.

On fixtures only: the template `explainer new` writes, and ``tests/data/neu``, a
German-only story whose interface strings come from its own ``locale/de.po``.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

import explainer
from explainer import DataError
from explainer.language._i18n import LOCALE_DIR, format_day
from explainer.surfaces._export import export
from explainer.surfaces._new import NewStoryError, new_story
from explainer.views._moments import members_state, quotes_state, view_spec

from .conftest import NEU, TINY, copy_project, islands

D = dt.date


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return new_story(tmp_path_factory.mktemp("author") / "mystory")


@pytest.fixture(scope="module")
def neu() -> explainer.Dataset:
    return explainer.load_dataset(project=NEU)


def test_a_new_story_is_small_and_valid_as_written(fresh: Path) -> None:
    data = explainer.load_dataset(project=fresh)
    files = sorted(str(p.relative_to(fresh)) for p in fresh.rglob("*") if p.is_file())
    assert len(files) == 15, files
    assert "data/membership/undated.csv" not in files and "data/membership/counts.csv" not in files
    assert not any(re.fullmatch(r"data/membership/\d{4}-\d\d-\d\d\.csv", f) for f in files)
    assert data.languages == ("en",) and len(data.events) == 2 and len(data.quotes) == 1
    # No published list: the members come from the dated changes alone.
    assert data.lists == () and data.start == D(2010, 7, 1)
    assert data.members_on(D(2010, 6, 30)) == frozenset()
    assert data.members_on(D(2010, 7, 1)) == {"ALB", "DNK", "GRC", "NLD", "SMR"}
    assert data.status_on("SMR", D(2010, 7, 1)).kind is explainer.StatusKind.JOINED
    assert data.status_on("SMR", D(2010, 7, 1)).sources == ("crin-2010-07-01",)
    for path in [fresh, *fresh.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), path


def test_a_new_story_goes_only_into_a_new_or_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(NewStoryError, match="not empty"):
        new_story(tmp_path / "taken")
    assert sorted(p.name for p in (tmp_path / "taken").iterdir()) == ["notes.txt"]
    (tmp_path / "empty").mkdir()
    assert (new_story(tmp_path / "empty") / "story.yml").is_file()


def test_a_new_story_exports_every_event(fresh: Path, tmp_path: Path) -> None:
    data = explainer.load_dataset(project=fresh)
    page = export(tmp_path / "site", project=fresh).read_text(encoding="utf-8")
    linked, quotes = islands(page)
    assert [e["id"] for e in linked["state"]["spec"]["events"]] == ["opened-2007", "in-force-2010"]
    assert [e.id for e in data.events] == ["opened-2007", "in-force-2010"]
    # With no list there is no "later": the five simply joined.
    assert linked["state"]["spec"]["events"][1]["description"] == "The map shows 5 that joined."
    shown = [q["id"] for group in quotes["state"]["groups"] for q in group["quotes"]]
    assert shown == ["de-boer-buquicchio-2010"]


def test_optional_files_need_no_sidecar_but_a_present_file_does(tmp_path: Path) -> None:
    project = new_story(tmp_path / "story")
    (project / "data" / "quotes.yml").unlink()
    (project / "data" / "quotes.meta.yml").unlink()
    assert explainer.load_dataset(project=project).quotes == ()
    (project / "data" / "membership" / "changes.meta.yml").unlink()
    with pytest.raises(DataError) as refused:
        explainer.load_dataset(project=project)
    assert [str(p) for p in refused.value.problems] == [
        "membership/changes.meta.yml:0: (file): file not found: "
        f"{project}/data/membership/changes.meta.yml"
    ]


def test_a_story_needs_some_member_on_record(tmp_path: Path) -> None:
    project = new_story(tmp_path / "story")
    (project / "data" / "membership" / "changes.csv").write_text(
        "date,iso3,change,sources\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as refused:
        explainer.load_dataset(project=project)
    (problem,) = refused.value.problems
    assert problem.file == "membership" and "no member on record" in problem.message


def test_a_dated_change_before_the_first_list_decides_until_that_list(tmp_path: Path) -> None:
    project = copy_project(TINY, tmp_path / "tiny")
    changes = project / "data" / "membership" / "changes.csv"
    changes.write_text(changes.read_text(encoding="utf-8") + "2019-06-01,DNK,joined,later-list,\n",
                       encoding="utf-8")  # fmt: skip
    data = explainer.load_dataset(project=project)
    assert data.start == D(2019, 6, 1)
    assert data.status_on("DNK", D(2019, 5, 31)).kind is explainer.StatusKind.NOT_MEMBER
    assert data.status_on("DNK", D(2019, 6, 1)).kind is explainer.StatusKind.JOINED
    assert data.status_on("SWE", D(2019, 6, 1)).kind is explainer.StatusKind.NOT_MEMBER


def _catalog() -> dict[str, str]:
    with (NEU / "locale" / "de.po").open("rb") as handle:
        catalog = read_po(handle, locale="de")
    return {m.id: str(m.string) for m in catalog if isinstance(m.id, str) and m.id}


def test_a_story_speaks_a_language_the_engine_does_not(neu: explainer.Dataset) -> None:
    assert neu.languages == ("de",)
    german = _catalog()
    spec = explainer.dashboard(neu).spec  # no language given: the story's first
    assert spec["lang"] == "de" and spec["locale"] == "de-DE"
    assert spec["labels"]["members"] == german["Members"] != "Members"
    assert spec["labels"]["quotes"] == german["Quotes"]
    # Country names from pycountry, dates from Babel, both in German.
    names = {c["iso3"]: c["name"] for c in spec["countries"]}
    assert names["DNK"] == "Dänemark" and names["GRC"] == "Griechenland"
    assert format_day(D(2010, 7, 1), "de") == "1. Juli 2010"
    assert spec["events"][1]["date"] == "1. Juli 2010"


def test_a_story_language_s_pages_have_its_interface_words(
    neu: explainer.Dataset, tmp_path: Path
) -> None:
    page = export(tmp_path / "site", project=NEU).read_text(encoding="utf-8")
    assert '<html lang="de">' in page
    linked, _ = islands(page)
    labels = linked["state"]["spec"]["labels"]
    german = _catalog()
    with (LOCALE_DIR / "explainer.pot").open("rb") as handle:
        english = {m.id for m in read_po(handle) if isinstance(m.id, str) and m.id}
    # No interface label is left in English where the catalog says otherwise.
    untranslated = [v for v in labels.values() if v in english and german.get(v, v) != v]
    assert untranslated == []
    assert german["Timeline"] in page and ">Timeline<" not in page
    assert [e["id"] for e in linked["state"]["spec"]["events"]] == [e.id for e in neu.events]


@pytest.mark.parametrize(
    ("line", "expected", "row"),
    [
        ('msgstr "{datum}: vor Beginn der Aufzeichnungen ({start})"', "uses {datum}", 0),
        ('msgstr "x"\nthis is not a catalog line', "not a gettext catalog", 2),
    ],
)
def test_a_story_catalog_is_checked(tmp_path: Path, line: str, expected: str, row: int) -> None:
    project = copy_project(NEU, tmp_path / "neu")
    catalog = project / "locale" / "de.po"
    lines = catalog.read_text(encoding="utf-8").splitlines()
    at = lines.index('msgid "{date}: before the record begins ({start})"') + 1
    lines[at] = line
    catalog.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as refused:
        explainer.load_project(project)
    (problem,) = refused.value.problems
    assert problem.file.endswith("locale/de.po") and expected in problem.message
    assert problem.row == at + row  # the line of the message (msgid) or of the bad line


def test_a_language_without_any_catalog_is_refused_by_name(tmp_path: Path) -> None:
    project = copy_project(NEU, tmp_path / "neu")
    (project / "locale" / "de.po").unlink()
    with pytest.raises(DataError) as refused:
        explainer.load_project(project)
    (problem,) = refused.value.problems
    assert (problem.file, problem.field) == ("story.yml", "languages.0.code")
    assert "locale/de.po" in problem.message


def test_every_event_has_its_moment_on_its_last_day(tiny: explainer.Dataset) -> None:
    for lang in tiny.languages:
        spec = view_spec(tiny, lang)
        codes = [c["iso3"] for c in spec["countries"]]
        assert [e["id"] for e in spec["events"]] == [e.id for e in tiny.events]
        for event, moment in zip(tiny.events, spec["events"], strict=True):
            assert moment["last_day"] == event.last_day.isoformat()
            kinds = {codes[i]: cell[0] for i, cell in enumerate(moment["countries"])}
            want = {c: s.kind.value for c, s in tiny.statuses_on(event.last_day).items()}
            assert kinds == want, event.id
    # A month-precision event: Denmark is on the list of 31 January, not of 1 January.
    later = next(e for e in view_spec(tiny, "en")["events"] if e["id"] == "later")
    assert later["first_day"] == "2021-01-01"
    assert later["changes"]["joined"] == ["Denmark"]


def test_views_default_to_the_story_s_first_language(tiny: explainer.Dataset) -> None:
    assert explainer.dashboard(tiny).lang == "en"
    assert 'lang="en"' in explainer.events_table(tiny).data
    with pytest.raises(ValueError, match="lang must be one of en, sv"):
        explainer.events_table(tiny, "de")


FRONT = Path(explainer.__file__).resolve().parent / "front"


def _keys(value: Any, path: str = "spec") -> dict[str, str]:
    """Every key of the view's data, with where it is (lists: their first item)."""
    found: dict[str, str] = {}
    if isinstance(value, dict) and path != "spec.figure":
        for key, item in value.items():
            found.setdefault(key, f"{path}.{key}")
            found |= {k: v for k, v in _keys(item, f"{path}.{key}").items() if k not in found}
    elif isinstance(value, list) and value and path not in {"spec.strings"}:
        found |= _keys(value[0], f"{path}[]")
    return found


def test_the_front_end_reads_every_key_the_view_model_writes(tiny: explainer.Dataset) -> None:
    # The view's data is the contract between the view model and the front end: a key
    # renamed on one side only, or one that no code reads, fails here, not on a page.
    script = "\n".join(p.read_text(encoding="utf-8") for p in FRONT.glob("*.js"))
    spec = view_spec(tiny, "en")
    keys = _keys(spec) | _keys(spec["events"][3]["changes"], "changes")
    # A status's style: its keys, not the statuses (which are data).
    keys = {k: v for k, v in keys.items() if not k.isdigit() and not v.startswith("spec.styles.")}
    keys |= _keys(spec["styles"]["joined"], "styles.joined")
    # The members table and the quote cards drawn on their own (not in the linked view).
    alone = _keys(members_state(tiny, tiny.start, "en"), "members")
    alone |= _keys(quotes_state(tiny, "en"), "quotes")
    data_keys = ("members.styles.", "members.labels.", "members.strings")
    keys |= {
        k: v
        for k, v in alone.items()
        if k not in keys and not k.isdigit() and not v.startswith(data_keys)
    }
    unread = sorted(
        where for key, where in keys.items()
        if not re.search(rf"[.\[\"']{re.escape(key)}\b", script)
    )  # fmt: skip
    assert unread == []
    assert {"title", "map_title", "caption", "announce", "description", "quotes"} <= set(keys)
    assert {"fill", "dash", "symbol", "explain", "moment", "groups", "empty"} <= set(keys)


def test_a_project_names_its_missing_or_broken_notebooks(tmp_path: Path) -> None:
    project = copy_project(TINY, tmp_path / "tiny")
    story = explainer.load_project(project)
    story.check_notebooks()  # all there
    (project / "notebooks" / "story-sv.ipynb").unlink()
    (project / "notebooks" / "story-en.ipynb").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError) as refused:
        story.check_notebooks()
    assert [(p.file, p.row, p.field, p.message) for p in refused.value.problems] == [
        (str(project / "notebooks" / "story-en.ipynb"), 0, "(file)",
         "not a Jupyter notebook (nbformat 4 JSON)"),
        (str(project / "notebooks" / "story-sv.ipynb"), 0, "(file)",
         "notebook not found (named in story.yml)"),
    ]  # fmt: skip
    with pytest.raises(DataError) as only:
        story.check_notebooks(["story-sv.ipynb"])
    assert len(only.value.problems) == 1


def test_a_project_speaks_only_its_languages(tmp_path: Path) -> None:
    story = explainer.load_project(TINY)
    assert story.language(None) == "en" and story.language("sv") == "sv"
    with pytest.raises(DataError) as refused:
        story.language("de")
    (problem,) = refused.value.problems
    assert (problem.file, problem.row, problem.field) == (str(TINY / "story.yml"), 0, "languages")
    assert problem.message == "the story has no language 'de' (it has en, sv)"
