"""Rebuild data/geometry/countries.geojson from Natural Earth 1:50m (npm world-atlas).

Load the pinned world-atlas TopoJSON, key every country by ISO 3166-1 alpha-3 (Kosovo is
XKX), drop Antarctica, simplify the whole coverage at once so shared borders stay shared,
split the rings that cross 180° (Russia, Fiji), drop islands too small to see on a
world map (keeping each country's largest part, so Malta survives), round coordinates,
and write a compact GeoJSON.

Run with `make geometry` (needs npm and network access to the npm registry).
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pycountry
import shapely
import shapely.affinity
from shapely.geometry import mapping
from shapely.geometry.polygon import orient

PACKAGE = "world-atlas@2.0.2"
SOURCE_FILE = "package/countries-50m.json"
OUT = Path(__file__).resolve().parent.parent / "data" / "geometry" / "countries.geojson"

TOLERANCE_DEGREES = 0.25  # about one pixel on a 1280 px wide world map
MIN_PART_AREA = 0.2  # square degrees; smaller islands are dropped (largest part kept)
DECIMALS = 2
STEP = 10.0**-DECIMALS  # the output grid, in degrees
ANTARCTICA_NUMERIC = "010"
# Features Natural Earth draws without an ISO numeric code.
CODE_BY_NAME = {"Kosovo": "XKX"}


def iso3_for(numeric: str | None, name: str) -> str | None:
    if name in CODE_BY_NAME:
        return CODE_BY_NAME[name]
    if numeric is None or (isinstance(numeric, float) and np.isnan(numeric)):
        return None
    country = pycountry.countries.get(numeric=str(numeric).zfill(3))
    return country.alpha_3 if country else None


def split_at_antimeridian(part: shapely.Polygon) -> list[shapely.Polygon]:
    """A ring that crosses 180° as pieces on either side of it, not a band round the world.

    Natural Earth's TopoJSON is drawn with spherical geometry, where a ring may cross
    the antimeridian (Russia's Chukotka, Fiji); in flat coordinates such a ring spans
    more than 180° of longitude and plotly fills it as a stripe across the map.
    """
    west, _, east, _ = part.bounds
    if east - west <= 180:
        return [part]
    shifted = shapely.make_valid(shapely.transform(
        part, lambda xy: np.where(xy[:, :1] < 0, xy + np.array([360.0, 0.0]), xy)))  # fmt: skip
    near = shifted.intersection(shapely.box(-180, -90, 180, 90))
    far = shapely.affinity.translate(shifted.intersection(shapely.box(180, -90, 540, 90)), -360)
    # Snapped to the output's grid here, so that rounding cannot make the cut invalid.
    snapped = shapely.set_precision(shapely.union(near, far), 10.0**-DECIMALS)
    return [p for p in shapely.get_parts(snapped) if isinstance(p, shapely.Polygon) and p.area > 0]


def largest_parts(geom: shapely.Geometry) -> shapely.Geometry:
    parts = list(shapely.get_parts(geom))
    pieces = [piece for part in parts for piece in split_at_antimeridian(part)]
    if len(pieces) != len(parts):
        # Cut pieces may overlap or nearly touch parts already on their side (a white
        # seam across Siberia): a closing, grow then shrink by one grid step, joins them.
        merged = shapely.union_all(pieces).buffer(STEP, join_style="mitre")
        merged = merged.buffer(-STEP, join_style="mitre")
        pieces = list(shapely.get_parts(shapely.set_precision(merged, STEP)))
    parts = pieces
    largest = max(parts, key=lambda part: part.area)
    kept = [p for p in parts if p.area >= MIN_PART_AREA or p is largest]
    # Counter-clockwise exteriors: the orientation d3's spherical geometry expects too.
    kept = [orient(p, sign=1.0) for p in kept]
    return kept[0] if len(kept) == 1 else shapely.MultiPolygon(kept)


def rounded(obj: object) -> object:
    if isinstance(obj, float):
        return round(obj, DECIMALS)
    if isinstance(obj, list | tuple):
        return [rounded(x) for x in obj]
    return obj


with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True)
    with tarfile.open(next(Path(tmp).glob("world-atlas-*.tgz"))) as tar:
        tar.extract(SOURCE_FILE, tmp, filter="data")
    countries = gpd.read_file(Path(tmp) / SOURCE_FILE, layer="countries")

countries = countries[countries["id"] != ANTARCTICA_NUMERIC].reset_index(drop=True)
countries["geometry"] = countries.geometry.make_valid()
simplified = shapely.coverage_simplify(countries.geometry.values, TOLERANCE_DEGREES)

# Natural Earth splits a few countries into several units (Australia and the Ashmore
# and Cartier Islands share code 036): gather the parts of each code into one feature.
parts_by_key: dict[tuple[str | None, str], list[shapely.Geometry]] = {}
for (_, row), geom in zip(countries.iterrows(), simplified, strict=True):
    code = iso3_for(row["id"], row["name"])
    key = (code, row["name"]) if code is None else (code, "")
    parts_by_key.setdefault(key, []).extend(shapely.get_parts(geom))
# A code's name is that of its largest unit (Australia, not Ashmore and Cartier).
by_area = sorted(countries.iterrows(), key=lambda item: shapely.area(item[1]["geometry"]))
names = {iso3_for(r["id"], r["name"]): r["name"] for _, r in by_area}
names.pop(None, None)
features = []
for (code, name), parts in parts_by_key.items():
    geometry = mapping(largest_parts(shapely.MultiPolygon(parts)))
    geometry["coordinates"] = rounded(geometry["coordinates"])
    features.append(
        {
            "type": "Feature",
            "properties": {"iso3": code, "name": name or names[code]},
            "geometry": geometry,
        }
    )
features.sort(key=lambda f: (f["properties"]["iso3"] or "~", f["properties"]["name"]))

OUT.parent.mkdir(parents=True, exist_ok=True)
text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
OUT.write_text(text + "\n", encoding="utf-8")
print(f"wrote {OUT} ({len(features)} features, {len(text) // 1024} KiB)")
