"""What every check reads: the documents, their claims, the facts and the rule set; and what the
checks share: which claims a rule looks at, and the passage (sentence, paragraph, document) a claim sits in.
Interval arithmetic and how numbers are written live with the model (:mod:`claimcheck.model.interval`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from ..facts import build_facts, dimension
from ..lexicon import CHANGE_BEFORE_PERCENTAGE, RUNNING_OUTCOMES
from ..measure_keys import head_key, measure_key
from ..model import Claim, Document, Fact, Finding
from ..rules.ruleset import Rule, RuleSet
_NOT_ARITHMETIC = frozenset({"age", "score"})
_REPORTED_WITHIN = timedelta(days=14)  # days a page reports a toll after the day it tells of (counted up to then)
FINGERPRINTED_LATER = "-"  # run_checks fingerprints every finding once it knows the documents' identities


@dataclass
class CheckContext:
    documents: dict[str, Document]
    claims: list[Claim]
    rules: RuleSet
    checked: set[int] = field(default_factory=set)  # ids of claims some rule looked at
    judged_pairs: set[frozenset[int]] = field(default_factory=set)  # claim pairs an agree rule compared
    #: whether the run is an archive (:meth:`RuleSet.is_archive`), whose standing quantities are grouped by decade
    by_decade: bool = False
    #: document id -> the id of its event, where the documents are not at hand (a worker judging some facts)
    known_events: dict[str, str | None] | None = None
    #: the page figures of the documents whose claims these are, where not all their claims are at hand (likewise)
    known_figures: Counter | None = None

    _keys: dict[tuple, tuple] = field(default_factory=dict, repr=False)
    _wanted: dict[str, tuple] = field(default_factory=dict, repr=False)
    _applicable: dict[str, tuple[list[Claim], set[int]]] = field(default_factory=dict, repr=False)

    @cached_property
    def page_figures(self) -> Counter:
        """How many different figures of each casualty outcome and measure each document gives (see
        :func:`claimcheck.evidence.page_figures`)."""
        if self.known_figures is not None:
            return self.known_figures
        from ..evidence import page_figures

        return page_figures(self.claims, self.rules.synonyms)

    @cached_property
    def events(self) -> dict[str, str | None]:
        """Document id -> the id of the event it reports; made once, as every fact's agree rules read it."""
        if self.known_events is not None:
            return self.known_events
        return {document.id: document.event for document in self.documents.values()}

    @cached_property
    def facts(self) -> list[Fact]:
        """Grouped when a rule first asks: only rules across documents need them."""
        return build_facts(self.claims, self.rules.synonyms, self.events, self.rules.standing_measures(),
                           self.rules.declared_measures(), pages=self.page_figures, by_decade=self.by_decade)

    # ---- which claims a rule looks at --------------------------------------------------------------
    def keys(self, claim: Claim) -> tuple[str | None, str | None, str]:
        """(measure key, head key, dimension) of a claim, computed once per measure and unit."""
        signature = (claim.measure, claim.unit)
        found = self._keys.get(signature)
        if found is None:
            synonyms = self.rules.synonyms
            found = (measure_key(claim.measure, synonyms), head_key(claim.measure, synonyms), dimension(claim.unit))
            self._keys[signature] = found
        return found

    def _rule_keys(self, rule: Rule) -> tuple[set[str] | None, set[str | None] | None]:
        """The dimensions of a rule's units and the keys of its measures (None: any), computed once per rule."""
        wanted = self._wanted.get(rule.id)
        if wanted is None:
            dimensions = {dimension(unit) for unit in rule.units} if rule.units else None
            measures = {measure_key(m, self.rules.synonyms) for m in rule.measures} if rule.measures else None
            wanted = self._wanted[rule.id] = (dimensions, measures)
        return wanted

    def applies(self, rule: Rule, claim: Claim) -> bool:
        dimensions, measures = self._rule_keys(rule)
        if claim.type in _NOT_ARITHMETIC and rule.kind != "agree":
            return False  # an age or a score is compared with the same age or score, never added or ranged
        measure, head, claim_dimension = self.keys(claim)
        if dimensions is not None and claim_dimension not in dimensions:
            return False
        if getattr(rule.options, "fallback", False) and rule.kind == "agree" and (
                measure in self._specific_measures or head in self._specific_measures):
            return False  # a magnitude is a magnitude rule's to judge, to its precision, not within 5%
        return measures is None or measure in measures or head in measures

    @cached_property
    def _specific_measures(self) -> frozenset[str]:
        return self.rules.specific_measures()

    def names_measure(self, rule: Rule, claim: Claim) -> bool:
        """Whether a claim's whole measure is one a rule names (after synonyms), not only its head noun: "air
        strikes" is a strike tally's measure, "general strikes" only shares its head."""
        measures = self._rule_keys(rule)[1]
        return measures is not None and self.keys(claim)[0] in measures

    def claims_for(self, rule: Rule) -> list[Claim]:
        return self._for(rule)[0]

    def applicable(self, rule: Rule) -> set[int]:
        """ids of the claims a rule looks at (a set, for the checks' inner loops)."""
        return self._for(rule)[1]

    def _for(self, rule: Rule) -> tuple[list[Claim], set[int]]:
        found = self._applicable.get(rule.id)
        if found is None:
            # whether a rule applies depends on a claim's measure and unit only: decided once per pair
            verdicts = [self.applies(rule, claim) for claim in self._signatures[0]]
            claims = [claim for claim, signature in zip(self.claims, self._signatures[1]) if verdicts[signature]]
            found = self._applicable[rule.id] = (claims, {id(claim) for claim in claims})
        return found

    @cached_property
    def _signatures(self) -> tuple[list[Claim], list[int]]:
        """A claim of each distinct (measure, unit), and for every claim the position of its pair."""
        positions: dict[tuple, int] = {}
        examples: list[Claim] = []
        of_claim = []
        for claim in self.claims:
            signature = (claim.measure, claim.unit, claim.type)
            position = positions.get(signature)
            if position is None:
                position = positions[signature] = len(examples)
                examples.append(claim)
            of_claim.append(position)
        return examples, of_claim

    def mark(self, *claims: Claim) -> None:
        self.checked.update(id(claim) for claim in claims)

    # ---- passages --------------------------------------------------------------------------------------
    def paragraph(self, claim: Claim) -> int:
        text = self.documents[claim.doc].text if claim.doc in self.documents else ""
        separator = "\n\n" if "\n\n" in text else "\n"
        return text.count(separator, 0, claim.start)

    def passage(self, claim: Claim, within: str) -> tuple:
        """A key of the passage a claim sits in: its sentence, paragraph or document."""
        if within == "sentence":
            return (claim.doc, claim.sentence)
        if within == "paragraph":
            return (claim.doc, self.paragraph(claim))
        return (claim.doc,)

    def as_of(self, claim: Claim) -> date | None:
        """The day a figure holds on: its sentence's date, or, for a running toll told of an earlier day ("the quake
        on Saturday killed 250" in Sunday's paper), the day its page was published: the toll is counted up to it."""
        told = parse_date(claim.date)
        document = self.documents.get(claim.doc)
        if (told is None or document is None or claim.type != "count" or claim.outcome not in RUNNING_OUTCOMES
                or len(claim.date or "") != 10):
            return told
        published = self.written_on(claim)
        if published is not None and timedelta(0) < published - told <= _REPORTED_WITHIN:
            return published
        return told

    def written_on(self, claim: Claim) -> date | None:
        """The day a claim's page was written, where it says."""
        document = self.documents.get(claim.doc)
        return parse_date(document.date) if document is not None else None

    def finding(self, rule: Rule, status: str, message: str, claims: list[Claim], fact: str | None = None) -> Finding:
        self.mark(*claims)
        return Finding(rule=rule.id, kind=rule.kind, status=status, severity=rule.severity if status == "violated" else "info",
                       message=message, claims=claims, fact=fact, fingerprint=FINGERPRINTED_LATER)


def parse_date(text: str | None) -> date | None:
    if not text:
        return None
    parts = [int(part) for part in re.findall(r"\d+", text)[:3]]
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 6, parts[2] if len(parts) > 2 else 15)
    except (ValueError, IndexError):
        return None




#: where a sentence ends in a document's text: a cue or a word found past it speaks of another sentence
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def change_pattern(words=CHANGE_BEFORE_PERCENTAGE) -> re.Pattern[str]:
    ordered = sorted((word.lower() for word in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(word) for word in ordered) + r")\b")
