"""``change``: "grew from 70 to 74 nations" agrees with its direction word and stated increments
("up 4", "by 6%", "by 2 percentage points"); percent and percentage points kept apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...measure_keys import head_key
from ...lexicon import DECREASE_WORDS, INCREASE_WORDS
from ...model import Claim, Finding, Tolerance
from ...rules.ruleset import Rule
from ...model.interval import number, rounding
from ..context import SENTENCE_END, CheckContext
from ..registry import Words, option, rule_kind


@dataclass(frozen=True)
class ChangeOptions:
    increase_words: Words = option(INCREASE_WORDS, "words that say a figure went up")
    decrease_words: Words = option(DECREASE_WORDS, "words that say a figure went down")
    tolerance: Tolerance | None = option(None, "accepted for older rule files; the stated increment is compared within "
                                         "the rounding of its reported digits")

#: "up" of a verb of its own, no increment: "which together make up more than half of the market"
_PHRASAL_UP = re.compile(r"\b(?:make|makes|made|making|take|takes|took|taking|add|adds|added|adding|sum|sums|summed|"
                         r"end|ends|ended|set|sets|line|lined|pick|picked|show|showed|turn|turned)\s+up\s+$", re.I)
_INCREMENT = re.compile(r"\b(?:by|up|down|an increase of|a rise of|a drop of|a fall of|a decline of|a gain of)\s+$", re.I)


@rule_kind("change", runs_per="document", severity="warning", options=ChangeOptions, summary="""
"grew from 70 to 74 nations": the direction word (rose, grew / fell, dropped …) agrees with the sign of the change;
a stated increment ("up 4", "by 6%", "by 2 percentage points") equals the difference (units) or relative change
(percent); percent and percentage points kept apart.""")
def check_change(rule: Rule, context: CheckContext) -> list[Finding]:
    options: ChangeOptions = rule.options
    increase = [w.lower() for w in options.increase_words]
    decrease = [w.lower() for w in options.decrease_words]
    findings = []
    by_sentence: dict[tuple, list[Claim]] = {}
    for claim in context.claims_for(rule):
        by_sentence.setdefault((claim.doc, claim.sentence), []).append(claim)
    for (doc, _), claims in by_sentence.items():
        text = context.documents[doc].text
        claims.sort(key=lambda c: c.start)
        increments = [c for c in claims if _INCREMENT.search(text[max(0, c.start - 20):c.start])
                      and not _PHRASAL_UP.search(text[max(0, c.start - 20):c.start])]
        for before, after in _from_to_pairs(claims, text, context):
            first = min(before.start, after.start)
            # a direction word before the sentence's start is another sentence's ("Explorer fell to 69.8%. Firefox rose
            # to 20.8% from 16%")
            direction = _direction(SENTENCE_END.split(text[max(0, first - 60):first].lower())[-1], increase,
                                   decrease)
            stated = [c for c in increments if c is not before and c is not after and abs(c.start - before.start) < 200
                      and not (c.end <= first and _ANOTHER_CLAUSE.search(text[c.end:first]))]
            if direction is None and not stated:
                continue
            findings.append(_judge(rule, context, before, after, direction, stated))
    return findings


def _from_to_pairs(claims: list[Claim], text: str, context: CheckContext) -> list[tuple[Claim, Claim]]:
    """'from 70 nations and four partner organizations to 74 nations and five …': pair by measure."""
    pairs = []
    # "fell to 9 million from 10 million": the new figure first, the old one after "from"
    for index, claim in enumerate(claims[:-1]):
        following = claims[index + 1]
        if (re.search(r"\bto\s+$", text[max(0, claim.start - 6):claim.start].lower())
                and _FROM_AFTER.fullmatch(text[claim.end:following.start].lower())
                and claim.unit == following.unit):
            pairs.append((following, claim))
    olds = [pair[0] for pair in pairs]
    for index, claim in enumerate(claims):
        if not re.search(r"\bfrom\s+$", text[max(0, claim.start - 10):claim.start].lower()):
            continue
        if any(claim is old for old in olds):
            continue  # "raised it to 7.25% from 6.75% ..., as inflation climbed to 9.8%": the "to" is another's
        rest = claims[index + 1:]
        to_position = next((m.start() + claim.end for m in re.finditer(r"\bto\b", text[claim.end:claim.end + 200])), None)
        if to_position is None:
            continue
        group = [c for c in rest if c.start < to_position]
        targets = [c for c in rest if c.start > to_position]
        for source in [claim, *group]:
            key = head_key(source.measure, context.rules.synonyms)
            target = next((t for t in targets if head_key(t.measure, context.rules.synonyms) == key and t.unit == source.unit), None)
            if target is not None and not any(pair[1] is target for pair in pairs):
                pairs.append((source, target))
    return pairs


#: what joins a new figure to the old one after it: "fell to 9 million from 10 million", "rose to $5.2 billion, up
#: from $4.8 billion"; not another clause's "from" ("risen to 52, as detectives examined footage from more than 200
#: cameras")
_FROM_AFTER = re.compile(r"(?:[^.;,\d]{0,40}\b|\s*,\s*(?:(?:up|down)\s+)?)from\s+")


#: between an increment and a change told after it, the start of another clause: "prices rose by 0.4% in March,
#: lifting annual growth to 3.1% from 2.7%" (the 0.4% is the prices' rise, not the growth's); "the index was down 1.3
#: percent after the bank lifted its rate to 6.25 percent, from 5.75 percent"
_ANOTHER_CLAUSE = re.compile(r";|,\s*(?!(?:from|to|up|down)\b)[a-z]"
                             r"|\b(?:and|while|as|but|whereas|after|before|when|since|because)\b", re.I)


def _direction(before: str, increase: list[str], decrease: list[str]) -> str | None:
    found = None
    for word in increase:
        if re.search(rf"\b{re.escape(word)}\b", before):
            found = "increase"
    for word in decrease:
        if re.search(rf"\b{re.escape(word)}\b", before):
            found = "decrease"
    return found


def _judge(rule: Rule, context: CheckContext, before: Claim, after: Claim, direction: str | None,
           stated: list[Claim]) -> Finding:
    difference = after.value - before.value
    problems, checks = [], [f"{number(before.value)} → {number(after.value)}: {'+' if difference >= 0 else '−'}{number(abs(difference))}"]
    if direction:
        right = (difference > 0) if direction == "increase" else (difference < 0)
        checks.append(f"'{direction}' {'✓' if right else '✗'}")
        if not right:
            problems.append(f"the text says {direction} but the figures go {'up' if difference > 0 else 'down'}")
    for increment in stated:
        ok, explanation = _increment_matches(before, after, increment)
        checks.append(explanation)
        if not ok:
            problems.append(explanation)
    status = "violated" if problems else "consistent"
    message = "; ".join(checks)
    return context.finding(rule, status, message, [before, after, *stated])


def _increment_matches(before: Claim, after: Claim, increment: Claim) -> tuple[bool, str]:
    difference = after.value - before.value
    slack = rounding(increment.text)
    magnitude = abs(difference)
    if increment.unit == "basis_point" and before.unit == "percent":  # 50 basis points are half a percentage point
        ok = abs(magnitude * 100 - increment.value) <= slack
        return ok, (f"stated {number(increment.value)} basis points = {number(increment.value / 100)} points vs "
                    f"difference {number(magnitude)} points {'✓' if ok else '✗'}")
    if increment.unit == "percentage_point" or (increment.unit == "percent" and before.unit != "percent"):
        if increment.unit == "percent":
            relative = magnitude / abs(before.value) * 100 if before.value else float("inf")
            slack = max(slack, 0.05 * increment.value)
            ok = abs(relative - increment.value) <= slack
            return ok, f"stated {number(increment.value)}% vs relative change {relative:.1f}% {'✓' if ok else '✗'}"
        ok = abs(magnitude - increment.value) <= slack
        return ok, f"stated {number(increment.value)} points vs difference {number(magnitude)} points {'✓' if ok else '✗'}"
    if increment.unit == "percent" and before.unit == "percent":
        relative = magnitude / abs(before.value) * 100 if before.value else float("inf")
        ok = abs(relative - increment.value) <= max(slack, 0.05 * increment.value)
        note = "" if ok else (" (the difference is in percentage points, not percent)" if abs(magnitude - increment.value) <= slack else "")
        return ok, f"stated {number(increment.value)}% vs relative change {relative:.1f}% {'✓' if ok else '✗'}{note}"
    ok = abs(magnitude - increment.value) <= max(slack, 1e-9)
    return ok, f"stated {number(increment.value)} vs difference {number(magnitude)} {'✓' if ok else '✗'}"
