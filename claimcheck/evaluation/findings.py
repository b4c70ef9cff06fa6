"""Scoring rules against document sets with expected findings (``tests/gold/findings/<set>/expected.yaml``).

A found finding matches an expected one when it is of the same rule (or, for a rule renamed or replaced by a
more specific one, the same kind), has the same status, and quotes every expected claim (document and number)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Finding
from ..rules import RuleSet
from .extraction import precision_recall_f1


@dataclass
class ExpectedFinding:
    set: str
    rule: str
    status: str
    claims: list[tuple[str, str]]  # (document file name, number as written)


@dataclass
class FindingScores:
    expected: int = 0
    found: int = 0
    matched_expected: int = 0
    matched_found: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        scores = precision_recall_f1(self.matched_found, self.found, self.matched_expected, self.expected)
        return {"expected": self.expected, "found": self.found, **scores}

    def report_lines(self) -> list[str]:
        summary = self.summary()
        return [f"expected findings {summary['expected']}, found {summary['found']}",
                f"precision {summary['precision']:.3f}  recall {summary['recall']:.3f}  F1 {summary['f1']:.3f}"]

    def error_lines(self) -> list[str]:
        return [f"miss\t{line}" for line in self.misses] + [f"false alarm\t{line}" for line in self.false_alarms]


def read_findings_gold(path: str | Path) -> dict[Path, list[ExpectedFinding]]:
    """Each document set folder (holding expected.yaml) with its expected findings."""
    from ruamel.yaml import YAML

    root = Path(path)
    files = [root / "expected.yaml"] if (root / "expected.yaml").is_file() else sorted(root.glob("*/expected.yaml"))
    if not files:
        raise InputError("no expected.yaml here (a document set folder, or a folder of them)", str(root))
    sets = {}
    for file in files:
        data = YAML(typ="safe", pure=True).load(file.read_text(encoding="utf-8")) or {}
        try:
            sets[file.parent] = [ExpectedFinding(file.parent.name, item["rule"], item["status"],
                                                 [(c["doc"], str(c["text"])) for c in item["claims"]])
                                 for item in data.get("findings") or []]
        except (KeyError, TypeError) as error:
            raise InputError(f"bad expected finding: missing {error}", str(file)) from None
    return sets


def evaluate_findings(sets: dict[Path, list[ExpectedFinding]], rule_set: RuleSet) -> FindingScores:
    from ..api import check_result

    kinds = {rule.id: rule.kind for rule in rule_set.rules}
    scores = FindingScores()
    for folder, expected in sets.items():
        documents = sorted(f for f in folder.iterdir() if f.suffix in (".txt", ".md", ".html", ".htm"))
        found = check_result(documents, rules=rule_set).findings
        scores.expected += len(expected)
        scores.found += len(found)
        used: set[int] = set()
        for item in expected:
            match = next((i for i, f in enumerate(found) if i not in used and _matches(f, item, kinds)), None)
            if match is None:
                scores.misses.append(f"{folder.name}: {item.rule} {item.status} {item.claims}")
            else:
                used.add(match)
                scores.matched_expected += 1
        scores.matched_found += len(used)
        for index, finding in enumerate(found):
            if index not in used:
                scores.false_alarms.append(f"{folder.name}: {finding.rule} {finding.status}: {finding.message}")
    return scores


def _matches(finding: Finding, expected: ExpectedFinding, kinds: dict[str, str]) -> bool:
    same_rule = finding.rule == expected.rule or finding.kind == kinds.get(expected.rule)
    if not same_rule or finding.status != expected.status:
        return False
    quoted = [(Path(claim.doc).name, claim.text) for claim in finding.claims]
    return all(any(doc == name and text in claim_text for name, claim_text in quoted) for doc, text in expected.claims)
