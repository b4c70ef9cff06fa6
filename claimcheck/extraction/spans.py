"""Which numbers of a sentence make one claim: a range is two numbers and one claim ("between 5% and 6%",
"from $200 to $4 million" after "ranged", "three or four years", "4%-5%"), a score or record is one figure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import Numeral
from .unit_reading import read_unit

_RANGE_JOIN = re.compile(r"^-?\s*(?:-|–|—|to|and|or)\s*$", re.I)  # ("8- to 16-meter": the first unit left to the second)
_BETWEEN = re.compile(r"\bbetween\s*$", re.I)
_FROM = re.compile(r"\bfrom\s*$", re.I)
#: "prices ranged from $200 to $4 million", "anywhere from 3 to 5": a range, not a change from one figure to another
_RANGE_FROM = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|somewhere|estimates?)\s+(?:\S+\s+){0,3}from\s*$",
                         re.I)
_NOT_RANGED = ("vague", "fraction", "fold")


@dataclass
class Span:
    """A number (or a range of two) being turned into a claim."""

    first: Numeral
    last: Numeral


def join_ranges(text: str, numerals: list[Numeral]) -> list[Span]:
    """The sentence's numbers, each alone or joined with the next as the two ends of a range."""
    spans: list[Span] = []
    index = 0
    while index < len(numerals):
        first = numerals[index]
        if index + 1 < len(numerals) and _joined(text, first, numerals[index + 1]):
            spans.append(Span(first, numerals[index + 1]))
            index += 2
            continue
        spans.append(Span(first, first))
        index += 1
    return spans


def _joined(text: str, first: Numeral, second: Numeral) -> bool:
    if first.kind in _NOT_RANGED or second.kind in _NOT_RANGED or first.unit or second.unit:
        return False
    between = text[first.end:second.start]
    if len(between) > 40:
        return False
    joiner = _RANGE_JOIN.match(between)
    if joiner is None and between[:1] not in (" ", "-", "–", "—"):  # "5% and 6%", "15kHz and 17kHz": the unit twice
        unit = read_unit(between, first.currency, first.magnitude)
        joiner = _RANGE_JOIN.match(between[unit.length:]) if unit.length else None
        if joiner is None or read_unit(text[second.end:second.end + 40], second.currency, second.magnitude).unit != unit.unit:
            return False
    if joiner is None:
        return False
    before = text[max(0, first.start - 80):first.start]
    word = joiner.group().strip().lower()
    if word == "and":
        return bool(_BETWEEN.search(before))
    if word == "or":  # "three or four years", "10 or 12 people": two neighbouring guesses
        low, high, _, _ = span_values(Span(first, second))
        return first.value < second.value and high <= max(2 * low, low + 2)
    if word == "to" and _FROM.search(before):
        return bool(_RANGE_FROM.search(before))  # "grew from 70 to 74": a change, two claims
    return not _BETWEEN.search(before)


def is_score(text: str, span: Span) -> bool:
    """'52-3', '31-24': a record or a score (the second figure smaller, joined by a hyphen), not a range."""
    first, last = span.first, span.last
    return (first is not last and first.kind == last.kind == "digits" and first.plain_integer and last.plain_integer
            and last.value < first.value and text[first.end:last.start].strip() in ("-", "–"))


def span_values(span: Span) -> tuple[float, float, float, bool]:
    """(low, high, value, is_range): a range's ends (a magnitude written once applies to both: "1 to 2 million",
    "$3-4bn", "four to five thousand") and its midpoint."""
    first, last = span.first, span.last
    if first is last:
        if first.kind == "vague":
            return first.low, first.high, first.value, True
        return first.value, first.value, first.value, False
    low = first.value
    if first.magnitude == 1.0 and last.magnitude > 1.0 and abs(first.value) <= abs(last.value / last.magnitude):
        low = first.value * last.magnitude  # "1 to 2 million", "$3-4bn" (but "$200 to $4 million" is from 200)
    low, high = sorted((low, last.value))
    return low, high, (low + high) / 2, True
