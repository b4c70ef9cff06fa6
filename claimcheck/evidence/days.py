"""The days and years a figure's sentence tells of: two figures told of different days ("on Friday", "on Saturday")
or of a year the other knows nothing of ("in 2000", "last year") are two quantities, however alike their pages."""

from __future__ import annotations

import re
from functools import lru_cache

from ..extraction.sources import contrast_clauses
from ..lexicon import MONTHS, WEEKDAYS
from ..model import Claim


def same_days(first: Claim, second: Claim) -> bool:
    """Whether two sentences name the same days (or none): "On 20 January, SOHR reported ..." tells of another day
    than a sentence that names none; "since he took office last October" names no day. Within a paragraph, a later
    sentence that names no day goes on with the day named before it."""
    earlier, later = sorted((first, second), key=lambda claim: (claim.line, claim.start))
    days = days_named(account_of(earlier)), days_named(account_of(later))
    return days[0] == days[1] or (earlier.line == later.line and earlier.doc == later.doc and not days[1])


def account_of(claim: Claim) -> str:
    """The part of a figure's sentence that tells its account: the sentence less the clauses of contrast that tell
    another ("at least 137 bodies were recovered, but by 27 March that number had risen to 531")."""
    position = max(claim.sentence.find(claim.text), 0)
    start, end = next((start, end) for start, end in reversed(contrast_clauses(claim.sentence)) if start <= position)
    return claim.sentence[start:end]


_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b|(?:{_MONTH})\s+\d{{1,2}}\b"
                  rf"|(?:{'|'.join(sorted(WEEKDAYS | {'yesterday', 'today', 'tonight', 'overnight', 'last night'}))})\b"
                  # "for a third night", "on the fourth day of protests": the night of a run of them
                  r"|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
                  r"(?:straight\s+|consecutive\s+)?(?:night|day)\b"
                  r"|(?:night|day)\s+before\b|previous\s+(?:night|day)\b)", re.I)


@lru_cache(maxsize=65536)
def days_named(sentence: str) -> frozenset[str]:
    """The days a sentence tells of; the day a source spoke on only where it names no other ("Police said on
    Tuesday morning that 235 people had been arrested during Monday's riots" tells of Monday)."""
    head = _DATELINE.match(sentence)  # "PARIS, Dec 5 (Reuters) - ": the day the page was written, no figure's
    opened = head.end() if head else 0
    days = [(" ".join(found.group().lower().split()), bool(_SAID_ON.search(sentence[:found.start()])))
            for found in _DAY.finditer(sentence, opened)
            if not _SINCE.search(sentence[:found.start()])]  # "since 24 February": a period, not a day
    told = frozenset(day for day, said in days if not said)
    return told or frozenset(day for day, _ in days)


#: a dateline that opens a page's first sentence, when the page was written: "PATNA, India, Aug 23, 2016 (AFP) -",
#: "KATHMANDU, Aug 13 (Reuters) -", "Dec 6, 2008 -"
_DATELINE = re.compile(r"^(?:[A-Z][A-Z .'-]{1,30}(?:,\s*[A-Z][\w .'-]{1,30})?,\s*)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
                       r"(?:,?\s+(?:19|20)\d\d)?\s*(?:\([^()]{1,40}\))?\s*[-–—:]")

#: the words before the day a source spoke on: "said on Tuesday", "announced late Monday"
_SAID_ON = re.compile(r"\b(?:said|says|announced|reported|told\s+\w+|added|confirmed|stated)\s+(?:on\s+)?"
                      r"(?:(?:early|late)\s+)?$", re.I)


def of_another_year(first: Claim, second: Claim) -> bool:
    """Whether one sentence tells of a year the other figure knows nothing of: not named in its sentence, nor its
    date's ("since September 2000, when a magnitude-5.0 temblor ...": another quake than an undated page's), or of
    a past year the other does not tell of ("Bayer completing its takeover of Monsanto for $63 billion last year")."""
    years = years_named(first.sentence), years_named(second.sentence)
    known = tuple(found | ({claim.date[:4]} if claim.date else set())
                  for found, claim in zip(years, (first, second)))
    past = tuple(bool(_PAST_YEAR.search(claim.sentence)) for claim in (first, second))
    return bool((years[0] and not years[0] & known[1]) or (years[1] and not years[1] & known[0])
                or (past[0] != past[1] and not (first.date and second.date))  # an undated figure: no day to go by
                or _of_another_month(first, second) or _of_another_month(second, first))


def _of_another_month(first: Claim, second: Claim) -> bool:
    """Whether the first figure is told of an incident named by a month ("the March attack") the second's sentence
    does not name and its date is not in."""
    months = {month.lower() for month in _MONTHS_INCIDENT.findall(first.sentence)}
    if not months:
        return False
    known = {word for word in re.findall(r"[a-z]+", second.sentence.lower()) if word in _MONTH_NAMES}
    if second.date and len(second.date) >= 7:
        known.add(_MONTH_NAMES[int(second.date[5:7]) - 1])
    return not months <= known


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTHS = "|".join(_MONTH_NAMES)
#: a past year, month, week or day told relative to the story's: "last year", "two years ago" (not "nobody saw it coming a year
#: ago"), or a month named alone ("in May": a story tells its own event's day, not its month)
_PAST_YEAR = re.compile(rf"\b(?:last|previous|prior)\s+(?:year|{_MONTHS}|week|month|monday|tuesday|wednesday|thursday|"
                        r"friday|saturday|sunday)\b|\b(?:two|three|four|five|\d+)\s+years\s+"
                        r"(?:ago|earlier|before)\b|\bearlier\s+this\s+(?:year|month)\b|"
                        rf"\bin\s+(?:{_MONTHS})\b(?![\s,]+\d)", re.I)  # "last year", "Last Sunday, ...", "a theft in Cannes in May"
#: an incident named by its month: "the March attack on the military hospital" is not the page's own attack, unless
#: the page is of that month
_MONTHS_INCIDENT = re.compile(rf"\bthe\s+({_MONTHS})\s+(?:attack|bombing|blast|explosion|assault|raid|quake|"
                              r"earthquake|riots?)\b", re.I)


@lru_cache(maxsize=65536)
def years_named(sentence: str) -> frozenset[str]:
    """The years a sentence tells of; not the year of the dateline it opens with ("PATNA, India, Aug 23, 2016 (AFP) -
    ..."): that is when the page was written."""
    told = _A_TERMS_END.sub("", _SINCE_A_RECORD.sub("", _DATELINE.sub("", sentence, count=1)))
    return frozenset(found.group(1) or found.group(2) for found in _YEAR_NAMED.finditer(told))


#: a year a record is told against, not a year told of: "the riots, the worst in France since 2005, saw 69 arrested"
_SINCE_A_RECORD = re.compile(r"\b(?:worst|best|biggest|largest|highest|lowest|deadliest|heaviest|strongest|"
                             r"most\s+[a-z]+|first)\b[^.;:!?]{0,40}?\bsince\s+(?:19|20)\d\d\b", re.I)
#: a year an agreement runs to, not one told of: "allows him to opt out after the 2019 season", "runs through 2023"
_A_TERMS_END = re.compile(r"\b(?:after|through|until|till|beyond)\s+(?:the\s+)?(?:19|20)\d\d(?:[-–]\d\d)?\s+"
                          r"season\b|\b(?:through|until|till)\s+(?:19|20)\d\d\b", re.I)
#: a year a sentence tells of: "in 2000", "since September 2000", "the 2004 tsunami", "a 1914 eruption", "2005's deal",
#: "Chile's 2010 earthquake", "compare that with 2010", "2017 was ...", "to match 2010, when unions claimed 3.5
#: million", "between 2008 and 2015"
#: (not "with 2000 troops")
_YEAR_NAMED = re.compile(rf"(?:\b(?:in|since|of|from|until|by|during|between|early|late|mid|the|a|{_MONTH})[\s-]+"
                         r"|\d{1,2},?\s+|['’]s\s+|\bwith\s+(?=(?:19|20)\d\d,))((?:19|20)\d\d)\b(?![.,]\d)"
                         r"|\b((?:19|20)\d\d)(?:\s+(?=(?:was|saw)\b)|,?\s+(?=when\b))", re.I)


def other_days_named(first: Claim, second: Claim) -> bool:
    """Whether both sentences name the day of their figure and the days differ ("died on Friday after falling 150
    metres" and "fell about 2,000 feet ... on Saturday": two falls, however alike their pages)."""
    days = days_named(first.sentence), days_named(second.sentence)
    for night, other in ((days[0], second), (days[1], first)):
        if night and night <= _A_NIGHT_ACROSS and _SMALL_HOURS.search(other.sentence):
            return False  # "broke in overnight" and "early Wednesday": a night runs into the small hours of a day
    return (bool(days[0] and days[1]) and not days[0] & days[1]
            and (first.date != second.date or first.date is None))  # undated, the names are all there is to go by


_A_NIGHT_ACROSS = frozenset({"overnight", "last night"})
#: the small hours of a named day, which a night before it runs into: "early Wednesday", "before dawn on Monday"
_SMALL_HOURS = re.compile(r"\b(?:early|before\s+dawn|in\s+the\s+(?:early|small)\s+hours\s+of)\s+(?:on\s+)?"
                          rf"(?:{'|'.join(sorted(WEEKDAYS))})\b(?!\s+night)", re.I)


def one_night_only(first: Claim, second: Claim) -> bool:
    """Whether one figure is told of one night and the other of no night at all: "police arrested 10 people on Tuesday
    night" is a night's count, "more than 250 people were arrested during the riot" all of them."""
    nights = bool(_A_NIGHT.search(first.sentence)), bool(_A_NIGHT.search(second.sentence))
    return nights[0] != nights[1]


#: a night a count is told of: "on Tuesday night", "overnight", "on the first night of the curfew", "that night"
_A_NIGHT = re.compile(r"\b(?:(?:[A-Z][a-z]+day|last|that|first|second|third|fourth|fifth|sixth|each|every|previous)"
                      r"\s+night|overnight|night\s+before)\b", re.I)


_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.I)
