"""Whether a figure is told of another incident, group or deal than its page's own: "another 5 were killed", "the
Angels also agreed to a $77.5 million deal", "Google's previous biggest deal". Such a figure is neither the page's
own figure nor an account of another page's."""

from __future__ import annotations

import re

from ..lexicon import ROLES
from ..model import Claim
from .features import WORD

#: words that say a figure is of another incident or another group ("another attack", "were also killed")
ANOTHER_WORDS = frozenset({"another", "also", "separate", "separately", "other", "further", "additional", "including"})


def other_incident_words(claim: Claim) -> set[str]:
    """The words of a figure's clause that make it another incident's or group's ("four members of a family were
    also killed"); words of other clauses say nothing of it ("reports suggesting its artillery may also have hit the
    town, saying that 61 bodies had been recovered"; "1,400 had fled, including dozens of militants")."""
    clause = clause_around(claim.sentence, claim.sentence.find(claim.text), len(claim.text))
    return {word.lower() for word in WORD.findall(clause)} & (ANOTHER_WORDS | {"well"})


def clause_around(sentence: str, position: int, length: int) -> str:
    """The clause of a sentence that holds the text at ``position``: between the clause marks around it."""
    ends = [found for mark in _CLAUSE_MARKS if (found := sentence.find(mark, position + length)) >= 0]
    return sentence[clause_start(sentence, position):min(ends, default=len(sentence))]


def clause_start(sentence: str, position: int) -> int:
    """Where the clause holding ``position`` begins: after the last clause mark before it."""
    return max(sentence.rfind(mark, 0, position) for mark in _CLAUSE_MARKS) + 1


_CLAUSE_MARKS = (",", ";", ":", "(", ")", "—", " - ")
#: "also" of someone's telling, not of what is told: "I'm also hearing there's a $25 million signing bonus", "the
#: ministry also said 40 were hurt"
_ALSO_TELLING = re.compile(r"\balso\s+(?:said|says|say|saying|told|tells|reported|reports|reporting|hearing|heard|"
                           r"hears|noted|notes|added|adds|confirmed|confirms|learned|understands|understood)\b", re.I)


def told_of_another(claim: Claim, parts: bool = False) -> bool:
    """Whether the words right around a figure make it another incident's or group's ("another 5 were killed",
    "5 people were also killed"), not words further on ("two were killed and another wounded": another person).
    With ``parts`` (a part set against another part: "including three children"), "including" is what makes it a
    part of its page's toll, not another group."""
    position = claim.sentence.find(claim.text)
    if position < 0:
        return False
    start = clause_start(claim.sentence, position)
    after = [word for word in WORD.findall(claim.sentence[position + len(claim.text):])[:3]
             if word.lower() != "including"]  # "has climbed to 35, including six children": its parts follow
    offset = claim.type == "duration" and bool(after) and after[0].lower() in _OFFSET_WORDS
    if offset:  # "nine days earlier", "two weeks before the shooting": what a length of time is counted to
        after = after[1:]
    near_words = WORD.findall(_ALSO_TELLING.sub(" ", claim.sentence[start:position])) + after
    opener = claim.sentence[:claim.sentence.find(",")] if 0 < claim.sentence.find(",") < start else ""
    if len(WORD.findall(opener)) <= _OPENER_WORDS:  # "In a separate attack, three brothers were killed"
        near_words += WORD.findall(opener)
    told = {word.lower() for word in near_words} & (ANOTHER_WORDS | _BEFORE_THIS) - ({"including"} if parts else set())
    told |= {word.lower() for word in WORD.findall(claim.sentence[start:position])} & _ANOTHER_PLACE
    if told == {"also"} and _THE_EVENT_ALSO.search(claim.sentence[start:position]):
        told = set()  # "The shooting also left four police officers wounded": the page's event, another of its tolls
    return (bool(told) or bool(_PREVIOUS.search(claim.sentence[:position])) or told_as_more(claim)
            or bool(_A_PAST_EVENT.search(claim.sentence[:position]))
            or _of_a_years_event(claim, claim.sentence[:position])
            or bool(_CAME_AFTER.search(claim.sentence[:position]))
            or bool(_BACK_THEN.search(claim.sentence[:position]))
            or told_as_unreal(claim)
            or (not offset and bool(_BEFORE_THE_EVENT.match(claim.sentence, position + len(claim.text)))))


def told_as_unreal(claim: Claim) -> bool:
    """Whether a figure is of what would or could be, or what someone asks for or expects, no account of what is:
    "which would mean something like 2.3 million pounds", "hold out for at least 1,800p a share", 'expected "tens of
    thousands"', "about 1,500 jobs could go"."""
    position = claim.sentence.find(claim.text)
    before = claim.sentence[max(0, position - 60):max(0, position)]
    after = claim.sentence[position + len(claim.text):position + len(claim.text) + 60] if position >= 0 else ""
    return position >= 0 and bool(_WHAT_WOULD_BE.search(before) or _ASKED_FOR.search(before[-40:])
                                   or _EXPECTED.search(before[-40:]) or _COULD_GO.match(after))


#: a figure of an earlier deal or record than the page's own: "Google's previous biggest deal was DoubleClick, at $3.1
#: billion", "breaking his prior record of 52", "Arden's opening A$2.40 bid was a 35% premium"
_PREVIOUS = re.compile(r"\b(?:previous|prior|former|opening|original|initial|earlier|rejected)\s+(?:[\w$.,-]+\s+){0,2}?"
                       r"(?:deal|acquisition|takeover|purchase|record|high|contract|offer|bid)s?\b|\bfirst\s+(?:offer|bid)s?\b",
                       re.I)


#: words for a happening a page may report, or recall beside its own
_HAPPENINGS = (r"shooting|attack|blast|explosion|bombing|(?:earth)?quake|tremor|fire|blaze|storm|cyclone|hurricane|"
               r"typhoon|crash|flood(?:ing|s)?|stampede|landslide|riots?|disaster")
#: an event of a month or a year named as its own, told beside the page's: "close to that of February's earthquake in
#: southern Peru, which killed 34", "last year's floods"
_A_PAST_EVENT = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                           r"November|December|last\s+(?:year|month)|the\s+previous\s+(?:year|month))['’]s\s+"
                           rf"(?:[\w-]+\s+){{0,2}}?(?:{_HAPPENINGS})\b")

#: an event told by its year: "the scene of a 2021 massacre in which 46 inmates died", "the 2012 quake killed 51"
_A_YEARS_EVENT = re.compile(r"\b(?P<article>a|an|the)\s+(?P<year>(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}?"
                            rf"(?:{_HAPPENINGS}|massacre|siege|uprising|mutiny|riot)s?\b", re.I)


def _of_a_years_event(claim: Claim, before: str) -> bool:
    """Whether a figure is told of an event named by its year: always "a 2021 massacre" (not the page's own), and "the
    2012 quake" when the figure's page is of another year."""
    for found in _A_YEARS_EVENT.finditer(before):
        if found.group("article").lower() != "the" or (claim.date and claim.date[:4] != found.group("year")):
            return True
    return False


#: a figure of what would or could be, no account of what is: "which would mean something like £2.3 million", "the toll
#: could rise to 100"
_WHAT_WOULD_BE = re.compile(r"\b(?:would|could|might)\s+(?:well\s+)?(?:mean|amount\s+to|be|total|come\s+to|reach|"
                            r"cost|rise\s+to|climb\s+to|exceed|top)\s+(?:something\s+like|in\s+the\s+region\s+of|"
                            r"about|around|some|roughly|nearly|as\s+much\s+as|as\s+many\s+as|more\s+than|over|up\s+to)?"
                            r"\s*$", re.I)
#: what someone asks for or values a firm at, not what was agreed: "called on the board to hold out for at least
#: 1,800p a share", "said in a letter that the company was worth at least $45 a share" (a ransom demanded and a term
#: prosecutors sought are roles of their own, not asks)
_ASKED_FOR = re.compile(r"\b(?:hold(?:ing)?\s+out\s+for|push(?:ed|ing|es)?\s+for|"
                        r"should\s+(?:pay|get|receive|fetch|be\s+worth)|"
                        r"(?:company|firm|business|group)\s+(?:is|was)\s+worth)\s*$", re.I)
#: what could befall what is counted, no account of what did: "executives said about 1,500 jobs could go"
_COULD_GO = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:could|might|may)\s+(?:go|be\s+(?:cut|lost|shed|axed|affected|"
                       r"eliminated))\b", re.I)
#: what someone expects or hopes for: 'said he would hold another rally and expected "tens of thousands"'
_EXPECTED = re.compile(r"\b(?:expect(?:s|ed|ing)?|predict(?:s|ed|ing)?|forecast(?:s|ing)?|hop(?:es|ed|ing)\s+for|"
                       r"anticipat(?:es|ed|ing))\s*[\"“']?\s*$", re.I)
#: words that tell of an aftershock, another quake than its page's main one ("a strong aftershock", "a second quake")
AFTERSHOCK = re.compile(r"\bafter-?shocks?\b|\bsecond\s+(?:(?:strong|powerful|major|deadly)\s+)?(?:earth)?quake\b",
                        re.I)
#: words for a quake, the main shock's where no word for an aftershock holds them ("the main shock", "the quake")
A_QUAKE = re.compile(r"\b(?:(?:earth)?quakes?|main\s*shocks?)\b", re.I)


def quake_words(sentence: str) -> list[int]:
    """Where a sentence names a quake other than by a word for an aftershock ("a second quake" is one)."""
    shocks = [(found.start(), found.end()) for found in AFTERSHOCK.finditer(sentence)]
    return [found.start() for found in A_QUAKE.finditer(sentence)
            if not any(start <= found.start() < end for start, end in shocks)]


#: a time the sentence before told of, gone by: "He was drafted in 2000. His signing bonus then was $385,000."
_BACK_THEN = re.compile(r"\b(?:then\s+(?:was|were|stood|totalled|totaled|came\s+to)|(?:was|were)\s+then)\s+"
                        r"(?:[\w-]+\s+){0,2}$", re.I)
#: an earlier incident the page's own came after: "The strike came a month after 12 people were killed at a bakery"
_CAME_AFTER = re.compile(r"\b(?:came|comes|follows|followed)\s+(?:just\s+|only\s+)?(?:a|an|one|two|three|four|five|six|"
                         r"seven|eight|nine|ten|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+after\s+"
                         r"(?:[\w'’-]+\s+){0,3}$", re.I)
#: a count of the time before the page's event: "already hosted some 340,000 displaced people before the attack"
_BEFORE_THE_EVENT = re.compile(r"[^,;.]{0,60}?\bbefore\s+the\s+(?:attack|strike|raid|bombing|shooting|blast|explosion|"
                               r"(?:earth)?quake|storm|flood(?:ing|s)?|fire|war|offensive|crash|disaster)\b", re.I)

#: the page's event told as doing more: "The shooting also left four police officers wounded", "the quake has also
#: destroyed 200 homes"
_THE_EVENT_ALSO = re.compile(r"\b(?:the|this|its|their|[A-Z][a-z]+day['’]s)\s+(?:[\w-]+\s+){0,2}?"
                             rf"(?:{_HAPPENINGS}|collision|crush|rampage|violence|fighting|clashes|sinking|derailment|"
                             r"accident|tragedy)\s+(?:has\s+|have\s+|had\s+)?also\b", re.I)
#: "brought up 14 more bodies": an addition to a count, not the count ("14 more than" compares)
_MORE_AFTER = re.compile(r"\s+more\s+(?!than\b)[a-z]", re.I)


def told_as_more(claim: Claim) -> bool:
    """Whether a figure is told as more of what is counted ("identify some 200 more protesters"), not as all of it,
    or as some of such more ("found three more bodies, two of them in Harlow County")."""
    position = claim.sentence.find(claim.text)
    return position >= 0 and bool(_MORE_AFTER.match(claim.sentence, position + len(claim.text))
                                  or (_OF_THEM.match(claim.sentence, position + len(claim.text))
                                      and _AFTER_MORE.search(claim.sentence, 0, position)))


_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|whom)\b", re.I)
_AFTER_MORE = re.compile(r"\bmore\s+(?!than\b)[a-z]+(?:\s+[a-z]+)?\s*,\s*$", re.I)


def either_of_another(first: Claim, second: Claim, named: bool = False) -> bool:
    """Whether either figure is told as another incident's or group's. "Including" makes a figure a part of another:
    not where both are parts ("including three children" against "including two children"), nor where the figures
    are ``named`` by their own noun, which says what they are ("$70 million in guarantees, including a $30 million
    signing bonus")."""
    parts = named or first.scope == second.scope == "part"
    return told_of_another(first, parts) or told_of_another(second, parts)


#: what follows a length of time counted before or after something: "nine days earlier", "two weeks before"
_OFFSET_WORDS = frozenset(ROLES["offset"]["after"])
#: "Earlier this month, ...": background; "Hours later, a strike hit a market": the next incident
_BEFORE_THIS = frozenset({"elsewhere", "earlier", "previously", "formerly", "later", "meanwhile"})
#: another place's, before the figure in its clause: "a drone strike on the nearby camp killed six" (not "fell 20
#: metres into a crevasse nearby", where the page's own fall may be told)
_ANOTHER_PLACE = frozenset({"nearby", "neighbouring", "neighboring"})
_OPENER_WORDS = 5  # words of a sentence's opening phrase that may set what follows apart ("In a separate attack,")
