"""The map's data: a flat Equal Earth map as plotly traces, its views and headlines.

It draws filled ``scatter`` traces on plain axes from the project's own projected
geometry. Plotly's geo subplots would fetch base-map topojson from a CDN (and draw
nothing offline), so none is used. The figure built here is data for the front end
(``front/map.js``), which draws and recolours it; nothing here draws.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from ..language._i18n import format_day, translations
from ..model._dataset import Dataset
from ..model._schema import ReportedCount
from ..model._status import StatusKind
from ._geometry import Shape, extent, globe_outline, project, projected_shapes
from ._labels import ORDER, STYLES, count_sentence

OCEAN = "#F2F6F9"
COAST = "#C5D0DA"
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"


@dataclass(frozen=True)
class ViewBox:
    """A view of the map in projected km: its centre and half width and height."""

    id: str
    name: str
    cx: float
    cy: float
    half_width: float
    half_height: float

    @property
    def x_range(self) -> list[float]:
        """The x-axis range the view asks for."""
        return [self.cx - self.half_width, self.cx + self.half_width]

    @property
    def y_range(self) -> list[float]:
        """The y-axis range the view asks for."""
        return [self.cy - self.half_height, self.cy + self.half_height]

    def km_per_px(self, plot_px: tuple[float, float]) -> float:
        """Map scale on a plot area of ``plot_px`` (width, height), the view fitted in."""
        return max(2 * self.half_width / plot_px[0], 2 * self.half_height / plot_px[1])


def view_boxes(dataset: Dataset, lang: str) -> list[ViewBox]:
    """The dataset's map views (``map.views`` in ``story.yml``) in projected kilometres."""
    x0, y0, x1, y1 = extent(projected_shapes(dataset))
    boxes = []
    for view in dataset.views:
        cx, cy = project(*view.centre)
        boxes.append(
            ViewBox(
                view.id,
                view.name.get(lang),
                cx,
                cy,
                (x1 - x0) / 2 / view.scale * 1.02,
                (y1 - y0) / 2 / view.scale * 1.02,
            )
        )
    return boxes


def fill_style(kind: StatusKind) -> dict[str, Any]:
    """The fill, pattern and outline of a country with a status."""
    style = STYLES[kind]
    return {
        "fillcolor": style.fill,
        "fillpattern": {
            "shape": style.pattern,
            "fgcolor": style.line,
            "bgcolor": style.fill,
            "size": 7,
            "solidity": 0.35,
        },
        "line": {"color": style.line, "width": 0.8, "dash": style.dash},
    }


def map_title(
    dataset: Dataset,
    on: dt.date,
    lang: str,
    label: str | None = None,
    count: ReportedCount | None = None,
) -> tuple[str, str]:
    """The map's headline on ``on`` and a second line (or ``""``), as plain text.

    The headline gives the date and the number of known members (those a source
    names). ``count``, a count a source reports without names, is never turned into
    members: where it differs, the headline gives both numbers, and the second line says
    whose count it is. ``label`` replaces the formatted date (an event's "December
    2013", say).
    """
    _ = translations(lang).gettext
    when = label or format_day(on, lang)
    if on < dataset.start:
        title = _("{date}: before the record begins ({start})").format(
            date=when, start=format_day(dataset.start, lang)
        )
        return title, ""
    members = len(dataset.members_on(on))
    last = dataset.lists[-1] if dataset.lists else None
    if count is not None and count.count != members:
        title = _("{date}: {reported} countries reported, {count} known by name").format(
            date=when, reported=count.count, count=members
        )
    elif any(lst.date == on for lst in dataset.lists):
        title = _("{date}: {count} countries").format(date=when, count=members)
    elif (
        last is not None
        and on > last.date
        and not any(last.date < c.date <= on for c in dataset.changes)
    ):
        # No source lists the members after the last list: say whose count this is.
        title = _("{date}: {count} countries in the latest list ({list_date})").format(
            date=when, count=members, list_date=format_day(last.date, lang)
        )
    else:
        title = _("{date}: {count} known members").format(date=when, count=members)
    if count is None:
        return title, ""
    # The source's short name carries its date, so the sentence needs no other.
    note = f"{count_sentence(dataset, count, lang)}."
    if count.note is not None:
        note += f" {count.note.get(lang)}"
    return title, note


def legend_kinds(dataset: Dataset) -> list[StatusKind]:
    """The statuses any country has on any step or event date, in legend order."""
    days = {*dataset.steps, *(e.last_day for e in dataset.events)}
    used = {s.kind for day in days for s in dataset.statuses_on(day).values()}
    return [k for k in ORDER if k in used]


def _backdrop(
    xs: Sequence[float | None],
    ys: Sequence[float | None],
    fill: str,
    line: dict[str, Any],
    name: str,
) -> go.Scatter:
    """A filled shape with no hover and no legend entry (ocean, non-member countries)."""
    return go.Scatter(
        x=xs, y=ys, mode="lines", fill="toself", fillcolor=fill, line=line,
        hoverinfo="skip", showlegend=False, name=name,
    )  # fmt: skip


def _joined(shapes: Iterable[Shape]) -> tuple[list[float | None], list[float | None]]:
    xs: list[float | None] = []
    ys: list[float | None] = []
    for shape in shapes:
        xs += [*shape.xs, None]
        ys += [*shape.ys, None]
    return xs, ys


def base_figure(dataset: Dataset, lang: str, on: dt.date) -> go.Figure:
    """The map's shapes, coloured for the membership on ``on``, with no hover or title.

    Traces: the ocean, the countries in no list (one trace), one trace per listed
    country (``customdata=[iso3]``), then an empty trace for small-state markers.
    ``layout.meta`` maps each listed country to its trace index (``countries``) and
    names the marker trace (``markers``).
    """
    dataset.language(lang)
    statuses = dataset.statuses_on(on)
    shapes = projected_shapes(dataset)
    fig = go.Figure()
    ocean_x, ocean_y = globe_outline()
    fig.add_trace(_backdrop(ocean_x, ocean_y, OCEAN, {"color": COAST, "width": 1}, "ocean"))
    others_x, others_y = _joined(s for s in shapes if s.iso3 not in dataset.countries)
    other = STYLES[StatusKind.NOT_MEMBER].fill
    line = {"color": "#FFFFFF", "width": 0.5}
    fig.add_trace(_backdrop(others_x, others_y, other, line, "other countries"))
    country_index = {}
    for shape in shapes:
        if shape.iso3 is None or shape.iso3 not in dataset.countries:
            continue
        country_index[shape.iso3] = len(fig.data)
        fig.add_trace(
            go.Scatter(
                x=shape.xs,
                y=shape.ys,
                mode="lines",
                fill="toself",
                hoverinfo="skip",
                name=dataset.countries[shape.iso3].name(lang),
                customdata=[shape.iso3],
                showlegend=False,
                meta={"iso3": shape.iso3, "status": statuses[shape.iso3].kind.value},
                **fill_style(statuses[shape.iso3].kind),
            )
        )
    marker_index = len(fig.data)
    fig.add_trace(
        go.Scatter(
            x=[], y=[], mode="markers", hoverinfo="skip", showlegend=False,
            name="small countries", marker={"line": {"color": "#222222", "width": 1.2}},
        )
    )  # fmt: skip
    first = view_boxes(dataset, lang)[0]
    fig.update_layout(
        font={"family": FONT, "size": 15, "color": "#222222"},
        xaxis={"visible": False, "range": first.x_range, "constrain": "domain",
               "fixedrange": True},
        # scaleanchor: one km is as long across as it is up, as the projection needs.
        yaxis={"visible": False, "range": first.y_range, "constrain": "domain",
               "scaleanchor": "x", "scaleratio": 1, "fixedrange": True},
        template="none",
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        margin={"l": 4, "r": 4, "t": 4, "b": 4},
        showlegend=False,
        hovermode=False,
        dragmode=False,
        meta={"lang": lang, "countries": country_index, "markers": marker_index},
    )  # fmt: skip
    return fig
