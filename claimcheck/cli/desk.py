"""The desk's commands: ``track``, ``review``, ``report`` and ``export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import InputError
from . import ConfigOption, RulesOption, app, default, example

track_app = typer.Typer(help="The ledger: documents, claims, facts and findings tracked over time.", no_args_is_help=True,
                        epilog=example("claimcheck track add examples/corpus --db desk.db"))
review_app = typer.Typer(help="Review findings: status, assignee, notes, audit trail.", no_args_is_help=True,
                         epilog=example("claimcheck review list --status open --db desk.db"))
export_app = typer.Typer(help="Export from the ledger: ClaimReview JSON-LD, facts, findings.", no_args_is_help=True,
                         epilog=example("claimcheck export facts --format csv --db desk.db"))
app.add_typer(track_app, name="track")
app.add_typer(review_app, name="review")
app.add_typer(export_app, name="export")
DbOption = Annotated[Optional[str], typer.Option("--db", metavar="FILE_OR_URL", help=default("The ledger: a file (or sqlite:///PATH), or a PostgreSQL URL (postgresql://user@host/db).", "claimcheck.db, or 'db' in config"))]
ListFormat = Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table or json.")]
ExportFormat = Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="csv or json.")]
ExportOutput = Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help=default("Write here (atomically).", "stdout"))]
StatusChoice = "open, confirmed, dismissed, needs-source or published."
ByOption = Annotated[Optional[str], typer.Option("--by", metavar="NAME", help=default("Who makes the change, for the audit trail.", "the operating-system user"))]


def _ledger(db: str | None, config: Path | None = None, create: bool = False):
    from ..config import load_settings
    from ..ledger import open_ledger

    settings = load_settings(config, {"db": str(db) if db else None})
    return open_ledger(settings.db, create=create), settings


def _by(by: str | None) -> str | None:
    if by is not None and not by.strip():
        raise InputError("--by names who makes the change: give a name")
    return by.strip() if by else None


def _choices(option: str, given: str | None, allowed: tuple[str, ...] | None) -> set[str] | None:
    """The comma-separated values of a filter option (None: no filter), each checked against ``allowed``."""
    if given is None:
        return None
    values = {value.strip() for value in given.split(",") if value.strip()}
    if not values:
        raise InputError(f"{option} needs a value")
    unknown = sorted(values - set(allowed)) if allowed is not None else []
    if unknown:
        raise InputError(f"{option}: unknown value {unknown[0]!r} (choose from {', '.join(allowed)})")
    return values


def _say(text) -> None:
    """A line for a person at a terminal: document text and names may hold escape sequences, which are taken out."""
    from ..output.safe import terminal_text

    print(terminal_text(str(text)))


def _list_format(format: str) -> str:
    if format not in ("table", "json"):
        raise InputError(f"unknown format {format!r} (choose table or json)")
    return format


@track_app.command("add", epilog=example("claimcheck track add examples/corpus --db desk.db"))
def track_add(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="PATHS...", help="Files or folders to ingest.")] = None,
    claims: Annotated[Optional[str], typer.Option("--claims", metavar="DIR", help="Ingest a claims dataset (claimcheck extract --format parquet) instead of PATHS: its documents with the claims extracted before.")] = None,
    db: DbOption = None,
    rules: RulesOption = None,
    config: ConfigOption = None,
    by: ByOption = None,
) -> None:
    """Ingest documents (idempotent; a revised page is kept beside the earlier version) and re-run the checks."""
    from ..checker import Checker
    from ..config import load_settings
    from ..ledger import open_ledger
    from ..rules import load_rules

    if not paths and claims is None:
        raise InputError("give the documents to ingest (PATHS...) or a claims dataset (--claims DIR)")
    if paths and claims is not None:
        raise InputError("give PATHS or --claims DIR, not both: a claims dataset holds its documents")
    settings = load_settings(config, {"db": str(db) if db else None})
    rule_set = load_rules([*settings.rules, *[str(r) for r in rules or []]], bundled=settings.bundled)
    checker = Checker.from_settings(settings, rules=rule_set)
    who = _by(by)
    stored = None
    if claims is not None:
        from ..parquet import read_dataset

        documents, stored = [], []
        for part_documents, part_claims in read_dataset(claims):
            documents.extend(part_documents)
            stored.extend(part_claims)
    else:
        documents = checker.read(paths)  # rules and documents first: a run that cannot read them leaves no ledger behind
    ledger = open_ledger(settings.db, create=True)
    try:
        report = ledger.ingest(documents, checker, who=who, claims=stored)
    except BaseException:
        discard = getattr(ledger.store, "discard", None)
        if discard is not None and getattr(ledger.store, "created", False):
            discard()  # a new ledger whose first ingest failed: no empty file is left
        raise
    print(f"{len(report.added)} added, {len(report.revised)} revised, {len(report.unchanged)} unchanged; "
          f"{report.findings} findings ({report.new_findings} new, {report.reopened} reopened) in {ledger.store.location}")


@track_app.command("facts", epilog=example("claimcheck track facts --db desk.db"))
def track_facts(db: DbOption = None, format: ListFormat = "table", config: ConfigOption = None) -> None:
    """List facts with every reported value over time and its sources."""
    import json

    format = _list_format(format)
    ledger, _ = _ledger(db, config)
    facts = ledger.facts()
    if format == "json":
        print(json.dumps([{"fact": fact.id, "key": str(fact.key), "values": [c.to_dict() for c in fact.claims]}
                          for fact in facts], indent=2, ensure_ascii=False))
        return
    for fact in facts:
        values = ", ".join(f"{c.text} ({c.date or 'undated'}, {c.doc})" for c in fact.claims)
        _say(f"{fact.id:3}  {fact.key}: {values}")


@track_app.command("show", epilog=example("claimcheck track show 3 --db desk.db"))
def track_show(fact: Annotated[str, typer.Argument(metavar="FACT", help="A fact's id from `track facts`, or part of its key.")],
               db: DbOption = None, config: ConfigOption = None) -> None:
    """Show one fact: each reported value, its interval, date and source sentence."""
    if not fact.strip():
        raise InputError("give a fact's id or part of its key (see `claimcheck track facts`)")
    ledger, _ = _ledger(db, config)
    found = ledger.fact(fact)
    _say(found.key)
    for claim in found.claims:
        interval = claim.to_dict()
        _say(f"  {claim.date or 'undated':10}  {claim.text:24} [{interval['low']}, {interval['high']}] {claim.unit}  "
              f"{claim.doc}:{claim.line}:{claim.column}\n      {claim.sentence}")


@review_app.command("list", epilog=example("claimcheck review list --status open --finding violated --db desk.db"))
def review_list(
    status: Annotated[Optional[str], typer.Option("--status", metavar="STATUS", help=default(StatusChoice, "every status"))] = None,
    finding: Annotated[Optional[str], typer.Option("--finding", metavar="RESULTS", help=default(
        "What the check found, comma-separated: violated, changed, consistent.", "all"))] = None,
    severity: Annotated[Optional[str], typer.Option("--severity", metavar="SEVERITIES", help=default(
        "Comma-separated: error, warning, info.", "all"))] = None,
    rule: Annotated[Optional[str], typer.Option("--rule", metavar="RULES", help=default("Comma-separated rule ids.", "all"))] = None,
    db: DbOption = None, format: ListFormat = "table", config: ConfigOption = None,
) -> None:
    """List findings with their review status: violated first, then changed, then consistent; most severe first."""
    import json

    from ..model import SEVERITIES, STATUSES

    format = _list_format(format)
    results = _choices("--finding", finding, STATUSES)
    severities = _choices("--severity", severity, SEVERITIES)
    rules = _choices("--rule", rule, None)
    ledger, _ = _ledger(db, config)
    order = {"violated": 0, "changed": 1, "consistent": 2}
    records = sorted((record for record in ledger.findings(status)
                      if (results is None or record["status"] in results)
                      and (severities is None or record["severity"] in severities)
                      and (rules is None or record["rule"] in rules)),
                     key=lambda record: (order.get(record["status"], 3), SEVERITIES.index(record["severity"])
                                         if record["severity"] in SEVERITIES else 3, record["id"]))
    if format == "json":
        print(json.dumps(records, indent=2, ensure_ascii=False))
        return
    for record in records:
        _say(f"#{record['id']:<4} {record['review']:12} {record['status']:10} {record['severity']:8} {record['rule']}: "
              f"{record['message']}" + (f"  [{record['assignee']}]" if record["assignee"] else ""))


@review_app.command("set", epilog=example('claimcheck review set 3 --status confirmed --note "Centcom confirms 28" --db desk.db'))
def review_set(
    finding: Annotated[int, typer.Argument(metavar="FINDING", help="The finding's number (see `review list`).")],
    status: Annotated[str, typer.Option("--status", metavar="STATUS", help=StatusChoice)],
    note: Annotated[Optional[str], typer.Option("--note", metavar="TEXT", help="Why.")] = None,
    assignee: Annotated[Optional[str], typer.Option("--assignee", metavar="NAME", help="Who takes it.")] = None,
    db: DbOption = None, config: ConfigOption = None, by: ByOption = None,
) -> None:
    """Set a finding's review status (recorded in its history)."""
    ledger, _ = _ledger(db, config)
    record = ledger.set_review(finding, status, note=note, assignee=assignee, who=_by(by))
    _say(f"#{record['id']} is now {record['review']}" + (f", assigned to {record['assignee']}" if record["assignee"] else ""))


@review_app.command("history", epilog=example("claimcheck review history 3 --db desk.db"))
def review_history(finding: Annotated[int, typer.Argument(metavar="FINDING", help="The finding's number.")], db: DbOption = None,
                   config: ConfigOption = None) -> None:
    """The audit trail of a finding: who changed what, when, from → to."""
    ledger, _ = _ledger(db, config)
    for event in ledger.history(finding):
        _say(f"{event['at']}  {event['who']}: {event['from_status']} → {event['to_status']}"
              + (f" (assignee {event['assignee']})" if event["assignee"] else "") + (f": {event['note']}" if event["note"] else ""))


@app.command(epilog=example("claimcheck report --html report.html --db desk.db"))
def report(
    html: Annotated[Path, typer.Option("--html", metavar="FILE", help="Write the self-contained HTML report here (atomically).")],
    db: DbOption = None, config: ConfigOption = None,
) -> None:
    """An offline HTML report of the ledger: findings with sources side by side, facts over time, documents."""
    from ..output import atomic_write
    from ..report import render_html

    ledger, _ = _ledger(db, config)
    result, reviews = ledger.result()
    with atomic_write(html) as stream:
        stream.write(render_html(result.findings, result.facts, result.documents, result.claims, result.summary, reviews,
                                 title="claimcheck ledger report", events=result.events))
    print(f"wrote {html}")


@export_app.command("claimreview", epilog=example("claimcheck export claimreview --db desk.db --base-url https://desk.example/reviews"))
def export_claimreview(
    db: DbOption = None,
    output: ExportOutput = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", metavar="URL", help="Where the reviews will be published (each gets BASE/FINGERPRINT).")] = None,
    config: ConfigOption = None,
) -> None:
    """schema.org ClaimReview JSON-LD for confirmed and published findings."""
    import json

    from ..ledger.exports import claimreview
    from ..output import atomic_write

    ledger, _ = _ledger(db, config)
    text = json.dumps(claimreview(ledger, base_url), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        with atomic_write(output) as stream:
            stream.write(text)


def _export_table(kind: str, db: str | None, format: str, output: Path | None, config: Path | None) -> None:
    from ..ledger.exports import write_facts, write_findings_export
    from ..output import atomic_write

    if format not in ("csv", "json"):
        raise InputError(f"unknown format {format!r} (choose csv or json)")
    ledger, _ = _ledger(db, config)
    writer = write_facts if kind == "facts" else write_findings_export
    if output is None:
        writer(ledger, sys.stdout, format)
    else:
        with atomic_write(output) as stream:
            writer(ledger, stream, format)


@export_app.command("facts", epilog=example("claimcheck export facts --format csv --db desk.db"))
def export_facts(db: DbOption = None, format: ExportFormat = "csv", output: ExportOutput = None,
                 config: ConfigOption = None) -> None:
    """Every fact with every reported value, as CSV or JSON."""
    _export_table("facts", db, format, output, config)


@export_app.command("findings", epilog=example("claimcheck export findings --format json --db desk.db"))
def export_findings(db: DbOption = None, format: ExportFormat = "csv", output: ExportOutput = None,
                    config: ConfigOption = None) -> None:
    """Every finding with its review state, as CSV or JSON."""
    _export_table("findings", db, format, output, config)

