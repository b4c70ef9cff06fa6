"""What unit follows a number: quantulum3 reads unit words ("square kilometers", "sq mi", "km/h"),
pint gives the canonical name claimcheck speaks ("kilometer ** 2").  A few things quantulum3 gets wrong
or does not know (percentage points, "per cent", hectares, currency words after magnitude words,
"N-year-old") are read first here."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from ..memo import memo
from ..units import get_registry
from . import unit_index
from ..lexicon import (CURRENCY_SUBUNITS, CURRENCY_SYMBOLS, CURRENCY_WORDS, NOT_UNITS, PHYSICAL_ENTITIES, RATE_PERIODS, TIME_UNITS,
                       WRITTEN_UNITS)

_PHYSICAL_DIMENSIONS = {"[length]", "[length] ** 2", "[length] ** 3", "[mass]", "[time]", "[length] / [time]",
                        "[temperature]"}

_PERCENT = re.compile(r"\s?(?:%|per\s?cent\b|pct\b|percent\b)", re.I)
_POINTS = re.compile(r"\s?(?:percentage[- ]points?|pp|ppts?|points? of percentage)\b", re.I)
_AGE = re.compile(r"(?:\s?-\s?|\s)years?(?:\s?-\s?|\s)old\b", re.I)  # "61-year-old", "36-year - old" (tokenised text)
_CURRENCY_WORD = re.compile(r"\s+(?P<word>" + "|".join(map(re.escape, sorted(CURRENCY_WORDS, key=len, reverse=True)))
                            + r")\b", re.I)
_NEXT_WORD = re.compile(r"[\s-]?(?P<word>[A-Za-z]+)\b")
_TWO_WORDS = re.compile(r"[\s-]?(?P<first>[A-Za-z]+)[\s_-](?P<second>[A-Za-z]+)\b")
_DEGREES = re.compile(r"\s?degrees?\b(?!\s+(?:of|north|south|east|west|angle))", re.I)
_TEMPERATURE = re.compile(r"\s?°\s?(?P<scale>[CF]\b)?|(?P<attached>[CF])\b(?![.-]\w)|\s?degrees? (?P<word>Celsius|centigrade|Fahrenheit)\b"
                          r"|\s?deg(?:rees?|s?\.?)\s?(?P<short>[CcFf])\b"
                          r"|\s(?P<spaced>[CF])(?=[ \t]*(?:[.,;:)]|$)|\s+\()")  # wire style: "minus 6 C.", "40 C (104 F)"
_SYMBOL_AFTER = re.compile(r"\s?(?P<symbol>[€£¥₹₽₺₪₩₦])")
_HYPHEN_YEAR = re.compile(r"-years?\b(?![\s-]*old\b)|\s+year(?=\s+(?:prison\s+|jail\s+)?(?:sentences?|terms?|contracts?|deals?|"
                          r"plans?|bans?|leases?|extensions?|agreements?|periods?|stints?|spells?)\b)", re.I)
_SUBUNIT = re.compile(r"\s?(?P<coin>" + "|".join(sorted((w for w in CURRENCY_SUBUNITS if len(w) > 1), key=len, reverse=True))
                      + r")\b|(?P<coin_glued>(?-i:p))\b(?!\.\w)", re.I)
_WRITTEN = re.compile(r"[\s-]?(?P<written>" + "|".join(re.escape(w) for w in sorted(WRITTEN_UNITS, key=len, reverse=True))
                      + r")(?![\w-])", re.I)
_RATE = re.compile(r"\s*(?:a|an|per|each|every|/)\s*(?P<period>" + "|".join(sorted(RATE_PERIODS, key=len, reverse=True))
                   + r")\b", re.I)


@dataclass(frozen=True)
class UnitReading:
    unit: str  # pint canonical name, "count", "percent" or an ISO 4217 code
    length: int  # characters after the number that belong to the unit
    kind: str = "count"  # count | percent | currency | physical | age
    scale: float = 1.0  # the number times this is the value in ``unit`` ("75 cents" = 0.75 USD)
    rate: bool = False  # money or an amount per period or per unit ("$3,500 a month", "$80 a barrel")


def read_unit(after: str, currency: str | None = None, magnitude: float = 1.0) -> UnitReading:
    """The unit written in ``after`` (the text right after a number), with what it is counted per
    ("$3,500 a month" is USD / month, "800,000 barrels a day" barrel / day)."""
    reading = _read_unit(after, currency, magnitude)
    if (reading.kind in ("currency", "physical") and "/" not in reading.unit and reading.unit not in TIME_UNITS
            and (rate := _RATE.match(after, reading.length))):  # ("eight hours a day" is a duration, not a rate)
        period = RATE_PERIODS[rate.group("period").lower()]
        if period != reading.unit:
            speed = reading.kind == "physical" and period in TIME_UNITS and _dimension(reading.unit) == "[length]"
            return UnitReading(f"{reading.unit} / {period}", rate.end(), reading.kind, reading.scale, not speed)
    return reading


def _dimension(unit: str) -> str | None:
    from ..units import dimensionality

    return dimensionality(unit)


def _read_unit(after: str, currency: str | None, magnitude: float) -> UnitReading:
    if currency:
        word = _CURRENCY_WORD.match(after)
        return UnitReading(currency, word.end() if word else 0, "currency")
    if match := _SYMBOL_AFTER.match(after):  # "15€", "20 £"
        return UnitReading(CURRENCY_SYMBOLS[match.group("symbol")], match.end(), "currency")
    if match := _HYPHEN_YEAR.match(after):  # "a two-year plan", "a 5 year sentence": a span of years, not "the year"
        return UnitReading("year", match.end(), "physical")
    if match := _SUBUNIT.match(after):  # "75 cents", "164p"
        code, worth = CURRENCY_SUBUNITS[(match.group("coin") or match.group("coin_glued")).lower()]
        return UnitReading(code, match.end(), "currency", worth)
    if match := _WRITTEN.match(after):  # "300 bhp", "500 lb-ft", "45 mpg", "25 basis points"
        unit = WRITTEN_UNITS[match.group("written").lower()]
        return UnitReading(unit, match.end(), "percent" if unit == "basis_point" else "physical")
    if match := _PERCENT.match(after):
        return UnitReading("percent", match.end(), "percent")
    if match := _POINTS.match(after):
        return UnitReading("percentage_point", match.end(), "percent")
    if match := _TEMPERATURE.match(after):
        scale = (match.group("scale") or match.group("attached") or match.group("word") or match.group("short")
                 or match.group("spaced") or "C")[0].upper()
        return UnitReading("degree_Celsius" if scale == "C" else "degree_Fahrenheit", match.end(), "physical")
    if match := _DEGREES.match(after):  # "minus 17 degrees": a temperature on an unnamed scale
        return UnitReading("degree_unspecified", match.end(), "physical")
    if match := _AGE.match(after):
        return UnitReading("year", match.end(), "age")
    if match := _CURRENCY_WORD.match(after):
        return UnitReading(CURRENCY_WORDS[match.group("word").lower()], match.end(), "currency")
    if magnitude in (1e5, 1e7):  # lakh, crore: Indian rupees unless a currency says otherwise
        return UnitReading("INR", 0, "currency")
    if magnitude >= 1e6 and (match := re.match(r"\s+pounds\b", after, re.I)):  # "300 million pounds"
        return UnitReading("GBP", match.end(), "currency")
    if match := _PRICE_IN_POUNDS.match(after):  # "25.50 pounds a share": a price, not a weight
        return UnitReading("GBP", match.end("unit"), "currency")
    window = _window(after)
    reading = _quantulum_unit(window) if window.strip() else None
    return reading or _pint_unit(after) or UnitReading("count", 0)


_PRICE_IN_POUNDS = re.compile(r"(?P<unit>\s+pounds?)\s+(?:a|per|each)\s+(?:share|ticket|head|barrel|week|month|year|hour)\b",
                              re.I)


def _window(after: str) -> str:
    window = after[:40].split("\n", 1)[0]
    cut = re.search(r"\s\d|[;,!?\"“”()\[\]]", window)
    return window[: cut.start()] if cut else window


def quantulum_first_words() -> frozenset[str]:
    """First words of every unit name and symbol quantulum3 knows: a window that starts with none of
    them holds no unit (the index ships them: see :mod:`.unit_index`)."""
    from .quantulum import quantulum_load

    units = quantulum_load().units("en_US")
    words = set()
    for surface in list(units.surfaces_all) + list(units.symbols_all):
        match = _FIRST_WORD.match(surface)
        if match:
            words.add(match.group(1).lower())
    return frozenset(words)


_FIRST_WORD = re.compile(r"\s*-?([^\s\d/.,()\[\]^²³-]+)")


def _remembered(name: str, read: Callable[[str], UnitReading | None]) -> Callable[[str], UnitReading | None]:
    """``read`` with its answers remembered across runs under ``name`` (as [unit, length, kind] lists)."""
    remembered = memo(name)(lambda text: [reading.unit, reading.length, reading.kind] if (reading := read(text)) else None)
    return lambda text: UnitReading(*found) if (found := remembered(text)) else None


def _read_with_quantulum(window: str) -> UnitReading | None:
    first = _FIRST_WORD.match(window)
    if not first or first.group(1).lower() not in unit_index.first_words():
        return None
    found = unit_index.quantulum_reading(window[1:] if window.startswith("-") else window)
    if found is unit_index.ASK:
        return quantulum_reading_slow(window)
    if found is None:
        return None
    unit, length, kind = found
    return UnitReading(unit, length + 1 if window.startswith("-") else length, kind)


def quantulum_reading_slow(window: str) -> UnitReading | None:
    """What quantulum3 reads as the unit that starts ``window`` (and pint calls it)."""
    from .quantulum import quantulum_parser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantities = quantulum_parser().parse("1" + window.replace("-", " ", 1) if window.startswith("-") else "1" + window)
    if not quantities or quantities[0].span[0] != 0:
        return None
    found = quantities[0]
    surface_words = re.findall(r"[A-Za-z]+", found.surface)
    if found.unit.entity.name not in PHYSICAL_ENTITIES or not surface_words:
        return None
    if len(surface_words) == 1 and surface_words[0].lower() in NOT_UNITS:
        return None
    if found.unit.entity.name == "currency":
        if not found.unit.currency_code:
            return None
        if found.unit.currency_code == "GBP" and re.match(r"\s*pounds?\b", window, re.I):
            return UnitReading("pound", found.span[1] - 1, "physical")  # weight, unless "£" or "sterling" says money
        return UnitReading(found.unit.currency_code, found.span[1] - 1, "currency")
    unit = _to_pint(found.unit.name, found.unit.dimensions)
    if unit is None:
        return None
    return UnitReading(unit, found.span[1] - 1, "physical")


def _to_pint(name: str, dimensions: list[dict]) -> str | None:
    """quantulum3's unit as pint's canonical name; compound units are spelled from their parts
    ("square mile" -> "mile ** 2", "kilometre per hour" -> "kilometer / hour")."""
    registry = get_registry()
    simple = (len(dimensions) == 1 and dimensions[0]["power"] == 1) or " " not in name
    try:
        if simple:
            try:
                return str(registry.Unit(_pint_name(name)))
            except Exception:
                return str(registry.parse_units(_pint_name(name), case_sensitive=False))
        unit = registry.dimensionless
        for dimension in dimensions:
            unit = unit * registry.parse_units(_pint_name(dimension["base"]), case_sensitive=False) ** dimension["power"]
        return str(unit.units if hasattr(unit, "units") else unit)
    except Exception:  # pint raises several unrelated types for names it does not know
        return None


def _pint_name(name: str) -> str:
    return name.replace("-mass", "").replace(" ", "_")


def _pint_unit(after: str) -> UnitReading | None:
    """The next word, when pint knows it as a physical unit quantulum3 missed (e.g. 'hectares')."""
    ends = [match.end() for match in (_TWO_WORDS.match(after), _NEXT_WORD.match(after)) if match]
    return _pint_reading(after[:max(ends)]) if ends else None  # only the next two words matter


def _read_with_pint(after: str) -> UnitReading | None:
    two = _TWO_WORDS.match(after)
    if two and (unit := unit_index.pint_pair(f"{two.group('first')}_{two.group('second').rstrip('s')}".lower())):
        return UnitReading(unit, two.end(), "physical")
    match = _NEXT_WORD.match(after)
    if not match or match.group("word").lower() in NOT_UNITS or len(match.group("word")) < 3:
        return None
    unit = unit_index.pint_word(match.group("word").lower())
    return UnitReading(unit, match.end(), "physical") if unit else None


def pint_reading_slow(after: str) -> UnitReading | None:
    """What pint reads as a physical unit in the next one or two words of ``after``."""
    registry = get_registry()
    two = _TWO_WORDS.match(after)
    if two:  # "nautical miles", "metric tons"
        try:
            unit = registry.parse_units(f"{two.group('first')}_{two.group('second').rstrip('s')}".lower())
            if str(unit.dimensionality) in _PHYSICAL_DIMENSIONS:
                return UnitReading(str(unit), two.end(), "physical")
        except Exception:
            pass
    match = _NEXT_WORD.match(after)
    if not match or match.group("word").lower() in NOT_UNITS or len(match.group("word")) < 3:
        return None
    try:
        unit = registry.Unit(match.group("word").lower())
    except Exception:
        return None
    if str(unit.dimensionality) not in _PHYSICAL_DIMENSIONS:
        return None
    return UnitReading(str(unit), match.end(), "physical")


_quantulum_unit = _remembered("quantulum3-unit-readings", _read_with_quantulum)
_pint_reading = _remembered("pint-unit-readings", _read_with_pint)
