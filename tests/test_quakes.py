"""Which quake a magnitude is of: a seismologist's "M6.7", the second of twin quakes, the page's own quake told of as
"the quake", and two quakes of one country whose pages name different cities."""

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
    # a quake's magnitude told after the word, or another agency's reading of it in the next sentence
    ("The institute first reported the magnitude as 7.5 before revising it to 8.0.", [("7.5", None), ("8.0", None)]),
    ("Tehran's seismological centre measured the main shock at 5.9.", [("5.9", None)]),
    ("The survey put the magnitude at 6.8. A Turkish observatory gave 6.5, a usual spread.", [("6.8", None), ("6.5", None)]),
    ("The quake killed 12 people. Shares in Tokyo fell 2.5 points.", []),
    # the largest of the aftershocks a long clause tells of
    ("More than 60 aftershocks of magnitude 2.5 or greater were recorded in the first 24 hours, the largest a "
     "magnitude 5.2 event on Sunday morning.", [("2.5", "threshold"), ("5.2", "aftershock")]),
    # a difference between two agencies' readings is no magnitude
    ("A difference of 0.3 magnitude units between local and foreign estimates is common.", []),
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
    ("The quakes, of magnitude 6.4 and 6.3 according to the USGS, struck 11 minutes apart.",
     [("6.4", None), ("6.3", "second quake")]),
    ("Indonesian officials put the quakes at 7.2 and 7.6.", [("7.2", None), ("7.6", "second quake")]),
    ("The quake measured 5.2 and 5.6 by two agencies' reckonings.", [("5.2", None), ("5.6", None)]),
    ("The quake came less than two weeks after a magnitude 8.1 tremor off the coast killed nearly 100 people.",
     [("8.1", "earlier quake")]),
    ("It followed months of small tremors, including a magnitude 4.1 shock on March 30.", [("4.1", "another quake")]),
    # the page's own quake, the second of a week: not the later of twins
    ("It was the second major quake in a week, a magnitude 6.1.", [("6.1", None)]),
    # an agency's readings of both, the first named well before the second's figure
    ("Iran's Seismological Center at Tehran University put the magnitude of the first shock at 5.9 and the second "
     "at 5.7, slightly lower than the readings from the U.S. Geological Survey.", [("5.9", None), ("5.7", "second quake")]),
])
def test_the_second_of_twin_quakes_has_a_magnitude_of_its_own(text, expected):
    assert _magnitudes(text) == expected


def _findings(folder, pages: dict[str, str], rule: str = "magnitudes-agree") -> list:
    """The violated findings of a rule in a check of ``pages`` (name -> text), written into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [finding for finding in claimcheck.Checker().check([folder]).findings
            if finding.status == "violated" and finding.rule == rule]


def _violated(folder, pages: dict[str, str]) -> list[list[tuple[str, str]]]:
    return sorted(sorted((claim.doc.rsplit("/", 1)[-1], claim.text) for claim in finding.about)
                  for finding in _findings(folder, pages))


def test_twin_quakes_first_magnitudes_are_set_against_each_other_and_not_the_seconds(tmp_path):
    top = "Twin quakes rock Indonesia's Papua, killing four\n\n"
    found = _violated(tmp_path, {
        "a.txt": top + "The first quake, with a magnitude of 7.6, struck west of Manokwari before dawn, the U.S. "
                       "Geological Survey said.\nA second quake, measured by the USGS at 7.4, hit three hours later.\n",
        "b.txt": top + "The first quake, measuring 7.2 on the Richter scale, struck west of Manokwari, Indonesia's "
                       "Meteorology and Geophysics Agency said.\nThe second quake, measuring 7.6, struck three hours "
                       "later, the agency said.\n",
    })
    # the first quake: 7.6 by the survey, 7.2 by the agency; the second: 7.4 against 7.6. Never 7.4 against 7.2.
    assert found == [[("a.txt", "7.4"), ("b.txt", "7.6")], [("a.txt", "7.6"), ("b.txt", "7.2")]]


def test_a_pages_own_quake_told_of_as_the_quake_is_the_quake_the_other_page_names(tmp_path):
    found = _violated(tmp_path, {
        "a.txt": "Quake kills 18 in eastern Turkey\n\nA magnitude 6.8 earthquake struck Elazig province at 8:55 p.m. on "
                 "Friday, killing at least 18 people, officials said.\nRescuers pulled 30 people alive from 5 collapsed "
                 "buildings.\n",
        "b.txt": "Elazig quake toll climbs to 22\n\nRescuers searched 5 collapsed buildings in Elazig after the quake "
                 "struck at 8:55 p.m. on Friday.\nThe Kandilli Observatory measured the quake at 6.5.\nMore than 1,000 "
                 "people were hurt.\n",
    })
    assert found == [[("a.txt", "6.8"), ("b.txt", "6.5")]]


def test_two_quakes_of_one_country_whose_pages_name_other_cities_are_two_quakes(tmp_path):
    found = _violated(tmp_path, {
        "a.txt": "Quake kills 18 in eastern Turkey\n\nA magnitude 6.8 earthquake struck Elazig province on Friday, "
                 "killing at least 18 people, officials said.\nRescuers pulled 30 people alive from the rubble.\n",
        "b.txt": "Van quake kills 138 in eastern Turkey\n\nA magnitude 7.2 earthquake struck Van province on Sunday, "
                 "killing at least 138 people, officials said.\nThe Kandilli Observatory measured the quake at 7.0.\n"
                 "More than 1,000 people were hurt.\n",
        "c.txt": "Elazig quake toll climbs to 22\n\nRescuers searched 5 collapsed buildings in Elazig on Saturday.\n"
                 "The Kandilli Observatory measured the quake at 6.5.\nMore than 1,000 people were hurt.\n",
    })
    # one event of eastern Turkey, but Elazig's magnitudes are never set against Van's, however alike the pages
    assert found == [[("a.txt", "6.8"), ("c.txt", "6.5")]]


@pytest.mark.parametrize("first, second, low, high", [
    ("Elazig", "Van", 350, 375),  # two quakes of eastern Turkey
    ("Ahar", "Tabriz", 70, 90),  # one quake: the epicentre's town and the province's capital
])
def test_cities_lie_where_geonames_puts_them(first, second, low, high):
    from claimcheck.places import distance_km, location

    assert low <= distance_km(location(first), location(second)) <= high


def test_pages_naming_a_quakes_town_and_its_provinces_capital_tell_of_one_quake(tmp_path):
    found = _violated(tmp_path, {
        "a.txt": "Quake kills 87 in northwest Iran\n\nA magnitude 6.4 earthquake struck northwest Iran near Ahar on "
                 "Saturday, killing 87 people, officials said.\nRescuers pulled 30 people alive from the rubble.\n",
        "b.txt": "Quake kills 87 in northwest Iran\n\nAn earthquake struck northwest Iran on Saturday, killing 87 "
                 "people in villages outside Tabriz.\nIran's seismological centre measured the quake at 6.2.\n"
                 "Rescuers pulled 30 people alive from the rubble.\n",
    })
    assert found == [[("a.txt", "6.4"), ("b.txt", "6.2")]]


def test_each_agencys_depth_of_a_pages_quake_is_the_quakes_depth(tmp_path):
    findings = _findings(tmp_path, {
        "a.txt": "Magnitude 8.1 quake kills 32 off southern Mexico\n\nA magnitude 8.1 earthquake struck off the coast of "
                 "Chiapas at 11:49 p.m. on Thursday, killing at least 32 people, officials said.\nThe quake struck at a "
                 "depth of 70 km, according to the USGS.\nRescuers pulled 12 people from the rubble.\n",
        "b.txt": "Chiapas quake toll rises to 61\n\nThe toll from the 8.1 earthquake that struck off Chiapas at 11:49 p.m. "
                 "on Thursday rose to 61, officials said.\nMexico's national seismological service put the quake's depth "
                 "at 58 km.\nThe USGS said the quake struck 70 km deep.\nRescuers pulled 12 people from the rubble.\n",
    }, rule="figures-agree-across-sources")
    assert [[claim.text for claim in finding.about] for finding in findings] == [["70 km", "58 km"]]
    assert "the only depth each source gives, of a quake both name" in findings[0].message


def test_a_survey_that_measured_it_gives_the_magnitude_of_the_quake_the_sentence_before_tells_of(tmp_path):
    top = "Quake kills 150 in central Italy\n\nA strong earthquake struck the Abruzzo region at 3:32 a.m. on Monday, "
    found = _violated(tmp_path, {
        "a.txt": top + "killing at least 150 people, officials said.\nThe U.S. Geological Survey measured it at 6.3.\n"
                       "About 70,000 people were left homeless.\n",
        "b.txt": top + "killing at least 150 people, officials said.\nItaly's geophysics institute measured it at 5.8.\n"
                       "About 70,000 people were left homeless.\n",
    })
    assert found == [[("a.txt", "6.3"), ("b.txt", "5.8")]]


def test_another_agency_named_beside_a_magnitude_is_no_other_quake(tmp_path):
    # the INGV's words are an agency's name, not the name of another quake: the page's magnitudes are Abruzzo's quake's
    pages = {
        "a.txt": "Monday, 6 April 2009\n\nStrong quake hits central Italy\nAn earthquake of magnitude 6.2 hit the "
                 "Abruzzo region of central Italy early on Monday, killing more than 90 people.\n",
        "b.txt": "Monday, 6 April 2009\n\nQuake kills dozens in central Italy\nThe quake had a magnitude of 6.3, "
                 "according to the U.S. Geological Survey, while Italy's National Institute of Geophysics and "
                 "Volcanology (INGV) measured it at 5.8.\n",
    }
    assert _violated(tmp_path / "f", pages) == [[("a.txt", "6.2"), ("b.txt", "5.8")], [("a.txt", "6.2"), ("b.txt", "6.3")],
                                                [("b.txt", "5.8"), ("b.txt", "6.3")]]


def test_two_agencies_magnitudes_of_one_quake_are_one_fact_whichever_agency_measured():
    from claimcheck.facts import build_facts
    from claimcheck.rules.loader import load_rules

    pages = {"a.txt": "The US Geological Survey gives it a moment magnitude of 6.3, officials said.\n",
             "b.txt": "Italy's Civil Protection Department gives it a magnitude of 5.8, officials said.\n"}
    claims = [claim for doc, text in pages.items() for claim in claimcheck.extract_text(text, doc=doc)]
    assert [claim.actor for claim in claims] == ["US Geological Survey", "Italy's Civil Protection Department"]
    facts = build_facts(claims, load_rules().synonyms, events={doc: "e1" for doc in pages})
    assert [[claim.text for claim in fact.claims] for fact in facts] == [["6.3", "5.8"]]
    assert str(facts[0].key) == "magnitude | * | * | event e1 | [count]"  # the agency is a source, not an actor


def test_magnitudes_are_the_magnitude_rules_to_judge_never_within_five_percent(tmp_path):
    # two accounts of one quake, and a quake of 1908: the general rule called 5.8 against 5.9, and 5.9 against the
    # 1908 quake's 6.1, "consistent" within 5%; only the magnitude rule, to each figure's precision, judges them
    (tmp_path / "a.txt").write_text(
        "Quake shakes Marivel\nMARIVEL, May 3 - A magnitude 5.8 earthquake struck the Ostra coast on Friday, the "
        "national institute said.\nThe coast was last hit by a damaging quake in 1908, when a magnitude 6.1 shock "
        "killed more than 300 people.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Nine dead as 5.9 quake shakes Marivel\nMARIVEL, May 3 - The international network measured the quake on the "
        "Ostra coast at magnitude 5.9 on Friday.\nRescuers searched collapsed homes.\n", encoding="utf-8")
    result = claimcheck.Checker().check([tmp_path])
    assert [claim.value for claim in result.claims if claim.type == "magnitude"] == [5.8, 6.1, 5.9, 5.9]
    assert [finding.rule for finding in result.findings] == []


def test_a_lead_giving_each_agencys_reading_gives_the_quakes_magnitude_each(tmp_path):
    # the second page's lead gives two agencies' readings of its quake, and recalls the 2004 quake further down:
    # each reading is the page's own, so each is set against the first page's one magnitude
    found = _violated(tmp_path, {
        "a.txt": "\nSimeulue quake kills three\nJAKARTA, March 12 - A magnitude 7.2 earthquake that rocked Simeulue "
                 "island in Aceh late on Wednesday killed three people, the disaster agency said.\n",
        "b.txt": "\nSimeulue counts its dead\nFriday 13 March 2009\nSeven people died after a quake shook Simeulue "
                 "island in Aceh on Wednesday night, officials said.\nThe quake, measured at magnitude 7.0 by Indonesian "
                 "authorities and 6.9 by the US Geological Survey, struck off the island's main town.\nThe "
                 "island was hit hard by the magnitude 9.1 quake of 2004.\n",
    })
    # (and the two readings on the second page against each other)
    assert found == [[("a.txt", "7.2"), ("b.txt", "6.9")], [("a.txt", "7.2"), ("b.txt", "7.0")],
                     [("b.txt", "6.9"), ("b.txt", "7.0")]]


def test_a_lead_whose_two_magnitudes_officials_give_gives_no_one_magnitude(tmp_path):
    # officials are no agency: a lead giving two magnitudes on their word may tell of two quakes
    found = _violated(tmp_path, {
        "a.txt": "\nSimeulue quake kills three\nJAKARTA, March 12 - A magnitude 7.2 earthquake that rocked Simeulue "
                 "island in Aceh late on Wednesday killed three people, the disaster agency said.\n",
        "b.txt": "\nSimeulue counts its dead\nFriday 13 March 2009\nSeven people died after a magnitude 7.0 quake shook "
                 "Simeulue island in Aceh on Wednesday night, officials said.\nA magnitude 6.1 quake shook Simeulue "
                 "island in Aceh on Thursday, officials said.\n",
    })
    assert found == []


@pytest.mark.parametrize("headline, aftershock_page", [
    ("Strong aftershock hits Erzincan, 2 killed", True),
    ("Aftershock kills two in Erzincan, quake toll rises to 11", True),
    ("Turkey quake: 11 dead as aftershock brings down damaged homes", False),
    ("Quake kills 9 in Erzincan", False),
])
def test_a_page_is_an_aftershocks_when_its_headline_tells_of_the_aftershock_first(headline, aftershock_page):
    from claimcheck.evidence import page_figures
    from claimcheck.rules.loader import load_rules

    claims = claimcheck.extract_text(f"\n{headline}\nThe shock, of magnitude 5.1, struck at 11:05 a.m.\n", doc="a.txt")
    assert bool(page_figures(claims, load_rules().synonyms)[("aftershock page", "a.txt")]) is aftershock_page


def test_two_agencies_readings_on_one_page_are_set_against_each_other(tmp_path):
    findings = _findings(tmp_path, {
        "a.txt": "\nSimeulue M7.2: was the depth right?\nPosted on March 13, 2009\nBMKG has it at M7.2, 10 km deep; "
                 "USGS has M6.9 at 24.5 km, which looks more plausible here.\n",
    })
    assert [[claim.text for claim in finding.about] for finding in findings] == [["7.2", "6.9"]]
    assert "two agencies' readings of the magnitude of one quake on one page" in findings[0].message


@pytest.mark.parametrize("text, read", [
    # a quake's magnitude is never a running total, whatever the sentence counts in years
    ("The magnitude 5.0 quake near Calistoga was the biggest shake in the valley in nine years.",
     [("5.0", "magnitude", None, None), ("nine years", "duration", None, None)]),
    ("BMKG has recorded 126 aftershocks since the 6.8-magnitude quake struck before dawn.",
     [("126", "aftershocks", "total", None), ("6.8", "magnitude", None, None)]),  # the quake's, not an aftershock's
    ("There were 60 aftershocks, the largest a magnitude 5.2 quake.", [("60", "aftershocks", None, None),
                                                                        ("5.2", "magnitude", None, "aftershock")]),
    ("There have been 120 aftershocks, though nearly all are below M4.5.",
     [("120", "aftershocks", None, None), ("4.5", "magnitude", None, "threshold")]),
    # a total told after an aftershock is no magnitude
    ("AFAD said 150 people were injured in the quake and 38 in the aftershock, for a total of 188.",
     [("150", "people", None, None), ("38", "people", None, None), ("188", "people", "total", None)]),
    ("The USGS puts the hypocenter 9 miles down, which is fairly shallow.", [("9 miles", "depth", None, None)]),
    ("The quake struck 5.6 miles beneath the hills northwest of Calistoga.", [("5.6 miles", "depth", None, None)]),
])
def test_what_a_quakes_figures_are_of(text, read):
    assert [(claim.text, claim.measure, claim.scope, claim.subject) for claim in claimcheck.extract_text(text)] == read
