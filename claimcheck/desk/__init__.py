"""The desk in a browser (``claimcheck serve``): the review queue, findings, facts, events and documents over the
ledger, for users with roles; see :func:`create_app`."""

from .app import create_app
from .settings import DeskSettings, desk_settings

__all__ = ["DeskSettings", "create_app", "desk_settings"]
