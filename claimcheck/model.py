"""The data model every stage speaks: documents -> claims (-> facts -> findings).

Field names are the same as Python attributes, JSON keys and CSV columns.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import asdict, dataclass, field, fields
from functools import cached_property
from typing import Any

Bound = str  # one of BOUNDS
BOUNDS = ("=", "~", ">", ">=", "<", "<=")


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

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(i + 1 for i, char in enumerate(self.text) if char == "\n")
        return starts

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


@dataclass
class Claim:
    """One quantity a reader would take as asserted, with its context and source span."""

    doc: str
    start: int
    end: int
    text: str
    sentence: str
    value: float
    low: float | None
    high: float | None
    bound: Bound = "="
    is_range: bool = False
    unit: str = "count"
    measure: str | None = None
    place: str | None = None
    actor: str | None = None
    date: str | None = None
    qualifier: str | None = None
    line: int = 0
    column: int = 0

    def quantity(self):
        """The value as a pint Quantity in the shared registry."""
        from .units import quantity

        return quantity(self.value, self.unit)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: unbounded interval ends become None."""
        data = asdict(self)
        for key in ("low", "high"):
            if data[key] is not None and math.isinf(data[key]):
                data[key] = None
        return data


CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim))
DOCUMENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Document))
