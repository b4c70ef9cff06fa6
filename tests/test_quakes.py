"""Which quake a magnitude is of: a seismologist's "M6.7", the second of twin quakes."""

from __future__ import annotations

import pytest

import claimcheck


def _magnitudes(text: str) -> list[tuple[str, str | None]]:
    return [(claim.text, claim.subject) for claim in claimcheck.extract_text(text) if claim.type == "magnitude"]


@pytest.mark.parametrize("text, expected", [
    ("M4.1 quake rattles Sonoma County", [("4.1", None)]),
    ("An M6.7 earthquake struck; the largest aftershock was an M5.4.", [("6.7", None), ("5.4", "aftershock")]),
    ("Mw 7.6 quake hits Papua", [("7.6", None)]),
    ("Trucks on the M4 motorway and B52 bombers", []),
])
def test_a_magnitude_written_the_seismologists_way_is_read(text, expected):
    assert _magnitudes(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A second quake, measured by the USGS at 7.4, hit about three hours later.", [("7.4", "second quake")]),
    ("A second quake of magnitude 7.3 struck about three hours later, the USGS said.", [("7.3", "second quake")]),
    ("The first tremor, with a magnitude of 7.6, was followed about three hours later by a second, measuring 7.4.",
     [("7.6", None), ("7.4", "second quake")]),
    ("The first quake measured 7.2 on the Richter scale and the second 7.6, the agency said.",
     [("7.2", None), ("7.6", "second quake")]),
    # the page's own quake, the second of a week: not the later of twins
    ("It was the second major quake in a week, a magnitude 6.1.", [("6.1", None)]),
])
def test_the_second_of_twin_quakes_has_a_magnitude_of_its_own(text, expected):
    assert _magnitudes(text) == expected
