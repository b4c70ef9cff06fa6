"""Extraction: from a Document's text to its Claims."""

from .extractor import EXTRACTOR_VERSION, ExtractionOptions, extract_claims
from .qualifiers import Bands

__all__ = ["EXTRACTOR_VERSION", "Bands", "ExtractionOptions", "extract_claims"]
