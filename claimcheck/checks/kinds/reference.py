"""``reference``: a claim against a reference table ("roughly equivalent in size to Britain")."""

from __future__ import annotations

from dataclasses import dataclass

from ...facts import dimension
from ...model import Finding, Tolerance
from ...rules.ruleset import Rule
from ...model.interval import convert, quantity_text
from ..context import CheckContext
from ..registry import Pattern, ReferenceTable, option, rule_kind


@dataclass(frozen=True)
class ReferenceOptions:
    table: ReferenceTable = option(doc="the reference table: CSV or YAML with key, value, unit, as_of, source")
    pattern: Pattern = option(doc="where the text names a reference row, as a named group `key`", groups=("key",))
    tolerance: Tolerance | None = option(None, "how far the claim may be from the reference (default: the pack's `defaults.tolerance`, or 15% without a relative part)")


#: how a bounded claim is compared: by its stated figure, which the comparison ("roughly the size of") treats as
#: the size
_BOUND_NOTES = {">": " (a lower bound, compared by its value)", ">=": " (a lower bound, compared by its value)",
                "<": " (an upper bound, compared by its value)", "<=": " (an upper bound, compared by its value)"}


@rule_kind("reference", runs_per="document", severity="info", options=ReferenceOptions, summary="""
a claim against a reference table (CSV or YAML with `key`, `value`, `unit`, `as_of`, `source`): a `pattern` with a
named group `key` ("roughly equivalent in size to (?P<key>Britain)") picks the row; the claim in the same sentence
with a compatible unit is compared within `tolerance`.""")
def check_reference(rule: Rule, context: CheckContext) -> list[Finding]:
    options: ReferenceOptions = rule.options
    pattern = options.pattern.compiled
    rows = {str(row["key"]).lower(): row for row in options.table.rows}
    tolerance = options.tolerance or context.rules.default_tolerance
    findings = []
    by_sentence: dict[tuple, list] = {}
    for claim in context.claims_for(rule):
        by_sentence.setdefault((claim.doc, claim.sentence), []).append(claim)
    for (doc, sentence), claims in by_sentence.items():
        for match in pattern.finditer(sentence):
            if not match.group("key"):
                continue
            row = rows.get(match.group("key").strip().lower())
            if row is None:
                continue
            comparable = [c for c in claims if dimension(c.unit) == dimension(str(row["unit"]))]
            if not comparable:
                continue
            claim = comparable[-1]
            reference = convert(float(row["value"]), str(row["unit"]), claim.unit)
            if not reference:
                continue
            ratio = claim.value / reference
            slack = tolerance.rel or 0.15
            holds = abs(ratio - 1) <= slack
            bound = _BOUND_NOTES.get(claim.bound, "")
            message = (f"{quantity_text(claim.value, claim.unit, claim.bound)} vs {match.group('key')} "
                       f"{quantity_text(reference, claim.unit)} ({row.get('source') or 'reference'}, as of {row.get('as_of') or '—'}): "
                       f"the stated figure is {ratio * 100:.0f}% of the reference{bound}, "
                       f"{'within' if holds else 'beyond'} {slack * 100:g}%")
            findings.append(context.finding(rule, "consistent" if holds else "violated", message, [claim]))
    return findings
