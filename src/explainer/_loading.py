"""Load data/ into a Dataset, collecting every problem before failing."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

import shapely
import shapely.geometry
from pydantic import ValidationError
from shapely.errors import ShapelyError

from ._checks import cross_checks
from ._dataset import Dataset, MembershipList
from ._errors import DataError, Problem
from ._reading import FileReader, Row
from ._schema import (
    Country,
    DatedChange,
    Event,
    ListEntry,
    ListMeta,
    MapView,
    Meta,
    Quote,
    Record,
    ReportedCount,
    Source,
    Target,
    TargetsMeta,
    UndatedChange,
    csv_columns,
    csv_field,
    error_message,
    field_path,
    gather_csv,
)

M = TypeVar("M", bound=Record)

# The layout of data/ (paths relative to it).
SOURCES = "sources.csv"
COUNTRIES = "countries.csv"
MEMBERSHIP = "membership"
CHANGES = "membership/changes.csv"
UNDATED = "membership/undated.csv"
COUNTS = "membership/counts.csv"
EVENTS = "events.yml"
QUOTES = "quotes.yml"
TARGETS = "targets.yml"
GEOMETRY = "geometry/countries.geojson"
VIEWS = "map.yml"


def default_data_dir() -> Path:
    """The data folder: ``$EXPLAINER_DATA``, else ``data/`` of this checkout."""
    configured = os.environ.get("EXPLAINER_DATA")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "data"


def _validate(
    reader: FileReader, path: Path, rows: Iterable[Row], model: type[M]
) -> list[tuple[Row, M]]:
    csv = path.suffix == ".csv"
    records = []
    for row in rows:
        values = gather_csv(model, row.values) if csv else row.values
        try:
            records.append((row, model.model_validate(values)))
        except ValidationError as error:
            for item in error.errors():
                name = field_path(item["loc"])
                name = csv_field(model, name) if csv else name
                reader.problem(path, row.line_of(name), name, error_message(dict(item)))
    return records


def _meta(reader: FileReader, data_file: Path, model: type[Meta] = Meta) -> Meta | None:
    """The ``.meta.yml`` beside ``data_file``, validated (every data file has one)."""
    path = data_file.with_name(data_file.name.split(".")[0] + ".meta.yml")
    row = reader.yaml_mapping(path)
    if row is None:
        return None
    found = _validate(reader, path, [row], model)
    return found[0][1] if found else None


def _load_lists(reader: FileReader, root: Path) -> list[tuple[MembershipList, list[Row]]]:
    lists = []
    for csv_path in sorted((root / MEMBERSHIP).glob("[0-9]*.csv")):
        rows = _validate(
            reader, csv_path, reader.csv_rows(csv_path, csv_columns(ListEntry)), ListEntry
        )
        meta = _meta(reader, csv_path, ListMeta)
        if not isinstance(meta, ListMeta):
            continue
        entries = [entry.iso3 for _, entry in rows]
        members = frozenset(entries)
        lists.append((MembershipList(meta, members, reader.name(csv_path)), [r for r, _ in rows]))
        for iso3 in {c for c in entries if entries.count(c) > 1}:
            line = next(r.line for r, e in rows if e.iso3 == iso3)
            reader.problem(csv_path, line, "iso3", f"{iso3} is listed more than once")
        if meta.date.isoformat() != csv_path.stem:
            meta_path = csv_path.with_suffix(".meta.yml")
            reader.problem(meta_path, _field_line(reader, meta_path, "date"), "date",
                           "must match the file name")  # fmt: skip
    if not lists and not (root / MEMBERSHIP).is_dir():
        reader.problem(root / MEMBERSHIP, 0, "(folder)", "folder not found")
    return sorted(lists, key=lambda item: item[0].date)


def _field_line(reader: FileReader, path: Path, name: str) -> int:
    row = reader.yaml_mapping(path)
    return row.line_of(name) if row is not None else 1


def load_dataset(data_dir: str | os.PathLike[str] | None = None) -> Dataset:
    """Load and validate everything in ``data_dir``.

    Parameters
    ----------
    data_dir : path, optional
        The data folder; by default ``$EXPLAINER_DATA`` or this checkout's ``data/``.

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        Listing every problem as ``FILE:ROW: field: message``.

    Examples
    --------
    >>> import explainer
    >>> data = explainer.load_dataset()
    >>> len(data.events) >= 10, data.countries["XKX"].name("en")
    (True, 'Kosovo')

    """
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    reader = FileReader(root)

    def csv_records(name: str, model: type[M]) -> list[tuple[Row, M]]:
        path = root / name
        return _validate(reader, path, reader.csv_rows(path, csv_columns(model)), model)

    def yaml_records(name: str, model: type[M]) -> list[tuple[Row, M]]:
        path = root / name
        return _validate(reader, path, reader.yaml_rows(path), model)

    source_rows = reader.csv_rows(root / SOURCES, csv_columns(Source))
    sources = _validate(reader, root / SOURCES, source_rows, Source)
    # A source row that fails validation still has its id: a reference to it is fine.
    # If the file cannot be read at all, references are not checked (one problem, not
    # hundreds).
    unreadable = any(p.file == SOURCES and p.row <= 1 for p in reader.problems)
    named_sources = (
        None if unreadable else {str(r.values.get("id", "")).strip() for r in source_rows}
    )
    country_rows = reader.csv_rows(root / COUNTRIES, csv_columns(Country))
    countries = _validate(reader, root / COUNTRIES, country_rows, Country)
    changes = csv_records(CHANGES, DatedChange)
    undated = csv_records(UNDATED, UndatedChange)
    counts = csv_records(COUNTS, ReportedCount)
    event_rows = reader.yaml_rows(root / EVENTS)
    events = _validate(reader, root / EVENTS, event_rows, Event)
    quotes = yaml_records(QUOTES, Quote)
    targets = yaml_records(TARGETS, Target)
    views = yaml_records(VIEWS, MapView)
    lists = _load_lists(reader, root)
    geometry = _load_geometry(reader, root / GEOMETRY)
    metas = {
        name: _meta(reader, root / name, TargetsMeta if name == TARGETS else Meta)
        for name in (SOURCES, COUNTRIES, CHANGES, UNDATED, COUNTS, EVENTS, QUOTES, TARGETS,
                     VIEWS, GEOMETRY)
    }  # fmt: skip
    metas |= {lst.file: lst.meta for lst, _ in lists}
    targets_meta = metas[TARGETS]

    dataset = Dataset(
        root=root,
        sources={s.id: s for _, s in sources},
        countries={c.iso3: c for _, c in countries},
        lists=tuple(lst for lst, _ in lists),
        changes=tuple(sorted((c for _, c in changes), key=lambda c: c.date)),
        undated=tuple(u for _, u in undated),
        counts=tuple(sorted((c for _, c in counts), key=lambda c: c.date.first)),
        events=tuple(sorted((e for _, e in events), key=lambda e: (e.date.first, e.last_day))),
        quotes=tuple(q for _, q in quotes),
        targets=tuple(t for _, t in targets),
        views=tuple(v for _, v in views),
        targets_meta=targets_meta if isinstance(targets_meta, TargetsMeta) else None,
        metas={name: meta for name, meta in metas.items() if meta is not None},
        geometry=geometry,
    )
    # Cross checks read what failed validation too, so one mistake is reported once:
    # a bad country row still names a country, a bad event row still has an id, and the
    # lists are compared only when every file they depend on is clean.
    dirty = {
        p.file.split("/")[0] if p.file.startswith(MEMBERSHIP) else p.file for p in reader.problems
    }
    cross_checks(
        reader,
        dataset,
        located={
            SOURCES: sources,
            COUNTRIES: countries,
            CHANGES: changes,
            UNDATED: undated,
            COUNTS: counts,
            EVENTS: events,
            QUOTES: quotes,
            TARGETS: targets,
            VIEWS: views,
        },
        list_rows={lst.file: rows for lst, rows in lists},
        named_countries={str(r.values.get("iso3", "")).strip() for r in country_rows},
        named_sources=named_sources,
        event_ids={str(r.values.get("id", "")) for r in event_rows},
        check_counts=not dirty & {COUNTRIES, MEMBERSHIP},
    )
    if reader.problems:
        raise DataError(reader.problems)
    return dataset


GEOMETRY_BYTES = 8_000_000


def _load_geometry(reader: FileReader, path: Path) -> dict[str, Any]:
    """Country shapes: a FeatureCollection of valid polygons, each with an ``iso3``."""
    text = reader.read_text(path, limit=GEOMETRY_BYTES)
    if text is None:
        if not path.is_file():
            reader.problems[-1] = Problem(
                reader.name(path), 0, "(file)", "file not found (rebuild it with `make geometry`)"
            )
        return {}
    try:
        collection = json.loads(text)
        features = collection["features"]
        if not isinstance(features, list):
            raise TypeError("features is not a list")
    except (ValueError, KeyError, TypeError, RecursionError) as error:
        reader.problem(path, 0, "(file)", f"not a GeoJSON FeatureCollection: {error}")
        return {}
    good = []
    for index, feature in enumerate(features):
        where = f"features[{index}]"
        try:
            code = feature["properties"]["iso3"]
            if code is not None and not isinstance(code, str):
                raise ValueError(f"iso3 is {code!r}, not a code or null")
            geom = shapely.geometry.shape(feature["geometry"])
        except (LookupError, TypeError, ValueError, AttributeError, ShapelyError) as error:
            reader.problem(path, 0, where, f"not a country shape with properties.iso3: {error}")
            continue
        problem = _shape_problem(geom)
        if problem:
            reader.problem(path, 0, f"{where} ({code})", problem)
            continue
        good.append(feature)
    codes = [f["properties"]["iso3"] for f in good]
    for code in sorted({c for c in codes if c is not None and codes.count(c) > 1}):
        reader.problem(path, 0, "iso3", f"{code} has more than one feature (merge them)")
    return {"features": good, "codes": set(codes)}


def _shape_problem(geom: shapely.Geometry) -> str:
    """Why a shape cannot be drawn as a country, or ``""``."""
    if geom.geom_type not in {"Polygon", "MultiPolygon"}:
        return f"a {geom.geom_type}, not a Polygon or MultiPolygon"
    if geom.is_empty:
        return "empty"
    bounds = geom.bounds
    if not all(map(math.isfinite, bounds)):
        return "has coordinates that are not numbers"
    if bounds[0] < -180 or bounds[2] > 180 or bounds[1] < -90 or bounds[3] > 90:
        return "has coordinates outside longitude -180..180, latitude -90..90"
    if not geom.is_valid:
        return f"not a valid polygon ({shapely.is_valid_reason(geom)})"
    return ""
