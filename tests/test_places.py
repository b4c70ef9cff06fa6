"""Places: the cities a sentence names, and a page's one sub-place of its headline's city."""

from __future__ import annotations

import claimcheck
from claimcheck.facts import totals_scope
from claimcheck.places import cities_named
from claimcheck.rules.loader import load_rules


def test_the_cities_a_sentence_names_leave_out_datelines_acronyms_sources_and_countries():
    sentence = ("BAGHDAD (AFP) - IRNA said the quake, felt in Tabriz and in Armenia, was measured by Tehran "
                "University's Geophysics Institute.")
    assert cities_named(sentence, "Tehran University's Geophysics Institute") == frozenset({"Tabriz"})


def _scopes(text: str) -> dict[str, str]:
    claims = claimcheck.extract_text(text, doc="a.txt")
    scopes = totals_scope(claims, load_rules().synonyms)
    return {claim.text: scopes[id(claim)] for claim in claims if id(claim) in scopes}


def test_a_pages_one_sub_place_of_a_measure_is_its_headlines_city():
    # the square is Baghdad's: its toll is Baghdad's, to be set against other pages' tolls of Baghdad
    assert _scopes("Twin suicide bombings kill 32 in Baghdad market\n"
                   "Two suicide bombers blew themselves up in a busy market in Baghdad on Thursday, officials said.\n"
                   "The militants said they had killed about 80 people in Tayaran Square.\n") == {"about 80": "Baghdad"}


def test_a_page_that_splits_a_measure_between_two_sub_places_keeps_each():
    text = ("Bombings kill 55 in Baghdad\n"
            "Car bombs struck two districts of Baghdad on Thursday, officials said.\n"
            "The bombs killed 27 people in Sadr City and 28 people in Kadhimiya.\n")
    assert [(claim.text, claim.place) for claim in claimcheck.extract_text(text) if claim.measure == "people"] == [
        ("55", "Baghdad"), ("27", "Sadr City"), ("28", "Kadhimiya")]
    assert _scopes(text) == {}
