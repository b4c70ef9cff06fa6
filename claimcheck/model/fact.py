"""Facts: the claims that report one quantity, under a typed key that says which quantity it is."""

from __future__ import annotations

from dataclasses import dataclass, field

from .claim import Claim


@dataclass(frozen=True)
class FactKey:
    """What makes claims one quantity. ``measure`` is what is counted (after synonyms), ``outcome`` a casualty
    type the clause names (killed, injured), ``actor`` and ``place`` whose and where (None: any), ``dimension``
    the units' pint dimension, ``event`` the id of the event its documents report. ``subject``, ``scope`` and
    ``period`` narrow it further where known: what the measure is of, whether a figure is cumulative or one
    incident's, and the time it refers to."""

    measure: str
    dimension: str
    actor: str | None = None
    place: str | None = None
    outcome: str | None = None
    subject: str | None = None
    scope: str | None = None
    period: str | None = None
    event: str | None = None

    def __str__(self) -> str:
        """'strike | * | Iraq | [count]': how the key is written in findings, reports and the ledger."""
        measure = self.measure + (f" ({self.outcome})" if self.outcome else "")
        parts = [measure, self.actor or "*", self.place or "*"]
        parts += [f"{name} {value}" for name, value in (("of", self.subject), ("scope", self.scope),
                                                         ("as of", self.period), ("event", self.event)) if value]
        return " | ".join([*parts, self.dimension])


@dataclass
class Fact:
    """Claims that report the same quantity."""

    key: FactKey
    claims: list[Claim] = field(default_factory=list)
    id: int | None = None  # a ledger's stable id for the fact (None outside a ledger)

    @property
    def measure(self) -> str:
        return self.key.measure

    @property
    def actor(self) -> str | None:
        return self.key.actor

    @property
    def place(self) -> str | None:
        return self.key.place

    @property
    def dimension(self) -> str:
        return self.key.dimension
