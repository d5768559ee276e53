"""Country shapes projected for a flat world map (Equal Earth), ready for plotting."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Transformer

from ..model._dataset import Dataset

EQUAL_EARTH = "+proj=eqearth +lon_0=0 +datum=WGS84 +units=km"


@dataclass(frozen=True)
class Shape:
    """One country's outline in projected kilometres.

    ``anchor`` is a point inside the country's largest part (where a marker or a hover
    probe goes); ``area_km2`` is the whole country's area.
    """

    iso3: str | None
    xs: tuple[float | None, ...]
    ys: tuple[float | None, ...]
    anchor: tuple[float, float]
    area_km2: float


def _rings(geom: shapely.Geometry) -> tuple[list[float | None], list[float | None]]:
    xs: list[float | None] = []
    ys: list[float | None] = []
    for part in shapely.get_parts(geom):
        # Whole kilometres: far below a pixel at any view, and half the JSON of floats.
        coords = np.rint(np.asarray(part.exterior.coords)).astype(int)
        if xs:
            xs.append(None)
            ys.append(None)
        xs.extend(coords[:, 0].tolist())
        ys.extend(coords[:, 1].tolist())
    return xs, ys


@cache
def projected_shapes(dataset: Dataset) -> tuple[Shape, ...]:
    """Every shape in ``dataset.geometry``, projected to Equal Earth (km)."""
    frame = gpd.GeoDataFrame.from_features(dataset.geometry["features"], crs="EPSG:4326")
    frame = frame.to_crs(EQUAL_EARTH)
    shapes = []
    for iso3, geom in zip(frame["iso3"], frame.geometry, strict=True):
        xs, ys = _rings(geom)
        # The largest part's inner point: inside the country, unlike a centroid.
        largest = max(shapely.get_parts(geom), key=lambda p: p.area)
        point = largest.representative_point()
        code = iso3 if isinstance(iso3, str) else None
        shapes.append(Shape(code, tuple(xs), tuple(ys), (point.x, point.y), float(geom.area)))
    return tuple(shapes)


@cache
def _transformer() -> Transformer:
    return Transformer.from_crs("EPSG:4326", EQUAL_EARTH, always_xy=True)


def project(lon: float, lat: float) -> tuple[float, float]:
    """A longitude and latitude (degrees) in the map's projected kilometres."""
    x, y = _transformer().transform(lon, lat)
    return float(x), float(y)


def extent(shapes: tuple[Shape, ...]) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) around every shape, in km: the map's full extent."""
    xs = [x for s in shapes for x in s.xs if x is not None]
    ys = [y for s in shapes for y in s.ys if y is not None]
    return min(xs), min(ys), max(xs), max(ys)


@cache
def globe_outline() -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The edge of the Equal Earth world (the ocean's outline), in km."""
    lats = np.linspace(-90, 90, 61)
    lons = np.concatenate([np.full(61, 180.0), np.full(61, -180.0)])
    edge = gpd.GeoSeries.from_xy(lons, np.concatenate([lats, lats[::-1]]), crs="EPSG:4326")
    edge = edge.to_crs(EQUAL_EARTH)
    xs = [*np.rint(edge.x).astype(int).tolist(), int(np.rint(edge.x.iloc[0]))]
    ys = [*np.rint(edge.y).astype(int).tolist(), int(np.rint(edge.y.iloc[0]))]
    return tuple(xs), tuple(ys)
