"""Whether two crowds are of one gathering: the kind of gathering their sentences tell of, and whether one is told
as an earlier or a later one than the page's ("the last big protest", "a follow-up rally")."""

from __future__ import annotations

import re

from ..model import Claim
from .another import told_as_more
from .features import WORD


def another_gathering(first: Claim, second: Claim,
                      tops: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())) -> bool:
    """Whether two crowds are of different gatherings: their sentences tell of different kinds of gathering (a vigil's,
    a funeral's or a concert's crowd is not a march's: "a candlelight vigil ... attended by about 300 people" beside
    "58,000 attended Saturday's rally"), or one is told as more people than the crowd ("identify some 200 more
    protesters"). "Another 20,000 marched in Salonika" is still a crowd, another city's (its place tells it apart).
    A sentence that names no kind ("Police estimated the crowd at 3,000") is of the kinds its page's top names
    (``tops``: "Thousands march in silence for Karim"), against "several hundred youths clashed with riot police"."""
    if told_as_more(first) or told_as_more(second):
        return True
    if bool(_EARLIER_GATHERING.search(first.sentence)) != bool(_EARLIER_GATHERING.search(second.sentence)):
        return True  # "The last big protest, on January 28, drew 90,000 people": an earlier march's crowd
    if bool(_EARLIER_OPENER.match(first.sentence)) != bool(_EARLIER_OPENER.match(second.sentence)):
        return True  # "Earlier, some 5,000 people had marched peacefully": a march before the page's
    if bool(_LATER_GATHERING.search(first.sentence)) != bool(_LATER_GATHERING.search(second.sentence)):
        return True  # "Velko's follow-up rally on Saturday drew about 6,000": a later march's crowd
    kinds = [gathering_kinds(claim.sentence) or top for claim, top in zip((first, second), tops)]
    return bool(kinds[0] and kinds[1] and kinds[0].isdisjoint(kinds[1]))


def gathering_kinds(text: str) -> frozenset[str]:
    """The kinds of gathering a text tells of: "protest" for a march or a rally, "riot" for youths who clashed with
    police, "vigil", "funeral", ..."""
    return frozenset(_GATHERING.get(word.lower()) for word in WORD.findall(text)) - {None}


#: a sentence that tells of an earlier gathering than the page's: "the last big protest", "a previous march",
#: "last month's rally"
_EARLIER_GATHERING = re.compile(r"\b(?:(?:the|a|an)\s+(?:last|previous|earlier|first)|last\s+(?:week|month|year)'s)"
                                r"\s+(?:[\w-]+\s+)?(?:protests?|march(?:es)?|rall(?:y|ies)|demonstrations?)\b", re.I)
#: a sentence that opens on an earlier time than the page's: "Earlier, some 5,000 people had marched"
_EARLIER_OPENER = re.compile(r"\s*(?:earlier|previously|before\s+that|the\s+(?:day|night)\s+before|"
                             r"the\s+previous\s+(?:day|night|week))\b", re.I)
#: a sentence that tells of a later gathering than the page's: "a follow-up rally", "a second march", "plan a rally"
_LATER_GATHERING = re.compile(r"\b(?:(?:follow-up|second|next|new|further|fresh)\s+(?:[\w-]+\s+)?|"
                              r"(?:plans?|planned|planning|plan\s+to\s+hold|will\s+hold)\s+(?:a|another)\s+)"
                              r"(?:protests?|march(?:es)?|rall(?:y|ies)|demonstrations?)\b", re.I)
#: words for a gathering, by its kind: protests are one kind whatever a page calls them
_GATHERING = {word: kind for kind, words in {
    "protest": ("rally", "rallies", "march", "marches", "marched", "protest", "protests", "demonstration",
                "demonstrations", "protesters", "protestors", "demonstrators", "marchers", "strike", "sit-in"),
    # (not "riot", of "riot police")
    "riot": ("riots", "rioters", "rioting", "clashed", "clashes", "clashing", "looters", "looting"),
    "vigil": ("vigil", "vigils"), "funeral": ("funeral", "funerals", "burial", "mourners"),
    "memorial": ("memorial", "commemoration"), "concert": ("concert", "concerts", "festival"),
    "ceremony": ("ceremony", "inauguration", "parade"), "worship": ("mass", "prayers", "worshippers", "service"),
}.items() for word in words}
#: every kind of gathering :func:`gathering_kinds` tells
GATHERING_KINDS = frozenset(_GATHERING.values())
