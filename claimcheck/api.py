"""The public Python API: one-off calls (each makes a :class:`~claimcheck.checker.Checker`) and DataFrames.
The command line is a thin layer over these and the Checker."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .checker import Checker, Sources, collector_paused
from .documents import DatasetSpec, read_documents, read_text
from .errors import ClaimcheckWarning, Diagnostic
from .extraction import ExtractionOptions, extract_claims
from .model import CLAIM_FIELDS, Claim, Document, Finding
from .result import CheckResult

if TYPE_CHECKING:  # pandas is imported when a DataFrame is asked for, not at start-up
    import pandas as pd

__all__ = ["check", "check_result", "claims_frame", "collector_paused", "extract", "extract_document",
           "extract_documents", "extract_text", "findings_frame"]


def extract_text(text: str, doc: str = "<text>", options: ExtractionOptions | None = None) -> list[Claim]:
    """Claims in a piece of plain text; ``start`` and ``end`` index ``text`` exactly as given (``text[c.start:c.end]
    == c.text``), although line ends are read as LF: CR LF and CR count as one line break, and a claim's text keeps
    them as written. (A :class:`Document` read from a file holds its text with LF line ends; claims of it index that.)"""
    claims = extract_document(read_text(text, id=doc), options)
    if "\r" in text:
        _index_as_given(claims, text)
    return claims


def _index_as_given(claims: list[Claim], text: str) -> None:
    """Offsets into the LF-only text (each CR LF read as one LF, a lone CR as LF) moved back to ``text`` as given."""
    import bisect
    import re

    pairs = [match.start() - number for number, match in enumerate(re.finditer("\r\n", text))]  # where each LF landed
    for claim in claims:
        if claim.start == claim.end == 0:  # a dataset column's claim: no span
            continue
        claim.start += bisect.bisect_left(pairs, claim.start)
        claim.end += bisect.bisect_left(pairs, claim.end)
        claim.text = text[claim.start:claim.end]


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


def check(paths_or_documents: Sources, *, rules=None, bundled: bool = True,
          options: ExtractionOptions | None = None) -> list[Finding]:
    """Findings of the rules (bundled packs plus ``rules``: a RuleSet or rule files/folders) on documents."""
    return check_result(paths_or_documents, rules=rules, bundled=bundled, options=options).findings


def check_result(paths_or_documents: Sources, *, rules=None, bundled: bool = True,
                 options: ExtractionOptions | None = None, progress=None, jobs: int = 1,
                 cache_dir: str | Path | None = None, encoding: str | None = None, dataset: DatasetSpec | None = None,
                 baseline: str | Path | None = None, suppressions: str | Path | None = None,
                 root: str | Path | None = None, reuse_findings: bool = False) -> CheckResult:
    """Like :func:`check`, with the documents, claims, facts and a coverage summary; the keywords are a
    :class:`~claimcheck.checker.Checker`'s settings and :meth:`~claimcheck.checker.Checker.check`'s inputs."""
    checker = Checker(rules=rules, bundled=bundled, options=options or ExtractionOptions(), dataset=dataset,
                      encoding=encoding, cache_dir=cache_dir, jobs=jobs, root=root, reuse_findings=reuse_findings)
    return checker.check(paths_or_documents, baseline=baseline, suppressions=suppressions, progress=progress)


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
