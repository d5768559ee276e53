"""The linked dashboard: timeline, map, quote cards, members table, language switch."""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import plotly.graph_objects as go
import traitlets

from ._dataset import Dataset
from ._html import HTMLFragment
from ._i18n import check_lang, translations
from ._labels import legend_html
from ._loading import load_dataset
from ._map import base_figure, frame_title, legend_kinds, update_map
from ._quotes import quote_cards
from ._table import csv_download_link, members_table
from ._timeline import Timeline, event_date_label, event_record, timeline_labels

logger = logging.getLogger(__name__)
CSS = (Path(__file__).resolve().parent / "_dashboard.css").read_text(encoding="utf-8")
LANGUAGE_OPTIONS = [("English", "en"), ("Svenska", "sv")]


class LanguageSwitch(widgets.ToggleButtons):  # type: ignore[misc]
    """English / Svenska. A language a browser asks for that we lack is ignored."""

    def set_state(self, sync_data: dict[str, Any]) -> None:
        """Apply state from the front end, refusing values outside the options."""
        try:
            super().set_state(sync_data)
        except traitlets.TraitError as error:
            logger.warning("language switch: ignoring invalid state %r (%s)", sync_data, error)
            self.send_state()


class Dashboard(widgets.VBox):  # type: ignore[misc]
    """Timeline, map, quote cards and members table, linked; see :func:`dashboard`."""

    def __init__(self, dataset: Dataset, lang: str = "en") -> None:
        self.dataset = dataset
        self.lang = check_lang(lang)
        first = dataset.events[0]
        self.errors = widgets.Output(layout={"border": "0"})
        self.heading = widgets.HTML()
        self.language = LanguageSwitch(
            options=LANGUAGE_OPTIONS, value=lang, style={"button_width": "7em"}
        )
        self.timeline = Timeline(
            events=[event_record(dataset, e, lang) for e in dataset.events],
            labels=timeline_labels(lang),
            selected=first.id,
        )
        figure = base_figure(dataset, lang, first.last_day)
        # In the dashboard the legend goes under the map: the column is narrower.
        figure.update_layout(
            height=360,
            margin={"t": 70, "b": 5},
            showlegend=False,  # the HTML legend below the map takes less room
            title={"font": {"size": 20}, "y": 0.95},
            yaxis={"constraintoward": "top"},
        )
        # The first state goes in before the widget exists: updates made before a
        # front end renders the widget are not replayed to it.
        label = event_date_label(first, lang)
        title = frame_title(dataset, first.last_day, lang, label)
        update_map(figure, dataset, first.last_day, lang, title)
        figure.update_layout(autosize=True)
        self.map = go.FigureWidget(figure)
        # Follow the width of the grid column (plotly otherwise keeps its first width).
        self.map._config = {"responsive": True, "displaylogo": False}
        self.quotes = widgets.HTML()
        self.legend = widgets.HTML()
        self.table = widgets.HTML()
        self.download = widgets.HTML()

        self.language.observe(self._guard(self._on_language), names=["value"])
        self.timeline.observe(self._guard(self._on_selected), names=["selected"])

        header = widgets.HBox(
            [self.heading, self.language],
            layout={"justify_content": "space-between", "align_items": "center"},
        )
        # Three columns, so that a 1280x720 projector shows the timeline, the map and
        # the quote cards together; narrower screens get two (see _dashboard.css).
        body = widgets.GridBox(
            [self.timeline, widgets.VBox([self.map, self.legend]), self.quotes],
            layout={
                "grid_template_columns": "minmax(15rem, 24%) minmax(0, 1fr) minmax(15rem, 26%)",
                "grid_gap": "0.8rem",
            },
        )
        body.add_class("gaexp-body")
        self.quotes.add_class("gaexp-quotes-column")
        members = widgets.VBox([self.download, self.table])
        super().__init__(
            [widgets.HTML(f"<style>{CSS}</style>"), header, self.errors, body, members]
        )
        self.add_class("gaexp-dashboard")
        self._relabel()
        self._show_event(None)  # the map already shows the first event

    # -- callbacks -------------------------------------------------------------------

    def _guard(self, callback: Callable[[dict[str, Any]], None]) -> Callable[..., None]:
        """Run ``callback``; show a failure in the visible error area, never swallow it."""

        @functools.wraps(callback)
        def run(change: dict[str, Any]) -> None:
            try:
                callback(change)
            except Exception as error:
                logger.exception("dashboard update failed")
                message = translations(self.lang).gettext("The view could not be updated: {error}")
                self.errors.append_display_data(
                    HTMLFragment(
                        f'<p class="gaexp-error" role="alert">'
                        f"{html.escape(message.format(error=error))}</p>"
                    )
                )

        return run

    def _on_selected(self, change: dict[str, Any]) -> None:
        self._show_event(self.map)

    def _on_language(self, change: dict[str, Any]) -> None:
        # LanguageSwitch only takes values among its options, so this is "en" or "sv".
        self.lang = change["new"]
        self.timeline.labels = timeline_labels(self.lang)
        self.timeline.events = [
            event_record(self.dataset, e, self.lang) for e in self.dataset.events
        ]
        self._relabel()
        self._show_event(self.map)

    def _relabel(self) -> None:
        """Set what depends on the language only: heading, legend, download link."""
        _ = translations(self.lang).gettext
        title = html.escape(_("Global Alliance against Child Sexual Abuse Online"))
        self.heading.value = f"<h1>{title}</h1>"
        self.legend.value = legend_html(legend_kinds(self.dataset), self.lang)
        self.download.value = csv_download_link(self.dataset, self.lang)

    def _show_event(self, figure: go.Figure | None) -> None:
        """Bring the map (if given), quote cards and table to the selected event."""
        _ = translations(self.lang).gettext
        event = self.dataset.event(self.timeline.selected)
        on = event.last_day
        label = event_date_label(event, self.lang)
        if figure is not None:
            title = frame_title(self.dataset, on, self.lang, label)
            update_map(figure, self.dataset, on, self.lang, title)
        self.quotes.value = quote_cards(self.dataset, event.id, self.lang)
        members = html.escape(_("Members"))
        self.table.value = (
            f'<section class="gaexp-members"><h3>{members}</h3>'
            f"{members_table(self.dataset, on, self.lang, label)}</section>"
        )

    def __repr__(self) -> str:
        # The plain form a notebook stores: what a reader without a kernel sees.
        _ = translations(self.lang).gettext
        return _("Interactive dashboard (timeline, map, quotes): run the notebook to use it.")

    # -- Python API ------------------------------------------------------------------

    def select(self, event_id: str) -> None:
        """Show the event ``event_id`` (as clicking it in the timeline would)."""
        self.dataset.event(event_id)  # KeyError for an unknown id
        self.timeline.selected = event_id

    def set_language(self, lang: str) -> None:
        """Switch every visible string to ``lang`` (``"en"`` or ``"sv"``)."""
        self.language.value = check_lang(lang)


def dashboard(dataset: Dataset | None = None, lang: str = "en") -> Dashboard:
    """The explainer's linked dashboard as an ipywidgets widget.

    Parameters
    ----------
    dataset : Dataset, optional
        By default the project's ``data/``.
    lang : {"en", "sv"}
        The language to start in; the switch in the header changes it in place.

    Returns
    -------
    Dashboard
        An ``ipywidgets.VBox``: header with a language switch, the timeline beside the
        map and the quote cards, then the members table with a CSV download. Selecting
        an event moves the map, the cards and the table to that date.

    Examples
    --------
    >>> board = dashboard(lang="en")
    >>> board.select("canada-2013")
    >>> "CAN" in board.dataset.members_on(board.dataset.event("canada-2013").last_day)
    True
    """
    return Dashboard(dataset if dataset is not None else load_dataset(), lang)
