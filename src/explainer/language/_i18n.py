"""Interface strings (gettext catalogs, compiled by Babel) and dates in a story's languages."""

from __future__ import annotations

import datetime as dt
import gettext
import io
from functools import cache
from pathlib import Path

from babel.dates import format_date, format_interval, format_skeleton

from ..model._dates import PartialDate
from ..model._schema import Event
from ._languages import LOCALES, STORY_CATALOGS

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "explainer"


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a language the engine or the story's catalog speaks.

    Raises
    ------
    ValueError
        For any other value.

    """
    if lang not in LOCALES:
        raise ValueError(f"lang must be one of {', '.join(LOCALES)}, not {lang!r}")
    return lang


def translations(lang: str) -> gettext.NullTranslations:
    """The interface catalog for ``lang``: the story's own first, then the engine's.

    English is the source language: a string no catalog translates stays English.
    """
    return _translations(check_lang(lang), STORY_CATALOGS.get(lang))


@cache
def _translations(lang: str, story_catalog: bytes | None) -> gettext.NullTranslations:
    engine: gettext.NullTranslations = (
        gettext.NullTranslations()
        if lang == "en"
        else gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
    )
    if story_catalog is None:
        return engine
    own = gettext.GNUTranslations(io.BytesIO(story_catalog))
    own.add_fallback(engine)
    return own


def format_day(day: dt.date, lang: str, length: str = "long") -> str:
    """A day in words: "5 December 2012" (``length="medium"``: "5 Dec 2012")."""
    text = str(format_date(day, format=length, locale=LOCALES[lang]))
    # CLDR abbreviates September "sep." in Swedish; Swedish style guides write "sept.".
    return text.replace(" sep. ", " sept. ") if lang == "sv" else text


def format_partial(date: PartialDate, lang: str) -> str:
    """A date as precise as it is known: "December 2013", "2016", or a day."""
    if date.precision == "day":
        return format_day(date.first, lang)
    if date.precision == "month":
        return str(format_skeleton("yMMMM", date.first, locale=LOCALES[lang]))
    return str(date.year)


def format_range(start: dt.date, end: dt.date, lang: str) -> str:
    """A span of days: "20 – 21 June 2012", "20–21 juni 2012"."""
    locale = LOCALES[lang]
    if start.year != end.year:
        return str(format_interval(start, end, skeleton="yMMMd", locale=locale))
    # CLDR has no yMMMMd interval: format the days and months, then add the year.
    days = format_interval(start, end, skeleton="MMMMd", locale=locale)
    return f"{days} {start.year}"


def event_date_label(event: Event, lang: str) -> str:
    """An event's date as precise as the sources give it: "20 – 21 June 2012"."""
    if event.precision == "range" and event.end is not None:
        return format_range(event.date.first, event.end, lang)
    if event.precision == "day":
        return format_day(event.date.first, lang)
    return format_partial(event.date, lang)
