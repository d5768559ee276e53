"""Interface strings: every message in the code has a Swedish translation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo

from explainer.language._i18n import LOCALE_DIR, format_day, format_range, translations

SRC = Path(__file__).resolve().parents[1] / "src" / "explainer"


def test_every_interface_string_is_translated_in_the_compiled_catalog() -> None:
    messages = {msg for _, _, msg, _, _ in extract_from_dir(SRC, [("**.py", "python")])}
    assert len(messages) > 20
    with (LOCALE_DIR / "sv" / "LC_MESSAGES" / "explainer.mo").open("rb") as handle:
        catalog = read_mo(handle)
    missing = sorted(m for m in messages if not ((found := catalog.get(m)) and found.string))
    assert missing == [], "run `make i18n` and translate these in explainer.po"


def test_swedish_catalog_is_used() -> None:
    assert translations("sv").gettext("Not a member") == "Inte medlem"
    assert translations("en").gettext("Not a member") == "Not a member"


def test_dates_follow_the_language() -> None:
    assert format_day(dt.date(2013, 6, 17), "en") == "17 June 2013"
    assert format_day(dt.date(2013, 6, 17), "sv") == "17 juni 2013"
    assert format_range(dt.date(2012, 6, 20), dt.date(2012, 6, 21), "sv") == "20–21 juni 2012"
    thin = "\u2009"  # CLDR puts thin spaces around the English dash
    english = format_range(dt.date(2012, 6, 20), dt.date(2012, 6, 21), "en")
    assert english == f"20{thin}–{thin}21 June 2012"
