"""Schemas of the records in data/: one pydantic model per kind of row.

The models check each record on its own (types, required fields, formats); checks that
need several files (sources resolve, lists add up) live in ``_checks``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, ClassVar, Literal, get_args

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    RootModel,
    model_validator,
)

from ._dates import PartialDate
from ._languages import LANGUAGES

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


def _no_control_characters(value: str) -> str:
    if re.search(r"[\x00-\x1f\x7f]", value):
        raise ValueError("contains a line break or another control character")
    return value


def _paragraph_text(value: str) -> str:
    if re.search(r"[\x00-\x09\x0b-\x1f\x7f]", value):
        raise ValueError("contains a control character")
    return value


# One line of text; `Paragraphs` may also hold line breaks (a quote's paragraphs).
Text = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_no_control_characters)]
Paragraphs = Annotated[str, Field(min_length=1, max_length=5000), AfterValidator(_paragraph_text)]
OptionalText = Annotated[
    str,
    BeforeValidator(lambda v: "" if v is None else v),
    Field(max_length=2000),
    AfterValidator(_no_control_characters),
]
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
Language = Literal["en", "sv"]  # the values of LANGUAGES
Url = Annotated[str, Field(pattern=r"^https?://[^\s]+$")]


class Record(BaseModel):
    """Base of every record: unknown fields are errors (they are usually typos).

    In a CSV file a localized field is one column per language: ``short_en``,
    ``short_sv`` for ``short`` (``csv_prefixes`` names another prefix where the
    column is not named like the field).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    csv_prefixes: ClassVar[dict[str, str]] = {}


class Localized(RootModel[dict[Language, Text]]):
    """A visible string in every language the explainer speaks."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _every_language(cls, value: Any) -> Any:
        # A missing language is reported like an empty one: "title.sv: required".
        if isinstance(value, dict):
            return {**{lang: "" for lang in LANGUAGES}, **value}
        return value

    def get(self, lang: str) -> str:
        """The string in ``lang``."""
        return self.root[lang]  # type: ignore[index]


def localized_fields(model: type[BaseModel]) -> dict[str, bool]:
    """The model's localized fields, each with whether it may be left out."""
    found = {}
    for name, info in model.model_fields.items():
        kinds = get_args(info.annotation) or (info.annotation,)
        if Localized in kinds:
            found[name] = type(None) in kinds
    return found


def csv_columns(model: type[Record]) -> list[str]:
    """The columns a CSV file of ``model`` records has, localized fields spread out."""
    localized = localized_fields(model)
    columns = []
    for name in model.model_fields:
        if name in localized:
            prefix = model.csv_prefixes.get(name, name)
            columns += [f"{prefix}_{lang}" for lang in LANGUAGES]
        else:
            columns.append(name)
    return columns


def gather_csv(model: type[Record], values: dict[str, Any]) -> dict[str, Any]:
    """A CSV row's cells as the model's fields: ``name_en, name_sv`` -> ``name``."""
    gathered = dict(values)
    for name, optional in localized_fields(model).items():
        prefix = model.csv_prefixes.get(name, name)
        texts = {lang: gathered.pop(f"{prefix}_{lang}", None) for lang in LANGUAGES}
        if optional and not any((t or "").strip() for t in texts.values()):
            gathered[name] = None
        else:
            gathered[name] = {lang: t for lang, t in texts.items() if t is not None}
    return gathered


def csv_field(model: type[Record], path: str) -> str:
    """A field path as the CSV column it comes from: ``name.sv`` -> ``name_sv``."""
    head, _, rest = path.partition(".")
    if head in localized_fields(model) and rest in LANGUAGES:
        return f"{model.csv_prefixes.get(head, head)}_{rest}"
    return path


class Source(Record):
    """A page or document that the data cites."""

    id: Slug
    short: Localized
    publisher: Text
    title: Text
    date_published: OptionalFuzzy = None
    url: Annotated[Url | None, BeforeValidator(_blank_to_none)] = None
    language: Language
    kind: Literal["original", "copy", "translation", "press", "secondary", "reference"]
    date_accessed: OptionalDay = None
    note: OptionalText = ""

    def label(self, lang: str) -> str:
        """The source's short name in ``lang``, as citations show it."""
        return self.short.get(lang)


class Country(Record):
    """A country named in any membership list.

    ``names`` are the names of the story's years (Turkey, the Czech Republic);
    ``note`` says what else a reader should know (a later name, a status).
    """

    csv_prefixes: ClassVar[dict[str, str]] = {"names": "name"}

    iso3: Iso3
    names: Localized
    eu: Annotated[bool, BeforeValidator(_yes_no)]
    eu_from: OptionalDay = None
    eu_sources: SourceIds
    note: Localized | None = None

    @model_validator(mode="after")
    def _eu_from_needs_eu(self) -> Country:
        if self.eu_from is not None and not self.eu:
            raise ValueError("eu_from is set but eu is no")
        return self

    def name(self, lang: str) -> str:
        """The country's name in ``lang``."""
        return self.names.get(lang)


class ListEntry(Record):
    """One country in a published membership list."""

    iso3: Iso3
    name_in_source: Text


class Origin(Record):
    """Where a data file's content comes from (OWID's ``origin`` block)."""

    producer: Text
    title: Text
    citation_full: Text
    url_main: Annotated[Url | None, BeforeValidator(_blank_to_none)] = None
    date_published: Fuzzy
    date_accessed: OptionalDay = None
    language: Language | list[Language]
    license: OptionalText = ""


class Meta(Record):
    """A data file's ``.meta.yml``: its origin, what it holds, and its caveats."""

    origin: Origin
    description: OptionalText = ""
    caveats: list[Localized] = []


class ListMeta(Meta):
    """What a published list says about itself (its ``.meta.yml``)."""

    date: Day
    stated_total: Annotated[int, Field(gt=0)]
    stated_eu: Annotated[int, Field(ge=0)]
    stated_non_eu: Annotated[int, Field(ge=0)]
    sources: SourceIds


class WordingSource(Record):
    """The published text that a language's target wording follows."""

    source: Slug
    note: Text


class TargetsMeta(Meta):
    """The ``.meta.yml`` of the policy targets: whose wording each language follows."""

    wording_source: dict[Language, WordingSource]

    @model_validator(mode="after")
    def _every_language(self) -> TargetsMeta:
        missing = [lang for lang in LANGUAGES if lang not in self.wording_source]
        if missing:
            raise ValueError(f"wording_source needs {', '.join(missing)}")
        return self


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
    """A member count that a source reports without a list the map could use.

    ``named`` says how much of the count the source names: ``none``, ``some`` (a few
    examples) or ``all`` (a full list that differs from the lists in membership/);
    ``note`` is shown with the count.
    """

    date: Fuzzy
    count: Annotated[int, Field(gt=0)]
    named: Literal["none", "some", "all"]
    sources: SourceIds
    note: Localized | None = None


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
    """A published translation of a quote.

    ``note``, in the translation's language, tells the reader where the published
    translation says something else than the original (it stays verbatim).
    """

    language: Language
    translator: Localized
    text: Paragraphs
    sources: SourceIds
    note: OptionalText = ""


class Quote(Record):
    """A verbatim quote, with any published translations."""

    id: Slug
    speaker: Text
    role: Localized
    date: Day
    event: Slug
    language: Language
    text: Paragraphs
    sources: SourceIds
    translations: list[Translation] = []
    note: Localized | None = None

    @model_validator(mode="after")
    def _translated_into_another_language(self) -> Quote:
        languages = [t.language for t in self.translations]
        if self.language in languages:
            raise ValueError(f"a translation into {self.language}, the quote's own language")
        if len(set(languages)) < len(languages):
            raise ValueError("two translations into the same language")
        return self

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
    centre: tuple[
        Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)],
        Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)],
    ]
    scale: Annotated[float, Field(ge=1, le=50)]


class Target(Record):
    """One of the policy targets; ``wording_notes`` flag slips in a language's wording."""

    id: Slug
    label: Localized
    wording: Localized
    wording_notes: dict[Language, Text] = {}
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
