"""One module per rule kind; each turns claims (and facts) into findings."""

from .agree import check_agree
from .change import check_change
from .context import CheckContext
from .partition import check_partition
from .range import check_range
from .reference import check_reference
from .sum import check_sum

#: Kinds whose findings each come from one document's claims: run a document at a time, so that an
#: unchanged document's findings can be reused. Each is called as ``check(rule, context)``.
DOCUMENT_CHECKS = {
    "sum": check_sum,
    "range": check_range,
    "partition": check_partition,
    "change": check_change,
    "reference": check_reference,
}

#: Kinds that compare the claims of one fact across documents: run a fact at a time, so that a fact whose
#: claims are unchanged can be reused. Each is called as ``check(rule, context, fact)``.
FACT_CHECKS = {
    "agree": check_agree,
}

__all__ = ["DOCUMENT_CHECKS", "FACT_CHECKS", "CheckContext"]
