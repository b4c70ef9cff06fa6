"""``range``: values within bounds (a share within 0–100%, counts non-negative) and, with a
pattern naming a ``part`` and its ``whole`` ("12 of the 9 …"), a part not above its whole."""

from __future__ import annotations

from dataclasses import dataclass

from ...facts import dimension
from ...model import Claim, Finding
from ...rules.ruleset import Rule
from ...model.interval import number, quantity_text
from ...lexicon import CHANGE_BEFORE_PERCENTAGE, PERCENTAGE_LEVELS
from ..context import CheckContext, change_pattern
from ..registry import Pattern, Words, option, rule_kind


@dataclass(frozen=True)
class RangeOptions:
    min: float | None = option(None, "the smallest value allowed")
    max: float | None = option(None, "the largest value allowed")
    pattern: Pattern | None = option(None, "instead of min/max: a part and its whole in the text, as named groups",
                                     groups=("part", "whole"))
    exclude_words: Words = option(CHANGE_BEFORE_PERCENTAGE, "words just before a figure that make it a change, not a "
                                  "level (\"rose 150%\")")
    levels: Words = option(PERCENTAGE_LEVELS, "measures a figure is a level against, not a share of (\"at 190% of "
                           "capacity\"), also when one stands just before it (\"a compliance rate of 147%\")")



@rule_kind("range", runs_per="document", severity="error", options=RangeOptions, statuses=("violated",), summary="""
each claim of the rule's `units`/`measures` lies within `min`…`max` (a share of a whole within 0–100%, counts
non-negative); with `pattern` (named groups `part`, `whole`) a part is not above its stated whole ("12 of the 9 …").""")
def check_range(rule: Rule, context: CheckContext) -> list[Finding]:
    options: RangeOptions = rule.options
    if options.pattern:
        return _part_of_whole(rule, context)
    low, high = options.min, options.max
    change, level = change_pattern(options.exclude_words), change_pattern(options.levels)
    findings = []
    for claim in context.claims_for(rule):
        text = context.documents[claim.doc].text
        if change.search(text[max(0, claim.start - 30):claim.start].lower()):
            continue  # a change ("rose 150%"), not a share
        if ((claim.measure and claim.measure.lower().split()[-1] in options.levels)
                or level.search(text[max(0, claim.start - 60):claim.start].lower())):
            continue  # a level against a reference ("190 per cent of capacity", "a compliance rate of 147%")
        if low is not None and claim.value < low:
            findings.append(context.finding(rule, "violated", f"{quantity_text(claim.value, claim.unit)} is below the minimum "
                                            f"{number(low)} for {claim.measure or 'this quantity'}", [claim]))
        elif high is not None and claim.value > high:
            findings.append(context.finding(rule, "violated", f"{quantity_text(claim.value, claim.unit)} is above the maximum "
                                            f"{number(high)} for {claim.measure or 'this quantity'}", [claim]))
    return findings


def _part_of_whole(rule: Rule, context: CheckContext) -> list[Finding]:
    pattern = rule.options.pattern.compiled
    findings = []
    by_document: dict[str, list[Claim]] = {}
    for claim in context.claims_for(rule):
        by_document.setdefault(claim.doc, []).append(claim)
    for doc, claims in by_document.items():
        text = context.documents[doc].text
        for match in pattern.finditer(text):
            part = _claim_at(claims, match.span("part"))
            whole = _claim_at(claims, match.span("whole"))
            if part is None or whole is None or dimension(part.unit) != dimension(whole.unit):
                continue  # "about 60 percent of its 42-tonne capacity": a share of a whole, not a part above it
            if part.value > whole.value:
                findings.append(context.finding(rule, "violated", f"part {number(part.value)} is larger than its whole "
                                                f"{number(whole.value)} ({match.group(0)!r})", [part, whole]))
    return findings


def _claim_at(claims: list[Claim], span: tuple[int, int]) -> Claim | None:
    start, end = span
    return next((claim for claim in claims if claim.start < end and start < claim.end), None)
