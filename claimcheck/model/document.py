"""Documents: a text as claimcheck read it, with what is known of where it came from."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

@dataclass
class Document:
    """A text as claimcheck read it: offsets of claims point into ``text``."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601, possibly partial ("2018", "2018-02")
    outlet: str | None = None
    path: str | None = None
    format: str = "text"  # text | markdown | html | row
    row: int | None = None  # for a dataset row: its 1-based line in the file (CSV, JSONL) or row number (Parquet)
    fields: dict[str, int] = field(default_factory=dict)  # for a dataset row: text column -> offset in ``text``
    values: dict[str, float] = field(default_factory=dict)  # for a dataset row: declared numeric claim columns
    identity: str | None = None  # what findings are fingerprinted by, when not ``id`` (rows without an id column)
    ignores: list[tuple[str, str]] = field(default_factory=list)  # inline claimcheck-ignore: (rule, reason)
    event: str | None = None  # the id of the event it reports, once events are found (see claimcheck.events)

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(i + 1 for i, char in enumerate(self.text) if char == "\n")
        return starts

    @cached_property
    def dateline_day(self) -> str | None:
        """The day its dateline gives when the page gives no full date, without a year ("--08-13", from "KATHMANDU,
        Aug 13 (Reuters) -"): how far apart two undated pages were written, where nothing else says."""
        if self.date or self.format == "row" or not self.text:
            return None
        from ..documents.metadata import dateline_day  # the page's metadata is read there (it imports this model)
        return dateline_day(self.text)

    @cached_property
    def lead_days(self) -> tuple[frozenset[str], bool]:
        """The weekdays its headline and first sentence name, and whether they tell of a day some time after its
        event ("on Saturday, a day after the quake"): when an undated page's counts were told."""
        if self.format == "row" or not self.text:
            return frozenset(), False
        from ..evidence.pages import lead_days  # what a page's lines tell is read there
        return lead_days(self.text)

    def without_text(self) -> Document:
        """A copy with what locating its claims and dating its figures needs (path, format, row, columns, date, where
        its lines start) but not its text: what travels to a worker or with the findings that quote it."""
        light = Document(id=self.id, text="", title=self.title, date=self.date, outlet=self.outlet, path=self.path,
                         format=self.format, row=self.row, fields=self.fields, identity=self.identity, event=self.event)
        light.__dict__["_line_starts"] = self._line_starts  # the cached line index line_column reads
        if self.dateline_day is not None:  # (none, read again from the empty text, is none again)
            light.__dict__["dateline_day"] = self.dateline_day
        if self.lead_days != (frozenset(), False):  # (likewise)
            light.__dict__["lead_days"] = self.lead_days
        return light

    def field_at(self, offset: int) -> str | None:
        """The dataset column a text offset falls in."""
        found = None
        for name, start in sorted(self.fields.items(), key=lambda item: item[1]):
            if start <= offset:
                found = name
        return found

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


