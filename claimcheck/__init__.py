"""claimcheck: numeric claims in documents, with their context, checked for consistency.

    >>> import claimcheck
    >>> [c.value for c in claimcheck.extract_text("Officials said about 2,000 troops remain.")]
    [2000.0]
"""

__version__ = "0.1.0"  # first, so that modules imported below can read it

from .api import (check, check_result, claims_frame, extract, extract_document, extract_documents, extract_text,
                  findings_frame)
from .checker import Checker
from .documents import read_document, read_documents, read_text
from .errors import ClaimcheckError, ClaimcheckWarning, InputError
from .extraction import Bands, ExtractionOptions
from .model import Claim, Document, Fact, FactKey, Finding, Interval
from .result import CheckResult
from .rules import RuleSet, load_rules
from .units import get_registry

__all__ = [
    "Bands", "CheckResult", "Checker", "Claim", "ClaimcheckError", "ClaimcheckWarning", "Document", "ExtractionOptions",
    "Fact", "FactKey", "Finding", "InputError", "Interval", "RuleSet", "check", "check_result", "claims_frame", "extract",
    "extract_document", "extract_documents", "extract_text", "findings_frame", "get_registry", "load_rules",
    "read_document", "read_documents", "read_text", "__version__",
]
