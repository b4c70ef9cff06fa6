"""The one unit registry every stage speaks.

pint's default registry treats ``count`` as dimensionless, so 5 counts would convert to
500 percent.  claimcheck gives counted things, percentage points and each ISO 4217
currency a dimension of their own, so that only like can be compared with like.
"""

from __future__ import annotations

import importlib.resources
from functools import lru_cache
from typing import TYPE_CHECKING

from .memo import memo

if TYPE_CHECKING:  # pint (and numpy with it) is imported on first use: a re-run answered from the cache needs neither
    import pint

def currencies() -> list[str]:
    """ISO 4217 codes known to the registry, every one pycountry lists (each its own dimension: no exchange rates)."""
    import pycountry

    return sorted(currency.alpha_3 for currency in pycountry.currencies)


_EXTRA_DEFINITIONS = [
    "percentage_point = [percentage_point] = _ = percentage_points",
    "basis_point = 0.01 * percentage_point = _ = basis_points",
    "ppb = 1e-3 * ppm",
    # "minus 17 degrees": a temperature whose scale the text does not name (comparable only with another such)
    "degree_unspecified = [temperature_on_an_unnamed_scale]",
]


def _definitions() -> list[str]:
    package = importlib.resources.files("pint")
    text = (package / "default_en.txt").read_text(encoding="utf-8")
    text = text.replace("@import constants_en.txt", (package / "constants_en.txt").read_text(encoding="utf-8"))
    if "\ncount = []\n" not in text:  # pragma: no cover - guards against a changed pint file
        raise RuntimeError("pint's default definitions no longer define 'count = []'")
    text = text.replace("\ncount = []\n", "\ncount = [count]\n")
    # bits and bytes are information, not shares of a whole: 256 GB is never 256% of anything
    if "\nbit = []\n" not in text:  # pragma: no cover - guards against a changed pint file
        raise RuntimeError("pint's default definitions no longer define 'bit = []'")
    text = text.replace("\nbit = []\n", "\nbit = [information]\n")
    # parts per million (and billion) measure a concentration, compared only with one another
    if "\nppm = 1e-6\n" not in text:  # pragma: no cover - guards against a changed pint file
        raise RuntimeError("pint's default definitions no longer define 'ppm = 1e-6'")
    text = text.replace("\nppm = 1e-6\n", "\nppm = [concentration]\n")
    # in news "three decades" is 30 years, never pint's logarithmic decade (a factor of ten)
    if "\ndecade = 1 ; logbase: 10; logfactor: 1\n" not in text:  # pragma: no cover - guards against a changed pint file
        raise RuntimeError("pint's default definitions no longer define the logarithmic 'decade'")
    text = text.replace("\ndecade = 1 ; logbase: 10; logfactor: 1\n", "\ndecade = 10 * year = _ = decades\n")
    # in news a barrel is a barrel of oil, 42 US gallons (159 litres), not pint's 31.5-gallon barrel of other liquids
    if "\n    barrel = 31.5 * gallon = bbl\n" not in text:  # pragma: no cover - guards against a changed pint file
        raise RuntimeError("pint's default definitions no longer define 'barrel = 31.5 * gallon'")
    text = text.replace("\n    barrel = 31.5 * gallon = bbl\n", "\n    barrel = 42 * gallon = bbl\n")
    return text.splitlines() + _EXTRA_DEFINITIONS + [f"{code} = [currency_{code}]" for code in currencies()]


@lru_cache(maxsize=1)
def get_registry() -> "pint.UnitRegistry":
    """The shared registry (built once, on first use). pint keeps its parse of the definitions in the user's
    cache folder, which saves most of the time building it takes; without a writable one it is built afresh.
    pint's own doubts about ambiguous names ("mins") are not for users: its log shows errors only."""
    import logging

    import pint

    logging.getLogger("pint").setLevel(logging.ERROR)

    lines = _definitions()
    try:
        return _cached_registry("\n".join(lines) + "\n")
    except Exception:  # no cache folder, or one pint cannot use: build from the definitions
        registry = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=True)
        registry.load_definitions(lines)
        return registry


def _cached_registry(definitions: str) -> "pint.UnitRegistry":
    import hashlib
    import os
    import tempfile

    import pint

    from platformdirs import user_cache_dir

    folder = os.path.join(user_cache_dir("claimcheck"), "units")
    path = os.path.join(folder, f"definitions-{hashlib.sha256(definitions.encode()).hexdigest()[:16]}.txt")
    if not os.path.exists(path):
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(definitions)
        os.replace(temporary, path)
    return pint.UnitRegistry(path, cache_folder=folder, autoconvert_offset_to_baseunit=True)


@memo("pint-dimensions")
def dimensionality(unit: str) -> str:
    """pint's dimensionality of a unit ('kilometer ** 2' -> '[length] ** 2'): remembered across runs, so that a
    re-run that extracts an edited document or regroups a few facts need not import pint; the units that unit
    reading gives are answered from its shipped index, so that a first run need not build pint's registry either."""
    from .extraction.unit_index import dimension

    return dimension(unit) or str(get_registry().Unit(unit).dimensionality)


def convertible(first: str, second: str) -> bool:
    """Whether a figure in one unit can restate a figure in the other: one unit, or two of one kind (lengths, masses,
    money); never a count ("20 km (12.5 miles)", not "2 (3)")."""
    from .money import is_currency

    if first == second or "count" in (first, second):
        return first == second != "count"
    if is_currency(first) or is_currency(second):
        return is_currency(first) and is_currency(second)
    return dimensionality(first) == dimensionality(second)


def canonical_unit(name: str) -> str:
    """pint's canonical spelling of a unit name: 'kilometres' -> 'kilometer', 'km**2' -> 'kilometer ** 2'."""
    return str(get_registry().Unit(name))


def is_known_unit(name: str) -> bool:
    try:
        get_registry().Unit(name)
    except Exception:  # pint raises many unrelated types (and asserts) for text that is no unit
        return False
    return True


def quantity(value: float, unit: str) -> pint.Quantity:
    return get_registry().Quantity(value, unit)
