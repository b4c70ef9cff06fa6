"""The keys figures are grouped by: a measure's key (its synonym group, else its words with the head noun singular),
its head noun, role and class, and the one name an actor or place goes under. Facts (:mod:`claimcheck.facts`), the
evidence and the rules all read figures by these keys."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import DEMONYMS, PERSON_NOUNS, ROLES, TALLIES, country_names
from .memo import memo
from .model import Claim
from .places import canonical_city
from .rules.ruleset import Synonyms


@memo("simplemma-lemmas")
def singular(word: str) -> str:
    """The lemma of a head noun ('caches' -> 'cache', 'militiamen' -> 'militiaman'), by simplemma."""
    import simplemma

    return simplemma.lemmatize(word, lang="en")


POSSESSIVE = re.compile(r"['’]s?$")  # "KO's", "Saints'": the thing, not its owner's mark
_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")


def joined_initials(text: str) -> str:
    """Text with initials written as one word ("U.S." -> "US", "U.N." -> "UN"): one name, not a name per letter,
    and no full stop that ends a sentence."""
    return _INITIALS.sub(lambda found: found.group().replace(".", ""), text)


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
    # "190 km southwest of" and "250 km from" Peshawar: both the distance from Peshawar
    measure = _TOLD_DIRECTION.sub("distance from ", measure.lower())
    words = [POSSESSIVE.sub("", word) or word for word in measure.lower().split()]
    return " ".join([*words[:-1], singular(words[-1])])


def told_direction(measure: str | None) -> str | None:
    """The direction a distance is told in from its landmark ("distance southwest of peshawar"), or None."""
    found = _TOLD_DIRECTION.match(measure or "")
    return found.group(1) if found else None


#: a distance's direction from its landmark (see :func:`~claimcheck.extraction.measures.reference_distance`): the
#: landmark is what a distance is of, its direction how it is told
_TOLD_DIRECTION = re.compile(r"^distance (\S+) of ")


@lru_cache(maxsize=65536)
def head_key(measure: str | None, synonyms: Synonyms) -> str | None:
    """A looser key for parts of one total: 'air strikes' and 'strikes' both -> 'strike'."""
    if not measure:
        return None
    canonical = synonyms.canonical("measure", measure)
    last = measure.lower().split()[-1]
    if canonical is None and last != measure.lower():  # "most loyal jihadist fighters": fighters, as "fighters" is
        canonical = synonyms.canonical("measure", last)
    return canonical or singular(POSSESSIVE.sub("", last) or last)


def claim_role(claim: Claim, synonyms: Synonyms) -> str | None:
    """The thing an event has one of that a claim's figure is of (``[roles]`` in the lexicon: a fall, a deal's price,
    a turnout), or None."""
    head = head_key(claim.measure, synonyms)
    if head not in ROLES or ROLES[head]["type"] != claim.type:
        return None
    return head if _told_as_role(head, claim.sentence) else None


@lru_cache(maxsize=8192)
def _told_as_role(role: str, sentence: str) -> bool:
    """Whether a sentence says one of the words a role's figures are told with (its ``told_with``): "will cut 24,600
    jobs" is of the jobs cut, "puts 9,000 local jobs under a cloud" is not."""
    told_with = _told_with(role)
    return told_with is None or bool(told_with.search(sentence))


@lru_cache(maxsize=None)
def _told_with(role: str) -> re.Pattern[str] | None:
    words = ROLES[role].get("told_with")
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b", re.I) if words else None


def a_tally(measure: str | None) -> bool:
    """Whether a measure is a running count a player (a team, a candidate) holds: "points", "career points"."""
    return bool(measure) and measure.lower().split()[-1] in TALLIES


def measure_class(measure: str | None, synonyms: Synonyms) -> str | None:
    """What kind of thing a measure counts: "person" for any word for people ("protesters", "union members",
    "Greeks"), "thing" for anything else; None when no measure is known."""
    head = head_key(measure, synonyms)
    if head is None:
        return None
    last = (measure or "").lower().split()[-1]
    if head in PERSON_NOUNS or last in PERSON_NOUNS or singular(last) in PERSON_NOUNS:
        return "person"
    return "thing"


@lru_cache(maxsize=8192)
def canonical_name(kind: str, name: str | None, synonyms: Synonyms) -> str | None:
    """An actor or place under its alias group; "Iraq and Syria" and "Syria and Iraq" are one place, and so are
    "Salonika" and "Thessaloniki" (a city's names, from GeoNames)."""
    if name is None:
        return None
    parts = [_within_country(part.strip()) for part in name.split(" and ")]
    canonical = [synonyms.canonical(kind, part) or (kind == "place" and canonical_city(part))
                 or (kind == "actor" and DEMONYMS.get(part)) or " ".join(part.replace(".", "").split())
                 for part in parts]  # "Israeli" forces are Israel's
    return " and ".join(sorted(canonical))


def _within_country(name: str) -> str:
    """"Indonesia's Aceh" is Aceh, as another page writes it."""
    country, _, place = name.partition("'s ")
    return place if place and country in country_names() else name
