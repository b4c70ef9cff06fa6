"""Findings as a table (grouped by fact, source sentences side by side, numbers highlighted) or JSON."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import TextIO

from ..model import Claim, Finding

FINDING_FORMATS = ("table", "json")
_STATUS_STYLE = {"violated": "bold red", "changed": "yellow", "consistent": "green"}
_STATUS_MARK = {"violated": "✗", "changed": "~", "consistent": "✓"}


def write_findings(findings: Sequence[Finding], summary: dict, stream: TextIO, format: str) -> None:
    if format == "json":
        json.dump({"findings": [finding.to_dict() for finding in findings], "summary": summary}, stream,
                  ensure_ascii=False, indent=2)
        stream.write("\n")
    elif format == "table":
        _table(findings, summary, stream)
    else:  # pragma: no cover - the command line validates formats
        raise ValueError(f"unknown format {format!r}")


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


def _table(findings: Sequence[Finding], summary: dict, stream: TextIO) -> None:
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
                sources.add_column(f"{group[0].doc}:{group[0].line}:{group[0].column}", ratio=1, overflow="fold")
            sources.add_row(*(highlighted_sentence(group) for group in columns))
            console.print(sources)
        console.print()
    counts = summary["findings"]
    console.print(
        f"{summary['documents']} documents, {summary['claims']} claims: {summary['claims_checked']} checked by some rule, "
        f"{summary['claims_unchecked']} that no rule looked at. Findings: {counts['violated']} violated, "
        f"{counts['changed']} changed, {counts['consistent']} consistent."
    )
