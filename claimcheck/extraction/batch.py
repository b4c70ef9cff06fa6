"""Extracting many documents: cached results first, the rest in parallel: worker processes of a pool made for the
run, or any :class:`concurrent.futures.Executor` the caller passes (a Dask client's, say)."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import nullcontext

from ..errors import ClaimcheckWarning, Diagnostic
from ..memo import drain_all, learn_all, memos
from ..model import Claim, Document
from .extractor import ExtractionOptions, extract_claims

_PARALLEL_MINIMUM = 40  # below this, starting workers costs more than it saves


def extract_many(documents: Sequence[Document], options: ExtractionOptions | None = None, jobs: int = 1,
                 cache=None, progress: Callable | None = None, diagnostics: list[Diagnostic] | None = None,
                 executor: Executor | None = None) -> list[Claim]:
    """Claims of every document, in document order; ``jobs`` 0 means one worker per core, and an ``executor``
    does the work instead of a pool of ``jobs`` processes. Diagnostics are warned as :class:`ClaimcheckWarning`,
    and also appended to ``diagnostics`` when given."""
    options = options or ExtractionOptions()
    missing = [index for index, document in enumerate(documents) if cache is None or not cache.has(document)]
    results: dict[int, tuple[list[Claim], list[Diagnostic]]] = {}
    cores = jobs or os.cpu_count() or 1
    workers = min(cores, len(missing))
    # worker processes pay off for many documents to extract, or for a few while many cached ones load
    parallel = executor is None and cores > 1 and workers > 0 and max(len(missing), len(documents) - len(missing)) >= _PARALLEL_MINIMUM
    known = {name: found.known for name, found in memos().items()}  # workers start knowing what this process knows
    with ProcessPoolExecutor(max_workers=workers, initializer=learn_all, initargs=(known,)) if parallel else nullcontext(executor) as pool:
        if pool is not None and missing:  # workers start on the missing documents at once...
            chunk = max(1, len(missing) // (max(workers, 1) * 8))
            pending = pool.map(_extract_one, [documents[i] for i in missing], [options] * len(missing), chunksize=chunk)
        waiting = set(missing)
        for index, document in enumerate(documents):  # ...while the cached ones load here
            if index not in waiting:
                found = cache.get(document)
                if found is None:  # a damaged entry: extracted again below
                    missing.append(index)
                else:
                    results[index] = (*found, {})
        if pool is not None and waiting:
            results.update(zip(sorted(waiting), _progress(pending, progress, len(waiting))))
        rest = [index for index in missing if index not in results]
        for index in _progress(rest, progress, len(rest)) if rest else ():
            results[index] = _extract_one(documents[index], options)
    for index in missing:  # what the workers' memos worked out, so that it can be kept
        learn_all(results[index][2], new=True)
        if cache is not None:
            cache.put(documents[index], *results[index][:2])
    for index in range(len(documents)):
        for diagnostic in results[index][1]:
            if diagnostics is not None:
                diagnostics.append(diagnostic)
            warnings.warn(ClaimcheckWarning(str(diagnostic)), stacklevel=2)
    return [claim for index in range(len(documents)) for claim in results[index][0]]


def _extract_one(document: Document, options: ExtractionOptions) -> tuple[list[Claim], list[Diagnostic], dict]:
    diagnostics: list[Diagnostic] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        claims = extract_claims(document, options, diagnostics)
    return claims, diagnostics, drain_all()


def _progress(items, progress, total):
    return progress(items, total) if progress else items
