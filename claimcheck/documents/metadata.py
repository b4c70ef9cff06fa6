"""Title, publication date and outlet of a plain-text or Markdown page.

Scraped pages put a dateline or timestamp near the top ("7 Feb, 2018 22:58", "Friday, September 20,
2024", "17:23 GMT19 October 2020"); the regular expressions only *find* candidates, dateutil parses them.
"""

from __future__ import annotations

import re
import warnings
from datetime import date

from dateutil import parser as dateparser

MONTH_PATTERN = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")  # a month name as news writes it
_DATE_PATTERNS = [
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<m>{MONTH_PATTERN})(?:,\s*|\s+)(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<m>{MONTH_PATTERN})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+|\s+[-–]\s+)"
               r"(?P<y>(?:19|20)\d\d)\b", re.I),  # "August 11 - 2024" too
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
]
_DIGIT = re.compile(r"\d")
_HEAD_LINES = 15
_OUTLET_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40}\((?P<outlet>[A-Z][\w .&'-]{1,40})\)\s*[-–—]")
_OUTLET_LINE = re.compile(r"^\s*[-–—|]\s*(?P<outlet>[A-Z][\w .&'-]{2,40})\s*$")
_OUTLET_META = re.compile(r"^(?:outlet|source|publisher|site)\s*:\s*(?P<outlet>.+)$", re.I)
_DATE_META = re.compile(r"^(?:published|date|updated|posted)\s*:\s*(?P<date>.+)$", re.I)
#: a line of page furniture that gives the date among other things: "Published 11 August 2024, 14:05 GMT | Updated
#: ...", "Posted by Samira Haddad | 23 September 2015 at 18:40 | 14 comments"
_FURNITURE = re.compile(r"^(?:(?:first\s+|last\s+)?(?:published|updated|posted)\b|by\s+[A-Z])|\s[|•·]\s", re.I)
#: a date in figures, day first as most of the world writes it ("23.09.2015", "29/09/2015"), or month first when its
#: second figure can only be a day ("09/29/2015"); read only in a page's furniture, where nothing else has dots and
#: slashes between figures
_NUMERIC_DATE = re.compile(r"(?<![\d.:/])(?P<a>[0-3]?\d)(?P<s>[./])(?P<b>[01]?\d|[1-3]\d)(?P=s)"
                           r"(?P<y>(?:19|20)\d\d)(?![\d.:/])")


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every full calendar date in ``text`` as (start, end, date)."""
    if not _DIGIT.search(text):
        return []
    found = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            parsed = _from_parts(*match.group("y", "m", "d"))
            if parsed:
                found.append((match.start(), match.end(), parsed))
    return sorted(found)


_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _from_parts(year: str, month: str, day: str) -> date | None:
    """A date from the pieces a pattern matched (month as digits or as a name)."""
    number = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower())
    try:
        return date(int(year), number, int(day)) if number else None
    except ValueError:  # 31 February
        return None


def _parse(text: str) -> date | None:
    text = text.strip()
    iso = re.match(r"\d{4}-\d{2}-\d{2}", text)
    try:
        if iso:
            return date.fromisoformat(iso.group())
        year = re.search(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)", text)
        if not year:
            return None  # no year: dateutil would fill in today's, and results would change day to day
        found = find_dates(text)
        if found:
            parsed = found[0][2]
        else:
            with warnings.catch_warnings():  # "EDT": only the day is wanted, not its time zone
                warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
                parsed = dateparser.parse(text, dayfirst=True).date()
        return parsed if str(parsed.year) == year.group() else None  # never a year the text does not give
    except (ValueError, OverflowError):
        return None


def _numeric_date(line: str) -> date | None:
    """The date a line gives in figures (see ``_NUMERIC_DATE``), or None: 09/10/2015 could be either, so none."""
    match = _NUMERIC_DATE.search(line)
    if match is None:
        return None
    first, second = int(match.group("a")), int(match.group("b"))
    if match.group("s") == "/" and first <= 12 and second <= 12 and first != second:
        return None  # "09/10/2015": the 9th of October or September the 10th
    day, month = (second, first) if second > 12 else (first, second)
    return _from_parts(match.group("y"), str(month), str(day))


#: what stands before a dateline's date ("NEW YORK, ", "KATHMANDU, Nepal, ") and after it (" (Reuters) -", " --")
_BEFORE_DATELINE_DATE = re.compile(r"^(?:[A-Z][A-Z .'-]{1,30}(?:,\s*[A-Z][\w .'-]{1,30})?,\s*)?$")
_AFTER_DATELINE_DATE = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?(?:[-–—:]|$)")


def _opens_dateline(line: str, found: tuple[int, int, date]) -> bool:
    """Whether a page's line opens with a dateline that gives a full date, its story running on after it."""
    start, end, _ = found
    return bool(_BEFORE_DATELINE_DATE.match(line[:start]) and _AFTER_DATELINE_DATE.match(line[end:]))


#: a line of links to other pages: "Related stories: ...", "See also: ...", "Read more: ..."
_RELATED = re.compile(r"^(?:related(?:\s+(?:stories|articles|links|content|coverage|news))?|see\s+also|read\s+more|"
                      r"more\s+on\s+this(?:\s+story)?|also\s+read|you\s+may\s+also\s+like)\b\s*[:|-]", re.I)
#: words that tell a line is the page's own furniture wherever they stand ("This story was last updated on ...")
_FURNITURE_WORDS = re.compile(r"\b(?:published|updated|posted|filed|modified)\b", re.I)
#: a date a short sentence tells of ("Sudan has been at war since April 15, 2023."): three words or more, then a word
#: that ties the date to what they tell; no page's date
_TOLD_DATE = re.compile(r"(?:\b[\w'’-]+\s+){3,}(?:since|until|till|before|after|from|by|on|in|of)\s+$", re.I)


def text_metadata(text: str, markdown: bool = False) -> tuple[str | None, str | None, str | None]:
    """(title, ISO date, outlet) found in the first lines of a page, each None when absent."""
    lines = _head_lines(text)
    title = date_found = outlet = None
    for line in lines:
        if _RELATED.match(line):
            continue  # "Related stories: Iran quake: survivors sleep outdoors (12 August 2012)": other pages' dates
        meta = _DATE_META.match(line)
        if meta and not date_found:
            parsed = _parse(meta.group("date"))
            date_found = parsed.isoformat() if parsed else None
        if not date_found:
            dates = find_dates(line)
            dated_line = len(line) < 60 or bool(_FURNITURE.search(line))  # a date there is the page's
            furniture = _FURNITURE.search(line) or _FURNITURE_WORDS.search(line)
            if dates and dated_line and (furniture or not _TOLD_DATE.search(line[:dates[0][0]])):
                date_found = dates[0][2].isoformat()
                continue
            if dated_line and (numeric := _numeric_date(line)):
                date_found = numeric.isoformat()
                continue
            if dates and _opens_dateline(line, dates[0]):  # "LONDON, May 16, 2018 (Reuters) - Emile Varenne's ..."
                date_found = dates[0][2].isoformat()
        if not outlet:
            match = _OUTLET_DATELINE.match(line) or _OUTLET_LINE.match(line) or _OUTLET_META.match(line)
            if match:
                outlet = match.group("outlet").strip()
                continue
        if not title and _looks_like_title(line, markdown):
            title = line.lstrip("#").strip()
    return title, date_found, outlet


def dateline_day(text: str) -> str | None:
    """The day a page's dateline gives without a year ("KATHMANDU, Aug 13 (Reuters) -", "QUETTA, March 21:", a line
    "Friday, August 21"), as ISO 8601's yearless "--08-13"; None when it gives none. Wire copy often carries no year:
    two such days still say how far apart two pages were written (at least as far as the days lie on the calendar)."""
    for line in _head_lines(text)[:_DATELINE_LINES]:
        match = (_DAY_LINE.match(line) or _DATELINE_DAY.match(line) or _AGENCY_DATELINE_DAY.match(line)
                 or _AGENCY_DAY.match(line))
        if match:
            parts = match.groupdict()
            number = _MONTHS.get((parts["m"] or parts.get("m2"))[:3].lower())
            day = int(parts["d"] or parts.get("d2"))
            try:
                date(2000, number, day)  # a leap year: 29 February is a day
            except (TypeError, ValueError):
                continue
            return f"--{number:02d}-{day:02d}"
    return None


_DATELINE_LINES = 5  # a dateline opens the page: its first lines, after the headline, a byline and an outlet
_WEEKDAY_NAME = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_MONTH_DAY = rf"(?:(?P<m>{MONTH_PATTERN})\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH_PATTERN}))(?:st|nd|rd|th)?"
#: a line of its own, or a place and the day: "Friday, August 21", "September 20", "Dhangadhi, Oct 22", "13 August";
#: an outlet's name and the day: "The National Chronicle | Monday, March 18"
_DAY_LINE = re.compile(rf"^(?:[A-Z][\w .'-]{{1,30}},\s*|[A-Z][\w .'&-]{{1,40}}\s*[|•·]\s*)?{_WEEKDAY_NAME}{_MONTH_DAY}\s*$",
                       re.I)
#: a city's dateline: "KATHMANDU, Nepal, Aug 14 (AFP) -", "QUETTA, March 21:", "MINSK, 24 September -", and two
#: cities' ("KHARTOUM/NEW YORK, April 24 (GPW) -")
_DATELINE_DAY = re.compile(rf"^[A-Z][A-Z .'/-]{{1,30}}(?:,\s*[A-Z][\w .'-]{{1,30}})?,\s+{_MONTH_DAY}\b"
                           r"(?!,?\s*(?:19|20)\d\d)")
#: a place in capitals and small letters, then the day and an agency or a dash: "Patna, Aug 22 (PTI)",
#: "Kesarpur (Bihar), Aug 22 (PTI)", "Lusaka, March 2 -"
_AGENCY_DATELINE_DAY = re.compile(rf"^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{0,3}}(?:\s*\([A-Z][\w .'-]{{1,30}}\))?"
                                  rf"(?:,\s*[A-Z][\w .'-]{{1,30}})?,\s+{_MONTH_DAY}\s*(?:\(|[-–—:])")
#: the day and an agency alone: "Oct 7 (Reuters) -"
_AGENCY_DAY = re.compile(rf"^{_MONTH_DAY}\s+\([A-Z][\w .'-]{{1,30}}\)\s*[-–—:]")


def _head_lines(text: str) -> list[str]:
    """A page's first lines that say anything, stripped: where its title, dateline and outlet are."""
    return [line.strip() for line in text.split("\n")[:_HEAD_LINES * 3] if line.strip()][:_HEAD_LINES]


def _looks_like_title(line: str, markdown: bool) -> bool:
    if markdown:
        return line.startswith("# ")
    words = line.split()
    return 4 <= len(words) <= 20 and "|" not in line and line[-1] not in ".:;,!?\"”" and not find_dates(line) and not line.startswith(("-", "•", "*"))
