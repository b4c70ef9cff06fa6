"""Rules as loaded: plain data the checks read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model.interval import Tolerance

@dataclass(eq=False)  # compared and hashed by identity: one per rule set
class Synonyms:
    """Names that mean the same measure, actor or place; each group has a canonical name."""

    measure: dict[str, str] = field(default_factory=dict)
    actor: dict[str, str] = field(default_factory=dict)
    place: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, groups: dict[str, list[str]]) -> None:
        table = getattr(self, kind)
        for canonical, names in groups.items():
            for name in [canonical, *names]:
                table[_key(name)] = canonical

    def canonical(self, kind: str, name: str | None) -> str | None:
        if name is None:
            return None
        return getattr(self, kind).get(_key(name))


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    return " ".join(re.sub(r"[.’']", "", name).lower().split())


@dataclass
class Rule:
    """One rule of a pack: which claims it reads (``measures``, ``units``) and its kind's typed ``options``."""

    id: str
    kind: str
    severity: str
    options: Any  # the kind's options dataclass (see claimcheck.checks.registry)
    source: str
    line: int
    base_dir: Path | None = None
    description: str | None = None
    measures: list[str] | None = None
    units: list[str] | None = None
    examples: list[dict] = field(default_factory=list)
    enabled: bool = True


#: documents from which a run is an archive, unless a pack says (``defaults.archive_from``)
ARCHIVE_FROM = 10_000


@dataclass
class RuleSet:
    rules: list[Rule]
    synonyms: Synonyms
    window: timedelta = timedelta(days=90)
    default_tolerance: Tolerance = field(default_factory=lambda: Tolerance(rel=0.05, points=0.5))
    files: list[str] = field(default_factory=list)
    #: documents from which a run is an archive, whose standing quantities are grouped decade by decade
    archive_from: int = ARCHIVE_FROM

    def digest(self) -> str:
        """Changes whenever anything the checks read changes: what cached findings are keyed by."""
        import hashlib

        content = repr((self.rules, self.synonyms.measure, self.synonyms.actor, self.synonyms.place, self.window,
                        self.default_tolerance, self.archive_from))
        return hashlib.sha256(content.encode("utf-8", "surrogateescape")).hexdigest()

    def standing_measures(self) -> frozenset[str]:
        """Measure keys some rule compares across events (``across_events: true``): standing quantities such as
        troop levels, reported from event to event."""
        from ..measure_keys import measure_key

        return frozenset(measure_key(measure, self.synonyms) for rule in self.rules
                         if getattr(rule.options, "across_events", False) for measure in rule.measures or ())

    def is_archive(self, documents: int) -> bool:
        """Whether a run of this many documents is an archive (``defaults.archive_from``): years of news, in which a
        standing quantity is compared within a decade (see :func:`claimcheck.facts.grouped_within`)."""
        return documents >= self.archive_from

    def declared_measures(self) -> frozenset[str]:
        """Measure keys a specific agree rule names (not a fallback): their figures are one quantity by the rule's
        word (within an event, or across events for a standing one), not split by the evidence."""
        return self._agree_measures(one_quantity=True)

    def specific_measures(self) -> frozenset[str]:
        """Measure keys any specific agree rule names, one quantity by its word or not (magnitudes, deal prices): a
        fallback agree rule leaves their figures to it."""
        return self._agree_measures(one_quantity=False)

    def _agree_measures(self, one_quantity: bool) -> frozenset[str]:
        from ..measure_keys import measure_key

        return frozenset(measure_key(measure, self.synonyms) for rule in self.rules
                         if rule.kind == "agree" and not getattr(rule.options, "fallback", False)
                         and (not one_quantity or getattr(rule.options, "one_quantity", True))
                         for measure in rule.measures or ())

    def by_id(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)
