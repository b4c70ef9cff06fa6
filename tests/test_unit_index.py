"""The shipped unit index: in step with quantulum3 and pint, and enough to read common units without them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_index_is_what_the_script_builds() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_unit_index
    finally:
        sys.path.pop(0)
    shipped = (ROOT / "claimcheck" / "extraction" / "unit_index.json").read_text(encoding="utf-8")
    assert shipped == build_unit_index.render(build_unit_index.build()), \
        "unit_index.json is out of date: run python scripts/build_unit_index.py"


@pytest.mark.parametrize(("window", "expected"), [
    (" km from the border", ["kilometer", 3, "physical"]),
    (" square miles of forest", ["mile ** 2", 13, "physical"]),
    ("-mile stretch", ["mile", 5, "physical"]),
    (" tonnes.", ["metric_ton", 7, "physical"]),
    (" people", None),
    (" km/h on the road", "ask"),
    (" km2 of land", "ask"),
])
def test_index_readings(window: str, expected) -> None:
    from claimcheck.extraction import unit_index

    found = unit_index.quantulum_reading(window)
    assert (("ask" if found is unit_index.ASK else found) == expected)


def test_plain_units_read_without_building_pint_or_quantulum() -> None:
    code = ("import sys, claimcheck\n"
            "claims = claimcheck.extract_text('The convoy drove 25 km to the border, and 300 people fled 4 miles.')\n"
            "print([(c.value, c.unit) for c in claims], 'pint' in sys.modules, 'quantulum3' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "[(25.0, 'kilometer'), (300.0, 'count'), (4.0, 'mile')] False False"
