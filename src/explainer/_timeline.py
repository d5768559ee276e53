"""The timeline widget: every event, keyboard-driven, with a play control."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from ._dataset import Dataset
from ._i18n import format_day, format_partial, format_range, translations
from ._schema import Event

logger = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent


def event_date_label(event: Event, lang: str) -> str:
    """An event's date as precise as the sources give it: "20 – 21 June 2012"."""
    if event.precision == "range" and event.end is not None:
        return format_range(event.date.first, event.end, lang)
    if event.precision == "day":
        return format_day(event.date.first, lang)
    return format_partial(event.date, lang)


def event_record(dataset: Dataset, event: Event, lang: str) -> dict[str, Any]:
    """What the front end shows of ``event``: plain strings, never HTML."""
    date = event_date_label(event, lang)
    sources = [
        {"label": dataset.sources[s].short, "url": dataset.sources[s].url or ""}
        for s in event.sources
    ]
    return {
        "id": event.id,
        "date": date,
        "title": event.title.get(lang),
        "text": event.text.get(lang),
        "place": event.place.get(lang) if event.place else "",
        "sources": sources,
        "announce": f"{date}: {event.title.get(lang)}.",
    }


def timeline_labels(lang: str) -> dict[str, str]:
    """The timeline's interface strings in ``lang``."""
    _ = translations(lang).gettext
    return {
        "heading": _("Timeline"),
        "play": _("Play"),
        "pause": _("Pause"),
        "sources": _("Sources"),
        "help": _("Click an event, or use the arrow keys, Home and End in the list."),
    }


class Timeline(anywidget.AnyWidget):
    """Every event in date order; ``selected`` is the id of the event on show.

    A value of ``selected`` that names no event (from a browser, say) is refused with a
    logged warning, and the previous selection stays.
    """

    _esm = HERE / "_timeline.js"
    _css = HERE / "_timeline.css"

    events = traitlets.List(traitlets.Dict()).tag(sync=True)
    selected = traitlets.Unicode("").tag(sync=True)
    playing = traitlets.Bool(False).tag(sync=True)
    interval_ms = traitlets.Int(4000).tag(sync=True)
    labels = traitlets.Dict().tag(sync=True)

    _last_valid = ""

    @traitlets.validate("selected")
    def _known_event(self, proposal: dict[str, Any]) -> str:
        value = str(proposal["value"])
        if value in {e["id"] for e in self.events}:
            self._last_valid = value
            return value
        logger.warning("timeline: ignoring unknown event id %r", value)
        # Tell the browser the selection did not change (sent once the update ends).
        self.send_state("selected")
        return self._last_valid
