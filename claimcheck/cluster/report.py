"""The result of a run on a cluster, and its report: the same summary and the same report as a run in one process,
streamed from a merge of the sorted findings and events the workers wrote (a row group of each part at a time), so
the client's memory does not grow with the corpus. JSON, JSON Lines and CSV stream; the other formats gather the
findings they list (violated ones, unless --passing) and the documents those quote; the HTML report and JUnit (a
case per document) need every document and claim, and are refused.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TextIO

from ..baseline import Suppression, Triage
from ..model import Document, Event, Finding
from ..output.paths import RepoPaths
from ..result import SEVERITY_ORDER, STATUS_ORDER, CheckResult
from ..rules import RuleSet
from .events import read_event
from .run import Ran
from .storage import ROW_GROUP, merged
from .stages import read_finding

STREAMED = ("json", "jsonl", "csv")
REFUSED = ("html", "junit")


@dataclass
class ClusterResult:
    """What a run on a cluster found: counts, triage, and the sorted findings and events (read on demand)."""

    ran: Ran
    rule_set: RuleSet
    rules: list[str]
    triage: Triage | None = None
    root: str | None = None  # the repository root paths are written from (None: found as one process finds it)

    @property
    def summary(self) -> dict:
        """As :attr:`claimcheck.result.CheckResult.summary` counts a run in one process."""
        tally = self.ran.tally
        statuses = tally.statuses
        summary = {
            "documents": tally.documents,
            "claims": tally.claims,
            "claims_checked": tally.checked,
            "claims_unchecked": tally.claims - tally.checked,
            "facts": tally.facts,
            "events": self.ran.events,
            "findings": {**{status: statuses.get(status, 0) for status in STATUS_ORDER}, **statuses},
            "violated_by_severity": {severity: tally.violated.get(severity, 0) for severity in SEVERITY_ORDER},
            "rules": len(self.rules),
        }
        if self.triage is not None:
            summary |= {"baselined": tally.held["baselined"], "baseline_gone": len(self.triage.gone),
                        "suppressed": tally.held["suppressed"], "unused_suppressions": len(self.triage.unused),
                        "expired_suppressions": len(self.triage.expired)}
        return summary

    @property
    def rule_counts(self) -> dict[str, Counter]:
        counts: dict[str, Counter] = {}
        for (rule, status), count in self.ran.tally.by_rule.items():
            counts.setdefault(rule, Counter())[status] += count
        return counts

    def exit_code(self, fail_on: str) -> int:
        """As :func:`claimcheck.cli.exit_code` decides from the shown findings."""
        if fail_on == "never":
            return 0
        rank = {"error": 0, "warning": 1, "info": 2}
        return 1 if any(count and rank.get(severity, 3) <= rank[fail_on]
                        for severity, count in self.ran.tally.violated.items()) else 0

    def findings(self, states: tuple[str, ...] = ("shown",), passing: bool = True
                 ) -> Iterator[tuple[Finding, dict[str, Document], str | None, str]]:
        """The findings in one run's order, with the light documents they quote, how a held-back one was accepted
        and its state; ``passing`` False leaves out all but violated ones."""
        for _, state, status, payload in merged(self.ran.findings_parts, "key", ["key", "state", "status", "payload"],
                                                skip_tally=True):
            if state in states and (passing or status == "violated"):
                finding, documents, how = read_finding(payload)
                yield finding, documents, how, state

    def chunks(self, passing: bool) -> Iterator[list[tuple[Finding, dict[str, Document]]]]:
        """The shown findings in one run's order, a few hundred at a time."""
        chunk = []
        for finding, documents, _, _ in self.findings(("shown",), passing):
            chunk.append((finding, documents))
            if len(chunk) == ROW_GROUP:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def events(self) -> Iterator[list[tuple[Event, list[str | None]]]]:
        """Every event in one run's order (by its first document), a few hundred at a time."""
        chunk = []
        for _, payload in merged(self.ran.events_parts, "number", ["number", "payload"]):
            chunk.append(read_event(payload))
            if len(chunk) == ROW_GROUP:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def shown_count(self, passing: bool) -> int:
        statuses = self.ran.tally.statuses
        return sum(statuses.values()) if passing else statuses.get("violated", 0)

    def materialized(self, passing: bool) -> CheckResult:
        """A :class:`~claimcheck.result.CheckResult` holding the findings a report lists (and those held back), the
        documents they quote and this run's counts: what the formats that do not stream are written from."""
        shown, held_suppressed, held_baselined, documents = [], [], [], {}
        for finding, quoted, how, state in self.findings(("shown", "suppressed", "baselined"), passing):
            documents.update(quoted)
            if state == "shown":
                shown.append(finding)
            elif state == "suppressed":
                kind, _, reason = (how or "external\x1f").partition("\x1f")
                held_suppressed.append((finding, Suppression(reason, inline=kind == "inSource")))
            else:
                held_baselined.append(finding)
        triage = None
        if self.triage is not None:
            triage = Triage(shown=shown, baselined=held_baselined, gone=self.triage.gone, suppressed=held_suppressed,
                            unused=self.triage.unused, expired=self.triage.expired, unknown=self.triage.unknown,
                            baseline_file=self.triage.baseline_file, in_baseline=self.triage.in_baseline)
        return Gathered(list(documents.values()), [], [], shown + held_baselined + [f for f, _ in held_suppressed],
                        rules=self.rules, rule_set=self.rule_set, triage=triage, fixed=self.summary,
                        counted=self.rule_counts)

    def close(self) -> None:
        self.ran.scratch.remove()


@dataclass
class Gathered(CheckResult):
    """A check result gathered from a run on a cluster: its summary and counts per rule are the run's."""

    fixed: dict = field(default_factory=dict)
    counted: dict = field(default_factory=dict)

    @property
    def summary(self) -> dict:
        return self.fixed

    @property
    def rule_counts(self) -> dict[str, Counter]:
        return self.counted


# ---- streamed formats ---------------------------------------------------------------------------------------------

def write_streamed(result: ClusterResult, stream: TextIO, format: str, passing: bool = False, quiet: bool = False) -> None:
    """JSON, JSON Lines or CSV, written as :func:`claimcheck.output.write_report` writes them, a part at a time."""
    passing = passing and not quiet
    if format == "jsonl":
        for chunk in result.chunks(passing):
            paths = _paths(chunk, result.root)
            for finding, _ in chunk:
                stream.write(json.dumps(paths.finding_dict(finding), ensure_ascii=False) + "\n")
    elif format == "csv":
        from ..output.findings import _csv

        header = True
        for chunk in result.chunks(passing):
            _csv([finding for finding, _ in chunk], stream, _paths(chunk, result.root), header=header)
            header = False
        if header:
            _csv([], stream, RepoPaths([], result.root))
    else:
        _json(result, stream, passing)


def _paths(chunk: list[tuple[Finding, dict[str, Document]]], root: str | None) -> RepoPaths:
    return RepoPaths([document for _, documents in chunk for document in documents.values()], root)


def _json(result: ClusterResult, stream: TextIO, passing: bool) -> None:
    """The JSON report byte for byte as one process writes it: indented when it lists 200 findings or fewer,
    compact otherwise (see :func:`claimcheck.output.write_report`)."""
    indent = 2 if result.shown_count(passing) <= 200 else None

    def items(name: str, values: Iterator[dict], last: bool = False) -> None:
        stream.write(f'\n  "{name}": [' if indent else f'"{name}": [')
        first = True
        for value in values:
            text = json.dumps(value, ensure_ascii=False, indent=indent)
            if indent:
                text = "\n" + "\n".join("    " + line for line in text.split("\n"))
            stream.write(text if first else ("," if indent else ", ") + text)
            first = False
        stream.write(("\n  ]" if indent and not first else "]") + ("" if last else ","))
        if not indent and not last:
            stream.write(" ")

    def findings() -> Iterator[dict]:
        for chunk in result.chunks(passing):
            paths = _paths(chunk, result.root)
            for finding, _ in chunk:
                yield paths.finding_dict(finding)

    def events() -> Iterator[dict]:
        for chunk in result.events():
            documents = [Document(id=doc, text="", path=path) for event, paths in chunk
                         for doc, path in zip(event.documents, paths)]
            paths = RepoPaths(documents, result.root)
            for event, _ in chunk:
                yield {**event.to_dict(), "documents": [paths.doc(doc) for doc in event.documents]}

    stream.write("{")
    items("findings", findings())
    items("events", events())
    summary = json.dumps(result.summary, ensure_ascii=False, indent=indent)
    if indent:
        stream.write('\n  "summary": ' + summary.replace("\n", "\n  ") + "\n}\n")
    else:
        stream.write('"summary": ' + summary + "}\n")
