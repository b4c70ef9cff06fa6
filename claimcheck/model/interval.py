"""Intervals of values: what a claim asserts ("about 2,000" is 1,800–2,200), converted between units, widened by
a tolerance, compared and written for people. Every check's arithmetic goes through here."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

INF = math.inf


@dataclass(frozen=True)
class Tolerance:
    """How far apart two values may be and still agree."""

    rel: float = 0.0
    abs: float = 0.0
    abs_unit: str | None = None  # when the absolute tolerance was given as a quantity ("2 km")
    points: float | None = None  # percentage points, used for percentages

    def describe(self) -> str:
        parts = []
        if self.rel:
            parts.append(f"{self.rel * 100:g}%")
        if self.abs:
            parts.append(f"±{self.abs:g}{' ' + self.abs_unit if self.abs_unit else ''}")
        if self.points is not None:
            parts.append(f"±{self.points:g} points")
        return ", ".join(parts) or "exact"


@dataclass(frozen=True)
class Interval:
    """A closed interval [low, high] of values in one unit; an open end is infinite."""

    low: float = -INF
    high: float = INF

    @classmethod
    def between(cls, low: float | None, high: float | None) -> Interval:
        """The interval a claim's ``low`` and ``high`` fields state (None: unbounded on that side)."""
        return cls(-INF if low is None else low, INF if high is None else high)

    def to(self, source: str, target: str | None) -> Interval:
        """The same interval in another unit (pint's conversion)."""
        if not target or target == source:
            return self
        return Interval(convert(self.low, source, target), convert(self.high, source, target))

    def widened(self, tolerance: Tolerance, unit: str) -> Interval:
        """Wider by ``tolerance``: its absolute part (in ``unit`` or its own), percentage points for percentages,
        and its relative part of each end."""
        slack_low = slack_high = tolerance.abs if not tolerance.abs_unit else convert(tolerance.abs, tolerance.abs_unit, unit)
        if tolerance.points is not None and unit in ("percent", "percentage_point"):
            slack_low = slack_high = max(slack_low, tolerance.points)
        if tolerance.rel:
            slack_low = max(slack_low, abs(self.low) * tolerance.rel if not math.isinf(self.low) else 0)
            slack_high = max(slack_high, abs(self.high) * tolerance.rel if not math.isinf(self.high) else 0)
        return Interval(self.low - slack_low, self.high + slack_high)

    def overlaps(self, other: Interval, strict: bool = False) -> bool:
        """Whether the two share a value; ``strict``: more than an end ("39.5–40.5" and "40.5–41.5" do not: the
        precision a figure is reported to is half-open, as statcheck reads it)."""
        if strict and self.low != self.high and other.low != other.high:
            return other.low < self.high and other.high > self.low
        return other.low <= self.high and other.high >= self.low

    def __contains__(self, value: float) -> bool:
        return self.low <= value <= self.high

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __iter__(self):  # low, high = interval
        return iter((self.low, self.high))


def convert(value: float, source: str, target: str) -> float:
    """A value from one unit to another, through the shared pint registry (infinities stay as they are)."""
    if math.isinf(value) or source == target:
        return value
    from ..units import get_registry

    return float(get_registry().Quantity(value, source).to(target).magnitude)


# ---- writing numbers for people ---------------------------------------------------------------------------

UNIT_SYMBOLS = {"mile": "mi", "kilometer": "km", "meter": "m", "foot": "ft", "percent": "%", "kilometer ** 2": "km²",
                "mile ** 2": "sq mi", "percentage_point": " points", "count": "", "metric_ton": "t", "kilogram": "kg",
                "hectare": "ha", "USD": " USD", "EUR": " EUR", "GBP": " GBP", "kilometer / hour": "km/h",
                "mile / hour": "mph", "meter / second": "m/s", "knot": "knots", "pound": "lb", "ton": "short tons",
                "gram": "g", "liter": "l"}
BOUND_SYMBOLS = {"=": "", "~": "~", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}


def number(value: float) -> str:
    """'2,000', '8.047', '∞': as a finding's message writes a value."""
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if abs(value) >= 1000 and float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.4g}" if abs(value) < 1e15 else f"{value:.3e}"


def quantity_text(value: float, unit: str, bound: str = "=") -> str:
    """'~8 km', '>98%', '55': a value with its bound and unit symbol."""
    symbol = UNIT_SYMBOLS.get(unit, f" {unit}")
    separator = "" if symbol.startswith((" ", "%", "²")) or not symbol else " "
    return f"{BOUND_SYMBOLS.get(bound, '')}{number(value)}{separator}{symbol}"


def rounding(text: str) -> float:
    """Half a unit of the last reported digit: '48%' ±0.5, '48.2%' ±0.05."""
    digits = re.search(r"\d+(?:\.(\d+))?", text)
    decimals = len(digits.group(1)) if digits and digits.group(1) else 0
    return 0.5 * 10 ** -decimals
