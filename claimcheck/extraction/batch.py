"""Extracting many documents: cached results first, the rest in parallel worker processes."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from ..errors import ClaimcheckWarning, Diagnostic
from ..model import Claim, Document
from .extractor import ExtractionOptions, extract_claims

_PARALLEL_MINIMUM = 40  # below this, starting workers costs more than it saves


def extract_many(documents: Sequence[Document], options: ExtractionOptions | None = None, jobs: int = 1,
                 cache=None, progress: Callable | None = None) -> list[Claim]:
    """Claims of every document, in document order; ``jobs`` 0 means one worker per core."""
    options = options or ExtractionOptions()
    results: dict[int, list[Claim]] = {}
    found_by_document: dict[int, list[Diagnostic]] = {}
    missing = []
    for index, document in enumerate(documents):
        cached = cache.get(document) if cache is not None else None
        if cached is None:
            missing.append(index)
        else:
            results[index], found_by_document[index] = cached
    workers = jobs or os.cpu_count() or 1
    if workers > 1 and len(missing) >= _PARALLEL_MINIMUM:
        chunk = max(1, len(missing) // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = pool.map(_extract_one, [documents[i] for i in missing], [options] * len(missing), chunksize=chunk)
            for index, (claims, found) in zip(missing, _progress(outcomes, progress, len(missing))):
                results[index], found_by_document[index] = claims, found
    else:
        for index in _progress(missing, progress, len(missing)):
            results[index], found_by_document[index] = _extract_one(documents[index], options)
    if cache is not None:
        for index in missing:
            cache.put(documents[index], results[index], found_by_document[index])
    for index in range(len(documents)):
        for diagnostic in found_by_document.get(index, []):
            warnings.warn(ClaimcheckWarning(str(diagnostic)), stacklevel=2)
    return [claim for index in range(len(documents)) for claim in results[index]]


def _extract_one(document: Document, options: ExtractionOptions) -> tuple[list[Claim], list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        claims = extract_claims(document, options, diagnostics)
    return claims, diagnostics


def _progress(items, progress, total):
    return progress(items, total) if progress else items
