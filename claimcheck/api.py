"""The public Python API: the command line is a thin layer over these functions."""

from __future__ import annotations

import gc
import warnings
from contextlib import contextmanager
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .documents import read_documents, read_text
from .errors import ClaimcheckWarning, Diagnostic
from .extraction import ExtractionOptions, extract_claims
from .cache import ResultCache
from .checks.runner import run_checks
from .documents.identity import document_identities
from .result import CheckResult
from .rules import resolve_rules
from .documents import DatasetSpec
from .extraction.batch import extract_many
from .model import CLAIM_FIELDS, Claim, Document, Finding
from .rerun import remember, reused, stored_run

if TYPE_CHECKING:  # pandas is imported when a DataFrame is asked for, not at start-up
    import pandas as pd


def extract_text(text: str, doc: str = "<text>", options: ExtractionOptions | None = None) -> list[Claim]:
    """Claims in a piece of plain text (offsets index into ``text``)."""
    return extract_document(read_text(text, id=doc), options)


def extract_document(document: Document, options: ExtractionOptions | None = None) -> list[Claim]:
    """Claims in one Document; malformed numbers are reported as :class:`ClaimcheckWarning`."""
    diagnostics: list[Diagnostic] = []
    claims = extract_claims(document, options, diagnostics)
    for diagnostic in diagnostics:
        warnings.warn(ClaimcheckWarning(str(diagnostic)), stacklevel=2)
    return claims


def extract_documents(documents: Iterable[Document], options: ExtractionOptions | None = None) -> list[Claim]:
    return [claim for document in documents for claim in extract_document(document, options)]


def extract(paths: Iterable[str | Path] | str | Path, options: ExtractionOptions | None = None) -> "pd.DataFrame":
    """One row per claim in the documents under ``paths``, with the same columns as the CSV output."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return claims_frame(extract_documents(read_documents(paths), options))


def check(paths_or_documents: Iterable[str | Path | Document] | str | Path, rules=None, bundled: bool = True,
          options: ExtractionOptions | None = None) -> list[Finding]:
    """Findings of the rules (bundled packs plus ``rules``: a RuleSet or rule files/folders) on documents."""
    return check_result(paths_or_documents, rules, bundled, options).findings


def check_result(paths_or_documents, rules=None, bundled: bool = True, options: ExtractionOptions | None = None,
                 progress=None, jobs: int = 1, cache_dir: str | Path | None = None, encoding: str | None = None,
                 dataset: DatasetSpec | None = None, baseline: str | Path | None = None,
                 suppressions: str | Path | None = None, root: str | Path | None = None,
                 reuse_findings: bool = False) -> CheckResult:
    """Like :func:`check`, with the documents, claims, facts, a coverage summary and, given a baseline or
    suppressions file, what they held back (``result.shown`` is what is left).

    With ``cache_dir``, unchanged documents are not extracted or checked again, nor facts whose figures are
    unchanged. With ``reuse_findings`` too, a run whose documents, rules and settings are unchanged reports the
    findings stored by the last such run, and one whose edited documents say the same figures as before patches
    them (see :mod:`claimcheck.rerun`); its ``claims`` and ``facts`` are then left empty (``summary`` counts them).
    """
    with collector_paused():
        return _check_result(paths_or_documents, rules, bundled, options, progress, jobs, cache_dir, encoding, dataset,
                             baseline, suppressions, root, reuse_findings)


def _check_result(paths_or_documents, rules, bundled, options, progress, jobs, cache_dir, encoding, dataset, baseline,
                  suppressions, root, reuse_findings) -> CheckResult:
    from .baseline import read_baseline, read_suppressions, triage

    rule_set = resolve_rules(rules, bundled, cache_dir)  # a broken rule file stops the run before any document is read
    known = read_baseline(baseline) if baseline else None
    accepted = read_suppressions(suppressions) if suppressions else None
    if isinstance(paths_or_documents, (str, Path, Document)):
        paths_or_documents = [paths_or_documents]
    items = list(paths_or_documents)
    documents = [item for item in items if isinstance(item, Document)]
    paths = [item for item in items if not isinstance(item, Document)]
    if paths:
        documents += read_documents(paths, encoding=encoding, dataset=dataset)
    options = options or ExtractionOptions()
    cache = ResultCache(cache_dir, options.cache_key()) if cache_dir else None
    root = Path(root) if root else None
    identities = document_identities(documents, root)
    reuse = cache is not None and reuse_findings
    result = reused(cache, documents, identities, rule_set, options) if reuse else None
    if result is None:
        diagnostics: list[Diagnostic] = []
        if cache is not None:
            cache.recall_memos()
        claims = extract_many(documents, options, jobs=jobs, cache=cache, progress=progress, diagnostics=diagnostics)
        result = run_checks(documents, claims, rule_set, root, cache=cache, identities=identities)
        if cache is not None:
            cache.keep_memos()
        if reuse:
            remember(cache, documents, identities, rule_set, stored_run(cache, result, diagnostics, identities))
    if known is not None or accepted is not None or any(document.ignores for document in documents):
        result.triage = triage(result.findings, documents, known, accepted)
    return result


@contextmanager
def collector_paused():
    """A run makes no reference cycles, so the cyclic garbage collector would only rescan its claims and findings
    (hundreds of thousands of objects on a large corpus) again and again: it is paused for the run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def findings_frame(findings: Iterable[Finding]) -> "pd.DataFrame":
    """One row per finding; its claims' documents and texts joined."""
    import pandas as pd

    rows = []
    for finding in findings:
        row = finding.to_dict()
        claims = row.pop("claims")
        row["docs"] = "; ".join(dict.fromkeys(claim["doc"] for claim in claims))
        row["claim_texts"] = "; ".join(claim["text"] for claim in claims)
        rows.append(row)
    return pd.DataFrame(rows, columns=["rule", "kind", "status", "severity", "message", "fact", "fingerprint", "docs", "claim_texts"])


def claims_frame(claims: Iterable[Claim]) -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame([claim.to_dict() for claim in claims], columns=list(CLAIM_FIELDS))
