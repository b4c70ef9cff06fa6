"""Checking and extracting on a Dask cluster (``claimcheck check --scheduler ...``): the same pipeline as one process,
spread over partitions of the corpus, with the same findings in the same order (see :mod:`claimcheck.cluster.run`).

    >>> from claimcheck.cluster import connect, check_on_cluster      # doctest: +SKIP
    >>> with connect("local[4]") as client:                          # doctest: +SKIP
    ...     result = check_on_cluster(Checker(), ["archive/"], client)
    ...     result.summary

Needs ``pip install 'claimcheck-news[dask]'`` (dask and distributed).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..documents.readers import nothing_read
from ..errors import InputError

if TYPE_CHECKING:
    from ..checker import Checker
    from .report import ClusterResult
    from .run import Progress

_LOCAL = re.compile(r"^local(?:\[(\d+)\])?$")
_QUIET = ("distributed", "distributed.shuffle", "distributed.shuffle._scheduler_plugin", "distributed.worker",
          "distributed.scheduler", "distributed.nanny", "distributed.core", "distributed.client")


def _require_dask() -> None:
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise InputError("running on a cluster needs dask and distributed: pip install 'claimcheck-news[dask]'") from None


@contextmanager
def connect(scheduler: str, timeout: float = 10.0) -> Iterator:
    """A Dask client: ``local[N]`` starts a cluster of N worker processes on this machine (``local``: one per core)
    for the time of the block; any other value is the address of a running scheduler (``tcp://HOST:8786``)."""
    _require_dask()
    from distributed import Client

    for name in _QUIET:  # the scheduler of a local cluster runs in this process: its routine messages are noise here
        logging.getLogger(name).setLevel(logging.ERROR)
    local = _LOCAL.match(scheduler.strip())
    if local:
        import os

        from distributed import LocalCluster

        workers = int(local.group(1)) if local.group(1) else (os.cpu_count() or 1)
        if workers < 1:
            raise InputError("a local cluster needs at least one worker: --scheduler local[N] with N >= 1", scheduler)
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                          silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
            yield client
        return
    address = scheduler.strip()
    if not re.match(r"^(?:[a-z+]+://)?[^\s/:]+:\d+$", address) and not re.match(r"^[a-z+]+://\S+$", address):
        raise InputError("not a scheduler address: give tcp://HOST:PORT (a running `dask scheduler`), or local[N] "
                         "for N worker processes on this machine", scheduler)
    try:
        client = Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(f"cannot reach a Dask scheduler there ({type(error).__name__}: {str(error).splitlines()[0]}); "
                         "is `dask scheduler` running, and is the address right?", scheduler) from None
    try:
        yield client
    finally:
        client.close()


def dashboard(client) -> str | None:
    """The address of the cluster's dashboard (task stream, memory, progress), when it has one."""
    try:
        return client.dashboard_link
    except Exception:  # noqa: BLE001 - a cluster without a dashboard
        return None


def check_on_cluster(checker: Checker, paths: list[str] | None, client, *, claims: str | None = None,
                     baseline: str | Path | None = None, suppressions: str | Path | None = None,
                     reported: set[str] | None = None, per_part: int | None = None, scratch: str | None = None,
                     progress: Progress | None = None) -> ClusterResult:
    """Check documents (``paths``) or a claims dataset (``claims``) on the cluster ``client`` is connected to, with
    the checker's rules and settings; ``reported``: the rule ids --select/--ignore leave. Close the result when its
    report is written (it removes the scratch files)."""
    import warnings

    from ..baseline import Triage, read_baseline, read_suppressions
    from ..errors import ClaimcheckWarning
    from ..output.paths import repository_root
    from .report import ClusterResult
    from .run import run
    from .storage import Scratch
    from .sources import PER_PART, claims_plan, plan
    from .stages import RunSettings, warn_notes

    rule_set = checker.rule_set
    known = read_baseline(baseline) if baseline else None
    accepted = read_suppressions(suppressions) if suppressions else None
    today = date.today()
    active = [s for s in accepted or [] if not (s.expires and s.expires < today)]
    expired = [s for s in accepted or [] if s.expires and s.expires < today]
    found = claims_plan(claims) if claims is not None else plan(paths or [], per_part or PER_PART, checker.dataset,
                                                                 checker.encoding)
    if not found.parts:
        raise nothing_read(found.problems, "no document to check")
    for problem in found.problems:
        warnings.warn(ClaimcheckWarning(f"{problem} (skipped)"), stacklevel=2)
    root = str(Path(checker.root).resolve()) if checker.root else str(Path.cwd())
    settings = RunSettings(rule_set, checker.options, checker.dataset, checker.encoding, root, active,
                           frozenset(known) if known is not None else None,
                           frozenset(reported) if reported is not None else None, checker.limits)
    space = Scratch.create(client, scratch)
    try:
        ran = run(client, found, settings, space, progress)
    except BaseException:
        space.remove()
        raise
    warn_notes(ran.tally)
    ids = [rule.id for rule in rule_set.rules]
    rules = [rule for rule in ids if reported is None or rule in reported]
    triage = None
    if known is not None or accepted is not None or ran.inline:
        everything = [*active, *ran.inline]
        for kind, index in ran.tally.used:
            (active if kind == "external" else ran.inline)[index].used += 1
        unknown = [s for s in [*everything, *expired] if s.rule and s.rule not in ids]
        unused = [s for s in everything if not s.used and all(s is not u for u in unknown)]
        if reported is not None:
            unused = [s for s in unused if not s.rule or s.rule in reported]
        gone = [entry for fingerprint, entry in known.items() if fingerprint not in ran.tally.present] if known else []
        triage = Triage(shown=[], gone=gone, unused=unused, expired=expired, unknown=unknown,
                        baseline_file=str(baseline) if baseline else None, in_baseline=set(known or ()))
    return ClusterResult(ran, rule_set, rules, triage, root=str(repository_root()))


def extract_on_cluster(paths: list[str], client, location: str, *, options=None, dataset=None, encoding: str | None = None,
                       per_part: int | None = None, progress: Progress | None = None, limits=None) -> tuple[int, int]:
    """Extract documents on the cluster into a claims dataset at ``location`` (see :mod:`claimcheck.parquet`), each
    partition written by the worker that extracted it; returns the number of documents and claims."""
    import warnings

    from ..errors import ClaimcheckWarning
    from ..extraction import ExtractionOptions
    from ..parquet import DatasetWriter
    from .run import Progress as NoProgress, extract_parts
    from .sources import PER_PART, plan

    options = options or ExtractionOptions()
    found = plan(paths, per_part or PER_PART, dataset, encoding)
    if not found.parts:
        raise nothing_read(found.problems, "no document to extract")
    for problem in found.problems:
        warnings.warn(ClaimcheckWarning(f"{problem} (skipped)"), stacklevel=2)
    writer = DatasetWriter(location)
    try:
        documents, claims, notes = extract_parts(client, found.parts, writer.staging, options, dataset, encoding,
                                                 progress or NoProgress(), limits)
        for note in notes:
            warnings.warn(ClaimcheckWarning(note), stacklevel=2)
        if not documents:
            raise nothing_read(notes, "no document to extract")
        writer.finish([part.index for part in found.parts], documents, claims, _extraction(options))
    except BaseException:
        writer.abandon()
        raise
    return documents, claims


def _extraction(options) -> dict:
    import json

    from ..extraction import EXTRACTOR_VERSION

    return {"extractor": EXTRACTOR_VERSION, "options": json.loads(options.cache_key())}
