"""Claims as a rich table, JSON Lines or CSV: every field of :class:`~claimcheck.model.Claim`."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import TextIO

from ..model import CLAIM_FIELDS, Claim
from .safe import csv_record, terminal_text

CLAIM_FORMATS = ("table", "jsonl", "csv")


def write_claims(claims: Sequence[Claim], stream: TextIO, format: str, console=None) -> None:
    if format == "jsonl":
        for claim in claims:
            stream.write(json.dumps(claim.to_dict(), ensure_ascii=False) + "\n")
    elif format == "csv":
        writer = csv.DictWriter(stream, fieldnames=list(CLAIM_FIELDS), lineterminator="\n")
        writer.writeheader()
        for claim in claims:
            writer.writerow(csv_record({key: "" if value is None else value for key, value in claim.to_dict().items()}))
    elif format == "table":
        _table(claims, stream, console)
    else:  # pragma: no cover - the command line validates formats
        raise ValueError(f"unknown format {format!r}")


def _interval(claim: Claim) -> str:
    low = "−∞" if claim.low is None else f"{claim.low:,.6g}"
    high = "∞" if claim.high is None or claim.high == float("inf") else f"{claim.high:,.6g}"
    return claim.bound if not claim.is_range and claim.bound == "=" else f"{claim.bound} [{low}, {high}]"


def _table(claims: Sequence[Claim], stream: TextIO, console) -> None:
    from rich.console import Console
    from rich.table import Table

    wide = None if getattr(stream, "isatty", lambda: False)() else 200  # files and pipes get every column whole
    console = console or Console(file=stream, highlight=False, soft_wrap=False, width=wide)
    table = Table(show_lines=False, header_style="bold", expand=False)
    for column in ("doc:line:col", "text", "value", "bound", "unit", "measure", "place", "actor", "date"):
        table.add_column(column, overflow="fold")
    for claim in claims:
        table.add_row(*map(terminal_text, (f"{claim.doc}:{claim.line}:{claim.column}", claim.text, f"{claim.value:,.6g}",
                                           _interval(claim), claim.unit, claim.measure or "", claim.place or "",
                                           claim.actor or "", claim.date or "")))
    console.print(table)
    console.print(f"{len(claims)} claim{'s' if len(claims) != 1 else ''} in {len({c.doc for c in claims})} document(s)")
