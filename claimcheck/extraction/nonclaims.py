"""Spans of text whose numbers are not claims: dates, clock times, media timers, phone numbers, ids,
version numbers, ordinals, list numbering, URLs and page-chrome counters.

Finding these once per document, before any number is read, keeps every later step simple: a number
inside one of these spans is skipped, and the reason is kept for ``--explain``-style debugging. Some numbers are
known to be no claim only once read with their unit and measure (a year, the "one" of "one of the", page
furniture): :func:`not_a_claim` and :func:`page_furniture` judge those.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..documents.metadata import MONTH_PATTERN as _MONTH
from ..lexicon import CURRENCY_SYMBOLS, HYPHEN_PREFIXES, IDIOMS_WITH_ONE, OUTCOME_VERBS, OUTCOME_WORDS, SAY_VERBS
from ..model import Claim
from .numerals import FRACTION_UNITS, Numeral
from .phrases import NounPhrase
from .spans import Span
from .unit_reading import UnitReading

_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
#: letters written before a number that make it money ("USD10m", "RM23.50"), not an id
_CODES = "|".join(sorted((re.escape(code) for code in CURRENCY_SYMBOLS if code[:1].isalpha()), key=len, reverse=True))
_PREFIXES = "|".join(sorted(HYPHEN_PREFIXES))
_STREETS = r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Terrace|Parkway|Pkwy)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("url", re.compile(r"\b(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")),  # an address is tried once per run of its characters: linear
    ("date", re.compile(rf"(?<!\d){_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?(?![\w])", re.I)),
    ("date", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?!\d)", re.I)),
    ("date", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("date", re.compile(rf"(?<![\d.,])\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+{_MONTH}(?![\w])", re.I)),
    ("date", re.compile(r"(?<![\d.,])\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?\S*)?|(?<![\d.,])\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?![\d])")),
    # "06 / 06 / 2013" in tokenised text (not "4-1 / 2-month": a fraction)
    ("date", re.compile(rf"(?<![\d.,])\d{{1,2}}\s/\s\d{{1,2}}(?:\s/\s\d{{2,4}})?(?![\d])(?![\s-]+{FRACTION_UNITS})")),
    ("id", re.compile(r"(?<![\w.])\.?\d+\s?-\s?(?:gauge|caliber|calibre|bore)\b", re.I)),  # a gun's bore: a spec
    ("version", re.compile(r"\b(?:USB|HDMI|DDR|LTE|PCIe?|Wi-?Fi|Bluetooth|iOS|OS X|Android|Windows|Thunderbolt|FireWire|"
                           r"HTML|IPv|MPEG|H\.)\s?\d+(?:\.\d+)*\b")),  # "USB 2.0", "iOS 6": versions and standards
    ("date", re.compile(rf"\b(?:mid|early|late|pre|post)-{_YEAR}s?\b|\b{_YEAR}s\b|\b'\d0s\b|\b{_YEAR}[-–/]\d{{2}}\b", re.I)),
    ("time", re.compile(r"(?<![\d.,])\d{1,2}:\d{2}(?::\d{2})?(?:\s*[/|]\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s?[ap]\.?m\.?)?(?!\d)", re.I)),
    ("time", re.compile(r"(?<![\d.,])\d{1,2}(?:\.\d{2})?\s?[ap]\.?m\b\.?|\b\d{4}\s?(?:GMT|UTC|hrs|hours\s+local)\b", re.I)),
    ("phone", re.compile(r"(?<![\w.,])(?<!\d )(?![1-9]\d{0,2}(?: \d{3})+(?!\d))(?:\+\d{1,3}[\s.-]?)?\(?\d{2,5}\)?[\s.-]\d{3,4}[\s.-]\d{3,5}(?!\d|,\d)")),
    ("version", re.compile(r"\bv(?:ersion)?\s?\d+(?:\.\d+)+\b|\b\d+\.\d+\.\d+(?:\.\d+)*\b", re.I)),
    ("ordinal", re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I)),
    ("id", re.compile(rf"(?<![\w$£€¥₹])(?=[A-Za-z]{{1,6}}-?\d)(?!(?:{_CODES}|US)\.?\s?\d)(?i:(?!(?:{_PREFIXES})-\d))(?!Mw?\d\.\d\b)"
                      r"[A-Za-z]{1,6}-?\d+[A-Za-z0-9-]*\b|\b\d+[A-Z]{1,2}\d+\w*\b|\b[2-6]G\b|\b[34]D\b")),
    ("address", re.compile(rf"\b\d{{1,5}}\s+(?:[A-Z][a-z]+\.?\s+){{1,3}}{_STREETS}\b\.?")),  # "1600 Pennsylvania Avenue"
    # a page's copyright line: "© 2009 Continental Press Agency", "Copyright (c) 2008-2011 Reuters"
    ("date", re.compile(rf"(?:©|\(c\)|\b[Cc]opyright)\s*(?:©\s*|\(c\)\s*)?{_YEAR}(?:\s*[-–]\s*{_YEAR})?\b")),
    ("zip", re.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")),  # "CA 94103"
    # a name is tried once per run of its characters ("-1-1-1..." is not rescanned from every dash): linear
    ("file", re.compile(r"(?<![\w-])[\w-]+\.(?:jpe?g|png|gif|webp|svg|pdf|mp4|mov|docx?|xlsx?)\b", re.I)),
    ("spec", re.compile(r"\b(?:240|360|480|576|720|1080|1440|2160|4320)[pi]\b")),  # video resolutions, not pence
    # a name written in capitals or run together before its number: "S&P 500", "iPhone 11", "PlayStation 5"
    ("id", re.compile(r"(?<![\w&])(?:[A-Z]&[A-Z]|[a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]+[A-Z][A-Za-z]*)\s\d+\b(?![.,]\d)")),
    ("list-number", re.compile(r"(?m)^[ \t]*(?:[-*•]\s*)?\(?\d{1,2}[.)](?=\s)")),
    ("malformed", re.compile(r"(?<![\w,.])\d{1,3}(?:,[\dOo]{3})*,(?=[\dOo]{3})[\dOo]*[Oo][\dOo]*(?:,[\dOo]{3})*\b|(?<![\w,.])\d+[Oo]+\d*[Oo\d]*\b")),
]
_SCIENTIFIC = re.compile(r"\b\d+(?:\.\d+)?[eE][+-]?\d+\b")
# a page's counters ("5 min read", "12 comments | 3 shares"): on a line of their own or set off by a separator, never
# in a sentence ("the agency received nearly 235,000 comments", "bought 5 million shares")
_CHROME_COUNTER = re.compile(r"(?:^|[|•·/])[^\S\n]*(?P<counter>\d[\d,.]*[kKmM]?\s+(?:min(?:ute)?s?\s+(?:read|listen|watch)|"
                             r"comments?|shares?|views|likes|retweets|replies|reactions))\b[^\S\n]*(?=$|[|•·/]|\d)",
                             re.I | re.M)
#: a counter named before its number, on a line of its own: "Comments (87)", "Shares: 1.2k"
_NAMED_COUNTER = re.compile(r"(?im)^[^\S\n]*(?:comments?|shares?|views|likes|replies|reactions)[^\S\n]*[(\[:]?"
                            r"[^\S\n]*\d[\d,.]*[kKmM]?[^\S\n]*[)\]]?[^\S\n]*$")
_CHROME_LINE = re.compile(r"(?m)^[^A-Za-z\n]*\d[^A-Za-z\n]*$")
#: a line that links to another story ("Related: Three killed as train hits tractor"): its figures are that story's
_LINK_LINE = re.compile(r"(?im)^[^\S\n]*(?:related(?:\s+(?:stories|story|articles?|coverage|content|news))?|"
                        r"read\s+(?:more|also|next)|see\s+also|also\s+read|more\s+on\s+this(?:\s+story)?|recommended|"
                        r"you\s+may\s+also\s+like|watch|listen)[^\S\n]*[:|>»][^\n]*$")
_ID_LABEL = re.compile(r"\b(?P<label>[A-Za-z.]+)\.?\s+#?\d+\b")


@dataclass(frozen=True)
class Excluded:
    start: int
    end: int
    reason: str


def find_excluded(text: str) -> list[Excluded]:
    """All non-claim spans in ``text``, sorted by start."""
    spans = [Excluded(m.start(), m.end(), reason) for reason, pattern in _PATTERNS for m in pattern.finditer(text)]
    spans.extend(Excluded(m.start(), m.end(), "chrome") for pattern in (_CHROME_LINE, _LINK_LINE, _NAMED_COUNTER)
                 for m in pattern.finditer(text))
    spans.extend(Excluded(m.start("counter"), m.end("counter"), "chrome") for m in _CHROME_COUNTER.finditer(text))
    spans.extend(_model_names(text))
    # scientific notation is tables and code, unless a unit says it measures something ("1.2e6 tonnes")
    spans.extend(Excluded(m.start(), m.end(), "id") for m in _SCIENTIFIC.finditer(text) if not _unit_follows(text, m.end()))
    spans.extend(_labelled_ids(text))
    return sorted(spans, key=lambda span: (span.start, -span.end))


def _labelled_ids(text: str) -> Iterator[Excluded]:
    from ..lexicon import ID_PREFIXES

    for match in _ID_LABEL.finditer(text):
        label = match.group("label")
        if label.lower() in ID_PREFIXES and (label[:1].isupper() or label.lower() in _LOWER_CASE_LABELS):
            yield Excluded(match.start(), match.end(), "id")


#: labels that name a grade on a scale in lower case too ("alert level 3", "a category 4 storm", "stage 4 cancer"),
#: and a number that is a name, a house's or a bus's ("who lives at number 14", "the number 9 bus")
_LOWER_CASE_LABELS = frozenset({"level", "category", "phase", "stage", "tier", "grade", "number"})


_NAMED_NUMBER = re.compile(r"(?=[A-Z])(?<=[a-z0-9,;] )(?P<name>(?:[A-Z][A-Za-z]+ )+)(?P<number>\d+)\b(?![,.]\d)")


def _model_names(text: str) -> Iterator[Excluded]:
    """'Challenger 2 tanks', 'Boeing 737 aircraft', 'FTSE 100 index': a name and its number, mid-sentence, and the
    same name wherever else the text writes it.

    Title-case lines (headlines) are otherwise left alone: there every word is capitalized."""
    from ..lexicon import ACTOR_NAMES, CURRENCY_SYMBOLS, MONTHS, QUALIFIERS_BEFORE, country_names

    title_case: dict[int, bool] = {}  # per line start: each line is read once however many names it holds
    named: dict[str, set[int]] = {}  # a name and its number -> where the first pass found it
    for match in _NAMED_NUMBER.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if line_start not in title_case:
            line_end = text.find("\n", match.end())
            words = re.findall(r"[A-Za-z]{4,}", text[line_start:line_end if line_end >= 0 else len(text)])
            title_case[line_start] = bool(words) and sum(word[0].isupper() for word in words) / len(words) > 0.5
        if title_case[line_start]:
            continue
        last = match.group("name").split()[-1]
        if (last.lower() in MONTHS or last.lower() in QUALIFIERS_BEFORE or last in ACTOR_NAMES or last in country_names()
                or last in CURRENCY_SYMBOLS or last.rstrip(".") in CURRENCY_SYMBOLS):
            continue
        if _unit_follows(text, match.end("number")):
            continue  # "the MacBook Pro 16 inch": the number measures the thing named
        if _a_score(match.group("number"), text[match.end("number"):match.end("number") + 8]):
            continue  # "the Bluejays defeated Drake 65-53": a team and its score ("Boeing 737-800" stays a model)
        named.setdefault(f"{last} {match.group('number')}", set()).add(match.end("number"))
        yield Excluded(match.start("name"), match.end("number"), "id")
    for name, found_at in named.items():  # the same name where a headline or a sentence starts with it: "Vega 5 ..."
        for found in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w.,]\d|\w)", text):
            if found.end() not in found_at:  # not one the first pass excluded already
                yield Excluded(found.start(), found.end(), "id")


def _a_score(number: str, after: str) -> bool:
    """Whether a number and what follows it are a score or a record ("65-53", "52-3": the second figure smaller)."""
    other = _SCORE_REST.match(after)
    return other is not None and int(other.group(1)) < int(number)


_SCORE_REST = re.compile(r"[-–](\d+)\b")


def _unit_follows(text: str, end: int) -> bool:
    from .unit_reading import read_unit

    return read_unit(text[end:end + 40]).kind in ("physical", "percent", "currency")


class ExclusionIndex:
    """Answers 'does offset range [start, end) touch a non-claim span?'."""

    def __init__(self, spans: list[Excluded]):
        self.spans = spans  # sorted by start
        self._starts = [span.start for span in spans]
        self._reach = list(itertools.accumulate((span.end for span in spans), max))  # furthest end so far

    def overlapping(self, start: int, end: int) -> Excluded | None:
        """The first span (by start) that overlaps, found by bisection: a long document is not read span by span
        for each number."""
        first = bisect.bisect_right(self._reach, start)  # the first span that ends after ``start``
        if first < bisect.bisect_left(self._starts, end):
            return self.spans[first]
        return None


# ---- numbers read, then found to be no claim: years, idioms of "one", page furniture ----------------------------

_YEAR_CONTEXT = re.compile(r"(?:['’]s|\b(?:for|in|since|from|until|till|by|of|during|before|after|early|late|mid|the|this|"
                           r"last|next|that|its|year|fiscal|between|and|to|circa|c\.|around|throughout|spring|"
                           r"summer|autumn|fall|winter|through))\s*$", re.I)


def _is_year(numeral: Numeral, before: str, has_measure: bool, after: str = "") -> bool:
    """'in 2018', 'since 1999', a bare 1997; and a year naming a thing ('a 1999 incident', 'the 2020 Escape', 'a 2013
    gray Camry': a year-like number after a determiner, before a word that is not a plural count noun)."""
    if not (numeral.plain_integer and 1000 <= numeral.value <= 2100 and numeral.end - numeral.start == 4):
        return False
    if _YEAR_CONTEXT.search(before) or (numeral.value >= 1800 and not has_measure):
        return True
    named = re.match(r"\s+([A-Za-z][\w-]*)", after)
    return (1900 <= numeral.value <= 2099 and bool(re.search(r"\b(?:a|an|the|his|her|their|its|this|that)\s+$", before, re.I))
            and named is not None and (named.group(1)[:1].isupper() or not named.group(1).endswith("s")))


#: "shooting three, killing one": a lone "one" right after these verbs counts the people it happened to
_VERBS_OF_HARM = frozenset(word for word, outcome in {**OUTCOME_WORDS, **OUTCOME_VERBS}.items()
                           if outcome in ("killed", "injured") and word.endswith(("ing", "ed", "s"))
                           and word not in ("deaths", "injuries", "casualties", "fatalities"))


_A_RATES_BASE = re.compile(r"\b(?:every|per)\s+$", re.I)


def not_a_claim(text: str, span: Span, unit: UnitReading, measure: NounPhrase, before: str, after_tokens) -> bool:
    """Whether a number read with its unit and measure is no claim after all: a year, or a lone "one" of an idiom
    ("one of the", "no one") rather than a count."""
    first = span.first
    has_measure = measure.text is not None or unit.kind != "count"
    after = text[span.last.end:span.last.end + 30]
    if _is_year(first, before, has_measure, after) and (span.last is first or _is_year(span.last, "", has_measure, after)):
        return True
    if unit.kind == "count" and _A_RATES_BASE.search(before):
        return True  # "one observer for every 185 polling stations", "12 per 100,000 people": a rate's base, no count
    if first.kind == "words" and first.value == 1 and first is span.last and unit.kind == "count" and text[first.start:first.end].lower() in ("one", "a"):
        following = after_tokens[0].lower if after_tokens else ""
        preceding = re.search(r"(\w+)\W*$", before)
        said = next((t.lower for t in after_tokens if t.start >= measure.words[-1].end), "") if measure.words else ""
        killing = bool(preceding) and preceding.group(1).lower() in _VERBS_OF_HARM and not before.rstrip().endswith(",")
        if ((measure.text is None and not killing) or following in IDIOMS_WITH_ONE or said in SAY_VERBS
                or (preceding and preceding.group(1).lower() in {"no", "any", "each", "every", "the", "this", "that", "which", "someone", "anyone"})):
            return True
    return False


def page_furniture(claim: Claim) -> bool:
    """Bare counts with nothing to say what they count, on short chrome-like lines, are page furniture."""
    if claim.measure or claim.unit != "count" or claim.qualifier:
        return False
    return len(re.findall(r"[A-Za-z]{2,}", claim.sentence)) < 4
