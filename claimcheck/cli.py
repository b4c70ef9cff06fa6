"""The ``claimcheck`` command: a thin layer over the Python API.

Exit codes: 0 success, 1 findings at or above --fail-on, 2 usage, input or rule-file errors,
3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import os
import sys
import warnings
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import ClaimcheckError, InputError, RuleFileError

app = typer.Typer(
    name="claimcheck",
    help="Numeric claims in documents: extracted with their context, checked for consistency.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class ClaimFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    _stderr(f"warning: {message}" if not str(message).split(":")[0].strip() else _format_warning(str(message)))


def _format_warning(message: str) -> str:
    # "path:line:col: warning: ..." stays as it is; anything else gets a "warning:" prefix
    return message if ": warning:" in message else f"warning: {message}"


def progress_enabled() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _version(value: bool) -> None:
    if value:
        print(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    """claimcheck reads documents, extracts every quantity with its context, and checks them."""


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (read recursively) or - for stdin.")],
    format: Annotated[Optional[ClaimFormat], typer.Option("--format", "-f", help="Output format [default: table on a terminal, else jsonl].")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
    encoding: Annotated[Optional[str], typer.Option(help="Read documents in this encoding instead of UTF-8.")] = None,
    approximate_band: Annotated[float, typer.Option(help="Half-width of 'about N' intervals, as a fraction of N.", min=0.0, max=1.0)] = 0.1,
    near_band: Annotated[float, typer.Option(help="Width of 'nearly N' / 'just over N' intervals, as a fraction of N.", min=0.0, max=1.0)] = 0.1,
) -> None:
    """Extract every numeric claim, with its context, from documents."""
    from .api import extract_document
    from .documents import read_documents
    from .extraction import Bands, ExtractionOptions
    from .output import atomic_write, write_claims

    chosen = (format.value if format else ("table" if (output is None and sys.stdout.isatty()) else "jsonl"))
    documents = read_documents(paths, encoding=encoding)
    options = ExtractionOptions(bands=Bands(approximate=approximate_band, near=near_band))
    claims = []
    for document in _with_progress(documents):
        claims.extend(extract_document(document, options))
    if output is not None:
        with atomic_write(output) as stream:
            write_claims(claims, stream, chosen)
    else:
        write_claims(claims, sys.stdout, chosen)


rules_app = typer.Typer(help="Rule packs: print the schema, run the rules' own tests.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

RulesOption = Annotated[Optional[list[Path]], typer.Option("--rules", "-r", help="A rule file or folder of them (repeatable); added to the bundled packs.")]
NoBundledOption = Annotated[bool, typer.Option("--no-bundled", help="Do not load the bundled rule packs.")]


ConfigOption = Annotated[Optional[Path], typer.Option("--config", help="Use this config file instead of the one found by walking up from here.")]


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (read recursively), datasets (.csv, .jsonl, .parquet) or - for stdin.")],
    rules: RulesOption = None,
    no_bundled: Annotated[Optional[bool], typer.Option("--no-bundled", help="Do not load the bundled rule packs.")] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="table, json, jsonl, csv, sarif, junit, github or markdown [default: table on a terminal, else json].")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
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
    config: ConfigOption = None,
) -> None:
    """Check the claims in documents with the rules: arithmetic and agreement between sources, explained."""
    from .api import check_result
    from .baseline import write_baseline as record
    from .config import load_settings
    from .documents import DatasetSpec
    from .extraction import Bands, ExtractionOptions
    from .output import FINDING_FORMATS, atomic_write, write_report
    from .rules import load_rules

    overrides = {"rules": [str(r) for r in rules or []], "bundled": None if no_bundled is None else not no_bundled,
                 "format": format, "passing": passing, "fail_on": fail_on.value if fail_on else None,
                 "baseline": str(baseline) if baseline else None, "suppressions": str(suppressions) if suppressions else None,
                 "jobs": jobs, "cache": cache, "cache_dir": str(cache_dir) if cache_dir else None,
                 "text_columns": text_column, "id_column": id_column, "date_column": date_column,
                 "source_column": source_column, "encoding": encoding, "approximate_band": approximate_band,
                 "near_band": near_band, "claim_columns": _claim_columns(claim_column or [])}
    settings = load_settings(config, overrides)
    chosen = settings.format or ("table" if (output is None and sys.stdout.isatty()) else "json")
    if chosen not in FINDING_FORMATS:
        raise InputError(f"unknown format {chosen!r} (choose from {', '.join(FINDING_FORMATS)})")
    rule_set = load_rules(settings.rules, bundled=settings.bundled)  # rule-file errors stop the run first
    spec = DatasetSpec(tuple(settings.text_columns), settings.id_column, settings.date_column, settings.source_column,
                       tuple(settings.claim_columns))
    options = ExtractionOptions(bands=Bands(settings.approximate_band, settings.near_band), claim_columns=settings.claim_columns)
    result = check_result(paths, rule_set, options=options, progress=_with_progress, jobs=settings.jobs,
                          cache_dir=settings.cache_dir if settings.cache else None, encoding=settings.encoding,
                          dataset=spec, baseline=settings.baseline, suppressions=settings.suppressions,
                          root=settings.root)
    _report_triage(result)
    if write_baseline is not None:
        count = record(result.findings, write_baseline)
        _stderr(f"baseline: {count} violated finding(s) recorded in {write_baseline}")
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
    from .config import validate_claim_columns

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


track_app = typer.Typer(help="The ledger: documents, claims, facts and findings tracked over time.", no_args_is_help=True)
review_app = typer.Typer(help="Review findings: status, assignee, notes, audit trail.", no_args_is_help=True)
export_app = typer.Typer(help="Export from the ledger: ClaimReview JSON-LD, facts, findings.", no_args_is_help=True)
app.add_typer(track_app, name="track")
app.add_typer(review_app, name="review")
app.add_typer(export_app, name="export")
DbOption = Annotated[Optional[Path], typer.Option("--db", help="The ledger file [default: claimcheck.db, or 'db' in config].")]
ListFormat = Annotated[str, typer.Option("--format", "-f", help="table or json.")]


def _ledger(db: Path | None, config: Path | None = None):
    from .config import load_settings
    from .ledger import open_ledger

    settings = load_settings(config, {"db": str(db) if db else None})
    return open_ledger(settings.db), settings


@track_app.command("add")
def track_add(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to ingest.")],
    db: DbOption = None,
    rules: RulesOption = None,
    config: ConfigOption = None,
) -> None:
    """Ingest documents (idempotent; a revised page is kept beside the earlier version) and re-run the checks."""
    from .rules import load_rules

    ledger, settings = _ledger(db, config)
    rule_set = load_rules([*settings.rules, *[str(r) for r in rules or []]], bundled=settings.bundled)
    report = ledger.ingest(paths, rules=rule_set)
    print(f"{len(report.added)} added, {len(report.revised)} revised, {len(report.unchanged)} unchanged; "
          f"{report.findings} findings ({report.new_findings} new, {report.reopened} reopened) in {settings.db}")


@track_app.command("facts")
def track_facts(db: DbOption = None, format: ListFormat = "table", config: ConfigOption = None) -> None:
    """List facts with every reported value over time and its sources."""
    import json

    ledger, _ = _ledger(db, config)
    facts = ledger.facts()
    if format == "json":
        print(json.dumps([{"fact": number, "key": fact.key, "values": [c.to_dict() for c in fact.claims]}
                          for number, fact in enumerate(facts, 1)], indent=2, ensure_ascii=False))
        return
    for number, fact in enumerate(facts, 1):
        values = ", ".join(f"{c.text} ({c.date or 'undated'}, {c.doc})" for c in fact.claims)
        print(f"{number:3}  {fact.key}: {values}")


@track_app.command("show")
def track_show(fact: Annotated[str, typer.Argument(help="A fact's number from `track facts`, or part of its key.")],
               db: DbOption = None, config: ConfigOption = None) -> None:
    """Show one fact: each reported value, its interval, date and source sentence."""
    ledger, _ = _ledger(db, config)
    found = ledger.fact(fact)
    print(found.key)
    for claim in found.claims:
        interval = claim.to_dict()
        print(f"  {claim.date or 'undated':10}  {claim.text:24} [{interval['low']}, {interval['high']}] {claim.unit}  "
              f"{claim.doc}:{claim.line}:{claim.column}\n      {claim.sentence}")


@review_app.command("list")
def review_list(
    status: Annotated[Optional[str], typer.Option("--status", help="open, confirmed, dismissed, needs-source or published.")] = None,
    db: DbOption = None, format: ListFormat = "table", config: ConfigOption = None,
) -> None:
    """List findings with their review status."""
    import json

    ledger, _ = _ledger(db, config)
    records = ledger.findings(status)
    if format == "json":
        print(json.dumps(records, indent=2, ensure_ascii=False))
        return
    for record in records:
        print(f"#{record['id']:<4} {record['review']:12} {record['status']:10} {record['severity']:8} {record['rule']}: "
              f"{record['message']}" + (f"  [{record['assignee']}]" if record["assignee"] else ""))


@review_app.command("set")
def review_set(
    finding: Annotated[int, typer.Argument(help="The finding's number (see `review list`).")],
    status: Annotated[str, typer.Option("--status", help="open, confirmed, dismissed, needs-source or published.")],
    note: Annotated[Optional[str], typer.Option("--note", help="Why.")] = None,
    assignee: Annotated[Optional[str], typer.Option("--assignee", help="Who takes it.")] = None,
    db: DbOption = None, config: ConfigOption = None,
) -> None:
    """Set a finding's review status (recorded in its history)."""
    ledger, _ = _ledger(db, config)
    record = ledger.set_review(finding, status, note=note, assignee=assignee)
    print(f"#{record['id']} is now {record['review']}" + (f", assigned to {record['assignee']}" if record["assignee"] else ""))


@review_app.command("history")
def review_history(finding: Annotated[int, typer.Argument(help="The finding's number.")], db: DbOption = None,
                   config: ConfigOption = None) -> None:
    """The audit trail of a finding: who changed what, when, from → to."""
    ledger, _ = _ledger(db, config)
    for event in ledger.history(finding):
        print(f"{event['at']}  {event['who']}: {event['from_status']} → {event['to_status']}"
              + (f" (assignee {event['assignee']})" if event["assignee"] else "") + (f": {event['note']}" if event["note"] else ""))


@app.command()
def report(
    html: Annotated[Path, typer.Option("--html", help="Write the self-contained HTML report here (atomically).")],
    db: DbOption = None, config: ConfigOption = None,
) -> None:
    """An offline HTML report of the ledger: findings with sources side by side, facts over time, documents."""
    from .checking import CheckResult
    from .output import atomic_write
    from .report import render_html

    ledger, _ = _ledger(db, config)
    pairs = ledger.as_findings()
    documents = ledger.documents(current_only=True)
    claims = [claim for _, _, claim in ledger.store.claims()]
    facts = ledger.facts()
    current = {d.id for d in documents}
    result = CheckResult(documents, [c for c in claims if c.doc in current], facts, [f for _, f in pairs],
                         checked=len({id(claim) for _, finding in pairs for claim in finding.claims}))
    reviews = {finding.fingerprint: record for record, finding in pairs}
    with atomic_write(html) as stream:
        stream.write(render_html(result.findings, facts, documents, result.claims, result.summary, reviews,
                                 title="claimcheck ledger report"))
    print(f"wrote {html}")


@export_app.command("claimreview")
def export_claimreview(
    db: DbOption = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")] = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="Where the reviews will be published (each gets BASE/FINGERPRINT).")] = None,
    config: ConfigOption = None,
) -> None:
    """schema.org ClaimReview JSON-LD for confirmed and published findings."""
    import json

    from .ledger.exports import claimreview
    from .output import atomic_write

    ledger, _ = _ledger(db, config)
    text = json.dumps(claimreview(ledger, base_url), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        with atomic_write(output) as stream:
            stream.write(text)


def _export_table(kind: str, db: Path | None, format: str, output: Path | None, config: Path | None) -> None:
    from .ledger.exports import write_facts, write_findings_export
    from .output import atomic_write

    if format not in ("csv", "json"):
        raise InputError(f"unknown format {format!r} (choose csv or json)")
    ledger, _ = _ledger(db, config)
    writer = write_facts if kind == "facts" else write_findings_export
    if output is None:
        writer(ledger, sys.stdout, format)
    else:
        with atomic_write(output) as stream:
            writer(ledger, stream, format)


@export_app.command("facts")
def export_facts(db: DbOption = None, format: Annotated[str, typer.Option("--format", "-f", help="csv or json.")] = "csv",
                 output: Annotated[Optional[Path], typer.Option("--output", "-o")] = None, config: ConfigOption = None) -> None:
    """Every fact with every reported value, as CSV or JSON."""
    _export_table("facts", db, format, output, config)


@export_app.command("findings")
def export_findings(db: DbOption = None, format: Annotated[str, typer.Option("--format", "-f", help="csv or json.")] = "csv",
                    output: Annotated[Optional[Path], typer.Option("--output", "-o")] = None, config: ConfigOption = None) -> None:
    """Every finding with its review state, as CSV or JSON."""
    _export_table("findings", db, format, output, config)


config_app = typer.Typer(help="Configuration: claimcheck.yaml or [tool.claimcheck] in pyproject.toml.", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
def config_show(config: ConfigOption = None) -> None:
    """Print the resolved configuration and where each value came from."""
    import json

    from .config import load_settings

    settings = load_settings(config)
    width = max(len(key) for key in settings.as_dict())
    for key, value in settings.as_dict().items():
        print(f"{key:{width}}  {json.dumps(value)}  ({settings.origins.get(key, 'default')})")


def exit_code(findings, fail_on: str) -> int:
    """1 when a violated finding is at or above ``fail_on``; severities rank error > warning > info."""
    if fail_on == "never":
        return EXIT_OK
    rank = {"error": 0, "warning": 1, "info": 2}
    threshold = rank[fail_on]
    return EXIT_FINDINGS if any(f.status == "violated" and rank[f.severity] <= threshold for f in findings) else EXIT_OK


@rules_app.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema of rule files (for editors, e.g. yaml-language-server)."""
    import json

    from .rules import RULE_FILE_SCHEMA

    print(json.dumps(RULE_FILE_SCHEMA, indent=2))


@rules_app.command("list")
def rules_list(rules: RulesOption = None, no_bundled: NoBundledOption = False) -> None:
    """List the rules that would run: id, kind, severity and where each is defined."""
    from .rules import load_rules

    for rule in load_rules(rules or [], bundled=not no_bundled).rules:
        print(f"{rule.id:32} {rule.kind:10} {rule.severity:8} {rule.source}:{rule.line}")


@rules_app.command("test")
def rules_test(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Rule files or folders (default: the bundled packs); a folder's tests/ holds fixture documents.")] = None,
) -> None:
    """Run each rule's inline examples and annotated fixture documents; exit 1 on any mismatch."""
    from .rules import bundled_rules_path, load_rules
    from .rules.testing import fixture_files, run_rule_tests

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


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Extraction gold (.jsonl file or folder) or, with --findings, document sets with expected.yaml.")],
    findings: Annotated[bool, typer.Option("--findings", help="Score rules: finding precision and recall on document sets.")] = False,
    rules: RulesOption = None,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List every mismatch.")] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score extraction (precision/recall/F1 for value, value+unit, bound, measure) or, with --findings, the rules."""
    import json

    from .api import extract_text
    from .evaluation import evaluate as score_extraction, evaluate_findings, read_findings_gold, read_gold
    from .rules import load_rules

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if findings:
            scores = evaluate_findings(read_findings_gold(gold), load_rules(rules or []))
        else:
            scores = score_extraction(read_gold(gold), extract_text)
    print(json.dumps(scores.summary(), indent=2) if json_output else "\n".join(scores.report_lines()))
    if show_errors:
        print("\n".join(scores.error_lines()))


def _with_progress(items, total: int | None = None, description: str = "Extracting"):
    """A rich progress bar on stderr for long runs on a terminal; nothing in CI or in a pipe."""
    total = len(items) if total is None else total
    if not progress_enabled() or total < 20:
        yield from items
        return
    from rich.progress import Progress

    with Progress(transient=True, console=_stderr_console()) as progress:
        task = progress.add_task(description, total=total)
        for item in items:
            yield item
            progress.advance(task)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def main() -> None:
    """Entry point: no traceback reaches a user; errors are one line on stderr with an exit code."""
    warnings.showwarning = _show_warning
    warnings.filterwarnings("ignore", message="Classifier dependencies not installed")
    try:
        app()  # click reports its own usage errors (exit 2) and exits
    except RuleFileError as error:
        for location, message in error.problems:
            _stderr(f"error: {RuleFileError.format(location, message)}")
        sys.exit(EXIT_USAGE)
    except ClaimcheckError as error:
        _stderr(f"error: {error}")
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except Exception as error:
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        _stderr(f"internal error: {type(error).__name__}: {error} (set CLAIMCHECK_DEBUG=1 for a traceback; please report it)")
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":  # pragma: no cover
    main()
