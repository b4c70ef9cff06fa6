"""The public Python API: the command line is a thin layer over these functions."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .documents import read_documents, read_text
from .errors import ClaimcheckWarning, Diagnostic
from .extraction import ExtractionOptions, extract_claims
from .model import CLAIM_FIELDS, Claim, Document

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


def claims_frame(claims: Iterable[Claim]) -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame([claim.to_dict() for claim in claims], columns=list(CLAIM_FIELDS))
