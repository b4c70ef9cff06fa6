"""The block stage of a run on a cluster: the facts of blocks of claims (each gathered from every document by
:func:`~claimcheck.facts.fact_blocks`), judged a group of candidates at a time.

The block of a standing quantity (a rule's ``across_events``: strikes, troops) holds that measure's claims from the
whole corpus, as its facts span it. Judged whole, it would put every such claim of the corpus in a worker's memory
at once. So a block's claims stay pickled as they came from the shuffle: a first pass reads each claim only for what
its group, actor and place are, and gathers the groups of candidates from those as one process gathers them
(:func:`claimcheck.facts.gathered`); a second reads, judges and lets go of one group's claims at a time. A group's
facts and findings depend only on its claims and on their documents' events and page figures (see
:func:`claimcheck.facts.forming_facts`), so the findings are one process's. A worker holds the block's pickled rows,
a few values per claim, and one group's claims (a standing block of generated news has ten or more groups).
"""

from __future__ import annotations

import pickle
from collections import Counter
from dataclasses import replace

from ..checks.runner import check_forming, fingerprint_all
from ..facts import Grouping, gathered
from .stages import RunSettings, Tally, Triager, claim_of, finding_row, triager
from .storage import Spill

Member = tuple[int, int, bytes]  # a claim of a block: its document's number, its place in it, its pickled row


def block_stage(rows, settings: RunSettings, inline: list, spill: Spill | None = None) -> tuple[list[dict], Tally]:
    """The facts of the blocks among ``rows`` (block, number, index, payload: all of each block's claims, in any
    order), judged by the rules across documents; returns findings rows and the tally (facts, and the claims these
    rules read that no rule within a document had). With ``spill``, findings rows go there, and those it has not
    written out yet are returned."""
    tally = Tally()
    judge = triager(settings, inline)
    by_block: dict[str, list[Member]] = {}
    for block, number, index, payload in rows:
        by_block.setdefault(block, []).append((number, index, payload))
    findings = spill if spill is not None else []
    for members in by_block.values():
        members.sort(key=lambda member: member[:2])  # document order, as one process has the claims
        _judge_block(members, settings, judge, tally, findings)
    tally.used, tally.present = judge.used, judge.present
    return (findings.rows if isinstance(findings, Spill) else findings), tally


def _judge_block(members: list[Member], settings: RunSettings, judge: Triager, tally: Tally,
                 findings: list[dict] | Spill) -> None:
    """The findings rows of one block's facts, a group of candidates at a time, added to ``findings``."""
    formings, pages = _formings(members, settings)
    for forming in formings:
        claims, within = [], set()
        events: dict[str, str | None] = {}
        identities: dict[str, str] = {}
        documents: dict = {}
        figures: Counter = Counter()
        for position in forming.claims:
            row, _, checked, _ = pickle.loads(members[position][2])
            claim = claim_of(row)
            if claim.doc not in documents:
                _read_pages(claim.doc, pages, members, events, identities, documents, figures)
            claims.append(claim)
            if checked:
                within.add(id(claim))
        judged, looked_at = check_forming(settings.rules, replace(forming, claims=claims), events, figures, documents)
        tally.facts += len(judged)
        tally.checked += len(looked_at - within)
        number, index, _ = members[forming.claims[0]]  # the claim that started the group orders its facts
        for split, (_, found) in enumerate(judged):
            fingerprint_all(found, identities)
            for place, finding in enumerate(found):
                row = finding_row(finding, (1, number, index, split, place), documents, judge, settings.reported, tally)
                if row is not None:
                    findings.append(row)


def _formings(members: list[Member], settings: RunSettings) -> tuple[list, dict[str, list[int]]]:
    """The groups of candidates of a block, their claims given by position in ``members`` (in order), and where
    each document's page travels (the positions of the claims that carry it: the first of its claims in the block)."""
    rules = settings.rules
    events: dict[str, str | None] = {}
    grouping = Grouping(rules.synonyms, events, rules.standing_measures(), by_decade=settings.by_decade)
    grouped: dict[tuple, list[tuple[int, int, str | None, str | None]]] = {}
    pages: dict[str, list[int]] = {}
    lines: dict[int, tuple[str, int]] = {}  # position -> the claim's document and line
    for position, (_, _, payload) in enumerate(members):
        row, scope, _, page = pickle.loads(payload)
        claim = claim_of(row)
        lines[position] = claim.doc, claim.line
        if page is not None:  # the first of its document's claims in the block: it comes before the others
            events[claim.doc] = page[1]
            pages.setdefault(claim.doc, []).append(position)
        group, actor, place = grouping(claim, scope)
        if group is not None:
            grouped.setdefault(group, []).append((position, position, actor, place))
    formed = [pair for group, found in grouped.items() for pair in gathered(group, found, lines.__getitem__)]
    formed.sort(key=lambda pair: pair[0])
    for _, forming in formed:
        forming.claims.sort()  # positions: unplaced claims joined after the placed ones
    return [forming for _, forming in formed], pages


def _read_pages(doc: str, pages: dict[str, list[int]], members: list[Member], events: dict, identities: dict,
                documents: dict, figures: Counter) -> None:
    """What a group's judging needs of a document's page (its event, identity, light copy and figures), read from
    the claims that carry it."""
    for position in pages.get(doc, ()):
        _, _, _, (identity, event, light, counts) = pickle.loads(members[position][2])
        if doc not in events:
            figures.update(counts)  # keyed by document: the pages' counts side by side
        events[doc], identities[doc] = event, identity
        documents.setdefault(doc, light)
