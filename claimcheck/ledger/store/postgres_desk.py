"""The PostgreSQL store's part for the desk (``claimcheck serve``): users, sessions, the audit trail, the queue and
the lookups its pages make. Kept apart from ``postgres.py``, which holds what every ledger command needs."""

from __future__ import annotations

from psycopg.rows import tuple_row

from ...model import Document, FactKey
from . import postgres as base  # the store's helpers, read when a method runs (postgres.py imports this module)
from . import queue_sql
from .base import (AuditEntry, ClaimRecord, DocumentVersion, FindingRecord, QueueCounts, QueuePage, QueueQuery, QueueRow,
                   SessionRecord, StoredFact, UserRecord)


class PostgresDesk:
    """Users, sessions, the audit trail, the queue and the lookups of the desk's pages."""

    def add_user(self, name: str, role: str, password_hash: str) -> bool:
        existed = self.user(name) is not None
        self.connection.execute(
            "INSERT INTO users (name, role, password_hash, created_at) VALUES (%s, %s, %s, %s) ON CONFLICT (name)"
            " DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, failed_logins = 0,"
            " locked_until = NULL", (name, role, password_hash, base.now()))
        if existed:  # a new password ends the sessions started with the old one
            self.connection.execute("DELETE FROM sessions WHERE user_name = %s", (name,))
        return not existed

    def remove_user(self, name: str) -> bool:
        existed = self.user(name) is not None
        self.connection.execute("DELETE FROM sessions WHERE user_name = %s", (name,))
        self.connection.execute("DELETE FROM users WHERE name = %s", (name,))
        return existed

    def user(self, name: str) -> UserRecord | None:
        row = self._one("SELECT * FROM users WHERE name = %s", (base._text(name),))
        return UserRecord(**row) if row else None

    def users(self) -> list[UserRecord]:
        return [UserRecord(**row) for row in self._all("SELECT * FROM users ORDER BY name")]

    def record_login(self, name: str, success: bool, locked_until: str | None) -> int:
        if success:
            self.connection.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = %s", (name,))
            return 0
        row = self._one("UPDATE users SET failed_logins = failed_logins + 1, locked_until = %s WHERE name = %s"
                        " RETURNING failed_logins", (locked_until, name))
        return row["failed_logins"] if row else 0

    def add_session(self, token_hash: str, user: str, csrf: str, expires_at: str) -> None:
        self.connection.execute("INSERT INTO sessions (token_hash, user_name, csrf, created_at, expires_at)"
                                " VALUES (%s, %s, %s, %s, %s)", (token_hash, user, csrf, base.now(), expires_at))

    def session(self, token_hash: str) -> SessionRecord | None:
        row = self._one(
            'SELECT s.token_hash, s.user_name AS "user", u.role, s.csrf, s.created_at, s.expires_at FROM sessions s'
            " JOIN users u ON u.name = s.user_name WHERE s.token_hash = %s", (base._text(token_hash),))
        return SessionRecord(**row) if row else None

    def delete_session(self, token_hash: str) -> None:
        self.connection.execute("DELETE FROM sessions WHERE token_hash = %s", (token_hash,))

    def delete_expired_sessions(self, now: str) -> None:
        self.connection.execute("DELETE FROM sessions WHERE expires_at <= %s", (now,))

    def add_audit(self, who: str, action: str, target: str | None, detail: str | None) -> None:
        self.connection.execute("INSERT INTO audit (at, who, action, target, detail) VALUES (%s, %s, %s, %s, %s)",
                                (base.now(), who, action, target, detail))

    def audit(self, limit: int = 100) -> list[AuditEntry]:
        return [AuditEntry(**row) for row in self._all("SELECT * FROM audit ORDER BY id DESC LIMIT %s", (limit,))]

    def queue(self, query: QueueQuery, counts: QueueCounts | None = None) -> QueuePage:
        query = base._clean(query)
        counts = counts or self._counts(query, self._hits(query))
        hits = counts.hits
        rows = []
        for values in self._all(*queue_sql.rows(query, base._DIALECT, hits, counts.combos)):
            date, outlets_text = values.pop("date"), values.pop("outlets")
            rows.append(QueueRow(FindingRecord(**values), date, sorted(outlets_text.split("\x1f")) if outlets_text else []))
        return QueuePage(rows, counts.total, counts.facets if query.facets else {})

    def finding_sources(self, finding_id: int) -> dict:
        date = self._one("SELECT date FROM finding_index WHERE finding_id = %s", (finding_id,))
        return {"outlet": [r["outlet"] for r in self._all("SELECT outlet FROM finding_outlets WHERE finding_id = %s", (finding_id,))],
                "event": [r["event"] for r in self._all("SELECT event FROM finding_events WHERE finding_id = %s", (finding_id,))],
                "date": date["date"] if date else ""}

    def queue_counts(self, query: QueueQuery) -> QueueCounts:
        query = base._clean(query)
        return self._counts(query, self._hits(query))

    def _hits(self, query: QueueQuery) -> list[int] | None:
        searching = queue_sql.search(query, base._DIALECT)
        if not searching:
            return None
        with self.connection.cursor(row_factory=tuple_row) as cursor:
            return [row[0] for row in cursor.execute(*searching)]

    def _counts(self, query: QueueQuery, hits: list[int] | None) -> QueueCounts:
        dialect = base._DIALECT
        with self.connection.cursor(row_factory=tuple_row) as cursor:
            combos = cursor.execute(*queue_sql.combinations(query, dialect, hits)).fetchall()
            sources = {name: cursor.execute(*queue_sql.source_facet(name, query, dialect, hits)).fetchall()
                       for name in (queue_sql.SOURCE_FACETS if query.facets else [])}
        total, facets = queue_sql.count(combos, sources, query)
        return QueueCounts(total, facets, combos, hits)

    def claim_records(self, claim_ids: list[int] | None = None, document_id: int | None = None,
                      fact_id: int | None = None) -> list[ClaimRecord]:
        query = "SELECT claims.*, documents.doc AS doc FROM claims JOIN documents ON documents.id = claims.document_id"
        if claim_ids is not None:
            rows = self._all(f"{query} WHERE claims.id = ANY(%s) ORDER BY claims.id", ([i for i in claim_ids if i in base._BIGINT],))
        elif document_id is not None:
            rows = self._all(f"{query} WHERE claims.document_id = %s ORDER BY claims.id", (document_id,))
        elif fact_id is not None:
            rows = self._all(f"{query} WHERE claims.fact_id = %s ORDER BY claims.id", (fact_id,))
        else:
            rows = self._all(f"{query} ORDER BY claims.id")
        return [ClaimRecord(row["id"], row["document_id"], row["fact_id"], base._claim(row)) for row in rows]

    def fact_claims(self, fact_id: int, limit: int, offset: int = 0, latest: bool = False) -> tuple[list[ClaimRecord], int]:
        if fact_id not in range(-(2 ** 63), 2 ** 63):
            return [], 0
        direction = " DESC" if latest else ""
        sql = ("SELECT claims.*, documents.doc AS doc FROM claims JOIN documents ON documents.id = claims.document_id"
               f" WHERE claims.fact_id = %s ORDER BY COALESCE(claims.date, ''){direction}, documents.doc{direction},"
               f" claims.id{direction} LIMIT %s OFFSET %s")
        rows = self._all(sql, (fact_id, int(limit), int(offset)))
        return [ClaimRecord(row["id"], row["document_id"], row["fact_id"], base._claim(row)) for row in rows], self._one("SELECT count(*) AS n FROM claims WHERE fact_id = %s", (fact_id,))["n"]

    def document_version(self, document_id: int) -> tuple[DocumentVersion, Document] | None:
        if document_id not in base._BIGINT:
            return None
        row = self._one("SELECT * FROM documents WHERE id = %s", (document_id,))
        if row is None:
            return None
        return base._version({name: row[name] for name in base._VERSION_COLUMNS.split(", ")}), base._document(row)

    def versions_of(self, doc: str) -> list[DocumentVersion]:
        return [base._version(row) for row in self._all(f"SELECT {base._VERSION_COLUMNS} FROM documents WHERE doc = %s ORDER BY id",
                                                   (base._text(doc),))]

    def event_labels(self, event_ids: list[str]) -> dict[str, str]:
        wanted = [base._text(str(i)) for i in event_ids][:500]
        if not wanted:
            return {}
        return {row["id"]: row["label"] for row in self._all("SELECT id, label FROM events WHERE id = ANY(%s)", (wanted,))}

    def documents_of_event(self, event_id: str) -> list[tuple[int, Document]]:
        return [(row["id"], base._document(row)) for row in self._all(
            "SELECT * FROM documents WHERE current AND event = %s ORDER BY COALESCE(date, ''), doc", (base._text(event_id),))]

    def fact(self, fact_id: int) -> StoredFact | None:
        if fact_id not in base._BIGINT:
            return None
        row = self._one("SELECT * FROM facts WHERE id = %s", (fact_id,))
        if row is None:
            return None
        members = [r["id"] for r in self._all("SELECT id FROM claims WHERE fact_id = %s ORDER BY id", (fact_id,))]
        return StoredFact(row["id"], FactKey(**{name: row[name] for name in base._FACT_KEY_FIELDS}), members)

    def findings_of_claims(self, claim_ids: list[int]) -> list[FindingRecord]:
        wanted = [int(i) for i in claim_ids if int(i) in base._BIGINT]
        if not wanted:
            return []
        return [base._finding(row) for row in self._all(
            f"{base._FINDINGS} WHERE findings.id IN (SELECT finding_id FROM finding_claims WHERE claim_id = ANY(%s))"
            f" AND {base._KEPT} ORDER BY findings.id", (wanted,))]
