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
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from ..measure_keys import claim_role, head_key
from ..model import Claim
from .anchors import GENERIC_PEOPLE, LEAD_LINES, anchors, headline_and_lead
from .features import GENERIC_MEASURES, before_figure, features
from .pages import (FIGURES_PER_PAGE, FigureCounts, a_listed_share, a_places_share, an_article, aside_figure,
                    few_on_page, figures_per_source, lead_figure, recalled_figure, own_and_sourced, page_figures,
                    page_tolls, paragraph_key, source_key, lead_names, top_gatherings, top_places)
from .quakes import one_an_aftershock, quake_measure
from .vetoes import judged_vetoes, vetoes

__all__ = ["DESCRIPTIONS", "a_listed_share", "a_places_share", "an_article", "before_figure", "Evidence",
           "FIGURES_PER_PAGE", "FigureCounts", "GENERIC_MEASURES", "GENERIC_PEOPLE",
           "LEAD_LINES", "anchors", "features", "headline_and_lead", "few_on_page", "figures_per_source", "judge",
           "one_event", "own_and_sourced", "page_figures",
           "page_tolls", "source_key", "thresholds", "vetoes", "weigh", "weights"]

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
def _fitted() -> dict:
    return json.loads((importlib.resources.files(__package__) / "evidence.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The weight of each piece of evidence, and the ``bias`` (what a pair with no evidence at all starts from)."""
    return {name: float(value) for name, value in _fitted()["weights"].items()}


@lru_cache(maxsize=1)
def thresholds() -> dict[str, float]:
    return {name: float(value) for name, value in _fitted()["thresholds"].items()}


def one_event(events: dict[str, str | None], first: Claim, second: Claim) -> bool:
    """Whether two figures' pages report one event (the event step linked them)."""
    event = events.get(first.doc)
    return event is not None and event == events.get(second.doc)


def weigh(first: Claim, second: Claim, events: dict[str, str | None], figures: Counter | FigureCounts, synonyms) -> Evidence:
    """The evidence that two claims of one group report one quantity (``figures``: of the group, per source, and
    :func:`page_figures` of all claims, per document)."""
    same_event = one_event(events, first, second)
    counts = (figures[source_key(first)], figures[source_key(second)])
    paragraphs = (figures[paragraph_key(first)], figures[paragraph_key(second)])
    tolls = tuple(page_tolls(claim, figures, synonyms) for claim in (first, second))
    heads = head_key(first.measure, synonyms), head_key(second.measure, synonyms)
    weighed = counts
    if (first.type == second.type == "count" and heads[0] == heads[1] and heads[0] is not None
            and heads[0] not in GENERIC_MEASURES and heads[0] not in GENERIC_PEOPLE):
        # a count of a thing named by itself ("four bidders") is weighed by the figures of that thing its page
        # gives, not by all the page's counts
        own = tuple(figures[("measure", claim.doc, heads[0])] for claim in (first, second))
        if all(own):
            weighed = tuple(map(min, zip(own, counts)))
    evidence = judge(features(first, second, same_event, weighed, heads))
    judged = judged_vetoes(first, second)
    # a page's one lead figure of a role (or toll) is its own figure of it, whatever the page recalls further down
    keys = tuple(claim_role(claim, synonyms) or claim.outcome for claim in (first, second))
    counts = tuple(1 if lead_figure(claim, figures, key) else max(count, 2) if (recalled_figure(claim, figures, key)
                                                                                or aside_figure(claim, figures, key))
                   else count for claim, key, count in zip((first, second), keys, counts))
    share = (a_places_share(first, second, figures, synonyms) or a_places_share(second, first, figures, synonyms)
             or a_listed_share(first, figures, synonyms) != a_listed_share(second, figures, synonyms))
    # the places each page's headline names tell two quakes of one country apart
    places = ((top_places(first.doc, figures), top_places(second.doc, figures))
              if quake_measure(first, second, synonyms) else (frozenset(), frozenset()))
    names = lead_names(first.doc, figures), lead_names(second.doc, figures)
    gatherings = top_gatherings(first.doc, figures), top_gatherings(second.doc, figures)
    found = (() if one_an_aftershock(first, second, figures)  # a quake's figures and its aftershock's are two
             else anchors(first, second, counts, synonyms, tolls, paragraphs, share, places, names, gatherings))
    return replace(evidence, anchors=found,
                   vetoes=tuple(message for message, _ in judged), apart=any(apart for _, apart in judged))


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

