"""Writing results: claims (and later findings) as tables, JSON Lines and CSV; files written atomically."""

from .atomic import atomic_write
from .claims import CLAIM_FORMATS, write_claims
from .findings import FINDING_FORMATS, write_report

__all__ = ["CLAIM_FORMATS", "FINDING_FORMATS", "atomic_write", "write_claims", "write_report"]
