"""``partition``: shares of one whole listed together sum to 100% within the rounding of their digits."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ...lexicon import COMPLETE_CUES
from ...model import Claim, Finding
from ...rules.ruleset import Rule
from ...model.interval import number, rounding
from ..context import SENTENCE_END, CheckContext, change_pattern
from ..registry import Within, Words, option, rule_kind


@dataclass(frozen=True)
class PartitionOptions:
    within: Within = option("sentence", "the passage in which shares of one whole are looked for", aliases=("scope",))
    complete_cues: Words = option(COMPLETE_CUES, "phrases that say the list is complete (\"the rest\"): then a "
                                  "total under 100% is violated too")
    min_parts: int = option(3, "how many shares a list needs", minimum=2)



@rule_kind("partition", runs_per="document", severity="warning", options=PartitionOptions, summary="""
three or more percentages listed together in one passage, shares of one whole, sum to 100% within the rounding of
their reported digits (more than 100 is always violated; less only when the text claims completeness: "the rest",
"remaining", "others").""")
def check_partition(rule: Rule, context: CheckContext) -> list[Finding]:
    options: PartitionOptions = rule.options
    cues = [cue.lower() for cue in options.complete_cues]
    minimum = options.min_parts
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in context.claims:
        if claim.unit == "percent" and claim.bound in ("=", "~") and not claim.is_range and context.applies(rule, claim):
            groups[context.passage(claim, options.within)].append(claim)
    findings = []
    for claims in groups.values():
        claims = _shares_of_the_whole(claims, context)
        claims = _listed(claims, context) if claims else claims
        if len(claims) < minimum or _changes(claims, context) or _per_place(claims, context) or _of_wholes(claims, context):
            continue
        total = sum(claim.value for claim in claims)
        slack = sum(rounding(claim.text) for claim in claims)
        shown = " + ".join(f"{number(claim.value)}%" for claim in claims)
        complete = _told_complete(claims, context, cues)
        if abs(total - 100) <= slack:
            findings.append(context.finding(rule, "consistent", f"{shown} = {number(total)}% ✓ (100% within rounding ±{number(slack)})", claims))
        elif total > 100 or complete:
            findings.append(context.finding(rule, "violated", f"{shown} = {number(total)}%, not 100% (rounding allows "
                                            f"±{number(slack)}): shares of one whole must add up", claims))
    return findings


def _told_complete(claims: list[Claim], context: CheckContext, cues: list[str]) -> bool:
    """Whether a cue of completeness stands beside one of the shares, in its sentence ("the remaining 13%", "and 5%
    others"): "The remaining parties fell short: one got 1.68 percent, another 1.19 percent" lists the rest's shares,
    not all; "... and the Shor Party 8.3%. The other parties failed to pass the threshold" speaks of others."""
    text = context.documents[claims[0].doc].text.lower()
    beside = [SENTENCE_END.split(text[max(0, claim.start - _CUE_BEFORE):claim.start])[-1] + " | "
              + SENTENCE_END.split(text[claim.end:claim.end + _CUE_AFTER])[0] for claim in claims]
    # "no other party passed the 5 percent barrier": the others had shares too, too small to list
    return any(re.search(rf"(?<!\bno\s)\b{re.escape(cue)}\b", words) for cue in cues for words in beside)


_CUE_BEFORE, _CUE_AFTER = 25, 20  # characters around a share in which a cue of completeness speaks of it
_CHANGE = change_pattern()
_AFTER_NAME = re.compile(r"^[^\d%]{0,20}?\b(?:with|in|for|from|to|at)\s+(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")


def _per_place(claims: list[Claim], context: CheckContext) -> bool:
    """'59% with Singapore, 44% with Malaysia, 55% with Saudi Arabia': each share of its own place's whole."""
    from ...lexicon import country_names

    text = context.documents[claims[0].doc].text
    places = set()
    for claim in claims:
        match = _AFTER_NAME.match(text[claim.end:claim.end + 60])
        if match and (match.group("name") in country_names() or claim.place):
            places.add(match.group("name"))
    return len(places) >= 2


def _listed(claims: list[Claim], context: CheckContext) -> list[Claim]:
    """The longest run of the shares written as one list ("45% for, 40% against and 15% undecided"): shares in
    different clauses ("...where 92% were opposed; support was strongest where 87% ...") are of different wholes."""
    text = context.documents[claims[0].doc].text
    runs: list[list[Claim]] = [[claims[0]]]
    for claim in claims[1:]:
        between = text[runs[-1][-1].end:claim.start]
        if len(between) <= 80 and not _CLAUSE_BREAK.search(between):
            runs[-1].append(claim)
        else:
            runs.append([claim])
    return max(runs, key=len)


def _shares_of_the_whole(claims: list[Claim], context: CheckContext) -> list[Claim]:
    """The shares without those of how far a count has gone ("Kalnoja won 41.7% and Rozenberga 34.2% with 99.6% of
    precincts counted": the 99.6% is of the precincts, not of the vote the others split) and without those of
    another measure than most of them name ("won 67.8 percent of the vote, against 21.5 percent for the UDF, with
    turnout at 82.3 percent")."""
    text = context.documents[claims[0].doc].text
    shares = [claim for claim in claims if not _COUNTED.match(text, claim.end, claim.end + 80)]
    measures = Counter(claim.measure for claim in shares if claim.measure)
    if measures and (main := measures.most_common(1)[0])[1] >= 2:  # "67.8% of the vote ..., with turnout at 82.3%"
        shares = [claim for claim in shares if claim.measure in (None, main[0])]
    return shares


#: "99.6% of precincts counted", "98.7% of polling stations were counted", "with 97% of precincts reporting", "With
#: 60 percent counted"
_COUNTED = re.compile(r"\s*(?:percent|per\s+cent)?\s*(?:of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){1,3}?"
                      r"(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+)?"
                      r"(?:counted|reporting|reported|tallied|processed)|(?:counted|tallied))\b", re.I)


def _of_wholes(claims: list[Claim], context: CheckContext) -> bool:
    """'78% of Lebanese, 77% of Jordanians': each the share of its own whole."""
    text = context.documents[claims[0].doc].text
    wholes = {match.group(1).lower() for claim in claims if (match := _OF_WHOLE.match(text[claim.end:claim.end + 40]))}
    return len(wholes) >= 2


_CLAUSE_BREAK = re.compile(r"[.;:!?]|\b(?:while|whereas|but|where)\b")
_OF_WHOLE = re.compile(r"^\s*(?:percent|per cent)?\s*of\s+(?:the\s+|all\s+)?([A-Za-z][\w-]*)")


def _changes(claims: list[Claim], context: CheckContext) -> bool:
    """Percentages that are changes ("climbed 5%") are not shares of a whole."""
    text = context.documents[claims[0].doc].text
    return any(_CHANGE.search(text[max(0, claim.start - 20):claim.start].lower()) for claim in claims)
