"""Claims to findings: every enabled rule of a rule set run over the claims of a document set."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .checks import CHECKS, CheckContext
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
        return {
            "documents": len(self.documents),
            "claims": len(self.claims),
            "claims_checked": self.checked,
            "claims_unchecked": len(self.claims) - self.checked,
            "facts": len(self.facts),
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


def resolve_rules(rules: RuleSet | Iterable[str | Path] | None, bundled: bool = True) -> RuleSet:
    if isinstance(rules, RuleSet):
        return rules
    return load_rules(list(rules or []), bundled=bundled)


def document_identity(document: Document, root: Path | None = None) -> str:
    """What findings are fingerprinted by: the file relative to the project root (so running from another
    folder changes nothing), and for a dataset row its id, or its text when the row has no id column."""
    import os

    if not document.path:
        return document.id
    try:
        path = os.path.relpath(Path(document.path).resolve(), (root or Path.cwd()).resolve())
    except ValueError:  # another drive on Windows
        path = document.path
    if document.format == "row":
        suffix = (document.identity or document.id).rsplit("#", 1)[-1]
        return f"{path}#{suffix}"
    return path


def run_checks(documents: list[Document], claims: list[Claim], rules: RuleSet, root: Path | None = None) -> CheckResult:
    context = CheckContext(documents={document.id: document for document in documents}, claims=claims, rules=rules)
    findings: list[Finding] = []
    specific_first = sorted(rules.rules, key=lambda rule: bool(rule.option("fallback", False)))
    for rule in specific_first:
        findings.extend(CHECKS[rule.kind](rule, context))
    identities = {document.id: document_identity(document, root) for document in documents}
    for finding in findings:
        finding.fingerprint = fingerprint(finding.rule, finding.subject or finding.claims, identities)
    findings.sort(key=sort_key)
    return CheckResult(documents, claims, context.facts, findings, checked=len(context.checked),
                       rules=[rule.id for rule in rules.rules], rule_set=rules)


def sort_key(finding: Finding) -> tuple:
    first = finding.claims[0] if finding.claims else None
    return (STATUS_ORDER[finding.status], SEVERITY_ORDER[finding.severity], finding.rule,
            first.doc if first else "", first.start if first else 0)
