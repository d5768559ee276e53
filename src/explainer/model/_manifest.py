"""``story.yml`` as a model: what the engine needs to know about a story.

Reading the file is :mod:`explainer.reading._project`'s job; this module only says what
a valid manifest is.
"""

from __future__ import annotations

import re
from typing import Annotated

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator, Field, field_validator

from ._schema import Localized, MapView, Record, Slug, StatusWords, Text
from ._status import StatusKind

# The files of data/ whose names the engine gives; a record set cannot take one.
ENGINE_FILES = frozenset({"events.yml", "quotes.yml"})


def _language_code(code: str) -> str:
    """A language code Babel knows (``de``, ``sv``): dates and lists are formatted in it."""
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise ValueError(f"{code!r} is not a language code (two or three lower-case letters)")
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        raise ValueError(f"{code!r} is not a language Babel knows") from None
    return code


def _babel_locale(value: str) -> str:
    try:
        Locale.parse(value)
    except (ValueError, UnknownLocaleError) as error:
        raise ValueError(f"{value!r} is not a locale Babel knows ({error})") from None
    return value


class LanguageSpec(Record):
    """One of the story's languages: its code, the locale of its dates, its name.

    A language the engine has no interface strings for needs the story's own catalog,
    ``locale/<code>.po`` (checked when the project is read).
    """

    code: Annotated[str, AfterValidator(_language_code)]
    locale: Annotated[str, AfterValidator(_babel_locale)] = ""
    name: Text


class NotebookSpec(Record):
    """The story's notebooks: the home page per language, and the others served."""

    home: dict[str, Annotated[str, Field(pattern=r"^[\w.-]+\.ipynb$")]]
    also: list[Annotated[str, Field(pattern=r"^[\w.-]+\.ipynb$")]] = Field(default_factory=list)


class GroupSpec(Record):
    """An optional grouping of the countries (the EU): a column and its two labels."""

    id: Slug
    column: Localized
    member: Localized
    outside: Localized


class MapSpec(Record):
    """The map's named views; the first is where every page opens."""

    views: Annotated[list[MapView], Field(min_length=1)]

    @field_validator("views")
    @classmethod
    def _unique(cls, views: list[MapView]) -> list[MapView]:
        ids = [v.id for v in views]
        if len(set(ids)) < len(ids):
            raise ValueError("two views have the same id")
        return views


class RecordSpec(Record):
    """A set of short, sourced wordings a story quotes in a table of their own.

    Policy targets, the articles of a treaty, the demands of a declaration: each item
    has a short label of the story's own and a wording quoted verbatim (``file`` in
    ``data/``, with its ``.meta.yml`` naming the published text of each language).
    """

    id: Slug
    file: Annotated[str, Field(pattern=r"^[\w-]+\.yml$")]
    name: Localized  # the table's caption: "The policy targets"
    label: Localized  # the heading of the label column: "Target"

    @field_validator("file")
    @classmethod
    def _not_an_engine_file(cls, file: str) -> str:
        if file in ENGINE_FILES:
            raise ValueError(f"{file} is a file of the engine's own; name it otherwise")
        return file


class Manifest(Record):
    """``story.yml``: what the engine needs to know about a story."""

    title: Localized
    languages: Annotated[list[LanguageSpec], Field(min_length=1)]
    notebooks: NotebookSpec
    content_note: Localized | None = None
    download_name: Annotated[str, Field(pattern=r"^[\w.-]+\.csv$")]
    group: GroupSpec | None = None
    records: list[RecordSpec] = Field(default_factory=list)
    map: MapSpec
    # The story's own words for a status (a treaty says "ratified", not "joined").
    statuses: dict[StatusKind, StatusWords] = Field(default_factory=dict)

    @field_validator("languages")
    @classmethod
    def _one_entry_per_language(cls, languages: list[LanguageSpec]) -> list[LanguageSpec]:
        codes = [spec.code for spec in languages]
        repeated = sorted({code for code in codes if codes.count(code) > 1})
        if repeated:
            raise ValueError(f"{repeated[0]!r} is listed twice")
        return languages

    @field_validator("records")
    @classmethod
    def _one_entry_per_record_set(cls, records: list[RecordSpec]) -> list[RecordSpec]:
        for what in ("id", "file"):
            values = [getattr(spec, what) for spec in records]
            repeated = sorted({v for v in values if values.count(v) > 1})
            if repeated:
                raise ValueError(f"two record sets have the {what} {repeated[0]!r}")
        return records

    @property
    def codes(self) -> tuple[str, ...]:
        """The story's language codes, the first being its home language."""
        return tuple(spec.code for spec in self.languages)

    def home(self, lang: str) -> str:
        """The notebook shown at ``/`` in ``lang``."""
        return self.notebooks.home[lang]

    def served(self) -> list[str]:
        """Every notebook a server renders: the home pages, then the others."""
        return [*dict.fromkeys([*self.notebooks.home.values(), *self.notebooks.also])]
