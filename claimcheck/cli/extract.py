"""``claimcheck extract`` and ``claimcheck evaluate``."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import InputError
from . import ClaimFormat, MaxDocumentOption, MaxLineOption, RulesOption, _stderr, _with_progress, app, default, example
from .cluster import PartitionOption, SchedulerOption


@app.command(epilog=example("claimcheck extract examples/corpus/strike-tally.txt --format jsonl"))
def extract(
    paths: Annotated[list[str], typer.Argument(metavar="PATHS...", help="Files, folders (read recursively) or - for stdin; with --scheduler, glob patterns and fsspec URLs too.")],
    format: Annotated[Optional[ClaimFormat], typer.Option("--format", "-f", metavar="FORMAT", help=default("table, jsonl, csv, or parquet (a claims dataset: a folder of Parquet parts that claimcheck check --claims reads; see docs/claims-dataset.md).", "table on a terminal, else jsonl"))] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help=default("Write to this file (atomically); - is stdout; for parquet, the dataset's folder.", "stdout"))] = None,
    encoding: Annotated[Optional[str], typer.Option(metavar="NAME", help=default("Read documents in this encoding.", "UTF-8, or the encoding a BOM names"))] = None,
    approximate_band: Annotated[float, typer.Option(metavar="FRACTION", help="Half-width of 'about N' intervals, as a fraction of N.", min=0.0, max=1.0)] = 0.1,
    near_band: Annotated[float, typer.Option(metavar="FRACTION", help="Width of 'nearly N' / 'just over N' intervals, as a fraction of N.", min=0.0, max=1.0)] = 0.1,
    scheduler: SchedulerOption = None,
    partition_size: PartitionOption = None,
    max_document_mb: MaxDocumentOption = None,
    max_line_length: MaxLineOption = None,
) -> None:
    """Extract every numeric claim, with its context, from documents."""
    from ..api import extract_document
    from ..documents import read_documents
    from ..extraction import Bands, ExtractionOptions
    from ..output import atomic_write, write_claims

    output = None if output is not None and str(output) == "-" else output  # the usual spelling of stdout
    chosen = (format.value if format else ("table" if (output is None and sys.stdout.isatty()) else "jsonl"))
    from ..inputs import DEFAULT_MAX_DOCUMENT_MB, DEFAULT_MAX_LINE_LENGTH, Limits

    limits = Limits(max_document_mb or DEFAULT_MAX_DOCUMENT_MB, max_line_length or DEFAULT_MAX_LINE_LENGTH)
    options = ExtractionOptions(bands=Bands(approximate=approximate_band, near=near_band))
    if chosen == "parquet" and output is None:
        raise InputError("--format parquet writes a dataset (a folder of parts): give it with --output DIR")
    if scheduler is not None:
        if chosen != "parquet":
            raise InputError(f"with --scheduler, extract writes a claims dataset: --format parquet --output DIR, "
                             f"not {chosen}")
        _extract_on_cluster(paths, scheduler, str(output), options, encoding, partition_size, limits)
        return
    documents = read_documents(paths, encoding=encoding, limits=limits)
    claims = []
    for document in _with_progress(documents):
        claims.extend(extract_document(document, options))
    if chosen == "parquet":
        from ..cluster import _extraction
        from ..parquet import write_dataset

        write_dataset(str(output), documents, claims, partition_size or 500, _extraction(options))
        _stderr(f"{len(documents)} documents, {len(claims)} claims written to {output}")
        return
    if output is not None:
        with atomic_write(output) as stream:
            write_claims(claims, stream, chosen)
    else:
        write_claims(claims, sys.stdout, chosen)



def _extract_on_cluster(paths: list[str], scheduler: str, output: str, options, encoding, per_part, limits) -> None:
    from ..cluster import connect, extract_on_cluster
    from .cluster import announce, progress_bars

    with connect(scheduler) as client:
        announce(client)
        documents, claims = extract_on_cluster(paths, client, output, options=options, encoding=encoding,
                                               per_part=per_part, progress=progress_bars(), limits=limits)
    _stderr(f"{documents} documents, {claims} claims written to {output}")


@app.command(epilog=example("claimcheck evaluate tests/gold/extraction"))
def evaluate(
    gold: Annotated[Optional[Path], typer.Argument(metavar="GOLD", help="Extraction gold (.jsonl file or folder) or, with --findings, document sets with expected.yaml.")] = None,
    findings: Annotated[bool, typer.Option("--findings", help="Score rules: finding precision and recall on document sets.")] = False,
    clusters: Annotated[Optional[Path], typer.Option("--clusters", metavar="DIR", help="Score findings on labelled news clusters: a folder of <cluster>.yaml gold (see docs/gold-format.md); needs --docs.")] = None,
    sets: Annotated[Optional[Path], typer.Option("--sets", metavar="PATH", help="Score extraction on public quantity-extraction sets: a folder of <set>.jsonl, or one (see docs/gold-format.md).")] = None,
    measures: Annotated[Optional[Path], typer.Option("--measures", metavar="FILE", help="Score measures of counted claims in real news: a .jsonl of labelled numbers (see docs/gold-format.md); needs --docs.")] = None,
    docs: Annotated[Optional[Path], typer.Option("--docs", metavar="DIR", help="With --clusters or --measures: the folder holding each cluster's documents (<cluster>/<doc>.txt).")] = None,
    rules: RulesOption = None,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List every mismatch.")] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score extraction (precision/recall/F1 for value, value+unit, bound, measure), extraction on public
    quantity-extraction sets (--sets), measures of counted claims in real news (--measures GOLD --docs DOCS), the
    rules on document sets (--findings), or findings and facts on labelled news clusters (--clusters GOLD --docs DOCS)."""
    import json

    from ..api import extract_text
    from ..errors import InputError
    from ..evaluation import evaluate as score_extraction, evaluate_findings, read_findings_gold, read_gold
    from ..rules import load_rules

    if clusters is None and sets is None and measures is None and gold is None:
        raise InputError("give the gold to score against (a path), --sets SETS, --measures GOLD --docs DOCS "
                         "or --clusters GOLD --docs DOCS")
    if sum(option is not None for option in (clusters, sets, measures)) > 1:
        raise InputError("--clusters, --sets and --measures are separate evaluations: give one")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if sets is not None:
            from ..evaluation.sets import evaluate_sets, read_sets

            scores = evaluate_sets(read_sets(sets), extract_text)
        elif measures is not None:
            from ..evaluation.measures import evaluate_measures, read_measure_gold

            if docs is None:
                raise InputError("--measures needs --docs: the folder of the clusters' documents")
            scores = evaluate_measures(read_measure_gold(measures, docs))
        elif clusters is not None:
            from ..checker import Checker
            from ..evaluation.clusters import evaluate_clusters, read_cluster_gold

            if docs is None:
                raise InputError("--clusters needs --docs: the folder of the clusters' documents")
            scores = evaluate_clusters(read_cluster_gold(clusters, docs), Checker(rules=rules or []))
        elif findings:
            scores = evaluate_findings(read_findings_gold(gold), load_rules(rules or []))
        else:
            scores = score_extraction(read_gold(gold), extract_text)
    print(json.dumps(scores.summary(), indent=2) if json_output else "\n".join(scores.report_lines()))
    if show_errors:
        print("\n".join(scores.error_lines()))
