"""Who measured a quake: the agencies a sentence names ("Italy's National Institute of Geophysics and Volcanology
(INGV)", "the U.S. Geological Survey"). Each gives its own reading of one quake's magnitude and depth, so a page may
give several readings of one quake, each the page's own."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import ORGANISATION_SUFFIXES
from ..measure_keys import POSSESSIVE
from ..model import Claim
from .features import after_figure, before_figure

#: an agency's name: capitalised words up to an organisation's last word, its "of ..." and its acronym ("Italy's
#: National Institute of Geophysics and Volcanology (INGV)", "the U.S. Geological Survey")
_AGENCY = re.compile(r"(?:[A-Z][\w.'’-]*\s+)*(?:" + "|".join((*ORGANISATION_SUFFIXES, "Observatory", "Survey")) + r")\b"
                     r"(?:\s+(?:of|for)\s+[A-Z][\w-]*(?:\s+(?:and|&)\s+[A-Z][\w-]*)*)?(?:\s*\([A-Z]{2,}\))?")


@lru_cache(maxsize=65536)
def agencies_words(sentence: str) -> frozenset[str]:
    """The words, in lower case and without possessives, of the agencies a sentence names."""
    return frozenset(POSSESSIVE.sub("", word).strip("().").lower()
                     for match in _AGENCY.finditer(sentence) for word in match.group().split())


def an_agencys_reading(claim: Claim) -> bool:
    """Whether a figure is told as an agency's reading: its sentence names an agency ("6.9 by the US Geological
    Survey", "USGS has M6.9", "Indonesia's meteorology agency"), not only "officials said"."""
    sentence = claim.sentence
    return bool(agencies_words(sentence) or _SEISMOLOGY.search(sentence)
                or (not sentence.isupper() and _ACRONYM.search(sentence)))  # not a headline in capitals


_SEISMOLOGY = re.compile(r"\b(?:seismolog|geolog|geophysic|meteorolog|observator)\w*", re.I)


#: an agency's initials ("USGS", "BMKG", "EMSC"); not a clock's ("GMT", "EDT")
_ACRONYM = re.compile(r"\b(?!(?:GMT|UTC|EDT|EST|PDT|PST|CET|CEST|BST|IST|JST|WIB|AM|PM)\b)[A-Z]{3,6}\b")


def two_readings(first: Claim, second: Claim) -> bool:
    """Whether two figures of a quake on one page are two agencies' readings of it ("BMKG has it at M7.2, 10 km
    deep; USGS has M6.9 at 24.5 km")."""
    if not (first.type == second.type == "magnitude" or first.measure == second.measure == "depth"):
        return False
    agencies = reading_agency(first), reading_agency(second)
    return None not in agencies and agencies[0] != agencies[1]


def reading_agency(claim: Claim) -> str | None:
    """Whose reading a quake's figure is, by the words beside it ("6.9 by the US Geological Survey", "BMKG has it at
    M7.2", "the U.S. Geological Survey gave a slightly higher reading of 6.4"), as its initials ("usgs"), or None."""
    return _reading_agency(before_figure(claim), after_figure(claim))


@lru_cache(maxsize=65536)
def _reading_agency(before: str, after: str) -> str | None:
    """:func:`reading_agency` by the words before and after a figure: asked of every pair of a page's quake figures
    weighed, so remembered."""
    if found := _BY_AGENCY.match(after):
        return _initials(found.group("name"))
    if found := _AGENCY_READS.search(_CLAUSES.split(before)[-1]):
        return _initials(found.group("name"))
    return None


def _initials(name: str) -> str:
    """An agency's name as its initials, so that "USGS" and "the U.S. Geological Survey" are one agency's."""
    words = name.split()
    words = [word for index, word in enumerate(words) if word.lower() not in ("the", "of", "for", "and")
             and not (POSSESSIVE.search(word) and index < len(words) - 1)]  # "Chile's CSN" is the CSN
    letters = [word.replace(".", "") if word.replace(".", "").isupper() else word[0] for word in words]
    return "".join(letters).lower()  # "U.S. Geological Survey", "US Geological Survey" and "USGS": "usgs"


_NAME = r"(?:[A-Z][\w.'’-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.'’-]*)*)"
#: "6.9 by the US Geological Survey", "7.2 by Indonesian authorities", "at 24.5 km according to the USGS"
_BY_AGENCY = re.compile(r"^\s*(?:(?:magnitude|km|kilometres|kilometers|miles)\s+)?(?:by|from|according\s+to)\s+"
                        rf"(?:the\s+)?(?P<name>{_NAME}(?:\s+(?:authorities|seismologists|officials))?)")
#: "BMKG has it at M", "USGS gives Mw ", "Peru's Geophysical Institute measured it at magnitude ", "the U.S.
#: Geological Survey gave a slightly higher reading of "
_AGENCY_READS = re.compile(rf"(?P<name>{_NAME})\s+(?:has|had|gives|gave|put|puts|measured|recorded|registered|"
                           r"reported|rated|estimated|said|says)\b(?:\s+[a-z-]+){0,6}?\s*(?:M[wlL]?w?\s?)?$")
_CLAUSES = re.compile(r"[;,:]|\b(?:and|while|but|whereas)\b")
