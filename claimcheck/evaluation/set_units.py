"""Gold units of the public extraction sets in claimcheck's spelling, and head-noun matching for measures.

The sets write a unit as ``kind:name`` (``physical:meter``, ``currency:GBP``, ``percent:%``,
``noun:participant``, ``dimensionless:1``). claimcheck writes pint's canonical names, ``count`` for counted
things, ``percent`` and ISO 4217 codes. The mapping (also in docs/gold-format.md):

============================================  =====================================================
gold                                          claimcheck
============================================  =====================================================
``dimensionless:1``                           ``count`` (a bare number)
``percent:%``                                 ``percent``
``currency:USD`` (any three-letter code)      the code (codes claimcheck does not know stay unmatched)
``currency:cent`` / ``dime`` / ``penny``      ``USD`` × 0.01 / ``USD`` × 0.1 / ``GBP`` × 0.01
``currency:USD/hour`` (money per unit)        pint's spelling, ``USD / hour``
``physical:<name>``                           pint's canonical spelling (``kilometer ** 2``)
``noun:dozen`` / ``baker's dozen`` / ``gross``  ``count`` × 12 / 13 / 144
``noun:wt.%`` (``wt%``, ``wt. %``, ``vol%``)    ``percent`` (a percentage by weight or volume)
``noun:°n`` (``on``, ``° latitude``)           ``degree``
``noun:ppm by mass`` / ``noun:age``              ``ppm`` / ``year``
``noun:<a word pint knows>`` (bit, cup)        pint's spelling
``noun:<counted noun>`` (``participant``)      ``count``, and the noun is the measure's head
anything else                                 kept as written: no claim can be right on its unit
============================================  =====================================================

A counted noun is a ``noun:`` unit of letters and spaces that pint does not know, is not a rate ("per"), an
inverse unit, or one of the abbreviations and units the sets' converters left as nouns (``NOT_COUNTED``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..units import canonical_unit, is_known_unit

#: Money written in a subunit: claimcheck's currency and what one subunit is worth in it.
SUBUNITS = {"cent": ("USD", 0.01), "dime": ("USD", 0.1), "penny": ("GBP", 0.01)}
#: Nouns that multiply: "a dozen eggs" is 1 dozen to the set, 12 to claimcheck.
MULTIPLIERS = {"dozen": 12.0, "baker's dozen": 13.0, "gross": 144.0}
#: Noun units that are percentages or degrees written the way a field writes them.
NOUN_UNITS = {"wt.%": "percent", "wt%": "percent", "wt. %": "percent", "vol%": "percent",
              "°n": "degree", "on": "degree", "° latitude": "degree", "ppm by mass": "ppm", "age": "year"}
#: Noun units of the sets that are abbreviations or units, not things counted.
NOT_COUNTED = frozenset({"rp", "rrh", "byr", "mbsl", "ppq", "fold", "orders of magnitude", "scale height",
                         "saturn radii rs", "m thick"})
_LETTERS = re.compile(r"^[a-z][a-z ]*$")
#: Plurals the lemmatizer keeps as they are ("people" is its own lemma).
_IRREGULAR = {"people": ("person",), "person": ("people",)}


@dataclass(frozen=True)
class GoldUnit:
    """A gold unit: as the set writes it, in claimcheck's spelling, the factor from one to the other, and the
    counted noun's head when the unit is a thing counted."""

    written: str | None
    unit: str | None  # None: the gold gives no unit
    scale: float = 1.0  # gold value × scale = the value in ``unit`` (50 cents -> 0.5 USD)
    counted: str | None = None


@lru_cache(maxsize=1024)
def gold_unit(written: str | None) -> GoldUnit:
    """claimcheck's spelling of a set's ``kind:name`` unit (see the module's table)."""
    if not written:
        return GoldUnit(None, None)
    kind, _, name = written.partition(":")
    name = name.strip()
    if kind == "dimensionless":
        return GoldUnit(written, "count")
    if kind == "percent":
        return GoldUnit(written, "percent")
    if kind == "currency":
        if re.fullmatch(r"[A-Z]{3}", name):
            return GoldUnit(written, name)
        if name in SUBUNITS:
            code, scale = SUBUNITS[name]
            return GoldUnit(written, code, scale)
        return GoldUnit(written, _pint(name.replace("/", " / ")) or written)
    if kind == "physical":
        return GoldUnit(written, _pint(name) or written)
    if kind == "noun":
        lowered = name.lower()
        if lowered in MULTIPLIERS:
            return GoldUnit(written, "count", MULTIPLIERS[lowered])
        if lowered in NOUN_UNITS:
            return GoldUnit(written, NOUN_UNITS[lowered])
        if counted_noun(lowered):
            return GoldUnit(written, "count", counted=head_of(lowered))
        return GoldUnit(written, (_LETTERS.match(lowered) and _pint(lowered)) or written)
    return GoldUnit(written, written)


def counted_noun(name: str) -> bool:
    """Whether a ``noun:`` unit names a thing counted ("participant", "lines of code"), not a unit."""
    return bool(_LETTERS.match(name)) and name not in NOT_COUNTED and " per " not in f" {name} " \
        and not name.startswith("inverse ") and _pint(name) is None


def head_of(phrase: str) -> str:
    """The head noun of a noun phrase: the last word, or the last before "of" ("lines of code" -> "lines")."""
    before_of = phrase.split(" of ")[0]
    return before_of.split()[-1].lower()


def same_head(head: str, measure: str | None) -> bool:
    """Whether a measure's head noun (its last word) is ``head``, singular or plural ("cable" / "cables")."""
    if not measure or not measure.split():
        return False
    return bool(_forms(head.lower()) & _forms(measure.split()[-1].lower()))


@lru_cache(maxsize=4096)
def _forms(word: str) -> frozenset[str]:
    from ..measure_keys import singular

    forms = {word, singular(word), *_IRREGULAR.get(word, ())}
    for ending, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            forms.add(word[: -len(ending)] + replacement)
    return frozenset(forms)


@lru_cache(maxsize=1024)
def _pint(name: str) -> str | None:
    return canonical_unit(name) if name and is_known_unit(name) else None


__all__ = ["GoldUnit", "counted_noun", "gold_unit", "head_of", "same_head"]
