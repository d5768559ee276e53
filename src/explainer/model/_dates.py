"""Dates as precise as the sources give them: a day, a month or a year."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "year"]

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the day, the month or only the year.

    Parameters
    ----------
    year, month, day
        ``month`` and ``day`` are ``None`` where the source does not give them.

    Examples
    --------
    >>> d = PartialDate.parse("2013-12")
    >>> d.precision, d.first, d.last
    ('month', datetime.date(2013, 12, 1), datetime.date(2013, 12, 31))

    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (also a ``date`` or an ``int``).

        Raises
        ------
        ValueError
            With a message fit to show an author, when the value is not such a date.

        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        text = str(value).strip()
        match = _PATTERN.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a date like 2012-12-05, 2013-12 or 2016")
        year = int(match.group(1))  # the pattern always has the year
        month, day = (int(g) if g else None for g in match.groups()[1:])
        try:  # month 00 or day 00 is no date (not "the whole year")
            dt.date(year, 1 if month is None else month, 1 if day is None else day)
        except ValueError as error:
            raise ValueError(f"{text!r} is not a valid date ({error})") from None
        return cls(year, month, day)

    @property
    def precision(self) -> Precision:
        """How much of the date is known."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def first(self) -> dt.date:
        """The earliest day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> dt.date:
        """The latest day the date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)
