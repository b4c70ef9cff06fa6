"""How a page tells a figure as a stage of a running count: revised ("now estimated at"), preliminary ("a
preliminary magnitude of 7.2") or risen to ("the toll rose to 35"), in its own sentence or elsewhere on its page."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..lexicon import INCREASE_WORDS
from ..model import Claim
from .features import after_figure, before_figure

if TYPE_CHECKING:
    from .pages import FigureCounts


def told_as_revised(claim: Claim) -> bool:
    """Whether a figure is told as a revision of an earlier one: "now estimated at", "revised up to", "was later
    raised to"; "worth 103m euros ..., more than double the first estimate"."""
    return bool(_REVISED.search(before_figure(claim)[-60:])
                or _EARLIER_ESTIMATE.search(claim.sentence))


def told_as_preliminary(claim: Claim) -> bool:
    """Whether a figure is told as a first reading, one its source may revise: "gave a preliminary magnitude of 7.2",
    "had initially put the magnitude at 7.2", "a provisional count of 51 percent"."""
    return bool(_PRELIMINARY.search(before_figure(claim)[-50:]) or _PRELIMINARY_AFTER.match(after_figure(claim)))


def preliminary_on_page(claim: Claim, other: Claim, figures: Counter | FigureCounts) -> bool:
    """Whether the claim's page, or the other figure's, tells the claim's figure as a first estimate: "The 6 million
    euro estimate is provisional" on its own page; "put the loss at 11 million euros, almost double the 6 million euros
    initially estimated by police" beside the other figure. A page that gives both tells of a revision."""
    return any(figures[("preliminary", page, round(claim.value, 2), claim.unit)] for page in {claim.doc, other.doc})


def revisions_told(first_readings: dict[tuple[str, str], list[Claim]],
                   by_sentence: dict[tuple[str, str], list[Claim]]) -> Counter:
    """("revision", first reading, its revision, unit) for a sentence that tells a first reading revised to another
    figure ("revising its magnitude to 4.9 from a preliminary 5.1"), from the first readings and the claims of each
    (document, sentence): in every page of the set, those two figures are two stages of one reading (read it with
    :func:`revision_told`)."""
    found: Counter = Counter()
    for key, readings in first_readings.items():
        if not _REVISING.search(key[1]):  # "gave a preliminary 6.0, while the USGS measured it at 5.9": two readings
            continue
        first = {id(reading) for reading in readings}
        for reading in readings:
            for other in by_sentence[key]:
                if (id(other) not in first and other.unit == reading.unit and other.type == reading.type
                        and other.value != reading.value and other.scope != "conversion"):
                    found[("revision", round(reading.value, 2), round(other.value, 2), reading.unit)] += 1
    return found


def revision_told(first: Claim, second: Claim, figures: Counter | FigureCounts) -> str | None:
    """What says two figures are a first reading and its revision, where some page of the set tells the one revised to
    the other ("upgraded the temblor to magnitude 5.6 from an initial 5.4"): a page that gives only the first reading
    is out of date rather than wrong."""
    for reading, revised in ((first, second), (second, first)):
        if figures[("revision", round(reading.value, 2), round(revised.value, 2), reading.unit)]:
            return (f"a page of the set tells {reading.text} as a first reading revised to {revised.text} (the page "
                    f"giving {reading.text} may be out of date rather than wrong)")
    return None


def revised_on_page(claim: Claim, figures: Counter | FigureCounts) -> bool:
    """Whether the claim's page tells of its figure as revised in some sentence (a headline's "gems worth 103m
    euros" over "..., more than double the first estimate")."""
    return bool(figures[("revised", claim.doc, round(claim.value), claim.unit)])


def told_as_risen(claim: Claim) -> bool:
    """Whether a figure is told as risen to ("the toll rose to 35", "has climbed to at least 40", "Death Toll Climbs
    to 35") or as the count now ("Seventeen people are now confirmed dead", "the latest figures put the toll at 29"):
    of a running count, a later count than one another page may give."""
    before = before_figure(claim)
    return bool(_RISEN.search(before[-40:]) or _BROUGHT_TO.search(before[-100:]) or _LATEST.search(before[-100:])
                or _NOW_AFTER.match(after_figure(claim)) or _RAISED_FROM.match(after_figure(claim)))


def told_as_rising(claim: Claim) -> bool:
    """Whether a figure's sentence tells its count as still rising ("12 bodies had been recovered and the toll was
    likely to rise", "the number of dead is expected to climb"): an early stage of a running count."""
    return bool(_RISING.search(after_figure(claim)))


#: a count told as still rising, after the figure in its sentence, the count (its toll, its number) the subject: not
#: "river levels were expected to rise", "prices are likely to rise"
_RISING = re.compile(r"\b(?:toll|tally|number|count|figure|it)\s+(?:[\w-]+\s+){0,3}?(?:(?:is|was|were|are|seemed|seems)"
                     r"\s+)?(?:(?:likely|expected|feared|set|certain|bound)\s+to|could|may|might|will|would)\s+"
                     r"(?:still\s+|further\s+)?(?:rise|climb|increase|grow|go\s+up)\b", re.I)


def risen_on_page(claim: Claim, figures: Counter | FigureCounts) -> bool:
    """Whether the claim's page tells of its count as risen to it in some sentence (a headline's "two dead" over
    "the number of people killed ... has risen to two")."""
    return bool(figures[("risen", claim.doc, round(claim.value))])


def above_the_risen(claim: Claim, other: Claim, figures: Counter | FigureCounts) -> bool:
    """Whether the claim's page tells its count as risen to a figure between the other page's and the claim's ("has
    risen to 12 ... the regional president gave a higher figure of 13" against another page's "Nine dead"): the
    claim is of that later stage too. On its own page, two sources' 12 and 13 stay two accounts of one stage."""
    least = figures[("risen least", claim.doc, claim.outcome)]
    return claim.doc != other.doc and 0 < other.value < least < claim.value


#: a running toll told as risen to its figure: "the toll rose to 35", "has climbed to at least 40", "toll hits 42",
#: "death toll reaches 31"
_RISEN = re.compile(r"\b(?:" + "|".join(sorted(INCREASE_WORDS, key=len, reverse=True)) + r"|mounted|mounts|reached|reaches|"
                    r"climbs|jumps|soars)\s+to\s+(?:\w+\s+){0,2}$|"
                    r"\btoll\s+(?:hits|hit|tops|topped|passes|passed|nears|reaches|reached)\s+$",
                    re.I)
#: verbs by which a count is told as brought to a new figure ("bringing its total to 86")
BRINGING = (r"(?:raising|raised|raises|bringing|brought|brings|taking|took|takes|pushing|pushed|pushes|lifting|"
            r"lifted|lifts)")
#: a running count told as brought to its figure: "a third inmate has died ..., raising the death toll to three",
#: "bringing the death toll from Wednesday's explosion to 11"
_BROUGHT_TO = re.compile(rf"\b{BRINGING}\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){{0,2}}?(?:toll|tally|count|number|"
                         r"figure|total)\s+(?:[\w'’-]+\s+){0,3}?to\s+(?:\w+\s+){0,2}$", re.I)
#: a count told as the latest of a running count: "the latest figures put the toll at", "an updated toll of", "the
#: final official toll stood at"
_LATEST = re.compile(r"\b(?:latest|updated|new|revised|final)\s+(?:official\s+)?(?:figures?|toll|death\s+toll|count|"
                     r"tally|bulletin|numbers?)\b[^.;!?]*$", re.I)
#: a count told as the one now: "Four people have now died", "17 are now confirmed dead", "around 30 still missing",
#: "the 19 people now arrested"
_NOW_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:(?:are|is|have|has|had)\s+(?:now|since)|still|remain|remains|"
                        r"now\s+(?:[a-z]+ed|dead|missing|held|known|in\s+(?:custody|hospital))\b)\b", re.I)
#: a count told as raised from an earlier one: "103 militants had been killed ..., raising the figure from 86",
#: "29 dead, up from 17"
_RAISED_FROM = re.compile(r"[^.;!?]{0,80}?(?:\b(?:raising|lifting|pushing|revising)\s+(?:the|its|their|an?)\s+"
                          r"(?:[\w-]+\s+){0,2}?(?:figure|toll|count|number|tally|total|estimate)\s+(?:up\s+)?from\b"
                          r"|,\s+up\s+from\s+(?:an?\s+|the\s+)?(?:earlier|previous|initial|\d))", re.I)
_REVISED = re.compile(r"\b(?:now|revised|raised|updated|upgraded|downgraded|lowered|later|"
                      r"extended|expanded|widened|enlarged)\b[^.;!?]{0,40}$", re.I)  # "the zone was extended to 7 km"
#: ("agreed in principle to a 10-year, $280 million contract": a deal's terms may change before it is signed)
_PRELIMINARY = re.compile(r"\b(?:preliminary|initial|initially|provisional|provisionally|in\s+principle|tentative|"
                          r"tentatively)\b[^.;!?]{0,40}$", re.I)
#: a first estimate told after its figure: "the 6 million euros initially estimated by police", "The 6 million euro
#: estimate is provisional"
_PRELIMINARY_AFTER = re.compile(r"\s*(?:[\w'’-]+\s+){0,3}?(?:initially|first|originally|provisionally)\s+"
                                r"(?:estimated|given|put|reported|announced|quoted|stated|cited)\b|"
                                r"\s*(?:[\w'’-]+\s+){0,2}?(?:estimate|figure|valuation)\b(?:[^.;!?]|\.\d){0,40}?"
                                r"\b(?:is|was|remains)\s+(?:provisional|preliminary)\b", re.I)
#: words that tell a reading revised: "upgraded it to 5.6 from an initial 5.4", "before downgrading it to 4.8"
_REVISING = re.compile(r"\b(?:revised?|revises|revising|upgraded?|upgrades|upgrading|downgraded?|downgrades|"
                       r"downgrading|raised|raising|lowered|lowering|updated|updating|adjusted|corrected|changed)\b"
                       r"|\bfrom\s+(?:an?|the|its)\s+(?:initial|preliminary|first|earlier|original)\b", re.I)
_EARLIER_ESTIMATE = re.compile(r"\b(?:first|initial|earlier|original|previous)\s+(?:estimates?|valuations?|figures?)\b",
                               re.I)
