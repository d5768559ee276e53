"""The languages a story speaks: the locale of each, and whose interface strings.

The engine ships interface strings (gettext catalogs) for ``ENGINE_LANGUAGES``. A story
(``story.yml``) may speak any language Babel knows: for one the engine has no strings
for, it brings its own catalog (``locale/<code>.po``, the engine's ``explainer.pot``
translated), which :func:`use_language` records with the locale its dates are
formatted in. A story's catalog may also reword the engine's strings in a language the
engine speaks; what it leaves out falls back to the engine's.
"""

from __future__ import annotations

ENGINE_LANGUAGES = {"en": "en_GB", "sv": "sv_SE"}  # code -> default locale
LANGUAGES = tuple(ENGINE_LANGUAGES)  # when no story says otherwise
LOCALES = dict(ENGINE_LANGUAGES)  # code -> the locale dates are formatted in
STORY_CATALOGS: dict[str, bytes] = {}  # code -> a story's own catalog, compiled (.mo)
CATALOG_FOLDER = "locale"  # a story's catalogs: <story>/locale/<code>.po


def default_locale(code: str) -> str:
    """The locale a language's dates are formatted in unless the story names one."""
    return ENGINE_LANGUAGES.get(code, code)


def use_language(code: str, locale: str, catalog: bytes | None = None) -> None:
    """Speak ``code`` from now on: dates in ``locale``, the story's ``catalog`` if any."""
    LOCALES[code] = locale
    if catalog is None:
        STORY_CATALOGS.pop(code, None)
    else:
        STORY_CATALOGS[code] = catalog
