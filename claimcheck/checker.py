"""A checking session: the settings a desk or a CI job gives once (rules, extraction options, how datasets are read,
the cache, an executor, the project root), and calls that take only what changes from call to call.

    >>> import claimcheck
    >>> checker = claimcheck.Checker(cache_dir=".claimcheck-cache")
    >>> result = checker.check(["examples/corpus"])            # doctest: +SKIP
    >>> result.findings[0].message                             # doctest: +SKIP

The command line, the ledger's ingest and ``claimcheck rules test`` all go through a :class:`Checker`; the
module-level functions (:func:`claimcheck.check`, :func:`claimcheck.check_result`) make a one-off one.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .documents import DatasetSpec, read_documents
from .errors import Diagnostic
from .inputs import Limits
from .extraction import ExtractionOptions
from .model import Claim, Document
from .result import CheckResult
from .rules import RuleSet, resolve_rules

if TYPE_CHECKING:
    from .cache import ResultCache
    from .config import Settings

#: ``progress(items, total)`` wraps an iterable to show progress (the command line passes a rich bar)
Progress = Callable[[Iterable, int], Iterable]
Sources = Iterable[str | Path | Document] | str | Path | Document


@dataclass
class Checker:
    """Settings for checking document sets; reuse one for many calls.

    ``rules`` is a :class:`RuleSet` or rule files and folders (added to the bundled packs unless ``bundled`` is
    False). With ``cache_dir``, unchanged documents are not extracted or checked again, nor facts whose figures are
    unchanged; with ``reuse_findings`` too, an unchanged run reports the findings stored by the last one and a run
    with a few changed documents patches them (see :mod:`claimcheck.rerun`). ``jobs`` worker processes extract
    (0: one per core) unless an ``executor`` (any :class:`concurrent.futures.Executor`: a process pool, a Dask
    client's) is given, which then also judges the facts across documents.
    """

    rules: RuleSet | Iterable[str | Path] | None = None
    bundled: bool = True
    options: ExtractionOptions = field(default_factory=ExtractionOptions)
    dataset: DatasetSpec | None = None
    encoding: str | None = None
    cache_dir: str | Path | None = None
    jobs: int = 1
    executor: Executor | None = None
    root: str | Path | None = None
    reuse_findings: bool = False
    limits: Limits = field(default_factory=Limits)  # how much one document may hold

    @classmethod
    def from_settings(cls, settings: Settings, *, rules: RuleSet | None = None, reuse_findings: bool = False) -> Checker:
        """A checker configured as ``claimcheck.yaml`` / ``[tool.claimcheck]`` and the command line say."""
        from .extraction import Bands

        dataset = DatasetSpec(tuple(settings.text_columns), settings.id_column, settings.date_column,
                              settings.source_column, tuple(settings.claim_columns))
        options = ExtractionOptions(bands=Bands(settings.approximate_band, settings.near_band),
                                    claim_columns=settings.claim_columns)
        return cls(rules=rules if rules is not None else settings.rules, bundled=settings.bundled, options=options,
                   dataset=dataset, encoding=settings.encoding, cache_dir=settings.cache_dir if settings.cache else None,
                   jobs=settings.jobs, root=settings.root, reuse_findings=reuse_findings,
                   limits=Limits(settings.max_document_mb, settings.max_line_length))

    # ---- what a session keeps --------------------------------------------------------------------------
    @cached_property
    def rule_set(self) -> RuleSet:
        """The rules, loaded once (a broken rule file stops the session before any document is read)."""
        return resolve_rules(self.rules, self.bundled, self.cache_dir)

    @cached_property
    def cache(self) -> ResultCache | None:
        if self.cache_dir is None:
            return None
        from .cache import ResultCache
        from .cache_files import usable

        if not usable(self.cache_dir):
            return None  # a cache folder committed to the repository (or not a folder): warned, and not used

        return ResultCache(self.cache_dir, self.options.cache_key())

    # ---- calls -------------------------------------------------------------------------------------------
    def read(self, sources: Sources) -> list[Document]:
        """Documents from paths (files, folders, datasets, ``-``) and Documents as given, in order."""
        if isinstance(sources, (str, Path, Document)):
            sources = [sources]
        items = list(sources)
        documents = [item for item in items if isinstance(item, Document)]
        paths = [item for item in items if not isinstance(item, Document)]
        if paths:
            documents += read_documents(paths, encoding=self.encoding, dataset=self.dataset, limits=self.limits)
        return documents

    def extract(self, sources: Sources, *, progress: Progress | None = None,
                diagnostics: list[Diagnostic] | None = None) -> list[Claim]:
        """Every claim of the documents, in document order (from the cache where a document is unchanged)."""
        with self._memos():
            return self._extract(self.read(sources), progress, diagnostics)

    def _extract(self, documents: list[Document], progress: Progress | None,
                 diagnostics: list[Diagnostic] | None) -> list[Claim]:
        from .extraction.batch import extract_many

        return extract_many(documents, self.options, jobs=self.jobs, cache=self.cache, progress=progress,
                            diagnostics=diagnostics, executor=self.executor)

    @contextmanager
    def _memos(self):
        """With a cache, slow libraries' answers worked out by earlier runs are recalled, and new ones kept."""
        if self.cache is not None:
            self.cache.recall_memos()
        yield
        if self.cache is not None:
            self.cache.keep_memos()

    def check(self, sources: Sources, *, baseline: str | Path | None = None, suppressions: str | Path | None = None,
              progress: Progress | None = None, claims: list[Claim] | None = None) -> CheckResult:
        """The findings of the rules on the documents, with the documents, claims, facts and a coverage summary;
        given a ``baseline`` or ``suppressions`` file, what they hold back (``result.shown`` is what is left).
        ``claims``: the documents' claims, extracted before (a claims dataset's): nothing is extracted or cached."""
        with collector_paused():
            return self._check(sources, baseline, suppressions, progress, claims)

    def _check(self, sources: Sources, baseline, suppressions, progress, claims=None) -> CheckResult:
        from .baseline import read_baseline, read_suppressions, triage
        from .checks.runner import run_checks
        from .documents.identity import document_identities
        from .rerun import remember, reused, stored_run

        rule_set = self.rule_set
        known = read_baseline(baseline) if baseline else None
        accepted = read_suppressions(suppressions) if suppressions else None
        documents = self.read(sources)
        root = Path(self.root) if self.root else None
        identities = document_identities(documents, root)
        cache = self.cache if claims is None else None
        reuse = cache is not None and self.reuse_findings
        result = reused(cache, documents, identities, rule_set, self.options) if reuse else None
        if claims is not None:
            result = run_checks(documents, claims, rule_set, root, identities=identities, executor=self.executor)
        if result is None:
            diagnostics: list[Diagnostic] = []
            with self._memos():
                claims = self._extract(documents, progress, diagnostics)
                result = run_checks(documents, claims, rule_set, root, cache=cache, identities=identities,
                                    executor=self.executor)
            if reuse:
                remember(cache, documents, identities, rule_set, stored_run(cache, result, diagnostics, identities))
        if known is not None or accepted is not None or any(document.ignores for document in documents):
            result.triage = triage(result.findings, documents, known, accepted,
                                   rules=[rule.id for rule in rule_set.rules])
            result.triage.baseline_file = str(baseline) if baseline else None
        return result


    def check_claims(self, documents: list[Document], claims: list[Claim]) -> CheckResult:
        """The rules on claims already extracted (a ledger's, a claims dataset's), without reading or caching."""
        from .checks.runner import run_checks

        with collector_paused():
            return run_checks(documents, claims, self.rule_set, Path(self.root) if self.root else None,
                              executor=self.executor)


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
