"""Findings as a table (grouped by fact, source sentences side by side, numbers highlighted), JSON, JSON
Lines, CSV or Markdown; SARIF, JUnit and GitHub annotations live in their own modules."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Sequence
from typing import TextIO

from ..model import Claim, Finding

FINDING_FORMATS = ("table", "json", "jsonl", "csv", "sarif", "junit", "github", "markdown", "html")
_STATUS_STYLE = {"violated": "bold red", "changed": "yellow", "consistent": "green"}
_STATUS_MARK = {"violated": "✗", "changed": "~", "consistent": "✓"}


def write_report(result, stream: TextIO, format: str, passing: bool = False) -> None:
    """Write a check result's findings (violated only, unless ``passing``) in ``format``."""
    findings = [f for f in result.shown if passing or f.status == "violated"]
    summary = result.summary
    if format == "json":
        # indented for people when small; compact (and written by the C encoder) when large
        events = [event.to_dict() for event in result.events]
        stream.write(json.dumps({"findings": [finding.to_dict() for finding in findings], "events": events, "summary": summary},
                                ensure_ascii=False, indent=2 if len(findings) <= 200 else None))
        stream.write("\n")
    elif format == "jsonl":
        for finding in findings:
            stream.write(json.dumps(finding.to_dict(), ensure_ascii=False) + "\n")
    elif format == "csv":
        _csv(findings, stream)
    elif format == "markdown":
        stream.write(markdown(findings, summary))
    elif format == "table":
        _table(findings, summary, stream, result.documents_by_id)
    elif format == "sarif":
        from .sarif import write_sarif

        write_sarif(result, findings, stream)
    elif format == "junit":
        from .junit import write_junit

        write_junit(result, findings, stream)
    elif format == "github":
        from .github import write_github

        write_github(result, findings, stream)
    elif format == "html":
        from ..report import render_html

        stream.write(render_html(findings, result.facts, result.documents, result.claims, summary, events=result.events))
    else:  # pragma: no cover - the command line validates formats
        raise ValueError(f"unknown format {format!r}")


def _csv(findings: Sequence[Finding], stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["rule", "kind", "status", "severity", "message", "fingerprint", "docs", "locations", "claim_texts"])
    for finding in findings:
        writer.writerow([finding.rule, finding.kind, finding.status, finding.severity, finding.message, finding.fingerprint,
                         "; ".join(dict.fromkeys(c.doc for c in finding.claims)),
                         "; ".join(f"{c.doc}:{c.line}:{c.column}" for c in finding.claims),
                         "; ".join(c.text for c in finding.claims)])


def markdown(findings: Sequence[Finding], summary: dict) -> str:
    """A Markdown report (also what goes into a GitHub job summary)."""
    counts = summary["findings"]
    lines = ["## claimcheck", "",
             f"{summary['documents']} documents, {summary['claims']} claims ({summary['claims_checked']} checked by some rule). "
             f"Findings: {counts['violated']} violated, {counts['changed']} changed, {counts['consistent']} consistent.", ""]
    if findings:
        lines += ["| status | severity | rule | finding | where |", "|---|---|---|---|---|"]
        for finding in findings:
            where = "<br>".join(f"{_escape(f'{c.doc}:{c.line}:{c.column}')} {_escape(c.text)}" for c in finding.claims)
            lines.append(f"| {finding.status} | {finding.severity} | `{finding.rule}` | {_escape(finding.message)} | {where} |")
    else:
        lines.append("No findings.")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    """Table-cell text that Markdown (and GitHub's HTML in it) shows as written."""
    import html

    return html.escape(text, quote=False).replace("|", "\\|").replace("`", "\\`").replace("\n", " ")


def highlighted_sentence(claims: Sequence[Claim]):
    """One source sentence with the numbers of ``claims`` (all from that sentence) highlighted."""
    from rich.text import Text

    sentence = claims[0].sentence
    text = Text(sentence)
    cursor = 0
    for claim in sorted(claims, key=lambda c: c.start):
        surface = " ".join(claim.text.split())
        position = sentence.find(surface, cursor)
        if position < 0:
            position = sentence.find(surface)
        if position >= 0:
            text.stylize("bold reverse", position, position + len(surface))
            cursor = position + len(surface)
    return text


def _by_sentence(claims: Sequence[Claim]) -> list[list[Claim]]:
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        groups.setdefault((claim.doc, claim.sentence), []).append(claim)
    return list(groups.values())


def _where(claim: Claim, documents: dict) -> str:
    from .locations import locate

    document = documents.get(claim.doc)
    if document is not None and document.format == "row":
        location = locate(claim, documents)
        return f"{claim.doc} (line {location.line}, column {location.field})"
    return f"{claim.doc}:{claim.line}:{claim.column}"


def _table(findings: Sequence[Finding], summary: dict, stream: TextIO, documents: dict | None = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    wide = None if getattr(stream, "isatty", lambda: False)() else 160
    console = Console(file=stream, highlight=False, width=wide)
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[finding.fact or f"rule {finding.rule}"].append(finding)
    for group, members in groups.items():
        console.rule(Text(group, style="bold"), align="left")
        for finding in members:
            header = Text()
            header.append(f"{_STATUS_MARK[finding.status]} {finding.status}", style=_STATUS_STYLE[finding.status])
            header.append(f"  {finding.severity}  {finding.rule} ({finding.kind})  ", style="dim")
            header.append(finding.message)
            console.print(header)
            sources = Table(show_header=True, header_style="dim", expand=True, show_lines=False, pad_edge=False)
            columns = _by_sentence(finding.claims)
            for group in columns:
                sources.add_column(_where(group[0], documents or {}), ratio=1, overflow="fold")
            sources.add_row(*(highlighted_sentence(group) for group in columns))
            console.print(sources)
        console.print()
    counts = summary["findings"]
    console.print(
        f"{summary['documents']} documents, {summary['claims']} claims: {summary['claims_checked']} checked by some rule, "
        f"{summary['claims_unchecked']} that no rule looked at. Findings: {counts['violated']} violated, "
        f"{counts['changed']} changed, {counts['consistent']} consistent."
    )
