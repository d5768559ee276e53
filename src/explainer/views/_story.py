"""Tables the story notebooks show: record sets, events, open questions, sources."""

from __future__ import annotations

import html
from collections.abc import Iterable

from ..language._i18n import event_date_label, format_day, format_partial, translations
from ..model._dataset import Dataset
from ..model._schema import Wording
from ._html import HTMLFragment
from ._islands import Island
from ._labels import count_sentence
from ._moments import members_state, quotes_state


def _html(body: str, lang: str) -> HTMLFragment:
    # Styled by the one stylesheet every surface loads (static/explainer.css).
    return HTMLFragment(f'<div class="xpl-story" lang="{lang}">{body}</div>')


def _source_refs(dataset: Dataset, ids: Iterable[str], lang: str) -> str:
    return "; ".join(html.escape(dataset.sources[i].label(lang)) for i in ids)


def _table(caption: str, head: Iterable[str], rows: str) -> str:
    cells = "".join(f"<th scope='col'>{html.escape(h)}</th>" for h in head)
    return (
        f"<table><caption>{html.escape(caption)}</caption>"
        f"<thead><tr>{cells}</tr></thead><tbody>{rows}</tbody></table>"
    )


def records_table(dataset: Dataset, records: str, lang: str | None = None) -> HTMLFragment:
    """A record set of ``story.yml`` (``records``): each label with its published wording.

    The caption is the set's ``name``; each language's wording follows the published
    text its ``.meta.yml`` names (``wording_source``).

    Raises
    ------
    ValueError
        If the story declares no record set ``records``.

    Examples
    --------
    >>> import explainer
    >>> data = explainer.load_dataset(project="tests/data/tiny")
    >>> "The first target." in records_table(data, "targets").data
    True
    """
    lang = dataset.language(lang)
    if records not in dataset.records:
        raise ValueError(f"the story has no record set {records!r} (story.yml: records)")
    _ = translations(lang).gettext
    record_set = dataset.records[records]

    def wording(item: Wording) -> str:
        text = f"<span class='xpl-wording'>{html.escape(item.wording.get(lang))}</span>"
        slip = item.wording_notes.get(lang)
        return text + (f"<br><small>{html.escape(slip)}</small>" if slip else "")

    rows = "".join(
        f"<tr><th scope='row'>{i}. {html.escape(w.label.get(lang))}</th><td>{wording(w)}</td></tr>"
        for i, w in enumerate(record_set.items, 1)
    )
    source = record_set.meta.wording_source[lang].note if record_set.meta else ""
    caption = _("{name} ({count}); published wording: {source}").format(
        name=record_set.spec.name.get(lang), count=len(record_set.items), source=source
    )
    head = (record_set.spec.label.get(lang), _("Wording"))
    return _html(_table(caption, head, rows), lang)


def events_table(dataset: Dataset, lang: str | None = None) -> HTMLFragment:
    """Every event with its date (as precise as published), place, text and sources."""
    lang = dataset.language(lang)
    _ = translations(lang).gettext
    rows = "".join(
        f"<tr id='event-{html.escape(e.id, quote=True)}'>"
        f"<td>{html.escape(event_date_label(e, lang))}</td>"
        f"<th scope='row'>{html.escape(e.title.get(lang))}</th>"
        f"<td>{html.escape(e.text.get(lang))}</td>"
        f"<td>{html.escape(e.place.get(lang) if e.place else '—')}</td>"
        f"<td>{_source_refs(dataset, e.sources, lang)}</td></tr>"
        for e in dataset.events
    )
    head = (_("Date"), _("Event"), _("What happened"), _("Place"), _("Sources"))
    return _html(_table(_("Timeline"), head, rows), lang)


def open_questions(dataset: Dataset, lang: str | None = None) -> HTMLFragment:
    """What the sources leave open: undated changes and counts reported without names."""
    lang = dataset.language(lang)
    _ = translations(lang).gettext
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
        # The source's label carries the date.
        text = f"{count_sentence(dataset, count, lang)}."
        if count.note is not None:
            text += f" {count.note.get(lang)}"
        items.append((text, count.sources))
    body = "".join(
        f"<li>{html.escape(text)} ({_source_refs(dataset, ids, lang)})</li>" for text, ids in items
    )
    return _html(f"<ul>{body}</ul>", lang)


def sources_list(dataset: Dataset, lang: str | None = None, detail: bool = False) -> HTMLFragment:
    """Every source: its label, publisher, linked title, date (or "undated"), remark.

    ``detail`` adds what only the data page shows: document codes (IP/12/1308) and our
    research notes (in English).
    """
    lang = dataset.language(lang)
    _ = translations(lang).gettext
    items = []
    for source in sorted(dataset.sources.values(), key=lambda s: s.label(lang).casefold()):
        date = format_partial(source.date, lang) if source.date else _("undated")
        # The source's own title is in its language; a title we supply is in the reader's.
        title_lang = lang if source.supplied_title is not None else source.language
        title = html.escape(source.title_in(lang))
        if source.url:
            url = html.escape(source.url, quote=True)
            title = f'<a href="{url}" target="_blank" rel="noopener noreferrer">{title}</a>'
        quoted = title if source.supplied_title is not None else f"“{title}”"
        extra = ""
        if source.remark is not None:
            extra += f" {html.escape(source.remark.get(lang))}"
        if detail and source.doc_code:
            extra += f" <code>{html.escape(source.doc_code)}</code>"
        if detail and source.note:
            extra += f" <small lang='en'>{html.escape(source.note)}</small>"
        items.append(
            f'<li id="source-{html.escape(source.id, quote=True)}">'
            f"<b>{html.escape(source.label(lang))}</b>: "
            f"{html.escape(source.publisher.get(lang))}, <span lang='{title_lang}'>{quoted}</span>"
            f" ({html.escape(date)}).{extra}</li>"
        )
    return _html(f"<ol class='xpl-sources'>{''.join(items)}</ol>", lang)


def members_on_list(dataset: Dataset, lang: str | None = None, which: int = -1) -> Island:
    """The members table on the date of a published list (default: the last one).

    Drawn by the front end, by the same code as the linked view's table, with a link
    that downloads the membership data as CSV.

    Examples
    --------
    >>> import explainer
    >>> table = members_on_list(explainer.load_dataset(project="tests/data/tiny"), "en", 0)
    >>> print(table)
    Known members on 1 January 2020: 3 countries: Finland, Norway, Sweden.
    """
    lang = dataset.language(lang)
    if not dataset.lists:
        raise ValueError("the story has no published membership list")
    day = dataset.lists[which].date
    state = members_state(dataset, day, lang)
    statuses = dataset.statuses_on(day)
    members = sorted(dataset.countries[c].name(lang) for c, s in statuses.items() if s.is_member)
    text = f"{state['moment']['caption']}: {', '.join(members)}."
    return Island("members", state, text)


def all_quotes(dataset: Dataset, lang: str | None = None) -> Island:
    """Every quote card, event by event, drawn by the front end as the view's cards are."""
    lang = dataset.language(lang)
    state = quotes_state(dataset, lang)
    lines = [
        f"{group['heading']}: " + " / ".join(f"{q['speaker']}, {q['about']}" for q in quotes)
        for group in state["groups"]
        for quotes in [group["quotes"]]
    ]
    return Island("quotes", state, "\n".join(lines) or state["empty"])


def caveats(dataset: Dataset, lang: str | None = None) -> HTMLFragment:
    """What the data files warn about (their ``.meta.yml`` caveats), file by file.

    Each file is headed by its ``name`` in ``lang`` (the producer's title where the
    file gives none) and its file name.
    """
    lang = dataset.language(lang)
    sections = []
    for name, meta in sorted(dataset.metas.items()):
        if not meta.caveats:
            continue
        items = "".join(f"<li>{html.escape(c.get(lang))}</li>" for c in meta.caveats)
        title = html.escape(meta.name.get(lang) if meta.name else meta.origin.title)
        sections.append(
            f"<li><b>{title}</b> (<code>{html.escape(name)}</code>)<ul>{items}</ul></li>"
        )
    return _html(f"<ul class='xpl-caveats'>{''.join(sections)}</ul>", lang)


def country_notes(dataset: Dataset, lang: str | None = None) -> HTMLFragment:
    """The notes on countries: names that changed, a status named with care."""
    lang = dataset.language(lang)
    items = "".join(
        f"<li><b>{html.escape(c.name(lang))}</b>: {html.escape(c.note.get(lang))}</li>"
        for c in sorted(dataset.countries.values(), key=lambda c: c.name(lang))
        if c.note is not None
    )
    return _html(f"<ul>{items}</ul>", lang)
