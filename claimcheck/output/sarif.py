"""SARIF 2.1.0: what code-scanning dashboards read. One result per finding, its first claim the location and
the others related locations; rule metadata from the rule packs; ``partialFingerprints`` for baselining.
Suppressed and baselined findings are results too, with ``suppressions`` saying how they were accepted, so a
dashboard shows them as dismissed rather than fixed."""

from __future__ import annotations

import json
from typing import TextIO

from .. import __version__
from ..about import PYPI_URL
from .locations import locate
from .paths import RepoPaths

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def sarif_log(result, findings, paths: RepoPaths | None = None) -> dict:
    paths = paths or RepoPaths(result.documents)
    documents = result.documents_by_id
    rules = result.active_rules
    index = {rule.id: position for position, rule in enumerate(rules)}
    driver = {
        "name": "claimcheck",
        "version": __version__,
        "informationUri": PYPI_URL,
        "rules": [_rule(rule, paths) for rule in rules],
    }
    triage = result.triage
    baseline = triage is not None and triage.baseline_file is not None
    known = triage.in_baseline if triage is not None else set()
    results = [_result(finding, documents, paths, index, baseline, finding.fingerprint in known) for finding in findings]
    for finding, kind, justification in (triage.held_back() if triage is not None else []):
        entry = _result(finding, documents, paths, index, baseline, finding.fingerprint in known)
        entry["suppressions"] = [{"kind": kind, "status": "accepted", "justification": justification}]
        results.append(entry)
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}]}


def _rule(rule, paths: RepoPaths) -> dict:
    """A rule's metadata: its page as help (and, for a bundled rule, where the page is published); where it is
    defined without the install location of a bundled pack."""
    from ..about import rule_docs_url
    from ..rules.docs import is_bundled, rule_help_text, rule_origin, rule_page

    entry = {
        "id": rule.id,
        "name": rule.id.replace("-", " "),
        "shortDescription": {"text": rule.description or f"{rule.kind} rule {rule.id}"},
        "fullDescription": {"text": f"{rule.description or rule.id} (kind: {rule.kind}; defined in {rule_origin(rule, paths)})"},
        "help": {"text": rule_help_text(rule), "markdown": rule_page(rule)},
        "defaultConfiguration": {"level": _LEVEL.get(rule.severity, "note")},
        "properties": {"kind": rule.kind, "tags": ["numbers", rule.kind]},
    }
    url = rule_docs_url(rule.id) if is_bundled(rule) else None
    if url:
        entry["helpUri"] = url
    return entry


def _result(finding, documents, paths: RepoPaths, index: dict[str, int], baseline: bool, known: bool = False) -> dict:
    """One result; with a baseline, a violated one says whether it is new or was in the baseline already."""
    locations = [_location(claim, documents, paths) for claim in finding.claims]
    violated = finding.status == "violated"
    entry = {
        "ruleId": finding.rule,
        "level": _LEVEL.get(finding.severity, "note") if violated else "none",
        "kind": "fail" if violated else ("pass" if finding.status == "consistent" else "informational"),
        "message": {"text": paths.message(finding)},
        "locations": locations[:1],
        "partialFingerprints": {"claimcheckFinding/v1": finding.fingerprint},
        "properties": {"status": finding.status, "fact": finding.fact},
    }
    if baseline and violated:
        entry["baselineState"] = "unchanged" if known else "new"
    if finding.rule in index:
        entry["ruleIndex"] = index[finding.rule]
    if len(locations) > 1:
        entry["relatedLocations"] = [{**location, "id": number} for number, location in enumerate(locations[1:], 1)]
    return entry


def _location(claim, documents, paths: RepoPaths) -> dict:
    where = locate(claim, documents)
    region = {"startLine": where.line, "startColumn": where.column, "endLine": where.end_line,
              "endColumn": max(where.end_column, where.column), "snippet": {"text": claim.sentence}}
    physical = {"artifactLocation": _artifact(where.path, paths)}
    if not where.approximate:
        physical["region"] = region
    location = {"physicalLocation": physical,
                "message": {"text": f"{claim.text}" + (f" (column {where.field})" if where.field else "")}}
    return location


def _artifact(path: str, paths: RepoPaths) -> dict:
    """A path from the repository root as a URI reference against %SRCROOT% (what code scanning resolves against
    the checkout); a file outside the repository as an absolute file: URI."""
    import os
    from pathlib import Path
    from urllib.parse import quote

    if paths.inside(path):
        return {"uri": quote(paths.path(path)), "uriBaseId": "%SRCROOT%"}
    return {"uri": Path(os.path.abspath(path)).as_uri()}


def write_sarif(result, findings, stream: TextIO, paths: RepoPaths | None = None) -> None:
    json.dump(sarif_log(result, findings, paths), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
