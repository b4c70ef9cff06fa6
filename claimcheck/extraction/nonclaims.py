"""Spans of text whose numbers are not claims: dates, clock times, media timers, phone numbers, ids,
version numbers, ordinals, list numbering, URLs and page-chrome counters.

Finding these once per document, before any number is read, keeps every later step simple: a number
inside one of these spans is skipped, and the reason is kept for ``--explain``-style debugging.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..documents.metadata import MONTH_PATTERN as _MONTH

_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("url", re.compile(r"\b(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")),  # an address is tried once per run of its characters: linear
    ("date", re.compile(rf"(?<!\d){_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?(?![\w])", re.I)),
    ("date", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?!\d)", re.I)),
    ("date", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("date", re.compile(rf"(?<![\d.,])\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+{_MONTH}(?![\w])", re.I)),
    ("date", re.compile(r"(?<![\d.,])\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?\S*)?|(?<![\d.,])\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?![\d])")),
    ("date", re.compile(r"(?<![\d.,])\d{1,2}\s/\s\d{1,2}(?:\s/\s\d{2,4})?(?![\d])")),  # "06 / 06 / 2013" in tokenised text
    ("id", re.compile(r"(?<![\w.])\.?\d+\s?-\s?(?:gauge|caliber|calibre|bore)\b", re.I)),  # a gun's bore: a spec
    ("version", re.compile(r"\b(?:USB|HDMI|DDR|LTE|PCIe?|Wi-?Fi|Bluetooth|iOS|OS X|Android|Windows|Thunderbolt|FireWire|"
                           r"HTML|IPv|MPEG|H\.)\s?\d+(?:\.\d+)*\b")),  # "USB 2.0", "iOS 6": versions and standards
    ("date", re.compile(rf"\b(?:mid|early|late|pre|post)-{_YEAR}s?\b|\b{_YEAR}s\b|\b'\d0s\b|\b{_YEAR}[-–/]\d{{2}}\b", re.I)),
    ("time", re.compile(r"(?<![\d.,])\d{1,2}:\d{2}(?::\d{2})?(?:\s*[/|]\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s?[ap]\.?m\.?)?(?!\d)", re.I)),
    ("time", re.compile(r"(?<![\d.,])\d{1,2}(?:\.\d{2})?\s?[ap]\.?m\b\.?|\b\d{4}\s?(?:GMT|UTC|hrs|hours\s+local)\b", re.I)),
    ("phone", re.compile(r"(?<![\w.,])(?:\+\d{1,3}[\s.-]?)?\(?\d{2,5}\)?[\s.-]\d{3,4}[\s.-]\d{3,5}(?!\d|,\d)")),
    ("version", re.compile(r"\bv(?:ersion)?\s?\d+(?:\.\d+)+\b|\b\d+\.\d+\.\d+(?:\.\d+)*\b", re.I)),
    ("ordinal", re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I)),
    ("id", re.compile(r"\b\d+(?:\.\d+)?[eE][+-]?\d+\b")),  # scientific notation: tables and code, not reporting
    ("id", re.compile(r"(?<![\w$£€¥₹])(?!(?:Rs|US|USD|EUR|GBP|INR|JPY|CHF|CNY)\b)[A-Za-z]{1,6}-?\d+[A-Za-z0-9-]*\b|\b\d+[A-Z]{1,2}\d+\w*\b|\b[2-6]G\b|\b[34]D\b")),
    ("list-number", re.compile(r"(?m)^[ \t]*(?:[-*•]\s*)?\(?\d{1,2}[.)](?=\s)")),
    ("malformed", re.compile(r"(?<![\w,.])\d{1,3}(?:,[\dOo]{3})*,(?=[\dOo]{3})[\dOo]*[Oo][\dOo]*(?:,[\dOo]{3})*\b|(?<![\w,.])\d+[Oo]+\d*[Oo\d]*\b")),
]
_CHROME_COUNTER = re.compile(r"(?<![\w.,])\d[\d,.]*[kKmM]?\s+(?:min(?:ute)?s?\s+(?:read|listen|watch)|comments?|shares?|"
                             r"views|likes|retweets|replies|reactions)\b", re.I)
_CHROME_LINE = re.compile(r"(?m)^[^A-Za-z\n]*\d[^A-Za-z\n]*$")
_ID_LABEL = re.compile(r"\b(?P<label>[A-Za-z.]+)\.?\s+#?\d+\b")


@dataclass(frozen=True)
class Excluded:
    start: int
    end: int
    reason: str


def find_excluded(text: str) -> list[Excluded]:
    """All non-claim spans in ``text``, sorted by start."""
    spans = [Excluded(m.start(), m.end(), reason) for reason, pattern in _PATTERNS for m in pattern.finditer(text)]
    spans.extend(Excluded(m.start(), m.end(), "chrome") for m in _CHROME_LINE.finditer(text))
    spans.extend(Excluded(m.start(), m.end(), "chrome") for m in _CHROME_COUNTER.finditer(text))
    spans.extend(_model_names(text))
    spans.extend(_labelled_ids(text))
    return sorted(spans, key=lambda span: (span.start, -span.end))


def _labelled_ids(text: str) -> Iterator[Excluded]:
    from ..lexicon import ID_PREFIXES

    for match in _ID_LABEL.finditer(text):
        label = match.group("label")
        if label.lower() in ID_PREFIXES and label[:1].isupper():
            yield Excluded(match.start(), match.end(), "id")


_NAMED_NUMBER = re.compile(r"(?<=[a-z0-9,;] )(?P<name>(?:[A-Z][A-Za-z]+ )+)(?P<number>\d+)\b(?![,.]\d)")


def _model_names(text: str) -> Iterator[Excluded]:
    """'Challenger 2 tanks', 'Boeing 737 aircraft', 'FTSE 100 index': a name and its number, mid-sentence.

    Title-case lines (headlines) are left alone: there every word is capitalized."""
    from ..lexicon import ACTOR_NAMES, CURRENCY_SYMBOLS, MONTHS, QUALIFIERS_BEFORE, country_names

    for match in _NAMED_NUMBER.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        words = re.findall(r"[A-Za-z]{4,}", text[line_start:line_end if line_end >= 0 else len(text)])
        if words and sum(word[0].isupper() for word in words) / len(words) > 0.5:
            continue
        last = match.group("name").split()[-1]
        if (last.lower() in MONTHS or last.lower() in QUALIFIERS_BEFORE or last in ACTOR_NAMES or last in country_names()
                or last in CURRENCY_SYMBOLS or last.rstrip(".") in CURRENCY_SYMBOLS):
            continue
        yield Excluded(match.start("name"), match.end("number"), "id")


class ExclusionIndex:
    """Answers 'does offset range [start, end) touch a non-claim span?'."""

    def __init__(self, spans: list[Excluded]):
        self.spans = spans

    def overlapping(self, start: int, end: int) -> Excluded | None:
        for span in self.spans:
            if span.start >= end:
                break
            if span.end > start:
                return span
        return None
