"""Quote cards: verbatim quotes with who said them, where, and who translated them.

:func:`quote_record` shapes a quote for display as plain data (the linked view builds
its cards from it in the browser); :func:`quote_card` renders the same data as HTML,
every string escaped, for notebook tables and the exported page.
"""

from __future__ import annotations

import html
from typing import Any

from babel import Locale

from ..language._i18n import format_day, translations
from ..language._languages import LOCALES
from ..model._dataset import Dataset
from ..model._schema import Quote


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def source_links(dataset: Dataset, ids: list[str], lang: str) -> list[dict[str, str]]:
    """Sources as ``{"label", "url"}`` (``url`` empty where none is known)."""
    return [
        {"label": dataset.sources[s].label(lang), "url": dataset.sources[s].url or ""} for s in ids
    ]


def quote_record(dataset: Dataset, quote: Quote, lang: str) -> dict[str, Any]:
    """What a quote card shows in ``lang``, as plain strings.

    In another language than the quote's own, a translation is shown, labelled with
    its translator (or as the story's own), with the original behind a "show" control;
    without one, the original is shown with a note saying so.
    """
    t = translations(lang)
    _ = t.gettext
    translation = quote.translation(lang) if lang != quote.language else None
    notes = []
    if translation is not None:
        shown_lang, text = translation.language, translation.text
        if translation.translator is not None:
            sources = translation.sources
            notes.append(
                _("Translation by {translator}, as published").format(
                    translator=translation.translator.get(lang)
                )
            )
        else:
            sources = quote.sources
            notes.append(
                _("Our translation; we found no published translation into {language}").format(
                    language=Locale.parse(LOCALES[lang]).languages[lang]
                )
            )
        if translation.note:
            notes.append(translation.note)
        original = {
            "summary": _("Original"),
            "lang": quote.language,
            "paragraphs": _paragraphs(quote.text),
        }
    else:
        shown_lang, text, sources = quote.language, quote.text, quote.sources
        if lang != quote.language:
            notes.append(
                # TRANSLATORS: no translation into the language of this page.
                _("Original language: {language}; no English translation published").format(
                    language=Locale.parse(LOCALES[lang]).languages[quote.language]
                )
            )
        original = None
    if quote.note is not None:
        notes.append(quote.note.get(lang))
    event = dataset.event(quote.event)
    return {
        "id": quote.id,
        "lang": shown_lang,
        "paragraphs": _paragraphs(text),
        "cite": dataset.sources[quote.sources[0]].url or "",
        "speaker": quote.speaker,
        "about": " · ".join(
            [quote.role.get(lang), format_day(quote.date, lang), event.title.get(lang)]
        ),
        "source_label": t.ngettext("Source", "Sources", len(sources)),
        "sources": source_links(dataset, sources, lang),
        "notes": notes,
        "original": original,
    }


def _link(source: dict[str, str]) -> str:
    label = html.escape(source["label"])
    if not source["url"]:
        return label
    url = html.escape(source["url"], quote=True)
    return f'<a href="{url}" target="_blank" rel="noopener noreferrer">{label}</a>'


def _blockquote(lang: str, paragraphs: list[str], cite: str) -> str:
    cite_attr = f' cite="{html.escape(cite, quote=True)}"' if cite else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f'<blockquote lang="{html.escape(lang, quote=True)}"{cite_attr}>{body}</blockquote>'


def quote_card(record: dict[str, Any]) -> str:
    """One :func:`quote_record` as a ``<figure>`` with ``<blockquote>`` and ``<cite>``."""
    notes = "".join(f'<p class="xpl-quote-note">{html.escape(n)}</p>' for n in record["notes"])
    original = record["original"]
    details = (
        f"<details><summary>{html.escape(original['summary'])}</summary>"
        f"{_blockquote(original['lang'], original['paragraphs'], record['cite'])}</details>"
        if original
        else ""
    )
    sources = "; ".join(_link(s) for s in record["sources"])
    return (
        f'<figure class="xpl-quote" data-quote="{html.escape(record["id"], quote=True)}">'
        f"{_blockquote(record['lang'], record['paragraphs'], record['cite'])}"
        f"<figcaption>— <cite>{html.escape(record['speaker'])}</cite> · "
        f"{html.escape(record['about'])}<br>{html.escape(record['source_label'])}: {sources}"
        f"</figcaption>{notes}{details}</figure>"
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
        return f'<section class="xpl-quotes">{heading}<p class="xpl-muted">{none}</p></section>'
    cards = "".join(quote_card(quote_record(dataset, q, lang)) for q in quotes)
    return f'<section class="xpl-quotes">{heading}{cards}</section>'
