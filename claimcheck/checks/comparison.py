"""Two figures side by side: in one unit (pint; a currency at the rate of the day), to the tolerance that applies
(a rule's, or the precision each is reported to: "5.2" is 5.15–5.25), and the sentence that says how they compare
("5 mi = 8.05 km vs ~8 km: within 5%")."""

from __future__ import annotations

import math
import re
from datetime import date
from dataclasses import dataclass, replace

from ..lexicon import VAGUE
from ..model import Claim, Tolerance
from ..model.interval import Interval, convert, number, quantity_text, rounding
from ..money import exchange, is_currency, known
from .context import CheckContext

LOWER = (">", ">=")
UPPER = ("<", "<=")


@dataclass
class Comparison:
    """Two figures set side by side in one unit, to the tolerance that applies (the exact one converted first)."""

    first: Claim
    second: Claim
    unit: str
    tolerance: Tolerance
    reported: bool  # each figure to the precision it is reported to ("5.2" is 5.15–5.25)
    rate: object  # the date of the exchange rate used, if any
    first_value: float
    second_value: float
    same_direction: bool  # two lower (or two upper) bounds: they never contradict each other
    agrees: bool


def compare(context: CheckContext, first: Claim, second: Claim, tolerance: Tolerance | None = None,
            percent_tolerance: Tolerance | None = None, written: bool = False) -> Comparison | None:
    """How two figures compare, or None when they cannot be (a currency the reference rates do not cover, or two
    currencies of an undated report).
    ``tolerance`` (and ``percent_tolerance`` for percentages): a rule's; without one, each figure is compared to
    the precision it is reported to. ``written``: money at the rate of the day the first figure's page was written
    (a writer's own conversion), not of the day the figures hold on ("will save 7 billion euros a year by 2020")."""
    if first.unit != second.unit and first.bound != "=" and second.bound == "=":
        first, second = second, first  # show the exact figure converted: "5 mi = 8.05 km vs ~8 km"
    told = first, second  # the claims as read, whatever dollars a bare "$" is taken in below
    first, second = _own_dollars(first, second), _own_dollars(second, first)
    unit = second.unit if first.unit != second.unit else first.unit
    untoleranced = tolerance is None and (unit not in ("percent", "percentage_point") or percent_tolerance is None)
    if unit in ("percent", "percentage_point") and percent_tolerance:
        tolerance = percent_tolerance
    else:
        tolerance = tolerance or context.rules.default_tolerance
    reported = (untoleranced
                or (bool(tolerance.rel) and _discrete(first, second))  # no relative slack for 52 against 53
                or first.bound == second.bound == "~")  # "about 4.5 million" against "about 3.5": each hedge its slack
    on = context.written_on(first) if written else context.as_of(first) or context.as_of(second)
    if (on is None and first.unit != unit and is_currency(first.unit) and is_currency(unit)
            and not (first.doc == second.doc and first.sentence == second.sentence)):
        # undated: the rate one of the two pages converts at; never a page's rate for the very conversion it is
        # read from ("20 million pesos (about $50,000)" restates itself at the rate it gives)
        on = _pages_rate(context, first, second, unit)
    converted = _in_unit(first, unit, on)
    if converted is None:
        return None
    first_interval, rate = converted
    first_value = first_interval.low if first.bound in LOWER else first_interval.high if first.bound in UPPER else \
        _convert_value(first, unit, on)
    second_value = second.value
    same_direction = (first.bound in LOWER and second.bound in LOWER) or (first.bound in UPPER and second.bound in UPPER)
    if reported:
        tolerance = Tolerance()
        first_interval = (reported_interval(first).to(first.unit, unit) if rate is None
                          else first_interval.widened(_EXCHANGE, unit))  # outlets round the day's rate
        second_interval = reported_interval(second)
    else:
        first_interval = first_interval.widened(tolerance, unit)
        second_interval = second.interval
    if same_direction:  # "over 98%" and "more than 99%" can both be true: they differ only if dated apart
        agrees = second_value in Interval(first_value, first_value).widened(tolerance, unit)
    else:
        exact = all(claim.bound == "=" and not claim.is_range for claim in (first, second))
        agrees = first_interval.overlaps(second_interval, strict=reported and exact)  # "as many as 20,000" meets "tens of thousands"
    return Comparison(*told, unit, tolerance, reported, rate, first_value, second_value, same_direction, agrees)


def _own_dollars(claim: Claim, other: Claim) -> Claim:
    """A sum in bare dollars ("$4.9-billion") read in the other figure's dollars ("C$4.9 billion") where the two
    write one number: a Canadian or Australian page's "$" is its own country's dollar, and the same sum written with
    and without its country is no contradiction. Any other bare "$" stays the US dollar."""
    if (claim.unit == "USD" and other.unit in _OTHER_DOLLARS and "$" in claim.text
            and not _NAMED_DOLLAR.search(claim.text) and math.isclose(claim.value, other.value, rel_tol=1e-9)):
        return replace(claim, unit=other.unit)
    return claim


_OTHER_DOLLARS = frozenset({"CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "JMD", "NAD", "BSD", "FJD"})
_NAMED_DOLLAR = re.compile(r"US|U\.S\.|USD|American", re.I)


def _read_in_own_dollars(claim: Claim, unit: str, rate) -> bool:
    return rate is None and claim.unit == "USD" and unit in _OTHER_DOLLARS


def _in_own_dollars(claim: Claim, unit: str) -> str:
    return f'{quantity_text(claim.value, unit, claim.bound)} ("{claim.text}": a bare $ read as {unit})'


def _discrete(first: Claim, second: Claim) -> bool:
    """Ages, records and counts of things: 52 wins and 53 are different figures whatever a rule's relative
    tolerance (meant for measurements and conversions); each is compared to the precision it is reported to
    ("2,000 troops" is 1,500–2,500)."""
    if first.type != second.type:
        return False
    return first.type in ("age", "score") or (first.type == "count" and first.unit == second.unit == "count")


_EXCHANGE = Tolerance(rel=0.05)


#: characters from a figure to its conversion: "83 km (52 miles)", "80m euros (about $102 million)"
CONVERSION_AFTER = 30


def restates(conversion: Claim, figure: Claim) -> bool:
    """Whether a bracketed figure is the conversion of ``figure``, written right after it in its sentence."""
    return (conversion.scope == "conversion" and conversion.doc == figure.doc and conversion.sentence == figure.sentence
            and 0 <= conversion.start - figure.end <= CONVERSION_AFTER)


#: a figure told by a plural alone ("thousands", "some hundreds"): the vague quantities of one word
_BARE_PLURAL = re.compile(r"(?:some\s+|several\s+|many\s+)?(?:"
                          + "|".join(sorted(word for word in VAGUE if " " not in word)) + ")", re.I)


def gap(first: float, second: float) -> float:
    largest = max(abs(first), abs(second))
    return abs(first - second) / largest if largest else 0.0


_PRICE_BELOW = 1000  # a sum of money under this, with no "million" and no cents, is a price: exact


def reported_interval(claim: Claim) -> Interval:
    """The interval a figure asserts, an exact one widened to the precision it is reported to: "5.2" is 5.15–5.25,
    "40" is 39.5–40.5, "1.5 million" is 1.45–1.55 million; a bare plural up to twice its top ("thousands
    evacuated" of 12,400 is how news tells it)."""
    if _BARE_PLURAL.fullmatch(claim.text.strip()):
        return Interval.between(claim.low, claim.high * 2 if claim.high is not None else None)
    if claim.bound != "=" or claim.is_range:
        return claim.interval
    digits = re.search(r"\d[\d,]*(?:\.(\d+))?", claim.text)
    if digits is None:
        return Interval(claim.value - 0.5, claim.value + 0.5)
    written = float(digits.group().replace(",", ""))
    scale = abs(claim.value / written) if written else 1.0
    half = rounding(digits.group()) * scale
    if claim.type == "money" and scale == 1.0 and written < _PRICE_BELOW and "." not in digits.group():
        half = 0.005  # a price is quoted to the cent: "$25 a share" is not $25.50
    return Interval(claim.value - half, claim.value + half)


@dataclass(frozen=True)
class StatedRate:
    """The rate a page converts one currency to another at, when no date tells the day's rate."""

    rate: float
    source: str
    target: str
    doc: str

    def __str__(self) -> str:
        return f"{self.rate:.4g} {self.target} per {self.source}, as {self.doc} converts"


def _at(value: float, rate: float) -> float:
    """A sum at a stated rate, to six figures (85 million euros at 108/85 is $108 million, not $107,999,999.9)."""
    return float(f"{value * rate:.6g}") if math.isfinite(value) else value


def _pages_rate(context: CheckContext, first: Claim, second: Claim, unit: str) -> StatedRate | None:
    from ..evidence.pages import stated_rate

    for claim in (first, second):
        if (rate := stated_rate(claim.doc, first.unit, unit, context.page_figures)) is not None:
            return StatedRate(rate, first.unit, unit, claim.doc)
    return None


def _in_unit(claim: Claim, unit: str, on) -> tuple[Interval, object] | None:
    """A claim's interval in ``unit`` (a currency at the rate of ``on``: a day's, or one a page gives), and the date
    (or stated rate) of the rate used, if any."""
    if isinstance(on, StatedRate):
        return Interval(_at(claim.interval.low, on.rate), _at(claim.interval.high, on.rate)), on
    if claim.unit != unit and is_currency(claim.unit) and is_currency(unit):
        if on is None or not (known(claim.unit) and known(unit)):
            return None  # undated: rates move by a third over a few years, so no day's rate can settle it
        low, rate = exchange(claim.interval.low, claim.unit, unit, on) if math.isfinite(claim.interval.low) else (claim.interval.low, None)
        high, rate = exchange(claim.interval.high, claim.unit, unit, on) if math.isfinite(claim.interval.high) else (claim.interval.high, rate)
        return Interval(low, high), rate or on
    return claim.interval.to(claim.unit, unit), None


def _convert_value(claim: Claim, unit: str, on) -> float:
    if isinstance(on, StatedRate):
        return _at(claim.value, on.rate)
    if claim.unit != unit and is_currency(claim.unit) and is_currency(unit):
        return exchange(claim.value, claim.unit, unit, on)[0]
    return convert(claim.value, claim.unit, unit)


def message(first: Claim, second: Claim, first_value: float, second_value: float, unit: str, tolerance, agrees: bool,
             basis: str, status: str, apart: int | None, reported: bool = False, rate=None,
             as_of: tuple[date | None, date | None] = (None, None), pages: bool = True) -> str:
    """How two figures compare, in words; ``pages``: name each figure's document (not for two of one sentence)."""
    left = quantity_text(first.value, first.unit, first.bound)
    if _read_in_own_dollars(first, unit, rate):
        left = _in_own_dollars(first, unit)
    elif first.unit != unit:
        left += f" = {quantity_text(first_value, unit, first.bound)}"
        if rate is not None:
            left += f" at the rate of {rate}"
    right = (_in_own_dollars(second, unit) if _read_in_own_dollars(second, unit, rate)
             else quantity_text(second.value, second.unit, second.bound))
    difference = abs(first_value - second_value)
    if unit in ("percent", "percentage_point"):
        gap = f"values differ by {number(difference)} point{'s' if difference != 1 else ''}"
    else:
        largest = max(abs(first_value), abs(second_value))
        relative = difference / largest * 100 if largest else 0
        gap = f"values differ by {number(difference)} ({relative:.1f}%)"
    allowed = "the precision they are reported to" if reported else tolerance.describe()
    verdict = f"within {allowed}" if agrees else f"{gap}, beyond {allowed}"
    if agrees and not basis and (first.bound != "=" or second.bound != "="):
        verdict = "intervals overlap " + verdict
    if not pages:
        return f"{left} vs {right}: {verdict}"
    notes = [note for note in (basis, _dates_note(first, second, apart, status, as_of), _scopes_note(first, second)) if note]
    return f"{left} ({first.doc}) vs {right} ({second.doc}): {verdict}" + (f"; {'; '.join(notes)}" if notes else "")


def _dates_note(first: Claim, second: Claim, apart: int | None, status: str, as_of: tuple) -> str:
    """When each figure holds: its sentence's date, and the day its page reports a toll up to when that is later."""
    dated = []
    for claim, day in zip((first, second), as_of):
        told = claim.date or "unknown"
        dated.append(f"{told} (reported {day.isoformat()})" if day and len(told) == 10 and day.isoformat() > told else told)
    text = f"dated {dated[0]} vs {dated[1]}"
    if status == "changed":
        text += f" ({apart} day{'s' if apart != 1 else ''} apart: a change over time)"
    return text


def _scopes_note(first: Claim, second: Claim) -> str:
    differences = []
    for label in ("place", "actor", "measure"):
        a, b = getattr(first, label), getattr(second, label)
        if (a or "").lower() != (b or "").lower():
            differences.append(f"{label} {a or '—'} vs {b or '—'}")
    return ("scopes differ: " + ", ".join(differences)) if differences else ""
