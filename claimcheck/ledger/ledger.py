"""The ledger: ingesting document sets over time, facts with every reported value, and the review workflow."""

from __future__ import annotations

import getpass
import hashlib
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import InputError
from ..checker import Checker
from ..events import find_events
from ..result import CheckResult
from ..model import Claim, Document, Fact, Finding
from .store import FindingRecord, Store, open_store

REVIEW_STATUSES = ("open", "confirmed", "dismissed", "needs-source", "published")


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    new_findings: int = 0
    reopened: int = 0
    findings: int = 0


def open_ledger(location: str | Path = "claimcheck.db", create: bool = True) -> "Ledger":
    """The ledger at ``location`` (a file, or a database URL); ``create=False`` refuses a location with no ledger
    (for commands that only read)."""
    return Ledger(open_store(location, create=create))


def content_hash(document: Document) -> str:
    return hashlib.sha256(f"{document.id}\0{document.text}".encode("utf-8")).hexdigest()


def lineage(finding: Finding) -> str:
    """A finding's family across revisions and new sources: its rule and fact (a finding about one fact stays in
    the family when a source is added or a number changes); without a fact, its rule, measures and documents."""
    if finding.fact:
        subject = finding.fact
    else:
        subject = "|".join(sorted({claim.measure or "" for claim in finding.claims} | {claim.doc for claim in finding.claims}))
    return hashlib.sha256(f"{finding.rule}\x1f{subject}".encode("utf-8", "surrogateescape")).hexdigest()[:16]


def claims_digest(claims: list[Claim]) -> str:
    parts = sorted(f"{c.doc}\x1f{c.text}\x1f{c.value!r}\x1f{c.bound}\x1f{c.unit}" for c in claims)
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()[:16]


class Ledger:
    """The desk's ledger over a :class:`~claimcheck.ledger.store.Store`: ingest, facts, findings and reviews."""

    def __init__(self, store: Store):
        self.store = store

    def close(self) -> None:
        self.store.close()

    # ---- ingest --------------------------------------------------------------------------------------------
    def ingest(self, items: Iterable[str | Path | Document], checker: Checker | None = None,
               who: str | None = None, claims: Iterable[Claim] | None = None) -> IngestReport:
        """Add documents (idempotent by content; a changed page becomes a new version linked to the old one, a page
        put back as it was makes that version current again) and re-run the checks over the current versions,
        keeping review state by fingerprint. One transaction. ``checker`` gives the rules and how documents are
        read and extracted (with its cache, an unchanged document is not extracted again); ``claims``: the
        documents' claims, extracted before (a claims dataset's), so nothing is extracted."""
        checker = checker or Checker()
        documents = checker.read(list(items))
        given: dict[str, list[Claim]] | None = None
        if claims is not None:
            given = {}
            for claim in claims:
                given.setdefault(claim.doc, []).append(claim)
        batch: dict[str, Document] = {}
        for document in documents:  # one path given twice, or as a file and inside a folder, is one document
            own = given.pop(document.id, []) if given is not None else None
            document.id = self._canonical(document)
            for claim in own or []:
                claim.doc = document.id
            if own is not None:
                given[document.id] = own
            batch.setdefault(content_hash(document), document)
        candidates = [(key, document) for key, document in batch.items() if not self._is_current(key, document.id)]
        extracted: dict[str, list[Claim]] = {document.id: [] for _, document in candidates}
        if given is not None:
            extracted = {document.id: given.get(document.id, []) for document in batch.values()}
        for claim in checker.extract([document for _, document in candidates]) if given is None else ():
            extracted[claim.doc].append(claim)
        report = IngestReport()
        with self.store.transaction():
            for key, document in batch.items():
                known = self.store.document_by_hash(key)  # looked up again under the write lock
                previous = self.store.current_version(document.id)
                if known is not None and known.current:
                    report.unchanged.append(document.id)
                elif known is not None:
                    self.store.set_current(known.id, document.id)
                    report.revised.append(document.id)
                else:
                    document_id = self.store.add_document(document, key, previous.id if previous else None)
                    claims = extracted[document.id] if document.id in extracted else checker.extract([document])
                    self.store.add_claims(document_id, claims)
                    (report.revised if previous else report.added).append(document.id)
            # checked in an order that depends on the documents, not on when each was ingested: the same final
            # corpus gets the same events, findings and fingerprints whatever order its documents came in
            current = sorted(self.store.documents(current_only=True), key=lambda pair: pair[1].id)
            events = find_events([document for _, document in current])
            self.store.save_events(events)
            self._store_facts(checker.rule_set, {doc: event.id for event in events for doc in event.documents})
            stored = sorted(self.store.claims([document_id for document_id, _ in current]),
                            key=lambda item: (item[2].doc, item[0]))
            claim_ids = {id(claim): claim_id for claim_id, _, claim in stored}
            result = Checker(rules=checker.rule_set, root=self.folder).check_claims(
                [document for _, document in current], [claim for _, _, claim in stored])
            present = set()
            for finding in result.findings:
                digest, family = claims_digest(finding.about or finding.claims), lineage(finding)
                ancestor = self.store.ancestor(family, finding.fingerprint)
                finding_id, before = self.store.save_finding(finding, digest, [claim_ids[id(c)] for c in finding.claims], family)
                present.add(finding_id)
                if before is None:
                    report.new_findings += 1
                    report.reopened += self._follow(finding_id, ancestor, digest, who)
                elif before.claims_digest != digest and self._review(finding_id) == "dismissed":
                    self.store.set_review(finding_id, "open", None, None, who or "claimcheck",
                                          event_note="reopened: the claims of this dismissed finding changed")
                    report.reopened += 1
            self.store.mark_absent(present)
            report.findings = len(result.findings)
            if report.added or report.revised:
                self.store.add_audit(who or _user(), "ingest", ", ".join(report.added + report.revised)[:2000],
                                     f"{len(report.added)} added, {len(report.revised)} revised, "
                                     f"{len(report.unchanged)} unchanged; {report.new_findings} new findings")
        return report

    @property
    def folder(self) -> Path:
        """What document paths are relative to: the ledger file's folder, or the working directory for a server."""
        if "://" in self.store.location:
            return Path.cwd()
        return Path(self.store.location).resolve().parent

    def _canonical(self, document: Document) -> str:
        """Documents are known by their path relative to the ledger's folder, however they were given."""
        if not document.path:
            return document.id
        relative = os.path.relpath(Path(document.path).resolve(), self.folder)
        return relative + (document.id[len(document.path):] if document.id.startswith(document.path) else "")

    def _is_current(self, key: str, doc: str) -> bool:
        known = self.store.document_by_hash(key)
        return known is not None and known.current

    def _follow(self, finding_id: int, ancestor: FindingRecord | None, digest: str, who: str | None) -> int:
        """A new finding in the family of one the desk already decided: carry the decision when the claims are
        the same (reworded), reopen with a note when they changed. Returns 1 when it reopened one."""
        if ancestor is None or ancestor.review == "open":
            return 0
        if ancestor.claims_digest == digest:
            self.store.set_review(finding_id, ancestor.review, None, None, who or "claimcheck",
                                  event_note=f"carried over from finding #{ancestor.id}: same claims, reworded")
            return 0
        self.store.set_review(finding_id, "open", None, None, who or "claimcheck", from_status=ancestor.review,
                              event_note=f"reopened: the claims of {ancestor.review} finding #{ancestor.id} changed")
        return 1

    def _review(self, finding_id: int) -> str:
        return self.store.finding(finding_id).review

    # ---- facts ------------------------------------------------------------------------------------------------
    def _store_facts(self, rules, events: dict[str, str] | None = None) -> None:
        """Group every claim of every version into facts (within each document's event; by decade in a ledger whose
        figures come from an archive's worth of documents) and store them (a fact keeps its id while its key does)."""
        from ..facts import build_facts

        stored = self.store.claims()
        ids = {id(claim): claim_id for claim_id, _, claim in stored}
        archive = rules.is_archive(len({claim.doc for _, _, claim in stored}))
        facts = build_facts([claim for _, _, claim in stored], rules.synonyms, events, rules.standing_measures(),
                            rules.declared_measures(), by_decade=archive)
        self.store.save_facts([(fact.key, [ids[id(claim)] for claim in fact.claims]) for fact in facts])

    def facts(self) -> list[Fact]:
        """Facts over every version of every document, by their stable ids: each value as reported, when and by
        whom (facts reported more than once, unless there are none)."""
        stored = self.store.facts()
        if not stored and self.store.claims():  # a ledger from before facts were stored
            from ..rules import load_rules

            with self.store.transaction():
                self._store_facts(load_rules())
            stored = self.store.facts()
        by_id = {claim_id: claim for claim_id, _, claim in self.store.claims()}
        facts = [Fact(key=fact.key, claims=sorted((by_id[i] for i in fact.claim_ids if i in by_id),
                                                 key=lambda c: (c.date or "", c.doc)), id=fact.id) for fact in stored]
        return [fact for fact in facts if len(fact.claims) > 1] or facts

    def fact(self, name: str) -> Fact:
        """A fact by its id, or the first whose key contains ``name``."""
        facts = self.facts()
        if name.isdigit():
            found = next((fact for fact in facts if fact.id == int(name)), None)
            if found is not None:
                return found
        matches = [fact for fact in facts if name.lower() in str(fact.key).lower()]
        if not matches:
            raise InputError(f"no fact matches {name!r} (see `claimcheck track facts` for ids and keys)")
        return matches[0]

    # ---- findings and review ------------------------------------------------------------------------------
    def findings(self, status: str | None = None) -> list[dict]:
        if status is not None and status not in REVIEW_STATUSES:
            raise InputError(f"unknown review status {status!r} (choose from {', '.join(REVIEW_STATUSES)})")
        return [self._finding_record(row) for row in self.store.findings(status)]

    def finding(self, finding_id: int) -> dict:
        row = self.store.finding(finding_id)
        if row is None:
            raise InputError(f"no finding {finding_id} in {self.store.location} (see `claimcheck review list`)")
        return self._finding_record(row)

    @staticmethod
    def _finding_record(record: FindingRecord) -> dict:
        return {name: getattr(record, name) for name in _RECORD_FIELDS}

    def finding_claims(self, finding_id: int) -> list[Claim]:
        wanted = self.store.finding_claim_ids(finding_id)
        by_id = {claim_id: claim for claim_id, _, claim in self.store.claims()}
        return [by_id[claim_id] for claim_id in wanted if claim_id in by_id]

    def set_review(self, finding_id: int, status: str, note: str | None = None, assignee: str | None = None,
                   who: str | None = None, expected_version: int | None = None) -> dict:
        """Change a finding's review under ``who`` (default: the operating-system user). With
        ``expected_version`` (the ``version`` the caller read), a change made meanwhile by someone else raises
        :class:`~claimcheck.ledger.store.ReviewConflict` instead of being overwritten."""
        if status not in REVIEW_STATUSES:
            raise InputError(f"unknown review status {status!r} (choose from {', '.join(REVIEW_STATUSES)})")
        self.finding(finding_id)  # raises for an unknown id before anything changes
        with self.store.transaction():
            self.store.set_review(finding_id, status, assignee, note, who or _user(), expected_version=expected_version)
        return self.finding(finding_id)

    def history(self, finding_id: int) -> list[dict]:
        self.finding(finding_id)
        return [asdict(event) for event in self.store.review_events(finding_id)]

    def as_findings(self, status: str | None = None) -> list[tuple[dict, Finding]]:
        """Stored findings as model objects (for reports and exports), with their review record."""
        by_id = {claim_id: claim for claim_id, _, claim in self.store.claims()}
        found = []
        for record in self.store.findings(status):
            claims = [by_id[i] for i in self.store.finding_claim_ids(record.id) if i in by_id]
            finding = Finding(rule=record.rule, kind=record.kind, status=record.status, severity=record.severity,
                              message=record.message, claims=claims, fact=record.fact, fingerprint=record.fingerprint)
            found.append((self._finding_record(record), finding))
        return found

    def result(self) -> tuple[CheckResult, dict[str, dict]]:
        """The ledger as a check result (current documents and their claims, every fact, the findings kept), and
        each finding's review record by fingerprint: what reports are made of."""
        pairs = self.as_findings()
        documents = self.documents(current_only=True)
        current = {document.id for document in documents}
        claims = [claim for _, _, claim in self.store.claims() if claim.doc in current]
        result = CheckResult(documents, claims, self.facts(), [finding for _, finding in pairs], events=self.events(),
                             checked=len({id(claim) for _, finding in pairs for claim in finding.claims}))
        return result, {finding.fingerprint: record for record, finding in pairs}

    def events(self) -> list:
        """The events the current documents report."""
        return self.store.events()

    def documents(self, current_only: bool = False) -> list[Document]:
        return [document for _, document in self.store.documents(current_only)]


_RECORD_FIELDS = ("id", "fingerprint", "rule", "kind", "status", "severity", "message", "fact", "review", "assignee",
                  "note", "updated_at", "first_seen", "last_seen", "version")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
