"""claimcheck: numeric claims in documents, with their context, checked for consistency.

    >>> import claimcheck
    >>> [c.value for c in claimcheck.extract_text("Officials said about 2,000 troops remain.")]
    [2000.0]
"""

__version__ = "0.1.0"  # first, so that modules imported below can read it

from .api import (check, check_result, claims_frame, extract, extract_document, extract_documents, extract_text,
                  findings_frame)
from .documents import read_document, read_documents, read_text
from .errors import ClaimcheckError, ClaimcheckWarning, InputError
from .extraction import Bands, ExtractionOptions
from .model import Claim, Document, Fact, Finding
from .rules import RuleSet, load_rules
from .units import get_registry

__all__ = [
    "Bands", "Claim", "ClaimcheckError", "ClaimcheckWarning", "Document", "ExtractionOptions", "Fact", "Finding",
    "InputError", "RuleSet", "check", "check_result", "claims_frame", "extract", "findings_frame", "load_rules", "extract_document", "extract_documents", "extract_text", "get_registry",
    "read_document", "read_documents", "read_text", "__version__",
]
