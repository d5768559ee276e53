"""`explainer validate --strict`: what a careful reviewer checks by hand, by machine.

The plain checks make sure a story can be shown; these make sure it is fit to publish:

- every interface string has a translation in every language of the story;
- no story text is left untranslated (the same words in two languages);
- every source says who published it, under what title, and when (or that it shows no
  date: ``undated``);
- every fact that can carry sources does, and a country's grouping (the EU) has its
  source;
- every quote can be read in every language of the story, its translation labelled;
- citation labels carry no document codes (those belong in ``doc_code``);
- each home notebook is in its language and titled as the story is.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from ..language._i18n import DOMAIN, LOCALE_DIR
from ..language._languages import CATALOG_FOLDER, STORY_CATALOGS
from ..model._dataset import Dataset
from ..model._schema import Localized
from ._errors import Problem
from ._layout import COUNTRIES, COUNTS, EVENTS, QUOTES, SOURCES

# A document code in a label: IP/12/1308, MEMO/12/937, SPEECH/12/911, COM(2012) 196.
DOCUMENT_CODE = re.compile(r"\b[A-Z]{2,}/\d+/\d+\b|\bCOM\(\d{4}\)")
# Identical texts in two languages are suspect from this many words (names are shorter).
SAME_WORDS = 4


def _problem(file: str, row: int, field: str, message: str) -> Problem:
    return Problem(file, row, field, message)


class _Lines:
    """Finds the line of a record in a data file, so that a problem names its row."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, list[str]] = {}

    def __call__(self, file: str, key: str) -> int:
        """The first line of ``file`` that starts a CSV row or a YAML record ``key``."""
        if file not in self.files:
            path = self.root / file
            self.files[file] = (
                path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
            )
        starts = (f"{key},", f"- id: {key}", f"id: {key}")
        for number, line in enumerate(self.files[file], 1):
            if line.lstrip().startswith(starts):
                return number
        return 0


def _translated(catalog: Iterable[Message]) -> set[str]:
    return {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalog
        if m.id and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }


def catalog_problems(
    languages: tuple[str, ...], story_catalogs: Mapping[str, bytes] | None = None
) -> Iterator[Problem]:
    """Interface strings with no translation into a story language (English is the source).

    A language's strings come from the story's own catalog (``locale/<code>.po``, in
    ``story_catalogs`` compiled), then from the engine's; a problem names the story's
    catalog when it has one, else the engine's (absolute paths).
    """
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as handle:
        template = read_po(handle)
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    story_catalogs = story_catalogs or {}
    for lang in languages:
        if lang == "en":
            continue
        path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        done = set()
        if path.is_file():
            with path.open("rb") as handle:
                done |= _translated(read_mo(handle))
        if lang in story_catalogs:
            done |= _translated(read_mo(io.BytesIO(story_catalogs[lang])))
        name = str(path) if lang not in story_catalogs else f"{CATALOG_FOLDER}/{lang}.po"
        if not done:
            yield _problem(name, 0, "(file)", f"no interface catalog for {lang}")
            continue
        for msgid in sorted(wanted - done):
            yield _problem(name, 0, "msgstr", f"no {lang} translation of {msgid!r}")


def _same_texts(value: Localized | None, languages: tuple[str, ...]) -> list[str]:
    """Languages whose text is word for word the first language's (and long enough)."""
    if value is None or len(languages) < 2:
        return []
    first = value.get(languages[0])
    if len(first.split()) < SAME_WORDS:
        return []
    return [lang for lang in languages[1:] if value.get(lang) == first]


def untranslated_problems(data: Dataset) -> Iterator[Problem]:
    """Story texts that read the same in two languages: left untranslated."""
    langs = data.languages
    line = _Lines(data.root)

    def check(file: str, field: str, value: Localized | None) -> Iterator[Problem]:
        key = field.split(".")[0]
        for lang in _same_texts(value, langs):
            row = line(file, key) if file != "story.yml" else 0
            yield _problem(file, row, f"{field}.{lang}", f"the same words as in {langs[0]}")

    yield from check("story.yml", "title", data.manifest.title)
    yield from check("story.yml", "content_note", data.manifest.content_note)
    for event in data.events:
        for field in ("title", "text", "notes", "place"):
            yield from check(EVENTS, f"{event.id}.{field}", getattr(event, field))
    for quote in data.quotes:
        yield from check(QUOTES, f"{quote.id}.role", quote.role)
        yield from check(QUOTES, f"{quote.id}.note", quote.note)
    for record_set in data.records.values():
        for item in record_set.items:
            yield from check(record_set.spec.file, f"{item.id}.label", item.label)
            yield from check(record_set.spec.file, f"{item.id}.wording", item.wording)
    for count in data.counts:
        yield from check(COUNTS, f"{count.date}.note", count.note)
    for name, meta in data.metas.items():
        for i, caveat in enumerate(meta.caveats):
            yield from check(name, f"caveats[{i}]", caveat)
    for iso3, country in data.countries.items():
        yield from check(COUNTRIES, f"{iso3}.note", country.note)
    for source in data.sources.values():
        yield from check(SOURCES, f"{source.id}.remark", source.remark)
        yield from check(SOURCES, f"{source.id}.supplied_title", source.supplied_title)


def source_problems(data: Dataset) -> Iterator[Problem]:
    """Sources with no date at all, or a document code in a citation label."""
    line = _Lines(data.root)
    for source in data.sources.values():
        row = line(SOURCES, source.id)
        if source.date_published is None:
            yield _problem(
                SOURCES, row, f"{source.id}.date_published",
                "no date: give the date published, or `undated` where the source shows none",
            )  # fmt: skip
        for lang in data.languages:
            if DOCUMENT_CODE.search(source.label(lang)):
                yield _problem(
                    SOURCES, row, f"{source.id}.short_{lang}",
                    "a document code in a citation label; put it in doc_code",
                )  # fmt: skip


def fact_problems(data: Dataset) -> Iterator[Problem]:
    """Facts without a source: a country's grouping, a quote not readable in a language."""
    line = _Lines(data.root)
    for iso3, country in data.countries.items():
        if country.group and not country.group_sources:
            yield _problem(
                COUNTRIES, line(COUNTRIES, iso3), f"{iso3}.group_sources",
                "membership of the grouping needs a source",
            )  # fmt: skip
    for quote in data.quotes:
        for lang in data.languages:
            if lang != quote.language and quote.translation(lang) is None:
                yield _problem(
                    QUOTES, line(QUOTES, quote.id), f"{quote.id}.translations",
                    f"no translation into {lang} (a published one with its translator, "
                    "or ours: by: ours)",
                )  # fmt: skip


def notebook_problems(data: Dataset, notebooks: dict[str, Path]) -> Iterator[Problem]:
    """Home notebooks not in their language, or titled otherwise than the story."""
    # Imported here: nbformat's import takes seconds (its JSON schema validator builds
    # grammars), which bad data, refused before any notebook is read, need not wait for.
    import nbformat

    for lang, path in notebooks.items():
        name = f"notebooks/{path.name}"
        metadata = nbformat.read(path, as_version=4).metadata
        if metadata.get("language_code") != lang:
            yield _problem(name, 0, "language_code", f"the home notebook in {lang} says "
                           f"{metadata.get('language_code')!r}")  # fmt: skip
        if metadata.get("title") != data.manifest.title.get(lang):
            yield _problem(name, 0, "title", "not the story's title in story.yml")


def strict_problems(data: Dataset, notebooks: dict[str, Path]) -> list[Problem]:
    """Every problem the strict checks find in ``data`` and its home ``notebooks``.

    File names are relative to the story's folder (the engine's catalogs' are absolute).
    """
    found = [
        *untranslated_problems(data),
        *source_problems(data),
        *fact_problems(data),
    ]
    in_story = [
        Problem(p.file if p.file == "story.yml" else f"data/{p.file}", p.row, p.field, p.message)
        for p in found
    ]
    catalogs = list(catalog_problems(data.languages, STORY_CATALOGS))
    return sorted([*catalogs, *in_story, *notebook_problems(data, notebooks)])
