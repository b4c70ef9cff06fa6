"""From a number and the words around it to the interval the claim asserts.

"about 2,000" -> ~ [1800, 2200]; "more than 600" -> > (600, inf); "nearly 100" -> < [90, 100).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..lexicon import NEAR_QUALIFIERS, QUALIFIERS_AFTER, QUALIFIERS_BEFORE

INF = math.inf


@dataclass(frozen=True)
class Bands:
    """How wide the interval of an approximate claim is, as a fraction of its value."""

    approximate: float = 0.1  # "about 2,000" -> 1,800..2,200
    near: float = 0.1  # "nearly 100" -> 90..100; "just over 100" -> 100..110


_BEFORE = re.compile(
    r"(?:^|(?<=[^\w]))(?P<q>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS_BEFORE, key=len, reverse=True))
    + r")[\s-]*$",
    re.I,
)
_AFTER = re.compile(
    r"^\s*(?P<q>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS_AFTER, key=len, reverse=True) if q != "+")
    + r")\b|^(?P<plus>\+|-plus\b)",
    re.I,
)


@dataclass(frozen=True)
class Qualifier:
    bound: str
    phrase: str | None
    start: int  # offset (in the text given) where the qualifier starts; == len(before) when none
    length_after: int = 0


def qualifier_before(before: str) -> Qualifier:
    """The qualifier that ends ``before`` (text up to the number), if any."""
    match = _BEFORE.search(before[-40:])
    if not match:
        return Qualifier("=", None, len(before))
    phrase = " ".join(match.group("q").lower().split())
    offset = len(before) - len(before[-40:]) + match.start("q")
    return Qualifier(QUALIFIERS_BEFORE[phrase], phrase, offset)


def qualifier_after(after: str) -> Qualifier | None:
    match = _AFTER.match(after)
    if not match:
        return None
    if match.group("plus"):
        return Qualifier(">=", "plus", 0, match.end())
    phrase = " ".join(match.group("q").lower().split())
    return Qualifier(QUALIFIERS_AFTER[phrase], phrase, 0, match.end())


def interval(value: float, bound: str, phrase: str | None, bands: Bands, floor: float = 0.0,
             low: float | None = None, high: float | None = None) -> tuple[float, float]:
    """The [low, high] a claim asserts; ``low``/``high`` are the ends of a stated range or vague quantity. Bands are
    a fraction of a figure's size, so a negative figure's interval is as wide as a positive one's and low <= high
    ("about -10°C" is -11..-9)."""
    low = value if low is None else low
    high = value if high is None else high
    near = phrase in NEAR_QUALIFIERS
    if bound == "~":
        return approximately(low, high, bands.approximate)
    if bound in (">", ">="):
        return low, _grown(high, bands.near) if near else INF
    if bound in ("<", "<="):
        # below a negative figure there is no floor of zero ("less than -$5bn")
        return (_grown(low, -bands.near) if near else floor if floor <= high else -INF), high
    return low, high


def approximately(low: float, high: float, band: float) -> tuple[float, float]:
    """[low, high] widened by ``band`` of each end's size on either side ("about 2,000" -> 1,800..2,200)."""
    return _grown(low, -band), _grown(high, band)


def _grown(value: float, fraction: float) -> float:
    """``value`` moved up by ``fraction`` of its size (down for a negative ``fraction``)."""
    return value * (1 + fraction) if value >= 0 else value * (1 - fraction)
