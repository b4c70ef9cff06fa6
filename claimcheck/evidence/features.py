"""What two figures' sentences share: content words and names, the words right beside each figure, and the
pieces of evidence :func:`claimcheck.evidence.judge` weighs."""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

from ..measure_keys import POSSESSIVE, joined_initials, singular
from ..lexicon import (AUXILIARIES, CONJUNCTIONS, DETERMINERS, MONTHS, NUMBER_WORDS, ORGANISATION_SUFFIXES,
                       PREPOSITIONS, PRONOUNS, SAY_VERBS, WEEKDAYS)
from ..model import Claim

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_CONTRACTED = re.compile(r"['’](?:m|ve|d|ll|re)$")  # "I'm", "We're": a pronoun, no name
_NAME = re.compile(r"(?<![\w'’-])(?!Mw?\d)[A-Z][\w'’-]*(?:\s+(?!Mw?\d)[A-Z][\w'’-]*)*")  # "M5.7" is a magnitude
_STOP = (DETERMINERS | PREPOSITIONS | CONJUNCTIONS | PRONOUNS | AUXILIARIES | SAY_VERBS | MONTHS | WEEKDAYS
         | {"said", "says", "also", "more", "than", "about", "some", "other", "there", "been", "being", "had", "were"}
         # the figures themselves: two sentences that agree share them, two that disagree do not
         | set(NUMBER_WORDS) | {"hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
                               "billions", "half", "dozens", "tens", "and"})

#: head words that say little about what is counted on their own
GENERIC_MEASURES = frozenset({
    "people", "person", "persons", "money", "distance", "duration", "number", "time", "times", "year", "years", "day",
    "days", "age", "count", "other", "others", "one", "ones", "man", "men", "woman", "women", "area", "volume", "weight",
    "speed", "temperature", "power", "energy", "percent", "total", "figure", "figures", "s", "thing", "things", "way",
    "part", "member", "members", "hour", "hours", "minute", "minutes", "week", "weeks", "month", "months"})

@lru_cache(maxsize=65536)
def sentence_terms(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """(content words, names) of a sentence."""
    names = set()
    for match in _NAME.finditer(joined_initials(sentence)):
        # "The US Geological Survey" is the survey, "Iran's" is Iran
        words = [_CONTRACTED.sub("", POSSESSIVE.sub("", word)) for word in match.group().lower().split()]
        while words and words[0] in _STOP:
            words = words[1:]
        if words:
            names.add(" ".join(words))
    return _content_words(sentence), frozenset(names)




#: words that end a firm's name, not what it is called by: "Kaneshiro Holdings" is Kaneshiro
_FIRM_WORDS = frozenset({word.lower() for word in ORGANISATION_SUFFIXES}
                        | {"holdings", "inc", "ltd", "plc", "ag", "sa", "nv", "co", "llc", "gmbh", "industries",
                           "technologies", "international", "systems", "solutions", "services"})


@lru_cache(maxsize=8192)
def name_keys(name: str) -> frozenset[str]:
    """The words a name is told again by: its last ("Mark Teixeira" is "Teixeira", "the New York Yankees" the
    "Yankees"), and a firm's name without the words that say it is a firm or where it is based ("Kaneshiro Holdings"
    is "Kaneshiro", "Reston-based Halcyon Systems Group" is "Halcyon"), and the initials of a name of three words or
    more."""
    words = [word.strip(".,") for word in name.lower().split()]
    while len(words) > 1 and words[0].endswith("-based"):  # "Reston-based Halcyon Systems Group" is Halcyon's
        words = words[1:]
    legal = list(words)
    while len(legal) > 1 and legal[-1] in _LEGAL_WORDS:
        legal = legal[:-1]
    while len(words) > 1 and words[-1] in _FIRM_WORDS:
        words = words[:-1]
    initials = "".join(word[0] for word in legal if word not in _NAME_LINKS)
    # "Electronic Data Systems" is told again as "EDS"
    return frozenset(words[-1:]) | ({initials} if len(initials) >= 3 else set())


#: words that end a firm's name as a legal form: left out of its initials ("Electronic Data Systems Corp" is "EDS")
_LEGAL_WORDS = frozenset({"inc", "corp", "corporation", "co", "company", "ltd", "plc", "llc", "ag", "sa", "nv", "gmbh",
                          "group", "holdings"})
_NAME_LINKS = frozenset({"the", "of", "and", "&", "for", "de"})


def _content_words(sentence: str) -> frozenset[str]:
    return frozenset(word.lower() for word in WORD.findall(sentence) if word.lower() not in _STOP and len(word) > 2)


def features(first: Claim, second: Claim, same_event: bool, figures: tuple[int, int] = (1, 1),
             heads: tuple[str | None, str | None] = (None, None)) -> dict[str, float]:
    """The evidence for and against two claims being one quantity, as numbers (0 or 1, or a count scaled to 1).
    ``figures``: how many different figures of this kind each claim's document (or source) states; ``heads``: the
    head words of their measures."""
    words_a, names_a = sentence_terms(first.sentence)
    words_b, names_b = sentence_terms(second.sentence)
    measure_words = set((first.measure or "").split()) | set((second.measure or "").split())
    shared_words = (words_a & words_b) - measure_words
    union = (words_a | words_b) - measure_words
    shared_names = names_a & names_b
    generic = any(head in GENERIC_MEASURES for head in heads)
    same_measure = bool(first.measure and first.measure == second.measure) or (heads[0] is not None and heads[0] == heads[1])
    subjects = (first.subject or "").lower().split()[-1:], (second.subject or "").lower().split()[-1:]
    same_document = first.doc == second.doc
    near_a, near_b = near(first), near(second)
    near_union = near_a | near_b
    slot = slot_match(first, second)
    copied = len(shared_words) / len(union) >= 0.5 if union else False
    return {
        "same_slot": slot if copied else 0.0,
        "other_slot": (1.0 - slot) if copied else 0.0,
        "near_words": len(near_a & near_b) / len(near_union) if near_union else 0.0,
        "same_event": float(same_event),
        "shared_names": min(len(shared_names), 3) / 3,
        "shared_words": len(shared_words) / len(union) if union else 0.0,
        "same_measure": float(same_measure),
        "specific_measure": float(not generic and None not in heads),
        "same_outcome": float(first.outcome is not None and first.outcome == second.outcome),
        "same_subject": float(bool(subjects[0]) and subjects[0] == subjects[1]),
        "same_source": float(bool(first.source) and (first.source or "").lower() == (second.source or "").lower()),
        "headline": float(first.line <= 2 or second.line <= 2),
        "generic_measure": float(generic and first.outcome is None),
        "scope_differs": float(first.scope != second.scope),
        "subject_differs": float(bool(subjects[0]) and bool(subjects[1]) and subjects[0] != subjects[1]),
        "same_document": float(same_document),
        "many_figures": min(max(figures) - 1, 3) / 3,
        "bounded": float(first.bound != "=" or second.bound != "="),
    }


_NEAR = 6  # content words on each side of a figure that say what it is


def near(claim: Claim, before: int = _NEAR, after: int = _NEAR) -> frozenset[str]:
    """Lemmas of the content words just before and after a figure (its measure, the verb that governs it): ``before``
    and ``after`` of them on each side."""
    return _near_words(claim.sentence, claim.text, before, after)


@lru_cache(maxsize=65536)
def _near_words(sentence: str, text: str, before: int, after: int) -> frozenset[str]:
    position = sentence.find(" ".join(text.split()))
    if position < 0:
        return frozenset()
    preceding = _content(sentence[:position])
    following = _content(sentence[position + len(text):])
    return frozenset(singular(word) for word in preceding[max(0, len(preceding) - before):] + following[:after])


def _content(text: str) -> list[str]:
    """The content words of a text, in lower case and in order."""
    return [word.lower() for word in WORD.findall(text) if word.lower() not in _STOP and len(word) > 2]


TOKEN = re.compile(r"[A-Za-z]+|\d+")
_SLOT = 3  # words on each side of a figure compared word by word


def slot_match(first: Claim, second: Claim) -> float:
    """How alike the words right beside two figures are, word by word (the same place in two copies of one
    sentence scores 1; two figures of one sentence score low)."""
    a, b = slot(first.sentence, first.text), slot(second.sentence, second.text)
    pairs = list(zip(a[0][::-1], b[0][::-1])) + list(zip(a[1], b[1]))
    return sum(x == y for x, y in pairs) / len(pairs) if pairs else 0.0


@lru_cache(maxsize=65536)
def slot(sentence: str, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    position = sentence.find(" ".join(text.split()))
    if position < 0:
        return (), ()
    before = [t.lower() for t in TOKEN.findall(sentence[:position]) if not t.isdigit()][-_SLOT:]
    after = [t.lower() for t in TOKEN.findall(sentence[position + len(text):]) if not t.isdigit()][:_SLOT]
    return tuple(before), tuple(after)


def before_figure(claim: Claim) -> str:
    """The part of a figure's sentence before it (none where the sentence does not write it as the claim does)."""
    return claim.sentence[:max(0, claim.sentence.find(claim.text))]


def after_figure(claim: Claim) -> str:
    """The rest of a figure's sentence after it."""
    return claim.sentence[claim.sentence.find(claim.text) + len(claim.text):]


@lru_cache(maxsize=65536)
def name_numbers(names: frozenset[str]) -> frozenset[int]:
    """Names as numbers, by the words each is told again by (see :func:`name_keys`): a page table of them stays one
    of counts."""
    return frozenset(zlib.crc32(key.encode("utf-8")) for name in names for key in name_keys(name))
