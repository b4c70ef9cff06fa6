"""Which dollars a bare "$" is: a country's own where its page names the country in brackets after the sum
("$5.5-billion (Canadian)", as Canadian and Australian papers write), and so, on that page, the same sum written bare
again (its headline's "$5.5-billion deal"). Any other bare "$" stays the US dollar here; where a bare "$" sum on
one page and the same sum in "C$" on another meet, the comparison reads them as one
(:func:`claimcheck.checks.comparison.compare`)."""

from __future__ import annotations

import re

from ..model import Claim

#: a country's dollar named in brackets after a bare "$" sum
_NAMED_AFTER = re.compile(r"\s*\(\s*(?P<country>Canadian|Cdn\.?|Can\.?|Australian|Aust\.?|NZ|New Zealand|Singapore|"
                          r"Hong Kong)\s*\)")
_CODES = {"canadian": "CAD", "cdn": "CAD", "can": "CAD", "australian": "AUD", "aust": "AUD", "nz": "NZD",
          "new zealand": "NZD", "singapore": "SGD", "hong kong": "HKD"}


def dollars_named_after(text: str, start: int, end: int, limit: int) -> tuple[str, int] | None:
    """The currency a bare "$" sum (from ``start`` to ``end`` in ``text``) is in by the country named in brackets
    after it, and where that name ends; None where none is named."""
    if "$" not in text[max(0, start - 1):start + 1]:
        return None
    named = _NAMED_AFTER.match(text, end, limit)
    return (_CODES[named["country"].lower().rstrip(".")], named.end()) if named else None


def page_dollars(claims: list[Claim]) -> None:
    """Read a page's bare "$" sums in the dollars it names for the same sum elsewhere: a headline's "$5.5-billion
    deal" over "valued at roughly $5.5-billion (Canadian)" is Canadian dollars."""
    named = {round(claim.value, 2): claim.unit for claim in claims
             if claim.unit in _CODES.values() and "$" in claim.text and "(" in claim.text}
    for claim in claims:
        if claim.unit == "USD" and claim.text.lstrip("~<>≈ ").startswith("$") and round(claim.value, 2) in named:
            claim.unit = named[round(claim.value, 2)]
