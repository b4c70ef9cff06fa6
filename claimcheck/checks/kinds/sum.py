"""``sum``: parts listed together add up to a total of the same measure in the same passage ("27 + 28 = 55")."""

from __future__ import annotations

import re
from collections import defaultdict

from dataclasses import dataclass

from ...evidence.revisions import BRINGING
from ...facts import dimension
from ...lexicon import PARTIAL_CUES, TOTAL_CUES
from ...measure_keys import head_key
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
    partial_cues: Words = option(PARTIAL_CUES, "phrases that say the parts are some of the total (\"including\"): "
                                 "such parts are violated only when they exceed it")
    min_parts: int = option(2, "how many parts a list needs", minimum=2)
    reach: int = option(1500, "how far (in characters) from its parts a total may be written", minimum=0)

_LIST_JOIN = re.compile(r"^[^.;:!?\d]{0,80}$")
_JOIN_WORD = re.compile(r"\b(?:and|plus|with|as well as)\b|,")
_ADDED = re.compile(r"\b(?:another|other|more|further|additional|while|whereas)\s*$", re.I)  # "..., while entering another four"
#: a figure told as the one before a change: "rose to 118, including 84 in Karachi, up from 65 on Tuesday"
_EARLIER = re.compile(r"\b(?:up|down|rising|falling|risen|fallen|rose|fell|climbed|dropped)\s+from\s*$", re.I)
#: a figure told as what a running total now is: "won two of the four seats abroad, bringing its total to 86"
_BROUGHT_TO = re.compile(rf"\b{BRINGING}\b[^.;:!?\d]*\bto\s*$", re.I)
#: a list that goes on in amounts it does not add up: "five to one party, three to another and one each to three
#: others", "... and the rest to smaller parties"
_LIST_GOES_ON = re.compile(r"^[^.;!?\d]{0,60}?\b(?:(?:one|two|three|four|five|\d+)\s+(?:each|apiece)|the\s+rest|"
                           r"the\s+remain(?:ing|der)|others?)\b", re.I)


@rule_kind("sum", runs_per="document", severity="error", options=SumOptions, summary="""
parts add up to a total in one passage (`within`: `sentence`, `paragraph`, `document`): two or more claims of one
measure listed together ("27 in Syria and 28 in Iraq") and a larger claim of the same measure in the passage that
covers them (its place names theirs, "Iraq and Syria", or the text says "a total of", "in all", …). Σ parts is
compared with the total's interval after `tolerance`.""")
def check_sum(rule: Rule, context: CheckContext) -> list[Finding]:
    options: SumOptions = rule.options
    cues = _cue_pattern(options.total_cues)
    partial = _cue_pattern(options.partial_cues)
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
            text = context.documents[run[0].doc].text
            written = _total_in_run(run, text, cues)
            if written is not None:  # "13,331 in Iraq and 11,235 in Syria, for a total of 24,566"
                parts, total = run[:written], run[written]
                if len(parts) >= min_parts:
                    findings.extend(_judged(rule, context, total, parts, partial))
                continue
            # "62 air strikes in Iraq and Syria, 30 in Iraq and 38 in Syria": the first may be the total
            for parts in ([run, run[1:]] if len(run) > min_parts else [run]):
                total = _total_for(parts, claims, cues, context, options.reach)
                if total is not None:
                    findings.extend(_judged(rule, context, total, parts, partial))
                    break
    return findings


def _cue_pattern(cues) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(cue.lower()) for cue in cues) + r")\b")


#: cues written just before a total ("for a total of 24,566"); "of which", "including" follow one instead
_INTRODUCES_TOTAL = r"\b(?:a total of|total of|in total|in all|altogether|combined|overall|totall?ing|total)"


def _total_in_run(run: list[Claim], text: str, cues: re.Pattern) -> int | None:
    """The index of a run member introduced by a total cue ("..., for a total of 24,566"), if any."""
    introduces = re.compile(rf"{_INTRODUCES_TOTAL}[\s:,]*$")
    for index in range(1, len(run)):
        if introduces.search(text[run[index - 1].end:run[index].start].lower()):
            return index
    return None


def _listed_parts(claims: list[Claim], context: CheckContext, min_parts: int) -> list[list[Claim]]:
    """Runs of claims of one measure listed together in one sentence: '27 in Syria and 28 in Iraq'."""
    runs: list[list[Claim]] = []
    current: list[Claim] = []
    for claim in claims:
        if current and current[-1].sentence == claim.sentence and current[-1].doc == claim.doc:
            between = context.documents[claim.doc].text[current[-1].end:claim.start]
            if (_LIST_JOIN.match(between) and _JOIN_WORD.search(between) and not _ADDED.search(between)
                    and not _EARLIER.search(between) and not _BROUGHT_TO.search(between)
                    and "while" not in between.lower().split()):
                current.append(claim)
                continue
        if len(current) >= min_parts:
            runs.append(current)
        current = [claim]
    if len(current) >= min_parts:
        runs.append(current)
    return runs


def _total_for(parts: list[Claim], claims: list[Claim], cues: re.Pattern, context: CheckContext, limit: int) -> Claim | None:
    largest = max(part.value for part in parts)
    places = {part.place for part in parts if part.place}
    outcomes = {part.outcome for part in parts}
    paragraph = context.paragraph(parts[0])
    text = context.documents[parts[0].doc].text
    candidates = []
    chosen = {id(part) for part in parts}
    for claim in claims:
        if id(claim) in chosen or claim.value <= largest or claim.doc != parts[0].doc:
            continue
        if claim.type == "spec":
            continue  # "86 in the 230-seat parliament": the size of what is shared out, not the sum of the shares told
        if min(abs(claim.start - parts[0].start), abs(claim.start - parts[-1].end)) > limit:
            continue  # pages apart: a total of something else
        if claim.source and parts[0].source and claim.source != parts[0].source:
            continue  # the government's 21 and 10 are no parts of the monitor's 127
        if claim.outcome and None not in outcomes and claim.outcome not in outcomes:
            continue  # 520 captured is no total of 11 killed and 61 injured
        covers = bool(claim.place) and len(places) >= 2 and all(place.lower() in claim.place.lower() for place in places)
        apart = paragraph - context.paragraph(claim) if claim.end else 0  # a dataset column speaks for its whole row
        if apart and not (covers and apart == 1):
            continue  # another paragraph tells of another total, unless the one just before is broken down here
        # the cue is written at the total ("a total of 55", "55 in all"); a dataset column "strikes_total" names one
        if claim.end:  # "a total of 55", "55 in all", "55, including ...": never "..., including 28" (a part)
            before, after = text[max(claim.start - 40, 0):claim.start].lower(), text[claim.end:claim.end + 25].lower()
            cued = bool(re.search(_INTRODUCES_TOTAL, before) or cues.search(after))
        else:  # a dataset column "strikes_total" names a total
            cued = bool(cues.search(claim.sentence.lower().replace("_", " ")))
        parts_cued = bool(cues.search(parts[0].sentence.lower()))
        distinct = len(places) == len(parts) and not claim.place
        if covers or cued or (parts_cued and distinct) or (distinct and claim.sentence == parts[0].sentence):
            candidates.append(claim)
    if not candidates:
        return None
    return min(candidates, key=lambda claim: abs(claim.start - parts[0].start))


def _judged(rule: Rule, context: CheckContext, total: Claim, parts: list[Claim], partial: re.Pattern) -> list[Finding]:
    """The finding on a total and its parts; none for some of a total ("including ...") that does not exceed it."""
    low, high = sum((part.interval.to(part.unit, total.unit) for part in parts), Interval(0, 0))
    widened = total.interval.widened(rule.options.tolerance or Tolerance(), total.unit)
    if _is_partial(total, parts, context, partial) and not widened.overlaps(Interval(low, high)):
        if low <= widened.high:
            return []  # some of the total, short of it
        message = (f"{' + '.join(_shown(part) for part in parts)} = {number(sum(part.value for part in parts))} > "
                   f"{_shown(total)} {total.measure or parts[0].measure or ''}: some of a total exceed the whole")
        return [context.finding(rule, "violated", message.replace("  ", " "), [total, *parts])]
    return [_judge(rule, context, total, parts, Interval(low, high), widened)]


def _is_partial(total: Claim, parts: list[Claim], context: CheckContext, partial: re.Pattern) -> bool:
    """'500 people, including 150 ...', 'of whom 12 ...', 'Of the allegations, 812 ... and two ...'."""
    text = context.documents[parts[0].doc].text
    if total.sentence == parts[0].sentence:
        start = min(total.end, parts[0].start)
    else:  # from the start of the parts' sentence
        found = text.rfind(parts[0].sentence[:40], max(parts[0].start - len(parts[0].sentence), 0), parts[0].start + 1)
        start = found if found >= 0 else parts[0].start
    between = text[start:parts[-1].start].lower()
    of_the = any(_OF_THE.match(text[part.end:part.end + 20]) for part in parts)  # "21 of the dead were civilians"
    goes_on = bool(_LIST_GOES_ON.match(text[parts[-1].end:parts[-1].end + 80]))
    return bool(partial.search(between)) or parts[0].sentence.lstrip().lower().startswith("of ") or of_the or goes_on


_OF_THE = re.compile(r"^\s+of\s+(?:the|those|these|them|whom|which)\b", re.I)


def _judge(rule: Rule, context: CheckContext, total: Claim, parts: list[Claim], summed: Interval, widened: Interval) -> Finding:
    low, high = summed.low, summed.high
    holds = widened.overlaps(summed)
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
