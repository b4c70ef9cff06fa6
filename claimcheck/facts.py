"""Grouping claims into facts: the same measure (after synonyms), a compatible actor and place,
and units of one dimension. A claim that names no actor (or place) matches any."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import GROUPED_OUTCOMES, SIDE_WORDS
from .memo import memo
from .model import Claim, Fact, FactKey
from .rules.ruleset import Synonyms
from .units import dimensionality as dimension


@memo("simplemma-lemmas")
def singular(word: str) -> str:
    """The lemma of a head noun ('caches' -> 'cache', 'militiamen' -> 'militiaman'), by simplemma."""
    import simplemma

    return simplemma.lemmatize(word, lang="en")


def measure_key(measure: str | None, synonyms: Synonyms) -> str | None:
    if not measure:
        return None
    return _measure_key(measure, synonyms)


@lru_cache(maxsize=8192)
def _measure_key(measure: str, synonyms: Synonyms) -> str | None:
    """The name a measure is grouped under: its synonym group, else its words with the head noun singular."""
    if not measure:
        return None
    canonical = synonyms.canonical("measure", measure)
    if canonical:
        return canonical
    words = measure.lower().split()
    return " ".join([*words[:-1], singular(words[-1])])


def head_key(measure: str | None, synonyms: Synonyms) -> str | None:
    """A looser key for parts of one total: 'air strikes' and 'strikes' both -> 'strike'."""
    if not measure:
        return None
    canonical = synonyms.canonical("measure", measure)
    return canonical or singular(measure.lower().split()[-1])


@lru_cache(maxsize=8192)
def canonical_name(kind: str, name: str | None, synonyms: Synonyms) -> str | None:
    """An actor or place under its alias group; "Iraq and Syria" and "Syria and Iraq" are one place."""
    if name is None:
        return None
    parts = [part.strip() for part in name.split(" and ")]
    canonical = [synonyms.canonical(kind, part) or " ".join(part.replace(".", "").split()) for part in parts]
    return " and ".join(sorted(canonical))


def _totals_scope(claims: list[Claim], synonyms: Synonyms) -> dict[int, str]:
    """'55 air strikes: 27 in Syria and 28 in Iraq': in a document that splits a measure by place, a figure of that
    measure with no place is for all of them ("Iraq and Syria"), not a candidate for each one."""
    places: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for claim in claims:
        if claim.place:
            places[(claim.doc, measure_key(claim.measure, synonyms))].update(claim.place.split(" and "))
    scopes = {}
    for claim in claims:
        if claim.place is None:
            named = places.get((claim.doc, measure_key(claim.measure, synonyms)), ())
            if len(named) >= 2:
                scopes[id(claim)] = " and ".join(sorted(named))
    return scopes


@dataclass
class _Forming:
    """A fact while claims join it: it takes the first actor and place a joining claim names."""

    measure: str
    dimension: str
    outcome: str | None
    actor: str | None
    place: str | None
    claims: list[Claim] = field(default_factory=list)

    def fact(self) -> Fact:
        key = FactKey(measure=self.measure, dimension=self.dimension, actor=self.actor, place=self.place,
                      outcome=self.outcome)
        return Fact(key=key, claims=self.claims)


def build_facts(claims: Iterable[Claim], synonyms: Synonyms) -> list[Fact]:
    groups: dict[tuple[str, str, str | None], list[_Forming]] = defaultdict(list)
    facts: list[_Forming] = []
    claims = list(claims)
    totals = _totals_scope(claims, synonyms)
    scopes: dict[tuple, tuple] = {}  # (measure, unit, outcome, actor, place) -> (group, actor, place): claims repeat these
    placed: dict[tuple, dict[tuple, _Forming]] = defaultdict(dict)  # group -> (actor, place) -> the fact they joined
    for claim in claims:
        signature = (claim.measure, claim.unit, claim.outcome, claim.actor, totals.get(id(claim), claim.place))
        scope = scopes.get(signature)
        if scope is None:
            scope = scopes[signature] = _grouping(claim, signature[4], synonyms)
        group, actor, place = scope
        if group is None:
            continue
        fact = placed[group].get((actor, place))
        if fact is not None:  # the same grouping as an earlier claim, and no fact of the group has changed since
            fact.claims.append(claim)
            continue
        for fact in groups[group]:
            if _same_scope(fact.actor, actor, fact.place, place):
                fact.claims.append(claim)
                before = (fact.actor, fact.place)
                fact.actor = fact.actor or actor
                fact.place = fact.place or place
                if (fact.actor, fact.place) != before:
                    placed[group].clear()  # a fact that took an actor or place may no longer match earlier groupings
                placed[group][(actor, place)] = fact
                break
        else:
            fact = _Forming(measure=group[0], dimension=group[1], outcome=group[2], actor=actor, place=place, claims=[claim])
            groups[group].append(fact)
            facts.append(fact)
            placed[group][(actor, place)] = fact
    return [fact.fact() for fact in facts]


def _grouping(claim: Claim, place: str | None, synonyms: Synonyms) -> tuple:
    """(measure key, dimension, grouped outcome), actor and place of a claim; no group when it names no measure."""
    key = measure_key(claim.measure, synonyms)
    if key is None:
        return None, None, None
    outcome = claim.outcome if claim.outcome in GROUPED_OUTCOMES else None
    actor = canonical_name("actor", claim.actor, synonyms) or side(claim.measure)
    return (key, dimension(claim.unit), outcome), actor, canonical_name("place", place, synonyms)




def side(measure: str | None) -> str | None:
    """'pro-regime personnel', 'rebel fighters': the side a measure names, as an implicit actor."""
    first = (measure or "").split(" ")[0]
    if first.startswith(("pro-", "anti-")) or first in SIDE_WORDS:
        return first
    return None


def _same_scope(fact_actor: str | None, actor: str | None, fact_place: str | None, place: str | None) -> bool:
    """No conflicting actor or place: a claim that names none matches any."""

    def compatible(first: str | None, second: str | None) -> bool:
        return first is None or second is None or first.lower() == second.lower()

    return compatible(fact_actor, actor) and compatible(fact_place, place)
