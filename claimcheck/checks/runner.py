"""Claims to findings: every enabled rule of a rule set run over the claims of a document set."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..documents.identity import document_identities
from ..model import Claim, Document, Finding, fingerprint
from ..result import CheckResult, sort_key
from ..rules import RuleSet
from .registry import rule_kinds, runs_per
from .context import CheckContext

if TYPE_CHECKING:
    from ..cache import ResultCache


def run_checks(documents: list[Document], claims: list[Claim], rules: RuleSet, root: Path | None = None,
               cache: "ResultCache | None" = None, identities: dict[str, str] | None = None) -> CheckResult:
    """The rules within documents a document at a time, then the rules across documents a fact at a time;
    with a cache, the findings of unchanged documents and unchanged facts are reused."""
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
    context = CheckContext(documents={document.id: document for document in documents}, claims=claims, rules=rules)
    findings.extend(check_facts(context, cache, digest))
    fingerprint_all(findings, identities or document_identities(documents, root))
    findings.sort(key=sort_key)
    return CheckResult(documents, claims, context.facts, findings, checked=len(within | context.checked),
                       rules=[rule.id for rule in rules.rules], rule_set=rules,
                       checked_by={"document": within, "fact": context.checked})


def check_facts(context: CheckContext, cache: "ResultCache | None" = None, digest: str = "") -> list[Finding]:
    """The findings of the rules across documents, a fact of ``context.facts`` at a time; with a cache, a fact
    whose claims say what they said before is not judged again. Marks the claims they read in ``context``."""
    across = sorted((rule for rule in context.rules.rules if runs_per(rule.kind) == "fact"),
                    key=lambda rule: bool(getattr(rule.options, "fallback", False)))  # specific rules judge a pair first
    findings: list[Finding] = []
    for fact in context.facts if across else ():
        key = cache.fact_key(str(fact.key), digest, fact.claims) if cache is not None else ""
        stored = cache.fact_findings(key, fact.claims) if cache is not None else None
        if stored is None:
            found = [finding for rule in across for finding in rule_kinds()[rule.kind].check(rule, context, fact)]
            stored = found, [claim for claim in fact.claims if id(claim) in context.checked]
            if cache is not None:
                cache.put_fact_findings(key, fact.claims, *stored)
        findings.extend(stored[0])
        context.checked.update(id(claim) for claim in stored[1])
    return findings


def check_document(document: Document, claims: list[Claim], rules: RuleSet) -> tuple[list[Finding], list[Claim]]:
    """The findings of the rules within one document, and the claims they looked at."""
    context = CheckContext(documents={document.id: document}, claims=claims, rules=rules)
    found = [finding for rule in rules.rules if runs_per(rule.kind) == "document"
             for finding in rule_kinds()[rule.kind].check(rule, context)]
    return found, [claim for claim in claims if id(claim) in context.checked]


def fingerprint_all(findings: list[Finding], identities: dict[str, str]) -> None:
    for finding in findings:
        finding.fingerprint = fingerprint(finding.rule, finding.about or finding.claims, identities)


