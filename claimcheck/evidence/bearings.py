"""Where an event happened, told as a distance from a named place: "about 83 km (52 miles) northwest of Iquique",
"some 600 nautical miles off Somalia", "about 6 miles from the airport's runway". Two pages of one event that give its
distance from one place, in one direction, report one quantity: outlets that disagree on it disagree on where the
quake struck or the ship was seized."""

from __future__ import annotations

import re

from ..lexicon import EVENT_PLACED, PLACED_ANOTHER, alternation
from ..model import Claim
from ..units import dimensionality
from .days import years_named

#: what follows a distance that says from where: a direction and "of", or "from" or "off", then the place's name
#: ("the port of Iquique", "the coast of Somalia"); a conversion may stand between ("83 km (52 miles) northwest of")
_BEARING = re.compile(
    r"^\)?\s*(?:\([^)]*\)\s*)?"
    r"(?:(?P<direction>(?:(?:north|south)-)?(?:north|south)(?:[\s-]?(?:east|west))?|east|west|[NS]{1,2}[EW]?|[EW])(?:ward)?\s+of"
    r"|(?P<word>from|off))\s+"
    r"(?:the\s+)?(?:(?:[a-z]+\s+)?(?:city|town|port|village|capital|island|coast|resort)\s+of\s+(?:the\s+)?)?"
    r"(?P<place>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|del|da|do|of))*)")
_LETTERS = {"n": "north", "s": "south", "e": "east", "w": "west"}


def _any_of(phrases: frozenset[str]) -> re.Pattern:
    return re.compile(rf"\b(?:{alternation(sorted(phrases))})\b", re.I)


#: a sentence that tells of the event, and one that tells of another quake or ship (``[cues]`` in the lexicon)
_EVENT_PLACED, _ANOTHER = _any_of(EVENT_PLACED), _any_of(PLACED_ANOTHER)


def bearing(claim: Claim) -> tuple[str, str] | None:
    """(direction, place) of a distance told from a named place ("northwest", "Iquique"; "from" or "off" when no
    direction is given), or None."""
    if claim.type != "measurement" or dimensionality(claim.unit) != "[length]":
        return None
    at = claim.sentence.find(claim.text)
    if at < 0:
        return None
    told = _BEARING.match(claim.sentence[at + len(claim.text):])
    if told is None:
        return None
    direction = told.group("direction")
    if direction is None:
        direction = told.group("word")
    else:  # "NNW", "north-northwest" and "north northwest" alike: "north-northwest"
        direction = ("".join(_LETTERS[letter] for letter in direction.lower()) if direction.isupper()
                     else re.sub(r"[\s-]", "", direction.lower()))
        if direction.startswith(("northnorth", "southsouth")):
            direction = f"{direction[:5]}-{direction[5:]}"
    return direction, told.group("place").rstrip(".").removesuffix("'s").removesuffix("’s")


def told_from(bearing: tuple[str, str]) -> str:
    """"northwest of Iquique", "off Somalia", "from Buffalo Niagara International Airport"."""
    direction, place = bearing
    return f"{direction} {place}" if direction in ("from", "off") else f"{direction} of {place}"


def one_bearing(first: Claim, second: Claim) -> tuple[str, str] | None:
    """The bearing two distances of two pages share, when each sentence places the event (a quake, a seizure, a
    crash) and nothing else (no aftershock, no other ship, no quake of another year), else None. A distance told only
    "from" a place shares the bearing another tells in a direction from it."""
    if first.doc == second.doc or (told := bearing(first)) is None or (other := bearing(second)) is None:
        return None
    directions = (told[0], other[0])
    if told != other and not (told[1] == other[1] and "from" in directions and "off" not in directions):
        return None  # "from Peshawar" may be any way from it; "southwest" and "east of" it, or "off" a coast, are not
    told = told if told[0] != "from" else other
    return told if all(_of_the_event(claim.sentence) for claim in (first, second)) else None


def _of_the_event(sentence: str) -> bool:
    return bool(_EVENT_PLACED.search(sentence)) and not _ANOTHER.search(sentence) and not years_named(sentence)
