"""``agree``: claims of one fact in different sources agree within tolerance, units converted with pint;
a disagreement between documents dated further apart than the window is a change over time."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

from ...model import Claim, Fact, Finding, Tolerance
from ...rules.ruleset import Rule
from ...model.interval import Interval, convert, number, quantity_text
from ..context import CheckContext
from ..registry import option, rule_kind


@dataclass(frozen=True)
class AgreeOptions:
    tolerance: Tolerance | None = option(None, "how far apart two figures may be (default: the pack's `defaults.tolerance`)")
    percent_tolerance: Tolerance | None = option(None, "the tolerance for percentages, when it differs")
    window: timedelta | None = option(None, "sources dated further apart than this that disagree are a change over time "
                                            "(default: the pack's `defaults.window`)")
    fallback: bool = option(False, "judge only pairs no more specific agree rule has judged")
    within_document: bool = option(False, "also compare figures for different places within one document")

_LOWER = (">", ">=")
_UPPER = ("<", "<=")


@rule_kind("agree", runs_per="fact", severity="warning", options=AgreeOptions,
           statuses=("consistent", "violated", "changed"), summary="""
every pair of claims of one fact from different documents (or different places of one document): intervals overlap
after `tolerance` (`rel`, `abs` in the claim's unit, or `points` for percentages), units converted with pint. Two
bounds in the same direction ("over 98%", "more than 99%") are compared by value. Documents dated further apart
than `window` that disagree are a change over time.""")
def check_agree(rule: Rule, context: CheckContext, fact: Fact) -> list[Finding]:
    """Findings of one agree rule on one fact; a fallback rule skips pairs a specific rule has judged."""
    options: AgreeOptions = rule.options
    findings: list[Finding] = []
    window = options.window or context.rules.window
    applicable = context.applicable(rule)
    claims = [claim for claim in fact.claims if id(claim) in applicable]
    if len({claim.doc for claim in claims}) < 2 and not options.within_document:
        return findings
    groups = _groups(claims)
    for first, second in _pairs(claims, options.within_document):
        pair = frozenset((id(first), id(second)))
        if options.fallback and pair in context.judged_pairs:
            continue
        context.judged_pairs.add(pair)
        finding = _judge(rule, context, fact, first, second, window)
        # quote every source that says the same as each side (a few at most)
        left, right = finding.claims
        finding.about = [left, right]
        quoted = _sources(left, groups, exclude={right.doc})
        finding.claims = quoted + _sources(right, groups, exclude={claim.doc for claim in quoted})
        repeated = [f"{c.doc} ({quantity_text(c.value, c.unit, c.bound)})" for c in finding.claims
                    if c is not left and c is not right]
        if repeated:
            finding.message += f"; the same figures also in {', '.join(repeated)}"
        findings.append(finding)
    return findings


_QUOTED_PER_SIDE = 5


def _groups(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    groups: dict[tuple, list[Claim]] = {}
    for claim in claims:
        groups.setdefault((claim.value, claim.bound, claim.unit), []).append(claim)
    return groups


def _sources(claim: Claim, groups: dict[tuple, list[Claim]], exclude: set[str] = frozenset()) -> list[Claim]:
    """The claim and, for each other document saying the same (not already quoted), its first claim."""
    chosen, seen = [claim], {claim.doc, *exclude}
    for other in groups.get((claim.value, claim.bound, claim.unit), []):
        if other.doc not in seen and len(chosen) < _QUOTED_PER_SIDE:
            chosen.append(other)
            seen.add(other.doc)
    return chosen


_ALL_PAIRS_UP_TO = 12  # value groups in one fact compared all against all; more are compared in date order


def _pairs(claims: list[Claim], within_document: bool) -> list[tuple[Claim, Claim]]:
    """Claims of one fact grouped by what they say (value, bound, unit): each group once against each other
    group, and a group repeated by several documents once against itself. A title repeating its own body
    is not a second source."""
    groups = _groups(claims)
    pairs = []
    for members in groups.values():
        other = next((c for c in members[1:] if c.doc != members[0].doc), None)
        if other is not None:
            pairs.append((members[0], other))
    representatives = [members[0] for members in groups.values()]
    if len(representatives) > _ALL_PAIRS_UP_TO:
        representatives.sort(key=lambda c: (c.date or "", c.doc))
        candidates = list(zip(representatives, representatives[1:]))
    else:
        candidates = [(a, b) for i, a in enumerate(representatives) for b in representatives[i + 1:]]
    for first, second in candidates:
        if first.doc != second.doc:
            pairs.append((first, second))
        elif within_document and first.place != second.place:
            pairs.append((first, second))
        else:  # the same document states both: compare with another document that states the second
            alternative = next((c for c in groups[(second.value, second.bound, second.unit)] if c.doc != first.doc), None)
            if alternative is not None:
                pairs.append((first, alternative))
    return pairs


def _judge(rule: Rule, context: CheckContext, fact: Fact, first: Claim, second: Claim, window) -> Finding:
    if first.unit != second.unit and first.bound != "=" and second.bound == "=":
        first, second = second, first  # show the exact figure converted: "5 mi = 8.05 km vs ~8 km"
    unit = second.unit if first.unit != second.unit else first.unit
    options: AgreeOptions = rule.options
    if unit in ("percent", "percentage_point") and options.percent_tolerance:
        tolerance = options.percent_tolerance
    else:
        tolerance = options.tolerance or context.rules.default_tolerance
    first_value = convert(first.value, first.unit, unit)
    second_value = convert(second.value, second.unit, unit)
    same_direction = (first.bound in _LOWER and second.bound in _LOWER) or (first.bound in _UPPER and second.bound in _UPPER)
    if same_direction:
        agrees = second_value in Interval(first_value, first_value).widened(tolerance, unit)
        basis = f"both are {'lower' if first.bound in _LOWER else 'upper'} bounds, compared by value"
    else:
        widened = first.interval.to(first.unit, unit).widened(tolerance, unit)
        agrees = widened.overlaps(second.interval.to(second.unit, unit))
        basis = ""
    status = "consistent" if agrees else "violated"
    dates = (context.document_date(first), context.document_date(second))
    apart = abs((dates[0] - dates[1]).days) if all(dates) else None
    if not agrees and apart is not None and apart > window.days:
        status = "changed"
    message = _message(first, second, first_value, second_value, unit, tolerance, agrees, basis, status, apart)
    return context.finding(rule, status, message, [first, second], fact=str(fact.key))


def _message(first: Claim, second: Claim, first_value: float, second_value: float, unit: str, tolerance, agrees: bool,
             basis: str, status: str, apart: int | None) -> str:
    left = quantity_text(first.value, first.unit, first.bound)
    if first.unit != unit:
        left += f" = {quantity_text(first_value, unit, first.bound)}"
    right = quantity_text(second.value, second.unit, second.bound)
    difference = abs(first_value - second_value)
    if unit in ("percent", "percentage_point"):
        gap = f"values differ by {number(difference)} point{'s' if difference != 1 else ''}"
    else:
        largest = max(abs(first_value), abs(second_value))
        relative = difference / largest * 100 if largest else 0
        gap = f"values differ by {number(difference)} ({relative:.1f}%)"
    verdict = f"within {tolerance.describe()}" if agrees else f"{gap}, beyond {tolerance.describe()}"
    if agrees and not basis and (first.bound != "=" or second.bound != "="):
        verdict = "intervals overlap " + verdict
    notes = [note for note in (basis, _dates(first, second, apart, status), _scopes(first, second)) if note]
    return f"{left} ({first.doc}) vs {right} ({second.doc}): {verdict}" + (f"; {'; '.join(notes)}" if notes else "")



def _dates(first: Claim, second: Claim, apart: int | None, status: str) -> str:
    text = f"dated {first.date or 'unknown'} vs {second.date or 'unknown'}"
    if status == "changed":
        text += f" ({apart} days apart: a change over time)"
    return text


def _scopes(first: Claim, second: Claim) -> str:
    differences = []
    for label in ("place", "actor", "measure"):
        a, b = getattr(first, label), getattr(second, label)
        if (a or "").lower() != (b or "").lower():
            differences.append(f"{label} {a or '—'} vs {b or '—'}")
    return ("scopes differ: " + ", ".join(differences)) if differences else ""
