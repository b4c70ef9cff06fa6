"""Vetoes: what says two figures are not one quantity, whatever else they share (a part and its whole, two periods,
two people, two models)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from ..extraction.scopes import worst_hurt
from ..facts import name_words
from ..lexicon import country_names
from ..measure_keys import told_direction
from ..model import Claim
from ..money import is_currency
from .agencies import two_readings
from .features import after_figure, before_figure, near, sentence_terms, slot_match
from .pages import set_against, two_sources

#: words that say which period a figure covers: figures of different periods are different quantities
_PERIODS = frozenset({"career", "season", "game", "week", "month", "year", "quarter", "half", "lifetime", "today",
                      "yesterday", "tonight", "weekend", "overnight", "daily", "annual", "annually", "monthly"})
#: words for one period: a player's "33 homers last season" and "35 homers last year" are one season's
_ONE_PERIOD = {"season": "year", "annual": "year", "annually": "year", "monthly": "month"}
_SPEC = re.compile(r"\b\d+(?:\.\d+)?\s?-?\s?(?:inch|gb\b|tb\b|ghz|mhz|mp\b|megapixel|-core)", re.I)


def vetoes(first: Claim, second: Claim, strict: bool = True) -> tuple[str, ...]:
    """What says two figures are not one quantity, whatever else they share. Not ``strict``: only what says they
    are two quantities however alike they are (a part and its whole, two periods, two people), not what leaves their
    contradicting open (an outcome one does not say; a conversion or a running total of the other; two sources' figures
    in one sentence): figures so vetoed are never grouped as one fact."""
    return tuple(message for message, apart in judged_vetoes(first, second) if strict or apart)


def _points(direction: str) -> frozenset[str]:
    """A direction's compass points ("southwest": south and west): south and southeast are one outlet's rounding of
    the other's, east and west two places."""
    return frozenset(_POINT.findall(direction))


_POINT = re.compile(r"north|south|east|west")


def judged_vetoes(first: Claim, second: Claim) -> list[tuple[str, bool]]:
    """Every veto of :func:`vetoes`, each with whether it keeps the figures apart even when not ``strict``."""
    found = []
    if first.scope != second.scope:
        found.append((f"{_scope_name(first.scope)} against {_scope_name(second.scope)}",
                      bool({first.scope, second.scope} & {"part", "whole"})))
    if first.scope == second.scope == "part" and (worst_hurt(before_figure(first), after_figure(first))
                                                   != worst_hurt(before_figure(second), after_figure(second))):
        found.append(("the worst hurt against another part of a toll", True))  # "two critically", "five contractors"
    if same_person(first.subject, second.subject) is False:  # a one-word subject may be a place misread
        found.append((f"about {first.subject} and {second.subject}",
                      all(len((subject or "").split()) >= 2 for subject in (first.subject, second.subject))))
    if first.type != second.type:
        found.append((f"{first.type} against {second.type}", True))
    directions = told_direction(first.measure), told_direction(second.measure)
    if all(directions) and not _points(directions[0]) & _points(directions[1]):  # "5 miles east" and "8 km west of"
        found.append((f"{directions[0]} against {directions[1]} of one place", True))
    if first.outcome != second.outcome and first.type == "count":
        found.append((f"{first.outcome or 'no outcome said'} against {second.outcome or 'no outcome said'}",
                      None not in (first.outcome, second.outcome)))
    words_a, _ = sentence_terms(first.sentence)
    words_b, _ = sentence_terms(second.sentence)
    union = words_a | words_b
    if (union and len(words_a & words_b) / len(union) >= 0.7 and slot_match(first, second) < 0.34
            and not (first.sentence == second.sentence and (two_sources(first, second)  # two sources' estimates
                                                           or two_readings(first, second)))  # "BMKG 7.2; USGS 6.9"
            and not set_against(first, second)):  # "6.0, lower than the 6.3 reported by the monitoring service"
        found.append(("different figures of one sentence", False))
    measured = set((first.measure or "").split()) | set((second.measure or "").split())
    measured |= {word.rstrip("s") for word in measured}
    periods = (near(first) & _PERIODS) - measured, (near(second) & _PERIODS) - measured
    if all(periods) and not {_ONE_PERIOD.get(word, word) for word in periods[0]} & {
            _ONE_PERIOD.get(word, word) for word in periods[1]}:
        found.append((f"different periods ({', '.join(sorted(periods[0]))} against {', '.join(sorted(periods[1]))})",
                      True))
    spans = _span_told(first), _span_told(second)
    if all(spans) and spans[0] != spans[1]:  # "687 air strikes so far this year" against "1,652 since the coup"
        found.append((f"totals over different spans ({spans[0]} against {spans[1]})", False))
    winds = _wind_kind(first), _wind_kind(second)
    if all(winds) and winds[0] != winds[1]:
        found.append((f"{winds[0]} against {winds[1]}", True))  # "gusting to 70 knots" and "sustained winds of 50 knots"
    if first.type == second.type == "score" and min(first.value, second.value) > 0 \
            and max(first.value, second.value) / min(first.value, second.value) > 3:
        found.append(("a record against a game's score", True))  # 7-2 and 91-73
    specs = _specs(first.sentence), _specs(second.sentence)
    if specs[0] and specs[1] and not specs[0] & specs[1]:
        found.append(("different models", True))
    forecasts = _told_as_forecast(first), _told_as_forecast(second)
    if forecasts[0] != forecasts[1]:
        found.append(("a forecast against a figure told as it happened", False))
    hours = _hour_told(first), _hour_told(second)
    if hours[0] != hours[1]:  # "turnout stood at 52.1 percent at 12:00 local time" against the final 87.7 percent
        found.append((f"a share {_as_of(hours[0])} against one {_as_of(hours[1])}", True))
    if _country_and_city_crowds(first, second):
        found.append(("a whole country's crowd against one town's", True))
    if _local_prices(first, second):
        found.append((f"the same number in {first.unit} and {second.unit}: each market's own price", True))
    return found


#: the span a running total is told over, in its own clause after its figure: "687 air strikes so far this year",
#: "1,652 since the coup", "1,652 air strikes since February 2021"
_SPAN = re.compile(r"^[^,;:.\d]{0,40}?\b(?:(?:so\s+far\s+)?this\s+(?P<this>year)|in\s+(?P<year>(?:19|20)\d\d)\b"
                   r"|since\s+(?P<since>(?:the\s+(?:start|beginning)\s+of\s+the\s+year|(?:the\s+|last\s+)?[\w-]+"
                   r"(?:\s+(?:19|20)\d\d)?)))", re.I)


def _span_told(claim: Claim) -> str | None:
    """The span a total is told over ("2023" for "so far this year" or "since January" on a page of 2023; "2014";
    "since the coup"), where its clause names one and, for this year's, its date says which year."""
    found = _SPAN.match(after_figure(claim))
    if not found:
        return None
    if found["this"] or (found["since"] and _THE_YEARS_START.fullmatch(found["since"])):
        return claim.date[:4] if claim.date else None  # "this week" may be "since Friday": not read
    return found["year"] or f"since {found['since'].lower()}"


#: what a year's total is counted since: "since January", "since the start of the year"
_THE_YEARS_START = re.compile(r"january|the\s+(?:start|beginning)\s+of\s+the\s+year", re.I)


def _wind_kind(claim: Claim) -> str | None:
    """Which of a storm's two wind speeds a figure is, where the words beside it say: its gusts or its sustained
    winds (a storm has both, the gusts the faster)."""
    words = near(claim)
    gusts, sustained = bool(words & _GUSTS), bool(words & _SUSTAINED)
    if gusts != sustained:
        return "gusts" if gusts else "sustained winds"
    return None


#: the words beside a figure that say which wind it is (the lemmas :func:`near` gives, and the forms it may keep)
_GUSTS = frozenset({"gust", "gusting", "gusted"})
_SUSTAINED = frozenset({"sustain", "sustained"})


def _told_as_forecast(claim: Claim) -> bool:
    """Whether a figure is told as what is expected ("was forecast to weaken before reaching Vietnam on Friday, with
    winds of around 120 km/h"), not as what happened."""
    return bool(_FORECAST.search(before_figure(claim)[-120:]))


_FORECAST = re.compile(r"\b(?:forecast|forecasts|expected|predicted|projected)\s+to\b[^.;:!?]*$", re.I)


def _hour_told(claim: Claim) -> str | None:
    """The hour of the day a share is told as it stood at ("80.3 percent at 4 p.m.", "by midday"): a share still
    running, such as a turnout while the polls are open; None for any other figure."""
    if claim.type != "percent" or not (found := _AT_AN_HOUR.match(after_figure(claim))):
        return None
    return re.sub(r"[\s.]+", "", found.group("hour").lower())


def _as_of(hour: str | None) -> str:
    return f"as of {hour}" if hour else "told at no hour"


#: an hour right after a share: "turnout of 80.3 percent at 4 p.m.", "52.1 percent at 12:00 local time", "had reached
#: 60 percent by midday"
_AT_AN_HOUR = re.compile(r"^\s*(?:percent\b|per\s+cent\b|%)?\s*(?:[\w-]+\s+){0,2}?(?:at|by|as\s+of)\s+"
                         r"(?P<hour>\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|hrs\b)|\d{1,2}[:.]\d\d\b|"
                         r"noon\b|midday\b|mid-?afternoon\b|mid-?morning\b)", re.I)


def _country_and_city_crowds(first: Claim, second: Claim) -> bool:
    """Whether one crowd is a whole country's, the sum of its marches ("800,000 people marched in 46 cities"), and
    the other one town's ("Police estimated the Porto march at 40,000"): the town's march is a part of the nation's.
    A crowd told only of a country ("Tens of thousands of people took to the streets ... Greece") may be its
    capital's, which outlets tell either way."""
    if not first.outcome == second.outcome == "gathered":
        return False
    for whole, town in ((first, second), (second, first)):
        if (whole.scope == "total" and whole.place is None
                and town.scope != "total" and town.place is not None and town.place not in country_names()):
            return True
    return False


def _local_prices(first: Claim, second: Claim) -> bool:
    """Whether two sums are one shop price in two currencies ("£799" on a British page, "$799" on an American one): no
    rate of two currencies is one, so they are two markets' prices, not one sum converted. A large sum told in the
    wrong currency ("$85 million" for 85 million euros of stolen gems) is an error, and stays one to check."""
    return (first.type == second.type == "money" and first.unit != second.unit and is_currency(first.unit)
            and is_currency(second.unit) and 0 < first.value < _A_SHOP_PRICE
            and abs(first.value - second.value) <= 0.005 * first.value)


_A_SHOP_PRICE = 10_000  # sums below this in two currencies alike are shop prices, set market by market


@lru_cache(maxsize=65536)
def _specs(sentence: str) -> frozenset[str]:
    """A product's sizes and capacities named in a sentence ("13-inch", "256GB"): what tells models apart."""
    return frozenset(re.sub(r"[\s-]", "", match.group()).lower() for match in _SPEC.finditer(sentence))


def same_person(first: str | None, second: str | None) -> bool | None:
    """Whether two names are one person: the same last name and first names alike ("Catherine Gomes", "Katherine
    Gomes", "Kathryn Gomes"); None when either gives no name, or only a last name (then nothing is known)."""
    if not first or not second:
        return None
    if first.lower().startswith("the ") or second.lower().startswith("the "):  # "the mother": someone unnamed
        # "the man" may be any of the men a page tells of: the one shot dead, the one beaten trying to stop a fire
        return True if first.lower() == second.lower() and first.lower()[4:] not in _ANYONE else None
    a, b = name_words(first), name_words(second)
    if a[-1] != b[-1] and SequenceMatcher(None, a[-1], b[-1]).ratio() < 0.85:  # "Klitchsko" is "Klitschko" misspelt
        return False
    if len(a) < 2 or len(b) < 2:
        return None
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < len(longer) and set(shorter) <= set(longer):  # "John Jenkin" in "Unemployed John Jenkin"
        return True
    # "Katie" and "Kathryn" may be one woman's names; "John" and "Kathryn Jenkin" are two people of one family
    return SequenceMatcher(None, a[0], b[0]).ratio() >= 0.6 or (a[0][:3] == b[0][:3] and len(a[0]) > 2)


#: words for a grown-up that say nothing of who they are (a page tells of many men, seldom of two girls)
_ANYONE = frozenset({"man", "woman", "person", "adult", "youth"})


def _scope_name(scope: str | None) -> str:
    return {"part": "a part of a whole", "whole": "the whole a part is counted from", "total": "a running total",
            "conversion": "a conversion of another figure"}.get(scope or "", "a figure")


