"""The data model every stage speaks: documents -> claims (-> facts -> findings).

Field names are the same as Python attributes, JSON keys and CSV columns.
"""

from .claim import BOUNDS, CLAIM_FIELDS, FINDING_CLAIM_FIELDS, Bound, Claim
from .document import Document
from .event import Event
from .fact import Fact, FactKey
from .finding import SEVERITIES, STATUSES, Finding, fingerprint
from .interval import Interval, Tolerance

__all__ = ["BOUNDS", "CLAIM_FIELDS", "FINDING_CLAIM_FIELDS", "SEVERITIES", "STATUSES", "Bound", "Claim", "Document",
           "Event", "Fact", "FactKey", "Finding", "Interval", "Tolerance", "fingerprint"]
