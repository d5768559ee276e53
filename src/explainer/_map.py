"""The membership map: a flat Equal Earth map drawn with plotly, and its views.

It draws filled ``scatter`` traces on plain axes from the project's own projected
geometry. Plotly's geo subplots would fetch base-map topojson from a CDN (and draw
nothing offline), so none is used. Two things are built here: the base figure (shapes
and styles, shared with the linked view) and :func:`membership_map`, a figure that works
on its own (a notebook, ``write_html``) with a date slider and view buttons.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from ._dataset import Dataset
from ._geometry import Shape, extent, globe_outline, project, projected_shapes
from ._i18n import format_day, translations
from ._labels import ORDER, STYLES, count_sentence, hover_lines, status_name
from ._loading import load_dataset
from ._status import CountryStatus, StatusKind

OCEAN = "#F2F6F9"
COAST = "#C5D0DA"
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
MARKER_MAX_RADIUS = 6.0  # px
MARKER_MIN_RADIUS = 3.0  # px: plotly never hovers a marker on less than 3 px
TINY_PX = 9.0  # a country narrower and lower than this on screen gets a marker
HOVER_WIDTH = 42  # characters per hover line: the label stays inside a 500 px plot
# The standalone figure's plot area is at least this big; marker sizes are safe above.
STANDALONE_PLOT_PX = (640.0, 330.0)
# Only what works offline: no cloud upload, no selection tools that do nothing here.
MODEBAR_REMOVED = [
    "sendChartToCloud", "sendDataToCloud", "editInChartStudio", "lasso2d", "select2d",
    "zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d",
    "toggleSpikelines", "hoverClosestCartesian", "hoverCompareCartesian",
]  # fmt: skip


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


def axis_ranges(box: ViewBox, first: bool) -> dict[str, Any]:
    """Layout settings that show ``box``.

    The first (widest) view shrinks the plot to the map's shape; zoomed views fill the
    plot area and show more than they ask for rather than less.
    """
    constrain = "domain" if first else "range"
    return {
        "xaxis.range": box.x_range,
        "yaxis.range": box.y_range,
        "xaxis.constrain": constrain,
        "yaxis.constrain": constrain,
    }


def small_state_markers(shapes: Sequence[Shape], km_per_px: float) -> dict[str, float]:
    """Which countries get a marker at a map scale, and its radius in pixels.

    A country gets one where its shape is too small to point at. The radius stays under
    half the distance to any other country's anchor, so a marker never covers the point
    where a neighbour is hovered; where even 3 px would, there is no marker and the
    shape itself (and the nearest-centre rule) names the country.
    """
    anchors = {s.iso3: s.anchor for s in shapes if s.iso3}
    radii = {}
    for shape in shapes:
        if shape.iso3 is None:
            continue
        xs = [x for x in shape.xs if x is not None]
        ys = [y for y in shape.ys if y is not None]
        if max(max(xs) - min(xs), max(ys) - min(ys)) / km_per_px >= TINY_PX:
            continue
        ax, ay = shape.anchor
        nearest = min(
            (math.dist((ax, ay), p) for code, p in anchors.items() if code != shape.iso3),
            default=math.inf,
        )
        radius = min(MARKER_MAX_RADIUS, 0.45 * nearest / km_per_px)
        if radius >= MARKER_MIN_RADIUS:
            radii[shape.iso3] = round(radius, 1)
    return radii


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
    dataset: Dataset, on: dt.date, lang: str, label: str | None = None
) -> tuple[str, str]:
    """The map's headline on ``on`` and a second line (or ``""``), as plain text.

    The headline gives the date and the count of members on record; the second line a
    count a source reports without names, which is never turned into members.
    ``label`` replaces the formatted date (an event's "December 2013", say).
    """
    _ = translations(lang).gettext
    when = label or format_day(on, lang)
    if on < dataset.launch:
        title = _("{date}: before the launch ({launch})").format(
            date=when, launch=format_day(dataset.launch, lang)
        )
        return title, ""
    members = len(dataset.members_on(on))
    last = dataset.lists[-1]
    if any(lst.date == on for lst in dataset.lists):
        title = _("{date}: {count} countries").format(date=when, count=members)
    elif on > last.date and not any(last.date < c.date <= on for c in dataset.changes):
        # No source lists the members after the last list: say whose count this is.
        title = _("{date}: {count} countries in the latest list ({list_date})").format(
            date=when, count=members, list_date=format_day(last.date, lang)
        )
    else:
        title = _("{date}: {count} countries on record").format(date=when, count=members)
    reported = dataset.reported_count(on)
    if reported is None:
        return title, ""
    # The source's short name carries its date, so the sentence needs no other.
    note = f"{count_sentence(dataset, reported, lang)}."
    if reported.note is not None:
        note += f" {reported.note.get(lang)}"
    return title, note


def step_title(dataset: Dataset, on: dt.date, lang: str) -> tuple[str, str]:
    """:func:`map_title` for a slider step, naming the events of that day (why it is a step)."""
    title, subtitle = map_title(dataset, on, lang)
    events = [e.title.get(lang) for e in dataset.events if e.last_day == on]
    return (f"{title} · {'; '.join(events)}" if events else title), subtitle


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
    dataset.check_lang(lang)
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
        if shape.iso3 not in dataset.countries:
            continue
        assert shape.iso3 is not None
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


def _wrap(text: str) -> str:
    lines = textwrap.wrap(text, HOVER_WIDTH, break_long_words=False) or [text]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _legend_traces(dataset: Dataset, lang: str) -> list[go.Scatter]:
    """Empty traces that give the legend a swatch (fill, pattern, marker) per status."""
    traces = []
    for kind in legend_kinds(dataset):
        style = STYLES[kind]
        fill = fill_style(kind)
        if kind is StatusKind.NOT_MEMBER:  # white outlines vanish on a white legend
            fill["line"] = {**fill["line"], "color": "#888888"}
        traces.append(
            go.Scatter(
                x=[None], y=[None], mode="lines+markers", fill="toself",
                name=status_name(dataset, kind, lang), hoverinfo="skip", legendgroup=kind.value,
                marker={"symbol": style.symbol, "color": style.fill, "size": 11,
                        "line": {"color": "#222222", "width": 1.2}},
                **fill,
            )
        )  # fmt: skip
    return traces


def hover_text(dataset: Dataset, status: CountryStatus, lang: str) -> str:
    """Hover text for plotly: the name in bold, then short lines (escaped)."""
    name, *lines = hover_lines(dataset, status, lang)
    return "<br>".join([f"<b>{_wrap(name)}</b>", *(_wrap(line) for line in lines)])


def _country_state(dataset: Dataset, status: CountryStatus, lang: str) -> dict[str, Any]:
    style = STYLES[status.kind]
    return {
        **fill_style(status.kind),
        "text": hover_text(dataset, status, lang),
        "meta": {"iso3": status.iso3, "status": status.kind.value},
        "marker.color": style.fill,
        "marker.symbol": style.symbol,
    }


def _marker_state(
    dataset: Dataset, codes: Sequence[str], statuses: dict[str, CountryStatus], lang: str
) -> dict[str, Any]:
    kinds = [statuses[code].kind for code in codes]
    return {
        **fill_style(StatusKind.NOT_MEMBER),
        "text": [hover_text(dataset, statuses[code], lang) for code in codes],
        "meta": {"iso3": "", "status": [k.value for k in kinds], "codes": list(codes)},
        "marker.color": [STYLES[k].fill for k in kinds],
        "marker.symbol": [STYLES[k].symbol for k in kinds],
    }


def _title_text(title: str, subtitle: str) -> str:
    lines = textwrap.wrap(title, 56, break_long_words=False)
    text = "<br>".join(html.escape(line, quote=False) for line in lines)
    if subtitle:
        sub = "<br>".join(
            html.escape(line, quote=False)
            for line in textwrap.wrap(subtitle, 72, break_long_words=False)
        )
        text += f"<br><span style='font-size:14px'>{sub}</span>"
    return text


PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body {{ margin: 0 auto; max-width: 1300px; padding: 0 1rem;
  font-family: "DejaVu Sans", Verdana, Arial, sans-serif; }}
h1 {{ font-size: 1.4rem; }}
.map-controls {{ display: flex; flex-wrap: wrap; gap: 1rem; margin: 0.5rem 0; }}
.map-controls select {{ font: inherit; margin-left: 0.4rem; }}</style>
</head>
<body>
<main>
<h1>{title}</h1>
<form class="map-controls">
<label>{date_label}<select data-control="date">{dates}</select></label>
<label>{view_label}<select data-control="view">{views}</select></label>
</form>
{figure}
</main>
<script>
// The slider and the view buttons, for the keyboard: plotly's own are pointer-only.
window.addEventListener("load", () => {{
  const gd = document.querySelector(".js-plotly-plot");
  const select = (name) => document.querySelector(`[data-control="${{name}}"]`);
  select("date").addEventListener("change", (event) => {{
    const i = Number(event.target.value);
    Plotly.update(gd, ...gd.layout.sliders[0].steps[i].args.slice(0, 2),
                  gd.layout.sliders[0].steps[i].args[2]);
    Plotly.relayout(gd, {{"sliders[0].active": i}});
  }});
  select("view").addEventListener("change", (event) => {{
    const i = Number(event.target.value);
    const [restyle, relayout, traces] = gd.layout.updatemenus[0].buttons[i].args;
    Plotly.update(gd, restyle, {{...relayout, "updatemenus[0].active": i}}, traces);
  }});
}});
</script>
</body>
</html>
"""


def plotly_config(lang: str) -> dict[str, Any]:
    """The plotly config of the map: offline tools only, labels in ``lang``."""
    _ = translations(lang).gettext
    dictionary = {
        "Download plot as a PNG": _("Download plot as a PNG"),
        "Taking snapshot - this may take a few seconds": _(
            "Taking snapshot - this may take a few seconds"
        ),
        "Snapshot succeeded": _("Snapshot succeeded"),
        "Sorry, there was a problem downloading your snapshot!": _(
            "Sorry, there was a problem downloading your snapshot!"
        ),
    }
    return {
        "displaylogo": False,  # a link to plotly's site
        "showSendToCloud": False,
        "modeBarButtonsToRemove": MODEBAR_REMOVED,
        "toImageButtonOptions": {"format": "png", "filename": "membership-map"},
        "locale": lang,
        "locales": {lang: {"dictionary": dictionary}},
    }  # fmt: skip


class MembershipMap(go.Figure):  # type: ignore[misc]
    """A plotly figure that shows itself with the map's offline-only config.

    In a notebook, with :meth:`show`, :meth:`to_html` and :meth:`write_html` it has no
    cloud button and no logo link, and its tools speak the map's language; a full
    page from :meth:`to_html` has a title, a language and a main landmark.
    """

    def _lang(self) -> str:
        meta = self.layout.meta
        return str(meta.get("lang", "en")) if isinstance(meta, dict) else "en"

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, validate: bool = True, **kwargs: Any
    ) -> dict[str, Any]:
        kwargs.setdefault("config", plotly_config(self._lang()))
        bundle: dict[str, Any] = super()._repr_mimebundle_(include, exclude, validate, **kwargs)
        return bundle

    def show(self, *args: Any, **kwargs: Any) -> None:
        """Show the figure as plotly does, with the map's config."""
        kwargs.setdefault("config", plotly_config(self._lang()))
        super().show(*args, **kwargs)

    def to_html(self, *args: Any, **kwargs: Any) -> str:
        """The figure as HTML; a full page (the default) is titled and has a language."""
        kwargs.setdefault("config", plotly_config(self._lang()))
        full = kwargs.pop("full_html", True)
        figure = str(super().to_html(*args, full_html=False, **kwargs))
        if not full:
            return figure
        meta = self.layout.meta if isinstance(self.layout.meta, dict) else {}
        _ = translations(self._lang()).gettext

        def options(labels: list[str]) -> str:
            return "".join(
                f'<option value="{i}">{html.escape(label)}</option>'
                for i, label in enumerate(labels)
            )

        slider = self.layout.sliders[0] if self.layout.sliders else None
        menu = self.layout.updatemenus[0] if self.layout.updatemenus else None
        return PAGE.format(
            lang=html.escape(self._lang(), quote=True),
            title=html.escape(str(meta.get("page_title", "")), quote=False),
            date_label=html.escape(_("Date")),
            dates=options([s.label for s in slider.steps] if slider else []),
            view_label=html.escape(_("Map view")),
            views=options([b.label for b in menu.buttons] if menu else []),
            figure=figure,
        )

    def write_html(self, file: Any, *args: Any, **kwargs: Any) -> None:
        """Write :meth:`to_html` to a path or an open text file."""
        text = self.to_html(*args, **kwargs)
        if hasattr(file, "write"):
            file.write(text)
        else:
            Path(file).write_text(text, encoding="utf-8")


def membership_map(dataset: Dataset | None = None, lang: str = "en") -> MembershipMap:
    """A map of the members, with a date slider and buttons for each view.

    Parameters
    ----------
    dataset : Dataset, optional
        By default the project's ``data/``.
    lang : {"en", "sv"}
        Language of every label.

    Returns
    -------
    plotly.graph_objects.Figure
        Filled scatter traces on an Equal Earth projection; each listed country is its
        own trace (``customdata=[iso3]``) and small states get markers. The slider has
        one step per membership date; each step is a plain ``update`` (no animation
        frames), so the title, fills and slider always agree. The buttons above switch
        between the views in the story's ``story.yml``; a view stays while the date changes.

    Examples
    --------
    >>> import explainer
    >>> fig = membership_map(explainer.load_dataset(project="tests/data/tiny"), lang="sv")
    >>> [step.label for step in fig.layout.sliders[0].steps][:2]
    ['1 jan. 2020', '1 maj 2020']

    """
    dataset = dataset if dataset is not None else load_dataset()
    _ = translations(dataset.check_lang(lang)).gettext
    steps = dataset.steps
    statuses = {day: dataset.statuses_on(day) for day in steps}
    fig = base_figure(dataset, lang, steps[0])
    meta = fig.layout.meta
    country_index: dict[str, int] = meta["countries"]
    marker_index: int = meta["markers"]
    shapes = [s for s in projected_shapes(dataset) if s.iso3 in country_index]
    boxes = view_boxes(dataset, lang)
    per_view = [small_state_markers(shapes, box.km_per_px(STANDALONE_PLOT_PX)) for box in boxes]
    # The marker trace holds every state that has a marker in any view; a view hides
    # the others by giving them no position.
    codes = sorted({code for radii in per_view for code in radii})
    anchors = {s.iso3: s.anchor for s in shapes}

    states = {
        day: {iso3: _country_state(dataset, statuses[day][iso3], lang) for iso3 in country_index}
        for day in steps
    }
    changing = [
        iso3 for iso3, index in sorted(country_index.items(), key=lambda item: item[1])
        if any(states[d][iso3] != states[steps[0]][iso3] for d in steps)
    ]  # fmt: skip
    traces = [country_index[iso3] for iso3 in changing] + [marker_index]

    def step_update(day: dt.date) -> dict[str, list[Any]]:
        rows = [states[day][iso3] for iso3 in changing]
        rows.append(_marker_state(dataset, codes, statuses[day], lang))
        return {key: [row[key] for row in rows] for key in rows[0]}

    for iso3, index in country_index.items():
        fig.data[index].update(
            hoveron="fills", hoverinfo="text", text=states[steps[0]][iso3]["text"]
        )
    first = _marker_state(dataset, codes, statuses[steps[0]], lang)
    fig.data[marker_index].update(
        x=[anchors[c][0] if c in per_view[0] else None for c in codes],
        y=[anchors[c][1] if c in per_view[0] else None for c in codes],
        customdata=codes,
        text=first["text"],
        hovertemplate="%{text}<extra></extra>",
        hoverinfo=None,
        meta=first["meta"],
        marker={
            "color": first["marker.color"],
            "symbol": first["marker.symbol"],
            "size": [2 * per_view[0].get(c, 0) for c in codes],
        },
    )
    fig.add_traces(_legend_traces(dataset, lang))
    view_buttons = []
    for i, (box, radii) in enumerate(zip(boxes, per_view, strict=True)):
        view_buttons.append(
            {
                "label": box.name,
                "method": "update",
                "args": [
                    {
                        "x": [[anchors[c][0] if c in radii else None for c in codes]],
                        "y": [[anchors[c][1] if c in radii else None for c in codes]],
                        "marker.size": [[2 * radii.get(c, 0) for c in codes]],
                    },
                    axis_ranges(box, first=i == 0),
                    [marker_index],
                ],
            }
        )
    title, subtitle = step_title(dataset, steps[0], lang)
    fig.update_layout(
        title={
            "text": _title_text(title, subtitle),
            "x": 0.01, "xanchor": "left", "y": 0.98, "yanchor": "top", "yref": "container",
            "font": {"size": 20},
        },
        height=720,
        margin={"l": 8, "r": 44, "t": 175, "b": 80},
        showlegend=True,
        # The legend runs under the title, above the map, so it hides no country.
        legend={
            "orientation": "h", "x": 0.0, "y": 1.0, "xanchor": "left", "yanchor": "bottom",
            "font": {"size": 13}, "itemclick": False, "itemdoubleclick": False,
            "entrywidthmode": "pixels", "entrywidth": 290,
        },
        hovermode="closest",
        # A marker wins only under the pointer; elsewhere the shape under it does.
        hoverdistance=1,
        hoverlabel={"font": {"size": 14, "family": FONT}, "align": "left"},
        # Only what works offline: no cloud upload, no selection tools that do nothing.
        modebar={"orientation": "v", "remove": MODEBAR_REMOVED},
        sliders=[{
            "active": 0, "x": 0.04, "len": 0.92, "y": 0, "yanchor": "top", "pad": {"t": 10},
            "currentvalue": {"prefix": _("Date: "), "font": {"size": 15}},
            "steps": [
                {
                    "label": format_day(day, lang, "medium"),
                    "method": "update",
                    "args": [
                        step_update(day),
                        {"title.text": _title_text(*step_title(dataset, day, lang))},
                        traces,
                    ],
                }
                for day in steps
            ],
        }],
        updatemenus=[{
            "type": "buttons", "direction": "right", "showactive": True, "active": 0,
            # In the title's row: paper y above 1 is in the top margin (the height is fixed).
            "x": 1.0, "xanchor": "right", "y": 1.34, "yanchor": "top",
            "buttons": view_buttons,
        }],
        meta={**meta, "views": [b.id for b in boxes], "marker_codes": codes,
              "page_title": _("{title}: members, {start} to {end}").format(
                  title=dataset.manifest.title.get(lang), start=format_day(steps[0], lang),
                  end=format_day(steps[-1], lang))},
    )  # fmt: skip
    return MembershipMap(fig)
