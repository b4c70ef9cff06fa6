"""SARIF 2.1.0: what code-scanning dashboards read. One result per finding, its first claim the location and
the others related locations; rule metadata from the rule packs; ``partialFingerprints`` for baselining."""

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
    rules = result.rule_set.rules if result.rule_set else []
    index = {rule.id: position for position, rule in enumerate(rules)}
    driver = {
        "name": "claimcheck",
        "version": __version__,
        "informationUri": PYPI_URL,
        "rules": [{
            "id": rule.id,
            "name": rule.id.replace("-", " "),
            "shortDescription": {"text": rule.description or f"{rule.kind} rule {rule.id}"},
            "fullDescription": {"text": f"{rule.description or rule.id} (kind: {rule.kind}; defined in {rule.source}:{rule.line})"},
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            "properties": {"kind": rule.kind, "tags": ["numbers", rule.kind]},
        } for rule in rules],
    }
    results = []
    for finding in findings:
        locations = [_location(claim, documents, paths) for claim in finding.claims]
        entry = {
            "ruleId": finding.rule,
            "level": _LEVEL[finding.severity] if finding.status == "violated" else "none",
            "kind": "fail" if finding.status == "violated" else ("pass" if finding.status == "consistent" else "informational"),
            "message": {"text": paths.message(finding)},
            "locations": locations[:1],
            "partialFingerprints": {"claimcheckFinding/v1": finding.fingerprint},
            "properties": {"status": finding.status, "fact": finding.fact},
        }
        if finding.rule in index:
            entry["ruleIndex"] = index[finding.rule]
        if len(locations) > 1:
            entry["relatedLocations"] = [{**location, "id": number} for number, location in enumerate(locations[1:], 1)]
        results.append(entry)
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}]}


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
