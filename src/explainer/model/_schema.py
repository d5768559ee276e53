"""Schemas of the records in data/: one pydantic model per kind of row.

The models check each record on its own (types, required fields, formats); checks that
need several files (sources resolve, lists add up) live in ``_checks``.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Sequence
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
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..language._languages import LANGUAGES
from ._dates import PartialDate


def story_languages(info: ValidationInfo | None) -> Sequence[str]:
    """The languages a record is validated against: the story's (see ``_project``)."""
    context = info.context if info is not None else None
    return tuple(context.get("languages", LANGUAGES)) if isinstance(context, dict) else LANGUAGES


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
    # ISO 3166-1 leaves the codes XAA to XZZ to its users: Kosovo is XKX for the EU and
    # the IMF. Any other code must be one ISO assigns.
    if value.startswith("X") or pycountry.countries.get(alpha_3=value) is not None:
        return value
    raise ValueError(
        f"unknown ISO 3166-1 alpha-3 code {value!r} (codes a user assigns start with X, "
        "such as XKX for Kosovo)"
    )


def _known_language(value: str) -> str:
    if pycountry.languages.get(alpha_2=value) or pycountry.languages.get(alpha_3=value):
        return value
    raise ValueError(f"{value!r} is not an ISO 639 language code (en, sv, fr, ...)")


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
    # pydantic would also take a date-time at midnight ("2013-06-17T00:00:00Z"): a day
    # is written as one, so a time zone cannot move it.
    text = value.strip() if isinstance(value, str) else None
    if text and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"{text[:40]!r} is not a day (YYYY-MM-DD)")
    return value


def _whole_number(value: object) -> object:
    """A count as written: digits in a CSV cell, an integer in YAML; not yes/no or 1.0."""
    if isinstance(value, bool | float):
        raise ValueError(f"{value!r} is not a whole number")
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{1,9}", value.strip()):
        raise ValueError(f"{value.strip()[:40]!r} is not a whole number (digits only)")
    return value


def _plain_number(value: object) -> object:
    """A number written as one in YAML: not text, not yes/no."""
    if isinstance(value, bool | str):
        raise ValueError(f"{str(value)[:40]!r} is not a number")
    return value


# Line and paragraph separators break a line as a line break does; bidirectional
# overrides make text read otherwise than it is stored.
_INVISIBLE = "\x7f\x85\u2028\u2029\u202a-\u202e\u2066-\u2069"


def _no_control_characters(value: str) -> str:
    if re.search(f"[\\x00-\\x1f{_INVISIBLE}]", value):
        raise ValueError("contains a line break or another control character")
    return value


def _paragraph_text(value: str) -> str:
    if re.search(f"[\\x00-\\x09\\x0b-\\x1f{_INVISIBLE}]", value):
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
Count = Annotated[int, BeforeValidator(_whole_number)]
Number = Annotated[float, BeforeValidator(_plain_number)]
OptionalDay = Annotated[
    dt.date | None, BeforeValidator(_blank_to_none), BeforeValidator(_date_only)
]
Fuzzy = Annotated[PartialDate, PlainValidator(_partial_date)]
OptionalFuzzy = Annotated[
    PartialDate | None,
    PlainValidator(lambda v: None if _blank_to_none(v) is None else _partial_date(v)),
]
# Any language a source or a quote is in; a story's own languages are in its manifest.
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}$"), AfterValidator(_known_language)]
Url = Annotated[str, Field(pattern=r"^https?://[^\s]+$")]


class Record(BaseModel):
    """Base of every record: unknown fields are errors (they are usually typos).

    In a CSV file a localized field is one column per language: ``short_en``,
    ``short_sv`` for ``short`` (``csv_prefixes`` names another prefix where the
    column is not named like the field).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    csv_prefixes: ClassVar[dict[str, str]] = {}
    csv_optional: ClassVar[frozenset[str]] = frozenset()  # columns a file may leave out


class Localized(RootModel[dict[str, Text]]):
    """A visible string in every language of the story."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _every_language(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, dict):
            return value
        languages = story_languages(info)
        unknown = [str(k) for k in value if k not in languages]
        if unknown:
            raise ValueError(
                f"{', '.join(unknown)} is not a language of the story ({', '.join(languages)})"
            )
        # A missing language is reported like an empty one: "title.sv: required".
        return {**{lang: "" for lang in languages}, **value}

    def get(self, lang: str) -> str:
        """The string in ``lang``."""
        return self.root[lang]


def localized_fields(model: type[BaseModel]) -> dict[str, bool]:
    """The model's localized fields, each with whether it may be left out."""
    found = {}
    for name, info in model.model_fields.items():
        kinds = get_args(info.annotation) or (info.annotation,)
        if Localized in kinds:
            found[name] = type(None) in kinds
    return found


def csv_columns(model: type[Record], languages: Sequence[str]) -> list[str]:
    """The columns of a CSV file of ``model`` records, localized fields spread out."""
    localized = localized_fields(model)
    columns = []
    for name in model.model_fields:
        if name in localized:
            prefix = model.csv_prefixes.get(name, name)
            columns += [f"{prefix}_{lang}" for lang in languages]
        elif name not in model.csv_optional:
            columns.append(model.csv_prefixes.get(name, name))
    return columns


def optional_columns(model: type[Record], languages: Sequence[str]) -> list[str]:
    """Columns of :func:`csv_columns` a file may leave out: those of fields with a default.

    A localized field's columns go together: a file has all of ``note_en, note_sv`` or
    none.
    """
    localized = localized_fields(model)
    optional = []
    for name, info in model.model_fields.items():
        if info.is_required() or name in model.csv_optional:
            continue
        prefix = model.csv_prefixes.get(name, name)
        optional += [f"{prefix}_{lang}" for lang in languages] if name in localized else [prefix]
    return optional


def gather_csv(
    model: type[Record], values: dict[str, Any], languages: Sequence[str]
) -> dict[str, Any]:
    """A CSV row's cells as the model's fields: ``name_en, name_sv`` -> ``names``."""
    gathered = {}
    columns = {model.csv_prefixes.get(n, n): n for n in model.model_fields}
    for key, value in values.items():
        gathered[columns.get(key, key)] = value
    for name, optional in localized_fields(model).items():
        prefix = model.csv_prefixes.get(name, name)
        texts = {lang: gathered.pop(f"{prefix}_{lang}", None) for lang in languages}
        if optional and not any((t or "").strip() for t in texts.values()):
            gathered[name] = None
        else:
            gathered[name] = {lang: t for lang, t in texts.items() if t is not None}
    return gathered


def csv_field(model: type[Record], path: str, languages: Sequence[str]) -> str:
    """A field path as the CSV column it comes from: ``names.sv`` -> ``name_sv``."""
    head, _, rest = path.partition(".")
    prefix = model.csv_prefixes.get(head, head)
    if head in localized_fields(model) and rest in languages:
        return f"{prefix}_{rest}"
    return prefix if not rest else f"{prefix}.{rest}"


class Source(Record):
    """A page or document that the data cites.

    ``date_published`` is a date, or ``undated`` where the source shows none.
    ``short`` is the label citations show ("Commission press release, 4 Dec 2012"):
    no document codes, no research notes. ``publisher`` is in every language of the
    story; ``title`` is the source's own title, verbatim, and ``supplied_title`` our
    description where the source shows none (one of the two is required). ``remark``
    is a short word to readers ("a copy; read only as far as the second target");
    ``doc_code`` (IP/12/1308) and ``note`` (our research note, in English) are for the
    data page only.
    """

    id: Slug
    short: Localized
    publisher: Localized
    title: OptionalText = ""
    supplied_title: Localized | None = None
    date_published: Annotated[
        PartialDate | Literal["undated"] | None,
        PlainValidator(
            lambda v: (
                None
                if _blank_to_none(v) is None
                else "undated"
                if str(v).strip() == "undated"
                else _partial_date(v)
            )
        ),
    ] = None
    url: Annotated[Url | None, BeforeValidator(_blank_to_none)] = None
    language: Language
    kind: Literal["original", "copy", "translation", "press", "secondary", "reference"]
    date_accessed: OptionalDay = None
    remark: Localized | None = None
    doc_code: OptionalText = ""
    note: OptionalText = ""

    @model_validator(mode="after")
    def _titled(self) -> Source:
        if bool(self.title) == (self.supplied_title is not None):
            raise ValueError(
                "give either the source's own title (title) or, where it shows none, "
                "a supplied_title in every language; not both"
            )
        return self

    def label(self, lang: str) -> str:
        """The source's short name in ``lang``, as citations show it."""
        return self.short.get(lang)

    @property
    def date(self) -> PartialDate | None:
        """When it was published, where that is known.

        ``date_published: undated`` says the source shows no date; blank, that nobody
        has looked.
        """
        return self.date_published if isinstance(self.date_published, PartialDate) else None

    def title_in(self, lang: str) -> str:
        """The title a reader in ``lang`` sees: the source's own, or ours in brackets."""
        if self.supplied_title is not None:
            return f"[{self.supplied_title.get(lang)}]"
        return self.title


def _country_name(iso3: str, lang: str) -> str | None:
    """A country's name from pycountry's ISO 3166 translations (None if it has none)."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return None
    english = getattr(country, "common_name", None) or country.name
    if lang == "en":
        return str(english)
    import gettext

    catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang],
                                  fallback=True)  # fmt: skip
    return catalog.gettext(english)


class Country(Record):
    """A country named in any membership list.

    ``names`` are the names of the story's years (Turkey, the Czech Republic); without
    them, pycountry's ISO 3166 names are used. ``note`` says what else a reader should
    know (a later name, a status). ``group`` says whether the country belongs to the
    story's grouping (the EU), from ``group_from`` if that falls in the story.
    """

    csv_prefixes: ClassVar[dict[str, str]] = {"names": "name"}
    csv_optional: ClassVar[frozenset[str]] = frozenset({"group", "group_from", "group_sources"})

    iso3: Iso3
    names: Localized | None = None
    group: Annotated[bool | None, BeforeValidator(_blank_to_none), BeforeValidator(_yes_no)] = None
    group_from: OptionalDay = None
    group_sources: Annotated[list[Slug], BeforeValidator(_split_ids)] = []
    note: Localized | None = None

    @model_validator(mode="after")
    def _group_from_needs_group(self) -> Country:
        if self.group_from is not None and not self.group:
            raise ValueError("the group's date is set but the country is not in the group")
        if self.names is None and _country_name(self.iso3, "en") is None:
            raise ValueError(f"{self.iso3} has no ISO 3166 name: give its names")
        return self

    def name(self, lang: str) -> str:
        """The country's name in ``lang``."""
        if self.names is not None:
            return self.names.get(lang)
        return _country_name(self.iso3, lang) or self.iso3


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
    """A data file's ``.meta.yml``: its origin, what it holds, and its caveats.

    ``name`` says what the file holds in the story's languages, as the caveats'
    heading (``origin.title`` is the producer's title, often in one language).
    """

    origin: Origin
    name: Localized | None = None
    description: OptionalText = ""
    caveats: list[Localized] = []


class ListMeta(Meta):
    """What a published list says about itself (its ``.meta.yml``).

    ``stated_in_group`` and ``stated_outside_group`` are the counts a source gives for
    the story's grouping (27 EU Member States and 21 others), where it has one.
    """

    date: Day
    stated_total: Annotated[Count, Field(gt=0)]
    stated_in_group: Annotated[Count | None, Field(ge=0)] = None
    stated_outside_group: Annotated[Count | None, Field(ge=0)] = None
    sources: SourceIds


class WordingSource(Record):
    """The published text that a language's wordings follow."""

    source: Slug
    note: Text


class WordingsMeta(Meta):
    """The ``.meta.yml`` of a record set of wordings: whose text each language follows."""

    wording_source: dict[str, WordingSource]

    @model_validator(mode="after")
    def _every_language(self, info: ValidationInfo) -> WordingsMeta:
        languages = story_languages(info)
        missing = [lang for lang in languages if lang not in self.wording_source]
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
    count: Annotated[Count, Field(gt=0)]
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
    # For the presenter's window: what to say at this step, from the event's sources.
    notes: Localized | None = None
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


def _story_language(value: str, info: ValidationInfo) -> str:
    languages = story_languages(info)
    if value not in languages:
        raise ValueError(f"{value!r} is not a language of the story ({', '.join(languages)})")
    return value


class Translation(Record):
    """A translation of a quote: a published one, or the story's own.

    A published translation (``by: published``) names its ``translator`` and its
    ``sources`` and stays verbatim; ``note``, in the translation's language, tells the
    reader where it says something else than the original. The story's own translation
    (``by: ours``) is labelled as ours and cites the quote's own sources.
    """

    language: Annotated[str, AfterValidator(_story_language)]
    by: Literal["published", "ours"] = "published"
    translator: Localized | None = None
    text: Paragraphs
    sources: Annotated[list[Slug], BeforeValidator(_split_ids)] = []
    note: OptionalText = ""

    @model_validator(mode="after")
    def _labelled(self) -> Translation:
        if self.by == "published" and (self.translator is None or not self.sources):
            raise ValueError("a published translation needs its translator and its sources")
        if self.by == "ours" and (self.translator is not None or self.sources):
            raise ValueError(
                "our own translation has no translator or sources of its own "
                "(it is labelled as ours and cites the quote's sources)"
            )
        return self


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
        Annotated[Number, Field(ge=-180, le=180, allow_inf_nan=False)],
        Annotated[Number, Field(ge=-90, le=90, allow_inf_nan=False)],
    ]
    scale: Annotated[Number, Field(ge=1, le=50)]


class StatusWords(Record):
    """A story's own words for a status (``story.yml``), in place of the engine's.

    ``detail`` may use ``{date}`` (founding, joined, left), ``{start}`` and ``{end}``
    (undated changes). ``phrase`` is how the map's description counts the countries of
    a status ("{count} parties from the start", "{names}, no longer a party").
    """

    name: Localized | None = None
    detail: Localized | None = None
    phrase: Localized | None = None

    @field_validator("detail")
    @classmethod
    def _detail_placeholders(cls, detail: Localized | None) -> Localized | None:
        return _template(detail, {"date", "start", "end"})

    @field_validator("phrase")
    @classmethod
    def _phrase_placeholders(cls, phrase: Localized | None) -> Localized | None:
        return _template(phrase, {"count", "names"})


def _template(value: Localized | None, allowed: set[str]) -> Localized | None:
    """``value`` if every text in it is a template with only ``allowed`` placeholders."""
    for text in value.root.values() if value is not None else ():
        try:
            fields = [f for f in string.Formatter().parse(text) if f[1] is not None]
        except ValueError as error:
            raise ValueError(f"{text!r} is not a template ({error})") from None
        for _, name, spec, conversion in fields:
            # Only bare names: "{date:>99999999}" would build a 100 MB string per hover.
            if name not in allowed or spec or conversion:
                shown = f"{name}" + (f"!{conversion}" if conversion else "") + (
                    f":{spec}" if spec else "")  # fmt: skip
                names = ", ".join(f"{{{a}}}" for a in sorted(allowed))
                raise ValueError(f"{{{shown}}} is no placeholder; use {names}")
    return value


class Wording(Record):
    """One item of a record set: a short label of the story's and a wording quoted verbatim.

    ``wording_notes`` flag slips in a language's published wording without changing it.
    """

    id: Slug
    label: Localized
    wording: Localized
    wording_notes: dict[Annotated[str, AfterValidator(_story_language)], Text] = {}
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
