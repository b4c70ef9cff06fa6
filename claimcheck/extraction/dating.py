"""The as-of date of a claim: the date expression of its sentence nearest to it ("In 2020, 500 ...; by 2022 ...
800"), resolved against the document's date ("on 5 June" takes the document's year, "on Monday" the Monday of the
document's week), else the document's date. No year is ever taken from today: with no document date, a date
without a year dates nothing."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ..lexicon import NUMBER_WORDS
from .numerals import Numeral

_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]
MONTH_NUMBER = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_SENTENCE_YEAR = re.compile(r"\b(?:[Ii]n|[Dd]uring|by|as of|at the end of|end of|throughout|"
                            r"[Ii]n\s+(?:the\s+whole|all)\s+of)\s+(?:(?P<month>January|"
                            r"February|March|April|May|June|July|August|September|October|November|December)\s+)?"
                            r"(?P<year>(?:19|20)\d\d)\b")
#: a year a "when" clause tells of: "the turnout of 2010, when they said 3.5 million marched"
_YEAR_WHEN = re.compile(r"\b(?P<year>(?:19|20)\d\d),?\s+when\b")
#: an event named by its year: "In the 2009 election, turnout was 57.1 percent", "the 2001 Arequipa earthquake reached
#: magnitude 8.4", "57 percent in the 2009 vote" (not "8.4, and the 2007 quake reached 8.0")
_EVENTS_YEAR = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?P<year>(?:19|20)\d\d)\s+(?=[A-Za-z])(?!(?:and|or|to|through)\b)")
#: what sets a figure apart from an event named by its year after it: "reached 8.4, and the 2007 quake"
_ANOTHER_AFTER = re.compile(r",|\band\b")
#: "5 June", "June 5", "June 5th", "5th of June" with no year after it
_DAY_MONTH = re.compile(rf"\b(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|"
                        rf"{_MONTH.replace('month', 'month2')}\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)\b(?!,?\s*(?:19|20)\d\d)")
#: "on Sunday", "last Friday", "Sunday's election"
_WEEKDAY = re.compile(r"\b(?:(?i:on|last|since|by|this|early|late)\s+(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday)\b|(?P<owner>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]s\b)")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s*(?:yet|but|while|although|though|whereas)\b|\b(?:but|yet|whereas)\b")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_FOLLOWS = re.compile(rf",?\s*(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})|(?:{_MONTHS})\s+\d)")
_PERIOD_START = re.compile(r"\b(?i:since|from|starting|beginning|began)\s+(?:(?:on|in)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|"
                           r"Friday|Saturday|Sunday),?\s+)?$")
#: "last month", "last year", "two weeks ago", "a year ago", "yesterday", "last night": a time told against the
#: document's date (a page written today tells of yesterday's raid)
_RELATIVE = re.compile(r"\b(?:(?i:last|past)\s+(?P<last>month|year)|(?P<count>\d{1,2}|an?|one|two|three|four|five|six|"
                       r"seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>day|week|month|year)s?\s+ago"
                       r"|(?P<yesterday>yesterday|last\s+night))\b",
                       re.IGNORECASE)
#: a month named alone, with no day and no year: "killed 26 in Kutum's market in April", "earlier in March"; not the
#: month of another year ("in May of 2012", "in March of that year"), nor a month's something ("May's cabinet"), nor a
#: day of it ("in March 5"), while a figure may follow it ("In March 40 people died")
_IN_MONTH = re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?)\s+(?:(?:early|late|mid-?)\s*)?"
                       rf"(?P<month>{_MONTHS})\b"
                       r"(?!\s*\d{1,2}(?:st|nd|rd|th)?\b(?!\s+[a-z]))(?!,?\s*(?:19|20)\d\d)(?!\s+of\b)(?!['’]s\b)")
#: what makes a month named alone no time of a figure: the start of a period ("since fighting broke out in April",
#: "since early April"), a time to come ("due in November", "would leave by late December")
_NOT_THE_FIGURES_MONTH = re.compile(r"\b(?:since|from|began|begun|started|broke\s+out|erupted|due|will|would|expected|"
                                    r"scheduled|set|planned|by|until|till)\b[^,;:]{0,30}$", re.I)
_AHEAD = timedelta(days=62)  # "on 28 December" in a January report is last December


def _month_number(name: str) -> int:
    return next(number for month, number in MONTH_NUMBER.items() if month.lower().startswith(name[:3].lower()))


@lru_cache(maxsize=256)
def sentence_dates(sentence: str, document_date: str | None = None, year: int | None = None) -> tuple[tuple[int, int, str], ...]:
    """(start, end, ISO date) of every date expression in a sentence; those without a year only when the document
    is dated or its paragraph has named a ``year`` (then weekdays, which need the document's week, are not)."""
    from ..documents.metadata import find_dates

    dates = [(start, end, found.isoformat()) for start, end, found in find_dates(sentence)]
    for match in _SENTENCE_YEAR.finditer(sentence):
        month = match.group("month")
        dates.append((match.start(), match.end(),
                      f"{match.group('year')}-{MONTH_NUMBER[month]:02d}" if month else match.group("year")))
    taken = [(start, end) for start, end, _ in dates]
    dates += [(match.start("year"), match.end("year"), match.group("year"))
              for match in (*_YEAR_WHEN.finditer(sentence), *_EVENTS_YEAR.finditer(sentence))
              if not any(start <= match.start("year") < end for start, end in taken)]
    anchor = written = _parse(document_date)
    if year is not None and (anchor is None or anchor.year != year):
        anchor, weekdays = None, False  # a paragraph of another year than the document's: its own year holds
    else:
        year, weekdays = None, anchor is not None
    if anchor is not None or year is not None:
        taken = [(start, end) for start, end, _ in dates]
        for match in _DAY_MONTH.finditer(sentence):
            if any(start <= match.start() < end for start, end in taken):
                continue  # part of a full date already read
            month, day = _month_number(match.group("month") or match.group("month2")), int(match.group("day") or match.group("day2"))
            resolved = _in_year(anchor, month, day) if anchor is not None else _on(year, month, day)
            if resolved is not None:
                dates.append((match.start(), match.end(), resolved.isoformat()))
    if written is not None:  # "three years ago" is told from the day the page was written, whatever year went before
        dates.extend(_relative_dates(sentence, written))
    if weekdays:
        for match in _WEEKDAY.finditer(sentence):
            if _DATE_FOLLOWS.match(sentence, match.end()):
                continue  # "Friday, 19 September": the date says which Friday
            back = (anchor.weekday() - _WEEKDAYS.index(match.group("weekday") or match.group("owner"))) % 7
            dates.append((match.start(), match.end(), (anchor - timedelta(days=back)).isoformat()))
    # "55 strikes since 19 September": a period's start, not the date the figure is as of
    return tuple(sorted(found for found in dates if not _PERIOD_START.search(sentence[max(0, found[0] - 30):found[0]])))


def _months_told(sentence: str, claim_end: int, document_date: str | None, year: int | None,
                 dates: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A month a figure's clause names alone ("killed 26 in Kutum's market in April"): before the figure, or right
    after it in its clause; not one told further on of something else ("2,000 troops have started ... to leave under
    the withdrawal ordered in December"), nor the start of a period or a time to come. Of the year its paragraph names
    (``year``), else of the page's (see :func:`_month_before`)."""
    written = _parse(document_date)
    if written is None:
        return []
    found = []
    for match in _IN_MONTH.finditer(sentence):
        if any(start <= match.start("month") < end for start, end, _ in dates):
            continue  # part of a date already read
        if _NOT_THE_FIGURES_MONTH.search(sentence[max(0, match.start() - 40):match.start() + len("in ")]):
            continue
        if match.start() >= claim_end and (match.start() - claim_end > _MONTH_REACH
                                           or "," in sentence[claim_end:match.start()]):
            continue
        month = _month_number(match.group("month"))
        found.append((match.start(), match.end(), f"{year}-{month:02d}" if year is not None and year != written.year
                      else _month_before(written, month)))
    return found


_MONTH_REACH = 40  # characters after a figure within which a month named alone is its time


def _month_before(written: date, month: int) -> str:
    """The month a page tells of by its name alone: of the page's year, or of the year before when it lies more than
    a month after the page's ("in November" in a March report is last November)."""
    year = written.year if month <= written.month + 1 else written.year - 1
    return f"{year}-{month:02d}"


def _relative_dates(sentence: str, anchor: date) -> list[tuple[int, int, str]]:
    """Times told against the document's date: "last month" is the month before (a span, as "2009-02" is), "two
    weeks ago" the day two weeks before; "the past month" is not a time but a period up to now, and is left out."""
    found = []
    for match in _RELATIVE.finditer(sentence):
        if match.group("yesterday"):
            found.append((match.start(), match.end(), (anchor - timedelta(days=1)).isoformat()))
            continue
        if match.group("last"):
            if sentence[max(0, match.start() - 4):match.start()].lower().strip() == "the":
                continue  # "in the past year": up to now
            unit, count = match.group("last").lower(), 1
        else:
            word = match.group("count").lower()
            count = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)
            unit = match.group("unit").lower()
        if unit in ("day", "week"):
            value = (anchor - timedelta(days=count * (7 if unit == "week" else 1))).isoformat()
        elif unit == "month":
            months = anchor.year * 12 + anchor.month - 1 - count
            value = f"{months // 12}-{months % 12 + 1:02d}"
        else:
            value = str(anchor.year - count)
        found.append((match.start(), match.end(), value))
    return found


def _parse(text: str | None) -> date | None:
    if not text or not re.match(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def date_span(text: str | None) -> tuple[date, date] | None:
    """The days an as-of date ("2004", "2004-03", "2004-03-18") may be: a year's first to last, a month's, or one."""
    found = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text or "")
    if not found:
        return None
    year, month, day = (int(part) if part else None for part in found.groups())
    try:
        if day:
            return (date(year, month, day),) * 2
        if month:
            following = date(year + month // 12, month % 12 + 1, 1)
            return date(year, month, 1), following - timedelta(days=1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def days_apart(first: str | None, second: str | None) -> int:
    """Days between two as-of dates, read as the spans they may be (0 when they overlap or either is unknown), at
    the farthest: "2004" is years from "2009-01-04"; "2009-02" (last month, in a report of 3 March) is up to 29 days
    from "2009-03-02", and no day from "2009-02-14"."""
    spans = date_span(first), date_span(second)
    if not (spans[0] and spans[1]):
        return 0
    (a_start, a_end), (b_start, b_end) = spans
    if a_start <= b_end and b_start <= a_end:
        return 0
    return max((b_end - a_start).days, (a_end - b_start).days)


def _on(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _in_year(anchor: date, month: int, day: int) -> date | None:
    """The day of that month in the document's year, or the year before when that is well after the document."""
    try:
        resolved = date(anchor.year, month, day)
        return date(anchor.year - 1, month, day) if resolved - anchor > _AHEAD else resolved
    except ValueError:  # 30 February
        return None


_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")
_LOOK_BACK = 1500  # characters of the paragraph before a sentence read for the year it is in


def context_year(text: str, sentence_start: int) -> int | None:
    """The last year the paragraph names before a sentence ("In 2017, ... On 18 March, ..."): what a chronicle of
    several years reads its dates without a year against."""
    start = max(text.rfind("\n\n", max(0, sentence_start - _LOOK_BACK), sentence_start), sentence_start - _LOOK_BACK, 0)
    years = _YEAR.findall(text, start, sentence_start)
    return int(years[-1]) if years else None


_WORDS_BEFORE = re.compile(r"[A-Za-z0-9]")  # a date with words before it does not open its sentence ...
_OPENING_WORD = re.compile(r"\s*(?:on|in|during)\s+$", re.I)  # ... but for its preposition: "On Sept. 19, 2017, ..."


class OtherNumbers:
    """The other numbers of a sentence, asked only when the sentence has a date (most do not)."""

    def __init__(self, numerals: list[Numeral], own_start: int, offset: int):
        self.numerals, self.own_start, self.offset = numerals, own_start, offset

    def between(self, low: int, high: int) -> bool:
        return any(low <= n.start - self.offset < high for n in self.numerals if n.start != self.own_start)


@lru_cache(maxsize=256)
def _event_years(sentence: str) -> frozenset[int]:
    """Where a sentence names an event by its year ("the 2007 Pisco earthquake"): read once for all its figures."""
    return frozenset(match.start("year") for match in _EVENTS_YEAR.finditer(sentence))


def claim_date(sentence: str, claim_start: int, claim_end: int, others: OtherNumbers,
               document_date: str | None, year: int | None = None, paragraph: str | None = None) -> str | None:
    """The date expression nearest the claim with no other claim between them, else the date its paragraph opens
    with (``paragraph``, see :func:`paragraph_date`), else the document's date (``year``: the one its paragraph names,
    see :func:`context_year`)."""
    best = None
    events = _event_years(sentence)
    # a length of time told against now is the figure, not its date: "a heart attack suffered almost three weeks ago"
    dates = [(start, end, value) for start, end, value in sentence_dates(sentence, document_date, year)
             if not (start < claim_end and end > claim_start)
             and not (start >= claim_end and start in events and _ANOTHER_AFTER.search(sentence, claim_end, start))]
    dates += _months_told(sentence, claim_end, document_date, year, dates)
    for start, end, value in dates:
        low, high = (end, claim_start) if end <= claim_start else (claim_end, start)
        if others.between(low, high) or _CLAUSE_BREAK.search(sentence[low:high]):
            continue  # another figure's date, or another clause's ("over 98% ..., yet the clash on 7 February")
        distance = high - low
        if best is None or distance < best[0]:
            best = (distance, value)
    if best:
        return best[1]
    # a date that closes the sentence or opens it dates every claim of its clause: "grew from 70 to 74 in 2018",
    # "In 2004, a magnitude 9.1 quake triggered a tsunami that killed 230,000"
    for start, end, value in dates:
        if start >= claim_end and not _CLAUSE_BREAK.search(sentence[claim_end:start]):
            return value
        if (end <= claim_start and (not _WORDS_BEFORE.search(sentence[:start]) or _OPENING_WORD.match(sentence[:start]))
                and not _CLAUSE_BREAK.search(sentence[end:claim_start])):
            return value
    if paragraph and not dates and not _NOW.search(sentence):  # a sentence that names no time of its own goes on
        return paragraph  # with its paragraph's, unless it tells of now ("... has now been won back")
    return document_date


def paragraph_date(text: str, sentence_start: int, document_date: str | None, year: int | None = None) -> str | None:
    """The date a paragraph (a line: a bullet of a chronicle, a paragraph of an article) tells of first, for its later
    sentences that name none ("On 6 June 2012, the massacre occurred ... The government said nine had been killed")."""
    line_start = text.rfind("\n", 0, sentence_start) + 1
    if line_start >= sentence_start:
        return None  # the paragraph's first sentence dates itself
    return _opening_date(text[line_start:min(sentence_start, line_start + _OPENING_REACH)], document_date, year)


_NOW = re.compile(r"\b(?:now|currently|so far|to date|as yet|still)\b", re.I)
_OPENING_REACH = 400  # characters of a paragraph's start read for the date its first sentence names


@lru_cache(maxsize=1024)
def _opening_date(start: str, document_date: str | None, year: int | None) -> str | None:
    """The first day a paragraph's first sentence names ("On 6 June 2012, ...", "The Hatla massacre occurred on 11
    June 2013, when ...")."""
    first = _SENTENCE_END.search(start)
    days = [value for _, _, value in sentence_dates(start[:first.start() + 1] if first else start, document_date, year)
            if len(value) == 10]  # a day: "a scorecard that starts in 2014" dates nothing after it
    return days[0] if days else None


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z\"“])")
