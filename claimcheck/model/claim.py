"""Claims: one quantity a reader would take as asserted, with its context and where it is written."""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from .interval import Interval

Bound = str  # one of BOUNDS
BOUNDS = ("=", "~", ">", ">=", "<", "<=")


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
    outcome: str | None = None  # killed | injured | captured | displaced | missing, when the clause says so
    qualifier: str | None = None
    line: int = 0
    column: int = 0
    #: what kind of quantity: count | money | percent | duration | measurement | age | score, so that only like is
    #: compared with like (an age is never a count of people)
    type: str = "count"
    subject: str | None = None  # who or what the figure is of, where the text says ("Catherine Gomes" for an age)
    source: str | None = None  # who the sentence attributes the figure to ("police", "the monitoring group")
    scope: str | None = None  # "total" for a running or overall figure ("so far", "in all"), "part" for a subset,
    #: "whole" for the set a subset is counted from ("of the three victims")

    @property
    def interval(self) -> Interval:
        """What the claim asserts, as an interval in its own unit."""
        return Interval.between(self.low, self.high)

    def quantity(self):
        """The value as a pint Quantity in the shared registry."""
        from ..units import quantity

        return quantity(self.value, self.unit)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: unbounded interval ends become None."""
        return self.fields_dict(CLAIM_FIELDS)

    def fields_dict(self, names: tuple[str, ...]) -> dict[str, Any]:
        """Some fields, JSON-safe (every field is a scalar, so no copying is needed)."""
        data = dict(zip(names, _getter(names)(self)))
        for key in ("low", "high"):
            if data.get(key) is not None and math.isinf(data[key]):
                data[key] = None
        return data


CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim))


#: The claim fields a finding quotes for each of its claims.
FINDING_CLAIM_FIELDS = ("doc", "start", "end", "line", "column", "text", "sentence", "value", "low", "high", "bound",
                        "unit", "type", "measure", "subject", "place", "actor", "date", "outcome", "scope", "source")


@lru_cache(maxsize=16)
def _getter(names: tuple[str, ...]):
    return operator.attrgetter(*names)


