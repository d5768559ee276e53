"""Bad data gives one clear problem per mistake: file, row, field, message."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import explainer
from explainer import DataError

from .conftest import TINY


def replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture drifted: {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        explainer.load_dataset(data_dir)
    return [str(p) for p in caught.value.problems]


def test_missing_swedish_name_names_file_row_and_field(data_copy: Callable[..., Path]) -> None:
    root = data_copy()
    replace(root / "countries.csv", "MLT,Malta,Malta,", "MLT,Malta,,")
    found = problems(root)
    line = next(
        i
        for i, row in enumerate((root / "countries.csv").read_text().splitlines(), 1)
        if row.startswith("MLT,")
    )
    assert found == [f"countries.csv:{line}: name_sv: required, but missing or empty"]


def test_unknown_iso_code(data_copy: Callable[..., Path]) -> None:
    root = data_copy(TINY)
    replace(root / "membership" / "changes.csv", "ISL,joined", "ISX,joined")
    found = problems(root)
    assert any(
        p.startswith("membership/changes.csv:2: iso3: unknown ISO 3166-1 alpha-3 code 'ISX'")
        for p in found
    ), found


def test_invalid_date(data_copy: Callable[..., Path]) -> None:
    root = data_copy()
    replace(root / "membership" / "changes.csv", "2013-06-17,CAN", "2013-06-31,CAN")
    found = problems(root)
    assert len(found) == 1
    assert found[0].startswith("membership/changes.csv:2: date: ")


def test_dates_out_of_order(data_copy: Callable[..., Path]) -> None:
    root = data_copy()
    replace(root / "events.yml", "  end: 2012-06-21", "  end: 2012-06-19")
    found = problems(root)
    assert len(found) == 1
    assert re.match(r"events\.yml:\d+: \(record\): end must be later than date", found[0])


def test_unknown_source_id(data_copy: Callable[..., Path]) -> None:
    root = data_copy()
    replace(root / "quotes.yml", "sources: [ec-ip-12-680]", "sources: [ec-ip-12-681]")
    found = problems(root)
    assert len(found) == 1
    assert re.match(r"quotes\.yml:\d+: sources: unknown source 'ec-ip-12-681'", found[0])


def test_stated_count_must_match_the_list(data_copy: Callable[..., Path]) -> None:
    root = data_copy()
    replace(root / "membership" / "2014-09-30.meta.yml", "stated_total: 54", "stated_total: 55")
    assert problems(root) == [
        "membership/2014-09-30.meta.yml:1: stated_total: the list says 55 but "
        "membership/2014-09-30.csv has 54"
    ]


def test_missing_swedish_event_text(data_copy: Callable[..., Path]) -> None:
    root = data_copy()
    text = (root / "events.yml").read_text(encoding="utf-8")
    text = text.replace("    sv: Kanada ansluter sig till alliansen\n", "")
    (root / "events.yml").write_text(text, encoding="utf-8")
    found = problems(root)
    assert len(found) == 1
    assert re.match(r"events\.yml:\d+: title\.sv: required, but missing or empty", found[0])


def test_member_without_a_shape(data_copy: Callable[..., Path]) -> None:
    root = data_copy(TINY)
    path = root / "geometry" / "countries.geojson"
    collection = json.loads(path.read_text())
    collection["features"] = [f for f in collection["features"] if f["properties"]["iso3"] != "ISL"]
    path.write_text(json.dumps(collection))
    assert problems(root) == [
        "countries.csv:4: iso3: no shape for ISL in geometry/countries.geojson"
    ]


def test_new_member_without_a_recorded_change(data_copy: Callable[..., Path]) -> None:
    root = data_copy()
    replace(root / "membership" / "undated.csv", "MEX,joined", "MEX,joined", 1)
    lines = (root / "membership" / "undated.csv").read_text().splitlines()
    (root / "membership" / "undated.csv").write_text(
        "\n".join(line for line in lines if not line.startswith("MEX,")) + "\n"
    )
    found = problems(root)
    assert len(found) == 1
    assert "membership/2014-09-30.csv:" in found[0]
    assert "MEX is new since membership/2012-12-05.csv" in found[0]


def test_yaml_syntax_error(data_copy: Callable[..., Path]) -> None:
    root = data_copy(TINY)
    replace(root / "quotes.yml", "  speaker: A. Speaker", "  speaker: [A. Speaker")
    found = problems(root)
    assert found and found[0].startswith("quotes.yml:")
    assert "not valid YAML" in found[0]


def test_unknown_field_is_reported_as_a_typo(data_copy: Callable[..., Path]) -> None:
    root = data_copy(TINY)
    replace(root / "events.yml", "  precision: day\n  title", "  precison: day\n  title")
    found = problems(root)
    assert any(re.match(r"events\.yml:\d+: precison: unknown field", p) for p in found), found


def test_every_problem_is_listed_not_just_the_first(data_copy: Callable[..., Path]) -> None:
    root = data_copy()
    replace(root / "sources.csv", ",en,original,,", ",xx,original,,")
    replace(root / "countries.csv", "SWE,Sweden,Sverige,yes", "SWE,Sweden,Sverige,maybe")
    replace(root / "events.yml", "precision: month", "precision: monthly")
    found = problems(root)
    files = {p.split(":")[0] for p in found}
    assert {"sources.csv", "countries.csv", "events.yml"} <= files


def test_validate_command_succeeds_with_a_summary(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "validate", "--project", str(TINY)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    summary, where = result.stdout.splitlines()
    assert summary.startswith("ok: A tiny alliance: 2 sources, 5 countries, 3 membership lists")
    assert "3 on 2020-01-01" in summary
    assert where == f"    data: {TINY / 'data'}"


def test_validate_command_fails_cleanly(data_copy: Callable[..., Path]) -> None:
    root = data_copy()
    replace(root / "membership" / "changes.csv", "2013-06-17,CAN", "2013-06-17,ABC")
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "validate", "--data", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "membership/changes.csv:2: iso3: unknown ISO 3166-1 alpha-3 code 'ABC'" in result.stderr


def test_missing_data_folder_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "story.yml").write_text((TINY / "story.yml").read_text(encoding="utf-8"))
    assert problems(tmp_path / "data") == [
        f"{tmp_path / 'data'}:0: (folder): data folder not found"
    ]


def test_a_folder_outside_any_project_is_named(tmp_path: Path) -> None:
    assert problems(tmp_path / "nowhere") == [
        f"{tmp_path / 'nowhere'}:0: (project): no story.yml in this folder or any folder above it"
    ]


def test_duplicate_shapes_are_reported(data_copy: Callable[..., Path]) -> None:
    root = data_copy(TINY)
    path = root / "geometry" / "countries.geojson"
    collection = json.loads(path.read_text())
    collection["features"].append(collection["features"][0])
    path.write_text(json.dumps(collection))
    assert problems(root) == [
        "geometry/countries.geojson:0: iso3: SWE has more than one feature (merge them)"
    ]


def test_validate_names_a_missing_notebook(data_copy: Callable[..., Path]) -> None:
    project = data_copy(TINY).parent
    (project / "notebooks" / "story-sv.ipynb").unlink()
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "validate", "--project", str(project)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert f"{project / 'notebooks' / 'story-sv.ipynb'}:0: (file): notebook not found" in (
        result.stderr
    )
