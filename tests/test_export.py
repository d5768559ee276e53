"""`explainer export` on the fixture story: one self-contained page per language,
carrying every event, deterministic, refusing bad data, replaced as a unit.

This story's own pages (and the linked view in a browser) are tested in
``story_tests/test_export_pages.py``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import explainer
from explainer.surfaces import _export
from explainer.surfaces._export import export
from explainer.views._moments import view_spec

from .conftest import TINY, islands


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("site") / "site", lang="en", project=TINY).parent


def test_one_page_per_language(site: Path) -> None:
    # index.html in the home language, and every language under its own name (to embed).
    assert sorted(p.name for p in site.iterdir()) == ["en.html", "index.html", "sv.html"]
    assert (site / "en.html").read_bytes() == (site / "index.html").read_bytes()
    english = (site / "index.html").read_text(encoding="utf-8")
    swedish = (site / "sv.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and '<html lang="sv">' in swedish
    for page in (english, swedish):
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
        assert [island["kind"] for island in islands(page)] == ["linked"]
        assert "<main>" in page


def test_pages_are_self_contained(site: Path) -> None:
    for page in site.iterdir():
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"(https?:)?//", text)


@pytest.mark.parametrize("name", ["index.html", "sv.html"])
def test_every_page_carries_every_event_with_its_moment(
    site: Path, tiny: explainer.Dataset, name: str
) -> None:
    lang = "en" if name == "index.html" else "sv"
    (linked,) = islands((site / name).read_text(encoding="utf-8"))
    spec = linked["state"]["spec"]
    # The page's data is what the view model computes, event by event, in order.
    assert spec == json.loads(json.dumps(view_spec(tiny, lang)))
    assert [m["id"] for m in spec["events"]] == [e.id for e in tiny.events]
    codes = [c["iso3"] for c in spec["countries"]]
    for event, moment in zip(tiny.events, spec["events"], strict=True):
        kinds = {codes[i]: cell[0] for i, cell in enumerate(moment["countries"])}
        assert kinds == {c: s.kind.value for c, s in tiny.statuses_on(event.last_day).items()}
        assert [q["id"] for q in moment["quotes"]] == [q.id for q in tiny.quotes_for(event.id)]
    assert linked["state"]["selected"] == spec["default"] == "launch"


def test_export_is_deterministic(tmp_path: Path) -> None:
    first = export(tmp_path / "a", lang="sv", project=TINY)
    second = export(tmp_path / "b", lang="sv", project=TINY)
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "a" / "en.html").read_bytes() == (tmp_path / "b" / "en.html").read_bytes()
    assert '<html lang="sv">' in first.read_text(encoding="utf-8")


def test_bad_data_writes_nothing(data_copy: Callable[..., Path], tmp_path: Path) -> None:
    root = data_copy(TINY)
    path = root / "membership" / "changes.csv"
    path.write_text(path.read_text().replace("2020-06-01,ISL", "2020-06-01,XXX"))
    out = tmp_path / "site"
    command = ["export", "--out", str(out), "--project", str(root.parent)]
    result = subprocess.run(
        [sys.executable, "-m", "explainer", *command],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "membership/changes.csv:2: iso3:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_a_failing_notebook_cell_is_named_and_nothing_written(
    data_copy: Callable[..., Path], tmp_path: Path
) -> None:
    project = data_copy(TINY).parent
    notebook = project / "notebooks" / "story-sv.ipynb"
    notebook.write_text(
        notebook.read_text(encoding="utf-8").replace('lang=\\"sv\\"', 'lang=\\"fr\\"'),
        encoding="utf-8",
    )
    with pytest.raises(explainer.DataError) as refused:
        export(tmp_path / "site", project=project)
    (problem,) = refused.value.problems
    assert problem.file == str(notebook) and problem.field.startswith("cell ")
    assert "lang must be one of en, sv, not 'fr'" in problem.message
    assert not (tmp_path / "site").exists()


def test_a_failed_export_keeps_the_old_pages_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the previous page", encoding="utf-8")
    calls = []
    real = _export.render_page

    def failing(notebook: Path, pages: dict[str, str]) -> str:
        calls.append(notebook.name)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(notebook, pages)

    monkeypatch.setattr(_export, "render_page", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        export(out, lang="en", project=TINY)
    assert (out / "index.html").read_text(encoding="utf-8") == "the previous page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    calls.clear()
    with pytest.raises(RuntimeError):
        export(tmp_path / "new", lang="en", project=TINY)
    assert not (tmp_path / "new").exists()
