"""Claims to findings: every enabled rule of a rule set run over the claims of a document set."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .cache import ResultCache
from .checks import DOCUMENT_CHECKS, FACT_CHECKS, CheckContext
from .model import Claim, Document, Fact, Finding, fingerprint
from .rules import RuleSet, load_rules

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
STATUS_ORDER = {"violated": 0, "changed": 1, "consistent": 2}


@dataclass
class CheckResult:
    documents: list[Document]
    claims: list[Claim]
    facts: list[Fact]
    findings: list[Finding]
    checked: int = 0
    rules: list[str] = field(default_factory=list)
    rule_set: RuleSet | None = None
    triage: object | None = None  # baseline.Triage, when a baseline or suppressions were applied
    counts: dict[str, int] | None = None  # claims, claims_checked and facts, when findings were reused without them
    checked_by: dict[str, set[int]] = field(default_factory=dict)  # "document"/"fact" -> ids of claims those rules read

    @property
    def shown(self) -> list[Finding]:
        """The findings left after baseline and suppressions."""
        return self.triage.shown if self.triage is not None else self.findings

    @property
    def documents_by_id(self) -> dict[str, Document]:
        return {document.id: document for document in self.documents}

    @property
    def summary(self) -> dict:
        statuses = Counter(finding.status for finding in self.findings)
        violated = Counter(finding.severity for finding in self.findings if finding.status == "violated")
        counts = self.counts or {"claims": len(self.claims), "claims_checked": self.checked, "facts": len(self.facts)}
        return {
            "documents": len(self.documents),
            "claims": counts["claims"],
            "claims_checked": counts["claims_checked"],
            "claims_unchecked": counts["claims"] - counts["claims_checked"],
            "facts": counts["facts"],
            "findings": {status: statuses.get(status, 0) for status in STATUS_ORDER},
            "violated_by_severity": {severity: violated.get(severity, 0) for severity in SEVERITY_ORDER},
            "rules": len(self.rules),
            **self._triage_summary(),
        }

    def _triage_summary(self) -> dict:
        if self.triage is None:
            return {}
        return {"baselined": len(self.triage.baselined), "baseline_gone": len(self.triage.gone),
                "suppressed": len(self.triage.suppressed), "unused_suppressions": len(self.triage.unused),
                "expired_suppressions": len(self.triage.expired)}


def resolve_rules(rules: RuleSet | Iterable[str | Path] | None, bundled: bool = True,
                  cache_dir: str | Path | None = None) -> RuleSet:
    if isinstance(rules, RuleSet):
        return rules
    return load_rules(list(rules or []), bundled=bundled, cache_dir=cache_dir)


def document_identity(document: Document, root: Path | None = None) -> str:
    """What findings are fingerprinted by: the file relative to the project root (so running from another
    folder changes nothing), and for a dataset row its id, or its text when the row has no id column."""
    if not document.path:
        return document.id
    try:
        path = os.path.relpath(_real_path(document.path), _real_directory(str(root or Path.cwd())))
    except ValueError:  # another drive on Windows
        path = document.path
    if document.format == "row":
        suffix = (document.identity or document.id).rsplit("#", 1)[-1]
        return f"{path}#{suffix}"
    return path


def document_identities(documents: list[Document], root: Path | None = None) -> dict[str, str]:
    return {document.id: document_identity(document, root) for document in documents}


@lru_cache(maxsize=1024)
def _real_directory(path: str) -> str:
    return os.path.realpath(path)


def _real_path(path: str) -> str:
    """os.path.realpath, resolving each folder once (thousands of files share a few folders)."""
    if os.path.islink(path):
        return os.path.realpath(path)
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(_real_directory(folder), name)


def run_checks(documents: list[Document], claims: list[Claim], rules: RuleSet, root: Path | None = None,
               cache: ResultCache | None = None, identities: dict[str, str] | None = None) -> CheckResult:
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


def check_facts(context: CheckContext, cache: ResultCache | None = None, digest: str = "") -> list[Finding]:
    """The findings of the rules across documents, a fact of ``context.facts`` at a time; with a cache, a fact
    whose claims say what they said before is not judged again. Marks the claims they read in ``context``."""
    across = sorted((rule for rule in context.rules.rules if rule.kind in FACT_CHECKS),
                    key=lambda rule: bool(rule.option("fallback", False)))  # specific rules judge a pair first
    findings: list[Finding] = []
    for fact in context.facts if across else ():
        key = cache.fact_key(fact.key, digest, fact.claims) if cache is not None else ""
        stored = cache.fact_findings(key, fact.claims) if cache is not None else None
        if stored is None:
            found = [finding for rule in across for finding in FACT_CHECKS[rule.kind](rule, context, fact)]
            stored = found, [claim for claim in fact.claims if id(claim) in context.checked]
            if cache is not None:
                cache.put_fact_findings(key, fact.claims, *stored)
        findings.extend(stored[0])
        context.checked.update(id(claim) for claim in stored[1])
    return findings


def check_document(document: Document, claims: list[Claim], rules: RuleSet) -> tuple[list[Finding], list[Claim]]:
    """The findings of the rules within one document, and the claims they looked at."""
    context = CheckContext(documents={document.id: document}, claims=claims, rules=rules)
    found = [finding for rule in rules.rules if rule.kind in DOCUMENT_CHECKS
             for finding in DOCUMENT_CHECKS[rule.kind](rule, context)]
    return found, [claim for claim in claims if id(claim) in context.checked]


def fingerprint_all(findings: list[Finding], identities: dict[str, str]) -> None:
    for finding in findings:
        finding.fingerprint = fingerprint(finding.rule, finding.subject or finding.claims, identities)


def sort_key(finding: Finding) -> tuple:
    first = finding.claims[0] if finding.claims else None
    return (STATUS_ORDER[finding.status], SEVERITY_ORDER[finding.severity], finding.rule,
            first.doc if first else "", first.start if first else 0)
