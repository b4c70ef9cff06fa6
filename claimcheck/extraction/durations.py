"""A duration told in two units is one figure: "four years and six months" is four and a half years, "1 hour and 4
minutes" is 64 minutes. Read as two, each part would be set against other pages' figures as a duration of its own."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Claim
from ..model.interval import convert
from ..units import convertible

#: what stands between the two parts: "four years and six months", "2 years, 6 months"
_BETWEEN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def joined_durations(text: str, claims: list[Claim]) -> list[Claim]:
    """One sentence's claims in order, each duration followed by a smaller part of its unit joined with it."""
    joined: list[Claim] = []
    for claim in claims:
        if joined and _parts_of_one(text, joined[-1], claim):
            joined[-1] = _joined(text, joined[-1], claim)
        else:
            joined.append(claim)
    return joined


def _parts_of_one(text: str, first: Claim, second: Claim) -> bool:
    """Whether a duration is the rest of the one before it: a smaller unit, less than one of the first's, right
    after it ("five hours and 10 hours" are two durations, and so are "two years and 18 months")."""
    return (first.type == second.type == "duration" and not (first.is_range or second.is_range)
            and second.bound == "=" and first.unit != second.unit and convertible(first.unit, second.unit)
            and _BETWEEN.fullmatch(text, first.end, second.start) is not None
            and convert(second.value, second.unit, first.unit) < 1 <= first.value)


def _joined(text: str, first: Claim, second: Claim) -> Claim:
    more = convert(second.value, second.unit, first.unit)
    return replace(first, end=second.end, text=text[first.start:second.end], value=first.value + more,
                   low=None if first.low is None else first.low + more,
                   high=None if first.high is None else first.high + more)
