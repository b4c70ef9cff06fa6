"""One module per rule kind; each turns claims (and facts) into findings."""

from .agree import check_agree
from .change import check_change
from .context import CheckContext
from .partition import check_partition
from .range import check_range
from .reference import check_reference
from .sum import check_sum

CHECKS = {
    "sum": check_sum,
    "agree": check_agree,
    "range": check_range,
    "partition": check_partition,
    "change": check_change,
    "reference": check_reference,
}

__all__ = ["CHECKS", "CheckContext"]
