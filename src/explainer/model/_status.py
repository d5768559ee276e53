"""A country's standing in the story's membership on a given date, and why."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from ._dates import PartialDate


class StatusKind(enum.StrEnum):
    """The kinds of standing the sources support, from clear to uncertain."""

    FOUNDING = "founding"
    """In the story's first published list."""
    JOINED = "joined"
    """Joined on a date a source publishes (the date is in ``changes.csv``)."""
    JOINED_UNDATED = "joined_undated"
    """In a later list but not an earlier one; the date of joining is not published."""
    MAY_HAVE_JOINED = "may_have_joined"
    """Between two lists, for a country in the later one only: joined or not, unknown."""
    UNCLEAR = "unclear"
    """In the last list, but missing from the next one, after it was last attested."""
    ABSENT = "absent"
    """Listed earlier, absent from a later list."""
    LEFT = "left"
    """Left on a date a source publishes."""
    NOT_MEMBER = "not_member"
    """In no list on or before the date."""

    @property
    def is_member(self) -> bool:
        """Whether a country of this kind counts among the members on record."""
        return self in _MEMBER_KINDS


_MEMBER_KINDS = frozenset(
    {StatusKind.FOUNDING, StatusKind.JOINED, StatusKind.JOINED_UNDATED, StatusKind.UNCLEAR}
)


@dataclass(frozen=True)
class CountryStatus:
    """A country's standing on a date, with the dates and sources behind it.

    Attributes
    ----------
    iso3 : str
    on : datetime.date
        The date asked about.
    kind : StatusKind
    since : datetime.date or None
        When the standing began, where a source dates it (founding, joined, left).
    not_before, not_after : datetime.date or None
        The bounds of an undated change (the dates of the two lists).
    last_attested : PartialDate or None
        The last date a source still showed the earlier standing (from ``undated.csv``).
    sources : tuple of str
        Ids of the sources behind this standing.
    in_group : bool
        Whether the country was in the story's grouping (``story.yml``: ``group``) on ``on``.

    """

    iso3: str
    on: dt.date
    kind: StatusKind
    since: dt.date | None = None
    not_before: dt.date | None = None
    not_after: dt.date | None = None
    last_attested: PartialDate | None = None
    sources: tuple[str, ...] = ()
    in_group: bool = False

    @property
    def is_member(self) -> bool:
        """Whether the country counts among the members on record on ``on``."""
        return self.kind.is_member
