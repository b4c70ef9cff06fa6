"""Claims to findings: every enabled rule of a rule set run over the claims of a document set."""

from __future__ import annotations

from collections import Counter, defaultdict
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import decode_findings, encode_findings
from ..documents.identity import document_identities
from ..events import find_events
from ..facts import forming_facts
from ..model import Claim, Document, Fact, Finding, fingerprint
from ..result import CheckResult, sort_key
from ..rules import RuleSet
from .registry import rule_kinds, runs_per
from .context import CheckContext

if TYPE_CHECKING:
    from ..cache import ResultCache


def run_checks(documents: list[Document], claims: list[Claim], rules: RuleSet, root: Path | None = None,
               cache: "ResultCache | None" = None, identities: dict[str, str] | None = None,
               executor: Executor | None = None) -> CheckResult:
    """The rules within documents a document at a time, then the rules across documents a fact at a time (on
    ``executor`` when given); with a cache, the findings of unchanged documents and unchanged facts are reused."""
    digest = rules.digest() if cache is not None else ""
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_document[claim.doc].append(claim)
    findings: list[Finding] = []
    within: set[int] = set()
    for document in documents:
        own = by_document.get(document.id, [])
        stored = cache.local_findings(document, digest, own) if cache is not None else None
        if stored is None:
            stored = check_document(document, own, rules)
            if cache is not None:
                cache.put_local_findings(document, digest, own, *stored)
        findings.extend(stored[0])
        within.update(id(claim) for claim in stored[1])
    identities = identities or document_identities(documents, root)
    events = find_events(documents, identities)
    context = CheckContext(documents={document.id: document for document in documents}, claims=claims, rules=rules,
                           by_decade=rules.is_archive(len(documents)))
    findings.extend(check_facts(context, cache, digest, executor))
    fingerprint_all(findings, identities)
    findings.sort(key=sort_key)
    return CheckResult(documents, claims, context.facts, findings, events=events, checked=len(within | context.checked),
                       rules=[rule.id for rule in rules.rules], rule_set=rules,
                       checked_by={"document": within, "fact": context.checked})


def check_facts(context: CheckContext, cache: "ResultCache | None" = None, digest: str = "",
                executor: Executor | None = None) -> list[Finding]:
    """The findings of the rules across documents, a fact of ``context.facts`` at a time; with a cache, a fact
    whose claims say what they said before is not judged again; with an ``executor``, the facts to judge are
    judged there, in batches. Marks the claims they read in ``context``."""
    across = _across(context.rules)
    if not across:
        return []
    facts = context.facts
    keys = [cache.fact_key(str(fact.key), digest, fact.claims) if cache is not None else "" for fact in facts]
    stored = [cache.fact_findings(key, fact.claims) if cache is not None else None for key, fact in zip(keys, facts)]
    todo = [index for index, found in enumerate(stored) if found is None]
    if executor is not None and len(todo) > 1:
        batches = [todo[i:i + _FACTS_PER_BATCH] for i in range(0, len(todo), _FACTS_PER_BATCH)]
        futures = [executor.submit(judge_facts, context.rules, [facts[index] for index in batch],
                                   *_pages_of([facts[index] for index in batch], context)) for batch in batches]
        for batch, future in zip(batches, futures):
            for index, (rows, checked) in zip(batch, future.result()):
                stored[index] = decode_findings(rows, facts[index].claims), [facts[index].claims[i] for i in checked]
    else:
        for index in todo:
            found = _judge(across, context, facts[index])
            stored[index] = found, [claim for claim in facts[index].claims if id(claim) in context.checked]
    findings: list[Finding] = []
    for index in range(len(facts)):
        if cache is not None and index in todo:
            cache.put_fact_findings(keys[index], facts[index].claims, *stored[index])
        findings.extend(stored[index][0])
        context.checked.update(id(claim) for claim in stored[index][1])
    return findings


_FACTS_PER_BATCH = 64


def judge_facts(rules: RuleSet, facts: list[Fact], events: dict[str, str | None] | None = None,
                figures: Counter | None = None, documents: dict[str, Document] | None = None) -> list[tuple[list, list[int]]]:
    """The rules across documents on some facts, where an executor runs them: per fact, its findings as rows that
    refer to the fact's claims by position, and the positions of the claims the rules read. ``events``, ``figures``
    (:func:`claimcheck.evidence.page_figures` of all their claims) and ``documents`` (light copies that know their
    dates): those of the documents the facts quote, which the evidence and the as-of dates read."""
    context = CheckContext(documents=documents or {}, claims=[claim for fact in facts for claim in fact.claims],
                           rules=rules, known_events=events or {}, known_figures=figures)
    across = _across(rules)
    judged = []
    for fact in facts:
        positions = {id(claim): position for position, claim in enumerate(fact.claims)}
        found = _judge(across, context, fact)
        judged.append((encode_findings(found, positions), [positions[id(claim)] for claim in fact.claims
                                                            if id(claim) in context.checked]))
    return judged


def _pages_of(facts: list[Fact], context: CheckContext) -> tuple[dict, Counter, dict[str, Document]]:
    """What judging some facts elsewhere needs of their documents: each one's event, page figures and light copy."""
    docs = {claim.doc for fact in facts for claim in fact.claims}
    figures = Counter({key: count for key, count in context.page_figures.items() if key[1] in docs})
    return ({doc: context.events.get(doc) for doc in docs}, figures,
            {doc: context.documents[doc].without_text() for doc in docs if doc in context.documents})


def check_forming(rules: RuleSet, forming, events: dict[str, str | None], figures: Counter,
                  documents: dict[str, Document]) -> tuple[list[tuple[Fact, list[Finding]]], set[int]]:
    """The facts of one group of candidates (:func:`claimcheck.facts.gathered`: a block's claims, gathered from every
    document in document order, grouped) judged by the rules across documents, as :func:`run_checks` judges them, in
    the order of the facts split from the group, each with its findings; and the ids of the claims the rules read.
    ``events``, ``figures`` (:func:`claimcheck.evidence.page_figures` of all their claims, not only these) and
    ``documents`` (light copies that know their dates will do): those of the claims' documents."""
    context = CheckContext(documents=documents, claims=forming.claims, rules=rules, known_events=events,
                           known_figures=figures)
    across = _across(rules)
    judged = [(fact, _judge(across, context, fact) if across else [])
              for fact in forming_facts(forming, rules.synonyms, events, rules.declared_measures(), figures)]
    return judged, context.checked


def _across(rules: RuleSet) -> list:
    """The rules across documents, specific ones first (a fallback rule judges only pairs they have not)."""
    return sorted((rule for rule in rules.rules if runs_per(rule.kind) == "fact"),
                  key=lambda rule: bool(getattr(rule.options, "fallback", False)))


def _judge(across: list, context: CheckContext, fact: Fact) -> list[Finding]:
    return [finding for rule in across for finding in rule_kinds()[rule.kind].check(rule, context, fact)]


def check_document(document: Document, claims: list[Claim], rules: RuleSet) -> tuple[list[Finding], list[Claim]]:
    """The findings of the rules within one document, and the claims they looked at."""
    context = CheckContext(documents={document.id: document}, claims=claims, rules=rules)
    found = [finding for rule in rules.rules if runs_per(rule.kind) == "document"
             for finding in rule_kinds()[rule.kind].check(rule, context)]
    return found, [claim for claim in claims if id(claim) in context.checked]


def fingerprint_all(findings: list[Finding], identities: dict[str, str]) -> None:
    for finding in findings:
        finding.fingerprint = fingerprint(finding.rule, finding.about or finding.claims, identities)


