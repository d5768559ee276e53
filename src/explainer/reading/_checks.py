"""Checks that need more than one record: references resolve, the lists add up."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ..model._dataset import Dataset
from ._layout import CHANGES, COUNTRIES, EVENTS, GEOMETRY, MEMBERSHIP, QUOTES, SOURCES, UNDATED
from ._reading import FileReader, Row


def cross_checks(
    reader: FileReader,
    data: Dataset,
    located: Mapping[str, Sequence[tuple[Row, Any]]],
    list_rows: Mapping[str, list[Row]],
    named_countries: set[str] | None,
    named_sources: set[str] | None,
    event_ids: set[str] | None,
    check_counts: bool,
) -> None:
    """Record every cross-file problem of ``data`` in ``reader``.

    ``named_countries`` are the codes in countries.csv, valid rows or not, so that one
    bad row is reported once; counts are checked only when every country row is valid.
    References into a file whose records could not all be read (``None``) are not
    checked: its own problem is the one to fix.
    """
    root = reader.root
    _unique_ids(reader, located)
    _unique_labels(reader, located.get(SOURCES, ()), data.languages)
    if named_sources is not None:
        _sources_resolve(reader, data, located, named_sources)
    if named_countries is not None:
        _countries_known(reader, named_countries, located, list_rows)
    if check_counts:
        _lists_add_up(reader, data, list_rows, located.get(UNDATED, ()))
    for row, quote in located.get(QUOTES, ()):
        if event_ids is not None and quote.event not in event_ids:
            reader.problem(
                root / QUOTES, row.line_of("event"), "event", f"no event {quote.event!r}"
            )
    # A shape the geometry file has but could not use is that file's problem, not a
    # missing shape of countries.csv.
    shapes_complete = GEOMETRY not in reader.incomplete
    for iso3 in sorted(data.countries):
        if data.geometry and shapes_complete and iso3 not in data.geometry["codes"]:
            row = next(r for r, c in located[COUNTRIES] if c.iso3 == iso3)
            reader.problem(
                root / COUNTRIES,
                row.line,
                "iso3",
                f"no shape for {iso3} in geometry/countries.geojson",
            )
    if not data.events and EVENTS not in {p.file for p in reader.problems}:
        reader.problem(root / EVENTS, 0, "(file)", "needs at least one event (the timeline)")
    if not data.lists and not data.changes and not {CHANGES} & {p.file for p in reader.problems}:
        missing = "add a published list (YYYY-MM-DD.csv) or dated changes (changes.csv)"
        reader.problem(root / MEMBERSHIP, 0, "(folder)", f"no member on record: {missing}")


def _unique_ids(reader: FileReader, located: Mapping[str, Sequence[tuple[Row, Any]]]) -> None:
    for name, records in located.items():
        key = "iso3" if name == COUNTRIES else "id"
        if not records or not hasattr(records[0][1], key):
            continue
        counts = Counter(getattr(r, key) for _, r in records)
        for row, record in records:
            value = getattr(record, key)
            if counts[value] > 1:
                reader.problem(
                    reader.root / name, row.line_of(key), key, f"{value!r} is not unique"
                )


def _unique_labels(
    reader: FileReader, sources: Sequence[tuple[Row, Any]], languages: Sequence[str]
) -> None:
    """A short name cites one source only: a citation must not be ambiguous."""
    for lang in languages:
        counts = Counter(source.label(lang) for _, source in sources)
        for row, source in sources:
            if counts[source.label(lang)] > 1:
                reader.problem(
                    reader.root / SOURCES,
                    row.line,
                    f"short_{lang}",
                    f"{source.label(lang)!r} names more than one source",
                )


def _sources_resolve(
    reader: FileReader,
    data: Dataset,
    located: Mapping[str, Sequence[tuple[Row, Any]]],
    known: set[str],
) -> None:
    def check(name: str, line: int, field: str, ids: Sequence[str]) -> None:
        for source_id in ids:
            if source_id not in known:
                reader.problem(
                    reader.root / name, line, field, f"unknown source {source_id!r} (sources.csv)"
                )

    group = data.manifest.group
    for name, records in located.items():
        for row, record in records:
            for field in ("sources", "group_sources"):
                if hasattr(record, field):
                    # The grouping's sources are in the column the story names (eu_sources).
                    column = f"{group.id}_sources" if field == "group_sources" and group else field
                    check(name, row.line_of(field), column, getattr(record, field))
            for i, translation in enumerate(getattr(record, "translations", [])):
                check(
                    name,
                    row.line_of("translations"),
                    f"translations.{i}.sources",
                    translation.sources,
                )
    for lst in data.lists:
        check(lst.file.replace(".csv", ".meta.yml"), 1, "sources", lst.meta.sources)
    for record_set in data.records.values():
        if record_set.meta is not None:
            meta_file = record_set.spec.file.replace(".yml", ".meta.yml")
            for lang, wording in record_set.meta.wording_source.items():
                check(meta_file, 1, f"wording_source.{lang}.source", [wording.source])


def _countries_known(
    reader: FileReader,
    named_countries: set[str],
    located: Mapping[str, Sequence[tuple[Row, Any]]],
    list_rows: Mapping[str, list[Row]],
) -> None:
    def check(name: str, line: int, iso3: str) -> None:
        if iso3 not in named_countries:
            reader.problem(
                reader.root / name,
                line,
                "iso3",
                f"{iso3} is not in countries.csv (add a row there)",
            )

    for name in (CHANGES, UNDATED):
        for row, record in located.get(name, ()):
            check(name, row.line_of("iso3"), record.iso3)
    for file, rows in list_rows.items():
        for row in rows:
            check(file, row.line, str(row.values.get("iso3", "")))


def _lists_add_up(
    reader: FileReader,
    data: Dataset,
    list_rows: Mapping[str, list[Row]],
    undated_rows: Sequence[tuple[Row, Any]],
) -> None:
    list_dates = {lst.date for lst in data.lists}
    for lst in data.lists:
        meta_file = reader.root / lst.file.replace(".csv", ".meta.yml")
        known = [c for c in lst.members if c in data.countries]
        in_group = sum(data.in_group_on(c, lst.date) for c in known)
        for field, stated, found in (
            ("stated_total", lst.meta.stated_total, len(lst.members)),
            ("stated_in_group", lst.meta.stated_in_group, in_group),
            ("stated_outside_group", lst.meta.stated_outside_group, len(known) - in_group),
        ):
            if stated is not None and stated != found:
                reader.problem(
                    meta_file, 1, field, f"the list says {stated} but {lst.file} has {found}"
                )
    # An undated change lies between two published lists; in a story without lists
    # it has nothing to lie between and would silently show nothing.
    must = "must be the date of a membership list (a file in membership/)"
    if not data.lists:
        must += ", and there is none: add the lists the change lies between"
    for row, record in undated_rows:
        for field in ("not_before", "not_after"):
            if getattr(record, field) not in list_dates:
                reader.problem(reader.root / UNDATED, row.line, field, must)
    for earlier, later in zip(data.lists, data.lists[1:], strict=False):
        expected = set(earlier.members)
        for change in data.changes:
            if earlier.date < change.date <= later.date:
                (expected.add if change.change == "joined" else expected.discard)(change.iso3)
        for record in data.undated:
            if record.not_before == earlier.date and record.not_after == later.date:
                (expected.add if record.change == "joined" else expected.discard)(record.iso3)
        for iso3 in sorted(later.members - expected):
            reader.problem(
                reader.root / later.file,
                _line(list_rows[later.file], iso3),
                "iso3",
                f"{iso3} is new since {earlier.file} but neither membership/changes.csv nor "
                "membership/undated.csv records its joining",
            )
        for iso3 in sorted(expected - later.members):
            reader.problem(
                reader.root / later.file,
                0,
                "iso3",
                f"{iso3} is missing, but no change in membership/changes.csv or "
                "membership/undated.csv records its leaving",
            )


def _line(rows: list[Row], iso3: str) -> int:
    return next((r.line for r in rows if r.values.get("iso3") == iso3), 0)
