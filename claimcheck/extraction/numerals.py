"""Finding numbers in text and reading their value: digits, number words, magnitude words and
suffixes ("$1.762bn", "1.2 million", "twenty-five", "a dozen") and vague quantities ("tens of thousands")."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from text_to_num import text2num

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
                 "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "nine": 9}
_PLURAL_DENOMINATORS = "halves|thirds|quarters|fifths|sixths|eighths|tenths"
_SINGULAR_DENOMINATORS = "half|third|quarter|fifth|sixth|eighth|tenth"
_FRACTION = (r"(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!last )(?<!latter )(?<!former )(?<!final )"
             rf"\b(?:(?:(?:a|one|two|three|four|five|seven|nine)[\s-](?:{_PLURAL_DENOMINATORS}|{_SINGULAR_DENOMINATORS})|half)"
             r"\b(?=\s+of\b)"
             # "two thirds voted", "one fifth said": a share without "of" (a plural or "one ..." names no thing)
             rf"|\b(?:(?:two|three|four|five|seven|nine)[\s-](?:{_PLURAL_DENOMINATORS})|one[\s-](?:{_SINGULAR_DENOMINATORS}))\b"
             r"(?!\s+(?:of\b|[a-z]+s\b)))")
#: "one in five", "1 in 5", "one out of three": a share (not a span of time: "2 in 10 minutes")
_RATIO = (rf"(?<![\w.,])(?:{_SMALL}|\d{{1,3}})\s+(?:in|out\s+of)\s+(?:{_SMALL}|\d{{1,3}})\b"
          r"(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b)(?![.,]\d)")
#: "5ft 6in", 5'6": a height in feet and inches
_FEET_INCHES = r"(?<![\w.])(?P<feet>\d{1,2})\s?(?:ft|feet|foot|'|’|′)\s?(?P<inches>\d{1,2}(?:\.\d+)?)\s?(?:in\b|inch(?:es)?\b|\"|”|″)"
#: "2 hours and 26 minutes", "three hours, 12 minutes", "4 minutes 30 seconds": one length of time, in its larger unit
_UNDER_SIXTY = "|".join(sorted((word for word, value in NUMBER_WORDS.items() if value < 60 and word != "dozen"),
                               key=len, reverse=True))
_TWO_UNITS = (rf"(?<![\w.])(?P<larger>\d{{1,3}}|{_SMALL})\s+(?:(?P<hours>hours?)|minutes?)(?:,|\s+and)?\s+"
              rf"(?P<smaller>[1-5]?\d|{_UNDER_SIXTY})\s+(?(hours)minutes?|seconds?)\b")
#: "3 1/2", "1/2": a fraction with a denominator people write ("24/7" and "9/11" are not quantities), with the
#: spaces a tokenized text puts around its slash ("4-1 / 2-month"; "4 / 11 / 2008" is a date)
_SLASH = (r"(?<![\w./])(?:(?P<whole>\d{1,4})(?:\s+|-))?(?P<numerator>\d{1,2})\s?/\s?"
          r"(?P<denominator>2|3|4|5|8|10|16|32|100)(?![\d/])(?!\s/)")
#: the units a fraction is told before ("4 1/2 months", "2-1/2 miles")
FRACTION_UNITS = (r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|inch(?:es)?|feet|foot|"
                  r"yards?|miles?|metres?|meters?|kilometres?|kilometers?|km|pounds?|tons?|tonnes?|acres?|percent|"
                  r"per\s+cent|million|billion|times)\b")
#: "41/2 months", "41 / 2 months": 4 1/2 with the space between the whole number and the fraction lost (as a "½" is
#: when a page's text is flattened); read so only before a unit, where "41/2" can be nothing else
_GLUED_FRACTION = (r"(?<![\w./])(?P<gluedwhole>\d{1,2})(?P<gluednumerator>[13])\s?/\s?(?P<glueddenominator>[24])"
                   rf"(?![\d/])(?=[\s-]+{FRACTION_UNITS})")
#: "4\ufffd months": a figure whose fraction (a "½", a "¾") was lost to a wrong decoding: between it and the next
#: whole number, read so only before a unit
_LOST_FRACTION = r"\ufffd(?=\s?[a-z])"
_SPACES = "\u00a0\u2009\u202f"
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"  # 1,234,567.8
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,]\d)"  # 12,34,567.89 (lakh grouping)
    rf"|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?(?![\d])"  # 1 000 000 with no-break or thin spaces
    r"|\d{1,3}(?: \d{3}){2,}(?:[.,]\d+)?(?![\d])"  # 1 000 000 with plain spaces (two groups at least)
    r"|\d+(?:\.\d+)?(?![\d,]\d)"
    r"|\.\d+(?![\d,]\d)"  # .500
)
#: "(a quarter) of an hour", "(three quarters) of a mile": a fraction of one unit, read as that many units
_OF_A_UNIT = re.compile(r"\s+of\s+an?\s+(?=(?:second|minute|hour|day|week|month|year|decade|century|mile|kilometre|"
                        r"kilometer|metre|meter|inch|foot|pound|ton|tonne|acre|gallon|litre|liter)\b)",
                        re.I)
#: "1.2e6", "6.02 × 10^23", "3×10⁸"
_EXPONENT = r"(?P<exponent>[eE][+-]?\d{1,3}\b|\s?[×x*]\s?10(?:\^\s?[-+−]?\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+|[-−]\d{1,2}\b))"
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")
#: "37m (121ft)-long", "1.5m high": metres, not millions
_METRE_CONTEXT = re.compile(r"(?:[\s-]*(?:long|high|tall|wide|deep|thick|in\s+(?:length|height|diameter|width|depth)|"
                            r"above|below|down|away|off|into|onto|to\s+(?:his|her|their|its)\s+death)\b"
                            r"|\s*\(\s*\d[\d,.]*\s*(?:ft|feet|foot|in|inches|yd|yards?)\b)", re.I)
#: "fell about 60m", "plunged 200m": a fall or a climb is in metres, not millions
_METRE_BEFORE = re.compile(r"\b(?:fell|fall|falls|falling|plunged|plunging|plummeted|dropped|slid|sliding|slipped|"
                           r"tumbled|climbed|descended|dived|swam|sprinted|ran)\s+(?:about|around|some|nearly|almost|"
                           r"approximately|roughly|more\s+than|over|up\s+to|at\s+least)?\s*$", re.I)
#: what makes a figure after "fell" money or a count ("revenue fell 20m", "shares dropped 5m")
_FINANCE = re.compile(r"\b(?:revenue|revenues|sales|profits?|earnings|income|shares|stocks?|prices?|costs?|budget|"
                      r"spending|debt|deficit|funds?|funding|investment|value|worth|turnover|output|subscribers|"
                      r"viewers|users|visitors|customers|population|votes|jobs)\b", re.I)

NUMBER_PATTERN = re.compile(
    r"(?=[\d.\-−$£€¥₹₽₺₪₩₦]|\b[A-Za-z])"  # only where a number, its sign or its currency can start (speed)
    rf"(?P<sign>\b(?:minus|negative)[\s-]+|−|(?<![\w.,)%-])-(?!(?:19|20)\d\d(?!\d|[.,]\d))(?=\.?\d|{_CURRENCY}\s?\d))?"  # "-10°C", "-$5bn"; "-2022": a dash
    rf"(?:(?<![A-Za-z])(?P<currency>{_CURRENCY})\s?(?P<currency_sign>[-−](?=\d))?)?"  # "$-5bn"
    rf"(?:(?P<feetinches>{_FEET_INCHES})"
    rf"|(?P<twounits>{_TWO_UNITS})"
    rf"|(?P<glued>{_GLUED_FRACTION})"
    rf"|(?P<slash>{_SLASH})"
    rf"|(?P<ratio>{_RATIO})"
    rf"|(?P<fold>\b(?:{_SMALL})-?fold\b)"
    rf"|(?P<digits>(?(currency)|(?:(?<![\w.,])|(?<=(?<![\w.])(?-i:M))(?=\d\.\d\b)|(?<=(?<![\w.])(?-i:Mw))(?=\d\.\d\b)))(?:{_DIGITS}))"  # "M6.7": a magnitude
    rf"{_EXPONENT}?"
    rf"(?P<vulgar>[{''.join(VULGAR_FRACTIONS)}]|{_LOST_FRACTION})?"
    rf"(?:(?(currency)(?P<mm>(?-i:MM))(?![\w])|(?!))"  # "$15MM": millions, after a currency sign only
    rf"|(?P<suffix>{_MAGNITUDE_SHORT})(?![\w])|(?:\s+|-|)(?P<magword>(?:{_MAGNITUDE_WORDS})(?:[\s-]+(?:{_MAGNITUDE_WORDS}))*)\b"
    rf"|\s(?-i:(?P<spaced>B|M|K|bn|mn|tn|bln|mln))(?=\s+[a-z]))?"
    rf"(?:-?(?P<digitfold>fold)\b)?"
    rf"|(?P<fraction>{_FRACTION})"
    rf"|(?P<vague>\b(?:(?:{_VAGUE_MULT})\s+(?:hundred|thousand|million|billion)|(?:{_VAGUE}))\b)"
    rf"|(?P<words>\b{_WORD_NUMBER}\b)(?:-?(?P<wordfold>fold)\b|(?P<andhalf>\s+and\s+a\s+half\b))?"
    rf"(?:\s+(?P<wordmag>million|billion|trillion|lakh|crore)\b)?)",
    re.IGNORECASE,
)


@dataclass
class Numeral:
    """A number as written: where it is and what it says, before any context is read."""

    start: int
    end: int
    value: float
    kind: str  # digits | words | vague | fraction (a share, in percent) | fold (a multiple)
    currency: str | None = None
    magnitude: float = 1.0
    low: float | None = None
    high: float | None = None
    plain_integer: bool = False  # digits only, no separators, magnitude or currency ("2018")
    number_start: int = 0  # where the digits or words begin (after any currency symbol)
    unit: str | None = None  # a unit the number's own form says ("5ft 6in" is in feet)


def find_numerals(text: str) -> Iterator[Numeral]:
    for match in NUMBER_PATTERN.finditer(text):
        numeral = _read(match, text)
        if numeral is not None:
            yield numeral
        elif match.group("ratio"):  # "12 out of 10", "12 in six boxes": no share, two numbers
            yield from _ratio_parts(match)
        elif match.group("words") and " and " in match.group("words").lower():
            yield from _word_parts(match)  # "between minus ten and fifteen": two numbers, not one


def _word_parts(match: re.Match[str]) -> Iterator[Numeral]:
    offset = match.start("words")
    for index, part in enumerate(re.split(r"(\s+and\s+)", match.group("words"), flags=re.I)):
        if index % 2 == 0 and (value := words_value(part)) is not None:
            start = offset if index else match.start()
            sign = -1 if index == 0 and match.group("sign") else 1
            yield Numeral(start, offset + len(part), sign * value, "words", number_start=offset)
        offset += len(part)


def _ratio_parts(match: re.Match[str]) -> Iterator[Numeral]:
    for part in re.finditer(r"\S+", match.group("ratio")):
        if part.group().lower() in ("in", "out", "of"):
            continue
        start, end = match.start("ratio") + part.start(), match.start("ratio") + part.end()
        if part.group().isdigit():
            yield Numeral(start, end, float(part.group()), "digits", plain_integer=True, number_start=start)
        elif (value := words_value(part.group())) is not None:
            yield Numeral(start, end, value, "words", number_start=start)


def _read(match: re.Match[str], text: str = "") -> Numeral | None:
    numeral = _read_unsigned(match, text)
    if numeral is not None and (match.group("sign") or match.group("currency_sign")):
        numeral.value = -numeral.value
        if numeral.low is not None and numeral.high is not None:  # "minus tens of thousands"
            numeral.low, numeral.high = -numeral.high, -numeral.low
    return numeral


def _read_unsigned(match: re.Match[str], text: str) -> Numeral | None:
    currency = CURRENCY_SYMBOLS.get(match.group("currency") or "", None)
    if match.group("currency") and currency is None:
        currency = CURRENCY_SYMBOLS.get(match.group("currency").rstrip("."), None)
    number_start = match.start("digits") if match.group("digits") else match.start("words") if match.group("words") else match.start()
    if match.group("fraction"):  # "two-thirds of the 600 soldiers": a share of a whole
        words = re.split(r"[\s-]+", match.group("fraction").lower())
        numerator = _NUMERATORS.get(words[0], 1) if len(words) > 1 else 1
        if numerator >= _DENOMINATORS[words[-1]]:  # "nine quarters of growth", "the two halves": a count, no share
            start = match.start("fraction")
            return Numeral(start, start + len(words[0]), float(numerator), "words", number_start=start)
        if of_a_unit := _OF_A_UNIT.match(text, match.end()):  # "a quarter of an hour": 0.25 hours, no share
            return Numeral(match.start(), of_a_unit.end(), numerator / _DENOMINATORS[words[-1]], "words",
                           number_start=match.start())
        share = numerator / _DENOMINATORS[words[-1]] * 100
        return Numeral(match.start(), match.end(), share, "fraction", number_start=match.start())
    if match.group("ratio"):  # "one in five adults": a share, 20%
        numerator, denominator = (words_value(part) if part[0].isalpha() else float(part)
                                  for part in re.split(r"\s+(?:in|out\s+of)\s+", match.group("ratio").lower()))
        if numerator is None or not denominator or numerator >= denominator:
            return None
        return Numeral(match.start(), match.end(), numerator / denominator * 100, "fraction", number_start=match.start())
    if match.group("fold"):  # "sixfold"
        value = words_value(match.group("fold").lower().removesuffix("fold").rstrip("-"))
        return None if value is None else Numeral(match.start(), match.end(), value, "fold", number_start=match.start())
    if match.group("vague"):
        low, high = vague_interval(match.group("vague"))
        return Numeral(match.start(), match.end(), (low + high) / 2, "vague", currency, low=low, high=high,
                       number_start=match.start("vague"))
    if match.group("feetinches"):
        value = int(match.group("feet")) + float(match.group("inches")) / 12
        return Numeral(match.start(), match.end(), value, "digits", number_start=match.start(), unit="foot")
    if match.group("twounits"):
        return _two_units(match)
    if match.group("glued"):  # "41/2 months": 4 1/2
        numerator, denominator = int(match.group("gluednumerator")), int(match.group("glueddenominator"))
        value = int(match.group("gluedwhole")) + numerator / denominator
        return Numeral(match.start(), match.end(), value, "digits", currency, number_start=match.start("glued"))
    if match.group("slash"):
        numerator, denominator = int(match.group("numerator")), int(match.group("denominator"))
        if numerator >= denominator or numerator == 0:
            return None
        value = int(match.group("whole") or 0) + numerator / denominator
        return Numeral(match.start(), match.end(), value, "digits", currency, number_start=match.start("slash"))
    if match.group("digits"):
        return _read_digits(match, text, currency, number_start)
    words = match.group("words")
    value = words_value(words)
    if value is None:
        return None
    if match.group("andhalf"):  # "two and a half miles"
        value += 0.5
    if match.group("wordfold"):  # "sixfold"
        return Numeral(match.start(), match.end(), value, "fold", number_start=number_start)
    scale = re.search(r"(hundred|thousand|million|billion|trillion|lakh|crore)$", words.lower())
    magnitude = UNITS_WORDS.get((match.group("wordmag") or "").lower(), 1.0)
    # the magnitude the words end in lets "four to five thousand" read as 4,000 to 5,000
    written = magnitude * (UNITS_WORDS.get(scale.group(1), 1.0) if scale else 1.0)
    return Numeral(match.start(), match.end(), value * magnitude, "words", currency, written,
                   number_start=number_start)


def _read_digits(match: re.Match[str], text: str, currency: str | None, number_start: int) -> Numeral | None:
    digits = re.sub(f"[ ,{_SPACES}]", "", match.group("digits"))
    if match.group("digitfold"):  # "a 3-fold rise"
        return Numeral(match.start(), match.end(), float(digits), "fold", number_start=number_start)
    suffix = match.group("suffix") or ""
    end = match.end()
    if suffix == "m" and currency is None and (_METRE_CONTEXT.match(text, end)
                                                or (_METRE_BEFORE.search(text, max(0, match.start() - 40), match.start())
                                                    and not _FINANCE.search(text, max(0, match.start() - 80), match.start()))):
        suffix, end = "", match.end("suffix") - 1  # "1.5m high": metres (read as a unit next)
    magnitude_words = ("million" if match.group("mm") else  # "$15MM", as baseball's trade press writes millions
                       (suffix or match.group("magword") or match.group("spaced") or "").lower())
    magnitude = 1.0
    for word in re.split(r"[\s-]+", magnitude_words):
        magnitude *= MAGNITUDE_SUFFIXES.get(word, 1.0)
    exponent = match.group("exponent")
    power = 1.0
    if exponent:
        written = re.sub(r"^\s?[×x*]\s?10\^?\s?|^[eE]", "", exponent).translate(_SUPERSCRIPTS).replace("−", "-")
        try:
            power = 10.0 ** int(written.replace("+", ""))
        except (ValueError, OverflowError):
            return None
    try:
        value = (float(digits) + VULGAR_FRACTIONS.get(match.group("vulgar") or "", 0.0)) * magnitude * power
    except (ValueError, OverflowError):
        return None
    if not math.isfinite(value):
        return None  # a number too large to be a quantity anyone reports
    if match.group("vulgar") == "\ufffd":  # "4\ufffd months": more than 4, less than 5
        low, high = float(digits) * magnitude * power, (float(digits) + 1) * magnitude * power
        return Numeral(match.start(), end, (low + high) / 2, "vague", currency, low=low, high=high,
                       number_start=number_start)
    plain = digits.isdigit() and magnitude == 1.0 and currency is None and not exponent and digits == match.group("digits")
    return Numeral(match.start(), end, value, "digits", currency, magnitude, plain_integer=plain, number_start=number_start)


#: scales the number-words reader (text2num) does not know
_BIG_SCALES = {"trillion": 1e12, "lakh": 1e5, "crore": 1e7}


def words_value(words: str) -> float | None:
    """'twenty-five' -> 25, 'two hundred thousand' -> 200000, 'half a million' -> 500000, 'a dozen' -> 12.

    Cardinals are read by text2num; this adds what it leaves out: 'a'/'half a' before a scale, dozens, and the
    scales trillion, lakh and crore."""
    tokens = [token for token in re.split(r"[\s-]+", words.lower()) if token]
    factor = 1.0
    if tokens[:1] == ["half"]:
        factor, tokens = 0.5, tokens[1:]
    if tokens[:1] in (["a"], ["an"]):
        tokens = ["one", *tokens[1:]]
    if tokens and tokens[-1] in ("dozen", "dozens"):
        factor, tokens = factor * 12, tokens[:-1]
        if not tokens:
            return factor
    value = _cardinal(tokens)
    return None if value is None else value * factor


def _cardinal(tokens: list[str]) -> float | None:
    while tokens and tokens[0] == "and":
        tokens = tokens[1:]
    if not tokens:
        return None
    for index, token in enumerate(tokens):
        if token in _BIG_SCALES:
            left = _cardinal(tokens[:index]) if index else 1.0
            right = _cardinal(tokens[index + 1:]) if index + 1 < len(tokens) else 0.0
            return None if left is None or right is None else left * _BIG_SCALES[token] + right
    try:
        return float(text2num(" ".join(tokens), "en"))
    except ValueError:  # not one number ("one two")
        return None


def vague_interval(phrase: str) -> tuple[float, float]:
    phrase = " ".join(phrase.lower().split())
    if phrase in VAGUE:
        low, high = VAGUE[phrase]
        return float(low), float(high)
    multiplier, _, scale = phrase.rpartition(" ")
    low, high = VAGUE_MULTIPLIERS[multiplier]
    return float(low * UNITS_WORDS[scale]), float(high * UNITS_WORDS[scale])


def _two_units(match: re.Match) -> Numeral | None:
    """ "2 hours and 26 minutes" as 2.43 hours."""
    values = [float(part) if part.isdigit() else words_value(part.lower())
              for part in (match.group("larger"), match.group("smaller"))]
    if None in values:
        return None
    return Numeral(match.start(), match.end(), values[0] + values[1] / 60, "digits", number_start=match.start(),
                   unit="hour" if match.group("hours") else "minute")
