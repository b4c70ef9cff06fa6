"""Unit readings looked up in a shipped index instead of worked out by quantulum3 and pint.

Building pint's registry and compiling quantulum3's unit pattern take about two seconds, paid by every run on a
fresh user cache. Almost every unit written in news is one plain name or symbol ("km", "square miles", "tonnes"),
whose reading does not depend on the words around it: ``unit_index.json`` holds those readings, generated from
quantulum3 and pint by ``scripts/build_unit_index.py`` (a test keeps it in step with them). Only a phrase the index
cannot answer (an ambiguous symbol, a compound such as "km per hour") is handed to quantulum3 or pint.
"""

from __future__ import annotations

import importlib.resources
import json
import re
from functools import lru_cache

INDEX_FILE = "unit_index.json"

#: what may follow a unit and make it part of a larger one ("km / h", "miles per hour", "m^2", "km²")
_COMPOUND_AFTER = re.compile(r"\s*(?:/|\^|²|³|\*|-?\s*(?:per|squared|cubed|an?\s+(?:hour|second|minute)|square|cubic)\b)", re.I)
_WORD = re.compile(r"[^\s-]+")
#: a glued exponent ("km2", "m3"), or anything else that only quantulum3 reads as part of a unit
_COMPOUND_ANYWHERE = re.compile(r"[/^²³]|[A-Za-z][23]\b|\b(?:per|squared|cubed|square|cubic)\b", re.I)


@lru_cache(maxsize=1)
def index() -> dict:
    """The shipped index (read once)."""
    text = (importlib.resources.files(__package__) / INDEX_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def first_words() -> frozenset[str]:
    return _first_words()


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(index()["first_words"])


_MISSING = object()
#: the answer when only quantulum3 can tell
ASK = object()


def quantulum_reading(window: str) -> list | None | object:
    """The reading of the unit that starts ``window`` as [unit, length, kind], None for no unit, or ``ASK`` when
    only quantulum3 can tell (an ambiguous or compound unit). The index maps each written form to [unit, kind],
    to false (quantulum3 reads no unit there) or to null (its reading depends on the words around it)."""
    words = list(_WORD.finditer(window))
    if not words:
        return None
    surfaces = index()["surfaces"]
    longest = min(len(words), index()["max_words"])
    for count in range(longest, 0, -1):
        end = words[count - 1].end()
        phrase = " ".join(window[words[0].start():end].split())
        found = surfaces.get(phrase, _MISSING)
        if found is _MISSING and phrase.endswith(".") and len(phrase) > 1:  # "5 km." at a sentence's end
            end, phrase = end - 1, phrase[:-1]
            found = surfaces.get(phrase, _MISSING)
        if found is _MISSING:
            continue
        if found is None or _COMPOUND_AFTER.match(window, end):
            return ASK
        if found is False:
            return None
        unit, kind = found
        return [unit, end, kind]
    return ASK if _COMPOUND_ANYWHERE.search(window) else None


def pint_word(word: str) -> str | None:
    """pint's physical unit for one lower-case word (bare, plural, or with a common SI prefix), else None."""
    return index()["pint_words"].get(word)


def pint_pair(pair: str) -> str | None:
    """pint's physical unit for two words joined by an underscore ("nautical_mile"), else None."""
    return index()["pint_pairs"].get(pair)


def dimension(unit: str) -> str | None:
    """pint's dimensionality of a canonical unit the index knows (or of a rate of two it knows, "barrel / day"),
    else None."""
    dimensions = index()["dimensions"]
    found = dimensions.get(unit)
    if found is None and unit.count(" / ") == 1:
        over, under = (dimensions.get(part) for part in unit.split(" / "))
        if over and under and over != "dimensionless" and "/" not in over and re.fullmatch(r"\[\w+\]", under):
            return f"{over} / {under}"
    return found
