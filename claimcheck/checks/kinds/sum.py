"""``sum``: parts listed together add up to a total of the same measure in the same passage ("27 + 28 = 55")."""

from __future__ import annotations

import re
from collections import defaultdict

from dataclasses import dataclass

from ...facts import dimension, head_key
from ...lexicon import TOTAL_CUES
from ...model import Claim, Finding, Tolerance
from ...model.interval import Interval, number
from ...rules.ruleset import Rule
from ..context import CheckContext
from ..registry import Within, Words, option, rule_kind


@dataclass(frozen=True)
class SumOptions:
    within: Within = option("document", "the passage in which parts and their total are looked for", aliases=("scope",))
    tolerance: Tolerance | None = option(None, "how far the parts' sum may be from the total (default: exact)")
    total_cues: Words = option(TOTAL_CUES, "phrases that mark a total (\"a total of\", \"in all\")")
    min_parts: int = option(2, "how many parts a list needs", minimum=2)

_LIST_JOIN = re.compile(r"^[^.;:!?\d]{0,80}$")
_JOIN_WORD = re.compile(r"\b(?:and|plus|while|with|as well as)\b|,")


@rule_kind("sum", runs_per="document", severity="error", options=SumOptions, summary="""
parts add up to a total in one passage (`within`: `sentence`, `paragraph`, `document`): two or more claims of one
measure listed together ("27 in Syria and 28 in Iraq") and a larger claim of the same measure in the passage that
covers them (its place names theirs, "Iraq and Syria", or the text says "a total of", "in all", …). Σ parts is
compared with the total's interval after `tolerance`.""")
def check_sum(rule: Rule, context: CheckContext) -> list[Finding]:
    options: SumOptions = rule.options
    cues = [cue.lower() for cue in options.total_cues]
    min_parts = options.min_parts
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in context.claims_for(rule):
        key = head_key(claim.measure, context.rules.synonyms)
        if key is not None and not claim.is_range:
            groups[(context.passage(claim, options.within), key, dimension(claim.unit))].append(claim)
    findings = []
    for claims in groups.values():
        claims.sort(key=lambda c: c.start)
        for run in _listed_parts(claims, context, min_parts):
            # "62 air strikes in Iraq and Syria, 30 in Iraq and 38 in Syria": the first may be the total
            for parts in ([run, run[1:]] if len(run) > min_parts else [run]):
                total = _total_for(parts, claims, cues, context)
                if total is not None:
                    findings.append(_judge(rule, context, total, parts))
                    break
    return findings


def _listed_parts(claims: list[Claim], context: CheckContext, min_parts: int) -> list[list[Claim]]:
    """Runs of claims of one measure listed together in one sentence: '27 in Syria and 28 in Iraq'."""
    runs: list[list[Claim]] = []
    current: list[Claim] = []
    for claim in claims:
        if current and current[-1].sentence == claim.sentence and current[-1].doc == claim.doc:
            between = context.documents[claim.doc].text[current[-1].end:claim.start]
            if _LIST_JOIN.match(between) and _JOIN_WORD.search(between):
                current.append(claim)
                continue
        if len(current) >= min_parts:
            runs.append(current)
        current = [claim]
    if len(current) >= min_parts:
        runs.append(current)
    return runs


def _total_for(parts: list[Claim], claims: list[Claim], cues: list[str], context: CheckContext) -> Claim | None:
    largest = max(part.value for part in parts)
    places = {part.place for part in parts if part.place}
    candidates = []
    chosen = {id(part) for part in parts}
    for claim in claims:
        if id(claim) in chosen or claim.value <= largest:
            continue
        covers = bool(claim.place) and len(places) >= 2 and all(place.lower() in claim.place.lower() for place in places)
        sentence = claim.sentence.lower().replace("_", " ")  # a dataset column "strikes_total" names a total
        cued = any(re.search(rf"\b{re.escape(cue)}\b", sentence) for cue in cues)
        parts_cued = any(re.search(rf"\b{re.escape(cue)}\b", parts[0].sentence.lower()) for cue in cues)
        distinct = len(places) == len(parts) and not claim.place
        if covers or cued or (parts_cued and distinct) or (distinct and claim.sentence == parts[0].sentence):
            candidates.append(claim)
    if not candidates:
        return None
    return min(candidates, key=lambda claim: abs(claim.start - parts[0].start))


def _judge(rule: Rule, context: CheckContext, total: Claim, parts: list[Claim]) -> Finding:
    low, high = sum((part.interval.to(part.unit, total.unit) for part in parts), Interval(0, 0))
    holds = total.interval.widened(rule.options.tolerance or Tolerance(), total.unit).overlaps(Interval(low, high))
    exact = all(part.bound == "=" for part in parts) and total.bound == "="
    shown = " + ".join(_shown(part) for part in parts)
    value_sum = sum(part.value for part in parts)
    measure = total.measure or parts[0].measure or ""
    if holds:
        message = f"{shown} = {number(value_sum)} ✓ matches the total {_shown(total)} {measure}".rstrip()
    else:
        gap = value_sum - total.value
        message = (f"{shown} = {number(value_sum)} ≠ {_shown(total)} {measure}: the parts "
                   f"{'exceed' if gap > 0 else 'fall short of'} the total by {number(abs(gap))}")
    if not exact and holds:
        message += f" (within the stated bounds: parts {number(low)}–{number(high)})"
    return context.finding(rule, "consistent" if holds else "violated", message, [total, *parts])


def _shown(claim: Claim) -> str:
    prefix = {"~": "~", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}.get(claim.bound, "")
    return f"{prefix}{number(claim.value)}"
