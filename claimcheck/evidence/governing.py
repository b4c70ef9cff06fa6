"""The verb that governs a figure of a role, for roles an event may have several of: a riot that lasted five hours
and hostages held for 41 days are two lengths of time, whatever else their pages share."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..measure_keys import singular
from ..lexicon import ROLES, TIME_UNITS
from ..model import Claim
from .another import clause_around
from .features import WORD, after_figure, before_figure, near, sentence_terms

#: how far before a figure its governing verb may stand (the role's ``gap`` words, and a qualifier)
_REACH = 80


def one_doing(first: Claim, second: Claim, role: str) -> bool:
    """Whether one verb of the role governs both figures ("lasted" and "lasting": one lemma) and their sentences
    share a word besides it and the units (the riot that lasted, not the bidding that lasted)."""
    verbs = _governing(before_figure(first), role), _governing(before_figure(second), role)
    if verbs[0] is None or verbs[0] != verbs[1]:
        return False
    said = {singular(word.lower()) for word in WORD.findall(verbs[0])} | TIME_UNITS
    shared = {singular(word) for word in sentence_terms(first.sentence)[0] & sentence_terms(second.sentence)[0]}
    return bool(shared - said)


def _governing(before: str, role: str) -> str | None:
    """The lemma of the role's verb (or phrase: "siege of") nearest before a figure, or None."""
    found = _phrases(role).findall(before[-_REACH:])
    return " ".join(singular(word.lower()) for word in found[-1].split()) if found else None


@lru_cache(maxsize=None)
def _phrases(role: str) -> re.Pattern:
    spec = ROLES[role]
    phrases = sorted({*spec["verbs"], *spec.get("before", ())}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(phrase) for phrase in phrases) + r")\b", re.I)


def one_happening(first: Claim, second: Claim, role: str) -> bool:
    """Whether a content word right beside both figures, on the same side of each, is one: of the two words before
    each, what happened ("married two weeks before the shooting", "was married three weeks before he was murdered";
    "suffered a heart attack nine days earlier", "a heart attack suffered almost three weeks ago"), or of the three
    after its role's word, what it happened after ("two days after the shooting"). A word further off tells of the
    page's topic, not of what the figure counts ("the rule takes effect nine days before", "went ahead with the rule
    change one day after"), and so does a word on the other side ("18 hours after a riot broke out in the prison's
    Unit C", "entered the unit about 25 minutes later")."""
    directions = _direction(first), _direction(second)
    if None not in directions and directions[0] != directions[1]:
        return False  # "three days before the talks" and "two months after the massacre": two spans
    said = ({singular(word) for word in ROLES[role].get("after", ())} | TIME_UNITS
            | {singular(unit) for unit in TIME_UNITS})
    clauses = [_in_its_clause(claim) for claim in (first, second)]  # "52 seats, 8 more than four years ago": not seats
    before = [frozenset(_ONE_HAPPENING.get(word, word) for word in near(claim, _HAPPENING_BEFORE, 0)) - said
              for claim in clauses]
    after = [near(claim, 0, _HAPPENING_AFTER) - said for claim in (first, second)]
    if before[0] and before[1] and not before[0] & before[1]:
        return False  # "issued a warning five minutes after the quake", "lifted it two hours after the quake"
    return bool(before[0] & before[1] or after[0] & after[1])


def _in_its_clause(claim: Claim) -> Claim:
    """The claim with its sentence cut to the figure's clause, between the clause marks around it."""
    position = claim.sentence.find(claim.text)
    return claim if position < 0 else replace(claim, sentence=clause_around(claim.sentence, position, len(claim.text)))


def _direction(claim: Claim) -> str | None:
    """Which way a span of time is counted, by the word right after it: "before" ("earlier", "ago", "prior") or
    "after" ("later"), or None."""
    words = WORD.findall(after_figure(claim)[:24].lower())
    return _DIRECTIONS.get(words[0]) if words else None


_DIRECTIONS = {"before": "before", "earlier": "before", "prior": "before", "ago": "before", "after": "after",
               "later": "after"}
#: words for one happening: "was wed about three weeks ago" and "was married two weeks ago"
_ONE_HAPPENING = {"wed": "married", "wedded": "married", "marry": "married", "marrying": "married"}
_HAPPENING_BEFORE, _HAPPENING_AFTER = 2, 4  # content words (the role's word among those after)
