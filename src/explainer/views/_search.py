"""What a reader may type to find a country.

Its names in the story's languages, its ISO 3166 names and codes, and a few common other
names (``data/aliases.yml``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pycountry
import yaml

from ..model._dataset import Dataset

ALIASES = Path(__file__).resolve().parents[1] / "data" / "aliases.yml"


@cache
def _aliases() -> dict[str, list[str]]:
    loaded = yaml.safe_load(ALIASES.read_text(encoding="utf-8")) or {}
    return {str(code): [str(name) for name in names] for code, names in loaded.items()}


def search_terms(dataset: Dataset, iso3: str) -> list[str]:
    """Every name a reader might type for ``iso3``, each once, the story's own first."""
    country = dataset.countries[iso3]
    terms = [country.name(lang) for lang in dataset.languages]
    record = pycountry.countries.get(alpha_3=iso3)
    if record is not None:
        for field in ("name", "common_name", "official_name", "alpha_2"):
            value = getattr(record, field, None)
            if value:
                terms.append(str(value))
    terms += [iso3, *_aliases().get(iso3, [])]
    return list(dict.fromkeys(terms))
