"""How far apart two documents were written, as events compare them.

A document's day is its date as an ordinal day; a page whose dateline gives a day but no year ("KATHMANDU, Aug 13
(Reuters) -") still gives its day of the year, told as a negative number (so that it travels in the same integer
column as a date, to the workers of a cluster). Two days of the year are at least as far apart as they lie around
the calendar, whatever the years: 13 January and 21 March are never one week's news."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Document

_YEARLESS = 1000  # a day of the year d (1-366) is told as -(_YEARLESS + d); -1 is kept for "no day" by the cluster
_DAYS_IN_YEAR = 366  # days of the year are counted as in a leap year: 29 February is a day


def document_day(document: Document) -> int | None:
    """The ordinal day of a document's date, or its dateline's day of the year (negative), or None."""
    full = ordinal_day(document.date)
    if full is not None:
        return full
    yearless = document.dateline_day  # "--08-13"
    if yearless:
        return -(_YEARLESS + _day_of_year(int(yearless[2:4]), int(yearless[5:7])))
    return None


def ordinal_day(iso: str | None) -> int | None:
    """A full ISO date's ordinal day; None for no date or a partial one ("2018-02")."""
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def days_apart(first: int | None, second: int | None) -> int | None:
    """How many days at least lie between two documents' days; None when either has none."""
    if first is None or second is None:
        return None
    if first > 0 and second > 0:
        return abs(first - second)
    return _around_the_year(_of_year(first), _of_year(second))


@dataclass(frozen=True)
class Span:
    """The days of a group of documents: the first and last full dates, and every day of the year its members were
    written on (full dates and yearless datelines alike)."""

    first: int | None = None
    last: int | None = None
    of_year: frozenset[int] = frozenset()
    yearless: bool = False  # some member's day is a dateline's without a year

    @classmethod
    def of(cls, day: int | None) -> Span:
        if day is None:
            return cls()
        return cls(day, day, frozenset({_of_year(day)})) if day > 0 else cls(of_year=frozenset({_of_year(day)}),
                                                                                yearless=True)

    def joined_within(self, other: Span, window: int) -> Span | None:
        """The span of the two groups together, or None when it is longer than ``window`` days (as far as their
        days tell)."""
        firsts = [day for day in (self.first, other.first) if day is not None]
        lasts = [day for day in (self.last, other.last) if day is not None]
        if firsts and max(lasts) - min(firsts) > window:
            return None
        yearless = self.yearless or other.yearless
        # full dates within the window lie within it around the year too; each group's own days already do
        if yearless and any(_around_the_year(a, b) > window for a in self.of_year for b in other.of_year):
            return None
        return Span(min(firsts) if firsts else None, max(lasts) if lasts else None, self.of_year | other.of_year,
                    yearless)


def _of_year(day: int) -> int:
    if day < 0:
        return -day - _YEARLESS
    told = date.fromordinal(day)
    return _day_of_year(told.month, told.day)


def _day_of_year(month: int, day: int) -> int:
    return date(2000, month, day).timetuple().tm_yday


def _around_the_year(first: int, second: int) -> int:
    gap = abs(first - second)
    return min(gap, _DAYS_IN_YEAR - gap)
