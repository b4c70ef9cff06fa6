"""Finding numbers in text and reading their value: digits, number words, magnitude words and
suffixes ("$1.762bn", "1.2 million", "twenty-five", "a dozen") and vague quantities ("tens of thousands")."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..lexicon import CURRENCY_SYMBOLS, MAGNITUDE_SUFFIXES, NUMBER_WORDS, UNITS_WORDS, VAGUE, VAGUE_MULTIPLIERS

_SMALL = "|".join(sorted((word for word in NUMBER_WORDS if word != "dozen"), key=len, reverse=True))
_SCALE = "hundred|thousand|million|billion|trillion|dozen"
_WORD_NUMBER = (
    rf"(?:(?:(?:half\s+a|a|one)\s+(?:{_SCALE})|(?:{_SMALL})(?:-(?:{_SMALL}))?)"
    rf"(?:(?:\s+|-)(?:and\s+)?(?:(?:{_SMALL})(?:-(?:{_SMALL}))?|{_SCALE}))*"
    rf"|half\s+an?(?=\s+[a-z]))"
)
_CURRENCY = "(?-i:" + "|".join(re.escape(symbol) for symbol in sorted(CURRENCY_SYMBOLS, key=len, reverse=True)) + ")"
_VAGUE = "|".join(sorted(VAGUE, key=len, reverse=True))
_VAGUE_MULT = "|".join(VAGUE_MULTIPLIERS)
_MAGNITUDE_WORDS = "|".join(word for word in MAGNITUDE_SUFFIXES if len(word) > 3)
_MAGNITUDE_SHORT = "|".join(word for word in MAGNITUDE_SUFFIXES if len(word) <= 3)
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅛": 0.125, "⅜": 0.375,
                    "⅝": 0.625, "⅞": 0.875}
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
                 "tenth": 10, "tenths": 10}
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_FRACTION = (r"(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!last )(?<!latter )(?<!former )(?<!final )"
             r"\b(?:(?:a|one|two|three|four|nine)[\s-](?:halves|half|thirds|third|quarters|quarter|fifths|fifth|tenths|tenth)|half)"
             r"\b(?=\s+of\b)")

NUMBER_PATTERN = re.compile(
    rf"(?P<sign>\bminus\s+|−|(?<![\w.,)-])-(?=\d|{_CURRENCY}\s?\d))?"  # "-10°C", "-$5bn"
    rf"(?:(?<![A-Za-z])(?P<currency>{_CURRENCY})\s?(?P<currency_sign>[-−](?=\d))?)?"  # "$-5bn"
    rf"(?:(?P<digits>(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,]\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\d,]\d))"
    rf"(?P<vulgar>[{''.join(VULGAR_FRACTIONS)}])?"
    rf"(?:(?P<suffix>{_MAGNITUDE_SHORT})(?![\w])|(?:\s+|-)(?P<magword>{_MAGNITUDE_WORDS})\b)?"
    rf"|(?P<fraction>{_FRACTION})"
    rf"|(?P<vague>\b(?:(?:{_VAGUE_MULT})\s+(?:hundred|thousand|million|billion)|(?:{_VAGUE}))\b)"
    rf"|(?P<words>\b{_WORD_NUMBER}\b)"
    rf"(?:\s+(?P<wordmag>million|billion|trillion|lakh|crore)\b)?)",
    re.IGNORECASE,
)


@dataclass
class Numeral:
    """A number as written: where it is and what it says, before any context is read."""

    start: int
    end: int
    value: float
    kind: str  # digits | words | vague
    currency: str | None = None
    magnitude: float = 1.0
    low: float | None = None
    high: float | None = None
    plain_integer: bool = False  # digits only, no separators, magnitude or currency ("2018")
    number_start: int = 0  # where the digits or words begin (after any currency symbol)


def find_numerals(text: str) -> Iterator[Numeral]:
    for match in NUMBER_PATTERN.finditer(text):
        numeral = _read(match)
        if numeral is not None:
            yield numeral


def _read(match: re.Match[str]) -> Numeral | None:
    numeral = _read_unsigned(match)
    if numeral is not None and (match.group("sign") or match.group("currency_sign")):
        numeral.value = -numeral.value
        if numeral.low is not None and numeral.high is not None:  # "minus tens of thousands"
            numeral.low, numeral.high = -numeral.high, -numeral.low
    return numeral


def _read_unsigned(match: re.Match[str]) -> Numeral | None:
    currency = CURRENCY_SYMBOLS.get(match.group("currency") or "", None)
    if match.group("currency") and currency is None:
        currency = CURRENCY_SYMBOLS.get(match.group("currency").rstrip("."), None)
    number_start = match.start("digits") if match.group("digits") else match.start("words") if match.group("words") else match.start()
    if match.group("fraction"):  # "two-thirds of the 600 soldiers": a share of a whole
        words = re.split(r"[\s-]+", match.group("fraction").lower())
        numerator = _NUMERATORS.get(words[0], 1) if len(words) > 1 else 1
        share = numerator / _DENOMINATORS[words[-1]] * 100
        return Numeral(match.start(), match.end(), share, "fraction", number_start=match.start())
    if match.group("vague"):
        low, high = vague_interval(match.group("vague"))
        return Numeral(match.start(), match.end(), (low + high) / 2, "vague", currency, low=low, high=high,
                       number_start=match.start("vague"))
    if match.group("digits"):
        digits = match.group("digits")
        magnitude_word = (match.group("suffix") or match.group("magword") or "").lower()
        magnitude = MAGNITUDE_SUFFIXES.get(magnitude_word, 1.0)
        value = (float(digits.replace(",", "")) + VULGAR_FRACTIONS.get(match.group("vulgar") or "", 0.0)) * magnitude
        if not math.isfinite(value):
            return None  # a number too large to be a quantity anyone reports
        plain = "," not in digits and "." not in digits and magnitude == 1.0 and currency is None
        return Numeral(match.start(), match.end(), value, "digits", currency, magnitude, plain_integer=plain,
                       number_start=number_start)
    words = match.group("words")
    value = words_value(words)
    if value is None:
        return None
    magnitude = UNITS_WORDS.get((match.group("wordmag") or "").lower(), 1.0)
    return Numeral(match.start(), match.end(), value * magnitude, "words", currency, magnitude,
                   number_start=number_start)


def words_value(words: str) -> float | None:
    """'twenty-five' -> 25, 'two hundred thousand' -> 200000, 'half a million' -> 500000, 'a dozen' -> 12."""
    tokens = [token for token in re.split(r"[\s-]+", words.lower()) if token and token != "and"]
    total = current = 0.0
    half = False
    for token in tokens:
        if token == "half":
            half = True
        elif token in ("a", "an"):
            current = current or 1
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in UNITS_WORDS:
            total += (current or 1) * UNITS_WORDS[token]
            current = 0
        elif token in NUMBER_WORDS:
            number = NUMBER_WORDS[token]
            current = (current or 1) * number if token == "dozen" else current + number
        else:
            return None
    value = total + current
    return value / 2 if half else value


def vague_interval(phrase: str) -> tuple[float, float]:
    phrase = " ".join(phrase.lower().split())
    if phrase in VAGUE:
        low, high = VAGUE[phrase]
        return float(low), float(high)
    multiplier, _, scale = phrase.rpartition(" ")
    low, high = VAGUE_MULTIPLIERS[multiplier]
    return float(low * UNITS_WORDS[scale]), float(high * UNITS_WORDS[scale])
