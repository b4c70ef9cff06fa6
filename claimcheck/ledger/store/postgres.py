"""The shared ledger store: PostgreSQL through psycopg 3, for a desk of several people on one database.

Chosen by a libpq URL (``postgresql://user@host/db``, or ``postgresql://user@/db?host=/socket/dir``). Every write
happens in one transaction that first takes a ledger-wide advisory lock, so writers queue as they do on SQLite
(an ingest and a review never interleave) while readers are never blocked.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import astuple, fields

from ...errors import InputError
from ...model import Claim, Document, Event, FactKey
from . import queue_sql
from .base import DocumentVersion, FindingRecord, QueueQuery, ReviewConflict, ReviewEvent, Store, StoredFact
from .postgres_desk import PostgresDesk
from .postgres_schema import MIGRATIONS, SCHEMA_VERSION
from .sqlite import _CLAIM_COLUMNS, _FACT_KEY_FIELDS, _claim, _last_who, _storable, now, search_text

_LOCK = 0x636C61696D  # the ledger's advisory lock ("claim")
_DIALECT = queue_sql.Dialect(mark="%s", true="TRUE", in_ids="f.id = ANY(%s)", ids=list, first="JOIN")
_VERSION_COLUMNS = "id, doc, content_hash, current, previous_id, date, ingested_at"
_FINDINGS = ("SELECT findings.id, fingerprint, rule, kind, findings.status, severity, message, fact, claims_digest, present,"
             " first_seen, last_seen, lineage, reviews.status AS review, reviews.assignee, reviews.note, reviews.updated_at,"
             " reviews.version FROM findings JOIN reviews ON reviews.finding_id = findings.id")
_KEPT = "(findings.present OR reviews.status IN ('confirmed', 'published', 'needs-source'))"
_BIGINT = range(-(2 ** 63), 2 ** 63)


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # noqa: BLE001 - a URL libpq cannot read is reported by connect, not here
        return url
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host', '')}{port}/{parts.get('dbname', '')}"


class PostgresStore(PostgresDesk, Store):
    def __init__(self, url: str, create: bool = True):
        import psycopg
        from psycopg.rows import dict_row

        self.url, self.location = url, describe(url)
        try:
            self.connection = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=15)
        except psycopg.Error as error:
            message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise InputError(f"cannot connect to the ledger database ({message})", self.location) from None
        # one look at the tables for both questions: a second process opening a new ledger while the first migrates
        # it must not see no schema version, then the first one's tables, and take them for another program's
        tables = self._tables()
        version = self._version(tables)
        if version is None and tables - {"claimcheck_schema"}:
            self.connection.close()
            raise InputError("not a claimcheck ledger (another program's database): give another --db URL", self.location)
        if version is None and not create:
            self.connection.close()
            raise InputError("no ledger in this database (create one with `claimcheck track add PATH --db URL`)",
                             self.location)
        if version is not None and version > SCHEMA_VERSION:
            self.connection.close()
            raise InputError(f"ledger schema version {version} is newer than this claimcheck supports ({SCHEMA_VERSION}): "
                             "upgrade claimcheck to open it", self.location)
        self._migrate()

    def _tables(self) -> set[str]:
        return {row["table_name"] for row in self.connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}

    def _version(self, tables: set[str] | None = None) -> int | None:
        if "claimcheck_schema" not in (self._tables() if tables is None else tables):
            return None
        row = self.connection.execute("SELECT version FROM claimcheck_schema").fetchone()
        return row["version"] if row else 0

    def _migrate(self) -> None:
        """Apply the migrations not yet applied, each with its version number in one transaction, under the
        ledger's lock (two processes opening a new ledger at once do not both migrate it)."""
        while (self._version() or 0) < SCHEMA_VERSION:
            with self.transaction():
                self.connection.execute("CREATE TABLE IF NOT EXISTS claimcheck_schema (version INTEGER NOT NULL)")
                row = self.connection.execute("SELECT version FROM claimcheck_schema").fetchone()
                if row is None:
                    self.connection.execute("INSERT INTO claimcheck_schema (version) VALUES (0)")
                version = row["version"] if row else 0
                if version >= SCHEMA_VERSION:
                    return
                self.connection.execute(MIGRATIONS[version])
                self.connection.execute("UPDATE claimcheck_schema SET version = %s", (version + 1,))

    @contextmanager
    def transaction(self) -> Iterator:
        """One atomic unit under the ledger's write lock: everything or nothing."""
        with self.connection.transaction():
            self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            yield self.connection

    def close(self) -> None:
        self.connection.close()

    def _one(self, sql: str, parameters=()) -> dict | None:
        return self.connection.execute(sql, parameters).fetchone()

    def _all(self, sql: str, parameters=()) -> list[dict]:
        return self.connection.execute(sql, parameters).fetchall()

    # ---- documents and claims ---------------------------------------------------------------------------
    def document_by_hash(self, content_hash: str) -> DocumentVersion | None:
        return _version(self._one(f"SELECT {_VERSION_COLUMNS} FROM documents WHERE content_hash = %s", (content_hash,)))

    def current_version(self, doc: str) -> DocumentVersion | None:
        return _version(self._one(f"SELECT {_VERSION_COLUMNS} FROM documents WHERE doc = %s AND current", (doc,)))

    def add_document(self, document: Document, content_hash: str, previous_id: int | None) -> int:
        if previous_id is not None:
            self.connection.execute("UPDATE documents SET current = FALSE WHERE id = %s", (previous_id,))
        return self._one(
            "INSERT INTO documents (doc, content_hash, title, date, outlet, format, text, previous_id, current, ingested_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, TRUE, %s) RETURNING id",
            (document.id, content_hash, document.title, document.date, document.outlet, document.format,
             _text(document.text), previous_id, now()))["id"]

    def add_claims(self, document_id: int, claims: list[Claim]) -> None:
        columns = ", ".join(f'"{name}"' for name in _CLAIM_COLUMNS)
        marks = ", ".join("%s" for _ in _CLAIM_COLUMNS)
        names = [f.name for f in fields(Claim)]
        rows = []
        for claim in claims:
            values = dict(zip(names, astuple(claim)))
            rows.append((document_id, *[_pg(name, values[name]) for name in _CLAIM_COLUMNS]))
        with self.connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO claims (document_id, {columns}) VALUES (%s, {marks})", rows)

    def documents(self, current_only: bool = True) -> list[tuple[int, Document]]:
        query = "SELECT * FROM documents" + (" WHERE current" if current_only else "") + " ORDER BY id"
        return [(row["id"], _document(row, event=False)) for row in self._all(query)]  # as SQLite's, without events

    def document_versions(self) -> list[DocumentVersion]:
        return [_version(row) for row in self._all(f"SELECT {_VERSION_COLUMNS} FROM documents ORDER BY doc, id")]

    def claims(self, document_ids: list[int] | None = None) -> list[tuple[int, int, Claim]]:
        query = "SELECT claims.*, documents.doc AS doc FROM claims JOIN documents ON documents.id = claims.document_id"
        if document_ids is None:
            rows = self._all(query + " ORDER BY claims.id")
        else:
            rows = self._all(query + " WHERE claims.document_id = ANY(%s) ORDER BY claims.id", (list(document_ids),))
        return [(row["id"], row["document_id"], _claim(row)) for row in rows]

    # ---- findings and reviews --------------------------------------------------------------------------------
    def finding_by_fingerprint(self, fingerprint: str) -> FindingRecord | None:
        return _finding(self._one(f"{_FINDINGS} WHERE fingerprint = %s", (fingerprint,)))

    def ancestor(self, lineage: str, fingerprint: str) -> FindingRecord | None:
        return _finding(self._one(f"{_FINDINGS} WHERE lineage = %s AND fingerprint != %s ORDER BY findings.id DESC LIMIT 1",
                                  (lineage, fingerprint)))

    def save_finding(self, finding, digest: str, claim_ids: list[int], lineage: str) -> tuple[int, FindingRecord | None]:
        before = self.finding_by_fingerprint(finding.fingerprint)
        stamp = now()
        if before is None:
            finding_id = self._one(
                "INSERT INTO findings (fingerprint, rule, kind, status, severity, message, fact, claims_digest, present,"
                " first_seen, last_seen, lineage) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, TRUE, %s, %s, %s) RETURNING id",
                (finding.fingerprint, finding.rule, finding.kind, finding.status, finding.severity, finding.message,
                 finding.fact, digest, stamp, stamp, lineage))["id"]
            self.connection.execute("INSERT INTO reviews (finding_id, status, updated_at) VALUES (%s, 'open', %s)",
                                    (finding_id, stamp))
        else:
            finding_id = before.id
            self.connection.execute(
                "UPDATE findings SET status = %s, severity = %s, message = %s, fact = %s, claims_digest = %s,"
                " present = TRUE, last_seen = %s WHERE id = %s",
                (finding.status, finding.severity, finding.message, finding.fact, digest, stamp, finding_id))
            self.connection.execute("DELETE FROM finding_claims WHERE finding_id = %s", (finding_id,))
        with self.connection.cursor() as cursor:
            cursor.executemany("INSERT INTO finding_claims (finding_id, claim_id, position) VALUES (%s, %s, %s)",
                               [(finding_id, claim_id, position) for position, claim_id in enumerate(claim_ids)])
        self.connection.execute("DELETE FROM finding_outlets WHERE finding_id = %s", (finding_id,))
        self.connection.execute("DELETE FROM finding_events WHERE finding_id = %s", (finding_id,))
        self.connection.execute(
            "INSERT INTO finding_events (finding_id, event) SELECT DISTINCT %s::bigint, d.event FROM finding_claims fc"
            " JOIN claims c ON c.id = fc.claim_id JOIN documents d ON d.id = c.document_id"
            " WHERE fc.finding_id = %s AND d.event IS NOT NULL", (finding_id, finding_id))
        self.connection.execute(
            "INSERT INTO finding_outlets (finding_id, outlet) SELECT DISTINCT %s::bigint, d.outlet FROM finding_claims fc"
            " JOIN claims c ON c.id = fc.claim_id JOIN documents d ON d.id = c.document_id"
            " WHERE fc.finding_id = %s AND d.outlet IS NOT NULL", (finding_id, finding_id))
        self.connection.execute(
            "INSERT INTO finding_index (finding_id, date, outlets) VALUES (%s, COALESCE((SELECT max(d.date) FROM finding_claims fc"
            " JOIN claims c ON c.id = fc.claim_id JOIN documents d ON d.id = c.document_id WHERE fc.finding_id = %s), ''),"
            " (SELECT string_agg(outlet, chr(31)) FROM finding_outlets WHERE finding_id = %s)) ON CONFLICT (finding_id)"
            " DO UPDATE SET date = excluded.date, outlets = excluded.outlets", (finding_id, finding_id, finding_id))
        self.connection.execute("INSERT INTO finding_search (finding_id, text) VALUES (%s, %s) ON CONFLICT (finding_id)"
                                " DO UPDATE SET text = excluded.text", (finding_id, _text(search_text(finding))))
        return finding_id, before

    def mark_absent(self, present_ids: set[int]) -> None:
        self.connection.execute("UPDATE findings SET present = FALSE WHERE present AND NOT (id = ANY(%s))",
                                (list(present_ids),))

    def set_current(self, document_id: int, doc: str) -> None:
        self.connection.execute("UPDATE documents SET current = FALSE WHERE doc = %s", (doc,))
        self.connection.execute("UPDATE documents SET current = TRUE WHERE id = %s", (document_id,))

    def findings(self, status: str | None = None, present_only: bool = True) -> list[FindingRecord]:
        conditions, parameters = [], []
        if present_only:
            conditions.append(_KEPT)
        if status:
            conditions.append("reviews.status = %s")
            parameters.append(status)
        query = _FINDINGS + (" WHERE " + " AND ".join(conditions) if conditions else "")
        return [_finding(row) for row in self._all(query + " ORDER BY findings.id", parameters)]

    def finding(self, finding_id: int) -> FindingRecord | None:
        if finding_id not in _BIGINT:
            return None
        return _finding(self._one(f"{_FINDINGS} WHERE findings.id = %s", (finding_id,)))

    def finding_claim_ids(self, finding_id: int) -> list[int]:
        return [row["claim_id"] for row in self._all(
            "SELECT claim_id FROM finding_claims WHERE finding_id = %s ORDER BY position", (finding_id,))]

    def set_review(self, finding_id: int, status: str, assignee: str | None, note: str | None, who: str,
                   event_note: str | None = None, from_status: str | None = None,
                   expected_version: int | None = None) -> None:
        current = self._one("SELECT status, assignee, version FROM reviews WHERE finding_id = %s FOR UPDATE", (finding_id,))
        if expected_version is not None and current["version"] != expected_version:
            raise ReviewConflict(finding_id, self.finding(finding_id), _last_who(self.review_events(finding_id)))
        stamp = now()
        assignee = assignee if assignee is not None else current["assignee"]
        assignee = assignee or None
        self.connection.execute("UPDATE reviews SET status = %s, assignee = %s, note = COALESCE(%s, note),"
                                " updated_at = %s, version = version + 1 WHERE finding_id = %s",
                                (status, assignee, note, stamp, finding_id))
        self.connection.execute(
            "INSERT INTO review_events (finding_id, at, who, from_status, to_status, assignee, note)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s)",
            (finding_id, stamp, who, from_status or current["status"], status, assignee,
             event_note if event_note is not None else note))

    def review_events(self, finding_id: int) -> list[ReviewEvent]:
        return [ReviewEvent(**row) for row in self._all("SELECT * FROM review_events WHERE finding_id = %s ORDER BY id",
                                                        (finding_id,))]

    # ---- events ------------------------------------------------------------------------------------------------
    def save_events(self, events: list[Event]) -> None:
        self.connection.execute("UPDATE events SET present = FALSE")
        for event in events:
            self.connection.execute(
                "INSERT INTO events (id, label, first_date, last_date, present) VALUES (%s, %s, %s, %s, TRUE)"
                " ON CONFLICT (id) DO UPDATE SET label = excluded.label, first_date = excluded.first_date,"
                " last_date = excluded.last_date, present = TRUE",
                (event.id, _text(event.label), event.first_date, event.last_date))
            self.connection.execute("UPDATE documents SET event = %s WHERE doc = ANY(%s) AND current",
                                    (event.id, [_text(doc) for doc in event.documents]))

    def events(self) -> list[Event]:
        members: dict[str, list[str]] = {}
        for row in self._all("SELECT doc, event FROM documents WHERE current AND event IS NOT NULL ORDER BY id"):
            members.setdefault(row["event"], []).append(row["doc"])
        return [Event(row["id"], members.get(row["id"], []), row["label"], row["first_date"], row["last_date"])
                for row in self._all("SELECT * FROM events WHERE present ORDER BY first_date, id")]

    # ---- facts -------------------------------------------------------------------------------------------------
    def save_facts(self, facts: list[tuple[FactKey, list[int]]]) -> list[int]:
        known = {row["key"]: row["id"] for row in self._all("SELECT id, key FROM facts")}
        self.connection.execute("UPDATE facts SET present = FALSE")
        self.connection.execute("UPDATE claims SET fact_id = NULL WHERE fact_id IS NOT NULL")
        ids, members = [], []
        for key, claim_ids in facts:
            fact_id = known.get(str(key))
            if fact_id is None:
                values = {name: getattr(key, name) for name in _FACT_KEY_FIELDS}
                fact_id = known[str(key)] = self._one(
                    f"INSERT INTO facts (key, {', '.join(values)}) VALUES (%s{', %s' * len(values)}) RETURNING id",
                    (str(key), *values.values()))["id"]
            else:
                self.connection.execute("UPDATE facts SET present = TRUE WHERE id = %s", (fact_id,))
            members += [(fact_id, claim_id) for claim_id in claim_ids]
            ids.append(fact_id)
        if members:
            self.connection.execute("UPDATE claims SET fact_id = m.fact_id FROM unnest(%s::bigint[], %s::bigint[])"
                                    " AS m(fact_id, claim_id) WHERE claims.id = m.claim_id",
                                    ([f for f, _ in members], [c for _, c in members]))
        return ids

    def facts(self) -> list[StoredFact]:
        members: dict[int, list[int]] = {}
        for row in self._all("SELECT id, fact_id FROM claims WHERE fact_id IS NOT NULL ORDER BY id"):
            members.setdefault(row["fact_id"], []).append(row["id"])
        query = f"SELECT id, {', '.join(_FACT_KEY_FIELDS)} FROM facts WHERE present ORDER BY id"
        return [StoredFact(row["id"], FactKey(**{name: row[name] for name in _FACT_KEY_FIELDS}), members.get(row["id"], []))
                for row in self._all(query)]


def _version(row: dict | None) -> DocumentVersion | None:
    return DocumentVersion(**row) if row is not None else None


def _finding(row: dict | None) -> FindingRecord | None:
    return FindingRecord(**row) if row is not None else None


def _document(row: dict, event: bool = True) -> Document:
    return Document(id=row["doc"], text=row["text"], title=row["title"], date=row["date"], outlet=row["outlet"],
                    format=row["format"], event=row["event"] if event else None)


def _text(value):
    """PostgreSQL text cannot hold NUL characters; SQLite keeps them, so a page with one is stored without it."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def _pg(name: str, value):
    value = _storable(value)
    if name == "is_range":
        return bool(value)
    return _text(value)


def _clean(query: QueueQuery) -> QueueQuery:
    """Filter values and search text without NUL characters (which PostgreSQL text cannot hold)."""
    from dataclasses import replace

    return replace(query, filters={name: [_text(v) for v in values] for name, values in query.filters.items()},
                   search=_text(query.search), date_from=_text(query.date_from), date_to=_text(query.date_to))
