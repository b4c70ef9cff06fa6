"""How strongly two claims report the same quantity, and why.

Two figures of one fact (same measure, event, dimension, outcome) may still be about different things: a season's
touchdowns and a career's, the injured at one scene and at another, two people's ages. The evidence that they are one
quantity is read from their sentences and documents: the same event, names and words shared by the two sentences,
the same specific measure (not a generic one such as "people" or a duration), the same person for an age, neither a
part of a whole nor a running total the other is not, and, within one document, different sources. What the figures
say is left out on purpose: the evidence must be as strong for two figures that disagree as for two that agree, or
no disagreement could ever be found. Each piece of
evidence has a weight (``evidence.json``, fitted on labelled real news with ``scripts/fit_evidence.py``); their sum
gives a confidence between 0 and 1, and the pieces that count most are what a finding quotes.
"""

from __future__ import annotations

import importlib.resources
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from .facts import NAME_SUFFIXES, canonical_name, head_key, measure_class, measure_key, singular
from .lexicon import (AUXILIARIES, CONJUNCTIONS, DETERMINERS, MONTHS, NUMBER_WORDS, PREPOSITIONS, PRONOUNS, SAY_VERBS,
                      WEEKDAYS)
from .model import Claim

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
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

#: what each piece of evidence is called in a finding's message
DESCRIPTIONS = {
    "same_event": "same event",
    "shared_names": "names in common",
    "shared_words": "words in common",
    "same_measure": "same measure",
    "specific_measure": "a specific measure",
    "same_outcome": "same outcome",
    "same_subject": "same subject",
    "same_source": "same source",
    "headline": "a headline figure",
    "generic_measure": "only a generic measure in common",
    "scope_differs": "one is a part or a running total, the other not",
    "subject_differs": "different subjects",
    "same_document": "both in one document",
    "many_figures": "several figures of this measure in one source",
    "bounded": "a bounded figure",
    "near_words": "the same words beside the figures",
    "same_slot": "the same place in the same sentence",
    "other_slot": "another place in the same sentence",
}


@dataclass(frozen=True)
class Evidence:
    """The confidence that two claims report one quantity, the pieces of evidence behind it (strongest first), and
    the anchors: what ties them to one quantity strongly enough that their disagreeing is a contradiction."""

    confidence: float
    for_: tuple[str, ...]
    against: tuple[str, ...]
    anchors: tuple[str, ...] = ()
    vetoes: tuple[str, ...] = ()
    caveats: tuple[str, ...] = ()  # what leaves an anchored pair short of a contradiction ("one of them undated")
    apart: bool = False  # a veto that holds even for a pair much alike: never grouped as one quantity

    @property
    def strong(self) -> bool:
        return bool(self.anchors) and not self.vetoes

    @property
    def conclusive(self) -> bool:
        """Strong enough that the two figures disagreeing is a contradiction."""
        return self.strong and not self.caveats

    def describe(self) -> str:
        if self.strong:
            caveats = f", but {', '.join(self.caveats)}" if self.caveats else ""
            return f"one quantity: {'; '.join(self.anchors)}{caveats} (confidence {self.confidence:.2f})"
        parts = [", ".join(self.for_) or "little in common"]
        if self.against or self.vetoes:
            parts.append("but " + ", ".join((*self.vetoes, *self.against)))
        return f"same quantity? {'; '.join(parts)} (confidence {self.confidence:.2f})"


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The weight of each piece of evidence, and the ``bias`` (what a pair with no evidence at all starts from)."""
    data = json.loads((importlib.resources.files(__package__) / "evidence.json").read_text(encoding="utf-8"))
    return {name: float(value) for name, value in data["weights"].items()}


@lru_cache(maxsize=1)
def thresholds() -> dict[str, float]:
    data = json.loads((importlib.resources.files(__package__) / "evidence.json").read_text(encoding="utf-8"))
    return {name: float(value) for name, value in data["thresholds"].items()}


@lru_cache(maxsize=65536)
def _sentence_terms(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """(content words, names) of a sentence."""
    words = frozenset(word.lower() for word in _WORD.findall(sentence) if word.lower() not in _STOP and len(word) > 2)
    names = set()
    for match in _NAME.finditer(sentence):
        name = " ".join(match.group().split())
        if " " in name or name.lower() not in _STOP:
            names.add(name.lower())
    return words, frozenset(names)


def features(first: Claim, second: Claim, same_event: bool, figures: tuple[int, int] = (1, 1),
             heads: tuple[str | None, str | None] = (None, None)) -> dict[str, float]:
    """The evidence for and against two claims being one quantity, as numbers (0 or 1, or a count scaled to 1).
    ``figures``: how many different figures of this kind each claim's document (or source) states; ``heads``: the
    head words of their measures."""
    words_a, names_a = _sentence_terms(first.sentence)
    words_b, names_b = _sentence_terms(second.sentence)
    measure_words = set((first.measure or "").split()) | set((second.measure or "").split())
    shared_words = (words_a & words_b) - measure_words
    union = (words_a | words_b) - measure_words
    shared_names = names_a & names_b
    generic = any(head in GENERIC_MEASURES for head in heads)
    same_measure = bool(first.measure and first.measure == second.measure) or (heads[0] is not None and heads[0] == heads[1])
    subjects = (first.subject or "").lower().split()[-1:], (second.subject or "").lower().split()[-1:]
    same_document = first.doc == second.doc
    near_a, near_b = _near(first), _near(second)
    near_union = near_a | near_b
    slot = _slot_match(first, second)
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


def _near(claim: Claim) -> frozenset[str]:
    """Lemmas of the content words just before and after a figure (its measure, the verb that governs it)."""
    return _near_words(claim.sentence, claim.text)


@lru_cache(maxsize=65536)
def _near_words(sentence: str, text: str) -> frozenset[str]:

    position = sentence.find(" ".join(text.split()))
    if position < 0:
        return frozenset()
    before = [w.lower() for w in _WORD.findall(sentence[:position]) if w.lower() not in _STOP and len(w) > 2][-_NEAR:]
    after = [w.lower() for w in _WORD.findall(sentence[position + len(text):]) if w.lower() not in _STOP and len(w) > 2][:_NEAR]
    return frozenset(singular(word) for word in before + after)


_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_SLOT = 3  # words on each side of a figure compared word by word


def _slot_match(first: Claim, second: Claim) -> float:
    """How alike the words right beside two figures are, word by word (the same place in two copies of one
    sentence scores 1; two figures of one sentence score low)."""
    a, b = _slot(first.sentence, first.text), _slot(second.sentence, second.text)
    pairs = list(zip(a[0][::-1], b[0][::-1])) + list(zip(a[1], b[1]))
    return sum(x == y for x, y in pairs) / len(pairs) if pairs else 0.0


@lru_cache(maxsize=65536)
def _slot(sentence: str, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    position = sentence.find(" ".join(text.split()))
    if position < 0:
        return (), ()
    before = [t.lower() for t in _TOKEN.findall(sentence[:position]) if not t.isdigit()][-_SLOT:]
    after = [t.lower() for t in _TOKEN.findall(sentence[position + len(text):]) if not t.isdigit()][:_SLOT]
    return tuple(before), tuple(after)


def figures_per_source(claims: list[Claim]) -> Counter:
    """How many different figures of some claims each source states, per place it names: a source that gives two
    death tolls (of one place) leaves open which is meant; one that gives a crowd for Athens and another for
    Thessaloniki does not."""
    values: dict[tuple, set] = {}
    for claim in claims:
        if claim.scope not in ("conversion", "whole"):  # "20 km (12 miles)" states one figure; "two of the three" one
            values.setdefault(source_key(claim), set()).add((claim.value, claim.bound))
    for (doc, source, place), found in list(values.items()):
        if place is not None:  # a figure with no place may be of any place the source names
            found |= values.get((doc, source, None), set())
    return Counter({key: len(found) for key, found in values.items()})


def page_figures(claims: list[Claim], synonyms) -> Counter:
    """How many different counts of people killed (injured, ...) and of each measure each document gives, whoever
    says them: a page that tells of many incidents (a long article, a chronicle) has no one toll or tally that
    another page's could contradict. Per place as well: a page that gives one crowd for each of five cities gives few
    for each city (its unplaced figures count for every one of them)."""
    values: dict[tuple, set] = {}
    placed: dict[tuple, dict[str | None, set]] = {}
    for claim in claims:
        if claim.type != "count" or claim.scope == "conversion":
            continue
        figure = (claim.value, claim.bound)
        if claim.outcome in _ANCHORED_OUTCOMES:
            values.setdefault(("document", claim.doc, claim.outcome), set()).add(figure)
            place = canonical_name("place", claim.place, synonyms) if claim.place else None
            placed.setdefault((claim.doc, claim.outcome), {}).setdefault(place, set()).add(figure)
        head = head_key(claim.measure, synonyms)
        if head:
            values.setdefault(("measure", claim.doc, head), set()).add(figure)
    for (doc, outcome), by_place in placed.items():
        for place, found in by_place.items():
            if place is not None:
                values[("document", doc, outcome, place)] = found | by_place.get(None, set())
    return Counter({key: len(found) for key, found in values.items()})


def page_tolls(claim: Claim, figures: Counter | FigureCounts, synonyms) -> int:
    """How many different counts of the claim's outcome its page gives, for its place when it names one."""
    if claim.place:
        return figures[("document", claim.doc, claim.outcome, canonical_name("place", claim.place, synonyms))]
    return figures[("document", claim.doc, claim.outcome)]


class FigureCounts:
    """Counts from several tables read as their sum, without copying them: a fact's figures per source beside the
    page counts of the whole set (adding Counters copied the set's table once per fact)."""

    def __init__(self, *tables: Counter) -> None:
        self.tables = tables

    def __getitem__(self, key) -> int:
        total = 0
        for table in self.tables:
            total += table.get(key, 0)
        return total


def few_on_page(claim: Claim, figures: Counter | FigureCounts, synonyms) -> bool:
    """Whether the claim's page gives few different figures of its measure (see :func:`page_figures`)."""
    tolls = figures[("document", claim.doc, claim.outcome)] if claim.outcome in _ANCHORED_OUTCOMES else 0
    return max(tolls, figures[("measure", claim.doc, head_key(claim.measure, synonyms))]) <= FIGURES_PER_PAGE


def source_key(claim: Claim) -> tuple:
    return claim.doc, claim.source, (claim.place or None)


def weigh(first: Claim, second: Claim, events: dict[str, str | None], figures: Counter | FigureCounts, synonyms) -> Evidence:
    """The evidence that two claims of one group report one quantity (``figures``: of the group, per source, and
    :func:`page_figures` of all claims, per document)."""
    event = events.get(first.doc)
    same_event = event is not None and event == events.get(second.doc)
    counts = (figures[source_key(first)], figures[source_key(second)])
    tolls = tuple(page_tolls(claim, figures, synonyms) for claim in (first, second))
    evidence = judge(features(first, second, same_event, counts,
                              (head_key(first.measure, synonyms), head_key(second.measure, synonyms))))
    found, against = anchors(first, second, counts, synonyms, tolls), vetoes(first, second)
    apart = bool(against) and bool(vetoes(first, second, strict=False))
    return replace(evidence, anchors=found, vetoes=against, apart=apart)


_ANCHORED_OUTCOMES = {"killed", "injured", "gathered", "captured", "displaced", "missing"}
#: words for people that say nothing more than that: counts of them may be the event's one count of dead or hurt
GENERIC_PEOPLE = frozenset({"people", "person", "persons", "dead", "victim", "casualty", "other", "individual"})
FIGURES_PER_PAGE = 3  # different counts of one outcome or measure a news page gives (a toll, its update, a part)
LEAD_LINES = 8  # lines of a document in which its event's main figures are told (background comes later)
#: words that say which period a figure covers: figures of different periods are different quantities
_PERIODS = frozenset({"career", "season", "game", "week", "month", "year", "quarter", "half", "lifetime", "today",
                      "yesterday", "tonight", "weekend", "overnight", "daily", "annual", "annually", "monthly"})
_SPEC = re.compile(r"\b\d+(?:\.\d+)?\s?-?\s?(?:inch|gb\b|tb\b|ghz|mhz|mp\b|megapixel|-core)", re.I)


def anchors(first: Claim, second: Claim, figures: tuple[int, int], synonyms,
            tolls: tuple[int, int] = (1, 1)) -> tuple[str, ...]:
    """What ties two figures to one quantity beyond doubt: two copies of one sentence with the figure in the same
    place (of the same name); an age, a record or a count of the same named person; across documents, the only count
    of people killed (injured, marching ...) each source gives."""
    found = []
    words_a, _ = _sentence_terms(first.sentence)
    words_b, _ = _sentence_terms(second.sentence)
    union = words_a | words_b
    if (union and len(words_a & words_b) / len(union) >= 0.5 and _slot_match(first, second) >= 0.66
            and _same_word_before(first, second) and _same_name_before(first, second)):
        found.append("the same sentence in both sources, the figure in the same place")
    same_person = _same_person(first.subject, second.subject)
    if same_person is None and first.type == "score" and first.subject and second.subject:
        same_person = _same_person(first.subject.split()[-1], second.subject.split()[-1]) is not False  # one record
    if same_person and first.subject.lower().startswith("the ") and figures != (1, 1):
        same_person = False  # "the girl" of a source that gives two girls' ages: which one is open
    if (same_person and first.type == second.type
            and (first.type in ("age", "score") or head_key(first.measure, synonyms) == head_key(second.measure, synonyms))):
        found.append(f"both the {first.type if first.type in ('age', 'score') else first.measure} of {first.subject}")
    # within one document, "the only figure each source gives" rests on reading who says what: too weak an anchor
    single = (figures == (1, 1) and first.scope == second.scope and first.doc != second.doc
              and not _another_of_head(first, synonyms) and not _another_of_head(second, synonyms))
    heads = head_key(first.measure, synonyms), head_key(second.measure, synonyms)
    same_people = (heads[0] == heads[1] or (heads[0] in GENERIC_PEOPLE and heads[1] in GENERIC_PEOPLE)
                   or first.outcome == "gathered")  # a crowd is one crowd, whatever word counts it
    names_a, names_b = _sentence_terms(first.sentence)[1], _sentence_terms(second.sentence)[1]
    same_place = first.place is not None and (canonical_name("place", first.place, synonyms)
                                              == canonical_name("place", second.place, synonyms))
    placed = bool(names_a & names_b) or same_place or (first.line <= LEAD_LINES and second.line <= LEAD_LINES)
    few = all(count <= FIGURES_PER_PAGE for count in tolls)
    if (single and few and first.outcome in _ANCHORED_OUTCOMES and first.outcome == second.outcome and same_people
            and placed and measure_class(first.measure, synonyms) == "person" == measure_class(second.measure, synonyms)):
        found.append(f"the only count of people {first.outcome} each source gives")
    if (single and first.type == second.type == "magnitude" and names_a & names_b and _days_apart(first, second) <= 3
            and all(count <= 1 for count in (_figures_of("magnitude", first.sentence), _figures_of("magnitude", second.sentence)))):
        found.append("the only magnitude each source gives, of a quake both name")  # a fact is of one event
    if (figures == (1, 1) and first.doc == second.doc and first.scope == second.scope
            and first.outcome in _ANCHORED_OUTCOMES and first.outcome == second.outcome and same_people
            and abs(first.line - second.line) <= _NEAR_LINES  # "officials said over 100 died; the monitor said 10"
            and _told_against(first, second)
            and (_two_sources(first, second) or (_one_source(first, second) and first.line == second.line
                                                 and heads[0] == heads[1] and heads[0] not in GENERIC_PEOPLE))):
        found.append(f"the one count of people {first.outcome} each of two sources on one page gives")
    if (figures == (1, 1) and first.sentence == second.sentence and first.doc == second.doc and _two_sources(first, second)
            and first.scope == second.scope and heads[0] == heads[1] and heads[0] not in GENERIC_MEASURES
            and heads[0] not in GENERIC_PEOPLE and _ESTIMATES.search(first.sentence)):
        found.append(f"estimates of one number of {first.measure} by two sources, in one sentence")
    # the only figure of a thing each source gives anchors only a thing named in three words or more ("distance
    # east of deconfliction line"): articles give one figure each of many plain things (games, carries, seasons)
    # that are not one quantity across them
    key = measure_key(first.measure, synonyms)
    if (single and few and key and key == measure_key(second.measure, synonyms) and len(key.split()) >= 3
            and head_key(first.measure, synonyms) not in GENERIC_MEASURES and len(_near(first) & _near(second)) >= 2):
        found.append(f"the only figure of {key} each source gives, in the same words")
    return tuple(found)


_NEAR_LINES = 3  # lines apart two sources' figures on one page are set against each other


#: words with which a sentence lists several sources' estimates of one number ("estimates ranging from 400 ... to 700")
_ESTIMATES = re.compile(r"\b(?:estimates|estimated|disputed|ranging|ranged|varied|vary|varying|conflicting)\b", re.I)
#: words with which a page sets one account against another ("However, state media said 10 had been killed")
_CONTRAST = frozenset({"however", "but", "while", "whereas", "although", "though", "disputed", "contradicted",
                       "contrast", "denied", "instead"})
#: words that say a figure is of another incident or another group ("another attack", "were also killed")
_ANOTHER = frozenset({"another", "also", "separate", "separately", "other", "further", "additional", "including"})


def _told_against(first: Claim, second: Claim) -> bool:
    """Whether the later of two figures on one page is told against the earlier: a word of contrast in its sentence,
    no word that makes it another incident's, and the same words beside both figures ("Russian mercenaries ...
    killed"), not "16 of the dead" against "21 of the dead"."""
    earlier, later = sorted((first, second), key=lambda claim: (claim.line, claim.start))
    words = {word.lower() for word in _WORD.findall(later.sentence)}
    parts = [claim for claim in (first, second) if claim.sentence[claim.sentence.find(claim.text) + len(claim.text):]
             .lstrip().lower().startswith("of ")]
    return (bool(words & _CONTRAST) and not words & _ANOTHER and not parts
            and len(_near(first) & _near(second)) >= 2)


def _two_sources(first: Claim, second: Claim) -> bool:
    """Whether two figures are attributed to two different, named sources."""
    sources = [" ".join((claim.source or "").lower().split()) for claim in (first, second)]
    return all(sources) and sources[0] != sources[1] and sources[0] not in sources[1] and sources[1] not in sources[0]


def _same_word_before(first: Claim, second: Claim) -> bool:
    """Whether the word right before both figures is the same ("served four months" and "served five months";
    not "is averaging 15.5 points" and "is down almost five points")."""
    before = _slot(first.sentence, first.text)[0][-1:], _slot(second.sentence, second.text)[0][-1:]
    return before[0] == before[1]


def _days_apart(first: Claim, second: Claim) -> int:
    """Days between two figures' dates (0 when either is undated): two quakes a month apart are two quakes, however
    alike their stories."""
    from datetime import date

    try:
        return abs((date.fromisoformat(first.date) - date.fromisoformat(second.date)).days)
    except (TypeError, ValueError):
        return 0


def _one_source(first: Claim, second: Claim) -> bool:
    """Whether one figure is attributed and the other not ("over 100 were reported killed. However, state media said
    10 had been killed"): in one paragraph, of one named thing, that is two accounts too."""
    return bool(first.source) != bool(second.source)


def _same_name_before(first: Claim, second: Claim) -> bool:
    """Whether the figures are said of the same name, where both sentences name someone just before them ("Miller
    is averaging 15.5 points" is no copy of "Dalembert is averaging 5 points")."""
    names = _name_before(first.sentence, first.text), _name_before(second.sentence, second.text)
    return not all(names) or names[0] == names[1]


@lru_cache(maxsize=65536)
def _name_before(sentence: str, text: str) -> str | None:
    position = sentence.find(" ".join(text.split()))
    if position <= 0:
        return None
    words = _TOKEN.findall(sentence[:position])[-6:]
    capitalised = [word for index, word in enumerate(words) if word[:1].isupper() and (index or position > 40)]
    return capitalised[-1].lower() if capitalised else None


def _another_of_head(claim: Claim, synonyms) -> bool:
    """Whether the claim's sentence gives another figure of its head noun ("seven consecutive life sentences and four
    sentences of life without parole"): then which of them a source's one figure matches is open."""
    head = head_key(claim.measure, synonyms)
    return bool(head) and head not in GENERIC_PEOPLE and _figures_of(head, claim.sentence) >= 2


_FIGURE = r"(?:\d[\d,.]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"


@lru_cache(maxsize=4096)
def _figures_of(head: str, sentence: str) -> int:
    return len(re.findall(rf"\b{_FIGURE}\s+(?:[\w-]+\s+){{0,3}}?{re.escape(head)}(?:e?s)?\b", sentence, re.I))


def vetoes(first: Claim, second: Claim, strict: bool = True) -> tuple[str, ...]:
    """What says two figures are not one quantity, whatever else they share. Not ``strict``: only what says they
    are two quantities however alike they are (a part and its whole, two periods, two people), not what leaves their
    contradicting open (an outcome one does not say; a conversion or a running total of the other; two sources' figures
    in one sentence): figures so vetoed are never grouped as one fact."""
    found = []
    if first.scope != second.scope and (strict or {first.scope, second.scope} & {"part", "whole"}):
        found.append(f"{_scope_name(first.scope)} against {_scope_name(second.scope)}")
    named = strict or all(len((subject or "").split()) >= 2 for subject in (first.subject, second.subject))
    if named and _same_person(first.subject, second.subject) is False:  # a one-word subject may be a place misread
        found.append(f"about {first.subject} and {second.subject}")
    if first.type != second.type:
        found.append(f"{first.type} against {second.type}")
    if first.outcome != second.outcome and first.type == "count" and (strict or None not in (first.outcome, second.outcome)):
        found.append(f"{first.outcome or 'no outcome said'} against {second.outcome or 'no outcome said'}")
    words_a, _ = _sentence_terms(first.sentence)
    words_b, _ = _sentence_terms(second.sentence)
    union = words_a | words_b
    if (strict and union and len(words_a & words_b) / len(union) >= 0.7 and _slot_match(first, second) < 0.34
            and not (first.sentence == second.sentence and _two_sources(first, second))):  # two sources' estimates
        found.append("different figures of one sentence")
    measured = set((first.measure or "").split()) | set((second.measure or "").split())
    measured |= {word.rstrip("s") for word in measured}
    periods = (_near(first) & _PERIODS) - measured, (_near(second) & _PERIODS) - measured
    if all(periods) and not periods[0] & periods[1]:
        found.append(f"different periods ({', '.join(sorted(periods[0]))} against {', '.join(sorted(periods[1]))})")
    if first.type == second.type == "score" and min(first.value, second.value) > 0 \
            and max(first.value, second.value) / min(first.value, second.value) > 3:
        found.append("a record against a game's score")  # 7-2 and 91-73
    specs = _specs(first.sentence), _specs(second.sentence)
    if specs[0] and specs[1] and not specs[0] & specs[1]:
        found.append("different models")
    return tuple(found)


@lru_cache(maxsize=65536)
def _specs(sentence: str) -> frozenset[str]:
    """A product's sizes and capacities named in a sentence ("13-inch", "256GB"): what tells models apart."""
    return frozenset(re.sub(r"[\s-]", "", match.group()).lower() for match in _SPEC.finditer(sentence))


def _same_person(first: str | None, second: str | None) -> bool | None:
    """Whether two names are one person: the same last name and first names alike ("Catherine Gomes", "Katherine
    Gomes", "Kathryn Gomes"); None when either gives no name, or only a last name (then nothing is known)."""
    if not first or not second:
        return None
    from difflib import SequenceMatcher

    if first.lower().startswith("the ") or second.lower().startswith("the "):  # "the mother": someone unnamed
        return True if first.lower() == second.lower() else None
    a, b = ([word for word in name.lower().replace(",", " ").split() if word not in NAME_SUFFIXES] or name.lower().split()
            for name in (first, second))
    if a[-1] != b[-1] and SequenceMatcher(None, a[-1], b[-1]).ratio() < 0.85:  # "Klitchsko" is "Klitschko" misspelt
        return False
    if len(a) < 2 or len(b) < 2:
        return None
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < len(longer) and set(shorter) <= set(longer):  # "John Jenkin" in "Unemployed John Jenkin"
        return True
    # "Katie" and "Kathryn" may be one woman's names; "John" and "Kathryn Jenkin" are two people of one family
    return SequenceMatcher(None, a[0], b[0]).ratio() >= 0.6 or (a[0][:3] == b[0][:3] and len(a[0]) > 2)


def _scope_name(scope: str | None) -> str:
    return {"part": "a part of a whole", "whole": "the whole a part is counted from", "total": "a running total",
            "conversion": "a conversion of another figure"}.get(scope or "", "a figure")


def judge(values: dict[str, float]) -> Evidence:
    """The confidence the pieces of evidence add up to, and which pieces count most for and against."""
    weight = weights()
    total = weight.get("bias", 0.0) + sum(weight.get(name, 0.0) * value for name, value in values.items())
    confidence = 1 / (1 + math.exp(-total))
    contributions = sorted(((weight.get(name, 0.0) * value, name) for name, value in values.items() if value),
                           reverse=True)
    for_ = tuple(DESCRIPTIONS[name] for amount, name in contributions if amount > 0.25)[:4]
    against = tuple(DESCRIPTIONS[name] for amount, name in reversed(contributions) if amount < -0.25)[:3]
    return Evidence(round(confidence, 4), for_, against)
