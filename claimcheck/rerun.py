"""Re-running a check from the cache, with early cut-off.

A run whose documents, rules and settings are all as before reports the findings stored by that run. A run
that changed a few documents patches the last run instead of checking everything again: the changed
documents' own rules run again, and only the facts of the measures whose figures changed (every document's
claims of those measures, not the whole corpus) are grouped and judged again. A reworded sentence or a
reflowed paragraph changes no figure, so it judges no fact; the findings only quote the new sentences.
Anything else is a full run (which still reuses unchanged documents and facts).
"""

from __future__ import annotations

import warnings
from collections import defaultdict

from .cache import ResultCache, StoredRun, claim_from_row, compared, compared_digest
from .checks.runner import check_document, check_facts, fingerprint_all
from .result import CheckResult, sort_key
from .checks import CheckContext, runs_per
from .errors import ClaimcheckWarning, Diagnostic
from .extraction import ExtractionOptions
from .extraction.batch import extract_many
from .events import find_events
from .facts import build_facts
from .measure_keys import measure_key
from .model import CLAIM_FIELDS, Claim, Document, Finding
from .rules import RuleSet

_PATCHED_AT_MOST = 50  # changed documents a run patches; more are checked in full
_MEASURE = CLAIM_FIELDS.index("measure")


class _Stale(Exception):
    """The cache lacks something a patch needs: the run is checked in full instead."""


def reused(cache: ResultCache, documents: list[Document], identities: dict[str, str], rules: RuleSet,
           options: ExtractionOptions) -> CheckResult | None:
    """The stored run for these exact documents, or the last run for them patched; None when neither applies."""
    digest = rules.digest()
    stored = cache.get_run(cache.run_key(documents, identities, digest))
    if stored is not None:
        _warn(stored.diagnostics)
        return _result(documents, rules, stored)
    latest = cache.latest_documents(cache.corpus_key(documents, identities, digest))
    if latest is None or len(latest[1]) != len(documents):
        return None
    run, rows = latest
    changed = [i for i, document in enumerate(documents) if cache.key(document) != rows[i][0]]
    if not changed or len(changed) > _PATCHED_AT_MOST:
        return None
    before = {}
    for position in changed:
        before[position] = cache.stored_claims(rows[position][0])
        if before[position] is None:
            return None
    events = find_events(documents, identities)  # the corpus's events as they are now: a patch holds while unchanged
    if any(len(row) < 7 or row[6] != document.event for row, document in zip(rows, documents)):
        return None
    diagnostics: list[Diagnostic] = []
    cache.recall_memos()
    with warnings.catch_warnings():  # told below, with the rest, if the patch is taken
        warnings.simplefilter("ignore")
        claims = extract_many([documents[i] for i in changed], options, cache=cache, diagnostics=diagnostics)
    after: dict[int, list[Claim]] = {position: [] for position in changed}
    position_of = {documents[position].id: position for position in changed}
    for claim in claims:
        after[position_of[claim.doc]].append(claim)
    previous = cache.get_run(run, rows)
    if previous is None:
        return None
    try:
        patched, fresh = _Patch(previous, documents, before, after, rules, cache, digest, events).run(diagnostics)
    except _Stale:
        return None
    order = {document.id: position for position, document in enumerate(documents)}
    patched.diagnostics.sort(key=lambda diagnostic: order.get(diagnostic.doc, -1))
    _warn(patched.diagnostics)
    cache.keep_memos()
    fingerprint_all(fresh, identities)  # the rest keep the fingerprints the last run gave them
    patched.findings.sort(key=sort_key)
    remember(cache, documents, identities, rules, patched)
    return _result(documents, rules, patched)


def remember(cache: ResultCache, documents: list[Document], identities: dict[str, str], rules: RuleSet,
             run: StoredRun) -> None:
    digest = rules.digest()
    cache.put_run(cache.run_key(documents, identities, digest), cache.corpus_key(documents, identities, digest), run)


def stored_run(cache: ResultCache, result: CheckResult, diagnostics: list[Diagnostic], identities: dict[str, str]) -> StoredRun:
    """What the cache keeps of a full run."""
    latest = cache.latest_documents(cache.corpus_key(result.documents, identities, result.rule_set.digest()))
    known = {row[0]: row[1] for row in latest[1]} if latest else {}  # an unchanged document says the same
    synonyms = result.rule_set.synonyms
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in result.claims:
        by_document[claim.doc].append(claim)
    within, across = result.checked_by.get("document", set()), result.checked_by.get("fact", set())
    quoted = {id(claim) for finding in result.findings for claim in (*finding.claims, *(finding.about or ()))}
    rows, where = [], {}
    for position, document in enumerate(result.documents):
        own = by_document.get(document.id, [])
        read_within, read_across = [], []
        for index, claim in enumerate(own):
            identity = id(claim)
            if identity in quoted:
                where[identity] = (position, index)
            if identity in within:
                read_within.append(index)
            if identity in across:
                read_across.append(index)
        key = cache.key(document)
        rows.append([key, known.get(key) or compared_digest(own), len(own), read_within, read_across,
                     _measures(own, synonyms), document.event])
    summary = result.summary
    return StoredRun(result.findings, diagnostics, {key: summary[key] for key in ("claims", "claims_checked", "facts")},
                     rows, where, result.events)


class _Patch:
    """The last run brought up to date with a few changed documents (``before`` and ``after``: their claims
    then and now, by document position)."""

    def __init__(self, previous: StoredRun, documents: list[Document], before: dict[int, list[Claim]],
                 after: dict[int, list[Claim]], rules: RuleSet, cache: ResultCache, digest: str, events: list):
        self.previous, self.documents, self.before, self.after = previous, documents, before, after
        self.events = events
        self.rules, self.cache, self.digest = rules, cache, digest
        self.synonyms = rules.synonyms
        by_measure = {i: (_by_measure(before[i], self.synonyms), _by_measure(after[i], self.synonyms)) for i in before}
        #: measures whose figures changed in some document: only their facts can have changed
        self.measures = set().union(*(_changed_measures(before[i], after[i], *by_measure[i]) for i in before))
        #: for each changed document, where each claim of an unchanged measure sits now (old index -> new index)
        self.moved = {i: _moved(*by_measure[i], self.measures) for i in before}
        self.rows = [list(row) for row in previous.documents]
        self.where = dict(previous.where)
        self.counts = dict(previous.counts)

    def run(self, diagnostics: list[Diagnostic]) -> tuple[StoredRun, list[Finding]]:
        """The patched run, and the findings that need fingerprints (new, or quoting a changed document)."""
        ids = {self.documents[i].id for i in self.before}
        kept, fresh = [], []
        for finding in self.previous.findings:
            if self._touched(finding, ids):
                continue  # checked again below
            if any(claim.doc in ids for claim in (*finding.claims, *(finding.about or ()))):
                self._requote(finding)
                fresh.append(finding)
            kept.append(finding)
        within = self._check_changed_documents()
        across = self._check_changed_facts()
        fresh += within + across
        diagnostics = [d for d in self.previous.diagnostics if d.doc not in ids] + diagnostics
        self.counts["claims"] += sum(len(self.after[i]) - len(self.before[i]) for i in self.before)
        for position in self.before:
            key = self.cache.key(self.documents[position])
            self.rows[position][:3] = [key, compared_digest(self.after[position]), len(self.after[position])]
            self.rows[position][5] = _measures(self.after[position], self.synonyms)
        return StoredRun(kept + within + across, diagnostics, self.counts, self.rows, self.where, self.events), fresh

    def _touched(self, finding: Finding, ids: set[str]) -> bool:
        if runs_per(finding.kind) == "document":
            return any(claim.doc in ids for claim in finding.claims)
        return (runs_per(finding.kind) == "fact" and bool(finding.claims)
                and measure_key(finding.claims[0].measure, self.synonyms) in self.measures)

    def _requote(self, finding: Finding) -> None:
        """The same figures at their new places in the changed documents."""
        finding.claims = [self._current(claim) for claim in finding.claims]
        if finding.about is not None:
            finding.about = [self._current(claim) for claim in finding.about]

    def _current(self, claim: Claim) -> Claim:
        position, index = self.previous.where[id(claim)]
        if position not in self.before:
            return claim
        try:
            index = self.moved[position][index]
        except KeyError:
            raise _Stale from None
        current = self.after[position][index]
        self.where[id(current)] = (position, index)
        return current

    def _check_changed_documents(self) -> list[Finding]:
        """The rules within each changed document, run again."""
        findings = []
        for position in self.before:
            own = self.after[position]
            found, looked_at = check_document(self.documents[position], own, self.rules)
            findings.extend(found)
            looked_at_ids = {id(claim) for claim in looked_at}
            for index, claim in enumerate(own):
                self.where[id(claim)] = (position, index)
            row = self.rows[position]
            old_checked = len(set(row[3]) | set(row[4]))
            row[3] = [index for index, claim in enumerate(own) if id(claim) in looked_at_ids]
            row[4] = sorted(self.moved[position][index] for index in row[4] if index in self.moved[position])
            self.counts["claims_checked"] += len(set(row[3]) | set(row[4])) - old_checked
        return findings

    def _check_changed_facts(self) -> list[Finding]:
        """The facts of the changed measures, grouped and judged again over every document that states them."""
        if not self.measures:
            return []
        positions = sorted({position for position, row in enumerate(self.rows) if self.measures.intersection(row[5])}
                           | set(self.before))
        now: dict[int, list[tuple[int, Claim]]] = {}  # per document, its claims of the changed measures by index
        then: dict[int, list[tuple[int, Claim]]] = {}
        keys: dict[int, list[str | None]] = {}  # per unchanged document, the measure of each claim
        for position in positions:
            if position in self.before:
                now[position], then[position] = self._of_measures(self.after[position]), self._of_measures(self.before[position])
                continue
            rows = self.cache.claim_rows(self.documents[position])
            if rows is None:
                raise _Stale
            keys[position] = [measure_key(row[_MEASURE], self.synonyms) for row in rows]
            try:  # only the claims of the changed measures are built
                now[position] = then[position] = [(index, claim_from_row(rows[index]))
                                                  for index, key in enumerate(keys[position]) if key in self.measures]
            except (TypeError, ValueError):
                raise _Stale from None
        by_decade = self.rules.is_archive(len(self.documents))  # the whole run's documents, not the changed ones
        context = CheckContext(documents={self.documents[i].id: self.documents[i] for i in positions},
                               claims=[claim for i in positions for _, claim in now[i]], rules=self.rules,
                               by_decade=by_decade)
        findings = check_facts(context, self.cache, self.digest)
        old_facts = build_facts([claim for i in positions for _, claim in then[i]], self.synonyms,
                                {self.documents[i].id: self.documents[i].event for i in positions},
                                self.rules.standing_measures(), self.rules.declared_measures(), by_decade=by_decade)
        self.counts["facts"] += len(context.facts) - len(old_facts)
        located = {id(claim): (position, index) for position in positions for index, claim in now[position]}
        for finding in findings:  # every claim quoted gets its place in the stored run
            for claim in (*finding.claims, *(finding.about or ())):
                if id(claim) not in located:
                    raise _Stale
                self.where[id(claim)] = located[id(claim)]
        for position in positions:
            row = self.rows[position]
            old_checked = len(set(row[3]) | set(row[4]))
            if position in self.before:
                unchanged = row[4]  # already moved to the new positions, and none of a changed measure
            else:
                unchanged = [index for index in row[4] if keys[position][index] not in self.measures]
            read = (index for index, claim in now[position] if id(claim) in context.checked)
            row[4] = sorted({*unchanged, *read})
            self.counts["claims_checked"] += len(set(row[3]) | set(row[4])) - old_checked
        return findings

    def _of_measures(self, claims: list[Claim]) -> list[tuple[int, Claim]]:
        return [(index, claim) for index, claim in enumerate(claims)
                if measure_key(claim.measure, self.synonyms) in self.measures]


def _measures(claims: list[Claim], synonyms) -> list[str]:
    """The measures a document states figures of (as facts group them)."""
    return sorted({key for claim in claims if (key := measure_key(claim.measure, synonyms)) is not None})


def _by_measure(claims: list[Claim], synonyms) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        key = measure_key(claim.measure, synonyms)
        if key is not None:
            positions[key].append(index)
    return positions


def _changed_measures(before: list[Claim], after: list[Claim], old: dict[str, list[int]],
                      new: dict[str, list[int]]) -> set[str]:
    """Measures whose claims in a document say something else now (in order, wherever they sit in the text);
    ``old`` and ``new`` index the claims by measure."""
    return {key for key in old.keys() | new.keys()
            if [compared(before[i]) for i in old.get(key, ())] != [compared(after[i]) for i in new.get(key, ())]}


def _moved(old: dict[str, list[int]], new: dict[str, list[int]], changed: set[str]) -> dict[int, int]:
    """Old index -> new index of each claim of an unchanged measure (the n-th of its measure then and now)."""
    return {i: j for key, indexes in old.items() if key not in changed for i, j in zip(indexes, new[key], strict=True)}


def _result(documents: list[Document], rules: RuleSet, run: StoredRun) -> CheckResult:
    return CheckResult(documents, [], [], run.findings, events=run.events, rules=[rule.id for rule in rules.rules],
                       rule_set=rules, counts=run.counts)


def _warn(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        warnings.warn(ClaimcheckWarning(str(diagnostic)), stacklevel=4)
