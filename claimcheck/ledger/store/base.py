"""What the ledger needs from a database: the :class:`Store` interface every backend implements, and the records it
returns. A backend owns its SQL dialect and its migrations; the ledger speaks only this interface and the data
model, so SQLite (the embedded default) and a server database sit side by side."""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from dataclasses import dataclass

from ...model import Claim, Document, Event, FactKey, Finding


@dataclass
class DocumentVersion:
    """One version of a document as stored."""

    id: int
    doc: str
    content_hash: str
    current: bool
    previous_id: int | None
    date: str | None
    ingested_at: str


@dataclass
class FindingRecord:
    """A finding as stored, with the desk's review of it."""

    id: int
    fingerprint: str
    rule: str
    kind: str
    status: str
    severity: str
    message: str
    fact: str | None
    claims_digest: str
    present: bool
    first_seen: str
    last_seen: str
    lineage: str | None
    review: str
    assignee: str | None
    note: str | None
    updated_at: str


@dataclass
class ReviewEvent:
    """One change of a finding's review: who, when, from which status to which, and why."""

    id: int
    finding_id: int
    at: str
    who: str
    from_status: str | None
    to_status: str
    assignee: str | None
    note: str | None


@dataclass
class StoredFact:
    """A fact as stored: its id stays the same across ingests while its key does."""

    id: int
    key: FactKey
    claim_ids: list[int]


class Store(ABC):
    """Storage for the ledger. Every change happens inside :meth:`transaction`; reads see committed data."""

    location: str  # the file or URL the store was opened from, for messages

    @abstractmethod
    def transaction(self) -> AbstractContextManager: ...

    @abstractmethod
    def close(self) -> None: ...

    # ---- documents and claims
    @abstractmethod
    def document_by_hash(self, content_hash: str) -> DocumentVersion | None: ...

    @abstractmethod
    def current_version(self, doc: str) -> DocumentVersion | None: ...

    @abstractmethod
    def add_document(self, document: Document, content_hash: str, previous_id: int | None) -> int: ...

    @abstractmethod
    def set_current(self, document_id: int, doc: str) -> None: ...

    @abstractmethod
    def add_claims(self, document_id: int, claims: list[Claim]) -> None: ...

    @abstractmethod
    def documents(self, current_only: bool = True) -> list[tuple[int, Document]]: ...

    @abstractmethod
    def document_versions(self) -> list[DocumentVersion]: ...

    @abstractmethod
    def claims(self, document_ids: list[int] | None = None) -> list[tuple[int, int, Claim]]:
        """(claim id, document id, claim) for the given document versions (default: all)."""

    # ---- events
    @abstractmethod
    def save_events(self, events: list[Event]) -> None:
        """Store the events of the current documents as they are now (documents keep the id of theirs)."""

    @abstractmethod
    def events(self) -> list[Event]: ...

    # ---- facts
    @abstractmethod
    def save_facts(self, facts: list[tuple[FactKey, list[int]]]) -> list[int]:
        """Store the facts (key, claim ids) as they are now; a key seen before keeps its id. Returns the ids."""

    @abstractmethod
    def facts(self) -> list[StoredFact]: ...

    # ---- findings and reviews
    @abstractmethod
    def ancestor(self, lineage: str, fingerprint: str) -> FindingRecord | None:
        """The latest other finding of the same lineage, with its review."""

    @abstractmethod
    def save_finding(self, finding: Finding, digest: str, claim_ids: list[int], lineage: str) -> tuple[int, FindingRecord | None]:
        """Insert or update a finding by fingerprint; its id and the record as it was before."""

    @abstractmethod
    def mark_absent(self, present_ids: set[int]) -> None: ...

    @abstractmethod
    def findings(self, status: str | None = None) -> list[FindingRecord]: ...

    @abstractmethod
    def finding(self, finding_id: int) -> FindingRecord | None: ...

    @abstractmethod
    def finding_claim_ids(self, finding_id: int) -> list[int]: ...

    @abstractmethod
    def set_review(self, finding_id: int, status: str, assignee: str | None, note: str | None, who: str,
                   event_note: str | None = None, from_status: str | None = None) -> None: ...

    @abstractmethod
    def review_events(self, finding_id: int) -> list[ReviewEvent]: ...
