"""Ledger storage: the :class:`~.base.Store` interface and its backends, chosen by the ``--db`` value."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ...errors import InputError
from .base import (ROLES, AuditEntry, ClaimRecord, DocumentVersion, FindingRecord, QueueCounts, QueuePage, QueueQuery, ReviewConflict,
                   ReviewEvent, SessionRecord, Store, StoredFact, UserRecord)
from .sqlite import SQLiteStore

__all__ = ["ROLES", "AuditEntry", "ClaimRecord", "DocumentVersion", "FindingRecord", "QueueCounts", "QueuePage", "QueueQuery",
           "ReviewConflict", "ReviewEvent", "SQLiteStore", "SessionRecord", "Store", "StoredFact", "UserRecord",
           "open_store"]


def open_store(location: str | Path, create: bool = True) -> Store:
    """The store at ``location``: a file path or ``sqlite:///path`` for SQLite, a libpq URL
    (``postgresql://user@host/db``, ``postgresql://user@/db?host=/socket/dir``) for PostgreSQL."""
    text = str(location)
    scheme = urlsplit(text).scheme if "://" in text else ""
    if scheme in ("", "file"):
        return SQLiteStore(text.removeprefix("file://"), create=create)
    if scheme == "sqlite":  # as SQLAlchemy writes it: sqlite:///relative.db, sqlite:////absolute/path.db
        return SQLiteStore(text[len("sqlite:///"):], create=create)
    if scheme in ("postgresql", "postgres"):
        from .postgres import PostgresStore

        return PostgresStore(text, create=create)
    raise InputError(f"no ledger store for {scheme!r} URLs: give a file path, sqlite:///PATH or postgresql://...", text)
