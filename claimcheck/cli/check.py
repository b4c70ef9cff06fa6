"""``claimcheck check``, ``claimcheck config`` and ``claimcheck rules``."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import InputError
from . import (EXIT_FINDINGS, EXIT_OK, ConfigOption, FailOn, MaxDocumentOption, MaxLineOption, NoBundledOption, RulesOption,
               _stderr, _with_progress, app, exit_code)

rules_app = typer.Typer(help="Rule packs: print the schema, run the rules' own tests.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (read recursively), datasets (.csv, .jsonl, .parquet) or - for stdin.")],
    rules: RulesOption = None,
    no_bundled: Annotated[Optional[bool], typer.Option("--no-bundled", help="Do not load the bundled rule packs.")] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="table, json, jsonl, csv, sarif, junit, github or markdown [default: table on a terminal, else json].")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout; - is stdout.")] = None,
    passing: Annotated[Optional[bool], typer.Option("--passing", help="Also list consistent and changed findings.")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Exit 1 when a violated finding is at or above this severity [default: error].")] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Report only findings not in this baseline, and which baselined ones are gone.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option("--write-baseline", help="Record today's violated findings as the baseline (atomically).")] = None,
    suppressions: Annotated[Optional[Path], typer.Option("--suppressions", help="YAML file of accepted findings (fingerprint or rule + doc, reason, expires).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Extraction worker processes [default: all cores].", min=0)] = None,
    cache: Annotated[Optional[bool], typer.Option("--cache/--no-cache", help="Reuse extraction results of unchanged documents [default: on].")] = None,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", help="Where the extraction cache lives [default: .claimcheck-cache].")] = None,
    text_column: Annotated[Optional[list[str]], typer.Option("--text-column", help="Dataset column holding text (repeatable) [default: text].")] = None,
    id_column: Annotated[Optional[str], typer.Option("--id-column", help="Dataset column with each row's id [default: the row number].")] = None,
    date_column: Annotated[Optional[str], typer.Option("--date-column", help="Dataset column with each row's date.")] = None,
    source_column: Annotated[Optional[str], typer.Option("--source-column", help="Dataset column with each row's source (outlet).")] = None,
    claim_column: Annotated[Optional[list[str]], typer.Option("--claim-column", help="A numeric dataset column read as a claim: COLUMN=MEASURE[:UNIT] (repeatable).")] = None,
    encoding: Annotated[Optional[str], typer.Option(help="Read documents in this encoding instead of UTF-8.")] = None,
    approximate_band: Annotated[Optional[float], typer.Option(help="Half-width of 'about N' intervals, as a fraction of N [default: 0.1].", min=0.0, max=1.0)] = None,
    near_band: Annotated[Optional[float], typer.Option(help="Width of 'nearly N' intervals, as a fraction of N [default: 0.1].", min=0.0, max=1.0)] = None,
    max_document_mb: MaxDocumentOption = None,
    max_line_length: MaxLineOption = None,
    config: ConfigOption = None,
) -> None:
    """Check the claims in documents with the rules: arithmetic and agreement between sources, explained."""
    from ..baseline import write_baseline as record
    from ..checker import Checker, collector_paused
    from ..config import load_settings
    from ..output import FINDING_FORMATS, atomic_write, write_report

    overrides = {"rules": [str(r) for r in rules or []], "bundled": None if no_bundled is None else not no_bundled,
                 "format": format, "passing": passing, "fail_on": fail_on.value if fail_on else None,
                 "baseline": str(baseline) if baseline else None, "suppressions": str(suppressions) if suppressions else None,
                 "jobs": jobs, "cache": cache, "cache_dir": str(cache_dir) if cache_dir else None,
                 "text_columns": text_column, "id_column": id_column, "date_column": date_column,
                 "source_column": source_column, "encoding": encoding, "approximate_band": approximate_band,
                 "near_band": near_band, "claim_columns": _claim_columns(claim_column or []),
                 "max_document_mb": max_document_mb, "max_line_length": max_line_length}
    settings = load_settings(config, overrides)
    output = None if output is not None and str(output) == "-" else output  # the usual spelling of stdout
    chosen = settings.format or ("table" if (output is None and sys.stdout.isatty()) else "json")
    if chosen not in FINDING_FORMATS:
        raise InputError(f"unknown format {chosen!r} (choose from {', '.join(FINDING_FORMATS)})")
    checker = Checker.from_settings(settings, reuse_findings=chosen != "html")  # the HTML report charts every claim
    checker.rule_set  # rule-file errors stop the run before any document is read
    result = checker.check(paths, baseline=settings.baseline, suppressions=settings.suppressions,
                           progress=_with_progress)
    _report_triage(result)
    if write_baseline is not None:
        count = record(result.findings, write_baseline)
        _stderr(f"baseline: {count} violated finding(s) recorded in {write_baseline}")
    with collector_paused():
        if output is not None:
            with atomic_write(output) as stream:
                write_report(result, stream, chosen, settings.passing)
        else:
            write_report(result, sys.stdout, chosen, settings.passing)
    # recording a baseline accepts today's findings: that run succeeds
    raise typer.Exit(EXIT_OK if write_baseline is not None else exit_code(result.shown, settings.fail_on))


def _claim_columns(specs: list[str]) -> dict:
    columns = {}
    for spec in specs:
        column, equals, rest = spec.partition("=")
        if not equals or not column or not rest:
            raise InputError(f"--claim-column {spec!r}: write COLUMN=MEASURE or COLUMN=MEASURE:UNIT")
        measure, _, unit = rest.partition(":")
        columns[column.strip()] = {"measure": measure.strip(), **({"unit": unit.strip()} if unit.strip() else {})}
    from ..config import validate_claim_columns

    return validate_claim_columns(columns, "--claim-column")


def _report_triage(result) -> None:
    triage = result.triage
    if triage is None:
        return
    for entry in triage.gone:
        _stderr(f"baseline: gone (no longer found): {entry.get('rule')} {entry.get('fingerprint')} {entry.get('message', '')}")
    for suppression in triage.unused:
        _stderr(f"warning: {suppression.origin}: unused suppression ({suppression.rule or suppression.fingerprint}: {suppression.reason})")
    for suppression in triage.expired:
        _stderr(f"warning: {suppression.origin}: suppression expired on {suppression.expires} ({suppression.reason})")



config_app = typer.Typer(help="Configuration: claimcheck.yaml or \\[tool.claimcheck] in pyproject.toml.", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
def config_show(config: ConfigOption = None) -> None:
    """Print the resolved configuration and where each value came from."""
    import json

    from ..config import load_settings

    settings = load_settings(config)
    width = max(len(key) for key in settings.as_dict())
    for key, value in settings.as_dict().items():
        print(f"{key:{width}}  {json.dumps(value)}  ({settings.origins.get(key, 'default')})")



@rules_app.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema of rule files (for editors, e.g. yaml-language-server)."""
    import json

    from ..rules import RULE_FILE_SCHEMA

    print(json.dumps(RULE_FILE_SCHEMA, indent=2))


@rules_app.command("list")
def rules_list(rules: RulesOption = None, no_bundled: NoBundledOption = False) -> None:
    """List the rules that would run: id, kind, severity and where each is defined."""
    from ..rules import load_rules

    for rule in load_rules(rules or [], bundled=not no_bundled).rules:
        print(f"{rule.id:32} {rule.kind:10} {rule.severity:8} {rule.source}:{rule.line}")


@rules_app.command("kinds")
def rules_kinds() -> None:
    """Print the rule kinds and their options (Markdown tables, as in docs/rules.md)."""
    from ..checks.registry import kinds_table, options_table

    print(kinds_table())
    print()
    print(options_table())


@rules_app.command("test")
def rules_test(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Rule files or folders (default: the bundled packs); a folder's tests/ holds fixture documents.")] = None,
) -> None:
    """Run each rule's inline examples and annotated fixture documents; exit 1 on any mismatch."""
    from ..rules import bundled_rules_path, load_rules
    from ..rules.testing import fixture_files, run_rule_tests

    targets = paths or [bundled_rules_path()]
    rule_set = load_rules(targets, bundled=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reports = run_rule_tests(rule_set, fixture_files(targets))
    failed = 0
    for rule_id, report in sorted(reports.items()):
        state = "ok" if report.passed else "FAIL"
        print(f"{state:4} {rule_id}: {len(report.hits)} hits, {len(report.misses)} misses, {len(report.false_alarms)} false alarms")
        for line in report.misses:
            print(f"       miss: {line}")
        for line in report.false_alarms:
            print(f"       false alarm: {line}")
        failed += not report.passed
    print(f"{len(reports) - failed} passed, {failed} failed")
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)

