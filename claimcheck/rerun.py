"""Re-running a check from the cache, with early cut-off.

A run whose documents, rules and settings are all as before reports the findings stored by that run. A run
whose only changed documents say the same figures as before (a reworded sentence, a reflowed paragraph, a
corrected name) cannot change a fact or a comparison between documents: it takes the last run's findings,
checks the changed documents' own rules again and quotes their new sentences, without judging every fact
again. Anything else is a full run (which still reuses unchanged documents and facts).
"""

from __future__ import annotations

import warnings
from collections import defaultdict

from .cache import ResultCache, StoredRun, compared_digest
from .checking import CheckResult, check_document, fingerprint_all, sort_key
from .checks import DOCUMENT_CHECKS
from .errors import ClaimcheckWarning, Diagnostic
from .extraction import ExtractionOptions
from .extraction.batch import extract_many
from .model import Claim, Document, Finding
from .rules import RuleSet

_PATCHED_AT_MOST = 50  # changed documents a run patches; more are checked in full


def reused(cache: ResultCache, documents: list[Document], identities: dict[str, str], rules: RuleSet,
           options: ExtractionOptions) -> CheckResult | None:
    """The stored run for these exact documents, or the last run for them patched; None when neither applies."""
    stored = cache.get_run(cache.run_key(documents, identities, rules.digest()))
    if stored is not None:
        _warn(stored.diagnostics)
        return _result(documents, rules, stored)
    latest = cache.latest_documents(cache.corpus_key(documents, identities, rules.digest()))
    if latest is None or len(latest[1]) != len(documents):
        return None
    run, rows = latest
    changed = [i for i, document in enumerate(documents) if cache.key(document) != rows[i][0]]
    if not changed or len(changed) > _PATCHED_AT_MOST:
        return None
    diagnostics: list[Diagnostic] = []
    cache.recall_memos()
    with warnings.catch_warnings():  # told below, with the rest, if the patch is taken
        warnings.simplefilter("ignore")
        claims = extract_many([documents[i] for i in changed], options, cache=cache, diagnostics=diagnostics)
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_document[claim.doc].append(claim)
    if any(compared_digest(by_document[documents[i].id]) != rows[i][1] for i in changed):
        return None  # a figure changed: facts and comparisons must be judged again
    previous = cache.get_run(run, rows)
    if previous is None:
        return None
    patched = _patch(previous, documents, changed, by_document, rules, diagnostics)
    order = {document.id: position for position, document in enumerate(documents)}
    patched.diagnostics.sort(key=lambda diagnostic: order.get(diagnostic.doc, -1))
    _warn(patched.diagnostics)
    for position in changed:
        patched.documents[position][0] = cache.key(documents[position])
    cache.keep_memos()
    fingerprint_all(patched.findings, identities)
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
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in result.claims:
        by_document[claim.doc].append(claim)
    within, across = result.checked_by.get("document", set()), result.checked_by.get("fact", set())
    quoted = {id(claim) for finding in result.findings for claim in (*finding.claims, *(finding.subject or ()))}
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
        rows.append([key, known.get(key) or compared_digest(own), len(own), read_within, read_across])
    summary = result.summary
    return StoredRun(result.findings, diagnostics, {key: summary[key] for key in ("claims", "claims_checked", "facts")},
                     rows, where)


def _patch(previous: StoredRun, documents: list[Document], changed: list[int], claims: dict[str, list[Claim]],
           rules: RuleSet, diagnostics: list[Diagnostic]) -> StoredRun:
    """The last run with the changed documents' own findings checked again and their claims quoted anew."""
    changed_set = set(changed)
    ids = {documents[i].id for i in changed}
    rows = [list(row) for row in previous.documents]
    findings: list[Finding] = []
    for finding in previous.findings:
        if finding.kind in DOCUMENT_CHECKS and any(claim.doc in ids for claim in finding.claims):
            continue  # found within a changed document: checked again below
        findings.append(finding)
    where = dict(previous.where)
    for finding in findings:  # the same figures, now at new places in the changed documents
        finding.claims = [_current(claim, previous.where, changed_set, documents, claims, where) for claim in finding.claims]
        if finding.subject is not None:
            finding.subject = [_current(claim, previous.where, changed_set, documents, claims, where) for claim in finding.subject]
    checked = previous.counts["claims_checked"]
    for position in changed:
        document = documents[position]
        own = claims[document.id]
        found, looked_at = check_document(document, own, rules)
        looked_at_ids = {id(claim) for claim in looked_at}
        findings.extend(found)
        for index, claim in enumerate(own):
            where[id(claim)] = (position, index)
        _, _, count, old_within, across = rows[position]
        new_within = [i for i, claim in enumerate(own) if id(claim) in looked_at_ids]
        checked += len(set(new_within) | set(across)) - len(set(old_within) | set(across))
        rows[position] = [rows[position][0], rows[position][1], count, new_within, across]
    kept = [diagnostic for diagnostic in previous.diagnostics if diagnostic.doc not in ids]
    return StoredRun(findings, kept + diagnostics, {**previous.counts, "claims_checked": checked}, rows, where)


def _current(claim: Claim, stored_where: dict, changed: set[int], documents: list[Document],
             claims: dict[str, list[Claim]], where: dict) -> Claim:
    position, index = stored_where[id(claim)]
    if position not in changed:
        return claim
    current = claims[documents[position].id][index]
    where[id(current)] = (position, index)
    return current


def _result(documents: list[Document], rules: RuleSet, run: StoredRun) -> CheckResult:
    return CheckResult(documents, [], [], run.findings, rules=[rule.id for rule in rules.rules], rule_set=rules,
                       counts=run.counts)


def _warn(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        warnings.warn(ClaimcheckWarning(str(diagnostic)), stacklevel=4)
