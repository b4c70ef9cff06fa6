"""The terminal report of ``claimcheck check``: the summary first (documents, coverage, findings by status and by
rule), then the findings grouped by event and fact under headings in plain words ("strikes in Iraq (count)"), each
with its source sentences and the numbers highlighted, and the counts again at the end. Locations are printed
whole (a long path is never broken inside), and a status this version does not know is shown as it comes.

Also the one-line-per-finding view of ``--quiet`` and the per-rule table of ``--statistics``."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TextIO

from ..model import Claim, Finding
from .safe import terminal_text
from .summary import coverage_text, findings_text

STATUS_STYLE = {"violated": "bold red", "changed": "yellow", "consistent": "green"}
STATUS_MARK = {"violated": "✗", "changed": "~", "consistent": "✓"}
#: pint dimensions in words; a currency dimension is its code, any other single dimension its name
DIMENSION_WORDS = {"[count]": "count", "dimensionless": "number", "[percentage_point]": "percentage points",
                   "[length]": "length", "[length] ** 2": "area", "[length] ** 3": "volume", "[time]": "duration",
                   "[mass]": "mass", "[length] / [time]": "speed", "[temperature]": "temperature"}
_INDENT = "    "


# ---- headings -----------------------------------------------------------------------------------------------

def dimension_word(dimension: str | None, units: Sequence[str] = ()) -> str:
    """'[count]' -> 'count', '[length] ** 2' -> 'area', '[currency_USD]' -> 'USD'; a dimensionless figure is a
    'percent' when its claims' ``units`` are all percentages, else a 'number'."""
    if not dimension:
        return ""
    if dimension == "dimensionless" and units and all(unit == "percent" for unit in units):
        return "percent"
    if dimension in DIMENSION_WORDS:
        return DIMENSION_WORDS[dimension]
    single = re.fullmatch(r"\[(?:currency_)?(\w+)\]", dimension)
    return single.group(1).replace("_", " ") if single else dimension


def parse_fact_key(text: str) -> SimpleNamespace | None:
    """A fact key back from how findings write it ('strikes (killed) | US | Iraq | of X | [count]'), for findings
    reported from the cache without their facts; None when the text is not written that way."""
    parts = text.split(" | ")
    if len(parts) < 4:
        return None
    measure, outcome = parts[0], None
    found = re.fullmatch(r"(.+) \(([^()]+)\)", measure)
    if found:
        measure, outcome = found.groups()
    extras = {}
    for part in parts[3:-1]:
        for name, prefix in (("subject", "of "), ("scope", "scope "), ("period", "as of "), ("event", "event ")):
            if part.startswith(prefix):
                extras[name] = part[len(prefix):]
    return SimpleNamespace(measure=measure, outcome=outcome, actor=None if parts[1] == "*" else parts[1],
                           place=None if parts[2] == "*" else parts[2], dimension=parts[-1], **extras)


def fact_heading(key, units: Sequence[str] = ()) -> str:
    """A fact key in plain words: 'US troops in Syria (count)', 'pro-government fighters killed (count)',
    'territory in Syria (percent)'. Reads any fact key by its fields, so fields added later are no obstacle;
    ``units`` are its claims' (they tell a percentage from another ratio)."""
    words = [getattr(key, "actor", None), key.measure, getattr(key, "outcome", None)]
    text = " ".join(word for word in words if word)
    subject, place = getattr(key, "subject", None), getattr(key, "place", None)
    text += f" of {subject}" if subject else ""
    text += f" in {place}" if place else ""
    qualifiers = [getattr(key, "scope", None), f"as of {key.period}" if getattr(key, "period", None) else None]
    text += "".join(f", {qualifier}" for qualifier in qualifiers if qualifier)
    dimension = dimension_word(getattr(key, "dimension", None), units)
    return text + (f" ({dimension})" if dimension and dimension != key.measure else "")


def _groups(findings: Sequence[Finding], facts) -> list[tuple[str | None, str, list[Finding]]]:
    """(event, heading, findings) in the order the findings come: by event, then by fact; findings of one
    document's rules (no fact) by document and what they count."""
    keys = {str(fact.key): fact.key for fact in facts}
    groups: dict[tuple[str | None, str], list[Finding]] = {}
    for finding in findings:
        if finding.fact:
            key = keys.get(finding.fact) or parse_fact_key(finding.fact)
            heading = fact_heading(key, [claim.unit for claim in finding.claims]) if key is not None else finding.fact
            event = getattr(key, "event", None)
        else:
            measures = Counter(claim.measure for claim in finding.claims if claim.measure)
            doc = finding.claims[0].doc if finding.claims else ""
            heading = f"{doc}: {measures.most_common(1)[0][0]}" if measures else doc or f"rule {finding.rule}"
            event = None
        groups.setdefault((None if event is None else str(event), heading), []).append(finding)
    return [(event, heading, members) for (event, heading), members in groups.items()]


# ---- the report ---------------------------------------------------------------------------------------------

def _console(stream: TextIO):
    from rich.console import Console

    tty = getattr(stream, "isatty", lambda: False)()
    columns = os.environ.get("COLUMNS", "")
    width = None if tty else (int(columns) if columns.isdigit() and int(columns) > 20 else 160)
    return Console(file=stream, highlight=False, width=width)


def rule_counts(result) -> dict[str, Counter]:
    """Per rule: the shown findings by status, and ``accepted`` (suppressed or baselined)."""
    if getattr(result, "rule_counts", None) is not None:  # counted where the findings were (a run on a cluster)
        return result.rule_counts
    counts: dict[str, Counter] = {}
    for finding in result.shown:
        counts.setdefault(finding.rule, Counter())[finding.status] += 1
    for finding, _, _ in (result.triage.held_back() if result.triage is not None else []):
        counts.setdefault(finding.rule, Counter())["accepted"] += 1
    return counts


def _count_rows(result) -> tuple[list[str], list[tuple[str, str, list[int]]]]:
    """The status columns (known statuses first, any other after, then ``accepted`` when some were) and per rule
    (most findings first) its id, kind and counts."""
    counts = rule_counts(result)
    statuses = list(dict.fromkeys([*result.summary["findings"], *(s for c in counts.values() for s in c if s != "accepted")]))
    columns = statuses + (["accepted"] if any(c["accepted"] for c in counts.values()) else [])
    kinds = {rule.id: rule.kind for rule in (result.rule_set.rules if result.rule_set else [])}
    order = sorted(counts, key=lambda rule: (*(-counts[rule][status] for status in columns), rule))
    return columns, [(rule, kinds.get(rule, "?"), [counts[rule][status] for status in columns]) for rule in order]


def _rule_lines(result) -> list[str]:
    """The per-rule counts as aligned lines: a header, then a line per rule."""
    columns, rows = _count_rows(result)
    widths = [max([len(column), *(len(str(values[i])) for _, _, values in rows)]) for i, column in enumerate(columns)]
    lines = ["  ".join(column.rjust(width) for column, width in zip(columns, widths)) + "  rule"]
    for rule, kind, values in rows:
        lines.append("  ".join(str(value).rjust(width) for value, width in zip(values, widths)) + f"  {rule} ({kind})")
    return lines


def _summary(console, result) -> None:
    from rich.text import Text

    summary = result.summary
    _wrapped(console, Text(f"{coverage_text(summary)}."), 0)
    _wrapped(console, Text(f"Findings: {findings_text(summary)}."), 0)
    lines = _rule_lines(result)
    for line in lines if len(lines) > 1 else []:
        console.print(Text(line), soft_wrap=True)


def _where(claim: Claim, documents: dict) -> str:
    from .locations import locate

    document = documents.get(claim.doc)
    if document is not None and document.format == "row":
        location = locate(claim, documents)
        return terminal_text(f"{claim.doc} (line {location.line}, column {location.field})")
    return terminal_text(f"{claim.doc}:{claim.line}:{claim.column}")


def highlighted_sentence(claims: Sequence[Claim]):
    """One source sentence with the numbers of ``claims`` (all from that sentence) highlighted."""
    from rich.text import Text

    sentence = terminal_text(claims[0].sentence)  # a document's escape sequences never reach the terminal
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


def _wrapped(console, text, indent: int) -> None:
    """Print ``text`` (a rich Text) wrapped at spaces to the console's width, ``indent`` columns in; a word longer
    than a line (a path, a URL) is printed whole, never broken inside."""
    width = max(console.width - indent, 20)
    plain, offsets, start, end = text.plain, [], 0, 0
    for word in re.finditer(r"\S+", plain):
        if word.end() - start > width and end > start:
            offsets.append(word.start())
            start = word.start()
        end = word.end()
    for line in text.divide(offsets):
        line.rstrip()
        console.print(_indented(line, indent), soft_wrap=True)


def _indented(line, indent: int):
    from rich.text import Text

    return Text(" " * indent).append_text(line)


def _heading(console, text: str, line: str) -> None:
    """'── heading ─────' to the console's width; a heading longer than a line is printed whole."""
    from rich.text import Text

    heading = Text(f"{line * 2} ")
    text = terminal_text(text)
    heading.append(text, style="bold")
    heading.append(" " + line * max(console.width - len(text) - 4, 2))
    console.print(heading, soft_wrap=True)


def _finding(console, finding: Finding, documents: dict) -> None:
    from rich.text import Text

    header = Text()
    header.append(f"{STATUS_MARK.get(finding.status, '•')} {finding.status}", style=STATUS_STYLE.get(finding.status, "bold"))
    header.append(f"  {finding.severity}  {finding.rule} ({finding.kind})", style="dim")
    console.print(header, soft_wrap=True)
    _wrapped(console, Text(terminal_text(finding.message)), len(_INDENT))
    for sentence in _by_sentence(finding.claims):
        console.print(Text(_INDENT + _where(sentence[0], documents), style="cyan"), soft_wrap=True)
        _wrapped(console, highlighted_sentence(sentence), 2 * len(_INDENT))


def write_table(result, findings: Sequence[Finding], stream: TextIO, passing: bool = False) -> None:
    """Summary, then the findings by event and fact, then the counts again (the end of a long report)."""
    from rich.text import Text

    console = _console(stream)
    _summary(console, result)
    documents = result.documents_by_id
    event_shown = None
    for event, heading, members in _groups(findings, result.facts):
        console.print()
        if event is not None and event != event_shown:
            _heading(console, f"event: {event}", "═")
            event_shown = event
        _heading(console, heading, "─")
        for finding in members:
            _finding(console, finding, documents)
    console.print()
    listed = "all findings listed" if passing else "violated findings listed (--passing lists all)"
    _wrapped(console, Text(f"Findings: {findings_text(result.summary)}; {listed}."), 0)


def write_concise(result, findings: Sequence[Finding], stream: TextIO) -> None:
    """``--quiet``: one line per violated finding, ``path:line:column: severity rule: message``."""
    from .locations import where_text

    documents = result.documents_by_id
    for finding in findings:
        where = where_text(finding.claims[0], documents) if finding.claims else "-"
        stream.write(terminal_text(f"{where}: {finding.severity} {finding.rule}: {' '.join(finding.message.split())}") + "\n")


def write_statistics(result, stream: TextIO, format: str) -> None:
    """``--statistics``: per rule, its findings by status and how many were accepted; a table or JSON."""
    columns, rows = _count_rows(result)
    if format == "json":
        entries = [{"rule": rule, "kind": kind, **dict(zip(columns, values))} for rule, kind, values in rows]
        stream.write(json.dumps(entries, indent=2) + "\n")
        return
    stream.write("".join(line + "\n" for line in _rule_lines(result)))
