"""The counts every report opens with, worded once: the terminal, Markdown and the GitHub job summary say the same."""

from __future__ import annotations


def coverage_text(summary: dict) -> str:
    """'6 documents, 30 claims: 20 checked by some rule, 10 that no rule looked at; 17 facts'."""
    return (f"{summary['documents']} documents, {summary['claims']} claims: {summary['claims_checked']} checked by some "
            f"rule, {summary['claims_unchecked']} that no rule looked at; {summary['facts']} facts")


def findings_text(summary: dict) -> str:
    """'1 violated (1 error), 2 changed, 8 consistent; 2 accepted (1 suppressed, 1 baselined)': the findings shown,
    by status (any status, known or not), then those held back."""
    parts = []
    for status, count in summary["findings"].items():
        text = f"{count} {status}"
        if status == "violated" and count:
            severities = [f"{n} {severity}{'s' if n != 1 and severity != 'info' else ''}"
                          for severity, n in summary.get("violated_by_severity", {}).items() if n]
            text += f" ({', '.join(severities)})" if severities else ""
        parts.append(text)
    held = held_back_count(summary)
    if held:
        kinds = [f"{summary[key]} {key}" for key in ("suppressed", "baselined") if summary.get(key)]
        parts[-1] += f"; {held} accepted ({', '.join(kinds)})"
    return ", ".join(parts)


def held_back_count(summary: dict) -> int:
    return summary.get("suppressed", 0) + summary.get("baselined", 0)
