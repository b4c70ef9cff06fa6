"""What a claim takes from the claims beside it in its sentence, once all of them are read: the measure of a figure
it is listed with ("55 air strikes: 27 in Syria and 28 in Iraq"), the sum a deal's term follows ("a $185 million,
eight-year deal"), a part's scope ("of which 85 were civilians and 50 soldiers"); and what a headline's figure takes
from the same figure in the lead below it ("Indian navy nets 61 pirates" over "... captured 61 Somali pirates")."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Claim
from .roles import shock_of, strongest_of_aftershocks_before, written_as_magnitude
from .scopes import HEDGE, PART_CUES

_MAGNITUDE_REACH = 300  # characters after a magnitude in which a bare figure of one decimal is another reading of it
_SPAN_ADJECTIVE = re.compile(r"(?:\d+|[a-z]+)-(?:year|season|month|week|day)", re.I)


def inherit_measures(claims: list[Claim], text: str = "") -> None:
    """'55 air strikes: 27 in Syria and 28 in Iraq' -> 27 and 28 count air strikes too;
    'from nine to 12 vessels' -> nine counts vessels."""
    for index, claim in enumerate(claims[:-1]):
        following = claims[index + 1]
        if (claim.measure == "money" and following.type == "duration" and following.measure and following.sentence == claim.sentence
                and re.fullmatch(r",\s*", text[claim.end:following.start]) and _SPAN_ADJECTIVE.fullmatch(following.text)):
            # "a $185 million, eight-year deal": the sum is the deal's, the eight years its term
            claim.measure = "deal" if following.measure == "term" else following.measure
            continue
        if (claim.measure is None and claim.unit == "percent" and following.measure and following.sentence == claim.sentence
                and re.fullmatch(r"\s+of\s+(?:the\s+|its\s+|their\s+|those\s+)?", text[claim.end:following.start], re.I)):
            claim.measure = following.measure  # "two-thirds of the 600 soldiers": a share of what the whole counts
            continue
        if (following.unit == claim.unit and following.measure and following.sentence == claim.sentence
                and re.search(r"\bfrom\s+$", text[max(0, claim.start - 8):claim.start], re.I)
                and re.fullmatch(r"\s+to\s+", text[claim.end:following.start])):
            claim.measure = following.measure
    by_sentence: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault((claim.doc, claim.sentence), []).append(claim)
    for index, claim in enumerate(claims):
        if claim.outcome is None and (_ANAPHOR.fullmatch(claim.measure or "") or (
                claim.measure is None and _FIGURE_OF.search(text[max(0, claim.start - 30):claim.start]))):
            told = _told_just_before(claims, index, 6, _ANAPHOR_REACH, lambda other: (
                _restated_by(claim, other) and not _A_DIFFERENCE.match(text, other.end)))
            if told is not None:  # "put the ransom at $5.5 million, but a commander said the figure was $7 million"
                claim.measure, claim.outcome = told.measure, told.outcome
            continue
        if claim.measure is not None:
            continue
        # a spec is what a thing has, no count of it: "now 16, ... in a four-cylinder truck" is no 16 cylinders
        same_sentence = [c for c in by_sentence[(claim.doc, claim.sentence)][:200]
                         if c is not claim and c.measure and c.unit == claim.unit and c.type != "spec"]
        earlier = [c for c in same_sentence if c.start < claim.start]
        later = [c for c in same_sentence if c.start > claim.start]
        listed = len(by_sentence[(claim.doc, claim.sentence)]) > 1  # "27 were in the north and 28 in the south"
        source = earlier[-1] if earlier else later[0] if later else None
        compared = (claim.outcome is None and claim.unit == "count" and earlier
                    and _COMPARED_WITH.search(text[max(0, claim.start - 40):claim.start]))
        if compared:  # "15 soldiers were killed, officials told the paper, a higher toll than the 12 given by the army"
            source = next((other for other in reversed(earlier) if other.outcome), source)
            claim.outcome = source.outcome
        if source is None and listed:
            source = _told_just_before(claims, index, 6, _LISTED_REACH,
                                       lambda other: bool(other.measure) and other.unit == claim.unit == "count")
        if source is None and claim.type == "count" and written_as_magnitude(claim.text):
            # "The survey put the magnitude at 6.8. Kandilli Observatory gave 6.5": another agency's reading of it
            source = _told_just_before(claims, index, 3, _MAGNITUDE_REACH, lambda other: other.type == "magnitude")
        if source is not None:
            claim.measure = source.measure
            if source.scope == "conversion" and claim.outcome is None:
                claim.outcome = source.outcome  # "20 (30) arrests": the figure its conversion restates, arrested too
            if source.type == "magnitude" and claim.type == "count" and claim.value < 10:
                claim.type = "magnitude"  # "put the magnitude at 5.4, while the centre said it measured 5.6"
                if claim.subject is None:  # "... was followed by a second, measuring 7.4": the second quake's
                    position = claim.sentence.find(claim.text)
                    claim.subject = shock_of(claim.sentence[:max(0, position)], claim.sentence[position + len(claim.text):])




#: what sets a figure against one told before it in its sentence: "a higher toll than the 12", "above the 12 announced"
_COMPARED_WITH = re.compile(r"\b(?:than|above|below|exceeding|not|instead\s+of|compared\s+(?:with|to))\s+"
                            r"(?:the\s+|an?\s+)?(?:(?:official|earlier|initial|first|government|army|police)\s+)?$",
                            re.I)


#: a measure that names no thing but refers back to a figure told just before ("the figure", "the true number")
_ANAPHOR = re.compile(r"(?:(?:true|real|actual|correct|official|final)\s+)?(?:figure|number)", re.I)
_ANAPHOR_REACH = 300  # characters before an anaphor's figure in which the figure it refers to is told
#: "its figure of 12,000", "a count of 32": an anaphor whose figure follows it
_FIGURE_OF = re.compile(r"\b(?:figure|tally|count|estimate)\s+of\s+$", re.I)
#: a figure that is the difference between two others ("38 bodies, six more than the official figure of 32"): not
#: what an anaphor after it tells again
_A_DIFFERENCE = re.compile(r"\s+(?:more|fewer|less|higher|lower)\s+than\b", re.I)


_LISTED_REACH = 400  # characters before a listed figure in which the figure it is listed after is told


def _told_just_before(claims: list[Claim], index: int, back: int, reach: int,
                      fits: Callable[[Claim], bool]) -> Claim | None:
    """The last of the ``back`` claims before ``claims[index]`` on its page, ending within ``reach`` characters
    before it, that ``fits``: the figure a figure with no measure of its own takes its measure from."""
    claim = claims[index]
    return next((other for other in reversed(claims[max(0, index - back):index])
                 if other.doc == claim.doc and 0 < claim.start - other.end < reach and fits(other)), None)


def _restated_by(claim: Claim, other: Claim) -> bool:
    """Whether ``other`` may be the figure an anaphor's figure tells again (by another source, or as another
    reading): a figure of the same kind of quantity that names what it measures."""
    return (other.type == claim.type and bool(other.measure) and (other.unit == claim.unit or claim.type == "money")
            and not _ANAPHOR.fullmatch(other.measure))


def coordinated_parts(claims: list[Claim], text: str) -> None:
    """'of which 85 were civilians and 50 soldiers': a figure listed with a part, in its clause, is a part too;
    'killed 52 IS fighters and 4 civilians': a figure listed after one the verb befell, befell by it too."""
    for claim, following in zip(claims, claims[1:]):
        listed = (following.sentence == claim.sentence and following.unit == claim.unit
                  and _LISTED_WITH.fullmatch(text[claim.end:following.start]))
        if listed and claim.scope == "part" and following.scope is None:
            following.scope = "part"
        if (listed and claim.outcome and following.outcome is None and claim.type == following.type == "count"
                and not _OWN_VERB.search(text[claim.end:following.start])
                and not _OWN_VERB_AFTER.match(text[following.end:following.end + 40])
                and not _OWN_PARTICIPLE_AFTER.match(text[following.end:following.end + 40])):
            following.outcome = claim.outcome


def part_outcomes(claims: list[Claim], text: str) -> None:
    """'killed 12 people, including three children': a part counts what befell the whole it is told of right after
    (three children killed), so that two pages' parts of one toll are one quantity as their tolls are."""
    for whole, part in zip(claims, claims[1:]):
        if (part.scope == "part" and part.outcome is None and whole.outcome and whole.scope != "part"
                and whole.sentence == part.sentence and whole.type == part.type == "count"
                and _PART_OF_WHOLE.fullmatch(text[whole.end:part.start])):
            part.outcome = whole.outcome


def risen_increments(claims: list[Claim], text: str) -> None:
    """'Crash toll climbs to 36 as four die in hospital': the count told right after a toll risen to its figure is
    what the toll rose by, a part of it, not another account of the toll."""
    for total, added in zip(claims, claims[1:]):
        if (added.scope is None and total.sentence == added.sentence and total.type == added.type == "count"
                # "rose to five on Friday, with 72 people injured": another count, of the hurt, not more of the dead
                and added.outcome in (None, total.outcome or "killed")
                and _RISEN_TO.search(text[max(0, total.start - 40):total.start])
                and _AS_MORE.fullmatch(text[total.end:added.start])):
            added.scope = "part"


def aftershocks_told_before(claims: list[Claim], text: str) -> None:
    """'Six days on, aftershocks are tapering off, with 44 recorded so far. The strongest remains the magnitude 3.4
    that struck on Saturday': a magnitude its sentence opens as the strongest of nothing it names is of the
    aftershocks the sentence before tells of, not the quake's own."""
    for claim in claims:
        told_at = claim.sentence.find(claim.text)
        if claim.type != "magnitude" or claim.subject is not None or told_at < 0:
            continue
        previous = _SENTENCE_BREAK.split(text[max(0, claim.start - told_at - 300):claim.start - told_at].rstrip())
        if strongest_of_aftershocks_before(claim.sentence[:told_at], previous[-1]):
            claim.subject = "aftershock"


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n")


def another_account_of_a_total(claims: list[Claim], text: str) -> None:
    """'The conflict has killed 300,000 people according to the UN, while Khartoum puts the toll at about 10,000': a
    second source's account of the total its sentence has just told is a total too, not one incident's toll."""
    for total, other in zip(claims, claims[1:]):
        if (total.scope == "total" and other.scope is None and total.sentence == other.sentence
                and other.outcome in (None, total.outcome) and total.type == other.type == "count"
                and _ANOTHER_ACCOUNT.search(text[total.end:other.start])):
            other.scope, other.outcome = "total", total.outcome


#: between a total and another source's account of it: "..., while Khartoum puts the toll at", "; the government
#: puts the figure at"
_ANOTHER_ACCOUNT = re.compile(r"(?:,\s*(?:while|whereas|but)|;)\s+[^.;:!?\d]{0,60}?\b(?:puts?|put|places?|estimates?|"
                              r"says?|said)\s+(?:the\s+)?(?:toll|figure|number|total|count)\s+at\s+(?:about\s+|"
                              r"around\s+|some\s+|roughly\s+|nearly\s+|over\s+|more\s+than\s+)?$", re.I)


#: a running count told as risen to its figure: "toll climbs to", "has risen to at least"
_RISEN_TO = re.compile(r"\b(?:rises|rose|risen|climbs|climbed|jumps|jumped|increases|increased|reaches|reached|"
                       r"mounts|mounted|soars|soared|grows|grew|hits|hit)\s+to\s+(?:[a-z]+\s+){0,2}$", re.I)
#: what joins it to the count it rose by: "36 as four die", "36 after two more", "36, with another three"
_AS_MORE = re.compile(r"(?:\s+[a-z]+){0,2}?,?\s+(?:as|after|with|when)\s+(?:another\s+|a\s+further\s+)?", re.I)


#: what stands between a whole and its part: "12 people, including", "39 on Tuesday, among them", "12, of them"
_PART_OF_WHOLE = re.compile(rf"[^.;:\d]{{0,40}}?\b(?:{PART_CUES}|of\s+them)\s+{HEDGE}", re.I)


#: a verb between two figures or after the second: each has its own ("85 were civilians and 50", "... and 300 homes
#: were destroyed"); in lower case only ("52 IS fighters and 4 civilians": the Islamic State)
_AUXILIARIES = r"were|are|was|is|had|have|has"
_OWN_VERB = re.compile(rf"\b(?:{_AUXILIARIES})\b")
#: a verb of its own after the second figure: "46 were hurt", "187 others suffered food poisoning", "two more fell ill"
_OWN_VERB_AFTER = re.compile(rf"^\s+(?:[\w-]+\s+){{0,2}}(?:{_AUXILIARIES}|suffered|fell|went|needed|received|developed|"
                             r"showed|complained|sought|remained|became)\b")
#: a participle of its own after the second figure, closing its clause: "109 dead, three held", "12 dead, 40
#: hospitalised in Perm", or a state: "two men die, seven in hospital" ("killed 52 fighters and 4 armed civilians":
#: "armed" describes, it closes nothing)
_OWN_PARTICIPLE_AFTER = re.compile(r"^\s+(?:(?:held|hurt|taken|[a-z]+ed)(?=[ \t]*(?:[,;.:!?)\n]|$)|\s+(?:by|in|at|on|"
                                   r"after|for|over|overnight)\b)|in\s+(?:hospital|critical|serious|stable|custody)\b)")
#: what stands between two figures of one list: "85 were civilians and 50", "3 children, 2 women and 4"
_LISTED_WITH = re.compile(r"(?:\s+(?:were|are|was|is))?(?:\s+[a-z-]+){0,2}\s*(?:,|,?\s+and|,?\s+or)\s+", re.I)


_HEADLINE_WORDS = 15  # a headline is short
_LEAD_BELOW = 3  # lines below a headline in which its figures are told again


def headline_from_lead(claims: list[Claim]) -> None:
    """A headline's figure is what its lead says of the same figure: "Indian navy nets 61 pirates" above "... captured
    61 Somali pirates" counts pirates captured, whatever verb the headline found room for; "9 dead in shooting" above
    "Nine people, including the gunman, are dead" counts the gunman too. Its place and scope are the lead's as well,
    and a nationwide crowd it tells makes the lead's accounts of that crowd nationwide."""
    if not claims:
        return
    top = min(claim.line for claim in claims)
    if top > 2:
        return
    below = [claim for claim in claims if top < claim.line <= top + _LEAD_BELOW]
    lead = [claim for claim in below if claim.outcome]
    for claim in claims:
        if claim.line != top or claim.type != "count":
            continue
        headline = len(claim.sentence.split()) <= _HEADLINE_WORDS and not claim.sentence.rstrip().endswith(".")
        if claim.outcome is None and headline:
            told = next((other for other in lead if _told_again(claim, other)), None)
            if told is not None:
                claim.outcome = told.outcome
        if claim.scope == "total" and claim.outcome == "gathered" and headline:
            _nationwide_below(claim, below)
        if (claim.scope == "total" and claim.outcome not in (None, "gathered") and headline
                and any(other.scope is None and other.outcome == claim.outcome and _told_again(claim, other)
                        for other in lead)):
            claim.scope = None  # "86 militants killed in 42 strikes" over "carried out 42 air strikes overnight ...,
            # killing 86 militants": the night's toll the lead tells, not a campaign's count
        if claim.place is None and headline:
            # "Porto Salvo joins national protest as 35,000 march" over "About 35,000 people marched through Porto
            # Salvo": the headline's crowd is the lead's, in the lead's town
            placed = [other.place for other in below if other.place and other.outcome == claim.outcome
                      and _told_again(claim, other)]
            if len(set(placed)) == 1:
                claim.place = placed[0]
        if claim.scope is None and any(other.scope == "whole" and other.value == claim.value
                                       and other.outcome == claim.outcome for other in lead):
            claim.scope = "whole"


def _nationwide_below(crowd: Claim, below: list[Claim]) -> None:
    """"800,000 march across Portugal, unions say" over "Unions said 800,000 people joined the marches, while the
    interior ministry put the figure at about 280,000": the lead's crowd, and the other source's account of it beside
    it, are the nation's too."""
    for told in [other for other in below if other.scope is None and other.outcome == "gathered"
                 and other.value == crowd.value and other.unit == crowd.unit]:  # a crowd, whatever its word
        for beside in below:
            if beside.sentence == told.sentence and beside.outcome == "gathered" and beside.scope is None:
                beside.scope = "total"


def _told_again(headline: Claim, other: Claim) -> bool:
    """Whether ``other`` tells the headline's figure again: the same value, unit and head noun."""
    return other.value == headline.value and other.unit == headline.unit and _same_head(headline.measure, other.measure)


def _same_head(first: str | None, second: str | None) -> bool:
    return first is None or (second is not None and first.lower().split()[-1] == second.lower().split()[-1])
