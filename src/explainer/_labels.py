"""Words and styles for each status: one place for the map, the table and the legend."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from ._dataset import Dataset
from ._i18n import format_day, format_partial, translations
from ._status import CountryStatus, StatusKind


@dataclass(frozen=True)
class StatusStyle:
    """How a status is drawn: colour (Okabe-Ito, colour-blind safe) plus a second cue."""

    fill: str
    line: str
    pattern: str  # plotly fillpattern shape: "" solid, "/" hatched, "." dotted, "x" crossed
    dash: str
    symbol: str  # marker symbol for small countries and the legend


STYLES: dict[StatusKind, StatusStyle] = {
    StatusKind.FOUNDING: StatusStyle("#0072B2", "#FFFFFF", "", "solid", "circle"),
    StatusKind.JOINED: StatusStyle("#009E73", "#FFFFFF", "", "solid", "diamond"),
    StatusKind.JOINED_UNDATED: StatusStyle("#E69F00", "#7A5200", "/", "solid", "square"),
    StatusKind.MAY_HAVE_JOINED: StatusStyle("#F3D9A4", "#7A5200", ".", "dot", "square-open"),
    StatusKind.UNCLEAR: StatusStyle("#CC79A7", "#6E2F55", "x", "dash", "triangle-up"),
    StatusKind.ABSENT: StatusStyle("#BBBBBB", "#555555", "x", "dash", "x"),
    StatusKind.LEFT: StatusStyle("#BBBBBB", "#555555", "x", "dash", "x"),
    StatusKind.NOT_MEMBER: StatusStyle("#E8E8E8", "#FFFFFF", "", "solid", "circle-open"),
}

# The order statuses appear in legends and tables: clearest first.
ORDER = [
    StatusKind.FOUNDING,
    StatusKind.JOINED,
    StatusKind.JOINED_UNDATED,
    StatusKind.MAY_HAVE_JOINED,
    StatusKind.UNCLEAR,
    StatusKind.ABSENT,
    StatusKind.LEFT,
    StatusKind.NOT_MEMBER,
]


def status_name(kind: StatusKind, lang: str) -> str:
    """The short name of a status, for legends and table cells."""
    _ = translations(lang).gettext
    names = {
        StatusKind.FOUNDING: _("Founding member"),
        StatusKind.JOINED: _("Joined (date published)"),
        StatusKind.JOINED_UNDATED: _("Joined by Sept. 2014, date not published"),
        StatusKind.MAY_HAVE_JOINED: _("May have joined, date not published"),
        StatusKind.UNCLEAR: _("Founding member, later status not published"),
        StatusKind.ABSENT: _("Not in the later list"),
        StatusKind.LEFT: _("Left"),
        StatusKind.NOT_MEMBER: _("Not a member"),
    }
    return names[kind]


def status_detail(status: CountryStatus, lang: str) -> str:
    """One sentence on a status with its dates: what the hover and the table say."""
    _ = translations(lang).gettext
    kind = status.kind

    def day(value: dt.date | None) -> str:
        return format_day(value, lang) if value else _("date not published")

    if kind is StatusKind.FOUNDING:
        return _("Founding member since {date}").format(date=day(status.since))
    if kind is StatusKind.JOINED:
        return _("Joined on {date}").format(date=day(status.since))
    if kind is StatusKind.LEFT:
        return _("Left on {date}").format(date=day(status.since))
    if kind is StatusKind.JOINED_UNDATED:
        return _("Joined between {start} and {end}; exact date not published").format(
            start=day(status.not_before), end=day(status.not_after)
        )
    if kind is StatusKind.MAY_HAVE_JOINED:
        return _("May have joined since {start}; date not published (listed on {end})").format(
            start=day(status.not_before), end=day(status.not_after)
        )
    if kind is StatusKind.UNCLEAR:
        attested = format_partial(status.last_attested, lang) if status.last_attested else "?"
        return _("Founding member; status after {date} not published").format(date=attested)
    if kind is StatusKind.ABSENT:
        return _(
            "Listed earlier, not in the list of {date}; no source dates or explains it"
        ).format(date=day(status.not_after))
    return _("Not a member")


def eu_label(is_eu: bool, lang: str) -> str:
    """Whether a country is an EU Member State, in words."""
    _ = translations(lang).gettext
    return _("EU Member State") if is_eu else _("Not in the EU")


def hover_html(dataset: Dataset, status: CountryStatus, lang: str) -> str:
    """The hover text of a country: name, status with dates, EU, source (escaped)."""
    _ = translations(lang).gettext
    country = dataset.countries[status.iso3]
    shorts = [dataset.sources[s].short for s in status.sources[:2] if s in dataset.sources]
    lines = [
        f"<b>{html.escape(country.name(lang))}</b>",
        html.escape(status_detail(status, lang)),
        html.escape(eu_label(status.eu, lang)),
    ]
    if shorts:
        lines.append(html.escape(_("Source: {source}").format(source="; ".join(shorts))))
    return "<br>".join(lines)


_PATTERNS = {
    "/": '<path d="M-2,6 l8,-8 M0,12 l12,-12 M6,14 l8,-8" stroke="{fg}" stroke-width="1.4"/>',
    ".": '<circle cx="3" cy="3" r="1.3" fill="{fg}"/><circle cx="9" cy="9" r="1.3" fill="{fg}"/>',
    "x": '<path d="M0,0 l12,12 M12,0 l-12,12" stroke="{fg}" stroke-width="1.2"/>',
}
_SYMBOLS = {
    "circle": '<circle cx="29" cy="9" r="5" fill="{fill}" stroke="#222" stroke-width="1.2"/>',
    "circle-open": '<circle cx="29" cy="9" r="5" fill="none" stroke="#888" stroke-width="1.2"/>',
    "diamond": '<path d="M29,3 l6,6 l-6,6 l-6,-6 z" fill="{fill}" stroke="#222" '
    'stroke-width="1.2"/>',
    "square": '<rect x="24" y="4" width="10" height="10" fill="{fill}" stroke="#222" '
    'stroke-width="1.2"/>',
    "square-open": '<rect x="24" y="4" width="10" height="10" fill="none" stroke="#222" '
    'stroke-width="1.4"/>',
    "triangle-up": '<path d="M29,3 l6,11 h-12 z" fill="{fill}" stroke="#222" stroke-width="1.2"/>',
    "x": '<path d="M25,5 l8,8 M33,5 l-8,8" stroke="#222" stroke-width="2.2"/>',
}


def legend_html(kinds: list[StatusKind], lang: str) -> str:
    """A legend in HTML: for each status a swatch (fill, pattern, marker) and its name.

    Used where the plot's own legend would take too much room; being text, it is read
    by screen readers and wraps with the page.
    """
    items = []
    for kind in kinds:
        style = STYLES[kind]
        pattern_id = f"gaexp-pattern-{kind.value}"
        pattern = _PATTERNS.get(style.pattern, "").format(fg=style.line)
        defs = (
            f'<defs><pattern id="{pattern_id}" width="12" height="12" '
            f'patternUnits="userSpaceOnUse"><rect width="12" height="12" fill="{style.fill}"/>'
            f"{pattern}</pattern></defs>"
            if pattern
            else ""
        )
        fill = f"url(#{pattern_id})" if pattern else style.fill
        dash = ' stroke-dasharray="3,2"' if style.dash != "solid" else ""
        swatch = (
            f'<svg width="38" height="18" viewBox="0 0 38 18" aria-hidden="true" focusable="false">'
            f'{defs}<rect x="1" y="2" width="18" height="14" fill="{fill}" stroke="{style.line}"'
            f' stroke-width="1.2"{dash}/>{_SYMBOLS[style.symbol].format(fill=style.fill)}</svg>'
        )
        items.append(f'<li class="gaexp-key">{swatch}{html.escape(status_name(kind, lang))}</li>')
    return f'<ul class="gaexp-legend">{"".join(items)}</ul>'
