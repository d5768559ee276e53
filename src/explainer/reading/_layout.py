"""The layout of a story's ``data/`` folder: the files the engine reads, relative to it."""

from __future__ import annotations

SOURCES = "sources.csv"
COUNTRIES = "countries.csv"
MEMBERSHIP = "membership"  # published lists YYYY-MM-DD.csv, and the files below
CHANGES = "membership/changes.csv"
UNDATED = "membership/undated.csv"
COUNTS = "membership/counts.csv"
EVENTS = "events.yml"
QUOTES = "quotes.yml"
GEOMETRY = "geometry/countries.geojson"
# What a story may leave out: an absent file reads as empty and needs no .meta.yml.
OPTIONAL = (CHANGES, UNDATED, COUNTS, QUOTES)
