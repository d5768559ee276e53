"""The membership on any date: the spans of time over which the map looks the same.

A country's standing changes only on the dates the data names (a list's date, a dated
change, an undated change's bounds, a last attestation, a group accession) or the day
after one. Checking each of those days, and keeping those on which anything a reader
sees changes, gives every span; a date's membership is that of the span it falls in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from ._dataset import Dataset
from ._status import CountryStatus

DAY = dt.timedelta(days=1)


def _boundaries(dataset: Dataset) -> Iterator[dt.date]:
    yield from (lst.date for lst in dataset.lists)
    yield from (change.date for change in dataset.changes)
    for record in dataset.undated:
        yield record.not_before
        yield record.not_after
        if record.last_attested is not None:
            yield record.last_attested.last
    yield from (c.group_from for c in dataset.countries.values() if c.group_from is not None)


def _seen(status: CountryStatus) -> tuple[object, ...]:
    # Everything a reader sees of a standing, which does not depend on the day asked.
    fields = dataclasses.asdict(dataclasses.replace(status, on=dt.date.min))
    return tuple(fields.values())


def membership_periods(
    dataset: Dataset, start: dt.date, end: dt.date
) -> list[tuple[dt.date, dict[str, CountryStatus]]]:
    """The spans from ``start`` to ``end``: each first day, with every country's standing.

    Every day in a span shows the same as its first day (see the module's docstring).
    """
    days = {start} | {d + extra for d in _boundaries(dataset) for extra in (dt.timedelta(0), DAY)}
    spans: list[tuple[dt.date, dict[str, CountryStatus]]] = []
    seen: dict[str, tuple[object, ...]] | None = None
    for day in sorted(d for d in days if start <= d <= end):
        statuses = dataset.statuses_on(day)
        now = {iso3: _seen(s) for iso3, s in statuses.items()}
        if now != seen:
            spans.append((day, statuses))
            seen = now
    return spans
