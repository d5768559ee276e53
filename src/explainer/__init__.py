"""An engine for sourced membership stories: a map, a timeline and quotes, offline.

A story is a folder (``story.yml``, ``data/``, ``notebooks/``) that the engine finds from
``--project``, ``$EXPLAINER_PROJECT`` or the working directory upward.
"""

import importlib
import importlib.metadata
from typing import TYPE_CHECKING

from .model._dataset import Dataset
from .model._status import CountryStatus, StatusKind
from .reading._errors import DataError, Problem
from .reading._loading import load_dataset
from .reading._project import Project, load_project

if TYPE_CHECKING:
    from .views._linked_view import LinkedView, dashboard
    from .views._story import (
        all_quotes,
        caveats,
        country_notes,
        events_table,
        members_on_list,
        open_questions,
        records_table,
        sources_list,
    )

# The views load plotly, geopandas and the widget stack (about a second): imported when
# first used, so that `explainer validate` after a CSV edit stays quick.
_VIEWS = {
    "LinkedView": "views._linked_view", "dashboard": "views._linked_view",
    **{name: "views._story" for name in ("all_quotes", "caveats", "country_notes", "events_table",
                                   "members_on_list", "open_questions", "records_table",
                                   "sources_list")},
}  # fmt: skip


def __getattr__(name: str) -> object:
    """Import a view on first use (PEP 562)."""
    if name not in _VIEWS:
        raise AttributeError(f"module 'explainer' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_VIEWS[name]}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "CountryStatus",
    "DataError",
    "Dataset",
    "LinkedView",
    "Problem",
    "Project",
    "StatusKind",
    "all_quotes",
    "caveats",
    "country_notes",
    "dashboard",
    "events_table",
    "load_dataset",
    "load_project",
    "members_on_list",
    "open_questions",
    "records_table",
    "sources_list",
]
# One place for the version: the installed distribution's metadata (pyproject.toml).
__version__ = importlib.metadata.version("membership-explainer")


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    """Jupyter Server finds the extension that serves plotly.js here."""
    return [{"module": "explainer.surfaces._static"}]
