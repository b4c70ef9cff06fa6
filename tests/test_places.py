"""Places: the cities a sentence names, and a page's one sub-place of its headline's city."""

from __future__ import annotations

import claimcheck
from claimcheck.facts import build_facts, totals_scope
from claimcheck.places import cities_named
from claimcheck.rules.loader import load_rules


def test_the_cities_a_sentence_names_leave_out_datelines_acronyms_sources_and_countries():
    sentence = ("BAGHDAD (AFP) - IRNA said the quake, felt in Tabriz and in Armenia, was measured by Tehran "
                "University's Geophysics Institute.")
    assert cities_named(sentence, "Tehran University's Geophysics Institute") == frozenset({"Tabriz"})
    assert cities_named("In Lahore, 1,870 cases have been reported.") == frozenset({"Lahore"})


def test_a_pages_rupees_are_the_money_of_the_country_its_cities_are_in():
    [grant, _cases] = claimcheck.extract_text("The province announced Rs800 million for hospitals.\n"
                                             "In Lahore, 1,870 cases have been reported.\n")
    assert (grant.value, grant.unit) == (8e8, "PKR")


def test_a_city_two_countries_have_says_nothing_of_the_money_and_a_province_does():
    [losses] = claimcheck.extract_text("Hyderabad's power company put its losses at Rs2.3 billion.\n"
                                       "The heat wave in Hyderabad eased on Friday.\n")
    [grant] = claimcheck.extract_text("Hyderabad's power company put its losses at Rs2.3 billion.\n"
                                      "The heat wave across Sindh eased on Friday.\n")
    assert (losses.unit, grant.unit) == ("INR", "PKR")  # the rupee read alone stays Indian; Sindh is Pakistan's


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


def test_a_total_stands_for_the_places_of_its_own_outcome_only():
    # the dead are split by town: the unplaced dead are both towns' ...
    assert _scopes("Floods hit eastern Nepal\nThe floods killed 12 people in Dharan and 8 people in Itahari.\n"
                   "Altogether 20 people died, police said.\n")["20"] == "Dharan and Itahari"
    # ... the hurt taken to two cities' hospitals are no split of the dead
    assert _scopes("Coach crash kills seven\nSeven people died in the crash near Espiel.\nTwelve injured people were "
                   "taken to hospitals in Cordoba and Seville.\nSix people died at the scene, police said.\n") == {}


def test_a_place_overlaps_its_country_its_parts_and_lists_that_name_it():
    from claimcheck.places import overlap

    assert overlap("NW Iran", "Iran") and overlap("Tabriz", "Iran") and overlap("Iran", "northern Iran")
    assert overlap("Perm", "Russia") and overlap("Juchitan and Oaxaca", "Oaxaca") and overlap("Ahar and Varzaqan", "Iran")
    assert not overlap("Syria and Iraq", "Syria") and not overlap("Tabriz and Ahar", "Tabriz")
    assert not overlap("Tabriz", "Ahar") and not overlap("northern Iraq", "Syria") and not overlap("Tabriz", "Turkey")
    # one place called with and without its kind
    assert overlap("Gaza Strip", "Gaza") and overlap("Kogi State", "Kogi") and overlap("Sindh province", "Sindh")
    assert not overlap("Gaza Strip", "Kogi") and not overlap("Lagos State", "Kogi State")
    # a place told as another's lies in it
    assert overlap("California's Napa Valley", "California") and overlap("Iran's Bushehr", "Iran")
    assert overlap("Pakistan and Peshawar's Khyber Bazaar", "Peshawar") and not overlap("Iran's Bushehr", "Iraq")
    # a sea or a gulf borders several countries; two seas are two places, and a town called "X Bay" is a town
    assert overlap("Gulf", "Iran") and overlap("the Persian Gulf", "Qeshm") and overlap("Gulf of Aden", "Somalia")
    assert overlap("Arabian Sea", "India") and not overlap("Gulf of Aden", "Gulf of Mexico")
    assert not overlap("Green Bay", "Iran")


def test_a_sea_named_after_a_city_is_no_city():
    from claimcheck.places import canonical_city, cities_named, city_named

    assert canonical_city("Gulf of Aden") is None and city_named("Gulf of Aden") is None
    assert cities_named("Pirates attacked a tanker in the Gulf of Aden on Monday.") == frozenset()
    assert cities_named("The ship docked at Aden on Monday.") == {"Aden"}


def _facts_of_leads(documents: dict[str, str]) -> list[list[str]]:
    """The figures of each fact the second lines of ``documents`` (name -> text) form, as one event's."""
    claims = [claim for doc, text in documents.items() for claim in claimcheck.extract_text(text, doc=doc)
              if claim.line == 2]
    facts = build_facts(claims, load_rules().synonyms, events={doc: "e1" for doc in documents})
    return sorted(sorted(claim.text for claim in fact.claims) for fact in facts)


def test_one_quakes_toll_told_of_its_country_and_of_its_towns_is_one_fact_and_two_towns_tolls_are_two():
    documents = {
        "a.txt": "Quake kills 250 in Iran\nAn earthquake killed 250 people in Iran on Saturday, officials said.\n",
        "b.txt": "Toll rises in NW Iran quake\nThe earthquake killed 306 people in NW Iran, officials said on Sunday.\n",
        "c.txt": "Tabriz mourns\nThe earthquake killed 40 people in Tabriz, the city's governor said.\n",
        "d.txt": "Ahar mourns\nThe earthquake killed 12 people in Ahar, the town's mayor said.\n",
    }
    assert _facts_of_leads(documents) == [["12"], ["250", "306", "40"]]


def test_a_province_lies_in_its_country():
    from claimcheck.places import overlap

    assert overlap("Aceh", "Indonesia") and overlap("Morelos", "Mexico") and not overlap("Aceh", "Mexico")
    # a country named with a direction is itself, not a part of another
    assert not overlap("South Sudan", "Sudan") and not overlap("Khartoum", "South Sudan") and overlap("Juba", "South Sudan")


def test_a_citys_other_names_count_from_five_letters_and_never_as_airport_codes():
    from claimcheck.places import canonical_city

    assert (canonical_city("Salonika"), canonical_city("Bombay")) == ("Thessaloniki", "Mumbai")
    assert (canonical_city("Yida"), canonical_city("Sol"), canonical_city("MEX")) == (None, None, None)


def test_a_place_told_with_a_direction_or_its_country_is_that_place():
    from claimcheck.places import overlap, within

    assert within("Central Aceh", "Aceh") and within("northern Iraq", "Iraq") and not within("South Sudan", "Sudan")
    # a list of a place and the place that holds it is the smaller place told with its country
    assert overlap("Aceh", "Central Aceh and Indonesia") and overlap("Aceh and Central Aceh", "Aceh")
    assert not overlap("Central Aceh and Indonesia", "Mexico") and not overlap("Syria and Iraq", "Syria")


def test_cities_that_adjoin_are_one_place_a_figure_is_told_of():
    from claimcheck.places import overlap

    # a strike on a school in the Jabalya camp, told of the camp and of Gaza City 3 km away
    assert overlap("Jabalya", "Gaza") and overlap("Athens", "Piraeus")
    assert not overlap("Rafah", "Gaza") and not overlap("Tabriz", "Ahar")  # 31 and 81 km apart


def test_what_stands_at_a_place_and_is_named_after_it_is_that_place():
    from claimcheck.places import overlap

    assert overlap("Brennock Valley State Prison", "Brennock Valley") and overlap("Horna Vrana coal mine", "Horna Vrana")
    assert overlap("Athens", "Athens airport")
    assert not overlap("Porto", "Porto Salvo") and not overlap("Kabul", "Bagram air base")


def test_a_village_no_gazetteer_knows_may_lie_in_a_country_and_its_toll_joins_the_countrys():
    from claimcheck.places import overlap

    assert overlap("Um Ruwaba", "Sudan") and overlap("Sudan", "Um Ruwaba")
    assert not overlap("Um Ruwaba", "Khartoum") and not overlap("Tabriz", "Sudan")  # a known city lies where it lies
    documents = {
        "a.txt": "Market blast\nThe blast killed nine people in Um Ruwaba on Friday, police said.\n",
        "b.txt": "Sudan blast\nThe blast killed 11 people in Sudan on Friday, officials said.\n",
        "c.txt": "Sudan blast\nThe blast killed 14 people in Sudan's North Kordofan state, a medic said.\n",
    }
    assert _facts_of_leads(documents) == [["11", "14", "nine"]]


def test_a_figure_that_names_no_place_joins_the_place_its_paragraph_gives_before_the_largest():
    from claimcheck.facts import gathered

    lines = {"syria": ("a.txt", 2), "monitor": ("a.txt", 2), "iraq-1": ("a.txt", 3), "iraq-2": ("a.txt", 4)}
    members = [(0, "syria", None, "Syria"), (1, "monitor", None, None), (2, "iraq-1", None, "Iraq"),
               (3, "iraq-2", None, "Iraq")]
    formed = gathered(("people", "[count]", "displaced", "count", "e1", None), members, lines.__getitem__)
    assert sorted(forming.claims for _, forming in formed) == [["iraq-1", "iraq-2"], ["syria", "monitor"]]


def test_a_place_after_a_word_for_where_it_lies_is_where_the_figure_is():
    [drowned] = claimcheck.extract_text("In neighbouring Gujarat, 14 people drowned in the floods on Sunday.")
    [cut_off] = claimcheck.extract_text("Landslides cut off 30 villages in nearby Kasese.")
    assert (drowned.place, cut_off.place) == ("Gujarat", "Kasese")


def test_figures_joined_by_and_share_the_place_told_after_them_and_where_the_happening_struck():
    died, injured = claimcheck.extract_text("Four people died and 30 were injured as a storm swept across Ontario.")
    assert (died.place, injured.place) == ("Ontario", "Ontario")
    [held] = claimcheck.extract_text("About 2,500 fighters stayed in the town, as rebels held Kadugli.")
    assert held.place is None  # a clause about something else names no place of the figure


def test_the_ends_of_a_route_are_no_place_of_the_figure_and_a_name_may_hold_two_particles():
    from claimcheck.extraction.phrases import names, tokenize

    text = "In Paris, 48,000 people marched from Place de la Republique to Place de la Nation."
    assert [name.text for name in names(tokenize(text))] == ["Paris", "Place de la Republique", "Place de la Nation"]
    [marched] = claimcheck.extract_text(text)
    [fled] = claimcheck.extract_text("About 300 refugees fled from Syria to Turkey on Monday.")
    assert (marched.place, fled.place) == ("Paris", "Syria and Turkey")  # a country is a place on any route
