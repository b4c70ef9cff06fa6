"""The ledger's SQLite schema, as numbered migrations (``PRAGMA user_version`` holds the version applied).

Tables are plain and documented so that standard SQLite tools (the sqlite3 shell, Datasette) read them:

- ``documents``: every version of every document ingested; ``doc`` is its path (or FILE#ID), ``content_hash``
  makes ingest idempotent, ``previous_id`` links a revised version to the one it replaces, ``current`` marks the
  latest version of each ``doc``.
- ``claims``: every claim extracted from a document version (all fields of :class:`claimcheck.Claim`).
- ``findings``: one row per finding fingerprint, with its latest status, message, the digest of its claims' values
  and its ``lineage`` (rule, fact and documents: a dismissed finding whose claims change comes back open);
  ``finding_claims`` links findings to claims.
- ``reviews``: the desk's decision on each finding (status, assignee, note); ``review_events`` is the audit trail:
  who changed what, when, from which status to which, and why.
- ``events``: what the current documents report, each a set of documents about one happening (``documents.event``
  names a document's event; its id stays while the event's first document is in it).
- ``facts``: every fact (the claims that report one quantity, over every version of every document) with a stable
  ``id`` (kept while its ``key`` is), the fields of its key, and whether the latest ingest still found it
  (``present``); ``claims.fact_id`` says which fact a claim reports.
- ``users`` (name, role, argon2 password hash, failed logins), ``sessions`` (the hash of each signed-in browser's
  token, its CSRF token and expiry) and ``audit`` (every change on the desk other than a review: who did what, when)
  serve ``claimcheck serve``; ``reviews.version`` counts a review's changes, so two reviewers saving the same finding
  cannot overwrite each other unseen. ``finding_index`` (each finding's latest source date, its outlets and its text in
  lower case, for the queue's search and sort), ``finding_outlets`` and ``finding_events`` (the outlets and events of
  each finding's sources) are kept up to date as findings are saved.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT, date TEXT, outlet TEXT, format TEXT NOT NULL, text TEXT NOT NULL,
        previous_id INTEGER REFERENCES documents(id),
        current INTEGER NOT NULL DEFAULT 1,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_doc ON documents(doc);
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, sentence TEXT NOT NULL,
        value REAL NOT NULL, low REAL, high REAL, bound TEXT NOT NULL, is_range INTEGER NOT NULL, unit TEXT NOT NULL,
        measure TEXT, place TEXT, actor TEXT, date TEXT, event TEXT, qualifier TEXT, line INTEGER, "column" INTEGER
    );
    CREATE INDEX claims_document ON claims(document_id);
    CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL UNIQUE,
        rule TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
        fact TEXT, claims_digest TEXT NOT NULL, present INTEGER NOT NULL DEFAULT 1,
        first_seen TEXT NOT NULL, last_seen TEXT NOT NULL
    );
    CREATE TABLE finding_claims (
        finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (finding_id, position)
    );
    CREATE TABLE reviews (
        finding_id INTEGER PRIMARY KEY REFERENCES findings(id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'confirmed', 'dismissed', 'needs-source', 'published')),
        assignee TEXT, note TEXT, updated_at TEXT NOT NULL
    );
    CREATE TABLE review_events (
        id INTEGER PRIMARY KEY,
        finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        at TEXT NOT NULL, who TEXT NOT NULL, from_status TEXT, to_status TEXT NOT NULL, assignee TEXT, note TEXT
    );
    CREATE INDEX review_events_finding ON review_events(finding_id);
    """,
    # 2: findings remember their lineage (rule, fact and documents), so that a dismissed finding whose claims
    # change — and so whose fingerprint changes — comes back open, with the history saying why
    """
    ALTER TABLE findings ADD COLUMN lineage TEXT;
    CREATE INDEX findings_lineage ON findings(lineage);
    """,
    # 3: facts with stable ids (``track show 3`` is the same fact after every ingest while its key is); a claim's
    # casualty type is its ``outcome`` (an event is what a cluster of reports is about)
    """
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        measure TEXT NOT NULL, dimension TEXT NOT NULL, actor TEXT, place TEXT, outcome TEXT, subject TEXT, scope TEXT,
        period TEXT, event TEXT,
        present INTEGER NOT NULL DEFAULT 1
    );
    ALTER TABLE claims ADD COLUMN fact_id INTEGER REFERENCES facts(id);
    CREATE INDEX claims_fact ON claims(fact_id);
    ALTER TABLE claims RENAME COLUMN event TO outcome;
    ALTER TABLE claims ADD COLUMN type TEXT NOT NULL DEFAULT 'count';
    ALTER TABLE claims ADD COLUMN subject TEXT;
    ALTER TABLE claims ADD COLUMN source TEXT;
    ALTER TABLE claims ADD COLUMN scope TEXT;
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL, first_date TEXT, last_date TEXT,
        present INTEGER NOT NULL DEFAULT 1
    );
    ALTER TABLE documents ADD COLUMN event TEXT;
    """,
    # 4: the desk in a browser: users with roles, signed-in sessions, an audit trail of who changed what, and a
    # version on each review (a save names the version it read: a concurrent change is refused, not overwritten)
    """
    CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'reviewer', 'editor')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
    CREATE INDEX sessions_expiry ON sessions(expires_at);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL, target TEXT, detail TEXT
    );
    ALTER TABLE reviews ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX finding_claims_claim ON finding_claims(claim_id);
    CREATE INDEX findings_rule ON findings(rule);
    CREATE INDEX findings_queue ON findings(present, status, severity, rule, kind, fact);
    CREATE INDEX reviews_queue ON reviews(status, assignee);
    CREATE TABLE finding_index (
        finding_id INTEGER PRIMARY KEY REFERENCES findings(id) ON DELETE CASCADE,
        date TEXT NOT NULL DEFAULT '', outlets TEXT
    );
    CREATE INDEX finding_index_date ON finding_index(date);
    CREATE TABLE finding_search (
        finding_id INTEGER PRIMARY KEY REFERENCES findings(id) ON DELETE CASCADE,
        text TEXT NOT NULL
    );
    CREATE TABLE finding_outlets (
        finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        outlet TEXT NOT NULL,
        PRIMARY KEY (finding_id, outlet)
    );
    CREATE INDEX finding_outlets_outlet ON finding_outlets(outlet);
    CREATE TABLE finding_events (
        finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        event TEXT NOT NULL,
        PRIMARY KEY (finding_id, event)
    );
    CREATE INDEX finding_events_event ON finding_events(event);
    INSERT INTO finding_events (finding_id, event)
        SELECT DISTINCT fc.finding_id, d.event FROM finding_claims fc JOIN claims c ON c.id = fc.claim_id
        JOIN documents d ON d.id = c.document_id WHERE d.event IS NOT NULL;
    INSERT INTO finding_outlets (finding_id, outlet)
        SELECT DISTINCT fc.finding_id, d.outlet FROM finding_claims fc JOIN claims c ON c.id = fc.claim_id
        JOIN documents d ON d.id = c.document_id WHERE d.outlet IS NOT NULL;
    INSERT INTO finding_index (finding_id, date, outlets)
        SELECT f.id, COALESCE((SELECT max(d.date) FROM finding_claims fc JOIN claims c ON c.id = fc.claim_id
                               JOIN documents d ON d.id = c.document_id WHERE fc.finding_id = f.id), ''),
               (SELECT group_concat(o.outlet, char(31)) FROM finding_outlets o WHERE o.finding_id = f.id)
        FROM findings f;
    INSERT INTO finding_search (finding_id, text)
        SELECT f.id, lower(f.message || ' ' || f.rule || ' ' || COALESCE((SELECT group_concat(c.sentence || ' ' || c.text, ' ')
               FROM finding_claims fc JOIN claims c ON c.id = fc.claim_id WHERE fc.finding_id = f.id), ''))
        FROM findings f;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
