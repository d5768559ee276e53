"""Everything the linked view shows, computed before anyone looks.

For each event and language the map's colours, headline and text alternative, the quote
cards, the members table and the spoken announcement are worked out here, once; the
browser then moves between these *moments* without asking Python again. The result is
plain JSON: the same data drives the widget in Voilà and JupyterLab and the exported
page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.lists import format_list

from ..language._i18n import event_date_label, format_day, format_partial, translations
from ..language._languages import LOCALES
from ..model._changes import change_sentence, changes_between, first_sentence
from ..model._dataset import Dataset
from ..model._periods import membership_periods
from ..model._schema import Event
from ..model._status import CountryStatus, StatusKind
from ._geometry import projected_shapes
from ._labels import (
    ORDER,
    STYLES,
    country_detail,
    group_label,
    source_labels,
    status_explanation,
    status_name,
    status_phrase,
)
from ._map import base_figure, legend_kinds, map_title, view_boxes
from ._quotes import quote_record, source_links
from ._search import search_terms
from ._table import csv_download_name, membership_csv

ORDER_INDEX = {kind: i for i, kind in enumerate(ORDER)}


def default_event(dataset: Dataset) -> Event:
    """The moment a page opens on: the first event on or after the record begins."""
    return next((e for e in dataset.events if e.last_day >= dataset.start), dataset.events[0])


def map_description(dataset: Dataset, on: dt.date, lang: str) -> str:
    """One sentence saying what the map shows on ``on``, under its headline.

    For example "The map shows 47 founding members, 7 that joined later and Vietnam,
    no longer listed." The headline gives the date; this gives the sum.
    """
    _ = translations(lang).gettext
    if on < dataset.start:
        return _("No members yet; the record begins on {start}.").format(
            start=format_day(dataset.start, lang)
        )
    statuses = dataset.statuses_on(on)
    parts = []
    for kind in ORDER:
        if kind is StatusKind.NOT_MEMBER:
            continue
        names = sorted(
            dataset.countries[s.iso3].name(lang) for s in statuses.values() if s.kind is kind
        )
        if names:
            parts.append(status_phrase(dataset, kind, lang, names))
    if not parts:
        return _("The map shows no members.")
    return _("The map shows {parts}.").format(parts=format_list(parts, locale=LOCALES[lang]))


class _Strings:
    """A table of the texts the moments repeat; cells name a text by its place.

    A status sentence is shared by dozens of countries and events.
    """

    def __init__(self) -> None:
        self.table: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        if text not in self._index:
            self._index[text] = len(self.table)
            self.table.append(text)
        return self._index[text]


def _country_cell(
    dataset: Dataset, status: CountryStatus, lang: str, strings: _Strings
) -> list[Any]:
    """Per country and moment: status, detail, EU and sources (as text numbers).

    Last comes the number of sources (for "Source:" or "Sources:").
    """
    return [
        status.kind.value,
        strings(country_detail(dataset, status, lang)),
        strings(group_label(dataset, status.in_group, lang)),
        strings(source_labels(dataset, status.sources, lang)),
        len(status.sources),
    ]


def _table(
    dataset: Dataset, on: dt.date, caption: str, codes: list[str], lang: str, strings: _Strings
) -> dict[str, Any]:
    """The members table on ``on``: its caption, each country's cell, the rows in order.

    Rows are members first (by status), then by name; before the first list, countries
    that were no members are left out.
    """
    statuses = dataset.statuses_on(on)
    shown = [
        i
        for i, code in enumerate(codes)
        if not (statuses[code].kind is StatusKind.NOT_MEMBER and on < dataset.start)
    ]

    def order(i: int) -> tuple[int, str]:
        return ORDER_INDEX[statuses[codes[i]].kind], dataset.countries[codes[i]].name(lang)

    return {
        "caption": caption,
        "countries": [_country_cell(dataset, statuses[code], lang, strings) for code in codes],
        "rows": sorted(shown, key=order),
    }


def _caption(dataset: Dataset, on: dt.date, label: str, lang: str, whole_day: bool) -> str:
    _ = translations(lang).gettext
    members = sum(s.is_member for s in dataset.statuses_on(on).values())
    template = (
        _("Known members on {date}: {count} countries")
        if whole_day
        else _("Known members, {date}: {count} countries")
    )
    return template.format(date=label, count=members)


def announcement(
    dataset: Dataset, on: dt.date, label: str, title: str, changes: str, lang: str
) -> str:
    """What a screen reader says on reaching a step: the date once, the event, the change.

    The count of members follows, unless the title gives it already and nothing changed.

    For example "17 June 2013: Canada joins the alliance. 49 countries: Canada joined."
    """
    t = translations(lang)
    if on < dataset.start:
        return f"{label}: {title}."
    count = len(dataset.members_on(on))
    members = t.ngettext("{count} country", "{count} countries", count).format(count=count)
    if not changes and members in title:
        return f"{label}: {title}."  # the title gives the count already: say it once
    return f"{label}: {title}. {members}" + (f": {changes}." if changes else ".")


def _moment(
    dataset: Dataset,
    event: Event,
    before: dt.date | None,
    codes: list[str],
    lang: str,
    strings: _Strings,
) -> dict[str, Any]:
    on = event.last_day
    label = event_date_label(event, lang)
    title, subtitle = map_title(dataset, on, lang, label, dataset.count_of_event(event.id))
    caption = _caption(dataset, on, label, lang, event.precision in {"day", "range"})
    changes = changes_between(dataset, before, on)
    index = {code: i for i, code in enumerate(codes)}

    def names(found: tuple[str, ...]) -> list[str]:
        return sorted(dataset.countries[c].name(lang) for c in found)

    return {
        "id": event.id,
        "date": label,
        "title": event.title.get(lang),
        "text": event.text.get(lang),
        "lead": first_sentence(event.text.get(lang)),
        "notes": event.notes.get(lang) if event.notes else "",
        "place": event.place.get(lang) if event.place else "",
        "sources": source_links(dataset, event.sources, lang),
        "first_day": event.date.first.isoformat(),
        "last_day": on.isoformat(),
        "changed": [index[code] for code in changes.codes() if code in index],
        # What the card lists as changed since the step before.
        "changes": {
            "joined": names(changes.joined),
            "left": names(changes.left),
            "unlisted": names(changes.unlisted),
            "grouped": names(changes.grouped),
            "founded": len(changes.founded),
        },
        "announce": announcement(
            dataset, on, label, event.title.get(lang), change_sentence(dataset, changes, lang), lang
        ),
        "map_title": title,
        "map_subtitle": subtitle,
        "description": map_description(dataset, on, lang),
        "quotes": [quote_record(dataset, q, lang) for q in dataset.quotes_for(event.id)],
        **_table(dataset, on, caption, codes, lang, strings),
    }


def _labels(dataset: Dataset, lang: str) -> dict[str, str]:
    _ = translations(lang).gettext
    return {
        "timeline": _("Timeline"),
        "play": _("Play"),
        "pause": _("Pause"),
        "sources": _("Sources"),
        "source": _("Source: {source}"),
        "sources_line": _("Sources: {source}"),
        "help": _(
            "Click an event, or use the arrow keys, Page Up and Page Down, Home and End. "
            "F shows the view on the whole screen, N opens the presenter's notes."
        ),
        "stage": _("Present"),
        "stage_leave": _("Leave the stage"),
        "blanked": _("The screen is blank: press B, or click, to show it again."),
        "notes": _("Notes"),
        "notes_title": _("Presenter's notes"),
        "notes_now": _("Now"),
        "notes_next": _("Next"),
        "notes_none": _("No notes for this step."),
        "notes_end": _("The end of the timeline."),
        "notes_elapsed": _("Elapsed: {time}"),
        "members_show": _("Show the table of every country"),
        "members_hide": _("Hide the table"),
        "members_filter": _("Find a country in the table"),
        "handout": _("Handout"),
        "handout_steps": _("Step by step"),
        "embed": _("Embed"),
        "embed_help": _("To show this view in your own page, copy this code into it:"),
        "embed_copy": _("Copy the code"),
        "embed_copied": _("Copied"),
        "embed_open": _("Open the whole story"),
        "search": _("Find a country"),
        "search_help": _("Type a name or a code; choose with the arrow keys and Enter."),
        "search_none": _("No country of this story is called that."),
        "search_found": _("{country} on {date}"),
        "changes_heading": _("Since the step before"),
        "changes_joined": _("Joined: {names}"),
        "changes_left": _("Left: {names}"),
        "changes_unlisted": _("No longer listed: {names}"),
        "changes_grouped": _("Joined the {group}: {names}"),
        "changes_founded": _("In the first list: {count} countries"),
        "time_scale": _("Time scale"),
        "time_scrub": _("Move through time"),
        "time_title": _("{date}: {count} known members"),
        "time_before": _("{date}: before the record begins ({start})"),
        "start": format_day(dataset.start, lang),
        "previous_step": _("Previous step"),
        "next_step": _("Next step"),
        "notes_blocked": _(
            "The notes window was blocked: allow pop-ups for this page, then press N again."
        ),
        "quotes": _("Quotes"),
        "event": _("Selected event"),
        "members": _("Members"),
        "country": _("Country"),
        "status": _("Status"),
        "details": _("Details"),
        # The grouping's column (the EU), when the story has one.
        "group": dataset.manifest.group.column.get(lang) if dataset.manifest.group else "",
        "no_members": _("No members yet: the record begins on {date}.").format(
            date=format_day(dataset.start, lang)
        ),
        "views": _("Map view"),
        "languages": _("Other languages"),
        "map": _("Map of the members"),
        "legend": _("Key"),
        "download_csv": _("Download the membership data (CSV)"),
        "download_png": _("Download the map (PNG)"),
        "download_svg": _("Download the map (SVG)"),
        "unknown_moment": _("The address named no event of this timeline; showing {date}."),
        "plotly_missing": _("The map could not be drawn: plotly.js did not load."),
    }


def view_spec(dataset: Dataset, lang: str) -> dict[str, Any]:
    """Everything the linked view needs in ``lang``, as JSON-ready data.

    Keys: ``figure`` (plotly data and layout of the map's shapes), ``countries`` (ISO3,
    name, trace, anchor and size per listed country), ``styles`` and ``legend``,
    ``views``, ``labels``, ``events`` (one moment per event; each country's cell is its
    status and the numbers of its detail, EU and source texts in ``strings``),
    ``default`` (the event a page opens on) and ``csv``.
    """
    dataset.language(lang)
    first = default_event(dataset)
    figure = base_figure(dataset, lang, first.last_day)
    index = figure.layout.meta["countries"]
    shapes = {s.iso3: s for s in projected_shapes(dataset) if s.iso3 in index}
    codes = sorted(index, key=index.__getitem__)

    def size(code: str) -> float:
        xs = [x for x in shapes[code].xs if x is not None]
        ys = [y for y in shapes[code].ys if y is not None]
        return round(max(max(xs) - min(xs), max(ys) - min(ys)))

    boxes = view_boxes(dataset, lang)
    strings = _Strings()
    start, end = dataset.events[0].date.first, dataset.events[-1].last_day
    days = [None, *(e.last_day for e in dataset.events)]
    moments = [
        _moment(dataset, e, before, codes, lang, strings)
        for e, before in zip(dataset.events, days, strict=False)
    ]
    return {
        "lang": lang,
        "locale": LOCALES[lang].replace("_", "-"),
        "figure": figure.to_plotly_json(),
        "countries": [
            {
                "iso3": code,
                "name": dataset.countries[code].name(lang),
                "trace": index[code],
                "anchor": [round(c) for c in shapes[code].anchor],
                "size_km": size(code),
                "search": search_terms(dataset, code),
            }
            for code in codes
        ],
        "markers": figure.layout.meta["markers"],
        "styles": _styles(dataset, lang),
        "legend": [k.value for k in legend_kinds(dataset)],
        "views": [{"id": b.id, "name": b.name, "x": b.x_range, "y": b.y_range} for b in boxes],
        "labels": _labels(dataset, lang),
        "title": dataset.manifest.title.get(lang),
        "content_note": (
            dataset.manifest.content_note.get(lang) if dataset.manifest.content_note else ""
        ),
        "sources": _sources(dataset, lang),
        "events": moments,
        # The membership on any day from the first event to the last, span by span.
        "range": [start.isoformat(), end.isoformat()],
        "periods": [
            {
                "from": day.isoformat(),
                "count": sum(s.is_member for s in statuses.values()),
                "countries": [_country_cell(dataset, statuses[c], lang, strings) for c in codes],
            }
            for day, statuses in membership_periods(dataset, start, end)
        ],
        "strings": strings.table,
        "default": first.id,
        "csv": {"name": csv_download_name(dataset), "text": membership_csv(dataset)},
    }


def _sources(dataset: Dataset, lang: str) -> list[dict[str, str]]:
    """Every source, for the handout: its short name, publisher, title, date and address."""
    _ = translations(lang).gettext
    return [
        {
            "label": source.label(lang),
            "publisher": source.publisher.get(lang),
            # Its own title in quotation marks, a title we supply in brackets.
            "title": source.title_in(lang) if source.supplied_title else f"“{source.title}”",
            "date": format_partial(source.date, lang) if source.date else _("undated"),
            "url": source.url or "",
        }
        for source in sorted(dataset.sources.values(), key=lambda s: s.label(lang).casefold())
    ]


def _styles(dataset: Dataset, lang: str) -> dict[str, dict[str, Any]]:
    return {
        kind.value: {
            "fill": s.fill,
            "line": s.line,
            "pattern": s.pattern,
            "dash": s.dash,
            "symbol": s.symbol,
            "name": status_name(dataset, kind, lang),
            "explain": status_explanation(kind, lang),
        }
        for kind, s in STYLES.items()
    }


def members_state(dataset: Dataset, on: dt.date, lang: str) -> dict[str, Any]:
    """The members table on ``on`` as the front end draws it on its own, with the CSV.

    The same table (and the same code in the browser) as the linked view's.
    """
    dataset.language(lang)
    codes = sorted(dataset.countries, key=lambda c: dataset.countries[c].name(lang))
    strings = _Strings()
    label = format_day(on, lang)
    moment = _table(dataset, on, _caption(dataset, on, label, lang, True), codes, lang, strings)
    return {
        "lang": lang,
        "labels": _labels(dataset, lang),
        "styles": _styles(dataset, lang),
        "strings": strings.table,
        "countries": [{"iso3": c, "name": dataset.countries[c].name(lang)} for c in codes],
        "moment": moment,
        "csv": {"name": csv_download_name(dataset), "text": membership_csv(dataset)},
    }


def quotes_state(dataset: Dataset, lang: str) -> dict[str, Any]:
    """Every quote card, event by event, as the front end draws them."""
    _ = translations(dataset.language(lang)).gettext
    groups = [
        {
            "heading": f"{event_date_label(e, lang)}: {e.title.get(lang)}",
            "quotes": [quote_record(dataset, q, lang) for q in dataset.quotes_for(e.id)],
        }
        for e in dataset.events
        if dataset.quotes_for(e.id)
    ]
    return {"lang": lang, "groups": groups, "empty": _("No quote recorded for this event.")}
