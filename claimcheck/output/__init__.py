"""Writing results: claims (and later findings) as tables, JSON Lines and CSV; files written atomically."""

from .atomic import atomic_write
from .claims import CLAIM_FORMATS, write_claims

__all__ = ["CLAIM_FORMATS", "atomic_write", "write_claims"]
