"""Load data/ into a Dataset, collecting every problem before failing."""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import shapely
import shapely.geometry
from pydantic import ValidationError
from shapely.errors import ShapelyError

from ..model._dataset import Dataset, MembershipList, RecordSet
from ..model._manifest import Manifest, RecordSpec
from ..model._schema import (
    Country,
    DatedChange,
    Event,
    ListEntry,
    ListMeta,
    Meta,
    Quote,
    Record,
    ReportedCount,
    Source,
    UndatedChange,
    Wording,
    WordingsMeta,
    csv_columns,
    csv_field,
    error_message,
    field_path,
    gather_csv,
    optional_columns,
)
from ._checks import cross_checks
from ._errors import DataError, Problem
from ._layout import (
    CHANGES,
    COUNTRIES,
    COUNTS,
    EVENTS,
    GEOMETRY,
    MEMBERSHIP,
    OPTIONAL,
    QUOTES,
    SOURCES,
    UNDATED,
)
from ._project import MANIFEST, Project, load_project
from ._reading import FileReader, Row

M = TypeVar("M", bound=Record)


@dataclass
class _Loader:
    """Reads and validates one story's data: the story's languages and column names."""

    reader: FileReader
    manifest: Manifest

    @property
    def languages(self) -> tuple[str, ...]:
        return self.manifest.codes

    def renames(self, model: type[Record]) -> dict[str, str]:
        """Field -> column, where a story names a column (the group's: ``eu``)."""
        group = self.manifest.group
        if model is Country and group is not None:
            return {"group": group.id, "group_from": f"{group.id}_from",
                    "group_sources": f"{group.id}_sources"}  # fmt: skip
        return {}

    def columns(self, model: type[Record]) -> list[str]:
        columns = csv_columns(model, self.languages)
        renames = self.renames(model)
        return columns + [renames[f] for f in model.csv_optional if f in renames]

    def validate(self, path: Path, rows: Iterable[Row], model: type[M]) -> list[tuple[Row, M]]:
        csv = path.suffix == ".csv"
        columns = {column: field for field, column in self.renames(model).items()}
        context = {"languages": list(self.languages)}
        records = []
        for row in rows:
            values = row.values
            if csv:
                values = gather_csv(model, {columns.get(k, k): v for k, v in values.items()},
                                    self.languages)  # fmt: skip
            try:
                records.append((row, model.model_validate(values, context=context)))
            except ValidationError as error:
                for item in error.errors():
                    name = field_path(item["loc"])
                    if csv:
                        name = csv_field(model, name, self.languages)
                        name = self.renames(model).get(name, name)
                    self.reader.problem(path, row.line_of(name), name,
                                        error_message(dict(item)))  # fmt: skip
        return records

    def csv(self, path: Path, model: type[M]) -> tuple[list[Row], list[tuple[Row, M]]]:
        if self.absent(path):
            return [], []
        optional = optional_columns(model, self.languages)
        rows = self.reader.csv_rows(path, self.columns(model), optional=optional)
        return rows, self.validate(path, rows, model)

    def yaml(self, path: Path, model: type[M]) -> tuple[list[Row], list[tuple[Row, M]]]:
        if self.absent(path):
            return [], []
        rows = self.reader.yaml_rows(path)
        return rows, self.validate(path, rows, model)

    def absent(self, path: Path) -> bool:
        """Whether ``path`` is an optional file that the story leaves out."""
        return self.reader.name(path) in OPTIONAL and not os.path.lexists(path)

    def meta(self, data_file: Path, model: type[Meta] = Meta) -> Meta | None:
        """The ``.meta.yml`` beside ``data_file``, validated (every data file has one)."""
        if self.absent(data_file):
            return None
        path = data_file.with_name(data_file.name.split(".")[0] + ".meta.yml")
        row = self.reader.yaml_mapping(path)
        if row is None:
            return None
        found = self.validate(path, [row], model)
        return found[0][1] if found else None

    def lists(self, root: Path) -> list[tuple[MembershipList, list[Row]]]:
        lists = []
        for csv_path in sorted((root / MEMBERSHIP).glob("[0-9]*.csv")):
            _, rows = self.csv(csv_path, ListEntry)
            meta = self.meta(csv_path, ListMeta)
            if not isinstance(meta, ListMeta):
                continue
            entries = [entry.iso3 for _, entry in rows]
            lists.append(
                (MembershipList(meta, frozenset(entries), self.reader.name(csv_path)),
                 [r for r, _ in rows])
            )  # fmt: skip
            first_line: dict[str, int] = {}
            for entry_row, entry in rows:
                if entry.iso3 in first_line:
                    if first_line[entry.iso3] > 0:  # once per country, at its first line
                        self.reader.problem(csv_path, first_line[entry.iso3], "iso3",
                                            f"{entry.iso3} is listed more than once")  # fmt: skip
                        first_line[entry.iso3] = 0
                else:
                    first_line[entry.iso3] = entry_row.line
            if meta.date.isoformat() != csv_path.stem:
                meta_path = csv_path.with_suffix(".meta.yml")
                row = self.reader.yaml_mapping(meta_path)
                self.reader.problem(meta_path, row.line_of("date") if row else 1, "date",
                                    "must match the file name")  # fmt: skip
        for meta_path in sorted((root / MEMBERSHIP).glob("[0-9]*.meta.yml")):
            if not meta_path.with_name(meta_path.name.replace(".meta.yml", ".csv")).exists():
                self.reader.problem(meta_path, 0, "(file)", "describes a list that is not here "
                                    f"({meta_path.name.replace('.meta.yml', '.csv')})")  # fmt: skip
        return sorted(lists, key=lambda item: item[0].date)


def _project_of(data_dir: Path) -> Path:
    """The project a data folder belongs to: the nearest ``story.yml`` at or above it."""
    for folder in (data_dir, *data_dir.parents):
        if (folder / MANIFEST).is_file():
            return folder
    raise DataError([Problem(str(data_dir), 0, "(project)",
                             f"no {MANIFEST} in this folder or any folder above it")])  # fmt: skip


def load_dataset(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    project: str | os.PathLike[str] | None = None,
) -> Dataset:
    """Load and validate a story's data.

    Parameters
    ----------
    data_dir : path, optional
        A data folder; its story is the nearest ``story.yml`` at or above it.
    project : path, optional
        The story's folder (by default ``$EXPLAINER_PROJECT``, else the nearest folder
        upward from the working directory that holds a ``story.yml``); its data is
        ``data/``.

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
    >>> data = explainer.load_dataset(project="tests/data/tiny")
    >>> data.languages, data.manifest.title.get("en")
    (('en', 'sv'), 'A tiny alliance')

    """
    story, root = _story_and_data(data_dir, project)
    reader = FileReader(root, boundary=story.root)
    found = _read_files(_Loader(reader, story.manifest), root)
    dataset = _assemble(root, story.manifest, found)
    _check_across_files(reader, dataset, found)
    if reader.problems:
        raise DataError(reader.problems, root)
    return dataset


def _story_and_data(
    data_dir: str | os.PathLike[str] | None, project: str | os.PathLike[str] | None
) -> tuple[Project, Path]:
    """The story and its data folder, from either argument of :func:`load_dataset`."""
    if data_dir is not None:
        root = Path(data_dir).resolve()
        story = load_project(_project_of(root))
    else:
        story = load_project(project)
        root = story.data
    if not root.is_dir():
        raise DataError([Problem(str(root), 0, "(folder)", "data folder not found")])
    return story, root


@dataclass
class _Found:
    """Everything read from data/, valid or not, before it becomes a Dataset."""

    rows: dict[str, list[Row]]  # every row of a file, valid or not (SOURCES, COUNTRIES, EVENTS)
    located: dict[str, list[tuple[Row, Any]]]  # file -> its valid records with their rows
    records: dict[str, tuple[RecordSpec, list[tuple[Row, Wording]]]]
    lists: list[tuple[MembershipList, list[Row]]]
    metas: dict[str, Meta | None]
    geometry: dict[str, Any]


def _read_files(load: _Loader, root: Path) -> _Found:
    """Read and validate every file of ``root``; problems go to the loader's reader."""
    rows: dict[str, list[Row]] = {}
    located: dict[str, list[tuple[Row, Any]]] = {}
    models: list[tuple[str, type[Record]]] = [
        (SOURCES, Source), (COUNTRIES, Country), (CHANGES, DatedChange),
        (UNDATED, UndatedChange), (COUNTS, ReportedCount), (EVENTS, Event), (QUOTES, Quote),
    ]  # fmt: skip
    for name, model in models:
        read = load.csv if name.endswith(".csv") else load.yaml
        rows[name], located[name] = read(root / name, model)
    specs = load.manifest.records
    records = {spec.id: (spec, load.yaml(root / spec.file, Wording)[1]) for spec in specs}
    lists = load.lists(root)
    geometry = _load_geometry(load.reader, root / GEOMETRY)
    metas = {name: load.meta(root / name) for name in [*(n for n, _ in models), GEOMETRY]}
    metas |= {spec.file: load.meta(root / spec.file, WordingsMeta) for spec in specs}
    metas |= {lst.file: lst.meta for lst, _ in lists}
    return _Found(rows, located, records, lists, metas, geometry)


def _assemble(root: Path, manifest: Manifest, found: _Found) -> Dataset:
    """The Dataset of what validated, each kind of record in its order."""

    def valid(name: str) -> list[Any]:
        return [record for _, record in found.located[name]]

    return Dataset(
        root=root,
        manifest=manifest,
        sources={s.id: s for s in valid(SOURCES)},
        countries={c.iso3: c for c in valid(COUNTRIES)},
        lists=tuple(lst for lst, _ in found.lists),
        changes=tuple(sorted(valid(CHANGES), key=lambda c: c.date)),
        undated=tuple(valid(UNDATED)),
        counts=tuple(sorted(valid(COUNTS), key=lambda c: c.date.first)),
        events=tuple(sorted(valid(EVENTS), key=lambda e: (e.date.first, e.last_day))),
        quotes=tuple(valid(QUOTES)),
        records={
            key: RecordSet(spec, tuple(w for _, w in items), _wordings_meta(found.metas[spec.file]))
            for key, (spec, items) in found.records.items()
        },
        metas={name: meta for name, meta in found.metas.items() if meta is not None},
        geometry=found.geometry,
    )


def _check_across_files(reader: FileReader, dataset: Dataset, found: _Found) -> None:
    """The cross-file checks, on what failed validation too, so one mistake is told once.

    A bad country row still names a country, a bad event row still has an id, a source
    row that fails validation still has its id (a reference to it is fine); the lists
    are compared only when every file they depend on is clean. References into a file
    that could not be read at all are not checked (one problem, not hundreds).
    """

    def named(name: str, key: str) -> set[str] | None:
        if name in reader.incomplete:
            return None
        return {str(r.values.get(key, "")).strip() for r in found.rows[name]}

    unreadable = any(p.file == SOURCES and p.row <= 1 for p in reader.problems)
    dirty = {
        p.file.split("/")[0] if p.file.startswith(MEMBERSHIP) else p.file for p in reader.problems
    }
    cross_checks(
        reader,
        dataset,
        located={
            **found.located,
            **{spec.file: items for spec, items in found.records.values()},
        },
        list_rows={lst.file: rows for lst, rows in found.lists},
        named_countries=named(COUNTRIES, "iso3"),
        named_sources=None if unreadable else named(SOURCES, "id"),
        event_ids=named(EVENTS, "id"),
        check_counts=not dirty & {COUNTRIES, MEMBERSHIP},
    )


def _wordings_meta(meta: Meta | None) -> WordingsMeta | None:
    return meta if isinstance(meta, WordingsMeta) else None


GEOMETRY_BYTES = 8_000_000


def _load_geometry(reader: FileReader, path: Path) -> dict[str, Any]:
    """Country shapes: a FeatureCollection of valid polygons, each with an ``iso3``."""
    text = reader.read_text(path, limit=GEOMETRY_BYTES)
    if text is None:
        if not path.is_file():
            reader.problems[-1] = Problem(
                reader.name(path),
                0,
                "(file)",
                "file not found (the countries' shapes, a GeoJSON FeatureCollection with "
                "properties.iso3; `explainer new` writes the world's to start from)",
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
            _numbers_only(feature["geometry"]["coordinates"])
            geom = shapely.geometry.shape(feature["geometry"])
        except (LookupError, TypeError, ValueError, AttributeError, ShapelyError) as error:
            reader.lost(path, 0, where, f"not a country shape with properties.iso3: {error}")
            continue
        problem = _shape_problem(geom)
        if problem:
            reader.lost(path, 0, f"{where} ({code})", problem)
            continue
        good.append(feature)
    codes = [f["properties"]["iso3"] for f in good]
    repeated = Counter(c for c in codes if c is not None)
    for code in sorted(c for c, n in repeated.items() if n > 1):
        reader.problem(path, 0, "iso3", f"{code} has more than one feature (merge them)")
    return {"features": good, "codes": set(codes)}


def _numbers_only(coordinates: Any) -> None:
    """Refuse coordinates that are not JSON numbers (shapely would read "35.9" as one)."""
    stack = [coordinates]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, bool) or not isinstance(item, int | float):
            raise TypeError(f"a coordinate is {type(item).__name__}, not a number")


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
