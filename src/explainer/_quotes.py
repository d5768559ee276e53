"""Quote cards: verbatim quotes, marked up as quotations, every string escaped."""

from __future__ import annotations

import html

from babel import Locale

from ._dataset import Dataset
from ._i18n import LOCALES, format_day, translations
from ._schema import Quote


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def _source_links(dataset: Dataset, ids: list[str]) -> str:
    links = []
    for source_id in ids:
        source = dataset.sources[source_id]
        label = html.escape(source.short)
        if source.url:
            url = html.escape(source.url, quote=True)
            links.append(f'<a href="{url}" target="_blank" rel="noopener noreferrer">{label}</a>')
        else:
            links.append(label)
    return "; ".join(links)


def quote_card(dataset: Dataset, quote: Quote, lang: str) -> str:
    """One quote as a ``<figure>`` with ``<blockquote>`` and ``<cite>``.

    In Swedish, a published translation is shown, labelled with its translator, and the
    original follows in a collapsed ``<details>``; without one, the original is shown
    with a note saying so.
    """
    _ = translations(lang).gettext
    translation = quote.translation(lang) if lang != quote.language else None
    original_url = dataset.sources[quote.sources[0]].url or ""
    cite_attr = f' cite="{html.escape(original_url, quote=True)}"' if original_url else ""
    if translation is not None:
        shown_lang, text = translation.language, translation.text
        note = _("Translation by {translator}, as published").format(
            translator=translation.translator.get(lang)
        )
        sources = _source_links(dataset, translation.sources)
        summary = html.escape(_("Original"))
        original = (
            f"<details><summary>{summary}</summary>"
            f'<blockquote lang="{quote.language}"{cite_attr}>{_paragraphs(quote.text)}'
            f"</blockquote></details>"
        )
    else:
        shown_lang, text = quote.language, quote.text
        note = (
            _("Original language: {language}; no translation published").format(
                language=Locale.parse(LOCALES[lang]).languages[quote.language]
            )
            if lang != quote.language
            else ""
        )
        sources = _source_links(dataset, quote.sources)
        original = ""
    event = next((e for e in dataset.events if e.id == quote.event), None)
    parts = [
        f"<cite>{html.escape(quote.speaker)}</cite>",
        html.escape(quote.role.get(lang)),
        html.escape(format_day(quote.date, lang)),
    ]
    if event is not None:
        parts.append(html.escape(event.title.get(lang)))
    source_label = html.escape(_("Source"))
    note_html = f'<p class="gaexp-quote-note">{html.escape(note)}</p>' if note else ""
    return (
        f'<figure class="gaexp-quote" data-quote="{html.escape(quote.id, quote=True)}">'
        f'<blockquote lang="{shown_lang}"{cite_attr}>{_paragraphs(text)}</blockquote>'
        f"<figcaption>— {' · '.join(parts)}<br>"
        f"{source_label}: {sources}</figcaption>{note_html}{original}</figure>"
    )


def quote_cards(dataset: Dataset, event_id: str, lang: str, heading: str | None = None) -> str:
    """The cards of every quote said at or about ``event_id`` (or a short note).

    ``heading`` replaces the section's heading ("Quotes"); it is escaped here.
    """
    _ = translations(lang).gettext
    quotes = dataset.quotes_for(event_id)
    heading = "<h3>{}</h3>".format(html.escape(heading or _("Quotes")))
    if not quotes:
        none = html.escape(_("No quote recorded for this event."))
        return f'<section class="gaexp-quotes">{heading}<p class="gaexp-muted">{none}</p></section>'

    cards = "".join(quote_card(dataset, q, lang) for q in quotes)
    return f'<section class="gaexp-quotes">{heading}{cards}</section>'
