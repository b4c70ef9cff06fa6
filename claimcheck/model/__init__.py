"""The data model every stage speaks: documents -> claims (-> facts -> findings).

Field names are the same as Python attributes, JSON keys and CSV columns.
"""

from __future__ import annotations

import bisect
import math
import operator
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
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
    row: int | None = None  # for a dataset row: its 1-based line in the file (CSV, JSONL) or row number (Parquet)
    fields: dict[str, int] = field(default_factory=dict)  # for a dataset row: text column -> offset in ``text``
    values: dict[str, float] = field(default_factory=dict)  # for a dataset row: declared numeric claim columns
    identity: str | None = None  # what findings are fingerprinted by, when not ``id`` (rows without an id column)
    ignores: list[tuple[str, str]] = field(default_factory=list)  # inline claimcheck-ignore: (rule, reason)

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(i + 1 for i, char in enumerate(self.text) if char == "\n")
        return starts

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
    event: str | None = None  # killed | injured | captured | displaced | missing, when the clause says so
    qualifier: str | None = None
    line: int = 0
    column: int = 0

    def quantity(self):
        """The value as a pint Quantity in the shared registry."""
        from .units import quantity

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
                        "unit", "measure", "place", "actor", "date", "event")
STATUSES = ("violated", "consistent", "changed")
SEVERITIES = ("error", "warning", "info")


@dataclass
class Fact:
    """Claims that report the same quantity: same measure, compatible actor and place, one dimension."""

    key: str
    measure: str
    actor: str | None
    place: str | None
    dimension: str
    claims: list[Claim] = field(default_factory=list)
    event: str | None = None


@dataclass
class Finding:
    """What a rule concluded about some claims, with the arithmetic that shows why."""

    rule: str
    kind: str
    status: str
    severity: str
    message: str
    claims: list[Claim]
    fact: str | None = None
    fingerprint: str = ""
    #: the claims the finding is about, when ``claims`` also quotes sources that only repeat them; the
    #: fingerprint is taken from these, so a new source repeating a figure does not make a new finding
    subject: list[Claim] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.fingerprint:
            self.fingerprint = fingerprint(self.rule, self.subject or self.claims)

    def to_dict(self) -> dict[str, Any]:
        claims = [claim.fields_dict(FINDING_CLAIM_FIELDS) for claim in self.claims]
        return {"rule": self.rule, "kind": self.kind, "status": self.status, "severity": self.severity,
                "message": self.message, "fact": self.fact, "fingerprint": self.fingerprint, "claims": claims}


@lru_cache(maxsize=16)
def _getter(names: tuple[str, ...]):
    return operator.attrgetter(*names)


@lru_cache(maxsize=65536)  # many claims share a sentence
def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


def fingerprint(rule: str, claims: list[Claim], identities: dict[str, str] | None = None) -> str:
    """Stable across runs and reflowing: rule, document identities (a row without an id column is known by
    its text, not its position) and the claims' normalised sentences and texts."""
    import hashlib

    identities = identities or {}
    parts = sorted(f"{identities.get(claim.doc, claim.doc)}\x1f{_normalised(claim.sentence)}\x1f{_normalised(claim.text)}"
                   for claim in claims)
    digest = hashlib.sha256("\x1e".join([rule, *parts]).encode("utf-8", "surrogateescape")).hexdigest()
    return digest[:16]
