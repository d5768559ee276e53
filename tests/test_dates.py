"""Partial dates (a day, a month or a year) on their boundaries: first and last days,
month lengths, leap years, and what is not a date."""

from __future__ import annotations

import datetime as dt

import pytest

from explainer.model._dates import PartialDate

D = dt.date


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2016", "year", D(2016, 1, 1), D(2016, 12, 31)),
        ("2013-12", "month", D(2013, 12, 1), D(2013, 12, 31)),
        ("2013-04", "month", D(2013, 4, 1), D(2013, 4, 30)),
        ("2013-02", "month", D(2013, 2, 1), D(2013, 2, 28)),
        ("2012-02", "month", D(2012, 2, 1), D(2012, 2, 29)),  # a leap year
        ("2013-01", "month", D(2013, 1, 1), D(2013, 1, 31)),
        ("2012-12-05", "day", D(2012, 12, 5), D(2012, 12, 5)),
        ("2012-02-29", "day", D(2012, 2, 29), D(2012, 2, 29)),
        (" 2014-09-30 ", "day", D(2014, 9, 30), D(2014, 9, 30)),
    ],
)
def test_a_partial_date_spans_its_first_to_its_last_day(
    text: str, precision: str, first: dt.date, last: dt.date
) -> None:
    date = PartialDate.parse(text)
    assert (date.precision, date.first, date.last) == (precision, first, last)
    assert str(date) == text.strip()
    assert PartialDate.parse(str(date)) == date


def test_dates_and_years_given_as_values_keep_their_precision() -> None:
    assert PartialDate.parse(D(2013, 6, 17)) == PartialDate(2013, 6, 17)
    assert PartialDate.parse(dt.datetime(2013, 6, 17, 23, 59)) == PartialDate(2013, 6, 17)
    assert PartialDate.parse(2016).precision == "year"
    same = PartialDate(2013, 12)
    assert PartialDate.parse(same) is same


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2013-13", "not a valid date"),
        ("2013-00", "not a valid date"),  # not the whole of 2013
        ("2013-05-00", "not a valid date"),  # not the whole of May
        ("2013-02-29", "not a valid date"),  # not a leap year
        ("2013-04-31", "not a valid date"),
        ("2013-1", "is not a date like"),
        ("05-12-2012", "is not a date like"),
        ("2012-12-05T10:00", "is not a date like"),
        ("December 2013", "is not a date like"),
        ("", "is not a date like"),
    ],
)
def test_what_is_not_a_date_is_refused_with_a_message(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PartialDate.parse(text)
