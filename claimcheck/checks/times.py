"""What leaves two pages' figures possibly of different times, where their dates cannot tell: a running count told
on two days, by a page written some days after its event, as risen or as revised. Two figures of one quantity that
differ are then possibly an update, not a contradiction, and an agree check does not call them violated."""

from __future__ import annotations

import calendar
import re

from ..evidence import FigureCounts, an_article
from ..evidence.days import years_named
from ..evidence.pages import days_told, told_days_after, top_toll, top_weekdays
from ..evidence.revisions import (above_the_risen, preliminary_on_page, revised_on_page, risen_on_page,
                                  told_as_preliminary, told_as_revised, told_as_rising, told_as_risen)
from ..lexicon import RUNNING_OUTCOMES, RUNNING_ROLES, WEEKDAYS
from ..model import Claim
from .context import CheckContext


def running(claim: Claim) -> bool:
    """Whether a figure is of a count that changes as an event goes on: a toll (the lexicon's running outcomes) or a
    role that grows (the area a fire burned)."""
    return claim.outcome in RUNNING_OUTCOMES or claim.measure in RUNNING_ROLES


def times_apart(context: CheckContext, first: Claim, second: Claim, figures: FigureCounts,
                growing: bool = False) -> tuple[str, ...]:
    """What leaves two pages' figures possibly of different times, where their dates cannot tell. ``growing``: the
    figures are of a quantity that changes as its event goes on (a rule's word), whatever they count."""
    changing = growing or running(first)
    dated = context.as_of(first), context.as_of(second)
    if (first.outcome in RUNNING_OUTCOMES and (first.outcome != "killed" or first.scope == "part")
            and (dated[0] == dated[1] or not all(dated))):  # the hurt, or a part of the dead ("including 4 children")
        tolls = top_toll(first.doc, figures), top_toll(second.doc, figures)
        if None not in tolls and (tolls[0] - tolls[1]) * (first.value - second.value) > 0:
            # "killing at least 18 people and injuring 553" against "killing 22 ... 1,300 were injured": the page with
            # more dead has more hurt, as a later hour's would (more dead and fewer hurt is no later count);
            # "killing 14, including four children" against "19, including six children": two hours' dead, and their
            # children
            counts = (f"counts of {first.measure} {first.outcome}" if first.scope == "part"
                      else f"{first.outcome} counts")
            return (f"pages whose death tolls differ in the same direction ({tolls[0]} and {tolls[1]}: their "
                    f"{counts} may be of different hours)",)
    if not any(dated):
        if not (an_article(first, figures) and an_article(second, figures)):
            # two undated headlines or briefs: nothing says they tell of one time ("20 insurgents were killed!" and
            # "65 insurgents were killed!" are two headlines' incidents as often as one's two accounts); two
            # articles of one event are tied by all they tell
            return ("both undated (they may be of different times)",)
        days = tuple(_days_on_page(context, claim, figures)[0] for claim in (first, second))
        if changing and days[0] and days[1] and days[0] != days[1]:
            # "toll rose to 35 on Thursday" and "... officials said Friday": a running count of two days
            return (f"undated pages telling of {' and '.join(sorted(days[0]))} and of {' and '.join(sorted(days[1]))} "
                    "(a running count may have changed)",)
        stamped = tuple(told or _as_of_day(claim) for told, claim in zip(days, (first, second)))
        if changing and stamped != days and stamped[0] and stamped[1] and stamped[0].isdisjoint(stamped[1]):
            # "3 dead" on a page of Monday's landfall and "nine ... confirmed dead as of Tuesday" on a page whose top
            # names no day
            return (f"undated figures of {' and '.join(sorted(stamped[0]))} and of {' and '.join(sorted(stamped[1]))} "
                    "(a running count may have changed)",)
        written = [_dateline_day(context, claim) for claim in (first, second)]
        if changing and None not in written and written[0] != written[1]:
            # "KATHMANDU, Aug 13 (Reuters)" and "KATHMANDU, Aug 14 (AFP)": no year, but two days' counts
            return (f"pages written on {_day_named(written[0])} and {_day_named(written[1])} (a running count may have "
                    "changed)",)
    elif not all(dated):
        told, undated = (first, second) if dated[0] else (second, first)
        if years_named(told.sentence):  # "AMD paid $850 million for NexGen back in 1996" against an undated page
            return (f"one dated {told.date} by its own words, the other undated (it may be of another time)",)
        day = dated[0] or dated[1]
        written, told = _dateline_day(context, undated), f"--{day.month:02d}-{day.day:02d}"  # ISO 8601 without a year
        same_day = written == told  # "Satara, Sep 12 (PTI)" and 12 September 2022
        if changing and written and not same_day:
            # "Kesarpur, Aug 22 (PTI)" against a page of 23 August 2016: the dateline's year is missing, not its day
            return (f"pages written on {_day_named(written)} and {_day_named(told)} (a running count may have "
                    "changed)",)
        days = _days_on_page(context, undated, figures)[0]
        weekday = _WEEKDAY_NAMES[day.weekday()]
        if changing and days and weekday not in days and not same_day:
            # "27 ... after Monday's stampede" on an undated page against a page of Tuesday's: two days' counts
            return (f"an undated page telling of {' and '.join(sorted(days))} against one of {weekday} (a running "
                    "count may have changed)",)
    later = [(claim, day) for claim, day in zip((first, second), dated) if _days_on_page(context, claim, figures)[1]]
    if changing and len(later) == 1 and later[0][1] is None:
        # "A week after the quake, ... 1,366 people injured": an undated page's count of some days later
        return (f"{later[0][0].text} from a page written some time after the event (a later count than the other "
                "page's may be)",)
    if risen := _risen(context, first, second, figures):
        return risen
    if dated[0] != dated[1] or not all(dated):
        revised = [claim for claim in (first, second) if told_as_revised(claim) or revised_on_page(claim, figures)]
        if len(revised) == 1:  # "the jewels are now estimated to be worth 136 million euros" against a first estimate
            return (f"{revised[0].text} a figure told as revised (it may be a later estimate)",)
    preliminary = [claim for claim, other in ((first, second), (second, first))
                   if told_as_preliminary(claim) or preliminary_on_page(claim, other, figures)]
    if len(preliminary) == 1:  # "a preliminary magnitude of 7.2" against the 7.0 its agency revised it to, that day
        return (f"{preliminary[0].text} a figure told as preliminary (the other may be its revision)",)
    return ()


def risen_in_either(context: CheckContext, pairs: list[tuple[Claim, Claim]], figures: FigureCounts) -> tuple[str, ...]:
    """What leaves two value groups of a running count possibly of different times where one of their pages tells
    its figure as risen to (or as the count now): "Turkey quake death toll rises to 22" makes every other page's 22 that
    stage of the count too, however that page tells it."""
    return next((risen for first, second in pairs if (risen := _risen(context, first, second, figures))), ())


def _risen(context: CheckContext, first: Claim, second: Claim, figures: FigureCounts) -> tuple[str, ...]:
    """"the death toll climbed to 35": a later count than one the other page may give; of one day, only a count
    below it may be an earlier stage of that day's count ("Nine dead" against "toll rises to 12" that evening). "12
    bodies had been recovered and the toll was likely to rise": an earlier count than a higher one of the same day or
    later."""
    dated = context.as_of(first), context.as_of(second)
    one_day = dated[0] == dated[1] and all(dated)
    for (claim, other), (day, other_day) in zip(((first, second), (second, first)), (dated, dated[::-1])):
        if (claim.outcome in RUNNING_OUTCOMES and claim.value < other.value and told_as_rising(claim)
                and not (day and other_day and day > other_day)):
            return (f"{claim.text} told as likely to rise (the other may be a later count)",)
        if one_day and other.value >= claim.value:
            continue
        if claim.outcome in RUNNING_OUTCOMES and (told_as_risen(claim) or risen_on_page(claim, figures)
                                                   or above_the_risen(claim, other, figures)):
            if _of_the_day_told(context, claim, other, figures):
                return ()
            return (f"{claim.text} told as risen to or as the count now (it may be a later count)",)
    return ()


def _of_the_day_told(context: CheckContext, risen: Claim, other: Claim, figures: FigureCounts) -> bool:
    """Whether a toll told as risen is told of a weekday the other figure's page tells its own figures of too: "rose
    to six on Wednesday" against "seven ..., police said on Wednesday" is one day's two accounts, not two stages."""
    weekdays = days_told(risen.sentence)[0]
    return bool(weekdays) and weekdays <= days_told(other.sentence)[0] | _days_on_page(context, other, figures)[0]


def _days_on_page(context: CheckContext, claim: Claim, figures: FigureCounts) -> tuple[frozenset[str], bool]:
    """The weekdays the top of a claim's page names, and whether it tells of a day some time after the event: from
    the lines with figures (:func:`top_weekdays`, :func:`told_days_after`) and, where the page itself is at hand, from
    its text (:attr:`~claimcheck.model.Document.lead_days`)."""
    document = context.documents.get(claim.doc)
    weekdays, after = document.lead_days if document is not None else (frozenset(), False)
    return top_weekdays(claim.doc, figures) | weekdays, told_days_after(claim.doc, figures) or after


def _as_of_day(claim: Claim) -> frozenset[str]:
    """The weekday a figure's own sentence stamps it with ("nine people had been confirmed dead as of Tuesday", "by
    Friday"), for a page whose top names none."""
    stamped = _AS_OF_DAY.search(claim.sentence)
    return frozenset({stamped.group("day").lower()}) if stamped else frozenset()


_AS_OF_DAY = re.compile(rf"\b(?:as\s+of|by)\s+(?:late\s+|early\s+)?(?P<day>{'|'.join(sorted(WEEKDAYS))})\b", re.I)


def _dateline_day(context: CheckContext, claim: Claim) -> str | None:
    document = context.documents.get(claim.doc)
    return document.dateline_day if document is not None else None


def _day_named(yearless: str) -> str:
    """ "--08-13" as "13 August"."""
    return f"{int(yearless[5:])} {calendar.month_name[int(yearless[2:4])]}"


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # as pages name them
