"""Read data files into plain rows that remember where they came from."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ._errors import Problem


@dataclass
class Row:
    """One record as read: its values and the line of each field."""

    values: dict[str, Any]
    line: int
    field_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        """The line of field ``name`` (the record's first line if unknown)."""
        return self.field_lines.get(name.split(".")[0], self.line)


class FileReader:
    """Reads files below a data folder, turning every failure into a Problem."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def name(self, path: Path) -> str:
        """The path as shown to authors: relative to the data folder."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def problem(self, path: Path, row: int, field_name: str, message: str) -> None:
        """Record a problem."""
        self.problems.append(Problem(self.name(path), row, field_name, message))

    def csv_rows(self, path: Path, columns: list[str]) -> list[Row]:
        """Rows of a CSV file; line numbers count the header as line 1."""
        if not path.is_file():
            self.problem(path, 0, "(file)", "file not found")
            return []
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                header = reader.fieldnames or []
                missing = [c for c in columns if c not in header]
                extra = [c for c in header if c not in columns]
                for name in missing:
                    self.problem(path, 1, name, "column missing from the header")
                for name in extra:
                    self.problem(path, 1, name, f"unknown column (expected: {', '.join(columns)})")
                rows = []
                line = 1
                for record in reader:
                    line_start = line + 1
                    line = reader.line_num
                    if None in record:
                        self.problem(path, line_start, "(row)", "more cells than columns")
                        record.pop(None)
                    if not any((v or "").strip() for v in record.values()):
                        continue  # blank line
                    values = {k: v for k, v in record.items() if k in columns}
                    rows.append(Row(values, line_start))
                return rows
        except (UnicodeDecodeError, csv.Error) as error:
            self.problem(path, 0, "(file)", f"cannot read as UTF-8 CSV: {error}")
            return []

    def yaml_document(self, path: Path) -> tuple[Any, yaml.Node | None]:
        """The parsed document and its node tree (for line numbers)."""
        if not path.is_file():
            self.problem(path, 0, "(file)", "file not found")
            return None, None
        try:
            text = path.read_text(encoding="utf-8")
            return yaml.safe_load(text), yaml.compose(text, Loader=yaml.SafeLoader)
        except UnicodeDecodeError as error:
            self.problem(path, 0, "(file)", f"cannot read as UTF-8: {error}")
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            row = mark.line + 1 if mark is not None else 0
            reason = getattr(error, "problem", None) or str(error)
            self.problem(path, row, "(yaml)", f"not valid YAML: {reason}")
        return None, None

    def yaml_rows(self, path: Path) -> list[Row]:
        """Items of a YAML file that holds a list of mappings."""
        data, node = self.yaml_document(path)
        if data is None:
            return []
        if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
            self.problem(path, 1, "(file)", "must be a list of records (items starting with -)")
            return []
        rows = []
        for item, item_node in zip(data, node.value, strict=True):
            line = item_node.start_mark.line + 1
            if not isinstance(item, dict) or not isinstance(item_node, yaml.MappingNode):
                self.problem(path, line, "(record)", "must be a mapping of field: value")
                continue
            lines = {str(k.value): k.start_mark.line + 1 for k, _ in item_node.value}
            rows.append(Row(item, line, lines))
        return rows

    def yaml_mapping(self, path: Path) -> Row | None:
        """A YAML file that holds one mapping (a .meta.yml)."""
        data, node = self.yaml_document(path)
        if data is None:
            return None
        if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
            self.problem(path, 1, "(file)", "must be a mapping of field: value")
            return None
        lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
        return Row(data, 1, lines)
