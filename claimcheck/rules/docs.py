"""A page per rule, generated from the rule as its pack declares it: what it checks, the settings that differ from
its kind's defaults, its inline examples and how to suppress it. ``docs/rules/<id>.md`` holds the bundled rules'
pages (``claimcheck rules docs docs/rules`` writes them; a test keeps them current), SARIF's ``help`` embeds a
rule's page and ``helpUri`` links the published one, and ``claimcheck rules show ID`` prints it."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

from .ruleset import Rule


def is_bundled(rule: Rule) -> bool:
    """Whether the rule comes from a pack shipped with claimcheck."""
    from .loader import bundled_rules_path

    try:
        return Path(rule.source).resolve().parent == bundled_rules_path().resolve()
    except OSError:
        return False


def rule_origin(rule: Rule, paths=None) -> str:
    """Where a rule is defined, without the install location of a bundled pack: 'general.yaml:11 (bundled)'; a
    project's own pack from the repository root when ``paths`` (:class:`~claimcheck.output.paths.RepoPaths`) is given."""
    if is_bundled(rule):
        return f"{Path(rule.source).name}:{rule.line} (bundled)"
    return f"{paths.path(rule.source) if paths is not None else rule.source}:{rule.line}"


def _pack(rule: Rule) -> str:
    """The pack a rule is in, by file name for a bundled one (the page does not move when lines above it do)."""
    return f"`rules/{Path(rule.source).name}` (bundled)" if is_bundled(rule) else f"`{rule.source}`"


def settings(rule: Rule) -> list[tuple[str, str, str]]:
    """(option, value as written for people, what the option does) for the options that differ from the kind's
    defaults, after the claims the rule reads."""
    from ..checks.registry import rule_kinds

    rows = []
    if rule.measures:
        rows.append(("measures", ", ".join(rule.measures), "the measures (after synonyms) whose claims it reads"))
    if rule.units:
        rows.append(("units", ", ".join(rule.units), "the units whose claims it reads"))
    kind = rule_kinds().get(rule.kind)
    if kind is None or not dataclasses.is_dataclass(rule.options):
        return rows
    for option in kind.option_fields():
        value = getattr(rule.options, option.name, None)
        if value is None or (option.default is not dataclasses.MISSING and value == option.default):
            continue
        rows.append((option.name, _written(value), option.metadata.get("doc", "")))
    return rows


def _written(value) -> str:
    from ..checks.registry import Pattern, ReferenceTable
    from ..model.interval import Tolerance

    if isinstance(value, Tolerance):
        return value.describe()
    if isinstance(value, timedelta):
        return f"{value.days} days"
    if isinstance(value, Pattern):
        return f"`{value.text}`"
    if isinstance(value, ReferenceTable):
        return value.name
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, tuple):
        return ", ".join(f'"{item}"' for item in value)
    return str(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _example(example: dict) -> list[str]:
    expected = [item.get("status", "?") for item in example.get("expect", [])]
    verdict = ("reported as " + " and ".join(f"**{status}**" for status in dict.fromkeys(expected))) if expected \
        else "**not reported**"
    lines = [f"- {verdict}:", ""]
    if "documents" in example:
        for name, text in example["documents"].items():
            lines += [f"  `{name}`", "", *[f"  > {line}" if line else "  >" for line in str(text).splitlines()], ""]
    else:
        lines += [*[f"  > {line}" if line else "  >" for line in str(example.get("text", "")).splitlines()], ""]
    return lines


def rule_page(rule: Rule) -> str:
    """The Markdown page of one rule."""
    from ..checks.registry import rule_kinds

    kind = rule_kinds().get(rule.kind)
    runs = f", run {'a document' if kind.runs_per == 'document' else 'a fact across documents'} at a time" if kind else ""
    lines = [f"# {rule.id}", "", rule.description or f"A `{rule.kind}` rule.", "",
             f"- kind: `{rule.kind}`{runs} (what each kind checks: [the rules guide](../rules.md#rule-kinds))",
             f"- severity of a violated finding: {rule.severity}",
             f"- pack: {_pack(rule)}", ""]
    rows = settings(rule)
    if rows:
        lines += ["## Settings", "", "| setting | value | what it does |", "|---|---|---|",
                  *[f"| `{name}` | {_cell(value)} | {_cell(doc)} |" for name, value, doc in rows], ""]
    if rule.examples:
        lines += ["## Examples", ""]
        for example in rule.examples:
            lines += _example(example)
    lines += ["## How to suppress", "",
              "A finding you accept can stay quiet without turning the rule off:", "",
              f"- in the document, a comment on its own line: `<!-- claimcheck-ignore {rule.id}: why it is accepted -->`",
              "  (every finding of this rule in that document);",
              "- in a suppressions file (`--suppressions FILE`, or `suppressions:` in `claimcheck.yaml`), by rule and",
              "  document, or by the finding's `fingerprint` for that one finding:", "",
              "  ```yaml", "  suppressions:", f"    - rule: {rule.id}", "      doc: reports/page.md        # optional: only this document",
              "      reason: why it is accepted", "      expires: 2026-12-31         # optional: look again then", "  ```", "",
              "- all of today's findings at once: `claimcheck check ... --write-baseline baseline.json`, then",
              "  `--baseline baseline.json` reports only new ones.", "",
              "Accepted findings are still listed as suppressed in SARIF and skipped in JUnit. To run without the rule:",
              f"`claimcheck check --ignore {rule.id} ...`.", ""]
    return "\n".join(lines)


def rule_help_text(rule: Rule) -> str:
    """A short plain-text help for SARIF consumers that do not render Markdown."""
    return (f"{rule.description or rule.id} ({rule.kind} rule, {rule.severity}). To accept a finding: "
            f"<!-- claimcheck-ignore {rule.id}: reason --> in the document, or 'rule: {rule.id}' with a reason in a "
            f"suppressions file; 'claimcheck rules show {rule.id}' prints the full page.")


def index_page(rules: list[Rule]) -> str:
    lines = ["# Bundled rules", "", "One page per rule, generated from the rule packs in `rules/` "
             "(`claimcheck rules docs docs/rules`).", "", "| rule | kind | severity | checks |", "|---|---|---|---|"]
    lines += [f"| [`{rule.id}`]({rule.id}.md) | `{rule.kind}` | {rule.severity} | {_cell(rule.description or '')} |"
              for rule in sorted(rules, key=lambda rule: rule.id)]
    return "\n".join(lines) + "\n"


def write_rule_pages(rules: list[Rule], folder: str | Path) -> list[Path]:
    """Write ``<id>.md`` for each rule and ``index.md`` (atomically); returns the files written."""
    from ..output.atomic import atomic_write

    folder = Path(folder)
    written = []
    for name, text in [*((f"{rule.id}.md", rule_page(rule)) for rule in rules), ("index.md", index_page(rules))]:
        with atomic_write(folder / name) as stream:
            stream.write(text)
        written.append(folder / name)
    return written
