"""The linked view as a widget: timeline, map, quotes, table, linked in the browser."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import Any, ClassVar

import anywidget
import traitlets

from ..language._i18n import translations
from ..model._dataset import Dataset
from ._islands import MIME_TYPE
from ._moments import view_spec

logger = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parents[1] / "static"
# The only traits a browser may change; the rest is content, set from Python.
BROWSER_WRITABLE = frozenset({"selected", "view"})


def language_links(hrefs: dict[str, str], lang: str) -> list[dict[str, str]]:
    """Links to the other languages' pages, each labelled in its own language."""
    return [
        {"lang": other, "label": translations(other).gettext("In English"), "href": href}
        for other, href in hrefs.items()
        if other != lang
    ]


class LinkedView(anywidget.AnyWidget):
    """Timeline, map, quote cards and members table, linked in the browser.

    Every moment (one per event) is computed in Python beforehand and sent once in
    ``spec``; stepping through the timeline needs no round trip to the kernel. Set
    ``selected`` (an event id) to move the view; observe it to follow the viewer.
    A browser may change only ``selected`` and ``view``, and only to known values.

    Displayed, the view is also an island (``application/vnd.explainer.view+json``)
    that the front end paints before, or without, a kernel; the widget then joins the
    painted view by its ``key``. The key (and the widget's model id) count the views
    made in this kernel, so a notebook run from the start stores the same output every
    time.
    """

    _esm = STATIC / "explainer.js"
    _css = STATIC / "explainer.css"
    _made: ClassVar[itertools.count[int]] = itertools.count(1)

    key = traitlets.Unicode("").tag(sync=True)
    spec = traitlets.Dict().tag(sync=True)
    selected = traitlets.Unicode("").tag(sync=True)
    view = traitlets.Unicode("").tag(sync=True)
    pages = traitlets.List(traitlets.Dict()).tag(sync=True)
    interval_ms = traitlets.Int(4000).tag(sync=True)

    def __init__(self, dataset: Dataset, lang: str | None = None, **kwargs: Any) -> None:
        lang = dataset.language(lang)
        spec = view_spec(dataset, lang)
        self._events = frozenset(e["id"] for e in spec["events"])
        self._views = frozenset(v["id"] for v in spec["views"])
        kwargs.setdefault("pages", language_links(dataset.manifest.notebooks.home, lang))
        key = f"explainer-view-{next(self._made)}"
        kwargs.setdefault("model_id", key)
        super().__init__(
            key=key, spec=spec, selected=spec["default"], view=spec["views"][0]["id"], **kwargs
        )
        self.dataset = dataset
        self.lang = lang

    @traitlets.validate("selected")
    def _known_event(self, proposal: dict[str, Any]) -> str:
        value = str(proposal["value"])
        if value not in self._events:
            raise traitlets.TraitError(f"no event {value!r}")
        return value

    @traitlets.validate("view")
    def _known_view(self, proposal: dict[str, Any]) -> str:
        value = str(proposal["value"])
        if value not in self._views:
            raise traitlets.TraitError(f"no map view {value!r}")
        return value

    def _handle_msg(self, msg: dict[str, Any]) -> None:
        # ipywidgets prints a traceback (with server paths) to the kernel's error stream,
        # which reaches the page, for a message it cannot read: check the shape first.
        content = msg.get("content") if isinstance(msg, dict) else None
        data = content.get("data") if isinstance(content, dict) else None
        # The view sends state updates and asks for state, nothing else; no trait of
        # this widget is binary, so a message never carries buffers.
        if (
            not isinstance(data, dict)
            or data.get("method") not in {"update", "request_state"}
            or "buffer_paths" in data
            or ("state" in data and not isinstance(data["state"], dict))
        ):
            logger.warning("linked view: ignoring a malformed message from the browser")
            return
        super()._handle_msg(msg)

    def set_state(self, sync_data: dict[str, Any]) -> None:
        """Apply state from the browser: known ``selected`` and ``view`` values only."""
        if not isinstance(sync_data, dict):
            logger.warning("linked view: ignoring browser state that is not a mapping")
            return
        refused = set(sync_data) - BROWSER_WRITABLE
        accepted = {k: v for k, v in sync_data.items() if k in BROWSER_WRITABLE}
        try:
            super().set_state(accepted)
        except Exception as error:
            refused |= set(accepted)
            logger.warning("linked view: ignoring browser state (%s)", error)
        if refused:
            logger.warning("linked view: ignoring browser state for %s", sorted(refused))
            self.send_state(sorted(refused & set(self.keys)))

    def select(self, event_id: str) -> None:
        """Show the event ``event_id``, as choosing it in the timeline would.

        Raises
        ------
        KeyError
            For an id that names no event.

        """
        if event_id not in self._events:
            raise KeyError(event_id)
        self.selected = event_id

    def island(self) -> dict[str, Any]:
        """What the front end paints the view from: its key and state, as JSON."""
        state = {name: getattr(self, name) for name in ("spec", "selected", "view", "pages",
                                                        "interval_ms")}  # fmt: skip
        return {"kind": "linked", "key": self.key, "state": state}

    def _repr_mimebundle_(self, **kwargs: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        # anywidget's bundle (the widget view, for front ends without the island's
        # renderer) with the island beside it.
        data, metadata = super()._repr_mimebundle_(**kwargs) or ({}, {})
        return {**data, MIME_TYPE: self.island(), "text/plain": repr(self)}, metadata

    def __repr__(self) -> str:
        # The plain form: what a reader with no renderer for the view sees.
        _ = translations(self.lang).gettext
        events = self.spec["events"]
        return _("A map and a timeline of {count} events, {start} to {end}.").format(
            count=len(events), start=events[0]["date"], end=events[-1]["date"]
        )


def dashboard(dataset: Dataset, lang: str | None = None) -> LinkedView:
    """The explainer's linked view: timeline, map, quote cards and members table.

    Parameters
    ----------
    dataset : Dataset
        The story's data (:func:`explainer.load_dataset`).
    lang : str, optional
        The language of every string (by default the story's first); a link in the view
        opens another language's page at the same moment.

    Returns
    -------
    LinkedView
        An anywidget. Choosing an event (click, arrow keys, Play) moves the map, the
        cards and the table to that date in the browser; ``selected`` follows it.

    Examples
    --------
    >>> import explainer
    >>> view = dashboard(explainer.load_dataset(project="tests/data/tiny"), lang="en")
    >>> view.select("iceland")
    >>> view.selected
    'iceland'

    """
    return LinkedView(dataset, lang)
