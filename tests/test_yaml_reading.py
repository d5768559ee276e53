"""Strict YAML reading gives the same answers on libyaml (C) and on PyYAML's own parser.

libyaml is used where PyYAML has it (ten times faster: a file at the size limits stays
within validate's budget); its composer cannot be hooked, so aliases and depth are
checked on its events first. Both paths must refuse and accept the same documents, at
the same lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from explainer.reading._reading import MAX_DEPTH, FileReader


@pytest.fixture(params=["libyaml", "python"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch,
           tmp_path: Path) -> FileReader:  # fmt: skip
    if request.param == "libyaml" and not yaml.__with_libyaml__:
        pytest.skip("PyYAML was built without libyaml")
    if request.param == "python":
        monkeypatch.setattr(yaml, "__with_libyaml__", False)
    return FileReader(tmp_path)


def nested(levels: int) -> str:
    """A mapping whose innermost scalar is ``levels`` nodes deep."""
    text = "leaf"
    for _ in range(levels - 1):
        text = "{a: " + text + "}"
    return text + "\n"


def read(reader: FileReader, text: str) -> tuple[object, list[str]]:
    path = reader.root / "file.yml"
    path.write_text(text, encoding="utf-8")
    data, _ = reader.yaml_document(path)
    return data, [f"{p.file}:{p.row}: {p.field}: {p.message}" for p in reader.problems]


def test_aliases_are_refused_at_their_line(reader: FileReader) -> None:
    data, problems = read(reader, "a: &x [1, 2]\nb: 2\nc: *x\n")
    assert data is None
    assert problems == ["file.yml:3: (yaml): not valid YAML: aliases (*name) are not allowed"]


def test_nesting_is_allowed_to_the_limit_and_refused_beyond(reader: FileReader) -> None:
    data, problems = read(reader, nested(MAX_DEPTH))
    assert problems == [] and data is not None
    data, problems = read(reader, nested(MAX_DEPTH + 1))
    assert data is None
    assert problems == [
        f"file.yml:1: (yaml): not valid YAML: nested more than {MAX_DEPTH} levels deep"
    ]


def test_keys_are_plain_and_appear_once(reader: FileReader) -> None:
    _, problems = read(reader, "id: a\nnote: x\nid: b\n")
    assert problems == ["file.yml:3: (yaml): not valid YAML: the key 'id' appears twice"]


def test_dates_stay_text_and_records_keep_their_lines(reader: FileReader) -> None:
    path = reader.root / "events.yml"
    path.write_text("- id: a\n  date: 2012-12-05\n- id: b\n\n  date: 2014-09-30\n")
    rows = reader.yaml_rows(path)
    assert reader.problems == []
    assert [(r.values["date"], r.line, r.line_of("date")) for r in rows] == [
        ("2012-12-05", 1, 2),
        ("2014-09-30", 3, 5),
    ]


def test_control_characters_are_refused(reader: FileReader) -> None:
    data, problems = read(reader, "note: bell\x07here\n")
    assert data is None
    assert len(problems) == 1 and "not valid YAML" in problems[0]
