"""Who measured a quake: the agencies a sentence names ("Italy's National Institute of Geophysics and Volcanology
(INGV)", "the U.S. Geological Survey"). Each gives its own reading of one quake's magnitude and depth, so a page may
give several readings of one quake, each the page's own."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import ORGANISATION_SUFFIXES
from ..measure_keys import POSSESSIVE
from ..model import Claim

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
