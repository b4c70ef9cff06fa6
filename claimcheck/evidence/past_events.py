"""A past event both pages recall by its kind, its place and its year ("A 6.6 magnitude quake destroyed Bam in 2003,
killing 26,000 people"; "The 2003 quake in Bam killed 31,000 people"): its toll is one quantity, however many other
figures the pages give of their own event."""

from __future__ import annotations

import re

from ..extraction.roles import QUAKES
from ..model import Claim
from .days import account_of, years_named

#: the kinds of event a page recalls by place and year, and the words that name each
_KINDS = tuple((kind, re.compile(rf"\b(?:{words})\b", re.I)) for kind, words in (
    ("quake", rf"{QUAKES}s?"), ("tsunami", "tsunamis?"), ("flood", "floods?|flooding"),
    ("storm", "hurricanes?|typhoons?|cyclones?|storms?"),
    ("attack", "bombings?|attacks?|blasts?|explosions?|massacres?"), ("fire", "fires?|wildfires?|blazes?"),
    ("crash", "crash(?:es)?"), ("heist", "heists?|robbery|robberies|raids?"), ("riots", "riots?"),
    ("eruption", "eruptions?"), ("landslide", "landslides?"), ("stampede", "stampedes?"), ("famine", "famines?")))


def _kinds(text: str) -> set[str]:
    return {kind for kind, words in _KINDS if words.search(text)}


def one_past_event(first: Claim, second: Claim) -> str | None:
    """What two figures of two pages are of, where each is dated to a year its sentence names, both name the same
    place and the same kind of event, and each sentence recalls one event of that kind: "the 2003 quake in Bam";
    else None. The pages' own event is told by its day, never by its year alone."""
    if first.doc == second.doc or first.place is None or second.place is None:
        return None
    if first.place.lower() != second.place.lower():
        return None
    year = first.date
    if not year or len(year) != 4 or year != second.date:
        return None
    accounts = [account_of(claim) for claim in (first, second)]  # "..., while the 1990 quake killed 40,000": another's
    if any(years_named(account) != {year} for account in accounts):
        return None  # one year each, or which event is told is open
    kinds = [_kinds(account) for account in accounts]
    shared = kinds[0] & kinds[1]
    if len(shared) != 1 or len(kinds[0]) != 1 or len(kinds[1]) != 1:
        return None
    return f"the {year} {next(iter(shared))} in {first.place}"
