"""Findings as JSON, JSON Lines, CSV or Markdown; the terminal table, SARIF, JUnit and GitHub annotations live in
their own modules."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import TextIO

from ..model import Finding
from .paths import RepoPaths
from .safe import csv_row, markdown_text

FINDING_FORMATS = ("table", "json", "jsonl", "csv", "sarif", "junit", "github", "markdown", "html")


def write_report(result, stream: TextIO, format: str, passing: bool = False, quiet: bool = False) -> None:
    """Write a check result's findings (violated only, unless ``passing``; ``quiet``: violated only, and the table
    one line each) in ``format``; the formats CI reads name files from the repository root (see
    :mod:`claimcheck.output.paths`), the table and HTML as given."""
    passing = passing and not quiet
    findings = [f for f in result.shown if passing or f.status == "violated"]
    summary = result.summary
    paths = RepoPaths(result.documents) if format not in ("table", "html") else None
    if format == "json":
        # indented for people when small; compact (and written by the C encoder) when large
        events = [{**event.to_dict(), "documents": [paths.doc(doc) for doc in event.documents]} for event in result.events]
        stream.write(json.dumps({"findings": [paths.finding_dict(finding) for finding in findings], "events": events,
                                 "summary": summary},
                                ensure_ascii=False, indent=2 if len(findings) <= 200 else None))
        stream.write("\n")
    elif format == "jsonl":
        for finding in findings:
            stream.write(json.dumps(paths.finding_dict(finding), ensure_ascii=False) + "\n")
    elif format == "csv":
        _csv(findings, stream, paths)
    elif format == "markdown":
        held = result.triage.held_back() if result.triage is not None else ()
        stream.write(markdown(findings, summary, paths, result.documents_by_id, held, passing))
    elif format == "table":
        from .terminal import write_concise, write_table

        (write_concise if quiet else write_table)(result, findings, stream, *(() if quiet else (passing,)))
    elif format == "sarif":
        from .sarif import write_sarif

        write_sarif(result, findings, stream, paths)
    elif format == "junit":
        from .junit import write_junit

        write_junit(result, findings, stream, paths)
    elif format == "github":
        from .github import write_github

        write_github(result, findings, stream, paths)
    elif format == "html":
        from ..report import render_html

        stream.write(render_html(findings, result.facts, result.documents, result.claims, summary, events=result.events))
    else:  # pragma: no cover - the command line validates formats
        raise ValueError(f"unknown format {format!r}")


def _csv(findings: Sequence[Finding], stream: TextIO, paths: RepoPaths, header: bool = True) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    if header:  # a report written in parts has it once
        writer.writerow(["rule", "kind", "status", "severity", "message", "fingerprint", "docs", "locations", "claim_texts"])
    for finding in findings:
        writer.writerow(csv_row([finding.rule, finding.kind, finding.status, finding.severity, paths.message(finding),
                                 finding.fingerprint, "; ".join(dict.fromkeys(paths.doc(c.doc) for c in finding.claims)),
                                 "; ".join(f"{paths.doc(c.doc)}:{c.line}:{c.column}" for c in finding.claims),
                                 "; ".join(c.text for c in finding.claims)]))


def markdown(findings: Sequence[Finding], summary: dict, paths: RepoPaths | None = None,
             documents: dict | None = None, held_back: Sequence[tuple[Finding, str, str]] = (),
             passing: bool = False) -> str:
    """A Markdown report (also what goes into a GitHub job summary): the counts, the findings listed, and the
    violated findings that were accepted (suppressed or baselined) with the reason."""
    from .locations import where_text
    from .summary import coverage_text, findings_text

    message = paths.message if paths is not None else (lambda finding: finding.message)

    def where(finding: Finding) -> str:
        return "<br>".join(f"{_escape(where_text(c, documents or {}, paths))} {_escape(c.text)}" for c in finding.claims)

    lines = ["## claimcheck", "", f"{coverage_text(summary)}.", "", f"Findings: {findings_text(summary)}.", ""]
    if findings:
        lines += ["| status | severity | rule | finding | where |", "|---|---|---|---|---|"]
        for finding in findings:
            lines.append(f"| {finding.status} | {finding.severity} | `{finding.rule}` | {_escape(message(finding))} | {where(finding)} |")
    else:
        lines.append("No findings." if passing else "No violated findings.")
    if held_back:
        lines += ["", "### Accepted (not failing)", "", "| rule | finding | where | why |", "|---|---|---|---|"]
        for finding, _, justification in held_back:
            lines.append(f"| `{finding.rule}` | {_escape(message(finding))} | {where(finding)} | {_escape(justification)} |")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    """Table-cell text that Markdown (and GitHub's HTML in it) shows as written: no link, image or HTML from a
    document is live (see :func:`~claimcheck.output.safe.markdown_text`)."""
    return markdown_text(text)
