"""What changed between two dates: who joined, who is no longer listed, and the rest.

Each step of the timeline shows one date; a reader (and a screen reader) is told what
differs from the step before, in one short sentence, and the map can mark exactly
those countries.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel.lists import format_list

from ..language._i18n import translations
from ..language._languages import LOCALES
from ._dataset import Dataset
from ._status import StatusKind

NAMED_AT_MOST = 2  # more names than this are counted instead


@dataclass(frozen=True)
class Changes:
    """Countries (ISO3) whose standing differs between two dates, by kind of change.

    ``joined``: counted among the members after, not before (``founded``: the same, for
    the members of the first list, which nobody "joined"). ``left``: counted before, not
    after, on a date a source gives; ``unlisted``: the same, missing from a later list.
    ``restated``: a member (or not) on both dates, with a different standing
    (a date now published, a status no longer known). ``grouped``: entered the story's
    grouping (the EU) in between.
    """

    joined: tuple[str, ...] = ()
    founded: tuple[str, ...] = ()
    left: tuple[str, ...] = ()
    unlisted: tuple[str, ...] = ()
    restated: tuple[str, ...] = ()
    grouped: tuple[str, ...] = ()

    def codes(self) -> tuple[str, ...]:
        """Every country that changed, once, to outline on the map.

        The first list's countries are not among them: there the whole map is new, and
        an outline round every member would single out none.
        """
        every = (*self.joined, *self.left, *self.unlisted, *self.restated, *self.grouped)
        return tuple(dict.fromkeys(every))


def changes_between(dataset: Dataset, before: dt.date | None, after: dt.date) -> Changes:
    """What differs on ``after`` from ``before`` (nothing, without a ``before``)."""
    if before is None:
        return Changes()
    old, new = dataset.statuses_on(before), dataset.statuses_on(after)
    codes = sorted(new)
    entered = [c for c in codes if new[c].is_member and not old[c].is_member]
    gone = [c for c in codes if old[c].is_member and not new[c].is_member]
    return Changes(
        joined=tuple(c for c in entered if new[c].kind is not StatusKind.FOUNDING),
        founded=tuple(c for c in entered if new[c].kind is StatusKind.FOUNDING),
        left=tuple(c for c in gone if new[c].kind is StatusKind.LEFT),
        unlisted=tuple(c for c in gone if new[c].kind is not StatusKind.LEFT),
        restated=tuple(
            c
            for c in codes
            if new[c].kind is not old[c].kind and new[c].is_member == old[c].is_member
        ),
        grouped=tuple(c for c in codes if new[c].in_group and not old[c].in_group),
    )


def _names(dataset: Dataset, codes: tuple[str, ...], lang: str) -> str:
    names = sorted(dataset.countries[c].name(lang) for c in codes)
    return format_list(names, locale=LOCALES[lang])


def change_sentence(dataset: Dataset, changes: Changes, lang: str) -> str:
    """The changes in a few words: "Canada joined", "6 joined, Vietnam no longer listed"."""
    t = translations(lang)
    parts = []
    joined, left, unlisted = len(changes.joined), len(changes.left), len(changes.unlisted)
    if 0 < joined <= NAMED_AT_MOST:
        parts.append(
            t.gettext("{names} joined").format(names=_names(dataset, changes.joined, lang))
        )
    elif joined:
        parts.append(t.ngettext("{count} joined", "{count} joined", joined).format(count=joined))
    if 0 < left <= NAMED_AT_MOST:
        parts.append(t.gettext("{names} left").format(names=_names(dataset, changes.left, lang)))
    elif left:
        parts.append(t.ngettext("{count} left", "{count} left", left).format(count=left))
    if 0 < unlisted <= NAMED_AT_MOST:
        names = _names(dataset, changes.unlisted, lang)
        parts.append(t.gettext("{names} no longer listed").format(names=names))
    elif unlisted:
        parts.append(
            t.ngettext("{count} no longer listed", "{count} no longer listed", unlisted).format(
                count=unlisted
            )
        )
    group = dataset.manifest.group
    if changes.grouped and group is not None and len(changes.grouped) <= NAMED_AT_MOST:
        parts.append(
            t.gettext("{names} joined the {group}").format(
                names=_names(dataset, changes.grouped, lang), group=group.column.get(lang)
            )
        )
    return ", ".join(parts)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"“”(])")
_ABBREVIATION = re.compile(r"(\b[A-Z]|\b(?:Sept|Dec|Jan|Feb|Mar|Apr|Aug|Oct|Nov|no|nr|St))\.$")


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (a stage shows it as the step's key fact)."""
    for match in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text[: match.start()]):
            return text[: match.start()].strip()
    return text.strip()
