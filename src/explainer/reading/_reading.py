"""Read data files into plain rows that remember where they came from.

Every failure becomes a :class:`Problem` naming the file, the line and what is wrong;
nothing here raises on bad input. YAML is read strictly: dates stay text (the schemas
parse them, so an impossible date is a field's error), and aliases, duplicate keys,
deep nesting and oversized files are refused, so no file can make validation hang or
exhaust memory.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ._errors import Problem

MAX_BYTES = 2_000_000  # a data file; geometry may be larger (see read_text)
MAX_DEPTH = 20  # nesting of YAML collections; the data needs 4
MAX_CELL = 20_000  # characters in one CSV cell
# Records in one file (rows of a CSV, items of a YAML list): a world has fewer than 300
# countries, a story a few dozen events. The bound keeps validate and export within
# seconds for any story that passes (benchmarks/limits.py measures it).
MAX_RECORDS = 1_000


@dataclass
class Row:
    """One record as read: its values and the line of each field."""

    values: dict[str, Any]
    line: int
    field_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        """The line of field ``name`` (the record's first line if unknown)."""
        return self.field_lines.get(name.split(".")[0], self.line)


class _StrictConstruction(yaml.constructor.SafeConstructor):
    """Dates stay text; mapping keys are plain values and appear once."""

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's own class attribute
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool | type(None)):
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain value", key_node.start_mark
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} appears twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class StrictLoader(_StrictConstruction, yaml.SafeLoader):
    """PyYAML's safe loader, stricter: see the module docstring."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.NodeEvent):
            _refuse_tag(self.peek_event())  # type: ignore[no-untyped-call]
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _refuse_tag(event: Any) -> None:
    """Refuse an explicit tag (``!!binary``, ``!!float "1"``): values are what they read as."""
    if getattr(event, "tag", None) not in (None, "!"):
        raise yaml.composer.ComposerError(
            None, None, f"tags ({str(event.tag)[:40]}) are not allowed", event.start_mark
        )


def _refuse_aliases_and_depth(text: str) -> None:
    """The checks of :class:`StrictLoader`'s composer, on libyaml's events.

    libyaml composes in C, where no check can hook in; its events are cheap to walk
    first, and nothing is composed or built from a file that fails here.
    """
    collections = 0  # open collections around the next node
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None,
                None,
                "aliases (*name) are not allowed",
                event.start_mark,  # type: ignore[arg-type]
            )
        if isinstance(event, yaml.NodeEvent):  # a scalar, or a collection's start
            _refuse_tag(event)
            if collections + 1 > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"nested more than {MAX_DEPTH} levels deep",
                    event.start_mark,  # type: ignore[arg-type]  # libyaml's Mark has .line too
                )
            if isinstance(event, yaml.CollectionStartEvent):
                collections += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            collections -= 1


def _strict_loader(text: str) -> Any:
    """A strict loader for ``text``: libyaml's (C) where PyYAML has it.

    The pure-Python parser takes about 10 s for a 2 MB file; libyaml a tenth of that,
    which keeps a file at the size limits within validate's time budget.
    """
    if not yaml.__with_libyaml__:
        return StrictLoader(text)  # checks the characters: may raise already
    _refuse_aliases_and_depth(text)
    return _FastStrictLoader(text)


if yaml.__with_libyaml__:

    class _FastStrictLoader(_StrictConstruction, yaml.CSafeLoader):
        """:class:`StrictLoader` on libyaml, after :func:`_refuse_aliases_and_depth`."""


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, its links followed, is in ``folder`` (itself resolved)."""
    real = Path(os.path.realpath(path))
    return real == folder or folder in real.parents


def shorten(text: str, limit: int = 40) -> str:
    """At most ``limit`` characters of a file's own text, for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class FileReader:
    """Reads files below a data folder, turning every failure into a Problem."""

    def __init__(self, root: Path, boundary: Path | None = None) -> None:
        self.root = root
        # Files are read only inside this folder (the project): a symbolic link out of
        # it (to /etc/passwd, /proc/self/environ) is refused before it is opened.
        self.boundary = Path(os.path.realpath(boundary if boundary is not None else root))
        self.problems: list[Problem] = []
        # Files some of whose records could not be read at all: references to them are
        # not checked, so one unreadable file gives one problem, not one per reference.
        self.incomplete: set[str] = set()

    def name(self, path: Path) -> str:
        """The path as shown to authors: relative to the data folder."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def problem(self, path: Path, row: int, field_name: str, message: str) -> None:
        """Record a problem."""
        self.problems.append(Problem(self.name(path), row, field_name, message))

    def lost(self, path: Path, row: int, field_name: str, message: str) -> None:
        """Record a problem that kept a record (or the whole file) from being read."""
        self.problem(path, row, field_name, message)
        self.incomplete.add(self.name(path))

    def read_text(self, path: Path, limit: int = MAX_BYTES) -> str | None:
        """A file's text (UTF-8, a byte-order mark allowed), or None after a problem."""
        try:
            if not inside(path, self.boundary):
                self.lost(path, 0, "(file)", "leads outside the project folder "
                             "(a symbolic link?); not read")  # fmt: skip
                return None
            mode = path.stat().st_mode
            if not stat.S_ISREG(mode):
                self.lost(path, 0, "(file)", "not a regular file; not read")
                return None
            size = path.stat().st_size
            if size > limit:
                self.lost(path, 0, "(file)", f"{size:,} bytes; at most {limit:,} are read")
                return None
            return path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            self.lost(path, 0, "(file)", f"not UTF-8 text (byte {error.start})")
        except FileNotFoundError:
            self.lost(path, 0, "(file)", f"file not found: {os.path.abspath(path)}")
        except OSError as error:
            self.lost(path, 0, "(file)", f"cannot be read: {error.strerror or error}")
        return None

    def csv_rows(self, path: Path, columns: list[str], optional: Sequence[str] = ()) -> list[Row]:
        """Rows of a CSV file; line numbers count the header as line 1.

        The header has every one of ``columns`` but those in ``optional``, in any order.
        """
        text = self.read_text(path)
        if text is None:
            return []
        # strict: a quote left open at the end of the file is an error, not a cell.
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        try:
            header = reader.fieldnames or []
        except csv.Error as error:
            self.lost(path, 1, "(header)", f"cannot read as CSV: {error}")
            return []
        if len(header) == 1 and len(columns) > 1:
            for separator, name in ((";", "semicolons"), ("\t", "tabs")):
                if separator in header[0]:
                    self.lost(path, 1, "(header)",
                                 f"columns are separated by {name}; use commas")  # fmt: skip
                    return []
        if not header:
            self.lost(path, 1, "(header)", f"the file is empty; it needs a header row: "
                         f"{', '.join(columns)}")  # fmt: skip
            return []
        missing = [c for c in columns if c not in header and c not in optional]
        extra = [c for c in header if c not in columns]
        for name in missing:
            self.lost(path, 1, name, "column missing from the header")
        for name in extra:
            # The name is the file's text: in the message, so the field stays parseable.
            self.lost(path, 1, "(header)", f"unknown column {shorten(name.strip())!r} "
                         f"(expected: {', '.join(columns)})")  # fmt: skip
        if missing or extra:
            return []  # rows cannot be read against a wrong header: fix it first
        rows: list[Row] = []
        line = 1
        try:
            for record in reader:
                if len(rows) >= MAX_RECORDS:
                    self.lost(path, 0, "(file)", f"more than {MAX_RECORDS:,} rows; "
                                 f"at most {MAX_RECORDS:,} are read")  # fmt: skip
                    return []
                line_start = line + 1
                line = reader.line_num
                if None in record:
                    self.problem(path, line_start, "(row)", "more cells than columns")
                    record.pop(None)
                if not any((v or "").strip() for v in record.values()):
                    continue  # blank line
                long = [k for k, v in record.items() if v and len(v) > MAX_CELL]
                for name in long:
                    self.lost(path, line_start, name, f"longer than {MAX_CELL:,} characters")
                if long:
                    continue
                values = {k: v for k, v in record.items() if k in columns}
                rows.append(Row(values, line_start))
        except csv.Error as error:
            self.lost(path, line + 1, "(row)", f"cannot read as CSV: {error}")
        return rows

    def yaml_document(self, path: Path) -> tuple[Any, yaml.Node | None]:
        """The parsed document and its node tree (for line numbers)."""
        text = self.read_text(path)
        if text is None:
            return None, None
        loader = None
        try:
            loader = _strict_loader(text)
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
            return data, node
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            row = mark.line + 1 if mark is not None else 0
            reason = getattr(error, "problem", None) or str(error)
            self.lost(path, row, "(yaml)", f"not valid YAML: {reason}")
        except (RecursionError, ValueError) as error:
            self.lost(path, 0, "(yaml)", f"not valid YAML: {error}")
        finally:
            if loader is not None:
                loader.dispose()
        return None, None

    def yaml_rows(self, path: Path) -> list[Row]:
        """Items of a YAML file that holds a list of mappings."""
        data, node = self.yaml_document(path)
        if data is None:
            return []
        if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
            self.lost(path, 1, "(file)", "must be a list of records (items starting with -)")
            return []
        if len(data) > MAX_RECORDS:
            self.lost(path, 0, "(file)", f"{len(data):,} records; at most "
                         f"{MAX_RECORDS:,} are read")  # fmt: skip
            return []
        rows = []
        for item, item_node in zip(data, node.value, strict=True):
            line = item_node.start_mark.line + 1
            if not isinstance(item, dict) or not isinstance(item_node, yaml.MappingNode):
                self.lost(path, line, "(record)", "must be a mapping of field: value")
                continue
            lines = {str(k.value): k.start_mark.line + 1 for k, _ in item_node.value}
            rows.append(Row(item, line, lines))
        return rows

    def yaml_mapping(self, path: Path) -> Row | None:
        """A YAML file that holds one mapping (a .meta.yml)."""
        data, node = self.yaml_document(path)
        if data is None:
            if path.is_file() and not any(p.file == self.name(path) for p in self.problems):
                self.lost(path, 1, "(file)", "is empty; it must be a mapping of field: value")
            return None
        if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
            self.lost(path, 1, "(file)", "must be a mapping of field: value")
            return None
        lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
        return Row(data, 1, lines)
