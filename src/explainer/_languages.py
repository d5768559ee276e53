"""The languages the explainer speaks, and the locale of each (for Babel)."""

from __future__ import annotations

LANGUAGES = ("en", "sv")
LOCALES = {"en": "en_GB", "sv": "sv_SE"}
