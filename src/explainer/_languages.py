"""The languages the engine speaks, and the locale each story formats them in.

The engine ships interface strings (gettext catalogs) for the languages in
``ENGINE_LANGUAGES``; a story (``story.yml``) picks some of them and may name the
locale of each (``en_US`` rather than ``en_GB``, say), which :func:`use_locale`
records for the date formatting of that language.
"""

from __future__ import annotations

ENGINE_LANGUAGES = {"en": "en_GB", "sv": "sv_SE"}  # code -> default locale
LANGUAGES = tuple(ENGINE_LANGUAGES)  # when no story says otherwise
LOCALES = dict(ENGINE_LANGUAGES)  # code -> the locale dates are formatted in


def use_locale(lang: str, locale: str) -> None:
    """Format dates in ``lang`` with ``locale`` from now on (a story's choice)."""
    LOCALES[lang] = locale
