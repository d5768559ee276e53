"""The membership map: a flat Equal Earth world map with one frame per membership step.

It draws filled ``scatter`` traces on plain axes from the project's own projected
geometry. Plotly's geo subplots would fetch base-map topojson from a CDN (and draw
nothing offline), so none is used.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from ._dataset import Dataset
from ._geometry import Shape, globe_outline, projected_shapes
from ._i18n import check_lang, format_day, format_partial, translations
from ._labels import ORDER, STYLES, hover_html, status_name
from ._loading import load_dataset
from ._status import CountryStatus, StatusKind

OCEAN = "#F2F6F9"
COAST = "#C5D0DA"
Y_RANGE = (-6750.0, 8700.0)  # km: from south of Cape Horn to north of Greenland
X_RANGE = (-17300.0, 17300.0)
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"


def _fill_style(status: CountryStatus) -> dict[str, Any]:
    style = STYLES[status.kind]
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


def _country_update(dataset: Dataset, status: CountryStatus, lang: str) -> dict[str, Any]:
    return {
        **_fill_style(status),
        "text": hover_html(dataset, status, lang),
        "meta": {"iso3": status.iso3, "status": status.kind.value},
    }


def _marker_update(
    dataset: Dataset, shapes: list[Shape], statuses: dict[str, CountryStatus], lang: str
) -> dict[str, Any]:
    kinds = [statuses[s.iso3].kind for s in shapes if s.iso3]
    return {
        "marker": {
            "color": [STYLES[k].fill for k in kinds],
            "symbol": [STYLES[k].symbol for k in kinds],
            "line": {"color": "#222222", "width": 1.2},
            "size": 11,
        },
        "text": [hover_html(dataset, statuses[s.iso3], lang) for s in shapes if s.iso3],
        "meta": {"status": [k.value for k in kinds]},
    }


def frame_title(dataset: Dataset, on: dt.date, lang: str, label: str | None = None) -> str:
    """The headline of the map on ``on``: the date and the count the sources support.

    ``label`` replaces the formatted date (an event's "December 2013", say).
    """
    _ = translations(lang).gettext
    when = label or format_day(on, lang)
    if on < dataset.launch:
        return _("{date}: before the launch ({launch})").format(
            date=when, launch=format_day(dataset.launch, lang)
        )
    members = dataset.members_on(on)
    on_list = any(lst.date == on for lst in dataset.lists)
    template = (
        _("{date}: {count} countries") if on_list else _("{date}: {count} countries on record")
    )
    title = template.format(date=when, count=len(members))
    reported = dataset.reported_count(on)
    if reported is not None:
        source = dataset.sources[reported.sources[0]].short
        note = _("{source} reports {count} ({date}) without naming them").format(
            source=source, count=reported.count, date=format_partial(reported.date, lang)
        )
        title += f"<br><span style='font-size:15px'>{html.escape(note)}</span>"
    return title


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


def base_figure(dataset: Dataset, lang: str, on: dt.date) -> go.Figure:
    """The map without frames or slider, showing the membership on ``on``.

    ``layout.meta`` maps each listed country to its trace index (``countries``) and
    names the marker trace (``markers``) and the legend traces (``legend``).
    """
    check_lang(lang)
    first = dataset.statuses_on(on)
    shapes = projected_shapes(dataset)
    listed = [s for s in shapes if s.iso3 in dataset.countries]
    small = [s for s in listed if s.is_small]
    fig = go.Figure()
    ocean_x, ocean_y = globe_outline()
    fig.add_trace(_backdrop(ocean_x, ocean_y, OCEAN, {"color": COAST, "width": 1}, "ocean"))
    background_x: list[float | None] = []
    background_y: list[float | None] = []
    for shape in shapes:
        if shape.iso3 not in dataset.countries:
            background_x += [*shape.xs, None]
            background_y += [*shape.ys, None]
    other = STYLES[StatusKind.NOT_MEMBER].fill
    line = {"color": "#FFFFFF", "width": 0.5}
    fig.add_trace(_backdrop(background_x, background_y, other, line, "other countries"))
    country_index = {}
    for shape in listed:
        assert shape.iso3 is not None
        country_index[shape.iso3] = len(fig.data)
        fig.add_trace(
            go.Scatter(
                x=shape.xs,
                y=shape.ys,
                mode="lines",
                fill="toself",
                hoveron="fills",
                hoverinfo="text",
                name=dataset.countries[shape.iso3].name(lang),
                customdata=[shape.iso3],
                showlegend=False,
                **_country_update(dataset, first[shape.iso3], lang),
            )
        )
    marker_index = len(fig.data)
    fig.add_trace(
        go.Scatter(
            x=[s.anchor[0] for s in small],
            y=[s.anchor[1] for s in small],
            mode="markers",
            customdata=[s.iso3 for s in small],
            hovertemplate="%{text}<extra></extra>",
            showlegend=False,
            name="small countries",
            **_marker_update(dataset, small, first, lang),
        )
    )
    legend_index = {}
    for kind in legend_kinds(dataset):
        legend_index[kind.value] = len(fig.data)
        style = STYLES[kind]
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines+markers",
                fill="toself",
                name=status_name(kind, lang),
                marker={
                    "symbol": style.symbol,
                    "color": style.fill,
                    "size": 11,
                    "line": {"color": "#222222", "width": 1.2},
                },
                hoverinfo="skip",
                legendgroup=kind.value,
                **_fill_style(CountryStatus("", on, kind)),
            )
        )

    fig.update_layout(
        title={
            "text": frame_title(dataset, on, lang),
            "x": 0.02,
            "xanchor": "left",
            "y": 0.965,
            "yanchor": "top",
            "yref": "container",
            "font": {"size": 24},
        },
        font={"family": FONT, "size": 15, "color": "#222222"},
        # constrain="domain": keep the whole world in view and shrink the plot area to
        # the map's aspect ratio instead of cropping the poles.
        xaxis={"visible": False, "range": X_RANGE, "constrain": "domain"},
        yaxis={
            "visible": False,
            "range": Y_RANGE,
            "scaleanchor": "x",
            "scaleratio": 1,
            "constrain": "domain",
        },
        template="none",
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        margin={"l": 10, "r": 10, "t": 175, "b": 10},
        height=680,
        hoverlabel={"font": {"size": 15, "family": FONT}, "align": "left"},
        # The legend runs under the title, above the map, so it hides no country.
        legend={
            "orientation": "h",
            "x": 0.0,
            "y": 1.0,
            "xanchor": "left",
            "yanchor": "bottom",
            "font": {"size": 15},
            "itemsizing": "constant",
            "itemwidth": 40,
            "itemclick": False,
            "itemdoubleclick": False,
        },
        dragmode="pan",
        meta={
            "lang": lang,
            "countries": country_index,
            "markers": marker_index,
            "legend": legend_index,
        },
    )
    return fig


def legend_kinds(dataset: Dataset) -> list[StatusKind]:
    """The statuses any country has on any step or event date, in legend order."""
    days = {*dataset.steps, *(e.last_day for e in dataset.events)}
    used = {s.kind for day in days for s in dataset.statuses_on(day).values()}
    return [k for k in ORDER if k in used]


def update_map(
    fig: go.Figure, dataset: Dataset, on: dt.date, lang: str, title: str | None = None
) -> None:
    """Restyle ``fig`` (from :func:`base_figure`) in place to the membership on ``on``.

    Every visible string follows ``lang``; with a ``FigureWidget`` this is one batched
    update, not a new figure.
    """
    meta = fig.layout.meta
    statuses = dataset.statuses_on(on)
    shapes = {s.iso3: s for s in projected_shapes(dataset)}
    small = [shapes[code] for code in fig.data[meta["markers"]].customdata]
    with fig.batch_update():
        for iso3, index in meta["countries"].items():
            fig.data[index].update(
                name=dataset.countries[iso3].name(lang),
                **_country_update(dataset, statuses[iso3], lang),
            )
        fig.data[meta["markers"]].update(**_marker_update(dataset, small, statuses, lang))
        for kind, index in meta["legend"].items():
            fig.data[index].name = status_name(StatusKind(kind), lang)
        fig.layout.title.text = title or frame_title(dataset, on, lang)
        fig.layout.meta = {**meta, "lang": lang}


def membership_map(dataset: Dataset | None = None, lang: str = "en") -> go.Figure:
    """A world map of the alliance's members, one frame per membership step.

    Parameters
    ----------
    dataset : Dataset, optional
        By default the project's ``data/``.
    lang : {"en", "sv"}
        Language of every label.

    Returns
    -------
    plotly.graph_objects.Figure
        Filled scatter traces on an Equal Earth projection; each country in any list is
        its own trace (``customdata=[iso3]``), small members also get a marker. Frames
        are named by ISO date; a slider and play/pause step through them.

    Examples
    --------
    >>> fig = membership_map(lang="sv")
    >>> [frame.name for frame in fig.frames][:2]
    ['2012-12-05', '2013-06-17']

    """
    dataset = dataset if dataset is not None else load_dataset()
    _ = translations(check_lang(lang)).gettext
    steps = dataset.steps
    statuses = {day: dataset.statuses_on(day) for day in steps}
    fig = base_figure(dataset, lang, steps[0])
    country_index = fig.layout.meta["countries"]
    marker_index = fig.layout.meta["markers"]
    shapes = {s.iso3: s for s in projected_shapes(dataset)}
    small = [shapes[code] for code in fig.data[marker_index].customdata]

    # A frame carries only the traces that differ between frames: most founding members
    # look the same throughout, and leaving them out keeps the figure small.
    updates = {
        day: {
            iso3: _country_update(dataset, s, lang)
            for iso3, s in statuses[day].items()
            if iso3 in country_index
        }
        for day in steps
    }
    changing = sorted(
        (
            iso3
            for iso3 in country_index
            if any(updates[d][iso3] != updates[steps[0]][iso3] for d in steps)
        ),
        key=country_index.__getitem__,
    )
    frames = []
    for day in steps:
        frames.append(
            go.Frame(
                name=day.isoformat(),
                traces=[*(country_index[iso3] for iso3 in changing), marker_index],
                data=[
                    *(go.Scatter(**updates[day][iso3]) for iso3 in changing),
                    go.Scatter(**_marker_update(dataset, small, statuses[day], lang)),
                ],
                layout={"title": {"text": frame_title(dataset, day, lang)}},
            )
        )
    fig.frames = frames

    # redraw=True: without it plotly leaves each frame's title unapplied.
    animate = {
        "mode": "immediate",
        "frame": {"duration": 0, "redraw": True},
        "transition": {"duration": 0},
    }
    play = {**animate, "frame": {"duration": 1600, "redraw": True}, "fromcurrent": True}
    fig.update_layout(
        margin={"b": 110},
        height=780,
        sliders=[
            {
                "active": 0,
                "x": 0.23,
                "len": 0.72,
                "y": 0,
                "yanchor": "top",
                "pad": {"t": 10},
                "currentvalue": {"prefix": _("Date: "), "font": {"size": 16}},
                "steps": [
                    {
                        "label": format_day(day, lang, "medium"),
                        "method": "animate",
                        "args": [[day.isoformat()], animate],
                    }
                    for day in steps
                ],
            }
        ],
        updatemenus=[
            {
                "type": "buttons",
                "direction": "left",
                "x": 0.0,
                "y": 0,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": 20, "r": 10},
                "showactive": False,
                "buttons": [
                    {"label": "▶ " + _("Play"), "method": "animate", "args": [None, play]},
                    {
                        "label": "❚❚ " + _("Pause"),
                        "method": "animate",
                        "args": [[None], {**animate, "mode": "immediate"}],
                    },
                ],
            }
        ],
    )
    return fig
