"""``claimcheck check``, ``claimcheck config`` and ``claimcheck rules``."""

from __future__ import annotations

import sys
import warnings
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import InputError
from . import (EXIT_FINDINGS, EXIT_OK, ConfigOption, FailOn, MaxDocumentOption, MaxLineOption, NoBundledOption,
               RulesOption, _stderr, _with_progress, app, default, example, exit_code, hush_warnings)
from .cluster import PartitionOption, SchedulerOption, ScratchOption

rules_app = typer.Typer(help="Rule packs: list and document the rules, print the schema, run the rules' own tests.",
                        no_args_is_help=True, epilog=example("claimcheck rules show parts-sum-to-total"))
app.add_typer(rules_app, name="rules")


@app.command(epilog=example("claimcheck check examples/corpus --format sarif --output claimcheck.sarif"))
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="PATHS...", help="Files, folders (read recursively), datasets (.csv, .jsonl, .parquet) or - for stdin; with --changed, the changed files and the folders to compare them with; with --scheduler, glob patterns and fsspec URLs too.")] = None,
    rules: RulesOption = None,
    no_bundled: Annotated[Optional[bool], typer.Option("--no-bundled", help="Do not load the bundled rule packs.")] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", metavar="FORMAT", help=default("table, json, jsonl, csv, sarif, junit, github, markdown or html.", "table on a terminal, else json"))] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help=default("Write to this file (atomically); - is stdout.", "stdout"))] = None,
    passing: Annotated[Optional[bool], typer.Option("--passing", help="Also list consistent and changed findings.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Violated findings only, one line each on a terminal; no summary, no warnings.")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Print how many findings each rule has, by status, instead of the findings (table or json).")] = False,
    select: Annotated[Optional[list[str]], typer.Option("--select", metavar="RULE", help=default("Report only these rules: ids or kinds, comma-separated or repeated.", "all"))] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", metavar="RULE", help="Do not report these rules: ids or kinds, comma-separated or repeated.")] = None,
    changed: Annotated[bool, typer.Option("--changed", help="Report only findings that involve the files among PATHS, comparing them with the folders among PATHS (default: the documents git lists here); for pre-commit.")] = False,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", metavar="SEVERITY", help=default("Exit 1 when a violated finding is at or above this severity: error, warning, info or never.", "error"))] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", metavar="FILE", help="Report only findings not in this baseline, and which baselined ones are gone.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option("--write-baseline", metavar="FILE", help="Record today's violated findings as the baseline (atomically).")] = None,
    suppressions: Annotated[Optional[Path], typer.Option("--suppressions", metavar="FILE", help="YAML file of accepted findings (fingerprint or rule + doc, reason, expires).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", metavar="N", help=default("Extraction worker processes (0: one per core).", "0"), min=0)] = None,
    cache: Annotated[Optional[bool], typer.Option("--cache/--no-cache", help=default("Reuse the results of unchanged documents and facts.", "--cache"))] = None,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", metavar="DIR", help=default("Where the cache lives.", ".claimcheck-cache"))] = None,
    text_column: Annotated[Optional[list[str]], typer.Option("--text-column", metavar="COLUMN", help=default("Dataset column holding text (repeatable).", "text"))] = None,
    id_column: Annotated[Optional[str], typer.Option("--id-column", metavar="COLUMN", help=default("Dataset column with each row's id.", "the row number"))] = None,
    date_column: Annotated[Optional[str], typer.Option("--date-column", metavar="COLUMN", help="Dataset column with each row's date.")] = None,
    source_column: Annotated[Optional[str], typer.Option("--source-column", metavar="COLUMN", help="Dataset column with each row's source (outlet).")] = None,
    claim_column: Annotated[Optional[list[str]], typer.Option("--claim-column", metavar="COLUMN=MEASURE[:UNIT]", help="A numeric dataset column read as a claim (repeatable).")] = None,
    encoding: Annotated[Optional[str], typer.Option(metavar="NAME", help=default("Read documents in this encoding.", "UTF-8, or the encoding a BOM names"))] = None,
    approximate_band: Annotated[Optional[float], typer.Option(metavar="FRACTION", help=default("Half-width of 'about N' intervals, as a fraction of N.", "0.1"), min=0.0, max=1.0)] = None,
    near_band: Annotated[Optional[float], typer.Option(metavar="FRACTION", help=default("Width of 'nearly N' intervals, as a fraction of N.", "0.1"), min=0.0, max=1.0)] = None,
    claims: Annotated[Optional[str], typer.Option("--claims", metavar="DIR", help="Check a claims dataset (claimcheck extract --format parquet) instead of PATHS: nothing is extracted again.")] = None,
    scheduler: SchedulerOption = None,
    partition_size: PartitionOption = None,
    scratch: ScratchOption = None,
    max_document_mb: MaxDocumentOption = None,
    max_line_length: MaxLineOption = None,
    config: ConfigOption = None,
) -> None:
    """Check the claims in documents with the rules: arithmetic and agreement between sources, explained."""
    from ..baseline import write_baseline as record
    from ..checker import Checker, collector_paused
    from ..config import load_settings
    from ..output import FINDING_FORMATS, atomic_write, write_report
    from ..selection import changed_run, involves, keep, selected_rules

    if quiet:
        hush_warnings()
    overrides = {"rules": [str(r) for r in rules or []], "bundled": None if no_bundled is None else not no_bundled,
                 "format": format, "passing": passing, "fail_on": fail_on.value if fail_on else None,
                 "baseline": str(baseline) if baseline else None, "suppressions": str(suppressions) if suppressions else None,
                 "jobs": jobs, "cache": cache, "cache_dir": str(cache_dir) if cache_dir else None,
                 "text_columns": text_column, "id_column": id_column, "date_column": date_column,
                 "source_column": source_column, "encoding": encoding, "approximate_band": approximate_band,
                 "near_band": near_band, "claim_columns": _claim_columns(claim_column or []), "select": select,
                 "ignore": ignore, "max_document_mb": max_document_mb, "max_line_length": max_line_length}
    settings = load_settings(config, overrides)
    output = None if output is not None and str(output) == "-" else output  # the usual spelling of stdout
    chosen = settings.format or ("table" if (output is None and sys.stdout.isatty()) else "json")
    if chosen not in FINDING_FORMATS:
        raise InputError(f"unknown format {chosen!r} (choose from {', '.join(FINDING_FORMATS)})")
    if statistics and chosen not in ("table", "json"):
        raise InputError(f"--statistics prints a table or json, not {chosen}")
    if not paths and claims is None:
        raise InputError("give the documents to check (PATHS...) or a claims dataset (--claims DIR)")
    if paths and claims is not None:
        raise InputError("give PATHS or --claims DIR, not both: a claims dataset holds its documents")
    checker = Checker.from_settings(settings, reuse_findings=chosen != "html")  # the HTML report charts every claim
    reported = selected_rules(checker.rule_set, settings.select, settings.ignore)  # rule-file errors stop here, first
    if scheduler is not None:
        _check_on_cluster(checker, paths, claims, scheduler, settings, chosen, reported, changed, statistics, quiet,
                          output, write_baseline, partition_size, scratch)
    sources, changed_files = changed_run(paths) if changed else (paths, None)
    if claims is not None:
        if changed:
            raise InputError("--changed reads changed files: it does not apply to a claims dataset")
        sources, stored = _claims_dataset(claims)
    result = checker.check(sources, baseline=settings.baseline, suppressions=settings.suppressions,
                           progress=_with_progress, claims=stored if claims is not None else None)
    if reported is not None or changed_files is not None:
        touching = involves(result, changed_files) if changed_files is not None else None
        keep(result, lambda finding: (reported is None or finding.rule in reported)
             and (touching is None or touching(finding)), reported)
    if not quiet:
        _report_triage(result)
    if write_baseline is not None:
        count = record(result.findings, write_baseline)
        _stderr(f"baseline: {count} violated finding(s) recorded in {write_baseline}")
    with collector_paused():
        with (atomic_write(output) if output is not None else nullcontext(sys.stdout)) as stream:
            if statistics:
                from ..output.terminal import write_statistics

                write_statistics(result, stream, chosen)
            else:
                write_report(result, stream, chosen, settings.passing, quiet)
    # recording a baseline accepts today's findings: that run succeeds
    raise typer.Exit(EXIT_OK if write_baseline is not None else exit_code(result.shown, settings.fail_on))


def _claims_dataset(location: str):
    """The documents and claims of a claims dataset, all parts."""
    from ..parquet import read_dataset

    documents, claims = [], []
    for part_documents, part_claims in read_dataset(location):
        documents.extend(part_documents)
        claims.extend(part_claims)
    return documents, claims


def _check_on_cluster(checker, paths, claims, scheduler, settings, chosen, reported, changed, statistics, quiet, output,
                      write_baseline, partition_size, scratch) -> None:
    """``check --scheduler``: the same run on a Dask cluster, its report streamed from the workers' sorted findings."""
    from ..baseline import write_baseline as record
    from ..checker import collector_paused
    from ..cluster import check_on_cluster, connect
    from ..cluster.report import REFUSED, STREAMED, write_streamed
    from ..output import atomic_write, write_report
    from .cluster import announce, progress_bars

    if changed:
        raise InputError("--changed compares a few files with a corpus: run it without --scheduler")
    if chosen in REFUSED:
        raise InputError(f"--format {chosen} lists every document{' and claim' if chosen == 'html' else ''}: with "
                         f"--scheduler, choose {', '.join(f for f in ('json', 'jsonl', 'csv', 'sarif', 'github', 'markdown', 'table'))}")
    with connect(scheduler) as client:
        announce(client, quiet)
        result = check_on_cluster(checker, paths, client, claims=claims, baseline=settings.baseline,
                                  suppressions=settings.suppressions, reported=reported, per_part=partition_size,
                                  scratch=scratch, progress=progress_bars())
        try:
            if not quiet:
                _report_triage(result)
            if write_baseline is not None:
                violated = [finding for finding, _, _, _ in result.findings(("shown", "suppressed", "baselined"), False)]
                count = record(violated, write_baseline)
                _stderr(f"baseline: {count} violated finding(s) recorded in {write_baseline}")
            with collector_paused():
                with (atomic_write(output) if output is not None else nullcontext(sys.stdout)) as stream:
                    if statistics:
                        from ..output.terminal import write_statistics

                        write_statistics(result, stream, chosen)
                    elif chosen in STREAMED:
                        write_streamed(result, stream, chosen, settings.passing, quiet)
                    else:
                        write_report(result.materialized(settings.passing and not quiet), stream, chosen,
                                     settings.passing, quiet)
        finally:
            result.close()
    raise typer.Exit(EXIT_OK if write_baseline is not None else result.exit_code(settings.fail_on))


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


def _did_you_mean(name: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else " (see claimcheck rules list)"


def _report_triage(result) -> None:
    triage = result.triage
    if triage is None:
        return
    for entry in triage.gone:
        _stderr(f"baseline: gone (no longer found): {entry.get('rule')} {entry.get('fingerprint')} {entry.get('message', '')}")
    for suppression in triage.unknown:
        _stderr(f"warning: {suppression.origin}: suppression names no loaded rule {suppression.rule!r}"
                f"{_did_you_mean(suppression.rule, [rule.id for rule in result.rule_set.rules])}")
    for suppression in triage.unused:
        _stderr(f"warning: {suppression.origin}: unused suppression ({suppression.rule or suppression.fingerprint}: {suppression.reason})")
    for suppression in triage.expired:
        _stderr(f"warning: {suppression.origin}: suppression expired on {suppression.expires} ({suppression.reason})")



config_app = typer.Typer(help="Configuration: claimcheck.yaml or \\[tool.claimcheck] in pyproject.toml.", no_args_is_help=True,
                         epilog=example("claimcheck config show"))
app.add_typer(config_app, name="config")


@config_app.command("show", epilog=example("claimcheck config show --config examples/dataset/claimcheck.yaml"))
def config_show(config: ConfigOption = None) -> None:
    """Print the resolved configuration and where each value came from."""
    import json

    from ..config import load_settings

    settings = load_settings(config)
    width = max(len(key) for key in settings.as_dict())
    for key, value in settings.as_dict().items():
        print(f"{key:{width}}  {json.dumps(value)}  ({settings.origins.get(key, 'default')})")



@rules_app.command("schema", epilog=example("claimcheck rules schema > rules.schema.json"))
def rules_schema() -> None:
    """Print the JSON Schema of rule files (for editors, e.g. yaml-language-server)."""
    import json

    from ..rules import RULE_FILE_SCHEMA

    print(json.dumps(RULE_FILE_SCHEMA, indent=2))


@rules_app.command("list", epilog=example("claimcheck rules list --rules my-rules.yaml"))
def rules_list(rules: RulesOption = None, no_bundled: NoBundledOption = False) -> None:
    """List the rules that would run: id, kind, severity, where each is defined and what it checks."""
    from ..rules import load_rules
    from ..rules.docs import rule_origin

    loaded = load_rules(rules or [], bundled=not no_bundled).rules
    width = max((len(rule.id) for rule in loaded), default=0)
    for rule in loaded:
        print(f"{rule.id:{width}}  {rule.kind:9}  {rule.severity:7}  {rule_origin(rule):28}  {rule.description or ''}".rstrip())


@rules_app.command("show", epilog=example("claimcheck rules show strike-counts-agree"))
def rules_show(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="A rule's id, as `claimcheck rules list` prints it.")],
    rules: RulesOption = None, no_bundled: NoBundledOption = False,
) -> None:
    """Print a rule's page: what it checks, its settings, its examples and how to suppress it."""
    from ..rules import load_rules
    from ..rules.docs import rule_page

    rule_set = load_rules(rules or [], bundled=not no_bundled)
    rule = rule_set.by_id(rule_id)
    if rule is None:
        raise InputError(f"no rule {rule_id!r}{_did_you_mean(rule_id, [r.id for r in rule_set.rules])}")
    page = rule_page(rule)
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(page))
    else:
        sys.stdout.write(page)


@rules_app.command("docs", epilog=example("claimcheck rules docs docs/rules"))
def rules_docs(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help="Where to write the pages (created if missing).")],
    rules: RulesOption = None, no_bundled: NoBundledOption = False,
) -> None:
    """Write a Markdown page per rule (<id>.md) and an index.md, as docs/rules/ holds for the bundled packs."""
    from ..rules import load_rules
    from ..rules.docs import write_rule_pages

    folder.mkdir(parents=True, exist_ok=True)
    written = write_rule_pages(load_rules(rules or [], bundled=not no_bundled).rules, folder)
    _stderr(f"wrote {len(written)} pages in {folder}")


@rules_app.command("kinds", epilog=example("claimcheck rules kinds"))
def rules_kinds() -> None:
    """Print the rule kinds and their options (Markdown tables, as in docs/rules.md)."""
    from ..checks.registry import kinds_table, options_table

    print(kinds_table())
    print()
    print(options_table())


@rules_app.command("test", epilog=example("claimcheck rules test my-rules/"))
def rules_test(
    paths: Annotated[Optional[list[Path]], typer.Argument(metavar="PATHS...", help="Rule files or folders (default: the bundled packs); a folder's tests/ holds fixture documents.")] = None,
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

