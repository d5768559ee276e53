"""Schemas of the records in data/: one pydantic model per kind of row.

The models check each record on its own (types, required fields, formats); checks that
need several files (sources resolve, lists add up) live in ``_checks``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    model_validator,
)

from ._dates import PartialDate

KOSOVO = "XKX"  # not in ISO 3166-1; the code the EU and the IMF use


def _blank_to_none(value: object) -> object:
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _split_ids(value: object) -> object:
    # CSV cells hold "id1 id2"; YAML holds a list.
    if isinstance(value, str):
        return value.split()
    return value


def _known_iso3(value: str) -> str:
    if value == KOSOVO or pycountry.countries.get(alpha_3=value) is not None:
        return value
    raise ValueError(f"unknown ISO 3166-1 alpha-3 code {value!r} (Kosovo is {KOSOVO})")


def _yes_no(value: object) -> object:
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"yes", "no"}:
            return lowered == "yes"
        raise ValueError(f"{value!r} must be yes or no")
    return value


def _partial_date(value: object) -> PartialDate:
    return PartialDate.parse(value)


def _date_only(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


Text = Annotated[str, Field(min_length=1), AfterValidator(str.strip)]
OptionalText = Annotated[str, BeforeValidator(lambda v: "" if v is None else v)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Iso3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$"), AfterValidator(_known_iso3)]
SourceIds = Annotated[list[Slug], BeforeValidator(_split_ids), Field(min_length=1)]
Day = Annotated[dt.date, BeforeValidator(_date_only)]
OptionalDay = Annotated[
    dt.date | None, BeforeValidator(_blank_to_none), BeforeValidator(_date_only)
]
Fuzzy = Annotated[PartialDate, PlainValidator(_partial_date)]
OptionalFuzzy = Annotated[
    PartialDate | None,
    PlainValidator(lambda v: None if _blank_to_none(v) is None else _partial_date(v)),
]
Language = Literal["en", "sv"]
Url = Annotated[str, Field(pattern=r"^https?://[^\s]+$")]


class Record(BaseModel):
    """Base of every record: unknown fields are errors (they are usually typos)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Localized(Record):
    """A visible string in both languages."""

    en: Text
    sv: Text

    def get(self, lang: str) -> str:
        """The string in ``lang`` (``"en"`` or ``"sv"``)."""
        return self.sv if lang == "sv" else self.en


class Source(Record):
    """A page or document that the data cites."""

    id: Slug
    short: Text
    publisher: Text
    title: Text
    date_published: OptionalFuzzy = None
    url: Annotated[Url | None, BeforeValidator(_blank_to_none)] = None
    language: Language
    kind: Literal["original", "copy", "translation", "press", "secondary", "reference"]
    date_accessed: OptionalDay = None
    note: OptionalText = ""


class Country(Record):
    """A country named in any membership list."""

    iso3: Iso3
    name_en: Text
    name_sv: Text
    eu: Annotated[bool, BeforeValidator(_yes_no)]
    eu_from: OptionalDay = None
    eu_sources: SourceIds
    note: OptionalText = ""

    @model_validator(mode="after")
    def _eu_from_needs_eu(self) -> Country:
        if self.eu_from is not None and not self.eu:
            raise ValueError("eu_from is set but eu is no")
        return self

    def name(self, lang: str) -> str:
        """The country's name in ``lang``."""
        return self.name_sv if lang == "sv" else self.name_en


class ListEntry(Record):
    """One country in a published membership list."""

    iso3: Iso3
    name_in_source: Text


class ListMeta(Record):
    """What a published list says about itself (its ``.meta.yml``)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    date: Day
    stated_total: Annotated[int, Field(gt=0)]
    stated_eu: Annotated[int, Field(ge=0)]
    stated_non_eu: Annotated[int, Field(ge=0)]
    sources: SourceIds
    caveats: list[str] = []


class DatedChange(Record):
    """A change of membership on a date that a source publishes."""

    date: Day
    iso3: Iso3
    change: Literal["joined", "left"]
    sources: SourceIds
    note: OptionalText = ""


class UndatedChange(Record):
    """A change the lists imply but no source dates: "date not published"."""

    iso3: Iso3
    change: Literal["joined", "left"]
    not_before: Day
    not_after: Day
    last_attested: OptionalFuzzy = None
    sources: SourceIds
    note: OptionalText = ""

    @model_validator(mode="after")
    def _bounds_in_order(self) -> UndatedChange:
        if self.not_after <= self.not_before:
            raise ValueError("not_after must be later than not_before")
        if self.last_attested is not None and not (
            self.not_before <= self.last_attested.first <= self.not_after
        ):
            raise ValueError("last_attested must lie between not_before and not_after")
        return self


class ReportedCount(Record):
    """A member count that a source reports without naming the members."""

    date: Fuzzy
    count: Annotated[int, Field(gt=0)]
    sources: SourceIds
    note: OptionalText = ""


class Event(Record):
    """A step on the timeline."""

    id: Slug
    date: Fuzzy
    end: Day | None = None
    precision: Literal["day", "month", "year", "range"]
    place: Localized | None = None
    title: Localized
    text: Localized
    sources: SourceIds

    @model_validator(mode="after")
    def _precision_matches(self) -> Event:
        if self.precision == "range":
            if self.end is None or self.date.precision != "day":
                raise ValueError("a range needs a day in date and a later day in end")
            if self.end <= self.date.first:
                raise ValueError("end must be later than date")
        elif self.end is not None:
            raise ValueError("end is only for precision: range")
        elif self.date.precision != self.precision:
            raise ValueError(
                f"precision is {self.precision} but the date {self.date} is known to the "
                f"{self.date.precision}"
            )
        return self

    @property
    def last_day(self) -> dt.date:
        """The latest day the event can fall on (its map date)."""
        return self.end if self.end is not None else self.date.last


class Translation(Record):
    """A published translation of a quote."""

    language: Language
    translator: Localized
    text: Text
    sources: SourceIds


class Quote(Record):
    """A verbatim quote, with any published translations."""

    id: Slug
    speaker: Text
    role: Localized
    date: Day
    event: Slug
    language: Language
    text: Text
    sources: SourceIds
    translations: list[Translation] = []
    note: Localized | None = None

    def translation(self, lang: str) -> Translation | None:
        """The published translation into ``lang``, if there is one."""
        return next((t for t in self.translations if t.language == lang), None)


class MapView(Record):
    """A named view of the map: where it is centred and how far it is zoomed in.

    ``scale`` 1 shows the whole map (every country in the geometry); 4 shows a quarter
    of its width, around ``centre``.
    """

    id: Slug
    name: Localized
    centre: tuple[Annotated[float, Field(ge=-180, le=180)], Annotated[float, Field(ge=-90, le=90)]]
    scale: Annotated[float, Field(ge=1, le=50)]


class Target(Record):
    """One of the four policy targets."""

    id: Slug
    label: Localized
    wording: Localized
    sources: SourceIds


def field_path(loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into ``title.sv`` style."""
    parts = [str(p) for p in loc if not re.fullmatch(r"function-\w+\[.*\]", str(p))]
    return ".".join(parts) or "(record)"


def error_message(error: dict[str, Any]) -> str:
    """A short message for an author from one pydantic error."""
    message = str(error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if error["type"] in {"missing", "string_too_short"}:
        return "required, but missing or empty"
    if error["type"] == "extra_forbidden":
        return "unknown field (a typo?)"
    if error["type"] == "string_pattern_mismatch" and error["loc"][:1] == ("url",):
        return "must be a web address starting with http:// or https://"
    return message
