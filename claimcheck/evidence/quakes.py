"""Which quake a magnitude is of: two magnitudes are one quake's only where their sentences name it alike. A folder
of clippings often holds two quakes of one country (Papua's and Aceh's, Elazığ's and Van's), and a page recalls
earlier quakes by the place they struck ("a 7.2-magnitude quake in Van killed more than 600")."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..measure_keys import POSSESSIVE, claim_role
from ..lexicon import MONTHS, WEEKDAYS
from ..model import Claim
from ..places import cities_named, country_words, distance_km
from .agencies import agencies_words
from .another import A_QUAKE, AFTERSHOCK, quake_words
from .days import years_named
from .pages import LEAD_LINES, FigureCounts


def quake_measure(first: Claim, second: Claim, synonyms) -> str | None:
    """"magnitude" or "depth" when both figures are one (what each agency reports of a quake), else None."""
    if first.type == second.type == "magnitude":
        return "magnitude"
    if claim_role(first, synonyms) == claim_role(second, synonyms) == "depth":
        return "depth"
    return None


def quake_named(first: Claim, second: Claim, names_a: frozenset[str], names_b: frozenset[str],
                places: tuple[frozenset, frozenset] = (frozenset(), frozenset())) -> bool:
    """Whether two magnitudes' sentences name one quake: a name in common that is not a source's ("the U.S.
    Geological Survey said"), and, where the common name is only a country's, no two other places ("west of
    Manokwari" and "west of Bireuen": Papua's quake and Aceh's, both Indonesia's); or both tell of their page's
    own quake, named or not ("Kandilli Observatory measured the quake at 6.5"), and their pages' headlines name
    cities near each other, or neither names a city (``places``: each page's, see :func:`~.pages.top_places`)."""
    own = _own_names(first, second, names_a, names_b)
    if own[0] and own[1]:  # "west of Manokwari" and "west of Bireuen": one quake only if the places are one
        return bool(own[0] & own[1])
    said = _sources_said(first, second)
    if any(name not in said for name in names_a & names_b):
        return True
    return ((first.doc == second.doc or _near(places) or not (places[0] or places[1]))
            and _the_pages_quake(first, own[0]) and _the_pages_quake(second, own[1]))


def _the_pages_quake(claim: Claim, own_names: frozenset[str]) -> bool:
    """Whether a magnitude is told of its page's own quake: "the quake" in a sentence that names no place but its
    source's, or any magnitude in the page's headline and lead that names no year (not "the 2011 quake")."""
    if years_named(claim.sentence):
        return False
    return claim.line <= LEAD_LINES or (not own_names and bool(_THE_QUAKE.search(claim.sentence)))


_THE_QUAKE = re.compile(r"\b(?:the|its|this)\s+(?:(?:earth)?quake|tremor|temblor)\b", re.I)


def another_quakes(first: Claim, second: Claim, names_a: frozenset[str], names_b: frozenset[str],
                   places: tuple[frozenset, frozenset]) -> bool:
    """Whether two magnitudes are two quakes': their pages' headlines name other places, and their sentences no
    place in common ("The Kandilli Observatory measured the quake at 7.0" on a Van page is no copy of the same
    sentence, at 6.5, on an Elazig page)."""
    own = _own_names(first, second, names_a, names_b)
    return pages_apart(first, second, places) and not own[0] & own[1]


def one_an_aftershock(first: Claim, second: Claim, figures: Counter | FigureCounts) -> bool:
    """Whether one figure is told of an aftershock and the other is not: "a magnitude 5.8 aftershock killed four more
    people on Monday" is not of Sunday's 6.4 quake that killed 17. A figure is of an aftershock when its sentence says
    so, or when its page's headline or first sentence does and the sentence names no quake ("Kandilli Observatory
    gave a magnitude of 5.3" below "Strong aftershock hits Erzincan")."""
    told = [_of_an_aftershock(claim.sentence, claim.text)
            or (bool(figures[("aftershock page", claim.doc)]) and not A_QUAKE.search(claim.sentence))
            for claim in (first, second)]
    return told[0] != told[1]


@lru_cache(maxsize=65536)
def _of_an_aftershock(sentence: str, text: str) -> bool:
    """Whether the word for an aftershock is the nearest to a figure (``text``) of the words for a quake its sentence
    gives: "a magnitude 6.1 quake was followed by a magnitude 4.5 aftershock" tells the 4.5 of the aftershock, the
    6.1 not. Asked of every pair weighed, so remembered per figure."""
    position = max(0, sentence.find(text))
    shocks = [(found.start(), found.end()) for found in AFTERSHOCK.finditer(sentence)]
    quakes = quake_words(sentence)
    return bool(shocks) and (not quakes or min(abs(start - position) for start, _ in shocks)
                             < min(abs(start - position) for start in quakes))


def _own_names(first: Claim, second: Claim, names_a: frozenset[str], names_b: frozenset[str]) -> list[frozenset[str]]:
    """Each sentence's names that are neither a source's nor a country's, nor a clock's or a day's ("0449 GMT
    Friday"), nor an agency's ("..., while Italy's National Institute of Geophysics measured it at 5.8": the other
    agency's figure, of the same quake)."""
    said = _sources_said(first, second)
    countries = country_words()
    agencies = agencies_words(first.sentence) | agencies_words(second.sentence)
    return [frozenset(name for name in names if name not in said and name not in countries
                      and not set(name.split()) <= _TIME_WORDS and not set(name.split()) <= agencies)
            for names in (names_a, names_b)]


_TIME_WORDS = frozenset({"gmt", "utc", "local", "time"} | {day.lower() for day in WEEKDAYS}
                        | {month.lower() for month in MONTHS})


def pages_apart(first: Claim, second: Claim, places: tuple[frozenset, frozenset]) -> bool:
    """Whether two figures' pages name cities in their headlines and first sentences, and all of one page's lie far
    from all of the other's (Elazig and Van, 360 km apart; not Ahar and Tabriz, 80 km, nor Bandar Abbas and Dubai,
    where a quake off Iran was felt)."""
    return first.doc != second.doc and bool(places[0] and places[1]) and not _near(places)


def _near(places: tuple[frozenset, frozenset]) -> bool:
    """Whether some city of one page lies near some city of the other."""
    return any(distance_km(a, b) <= NEAR_KM for a in places[0] for b in places[1])


#: kilometres within which two cities a quake's pages name may be the one quake's (the epicentre's town, the
#: province's capital, the big city where it was felt)
NEAR_KM = 250


def other_quake_places(first: Claim, second: Claim, names_a: frozenset[str], names_b: frozenset[str]) -> bool:
    """Whether two magnitudes' sentences each name a city, not a source's, and none in common ("M6.7 Elazığ
    earthquake" and "the magnitude 7.2 earthquake that struck Van"): two quakes, however alike their pages."""
    said = " ".join(claim.source or "" for claim in (first, second))
    cities = [cities_named(claim.sentence, said) for claim in (first, second)]
    return bool(cities[0] and cities[1]) and not cities[0] & cities[1]


def _sources_said(first: Claim, second: Claim) -> str:
    """Both figures' sources, as :func:`claimcheck.evidence.features.sentence_terms` writes names ("Tehran
    University's Geophysics Institute" is "tehran university geophysics institute")."""
    return " ".join(POSSESSIVE.sub("", word)
                    for claim in (first, second) for word in (claim.source or "").lower().split())
