"""Tables the story notebooks show: policy targets, open questions, sources, events."""

from __future__ import annotations

import html
from collections.abc import Iterable

from ._dataset import Dataset
from ._html import HTMLFragment
from ._i18n import check_lang, format_day, format_partial, translations
from ._loading import load_dataset
from ._quotes import quote_cards
from ._table import csv_download_link, members_table
from ._timeline import event_date_label

STYLE = """<style>
.gaexp-story { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; }
.gaexp-story table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
.gaexp-story th, .gaexp-story td { border-bottom: 1px solid #dde3e8; padding: 0.3rem 0.45rem;
  text-align: left; vertical-align: top; }
.gaexp-story thead th { border-bottom: 2px solid #555; }
.gaexp-story caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
.gaexp-story .gaexp-wording { font-style: italic; }
</style>"""


def _html(body: str) -> HTMLFragment:
    return HTMLFragment(f'{STYLE}<div class="gaexp-story">{body}</div>')


def _source_refs(dataset: Dataset, ids: Iterable[str]) -> str:
    return "; ".join(html.escape(dataset.sources[i].short) for i in ids)


def targets_table(dataset: Dataset | None = None, lang: str = "en") -> HTMLFragment:
    """The four policy targets: our short label and the published wording.

    Examples
    --------
    >>> "Identify victims" in targets_table(lang="en").data
    True
    """
    dataset = dataset if dataset is not None else load_dataset()
    _ = translations(check_lang(lang)).gettext
    wording = dataset.targets_meta.get("wording_source", {}).get(lang, {})
    note = html.escape(str(wording.get("note", "")))
    rows = "".join(
        f"<tr><th scope='row'>{i}. {html.escape(t.label.get(lang))}</th>"
        f"<td class='gaexp-wording' lang='{lang}'>{html.escape(t.wording.get(lang))}</td></tr>"
        for i, t in enumerate(dataset.targets, 1)
    )
    caption = html.escape(
        _("The four policy targets; published wording: {source}").format(source=note)
    )
    head = "".join(f"<th scope='col'>{html.escape(h)}</th>" for h in (_("Target"), _("Wording")))
    return _html(f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead>{rows}</table>")


def events_table(dataset: Dataset | None = None, lang: str = "en") -> HTMLFragment:
    """Every event with its date (as precise as published), place and sources."""
    dataset = dataset if dataset is not None else load_dataset()
    _ = translations(check_lang(lang)).gettext
    head = "".join(
        f"<th scope='col'>{html.escape(h)}</th>"
        for h in (_("Date"), _("Event"), _("Place"), _("Sources"))
    )
    rows = "".join(
        f"<tr><td>{html.escape(event_date_label(e, lang))}</td>"
        f"<th scope='row'>{html.escape(e.title.get(lang))}</th>"
        f"<td>{html.escape(e.place.get(lang) if e.place else '—')}</td>"
        f"<td>{_source_refs(dataset, e.sources)}</td></tr>"
        for e in dataset.events
    )
    caption = html.escape(_("Timeline"))
    return _html(f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead>{rows}</table>")


def open_questions(dataset: Dataset | None = None, lang: str = "en") -> HTMLFragment:
    """What the sources leave open: undated changes and counts reported without names."""
    dataset = dataset if dataset is not None else load_dataset()
    _ = translations(check_lang(lang)).gettext
    items: list[tuple[str, list[str]]] = []
    for record in dataset.undated:
        if record.change == "joined":
            template = _("{country}: joined between {start} and {end}; the date is not published.")
        else:
            template = _(
                "{country}: in the list of {start}, not in the list of {end}; "
                "no source dates or explains it."
            )
        text = template.format(
            country=dataset.countries[record.iso3].name(lang),
            start=format_day(record.not_before, lang),
            end=format_day(record.not_after, lang),
        )
        items.append((text, record.sources))
    for count in dataset.counts:
        text = _("{date}: {source} reports {count} countries without naming them.").format(
            date=format_partial(count.date, lang),
            source=dataset.sources[count.sources[0]].short,
            count=count.count,
        )
        items.append((text, count.sources))
    body = "".join(
        f"<li>{html.escape(text)} ({_source_refs(dataset, ids)})</li>" for text, ids in items
    )
    return _html(f"<ul>{body}</ul>")


def sources_list(dataset: Dataset | None = None, lang: str = "en") -> HTMLFragment:
    """Every source: publisher, linked title, date (or "undated"), language, kind."""
    dataset = dataset if dataset is not None else load_dataset()
    _ = translations(check_lang(lang)).gettext
    items = []
    for source in sorted(dataset.sources.values(), key=lambda s: (s.publisher, s.title)):
        date = (
            format_partial(source.date_published, lang) if source.date_published else _("undated")
        )
        title = html.escape(source.title)
        if source.url:
            url = html.escape(source.url, quote=True)
            title = f'<a href="{url}" target="_blank" rel="noopener noreferrer">{title}</a>'
        items.append(
            f'<li id="source-{html.escape(source.id)}"><b>{html.escape(source.short)}</b>: '
            f"{html.escape(source.publisher)}, “{title}” ({html.escape(date)}; "
            f"{html.escape(source.language)})</li>"
        )
    return _html(f"<ol>{''.join(items)}</ol>")


def members_on_list(
    dataset: Dataset | None = None, lang: str = "en", which: int = -1
) -> HTMLFragment:
    """The members table on the date of a published list (default: the last one)."""
    dataset = dataset if dataset is not None else load_dataset()
    check_lang(lang)
    day = dataset.lists[which].date
    return _html(csv_download_link(dataset, lang) + members_table(dataset, day, lang))


def all_quotes(dataset: Dataset | None = None, lang: str = "en") -> HTMLFragment:
    """Every quote card, event by event."""
    dataset = dataset if dataset is not None else load_dataset()
    check_lang(lang)
    from ._dashboard import CSS

    cards = "".join(
        quote_cards(dataset, e.id, lang, f"{event_date_label(e, lang)}: {e.title.get(lang)}")
        for e in dataset.events
        if dataset.quotes_for(e.id)
    )
    return HTMLFragment(f'<style>{CSS}</style><div class="gaexp-dashboard">{cards}</div>')
