"""The validated content of data/ and the questions the views ask of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._schema import (
    Country,
    DatedChange,
    Event,
    ListMeta,
    MapView,
    Meta,
    Quote,
    ReportedCount,
    Source,
    UndatedChange,
    Wording,
    WordingsMeta,
)
from ._status import CountryStatus, StatusKind

if TYPE_CHECKING:
    from ._manifest import Manifest, RecordSpec


# What a status says besides its kind: the keyword arguments of CountryStatus.
Facts = dict[str, Any]


@dataclass(frozen=True)
class MembershipList:
    """A published list of members on a date."""

    meta: ListMeta
    members: frozenset[str]
    file: str

    @property
    def date(self) -> dt.date:
        """The date the list describes."""
        return self.meta.date


@dataclass(frozen=True)
class RecordSet:
    """A set of sourced wordings that ``story.yml`` declares (``records``), with its sidecar."""

    spec: RecordSpec
    items: tuple[Wording, ...]
    meta: WordingsMeta | None


@dataclass(frozen=True, eq=False)
class Dataset:
    """Everything in data/, validated. Build it with :func:`explainer.load_dataset`.

    Examples
    --------
    >>> import datetime as dt, explainer
    >>> data = explainer.load_dataset(project="tests/data/tiny")
    >>> len(data.members_on(dt.date(2020, 1, 1)))
    3
    >>> data.status_on("ISL", dt.date(2020, 6, 1)).kind.value
    'joined'

    """

    root: Path
    manifest: Manifest
    sources: Mapping[str, Source]
    countries: Mapping[str, Country]
    lists: tuple[MembershipList, ...]
    changes: tuple[DatedChange, ...]
    undated: tuple[UndatedChange, ...]
    counts: tuple[ReportedCount, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    records: Mapping[str, RecordSet]
    metas: Mapping[str, Meta]
    geometry: Mapping[str, Any]

    @property
    def languages(self) -> tuple[str, ...]:
        """The story's languages, its home language first."""
        return self.manifest.codes

    @property
    def views(self) -> tuple[MapView, ...]:
        """The map's views (``story.yml``), the first where pages open."""
        return tuple(self.manifest.map.views)

    def language(self, lang: str | None = None) -> str:
        """``lang`` if the story speaks it; the story's first language if None.

        Raises
        ------
        ValueError
            For a language the story does not speak.

        """
        if lang is None:
            return self.languages[0]
        if lang not in self.languages:
            raise ValueError(f"lang must be one of {', '.join(self.languages)}, not {lang!r}")
        return lang

    @property
    def start(self) -> dt.date:
        """The first date on record: the first list's or the first dated change's."""
        firsts = [lst.date for lst in self.lists[:1]] + [c.date for c in self.changes[:1]]
        return min(firsts)

    def members_on(self, on: dt.date) -> frozenset[str]:
        """ISO3 codes of the members as last attested on or before ``on``.

        Empty before :attr:`start`. Countries whose joining date is not published count
        from the first list that names them; a country missing from a later list
        counts until that list.
        """
        return frozenset(c for c in self.countries if self.status_on(c, on).is_member)

    def status_on(self, iso3: str, on: dt.date) -> CountryStatus:
        """The standing of ``iso3`` on ``on``, with the dates and sources behind it.

        Raises
        ------
        KeyError
            If ``iso3`` is not in data/countries.csv.

        """
        eu = self.in_group_on(iso3, on)  # also raises KeyError for an unknown code
        earlier = [lst for lst in self.lists if lst.date <= on]
        dated = [c for c in self.changes if c.iso3 == iso3 and c.date <= on]
        last_change = dated[-1] if dated else None
        if last_change is not None and (not earlier or last_change.date > earlier[-1].date):
            # A dated change after the latest list (or before any list) decides.
            kind = StatusKind.JOINED if last_change.change == "joined" else StatusKind.LEFT
            facts: Facts = {"since": last_change.date, "sources": tuple(last_change.sources)}
        elif not earlier:
            kind, facts = StatusKind.NOT_MEMBER, {}
        elif iso3 in earlier[-1].members:
            kind, facts = self._while_listed(iso3, on, earlier)
        else:
            kind, facts = self._while_unlisted(iso3, on, earlier, last_change)
        return CountryStatus(iso3, on, kind, in_group=eu, **facts)

    def _while_listed(
        self, iso3: str, on: dt.date, earlier: list[MembershipList]
    ) -> tuple[StatusKind, Facts]:
        """The standing of a country the latest list on or before ``on`` names."""
        current = earlier[-1]
        first_listed = next(lst for lst in earlier if iso3 in lst.members)  # current at least
        leaving = self._undated(iso3, "left", current.date, on)
        attested = leaving.last_attested if leaving is not None else None
        if leaving is not None and attested is not None and on > attested.last:
            return StatusKind.UNCLEAR, {
                "not_before": leaving.not_before,
                "not_after": leaving.not_after,
                "last_attested": attested,
                "sources": tuple(leaving.sources),
            }
        if first_listed is self.lists[0]:
            return StatusKind.FOUNDING, {
                "since": first_listed.date,
                "sources": tuple(first_listed.meta.sources),
            }
        join = next((c for c in self.changes if c.iso3 == iso3 and c.change == "joined"), None)
        if join is not None and join.date <= first_listed.date:
            return StatusKind.JOINED, {"since": join.date, "sources": tuple(join.sources)}
        joined = next((u for u in self.undated if u.iso3 == iso3 and u.change == "joined"), None)
        return StatusKind.JOINED_UNDATED, {
            "not_before": joined.not_before if joined else None,
            "not_after": joined.not_after if joined else first_listed.date,
            "sources": tuple(joined.sources if joined else first_listed.meta.sources),
        }

    def _while_unlisted(
        self,
        iso3: str,
        on: dt.date,
        earlier: list[MembershipList],
        last_change: DatedChange | None,
    ) -> tuple[StatusKind, Facts]:
        """The standing of a country the latest list on or before ``on`` does not name."""
        current = earlier[-1]
        pending = self._undated(iso3, "joined", current.date, on)
        if pending is not None:
            return StatusKind.MAY_HAVE_JOINED, {
                "not_before": pending.not_before,
                "not_after": pending.not_after,
                "sources": tuple(pending.sources),
            }
        if last_change is not None and last_change.change == "left":
            return StatusKind.LEFT, {
                "since": last_change.date,
                "sources": tuple(last_change.sources),
            }
        if any(iso3 in lst.members for lst in earlier):
            left = next((u for u in self.undated if u.iso3 == iso3 and u.change == "left"), None)
            return StatusKind.ABSENT, {
                "not_before": left.not_before if left else None,
                "not_after": left.not_after if left else current.date,
                "last_attested": left.last_attested if left else None,
                "sources": tuple(left.sources if left else current.meta.sources),
            }
        return StatusKind.NOT_MEMBER, {}

    def statuses_on(self, on: dt.date) -> dict[str, CountryStatus]:
        """The status of every country in data/countries.csv on ``on``."""
        return {iso3: self.status_on(iso3, on) for iso3 in self.countries}

    def in_group_on(self, iso3: str, on: dt.date) -> bool:
        """Whether ``iso3`` was in the story's grouping (such as the EU) on ``on``."""
        country = self.countries[iso3]
        return bool(country.group) and (country.group_from is None or country.group_from <= on)

    def reported_count(self, on: dt.date) -> ReportedCount | None:
        """The latest count reported without names since the latest list, if any."""
        earlier = [lst for lst in self.lists if lst.date <= on]
        if not earlier:
            return None
        since = earlier[-1].date
        found = [c for c in self.counts if since < c.date.first and c.date.last <= on]
        return found[-1] if found else None

    def count_of_event(self, event_id: str) -> ReportedCount | None:
        """The count reported without names that this event is the first to show.

        A count belongs to one event: the first on whose day it is the latest count
        (:meth:`reported_count`); later events do not repeat it.
        """
        index = next(i for i, e in enumerate(self.events) if e.id == event_id)
        count = self.reported_count(self.events[index].last_day)
        if count is None or index == 0:
            return count
        return None if self.reported_count(self.events[index - 1].last_day) is count else count

    @cached_property
    def steps(self) -> tuple[dt.date, ...]:
        """Dates on which the map changes: lists, dated changes, group accessions, counts."""
        dates = {lst.date for lst in self.lists}
        dates |= {c.date for c in self.changes}
        dates |= {c.group_from for c in self.countries.values() if c.group_from is not None}
        dates |= {c.date.first for c in self.counts if c.date.precision == "day"}
        return tuple(sorted(d for d in dates if d >= self.start))

    def event(self, event_id: str) -> Event:
        """The event with id ``event_id``."""
        for event in self.events:
            if event.id == event_id:
                return event
        raise KeyError(event_id)

    def quotes_for(self, event_id: str) -> tuple[Quote, ...]:
        """The quotes said at or about the event ``event_id``."""
        return tuple(q for q in self.quotes if q.event == event_id)

    def _undated(
        self, iso3: str, change: str, list_date: dt.date, on: dt.date
    ) -> UndatedChange | None:
        for record in self.undated:
            if (
                record.iso3 == iso3
                and record.change == change
                and record.not_before <= list_date
                and record.not_before < on < record.not_after
            ):
                return record
        return None
