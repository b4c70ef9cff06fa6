"""``claimcheck rules test``: each rule's inline examples, and fixture documents whose
``<!-- expect: rule-id -->`` / ``<!-- ok: rule-id -->`` comments mark the next line."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..documents import read_document, read_text
from ..model import Document
from .ruleset import Rule, RuleSet

_MARKER = re.compile(r"<!--\s*(?P<kind>expect|ok)\s*:\s*(?P<rule>[a-z0-9-]+)\s*-->")


@dataclass
class RuleReport:
    rule: str
    hits: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.misses and not self.false_alarms


def run_rule_tests(rule_set: RuleSet, fixtures: list[Path]) -> dict[str, RuleReport]:
    from ..checker import Checker

    reports = {rule.id: RuleReport(rule.id) for rule in rule_set.rules}
    for rule in rule_set.rules:
        only = Checker(rules=RuleSet(rules=[rule], synonyms=rule_set.synonyms, window=rule_set.window,
                                     default_tolerance=rule_set.default_tolerance))
        for number, example in enumerate(rule.examples, 1):
            documents = _example_documents(rule, number, example)
            found = Counter(f.status for f in only.check(documents).findings)
            expected = Counter()
            for expectation in example["expect"]:
                expected[expectation["status"]] += expectation.get("count", 1)
            where = f"{rule.source}: example {number}"
            for status in set(found) | set(expected):
                matched = min(found[status], expected[status])
                reports[rule.id].hits.extend([f"{where}: {status}"] * matched)
                reports[rule.id].misses.extend([f"{where}: expected {status}, not found"] * (expected[status] - matched))
                reports[rule.id].false_alarms.extend([f"{where}: unexpected {status}"] * (found[status] - matched))
    checker = Checker(rules=rule_set)
    for fixture in fixtures:
        _run_fixture(checker, read_document(fixture), reports)
    return reports


def _example_documents(rule: Rule, number: int, example: dict) -> list[Document]:
    if "documents" in example:
        return [read_text(text, id=name) for name, text in example["documents"].items()]
    return [read_text(example.get("text", ""), id=f"{rule.id}-example-{number}")]


def _run_fixture(checker, document: Document, reports: dict[str, RuleReport]) -> None:
    findings = checker.check([document]).findings
    lines = document.text.split("\n")
    marked: set[tuple[str, int]] = set()
    for index, line in enumerate(lines):
        for marker in _MARKER.finditer(line):
            rule, target = marker.group("rule"), index + 2  # the next line, 1-based
            if rule not in reports:
                reports[rule] = RuleReport(rule)
                reports[rule].misses.append(f"{document.id}:{index + 1}: marker names unknown rule {rule!r}")
                continue
            marked.add((rule, target))
            flagged = any(f.rule == rule and f.status == "violated" and any(c.line == target for c in f.claims) for f in findings)
            where = f"{document.id}:{target}"
            if marker.group("kind") == "expect":
                (reports[rule].hits if flagged else reports[rule].misses).append(
                    f"{where}: {'violation found' if flagged else 'expected a violation, none found'}")
            else:
                (reports[rule].false_alarms if flagged else reports[rule].hits).append(
                    f"{where}: {'unexpected violation' if flagged else 'no violation, as marked'}")
    for finding in findings:
        if finding.status != "violated" or finding.rule not in reports:
            continue
        lines_hit = {claim.line for claim in finding.claims}
        if any((finding.rule, line) in marked for line in lines_hit):
            continue
        if any(rule == finding.rule for rule, _ in marked):
            first = finding.claims[0]
            reports[finding.rule].false_alarms.append(f"{first.doc}:{first.line}: unmarked violation: {finding.message}")


def fixture_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        folder = path / "tests" if path.is_dir() else None
        if path.is_file() and path.suffix in (".md", ".txt", ".html"):
            files.append(path)
        elif folder and folder.is_dir():
            files.extend(sorted(f for f in folder.iterdir() if f.suffix in (".md", ".txt", ".html")))
    return files
