"""The embedded ledger store: one SQLite file, WAL journal so readers do not block a writer, a busy timeout so
concurrent writers wait instead of failing, and every ingest one transaction. A file is checked before it is
trusted (damaged pages, its schema against its version, values of the right types; see :mod:`.sqlite_checks`), and
every database error reaches the user as one located line saying how to recover."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import astuple, fields
from datetime import datetime, timezone
from pathlib import Path

from ...errors import InputError
from ...model import BOUNDS, Claim, Document, Event, FactKey
from ...model.finding import SEVERITIES, STATUSES
from .base import DocumentVersion, FindingRecord, ReviewEvent, Store, StoredFact
from .sqlite_checks import (INTEGER, NUMBER, OPTIONAL_INTEGER, OPTIONAL_NUMBER, OPTIONAL_TEXT, TEXT, LedgerError,
                            check_ledger, checked_row, database_error, guarded)
from .sqlite_schema import MIGRATIONS, SCHEMA_VERSION

_CLAIM_COLUMNS = [f.name for f in fields(Claim) if f.name != "doc"]
_SQLITE_HEADER = b"SQLite format 3\x00"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@guarded
class SQLiteStore(Store):
    def __init__(self, path: str | Path, create: bool = True):
        self.path = self.location = str(path)
        file = Path(path)
        if file.is_dir():
            raise InputError("is a directory, not a ledger file: give a file name with --db", self.path)
        if not file.exists() and not create:
            raise InputError("no such ledger (create one with `claimcheck track add PATH --db FILE`)", self.path)
        if file.exists() and not file.is_file():
            raise InputError("is not a regular file (a FIFO or device?), not a ledger: give a file name with --db", self.path)
        self.created = not file.exists()  # made by this call: removed again if the first ingest fails
        if file.exists() and file.stat().st_size:
            with open(file, "rb") as stream:
                if stream.read(16) != _SQLITE_HEADER:
                    raise InputError("not a claimcheck ledger (not an SQLite database); give another --db path", self.path)
        try:
            self.connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except sqlite3.Error as error:
            raise database_error(self.path, error) from None
        try:
            self._open()
        except BaseException:
            self.connection.close()
            raise

    def _open(self) -> None:
        try:
            self.connection.row_factory = sqlite3.Row
            self.connection.execute("PRAGMA busy_timeout = 30000")
            self.connection.execute("PRAGMA foreign_keys = ON")
            version = self.connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise InputError(f"ledger schema version {version} is newer than this claimcheck supports "
                                 f"({SCHEMA_VERSION}): upgrade claimcheck to open it", self.path)
            if not version and self._is_ledger():
                raise LedgerError(f"the ledger's user_version is 0 but it holds a claimcheck ledger's tables (the version "
                                  f"number was changed by hand): set it back with `sqlite3 {self.path} 'PRAGMA "
                                  f"user_version = {SCHEMA_VERSION}'` if it was made by this claimcheck", self.path)
            if (version and not self._is_ledger()) or (not version and self._tables()):
                raise InputError("not a claimcheck ledger (another program's database): give another --db path", self.path)
            check_ledger(self.connection, self.path, version)
            self._wal()
            self._migrate()
        except sqlite3.Error as error:
            raise database_error(self.path, error) from None

    def discard(self) -> None:
        """Close, and remove the file when this store created it (a first ingest that failed leaves no file)."""
        self.connection.close()
        if self.created:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(self.path + suffix).unlink(missing_ok=True)

    def _wal(self) -> None:
        """Switch to WAL; another process may hold the lock for a moment, so wait for it like any writer."""
        import time

        deadline = time.monotonic() + 30
        while True:
            try:
                self.connection.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise InputError(f"ledger is busy ({error}): try again", self.path) from None
                time.sleep(0.1)

    def _tables(self) -> set[str]:
        return {row[0] for row in self.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _is_ledger(self) -> bool:
        return {"documents", "claims", "findings", "reviews"} <= self._tables()

    def _migrate(self) -> None:
        """Apply the migrations not yet applied; the version is read again under the write lock, so two
        processes opening a new ledger at once do not both migrate it."""
        while True:
            self.connection.execute("BEGIN IMMEDIATE")
            version = self.connection.execute("PRAGMA user_version").fetchone()[0]
            self.connection.execute("COMMIT" if version >= SCHEMA_VERSION else "ROLLBACK")
            if version >= SCHEMA_VERSION:
                return
            # one script, one transaction: the schema change and its version number land together or not at all
            try:
                self.connection.executescript(
                    f"BEGIN IMMEDIATE; {MIGRATIONS[version]}; PRAGMA user_version = {version + 1}; COMMIT;")
            except sqlite3.OperationalError:
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")
                if self.connection.execute("PRAGMA user_version").fetchone()[0] <= version:
                    raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit: everything or nothing (BEGIN IMMEDIATE takes the write lock up front)."""
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise database_error(self.path, error) from None
        try:
            yield self.connection
            self.connection.execute("COMMIT")
        except BaseException as error:
            if self.connection.in_transaction:
                try:
                    self.connection.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # the transaction is gone with the error that ended it
            if isinstance(error, sqlite3.Error):
                raise database_error(self.path, error) from None
            raise

    def close(self) -> None:
        self.connection.close()

    # ---- documents and claims ---------------------------------------------------------------------------
    def document_by_hash(self, content_hash: str) -> DocumentVersion | None:
        return _version(self.connection.execute(f"SELECT {_VERSION_COLUMNS} FROM documents WHERE content_hash = ?",
                                                (content_hash,)).fetchone(), self.path)

    def current_version(self, doc: str) -> DocumentVersion | None:
        return _version(self.connection.execute(f"SELECT {_VERSION_COLUMNS} FROM documents WHERE doc = ? AND current = 1",
                                                (doc,)).fetchone(), self.path)

    def add_document(self, document: Document, content_hash: str, previous_id: int | None) -> int:
        if previous_id is not None:
            self.connection.execute("UPDATE documents SET current = 0 WHERE id = ?", (previous_id,))
        cursor = self.connection.execute(
            "INSERT INTO documents (doc, content_hash, title, date, outlet, format, text, previous_id, current, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
            (document.id, content_hash, document.title, document.date, document.outlet, document.format, document.text,
             previous_id, now()))
        return cursor.lastrowid

    def add_claims(self, document_id: int, claims: list[Claim]) -> None:
        columns = ", ".join(f'"{name}"' for name in _CLAIM_COLUMNS)
        marks = ", ".join("?" for _ in _CLAIM_COLUMNS)
        rows = []
        for claim in claims:
            values = dict(zip([f.name for f in fields(Claim)], astuple(claim)))
            rows.append((document_id, *[_storable(values[name]) for name in _CLAIM_COLUMNS]))
        self.connection.executemany(f"INSERT INTO claims (document_id, {columns}) VALUES (?, {marks})", rows)

    def documents(self, current_only: bool = True) -> list[tuple[int, Document]]:
        query = "SELECT * FROM documents" + (" WHERE current = 1" if current_only else "") + " ORDER BY id"
        rows = self.connection.execute(query).fetchall()
        for row in rows:
            checked_row(self.path, "documents", row, _DOCUMENT_TYPES)
        return [(row["id"], Document(id=row["doc"], text=row["text"], title=row["title"], date=row["date"],
                                     outlet=row["outlet"], format=row["format"]))
                for row in rows]

    def document_versions(self) -> list[DocumentVersion]:
        return [_version(row, self.path) for row in self.connection.execute(f"SELECT {_VERSION_COLUMNS} FROM documents ORDER BY doc, id")]

    def claims(self, document_ids: list[int] | None = None) -> list[tuple[int, int, Claim]]:
        """(claim id, document id, claim) for the given document versions (default: all)."""
        query = "SELECT claims.*, documents.doc AS doc FROM claims JOIN documents ON documents.id = claims.document_id"
        rows = self.connection.execute(query + " ORDER BY claims.id").fetchall()
        wanted = set(document_ids) if document_ids is not None else None
        found = []
        for row in rows:
            if wanted is not None and row["document_id"] not in wanted:
                continue
            checked_row(self.path, "claims", row, _CLAIM_TYPES, {"bound": BOUNDS, "is_range": (0, 1)})
            values = {name: row[name] for name in _CLAIM_COLUMNS}
            values["line"], values["column"] = values["line"] or 0, values["column"] or 0
            values["is_range"] = bool(values["is_range"])
            values["high"] = float("inf") if values["high"] is None and values["bound"] in (">", ">=") else values["high"]
            found.append((row["id"], row["document_id"], Claim(doc=row["doc"], **values)))
        return found

    # ---- findings and reviews --------------------------------------------------------------------------------
    def finding_by_fingerprint(self, fingerprint: str) -> FindingRecord | None:
        return _finding(self.connection.execute(f"{_FINDINGS} WHERE fingerprint = ?", (fingerprint,)).fetchone(), self.path)

    def ancestor(self, lineage: str, fingerprint: str) -> FindingRecord | None:
        return _finding(self.connection.execute(
            f"{_FINDINGS} WHERE lineage = ? AND fingerprint != ? ORDER BY findings.id DESC LIMIT 1",
            (lineage, fingerprint)).fetchone(), self.path)

    def save_finding(self, finding, digest: str, claim_ids: list[int], lineage: str) -> tuple[int, FindingRecord | None]:
        before = self.finding_by_fingerprint(finding.fingerprint)
        stamp = now()
        if before is None:
            cursor = self.connection.execute(
                "INSERT INTO findings (fingerprint, rule, kind, status, severity, message, fact, claims_digest, present,"
                " first_seen, last_seen, lineage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                (finding.fingerprint, finding.rule, finding.kind, finding.status, finding.severity, finding.message,
                 finding.fact, digest, stamp, stamp, lineage))
            finding_id = cursor.lastrowid
            self.connection.execute("INSERT INTO reviews (finding_id, status, updated_at) VALUES (?, 'open', ?)",
                                    (finding_id, stamp))
        else:
            finding_id = before.id
            self.connection.execute(
                "UPDATE findings SET status = ?, severity = ?, message = ?, fact = ?, claims_digest = ?, present = 1,"
                " last_seen = ? WHERE id = ?",
                (finding.status, finding.severity, finding.message, finding.fact, digest, stamp, finding_id))
            self.connection.execute("DELETE FROM finding_claims WHERE finding_id = ?", (finding_id,))
        self.connection.executemany("INSERT INTO finding_claims (finding_id, claim_id, position) VALUES (?, ?, ?)",
                                    [(finding_id, claim_id, position) for position, claim_id in enumerate(claim_ids)])
        return finding_id, before

    def mark_absent(self, present_ids: set[int]) -> None:
        for row in self.connection.execute("SELECT id FROM findings WHERE present = 1").fetchall():
            if row["id"] not in present_ids:
                self.connection.execute("UPDATE findings SET present = 0 WHERE id = ?", (row["id"],))

    def set_current(self, document_id: int, doc: str) -> None:
        """Make an earlier version current again (a page put back as it was)."""
        self.connection.execute("UPDATE documents SET current = 0 WHERE doc = ?", (doc,))
        self.connection.execute("UPDATE documents SET current = 1 WHERE id = ?", (document_id,))

    def findings(self, status: str | None = None, present_only: bool = True) -> list[FindingRecord]:
        query = _FINDINGS
        conditions, parameters = [], []
        if present_only:  # gone findings stay listed while the desk has decided something about them
            conditions.append("(findings.present = 1 OR reviews.status IN ('confirmed', 'published', 'needs-source'))")
        if status:
            conditions.append("reviews.status = ?")
            parameters.append(status)
        if conditions:
            query += " WHERE " + " AND ".join(conditions)
        return [_finding(row, self.path) for row in self.connection.execute(query + " ORDER BY findings.id", parameters).fetchall()]

    def finding(self, finding_id: int) -> FindingRecord | None:
        if not -(2 ** 63) <= finding_id < 2 ** 63:
            return None
        return _finding(self.connection.execute(f"{_FINDINGS} WHERE findings.id = ?", (finding_id,)).fetchone(), self.path)

    def finding_claim_ids(self, finding_id: int) -> list[int]:
        return [row[0] for row in self.connection.execute(
            "SELECT claim_id FROM finding_claims WHERE finding_id = ? ORDER BY position", (finding_id,))]

    def set_review(self, finding_id: int, status: str, assignee: str | None, note: str | None, who: str,
                   event_note: str | None = None, from_status: str | None = None) -> None:
        current = self.connection.execute("SELECT status, assignee FROM reviews WHERE finding_id = ?", (finding_id,)).fetchone()
        stamp = now()
        assignee = assignee if assignee is not None else current["assignee"]
        self.connection.execute("UPDATE reviews SET status = ?, assignee = ?, note = COALESCE(?, note), updated_at = ?"
                                " WHERE finding_id = ?", (status, assignee, note, stamp, finding_id))
        self.connection.execute(
            "INSERT INTO review_events (finding_id, at, who, from_status, to_status, assignee, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (finding_id, stamp, who, from_status or current["status"], status, assignee,
             event_note if event_note is not None else note))

    def review_events(self, finding_id: int) -> list[ReviewEvent]:
        rows = self.connection.execute("SELECT * FROM review_events WHERE finding_id = ? ORDER BY id", (finding_id,)).fetchall()
        for row in rows:
            checked_row(self.path, "review_events", row, _EVENT_TYPES)
        return [ReviewEvent(**dict(row)) for row in rows]

    # ---- events ------------------------------------------------------------------------------------------------
    def save_events(self, events: list[Event]) -> None:
        self.connection.execute("UPDATE events SET present = 0")
        for event in events:
            self.connection.execute(
                "INSERT INTO events (id, label, first_date, last_date, present) VALUES (?, ?, ?, ?, 1)"
                " ON CONFLICT(id) DO UPDATE SET label = excluded.label, first_date = excluded.first_date,"
                " last_date = excluded.last_date, present = 1", (event.id, event.label, event.first_date, event.last_date))
            self.connection.executemany("UPDATE documents SET event = ? WHERE doc = ? AND current = 1",
                                        [(event.id, doc) for doc in event.documents])

    def events(self) -> list[Event]:
        members: dict[str, list[str]] = {}
        for row in self.connection.execute("SELECT doc, event FROM documents WHERE current = 1 AND event IS NOT NULL ORDER BY id"):
            members.setdefault(row["event"], []).append(row["doc"])
        return [Event(row["id"], members.get(row["id"], []), row["label"], row["first_date"], row["last_date"])
                for row in self.connection.execute("SELECT * FROM events WHERE present = 1 ORDER BY first_date, id")]

    # ---- facts -------------------------------------------------------------------------------------------------
    def save_facts(self, facts: list[tuple[FactKey, list[int]]]) -> list[int]:
        known = {row["key"]: row["id"] for row in self.connection.execute("SELECT id, key FROM facts")}
        self.connection.execute("UPDATE facts SET present = 0")
        self.connection.execute("UPDATE claims SET fact_id = NULL")
        ids = []
        for key, claim_ids in facts:
            fact_id = known.get(str(key))
            if fact_id is None:
                fields = {name: getattr(key, name) for name in _FACT_KEY_FIELDS}
                fact_id = known[str(key)] = self.connection.execute(
                    f"INSERT INTO facts (key, {', '.join(fields)}) VALUES (?{', ?' * len(fields)})",
                    (str(key), *fields.values())).lastrowid
            else:
                self.connection.execute("UPDATE facts SET present = 1 WHERE id = ?", (fact_id,))
            self.connection.executemany("UPDATE claims SET fact_id = ? WHERE id = ?", [(fact_id, i) for i in claim_ids])
            ids.append(fact_id)
        return ids

    def facts(self) -> list[StoredFact]:
        members: dict[int, list[int]] = {}
        for row in self.connection.execute("SELECT id, fact_id FROM claims WHERE fact_id IS NOT NULL ORDER BY id"):
            members.setdefault(row["fact_id"], []).append(row["id"])
        query = f"SELECT id, {', '.join(_FACT_KEY_FIELDS)} FROM facts WHERE present = 1 ORDER BY id"
        rows = self.connection.execute(query).fetchall()
        for row in rows:
            checked_row(self.path, "facts", row, {name: TEXT if name in ("measure", "dimension") else OPTIONAL_TEXT
                                                  for name in _FACT_KEY_FIELDS})
        return [StoredFact(row["id"], FactKey(**{name: row[name] for name in _FACT_KEY_FIELDS}), members.get(row["id"], []))
                for row in rows]


_FACT_KEY_FIELDS = [f.name for f in fields(FactKey)]
_VERSION_COLUMNS = "id, doc, content_hash, current, previous_id, date, ingested_at"
_FINDINGS = ("SELECT findings.id, fingerprint, rule, kind, findings.status, severity, message, fact, claims_digest, present,"
             " first_seen, last_seen, lineage, reviews.status AS review, reviews.assignee, reviews.note, reviews.updated_at"
             " FROM findings JOIN reviews ON reviews.finding_id = findings.id")


_DOCUMENT_TYPES = {"id": INTEGER, "doc": TEXT, "content_hash": TEXT, "title": OPTIONAL_TEXT, "date": OPTIONAL_TEXT,
                   "outlet": OPTIONAL_TEXT, "format": TEXT, "text": TEXT, "previous_id": OPTIONAL_INTEGER,
                   "current": INTEGER, "ingested_at": TEXT}
_VERSION_TYPES = {name: _DOCUMENT_TYPES[name] for name in ("id", "doc", "content_hash", "current", "previous_id", "date",
                                                           "ingested_at")}
_CLAIM_TYPES = {"id": INTEGER, "document_id": INTEGER, "doc": TEXT, "start": INTEGER, "end": INTEGER, "text": TEXT,
                "sentence": TEXT, "value": NUMBER, "low": OPTIONAL_NUMBER, "high": OPTIONAL_NUMBER, "bound": TEXT,
                "is_range": INTEGER, "unit": TEXT, "measure": OPTIONAL_TEXT, "place": OPTIONAL_TEXT, "actor": OPTIONAL_TEXT,
                "date": OPTIONAL_TEXT, "outcome": OPTIONAL_TEXT, "qualifier": OPTIONAL_TEXT, "line": OPTIONAL_INTEGER,
                "column": OPTIONAL_INTEGER}
_FINDING_TYPES = {"id": INTEGER, "fingerprint": TEXT, "rule": TEXT, "kind": TEXT, "status": TEXT, "severity": TEXT,
                  "message": TEXT, "fact": OPTIONAL_TEXT, "claims_digest": TEXT, "present": INTEGER, "first_seen": TEXT,
                  "last_seen": TEXT, "lineage": OPTIONAL_TEXT, "review": TEXT, "assignee": OPTIONAL_TEXT,
                  "note": OPTIONAL_TEXT, "updated_at": TEXT}
_EVENT_TYPES = {"id": INTEGER, "finding_id": INTEGER, "at": TEXT, "who": TEXT, "from_status": OPTIONAL_TEXT,
                "to_status": TEXT, "assignee": OPTIONAL_TEXT, "note": OPTIONAL_TEXT}


def _version(row: sqlite3.Row | None, path: str = "") -> DocumentVersion | None:
    if row is None:
        return None
    checked_row(path, "documents", row, _VERSION_TYPES)
    version = DocumentVersion(**dict(row))
    version.current = bool(version.current)
    return version


def _finding(row: sqlite3.Row | None, path: str = "") -> FindingRecord | None:
    if row is None:
        return None
    from ..ledger import REVIEW_STATUSES

    checked_row(path, "findings", row, _FINDING_TYPES, {"status": STATUSES, "severity": SEVERITIES, "review": REVIEW_STATUSES})
    record = FindingRecord(**dict(row))
    record.present = bool(record.present)
    return record


def _storable(value):
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return None
    if isinstance(value, bool):
        return int(value)
    return value
