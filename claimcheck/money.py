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


#: the lexicon's code for a name several countries' money shares -> that name, as GeoNames gives each country's
#: currency: "pesos" are Mexico's unless the page tells of the Philippines or Colombia
SHARED_NAMES = {"INR": "Rupee", "MXN": "Peso", "CHF": "Franc"}


def page_unit(unit: str, written: str, page: str) -> str:
    """A sum's unit with a name several countries' money shares (``unit`` holds the lexicon's reading of it, see
    :data:`SHARED_NAMES`) read as the money of the country of those its ``page`` names most, by its name, its people,
    its provinces or its cities: "Rs 1 million ($5,300)" in a Pakistani story is 1 million Pakistani rupees, a third
    of what as many Indian rupees are worth; "50 million pesos" in a Philippine one are not Mexican. The lexicon's
    reading stands where the page names none of them, or the figure as ``written`` names its money outright ("₹",
    "Mexican pesos")."""
    for code, name in SHARED_NAMES.items():
        if code in unit and not _named_outright(code, written):
            return unit.replace(code, _page_currency(name, code, page))
    return unit


def _named_outright(code: str, written: str) -> bool:
    """Whether a figure as written names its money by a mark of that country's alone: its code, a symbol with no
    letters or with a dollar sign ("₹", "MX$"; not "Rs."), or a name of several words ("Mexican pesos")."""
    from .lexicon import CURRENCY_SYMBOLS, CURRENCY_WORDS

    lowered = written.lower()
    return (code in written or any(symbol in written for symbol, of in CURRENCY_SYMBOLS.items()
                                   if of == code and ("$" in symbol or not any(map(str.isalpha, symbol))))
            or any(word in lowered for word, of in CURRENCY_WORDS.items() if of == code and " " in word))


@lru_cache(maxsize=256)
def _page_currency(name: str, default: str, text: str) -> str:
    """The currency, of those called ``name``, of the country a page names most (``default`` when it names none): by
    its name, its people, its provinces and its cities, but not by a city several of those countries have (a story
    from Hyderabad in Sindh is Pakistani, though the larger Hyderabad is India's)."""
    from .places import cities_named, city_countries, countries

    counts = {currency: len(pattern.findall(text)) for currency, pattern in _countries_paying(name).items()}
    for found in cities_named(text):
        paying = {countries()[code]["currencycode"] for code in city_countries(found) if code in countries()}
        if len(paying & counts.keys()) == 1:
            counts[(paying & counts.keys()).pop()] += 1
    best = max(counts, key=lambda currency: (counts[currency], currency == default))
    return best if counts[best] else default


@lru_cache(maxsize=8)
def _countries_paying(name: str) -> dict[str, re.Pattern]:
    """Each currency of the countries whose money is called ``name``, with a pattern of the words that tell a page is
    about one of them: its name, what its people are called and its provinces ("Mexico", "Mexican", "Jalisco";
    "Pakistan", "Pakistani", "Sindh")."""
    from .lexicon import DEMONYMS
    from .places import countries, subdivisions_of

    words: dict[str, set[str]] = {}
    for country in countries().values():
        if country["currencyname"] == name:
            country_name = country["name"]
            stem = country_name[:-1] if len(country_name) >= 6 and country_name[-1] in "aeos" else country_name
            said = words.setdefault(country["currencycode"], set())
            said |= {re.escape(stem)} | {re.escape(people) for people, of in DEMONYMS.items() if of == country_name}
            said |= {re.escape(province) for province in subdivisions_of(country["iso"])}
    # "Niger" is no "Nigeria", whose money is the naira
    return {currency: re.compile(rf"\b(?:{'|'.join(sorted(said))})(?!ia)") for currency, said in words.items()}
