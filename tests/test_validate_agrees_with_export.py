"""What `export` would get wrong, `validate` refuses first, naming the file and field,
in one line each, without a traceback and without quoting what a file holds.

The cases are the reliability review's (2 December 2026) "accepted, then export failed
or wrote wrong pages", on a copy of the engine's tiny story.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from explainer.surfaces._cli import main

from .conftest import TINY, copy_project

Breaker = Callable[[Path], None]


def edit_story(old: str, new: str) -> Breaker:
    def edit(project: Path) -> None:
        text = (project / "story.yml").read_text(encoding="utf-8")
        assert old in text, "the fixture changed: update the case"
        (project / "story.yml").write_text(text.replace(old, new), encoding="utf-8")

    return edit


def replace_notebook(make: Callable[[Path], object]) -> Breaker:
    def replace(project: Path) -> None:
        notebook = project / "notebooks" / "story-sv.ipynb"
        notebook.unlink()
        make(notebook)

    return replace


def also(name: str) -> Breaker:
    def add(project: Path) -> None:
        home = project / "notebooks" / "story-en.ipynb"
        (project / "notebooks" / name).write_bytes(home.read_bytes())
        homes = "home: {en: story-en.ipynb, sv: story-sv.ipynb}"
        edit_story(homes, f"{homes}\n  also: [{name}]")(project)

    return add


def link_data_file(target: str) -> Breaker:
    def link(project: Path) -> None:
        sources = project / "data" / "sources.csv"
        sources.unlink()
        sources.symlink_to(target)

    return link


SECRET = "TOP-SECRET-VALUE-1234"

CASES: dict[str, tuple[Breaker, str]] = {
    "a home notebook in a language the story lacks": (
        edit_story("sv: story-sv.ipynb}", "sv: story-sv.ipynb, de: story-en.ipynb}"),
        "story.yml:6: notebooks.home.de: 'de' is not a language of the story (it has en, sv)",
    ),
    "two languages share one home notebook": (
        edit_story("sv: story-sv.ipynb}", "sv: story-en.ipynb}"),
        "story.yml:6: notebooks.home: story-en.ipynb is the home of en and sv; each language "
        "needs a notebook of its own",
    ),
    "another page takes a language's page name": (
        also("sv.ipynb"),
        "story.yml:6: notebooks.also: sv.ipynb would be published as sv.html, the name of a "
        "language's page; rename it",
    ),
    "another page takes the home page's name": (
        also("index.ipynb"),
        "story.yml:6: notebooks.also: index.ipynb would be published as index.html, the name "
        "of a language's page; rename it",
    ),
    "a notebook that is not JSON": (
        replace_notebook(lambda p: p.write_text(f"{SECRET}\nnot a notebook")),
        "notebooks/story-sv.ipynb:0: (file): not a Jupyter notebook (nbformat 4 JSON)",
    ),
    "JSON that is not a notebook": (
        replace_notebook(lambda p: p.write_text(f'{{"cells": "{SECRET}"}}')),
        "notebooks/story-sv.ipynb:0: (file): not a Jupyter notebook (nbformat 4 JSON)",
    ),
    "a notebook that links out of the project": (
        replace_notebook(lambda p: p.symlink_to("/etc/passwd")),
        "notebooks/story-sv.ipynb:0: (file): leads outside the project folder (a symbolic "
        "link?); not read",
    ),
    "a notebook that links to itself": (
        replace_notebook(lambda p: p.symlink_to(p.name)),
        "notebooks/story-sv.ipynb:0: (file): cannot be read: Too many levels of symbolic links",
    ),
    "a notebook that is a folder": (
        replace_notebook(lambda p: p.mkdir()),
        "notebooks/story-sv.ipynb:0: (file): not a regular file; not read",
    ),
    "a data file that links to the process's environment": (
        link_data_file("/proc/self/environ"),
        "sources.csv:0: (file): leads outside the project folder (a symbolic link?); not read",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_validate_refuses_what_export_would_get_wrong(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPLAINER_SECRET", SECRET)  # in /proc/self/environ
    project = copy_project(TINY, tmp_path / "project")
    breaker, expected = CASES[case]
    breaker(project)
    out = tmp_path / "site"
    for command in (["validate"], ["export", "--out", str(out)]):
        assert main([*command, "--project", str(project)]) == 1, command
        captured = capsys.readouterr()
        lines = captured.err.splitlines()
        assert any(line.endswith(expected) for line in lines), (command, lines)
        assert "Traceback" not in captured.err
        assert SECRET not in captured.err + captured.out
        assert "root:x:0" not in captured.err, "a linked file's content was shown"
    assert not out.exists(), "export wrote nothing"


def test_a_header_quotes_at_most_forty_characters_of_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(TINY, tmp_path / "project")
    sources = project / "data" / "sources.csv"
    header, rest = sources.read_text(encoding="utf-8").split("\n", 1)
    sources.write_text(f"{header},{SECRET * 10}\n{rest}", encoding="utf-8")
    assert main(["validate", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "unknown column 'TOP-SECRET-VALUE-1234TOP-SECRET-VALUE-1…'" in err
    assert SECRET * 2 not in err


def test_every_project_the_checks_accept_exports(tmp_path: Path) -> None:
    # The shared check's other half: a project with an extra page and a linked file that
    # stays inside it is fine for both commands.
    project = copy_project(TINY, tmp_path / "project")
    also("about.ipynb")(project)
    notebook = project / "notebooks" / "story-sv.ipynb"
    (project / "notebooks" / "real-sv.ipynb").write_bytes(notebook.read_bytes())
    notebook.unlink()
    os.symlink("real-sv.ipynb", notebook)
    assert main(["validate", "--project", str(project)]) == 0
    assert main(["export", "--project", str(project), "--out", str(tmp_path / "site")]) == 0
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [
        "about.html", "en.html", "index.html", "sv.html"
    ]  # fmt: skip
