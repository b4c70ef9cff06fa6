"""The fact-checking desk's memory: documents, claims, facts and findings over time, with review state.

The :class:`Ledger` speaks the data model; the storage behind it is a :class:`~claimcheck.ledger.store.Store`
chosen by the ``--db`` value (SQLite by default), so another database can be added without touching the rest."""

from .ledger import REVIEW_STATUSES, IngestReport, Ledger, open_ledger

__all__ = ["REVIEW_STATUSES", "IngestReport", "Ledger", "open_ledger"]
