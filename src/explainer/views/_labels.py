"""Words and styles for each status: one place for the map, the table and the legend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from babel.lists import format_list

from ..language._i18n import format_day, format_partial, translations
from ..language._languages import LOCALES
from ..model._dataset import Dataset
from ..model._schema import ReportedCount
from ..model._status import CountryStatus, StatusKind


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


def status_name(dataset: Dataset, kind: StatusKind, lang: str) -> str:
    """The short name of a status, for legends and table cells.

    The story's own words where its ``story.yml`` gives them, else the engine's.
    """
    words = dataset.manifest.statuses.get(kind)
    if words is not None and words.name is not None:
        return words.name.get(lang)
    _ = translations(lang).gettext
    names = {
        StatusKind.FOUNDING: _("Founding member"),
        StatusKind.JOINED: _("Joined (date published)"),
        StatusKind.JOINED_UNDATED: _("Joined; date not published"),
        StatusKind.MAY_HAVE_JOINED: _("May have joined, date not published"),
        StatusKind.UNCLEAR: _("Founding member, later status not published"),
        StatusKind.ABSENT: _("Not in the later list"),
        StatusKind.LEFT: _("Left"),
        StatusKind.NOT_MEMBER: _("Not a member"),
    }
    return names[kind]


def status_phrase(dataset: Dataset, kind: StatusKind, lang: str, names: Sequence[str]) -> str:
    """How the map's description counts the countries of a status.

    "48 founding members", "Vietnam, no longer listed": the story's own phrase where
    it has one.
    """
    t = translations(lang)
    count = len(names)
    listed = format_list(list(names), locale=LOCALES[lang])
    words = dataset.manifest.statuses.get(kind)
    if words is not None and words.phrase is not None:
        return words.phrase.get(lang).format(count=count, names=listed)
    counted = {
        StatusKind.FOUNDING: t.ngettext(
            "{count} founding member", "{count} founding members", count
        ),
        # "Later" than the first list; a story with no list has only joinings.
        StatusKind.JOINED: t.ngettext(
            "{count} that joined later", "{count} that joined later", count
        )
        if dataset.lists
        else t.ngettext("{count} that joined", "{count} that joined", count),
        StatusKind.JOINED_UNDATED: t.ngettext(
            "{count} that joined on an unpublished date",
            "{count} that joined on unpublished dates",
            count,
        ),
        StatusKind.MAY_HAVE_JOINED: t.ngettext(
            "{count} that may have joined", "{count} that may have joined", count
        ),
    }
    named = {
        StatusKind.UNCLEAR: t.ngettext(
            "{names}, later status unknown", "{names}, later status unknown", count
        ),
        StatusKind.ABSENT: t.ngettext(
            "{names}, no longer listed", "{names}, no longer listed", count
        ),
        StatusKind.LEFT: t.ngettext("{names}, which left", "{names}, which left", count),
    }
    template = counted.get(kind) or named.get(kind) or "{names}"
    return template.format(count=count, names=listed)


def status_explanation(kind: StatusKind, lang: str) -> str:
    """What an uncertain status means, for the key ("" for the clear ones)."""
    _ = translations(lang).gettext
    explained = {
        StatusKind.JOINED_UNDATED: _(
            "Not in the earlier list, in the later one; no source gives the date."
        ),
        StatusKind.MAY_HAVE_JOINED: _(
            "In the later list; whether already on this date is not known."
        ),
        StatusKind.UNCLEAR: _("Missing from the later list; since when is not known."),
        StatusKind.ABSENT: _("In the earlier list, not in the later one; no source says why."),
    }
    return explained.get(kind, "")


def status_detail(dataset: Dataset, status: CountryStatus, lang: str) -> str:
    """One sentence on a status with its dates: what the hover and the table say."""
    _ = translations(lang).gettext
    kind = status.kind

    def day(value: dt.date | None) -> str:
        return format_day(value, lang) if value else _("date not published")

    words = dataset.manifest.statuses.get(kind)
    if words is not None and words.detail is not None:
        attested = format_partial(status.last_attested, lang) if status.last_attested else ""
        return words.detail.get(lang).format(
            date=day(status.since) if status.since else attested,
            start=day(status.not_before),
            end=day(status.not_after),
        )

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
    # No dates to give: the detail is the status's name (the story's word where it has one).
    return status_name(dataset, kind, lang)


def group_label(dataset: Dataset, in_group: bool, lang: str) -> str:
    """Whether a country is in the story's grouping, in its words ("" if none)."""
    group = dataset.manifest.group
    if group is None:
        return ""
    return (group.member if in_group else group.outside).get(lang)


def country_detail(dataset: Dataset, status: CountryStatus, lang: str) -> str:
    """The status sentence, then the country's note if it has one (a later name)."""
    note = dataset.countries[status.iso3].note
    detail = status_detail(dataset, status, lang)
    return f"{detail}. {note.get(lang)}" if note is not None else detail


def source_labels(dataset: Dataset, ids: Sequence[str], lang: str) -> str:
    """The short names of sources, joined: "EC release (copy); US DOJ release"."""
    return "; ".join(dataset.sources[s].label(lang) for s in ids if s in dataset.sources)


def count_sentence(dataset: Dataset, count: ReportedCount, lang: str) -> str:
    """What a source says of a count: "According to …: 49 countries, only some of them named"."""
    _ = translations(lang).gettext
    templates = {
        "none": _("According to {source}: {count} countries, none of them named"),
        "some": _("According to {source}: {count} countries, only some of them named"),
        "all": _("According to {source}: {count} countries, all of them named"),
    }
    source = dataset.sources[count.sources[0]].label(lang)
    return templates[count.named].format(source=source, count=count.count)
