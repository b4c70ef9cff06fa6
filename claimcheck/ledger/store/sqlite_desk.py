"""The SQLite store's part for the desk (``claimcheck serve``): users, sessions, the audit trail, the queue and the
lookups its pages make. Kept apart from ``sqlite.py``, which holds what every ledger command needs."""

from __future__ import annotations

from ...model import Document, FactKey
from . import queue_sql
from . import sqlite as base  # the store's helpers, read when a method runs (sqlite.py imports this module)
from .base import (AuditEntry, ClaimRecord, DocumentVersion, FindingRecord, QueueCounts, QueuePage, QueueQuery, QueueRow,
                   SessionRecord, StoredFact, UserRecord)


class SQLiteDesk:
    """Users, sessions, the audit trail, the queue and the lookups of the desk's pages."""

    def add_user(self, name: str, role: str, password_hash: str) -> bool:
        existed = self.user(name) is not None
        self.connection.execute(
            "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name)"
            " DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, failed_logins = 0,"
            " locked_until = NULL", (name, role, password_hash, base.now()))
        if existed:  # a new password ends the sessions started with the old one
            self.connection.execute("DELETE FROM sessions WHERE user_name = ?", (name,))
        return not existed

    def remove_user(self, name: str) -> bool:
        existed = self.user(name) is not None
        self.connection.execute("DELETE FROM sessions WHERE user_name = ?", (name,))
        self.connection.execute("DELETE FROM users WHERE name = ?", (name,))
        return existed

    def user(self, name: str) -> UserRecord | None:
        row = self.connection.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
        return UserRecord(**dict(row)) if row else None

    def users(self) -> list[UserRecord]:
        return [UserRecord(**dict(row)) for row in self.connection.execute("SELECT * FROM users ORDER BY name")]

    def record_login(self, name: str, success: bool, locked_until: str | None) -> int:
        if success:
            self.connection.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = ?", (name,))
            return 0
        self.connection.execute("UPDATE users SET failed_logins = failed_logins + 1, locked_until = ? WHERE name = ?",
                                (locked_until, name))
        row = self.connection.execute("SELECT failed_logins FROM users WHERE name = ?", (name,)).fetchone()
        return row[0] if row else 0

    def add_session(self, token_hash: str, user: str, csrf: str, expires_at: str) -> None:
        self.connection.execute("INSERT INTO sessions (token_hash, user_name, csrf, created_at, expires_at)"
                                " VALUES (?, ?, ?, ?, ?)", (token_hash, user, csrf, base.now(), expires_at))

    def session(self, token_hash: str) -> SessionRecord | None:
        row = self.connection.execute(
            "SELECT s.token_hash, s.user_name AS user, u.role, s.csrf, s.created_at, s.expires_at FROM sessions s"
            " JOIN users u ON u.name = s.user_name WHERE s.token_hash = ?", (token_hash,)).fetchone()
        return SessionRecord(**dict(row)) if row else None

    def delete_session(self, token_hash: str) -> None:
        self.connection.execute("DELETE FROM sessions WHERE token_hash = ?", (token_hash,))

    def delete_expired_sessions(self, now: str) -> None:
        self.connection.execute("DELETE FROM sessions WHERE expires_at <= ?", (now,))

    def add_audit(self, who: str, action: str, target: str | None, detail: str | None) -> None:
        self.connection.execute("INSERT INTO audit (at, who, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                                (base.now(), who, action, target, detail))

    def audit(self, limit: int = 100) -> list[AuditEntry]:
        return [AuditEntry(**dict(row)) for row in
                self.connection.execute("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,))]

    def queue(self, query: QueueQuery, counts: QueueCounts | None = None) -> QueuePage:
        counts = counts or self._counts(query, self._hits(query))
        hits = counts.hits
        rows = []
        for row in self.connection.execute(*queue_sql.rows(query, base._DIALECT, hits, counts.combos)).fetchall():
            values = dict(row)
            date, outlets = values.pop("date"), values.pop("outlets")
            record = FindingRecord(**values)
            record.present = bool(record.present)
            rows.append(QueueRow(record, date, sorted(outlets.split("\x1f")) if outlets else []))
        return QueuePage(rows, counts.total, counts.facets if query.facets else {})

    def finding_sources(self, finding_id: int) -> dict:
        run = self.connection.execute
        return {"outlet": [r[0] for r in run("SELECT outlet FROM finding_outlets WHERE finding_id = ?", (finding_id,))],
                "event": [r[0] for r in run("SELECT event FROM finding_events WHERE finding_id = ?", (finding_id,))],
                "date": (run("SELECT date FROM finding_index WHERE finding_id = ?", (finding_id,)).fetchone() or [""])[0]}

    def queue_counts(self, query: QueueQuery) -> QueueCounts:
        return self._counts(query, self._hits(query))

    def _hits(self, query: QueueQuery) -> list[int] | None:
        searching = queue_sql.search(query, base._DIALECT)
        return [row[0] for row in self.connection.execute(*searching)] if searching else None

    def _counts(self, query: QueueQuery, hits: list[int] | None) -> QueueCounts:
        combos = [tuple(row) for row in self.connection.execute(*queue_sql.combinations(query, base._DIALECT, hits))]
        sources = {name: [tuple(row) for row in self.connection.execute(*queue_sql.source_facet(name, query, base._DIALECT, hits))]
                   for name in (queue_sql.SOURCE_FACETS if query.facets else [])}
        total, facets = queue_sql.count(combos, sources, query)
        return QueueCounts(total, facets, combos, hits)

    def claim_records(self, claim_ids: list[int] | None = None, document_id: int | None = None,
                      fact_id: int | None = None) -> list[ClaimRecord]:
        query = "SELECT claims.*, documents.doc AS doc FROM claims JOIN documents ON documents.id = claims.document_id"
        if claim_ids is not None:
            found = []
            for start in range(0, len(claim_ids), 500):
                chunk = [int(i) for i in claim_ids[start:start + 500]]
                found += self.connection.execute(f"{query} WHERE claims.id IN ({', '.join('?' * len(chunk))})", chunk).fetchall()
            rows = sorted(found, key=lambda row: row["id"])
        elif document_id is not None:
            rows = self.connection.execute(f"{query} WHERE claims.document_id = ? ORDER BY claims.id", (document_id,)).fetchall()
        elif fact_id is not None:
            rows = self.connection.execute(f"{query} WHERE claims.fact_id = ? ORDER BY claims.id", (fact_id,)).fetchall()
        else:
            rows = self.connection.execute(f"{query} ORDER BY claims.id").fetchall()
        return [ClaimRecord(row["id"], row["document_id"], row["fact_id"], base._claim(row)) for row in rows]

    def fact_claims(self, fact_id: int, limit: int, offset: int = 0, latest: bool = False) -> tuple[list[ClaimRecord], int]:
        if fact_id not in range(-(2 ** 63), 2 ** 63):
            return [], 0
        direction = " DESC" if latest else ""
        sql = ("SELECT claims.*, documents.doc AS doc FROM claims JOIN documents ON documents.id = claims.document_id"
               f" WHERE claims.fact_id = ? ORDER BY COALESCE(claims.date, ''){direction}, documents.doc{direction},"
               f" claims.id{direction} LIMIT ? OFFSET ?")
        rows = self.connection.execute(sql, (fact_id, int(limit), int(offset))).fetchall()
        return [ClaimRecord(row["id"], row["document_id"], row["fact_id"], base._claim(row)) for row in rows], self.connection.execute("SELECT count(*) FROM claims WHERE fact_id = ?", (fact_id,)).fetchone()[0]

    def document_version(self, document_id: int) -> tuple[DocumentVersion, Document] | None:
        if not -(2 ** 63) <= document_id < 2 ** 63:
            return None
        row = self.connection.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            return None
        return base._version({name: row[name] for name in base._VERSION_COLUMNS.split(", ")}), base._document(row)

    def versions_of(self, doc: str) -> list[DocumentVersion]:
        return [base._version(row) for row in self.connection.execute(
            f"SELECT {base._VERSION_COLUMNS} FROM documents WHERE doc = ? ORDER BY id", (doc,))]

    def event_labels(self, event_ids: list[str]) -> dict[str, str]:
        wanted = [str(i) for i in event_ids][:500]
        if not wanted:
            return {}
        return {row["id"]: row["label"] for row in self.connection.execute(
            f"SELECT id, label FROM events WHERE id IN ({', '.join('?' * len(wanted))})", wanted)}

    def documents_of_event(self, event_id: str) -> list[tuple[int, Document]]:
        return [(row["id"], base._document(row)) for row in self.connection.execute(
            "SELECT * FROM documents WHERE current = 1 AND event = ? ORDER BY COALESCE(date, ''), doc", (event_id,))]

    def fact(self, fact_id: int) -> StoredFact | None:
        if not -(2 ** 63) <= fact_id < 2 ** 63:
            return None
        row = self.connection.execute("SELECT * FROM facts WHERE id = ?", (fact_id,)).fetchone()
        if row is None:
            return None
        members = [r[0] for r in self.connection.execute("SELECT id FROM claims WHERE fact_id = ? ORDER BY id", (fact_id,))]
        return StoredFact(row["id"], FactKey(**{name: row[name] for name in base._FACT_KEY_FIELDS}), members)

    def findings_of_claims(self, claim_ids: list[int]) -> list[FindingRecord]:
        if not claim_ids:
            return []
        wanted = [int(i) for i in claim_ids]
        found: dict[int, FindingRecord] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            for row in self.connection.execute(
                    f"{base._FINDINGS} WHERE findings.id IN (SELECT finding_id FROM finding_claims WHERE claim_id IN"
                    f" ({', '.join('?' * len(chunk))})) AND (findings.present = 1 OR reviews.status IN"
                    " ('confirmed', 'published', 'needs-source'))", chunk):
                found[row["id"]] = base._finding(row)
        return [found[i] for i in sorted(found)]
