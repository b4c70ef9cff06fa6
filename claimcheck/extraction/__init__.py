"""Extraction: from a Document's text to its Claims."""

from .extractor import EXTRACTOR_VERSION, ExtractionOptions, extract_claims
from .qualifiers import Bands


def clear_caches() -> None:
    """Forget memoised unit readings (for benchmarks that must not reuse earlier work)."""
    from ..memo import memos

    for memo in memos().values():
        memo.forget()


__all__ = ["EXTRACTOR_VERSION", "Bands", "ExtractionOptions", "clear_caches", "extract_claims"]
