"""A refusal names the file, the row and the field, word for word.

test_bad_data.py checks that each mistake is refused by the right rule; these check the
whole problem, row included, for the rules that look across files and for a project's
own rules (where the story is, its notebooks, its languages), which `make mutation`
showed were otherwise checked only by file and words.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

import explainer
from explainer import DataError
from explainer.model._manifest import Manifest
from explainer.reading._project import MAX_NOTEBOOK_BYTES, find_project, notebook_problems

from .conftest import NEU, TINY, copy_project
from .test_bad_data import LIST, LIST_META, Mutation, append, edit, write


def no_lists(keep_undated: bool) -> Mutation:
    """Remove tiny's membership lists; the undated changes stay (or go) with them."""

    def apply(root: Path) -> None:
        for path in (root / "membership").glob("20*"):
            path.unlink()
        if not keep_undated:
            write("membership/undated.csv", "iso3,change,not_before,not_after,last_attested,"
                  "sources,note\n")(root)  # fmt: skip

    return apply


def no_member(root: Path) -> None:
    no_lists(keep_undated=False)(root)
    write("membership/changes.csv", "date,iso3,change,sources,note\n")(root)


UNDATED_NEEDS_LISTS = (
    "must be the date of a membership list (a file in membership/), and there is none: "
    "add the lists the change lies between"
)
NEW = "but neither membership/changes.csv nor membership/undated.csv records its joining"
GONE = "but no change in membership/changes.csv or membership/undated.csv records its leaving"

# Each mistake in a copy of tiny's data, and every problem it is refused with, in order.
# Rows count from 1 (a CSV's header is row 1); row 0 is the file or folder as a whole.
CROSS_FILE: dict[str, tuple[Mutation, list[str]]] = {
    # quotes.yml: line 5 is the quote's `event:` key, not the record's first line
    "quote-unknown-event": (edit("quotes.yml", "event: launch", "event: launch-2020"),
                            ["quotes.yml:5: event: no event 'launch-2020'"]),
    # the appended translation starts at line 9
    "translation-unknown-source": (
        append("quotes.yml", "  translations:\n    - language: sv\n"
               "      translator: {en: A, sv: B}\n"
               "      text: Vi börjar.\n      sources: [no-such-source]\n"),
        ["quotes.yml:9: translations.0.sources: unknown source 'no-such-source' (sources.csv)"]),
    "list-meta-unknown-source": (
        edit("membership/2020-01-01.meta.yml", "sources: [launch-list]", "sources: [nope]"),
        ["membership/2020-01-01.meta.yml:1: sources: unknown source 'nope' (sources.csv)"]),
    "wording-unknown-source": (
        edit("targets.meta.yml", "sv: {source: launch-list", "sv: {source: nope"),
        ["targets.meta.yml:1: wording_source.sv.source: unknown source 'nope' (sources.csv)"]),
    # changes.csv row 3 is FIN's leaving; without FIN's leaving the next list is short of it
    "change-of-an-unknown-country": (
        edit("membership/changes.csv", "2020-08-01,FIN", "2020-08-01,EST"),
        [f"membership/2021-01-31.csv:0: iso3: FIN is missing, {GONE}",
         "membership/changes.csv:3: iso3: EST is not in countries.csv (add a row there)"]),
    "undated-of-an-unknown-country": (
        edit("membership/undated.csv", "DNK,joined", "EST,joined"),
        [f"membership/2021-01-31.csv:0: iso3: EST is missing, {GONE}",
         f"membership/2021-01-31.csv:4: iso3: DNK is new since membership/2020-01-01.csv {NEW}",
         "membership/undated.csv:3: iso3: EST is not in countries.csv (add a row there)"]),
    "list-names-an-unknown-country": (
        edit(LIST, "DNK,Denmark", "EST,Estonia"),
        [f"{LIST}:0: iso3: DNK is missing, {GONE}",
         f"{LIST}:4: iso3: EST is new since membership/2021-01-31.csv {NEW}",
         f"{LIST}:4: iso3: EST is not in countries.csv (add a row there)",
         f"{LIST_META}:1: stated_in_group: the list says 2 but {LIST} has 1"]),
    # the new member is on row 5 of the list: the row that names it, not the list's first
    "list-gains-an-unrecorded-member": (
        edit(LIST, "DNK,Denmark", "DNK,Denmark\nNOR,Norway"),
        [f"{LIST}:5: iso3: NOR is new since membership/2021-01-31.csv {NEW}",
         f"{LIST_META}:1: stated_outside_group: the list says 1 but {LIST} has 2",
         f"{LIST_META}:1: stated_total: the list says 3 but {LIST} has 4"]),
    "list-loses-a-member-without-a-leaving": (
        edit(LIST, "ISL,Iceland\n", ""),
        [f"{LIST}:0: iso3: ISL is missing, {GONE}",
         f"{LIST_META}:1: stated_outside_group: the list says 1 but {LIST} has 0",
         f"{LIST_META}:1: stated_total: the list says 3 but {LIST} has 2"]),
    "undated-changes-without-lists": (
        no_lists(keep_undated=True),
        [f"membership/undated.csv:{row}: {field}: {UNDATED_NEEDS_LISTS}"
         for row in (2, 3) for field in ("not_after", "not_before")]),
    "no-member-on-record": (
        no_member,
        ["membership:0: (folder): no member on record: add a published list (YYYY-MM-DD.csv) "
         "or dated changes (changes.csv)"]),
    "no-event": (write("events.yml", "[]\n"),
                 ["events.yml:0: (file): needs at least one event (the timeline)",
                  "quotes.yml:5: event: no event 'launch'"]),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CROSS_FILE))
def test_a_cross_file_problem_names_its_file_row_and_field(tmp_path: Path, name: str) -> None:
    mutate, expected = CROSS_FILE[name]
    data = copy_project(TINY, tmp_path / "story") / "data"
    mutate(data)
    with pytest.raises(DataError) as refused:
        explainer.load_dataset(data)
    assert [str(p) for p in refused.value.problems] == expected


def test_a_story_of_dated_changes_alone_is_accepted(tmp_path: Path) -> None:
    # The other side of undated-changes-without-lists: without lists and without undated
    # changes, the dated changes alone are a story.
    data = copy_project(TINY, tmp_path / "story") / "data"
    no_lists(keep_undated=False)(data)
    dataset = explainer.load_dataset(data)
    assert dataset.lists == () and dataset.undated == ()
    assert dataset.members_on(dataset.start) == {"ISL"}


# --- where the story is -------------------------------------------------------------


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with no story in it or above it, and no $EXPLAINER_PROJECT."""
    here = tmp_path / "work" / "deeper"
    here.mkdir(parents=True)
    assert not any((p / "story.yml").exists() for p in (here, *here.parents))
    monkeypatch.chdir(here)
    monkeypatch.delenv("EXPLAINER_PROJECT", raising=False)
    return here.resolve()


def test_a_project_is_found_by_path_then_variable_then_upwards(
    tmp_path: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = copy_project(TINY, tmp_path / "story").resolve()
    other = copy_project(TINY, tmp_path / "other").resolve()
    monkeypatch.setenv("EXPLAINER_PROJECT", str(other))
    assert find_project(story) == story, "a path given wins over the variable"
    assert find_project() == other
    monkeypatch.delenv("EXPLAINER_PROJECT")
    monkeypatch.chdir(story / "data" / "membership")
    assert find_project() == story, "found from a folder inside it"


def problems(error: pytest.ExceptionInfo[DataError]) -> list[tuple[str, int, str, str]]:
    return [(p.file, p.row, p.field, p.message) for p in error.value.problems]


def test_a_missing_project_says_where_it_looked_and_how_it_was_named(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(DataError) as given:
        find_project(elsewhere / "nowhere")
    assert problems(given) == [(str(elsewhere / "nowhere" / "story.yml"), 0, "(file)",
                                "not found (the project folder given by --project)")]  # fmt: skip
    monkeypatch.setenv("EXPLAINER_PROJECT", "gone")
    with pytest.raises(DataError) as variable:
        find_project()
    assert problems(variable) == [(
        str(elsewhere / "gone" / "story.yml"), 0, "(file)",
        "not found (the project folder given by $EXPLAINER_PROJECT)",
    )]  # fmt: skip
    monkeypatch.delenv("EXPLAINER_PROJECT")
    with pytest.raises(DataError) as upwards:
        find_project()
    assert problems(upwards) == [(str(elsewhere), 0, "(project)",
                                  "no story.yml here or in any folder above; give the story's "
                                  "folder with --project or $EXPLAINER_PROJECT")]  # fmt: skip


def test_a_refused_story_names_its_folder_and_the_row_of_its_languages(tmp_path: Path) -> None:
    project = copy_project(TINY, tmp_path / "story")
    edit("story.yml", "code: sv, name: Svenska", "code: de, name: Deutsch")(project)
    with pytest.raises(DataError) as invalid:  # the other words are still Swedish
        explainer.load_project(project)
    assert invalid.value.folder == project.resolve()
    assert problems(invalid)[0] == ("story.yml", 2, "title",
                                    "sv is not a language of the story (en, de)")  # fmt: skip
    # A German story without its catalog: the problem is on the row of `languages:`.
    german = copy_project(NEU, tmp_path / "neu")
    (german / "locale" / "de.po").unlink()
    with pytest.raises(DataError) as uncatalogued:
        explainer.load_project(german)
    assert uncatalogued.value.folder == german.resolve()
    assert problems(uncatalogued) == [(
        "story.yml", 6, "languages.0.code",
        "the engine has no interface strings in 'de' (it speaks en, sv): translate its "
        "explainer.pot into locale/de.po",
    )]  # fmt: skip


# --- a story's notebooks ------------------------------------------------------------


def manifest(
    home: dict[str, str], also: list[str], codes: tuple[str, ...] = ("en", "sv")
) -> Manifest:
    """Tiny's story.yml in ``codes`` (English words for each), with these notebooks."""

    def words(value: object) -> object:
        if isinstance(value, dict):
            if set(value) == {"en", "sv"}:
                return {code: value["en"] for code in codes}
            return {key: words(item) for key, item in value.items()}
        return [words(item) for item in value] if isinstance(value, list) else value

    fields = words(yaml.safe_load((TINY / "story.yml").read_text(encoding="utf-8")))
    assert isinstance(fields, dict)
    fields["languages"] = [{"code": c, "name": c.upper()} for c in codes]
    fields["notebooks"] = {"home": home, "also": also}
    return Manifest.model_validate(fields, context={"languages": list(codes)})


def test_notebooks_that_would_overwrite_each_others_pages_are_named() -> None:
    ok = manifest(
        {"en": "story-en.ipynb", "sv": "story-sv.ipynb"}, ["story-en.ipynb", "data.ipynb"]
    )
    assert notebook_problems(ok) == [], "a home listed again, and another name, are fine"
    shared = manifest({"en": "story.ipynb", "sv": "story.ipynb"}, [])
    assert notebook_problems(shared) == [
        (
            "notebooks.home",
            "story.ipynb is the home of en and sv; each language needs a notebook of its own",
        )
    ]
    three = manifest({"en": "s.ipynb", "sv": "s.ipynb", "de": "s.ipynb"}, [], ("en", "sv", "de"))
    assert notebook_problems(three)[0][1].startswith("s.ipynb is the home of en and sv and de;")
    taken = manifest({"en": "story-en.ipynb", "sv": "story-sv.ipynb"},
                     ["index.ipynb", "sv.ipynb", "handout-en.ipynb", "indexes.ipynb"])  # fmt: skip
    assert notebook_problems(taken) == [
        ("notebooks.also", f"{name}.ipynb would be published as {name}.html, the name of a "
         "language's page; rename it")
        for name in ("index", "sv", "handout-en")
    ]  # fmt: skip


def test_a_home_in_no_language_of_the_story_is_named() -> None:
    stray = manifest({"en": "en.ipynb", "sv": "sv.ipynb", "fi": "fi.ipynb"}, [])
    assert notebook_problems(stray) == [
        ("notebooks.home.fi", "'fi' is not a language of the story (it has en, sv)"),
    ]
    missing = manifest({"en": "en.ipynb"}, [], ("en", "sv", "de"))
    assert notebook_problems(missing) == [("notebooks.home", "no home notebook for sv, de")]


def test_story_yml_without_a_list_of_languages_is_refused_cleanly(tmp_path: Path) -> None:
    for languages in ("languages: 5\n", "languages: []\n", ""):
        project = copy_project(TINY, tmp_path / f"story{len(languages)}")
        text = (project / "story.yml").read_text(encoding="utf-8")
        start, end = text.index("languages:\n"), text.index("notebooks:\n")
        (project / "story.yml").write_text(text[:start] + languages + text[end:], encoding="utf-8")
        with pytest.raises(DataError) as refused:
            explainer.load_project(project)
        assert {p.field for p in refused.value.problems} >= {"languages"}, languages
        assert all(p.file == "story.yml" for p in refused.value.problems)


def test_a_notebook_problem_is_on_the_row_of_notebooks(tmp_path: Path) -> None:
    project = copy_project(TINY, tmp_path / "story")
    edit("story.yml", "sv: story-sv.ipynb}", "sv: story-en.ipynb}")(project)
    with pytest.raises(DataError) as refused:
        explainer.load_project(project)
    assert problems(refused) == [(
        "story.yml", 6, "notebooks.home",
        "story-en.ipynb is the home of en and sv; each language needs a notebook of its own",
    )]  # fmt: skip


def test_every_missing_notebook_is_named(tmp_path: Path) -> None:
    project = copy_project(TINY, tmp_path / "story")
    story = explainer.load_project(project)
    for name in ("story-en.ipynb", "story-sv.ipynb"):
        (project / "notebooks" / name).unlink()
    with pytest.raises(DataError) as missing:
        story.check_notebooks()
    assert [Path(p.file).name for p in missing.value.problems] == [
        "story-en.ipynb",
        "story-sv.ipynb",
    ]


def test_a_notebook_with_its_outputs_may_be_large_but_not_huge(tmp_path: Path) -> None:
    # A data file stops at 2 MB; a notebook with stored outputs (a map) may be far
    # larger, up to MAX_NOTEBOOK_BYTES, and is still read.
    project = copy_project(TINY, tmp_path / "story")
    story = explainer.load_project(project)
    path = project / "notebooks" / "story-en.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["metadata"]["padding"] = "x" * 3_000_000
    path.write_text(json.dumps(notebook), encoding="utf-8")
    story.check_notebooks(["story-en.ipynb"])
    notebook["metadata"]["padding"] = "x" * MAX_NOTEBOOK_BYTES
    path.write_text(json.dumps(notebook), encoding="utf-8")
    with pytest.raises(DataError) as too_big:
        story.check_notebooks(["story-en.ipynb"])
    (problem,) = too_big.value.problems
    assert problem.file == str(path) and "at most 50,000,000" in problem.message, problem


def test_a_notebook_may_be_linked_from_inside_the_project_not_outside(tmp_path: Path) -> None:
    project = copy_project(TINY, tmp_path / "story")
    story = explainer.load_project(project)
    linked = project / "notebooks" / "story-en.ipynb"
    (project / "drafts").mkdir()
    linked.replace(project / "drafts" / "story-en.ipynb")
    os.symlink(project / "drafts" / "story-en.ipynb", linked)
    story.check_notebooks(["story-en.ipynb"])  # another folder of the story: read
    outside = tmp_path / "secret.ipynb"
    (project / "drafts" / "story-en.ipynb").replace(outside)
    linked.unlink()
    os.symlink(outside, linked)
    with pytest.raises(DataError) as refused:
        story.check_notebooks(["story-en.ipynb"])
    assert problems(refused) == [(str(linked), 0, "(file)", "leads outside the project folder "
                                  "(a symbolic link?); not read")]  # fmt: skip
