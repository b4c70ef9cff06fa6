"""What the ledger needs from a database: the :class:`Store` interface every backend implements, and the records it
returns. A backend owns its SQL dialect and its migrations; the ledger speaks only this interface and the data
model, so SQLite (the embedded default) and a server database sit side by side."""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from ...errors import ClaimcheckError
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
    version: int = 0  # the review's version: a save names the version it read, so a concurrent change is not lost


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
                   event_note: str | None = None, from_status: str | None = None,
                   expected_version: int | None = None) -> None:
        """Change a finding's review and record it; with ``expected_version``, raise :class:`ReviewConflict`
        when someone else changed it since that version was read (nothing is written then)."""

    @abstractmethod
    def review_events(self, finding_id: int) -> list[ReviewEvent]: ...

    # ---- the desk: users, sessions, audit trail, the review queue -----------------------------------------
    @abstractmethod
    def add_user(self, name: str, role: str, password_hash: str) -> bool:
        """Add a user, or change the role and password of one that exists (ending their sessions); True when new."""

    @abstractmethod
    def remove_user(self, name: str) -> bool:
        """Remove a user and their sessions; False when there is no such user."""

    @abstractmethod
    def user(self, name: str) -> UserRecord | None: ...

    @abstractmethod
    def users(self) -> list[UserRecord]: ...

    @abstractmethod
    def record_login(self, name: str, success: bool, locked_until: str | None) -> int:
        """Count a failed login (and lock the user until ``locked_until``) or clear the count; the failures."""

    @abstractmethod
    def add_session(self, token_hash: str, user: str, csrf: str, expires_at: str) -> None: ...

    @abstractmethod
    def session(self, token_hash: str) -> SessionRecord | None:
        """The session with this token, with its user's role (expired sessions are returned: the caller decides)."""

    @abstractmethod
    def delete_session(self, token_hash: str) -> None: ...

    @abstractmethod
    def delete_expired_sessions(self, now: str) -> None: ...

    @abstractmethod
    def add_audit(self, who: str, action: str, target: str | None, detail: str | None) -> None: ...

    @abstractmethod
    def audit(self, limit: int = 100) -> list[AuditEntry]: ...

    @abstractmethod
    def queue(self, query: QueueQuery, counts: QueueCounts | None = None) -> QueuePage:
        """One page of findings as the desk filters, sorts and searches them, with counts per facet (``counts``:
        those counted for this query a moment ago, when the caller keeps them)."""

    @abstractmethod
    def finding_sources(self, finding_id: int) -> dict:
        """A finding's outlets, events and latest source date (``{"outlet": [...], "event": [...], "date": ...}``)."""

    @abstractmethod
    def queue_counts(self, query: QueueQuery) -> QueueCounts:
        """How many findings the query finds, and per facet (what a page of the queue needs beside its rows)."""

    @abstractmethod
    def claim_records(self, claim_ids: list[int] | None = None, document_id: int | None = None,
                      fact_id: int | None = None) -> list[ClaimRecord]:
        """Claims chosen by id, by document version or by fact, in id order, with what they belong to."""

    @abstractmethod
    def fact_claims(self, fact_id: int, limit: int, offset: int = 0, latest: bool = False) -> tuple[list[ClaimRecord], int]:
        """One page of a fact's claims by date (earliest first, or ``latest`` first), and how many it has."""

    @abstractmethod
    def document_version(self, document_id: int) -> tuple[DocumentVersion, Document] | None: ...

    @abstractmethod
    def versions_of(self, doc: str) -> list[DocumentVersion]: ...

    @abstractmethod
    def event_labels(self, event_ids: list[str]) -> dict[str, str]:
        """The label of each of these events (those the ledger knows)."""

    @abstractmethod
    def documents_of_event(self, event_id: str) -> list[tuple[int, Document]]:
        """The current documents reporting an event, by date."""

    @abstractmethod
    def fact(self, fact_id: int) -> StoredFact | None: ...

    @abstractmethod
    def findings_of_claims(self, claim_ids: list[int]) -> list[FindingRecord]:
        """Findings quoting any of these claims (shown or gone as :meth:`findings` lists them)."""


class ReviewConflict(ClaimcheckError):
    """A review was changed by someone else after it was read: the later save is refused, not merged."""

    def __init__(self, finding_id: int, current: FindingRecord | None, by: str | None = None):
        self.finding_id, self.current, self.by = finding_id, current, by
        who = f" by {by}" if by else ""
        state = f"; {current.review}{who} at {current.updated_at}" if current is not None else ""
        super().__init__(f"finding #{finding_id} was changed by someone else since you opened it{state}: "
                         "reload it and apply your change again")


ROLES = ("viewer", "reviewer", "editor")


@dataclass
class UserRecord:
    """A desk user: a name, a role (viewer < reviewer < editor) and an argon2 password hash."""

    name: str
    role: str
    password_hash: str
    created_at: str
    failed_logins: int = 0
    locked_until: str | None = None


@dataclass
class SessionRecord:
    """A signed-in browser: the hash of its cookie token (the token itself is never stored), its CSRF token."""

    token_hash: str
    user: str
    role: str
    csrf: str
    created_at: str
    expires_at: str


@dataclass
class AuditEntry:
    """One change on the desk other than a review (those have their own history): who did what to what."""

    id: int
    at: str
    who: str
    action: str
    target: str | None
    detail: str | None


@dataclass
class ClaimRecord:
    """A claim as stored: its id, the document version it is in and the fact it reports."""

    id: int
    document_id: int
    fact_id: int | None
    claim: Claim


#: what the queue can be filtered by (each a list of accepted values; "" stands for "none", e.g. unassigned)
QUEUE_FILTERS = ("status", "review", "severity", "rule", "kind", "event", "outlet", "assignee", "fact")
#: what it can be sorted by
QUEUE_SORTS = ("priority", "date", "updated", "severity", "status", "rule", "review", "assignee", "outlet", "event",
               "id")


@dataclass
class QueueQuery:
    """The desk's queue as asked for: values per filter, a search text, a date range, a sort and a page."""

    filters: dict[str, list[str]] = field(default_factory=dict)
    search: str = ""
    date_from: str = ""
    date_to: str = ""
    sort: str = "priority"
    descending: bool = False
    limit: int = 50
    offset: int = 0
    facets: bool = True


@dataclass
class QueueRow:
    """One finding in the queue, with the latest date and the outlets of its sources."""

    record: FindingRecord
    date: str | None
    outlets: list[str]


@dataclass
class QueuePage:
    rows: list[QueueRow]
    total: int
    facets: dict[str, list[tuple[str, int]]]


@dataclass
class QueueCounts:
    """The total, the facet counts and the grouped counts they were made from (which also say where a page of
    the default order starts)."""

    total: int
    facets: dict[str, list[tuple[str, int]]]
    combos: list[tuple]
    hits: list[int] | None = None  # the findings the search found (None: no search)
