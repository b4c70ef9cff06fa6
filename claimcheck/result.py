"""The result of a check: documents, claims, facts and findings, with a summary every output format shares."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .model import Claim, Document, Event, Fact, Finding
from .rules import RuleSet

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
STATUS_ORDER = {"violated": 0, "changed": 1, "consistent": 2}


@dataclass
class CheckResult:
    documents: list[Document]
    claims: list[Claim]
    facts: list[Fact]
    findings: list[Finding]
    events: list[Event] = field(default_factory=list)
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
    def active_rules(self) -> list:
        """The rules whose findings this result reports (all that ran, unless a selection narrowed them)."""
        if self.rule_set is None:
            return []
        reported = set(self.rules)
        return [rule for rule in self.rule_set.rules if rule.id in reported] if reported else list(self.rule_set.rules)

    @property
    def documents_by_id(self) -> dict[str, Document]:
        return {document.id: document for document in self.documents}

    @property
    def summary(self) -> dict:
        """Counts every format shares: findings by status are those shown (after baseline and suppressions, which
        are counted apart); a status this version does not know yet is counted after the known ones."""
        shown = self.shown
        statuses = Counter(finding.status for finding in shown)
        violated = Counter(finding.severity for finding in shown if finding.status == "violated")
        counts = self.counts or {"claims": len(self.claims), "claims_checked": self.checked, "facts": len(self.facts)}
        return {
            "documents": len(self.documents),
            "claims": counts["claims"],
            "claims_checked": counts["claims_checked"],
            "claims_unchecked": counts["claims"] - counts["claims_checked"],
            "facts": counts["facts"],
            "events": len(self.events),
            "findings": {**{status: statuses.get(status, 0) for status in STATUS_ORDER}, **statuses},
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



def sort_key(finding: Finding) -> tuple:
    first = finding.claims[0] if finding.claims else None
    return (STATUS_ORDER.get(finding.status, len(STATUS_ORDER)), SEVERITY_ORDER.get(finding.severity, 3), finding.rule,
            first.doc if first else "", first.start if first else 0)
