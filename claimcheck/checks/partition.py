"""``partition``: shares of one whole listed together sum to 100% within the rounding of their digits."""

from __future__ import annotations

import re
from collections import defaultdict

from ..lexicon import COMPLETE_CUES
from ..model import Claim, Finding
from ..rules.ruleset import Rule
from ..model.interval import number, rounding
from .context import CheckContext, change_pattern



def check_partition(rule: Rule, context: CheckContext) -> list[Finding]:
    scope = rule.option("scope", "sentence")
    cues = [cue.lower() for cue in rule.option("complete_cues", COMPLETE_CUES)]
    minimum = rule.option("min_parts", 3)
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in context.claims:
        if claim.unit == "percent" and claim.bound in ("=", "~") and not claim.is_range and context.applies(rule, claim):
            groups[context.scope_key(claim, scope)].append(claim)
    findings = []
    for claims in groups.values():
        if len(claims) < minimum or _changes(claims, context):
            continue
        total = sum(claim.value for claim in claims)
        slack = sum(rounding(claim.text) for claim in claims)
        shown = " + ".join(f"{number(claim.value)}%" for claim in claims)
        complete = any(re.search(rf"\b{re.escape(cue)}\b", claims[0].sentence.lower()) for cue in cues)
        if abs(total - 100) <= slack:
            findings.append(context.finding(rule, "consistent", f"{shown} = {number(total)}% ✓ (100% within rounding ±{number(slack)})", claims))
        elif total > 100 or complete:
            findings.append(context.finding(rule, "violated", f"{shown} = {number(total)}%, not 100% (rounding allows "
                                            f"±{number(slack)}): shares of one whole must add up", claims))
    return findings


_CHANGE = change_pattern()


def _changes(claims: list[Claim], context: CheckContext) -> bool:
    """Percentages that are changes ("climbed 5%") are not shares of a whole."""
    text = context.documents[claims[0].doc].text
    return any(_CHANGE.search(text[max(0, claim.start - 20):claim.start].lower()) for claim in claims)
