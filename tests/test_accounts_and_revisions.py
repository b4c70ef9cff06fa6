"""Two sources' accounts of one toll on one page, a reading revised on another page, totals over different spans,
and figures that are not the event's own (a copyright year, a province's share, a firm's headcount)."""

from __future__ import annotations

import pytest

import claimcheck
from conftest import violated_pairs

RAID = "Market bombed\nFriday, 13 March 2015\n\n"


def test_a_toll_another_source_puts_higher_further_down_the_page_is_set_against_the_first(tmp_path):
    text = ("Doctors at the hospital said 18 people were killed when a plane bombed the market on Thursday.\n"
            "Seven children were among the dead, a surgeon said.\n"
            "The market lies some 60 km from the nearest fighting.\n"
            "Witnesses said a crowd of some 1,500 people had gathered.\n"
            "The army denied hitting civilians.\n"
            "The SPLM-N rebels, who put the toll higher, at 26, have been fighting Khartoum since 2011.\n")
    claims = claimcheck.extract_text(text)
    rebels = next(claim for claim in claims if claim.text == "26")
    assert (rebels.source, rebels.place) == ("SPLM-N rebels", None)
    assert violated_pairs(tmp_path, {"a.txt": RAID + text}) == [[("a.txt", "18"), ("a.txt", "26")]]


@pytest.mark.parametrize(("text", "figure", "scope", "date"), [
    ("We received 44 wounded in three hours, and seven of them died on the operating table.", "seven", "part", None),
    ("Two seamen were wounded among the 25 crew, the navy said.", "25", "whole", None),
    # the whole a part is among is a toll itself when it is told as one
    ("Four tourists were among the 58 people killed when the plane crashed.", "58", None, None),
    ("In the whole of 2014, the group recorded 4,083 bombs dropped, killing 140 civilians.", "140", "total", "2014"),
])
def test_parts_wholes_and_a_years_total(text, figure, scope, date):
    claim = next(claim for claim in claimcheck.extract_text(text) if claim.text == figure)
    assert (claim.scope, claim.date) == (scope, date)


def test_a_copyright_year_is_no_figure():
    assert claimcheck.extract_text("© 2009 Continental Press Agency. All rights reserved.") == []
    assert claimcheck.extract_text("Copyright 2008 Continental News Agency. All rights reserved.") == []


@pytest.mark.parametrize(("top", "first", "second"), [
    # totals over different spans
    ("Air war\nTuesday, 15 August 2023\n\n",
     "The opposition said the military has carried out 687 air strikes so far this year.",
     "A monitor counts 1,652 air strikes since February 2021."),
    # a province's polling stations are some of the country's
    ("Tajik vote\nWednesday, 6 November 2013\n\n",
     "Polls opened at 3,257 polling stations across the country.",
     "The province had 894 polling stations, the commission said."),
])
def test_two_pages_figures_of_two_quantities_are_not_set_against_each_other(tmp_path, top, first, second):
    assert violated_pairs(tmp_path, {"a.txt": top + first + "\n", "b.txt": top + second + "\n"}) == []


def test_a_reading_another_page_tells_as_revised_is_out_of_date_not_wrong(tmp_path):
    quake = "Quake shakes Healdsburg\nSunday, 18 September 2011\n\n"
    (tmp_path / "a.txt").write_text(quake + "A magnitude 5.4 earthquake struck northern Sonoma County early Sunday, "
                                    "the U.S. Geological Survey said.\n")
    (tmp_path / "b.txt").write_text(quake + "The U.S. Geological Survey upgraded the Sonoma County earthquake to "
                                    "magnitude 5.6 from an initial 5.4.\n")
    (tmp_path / "c.txt").write_text(quake + "The magnitude 5.6 earthquake struck northern Sonoma County early Sunday, "
                                    "the U.S. Geological Survey said.\n")
    violated = [finding for finding in claimcheck.Checker().check([tmp_path]).findings
                if finding.status == "violated"]
    assert [(sorted(claim.text for claim in finding.about), finding.severity) for finding in violated] == [
        (["5.4", "5.6"], "info")]
    assert "tells 5.4 as a first reading revised to 5.6" in violated[0].message


@pytest.mark.parametrize(("text", "revisions"), [
    ("The survey revised its magnitude to 4.9 from a preliminary 5.1.", [("revision", 5.1, 4.9, "count")]),
    # two agencies' readings in one sentence, one of them preliminary: no revision, whoever is named
    ("The institute gave a preliminary magnitude of 6.0, while the U.S. Geological Survey measured it at 5.9.", []),
    ("The institute gave a preliminary magnitude of 6.0, while the survey measured 5.9, Chang Wei said.", []),
])
def test_a_revision_is_told_by_a_sentence_that_revises(text, revisions):
    from claimcheck.evidence.pages import page_figures

    figures = page_figures(claimcheck.extract_text(text), claimcheck.Checker().rule_set.synonyms)
    assert [key for key in figures if key[0] == "revision"] == revisions


@pytest.mark.parametrize(("told", "violated"), [
    ("The deal puts 9,000 local EDS jobs under a cloud.", []),
    ("HP will eventually eliminate 9,000 jobs at EDS.", [[("a.txt", "20,000"), ("b.txt", "9,000")]]),
    ("HP is going to add 9,000 jobs at EDS.", []),
])
def test_jobs_are_jobs_cut_only_when_told_with_a_cut(tmp_path, told, violated):
    deal = "HP buys EDS\nTuesday, 13 May 2008\n\n"
    found = violated_pairs(tmp_path, {
        "a.txt": deal + "Analysts said HP could eliminate 20,000 jobs at EDS.\n",
        "b.txt": deal + told + "\n"})
    assert found == violated


HEIST = "Jewellers robbed\nFriday, 4 December 2009\n\n"


@pytest.mark.parametrize(("told", "violated"), [
    # the robbers of a raid are one count whatever word each page counts them with; a part of them is no other count
    ("A gang of four robbers, two of them dressed as women, raided the store.",
     [[("a.txt", "Three"), ("b.txt", "four")]]),
    ("Two robbers posing as old ladies tricked their way in before their three accomplices stormed the store.", []),
    # one accomplice is no rest of a gang
    ("A gang of four robbers raided the store before his accomplice drove off.", [[("a.txt", "Three"), ("b.txt", "four")]]),
])
def test_the_robbers_of_a_raid_are_one_count(tmp_path, told, violated):
    found = violated_pairs(tmp_path, {
        "a.txt": HEIST + "Three armed men raided the Delaunay jewellery store on Place Vendome on Friday.\n",
        "b.txt": HEIST + told + "\n"})
    assert found == violated


def test_a_count_of_things_taken_is_no_hauls_worth():
    [items] = claimcheck.extract_text("The robbers took some 150 items from the showcases.")
    assert (items.text, items.measure) == ("some 150", "items")


def test_a_bare_dollar_a_page_names_canadian_is_canadian_on_the_whole_page():
    claims = claimcheck.extract_text("Chipmaker swallows Northlight in $5.5-billion deal\nThe deal is valued at "
                                     "roughly $5.5-billion (Canadian), or $4.8-billion (U.S.). He paid $5 for it.")
    assert [(claim.text, claim.unit) for claim in claims] == [
        ("$5.5-billion", "CAD"), ("roughly $5.5-billion (Canadian)", "CAD"), ("$4.8-billion", "USD"), ("$5", "USD")]


RIOTS = "Riots in Brussels\nMonday, 14 March 2011\n\n"


@pytest.mark.parametrize("told", [
    "Brussels endured a second night of violence on Sunday as several hundred youths clashed with riot police in "
    "the streets where the boy was shot.",
    "The boy's mother spoke at a vigil attended by about 400 people.",
])
def test_a_riots_or_a_vigils_crowd_is_not_a_marchs_told_by_its_pages_top(tmp_path, told):
    found = violated_pairs(tmp_path, {
        "a.txt": RIOTS + told + "\n",
        "b.txt": "Thousands march in silence for Karim\nSaturday, 19 March 2011\n\nPolice estimated the crowd at "
                 "3,000, while organisers said 10,000 people took part.\n"})
    assert found == [[("b.txt", "10,000"), ("b.txt", "3,000")]]  # the march's two accounts, and no other crowd


@pytest.mark.parametrize(("text", "figure", "scope"), [
    ("The police said 29 people were arrested overnight, bringing the total to 80 since Friday.", "80", "total"),
    ("The police said 80 people have been arrested since Friday, 29 of them on Sunday night.", "80", "total"),
    # a day another clause counts from is not this figure's; a place between commas is this figure's clause still
    ("BNPB said 340 people had been injured, while the hospital had treated 212 patients since Tuesday.", "340", None),
    ("212 civilians have been killed in Sanaa, the capital, since March.", "212", "total"),
])
def test_a_total_since_a_weekday_or_brought_to(text, figure, scope):
    claim = next(claim for claim in claimcheck.extract_text(text) if claim.text == figure)
    assert claim.scope == scope


def test_magnitudes_a_few_tenths_apart_are_one_quakes_whatever_their_pages_add(tmp_path):
    (tmp_path / "a.txt").write_text("Quake off Sumatra\nWednesday, 11 March 2009\n\nIndonesia's meteorology agency "
                                    "BMKG said the quake measured 7.2.\nThe U.S. Geological Survey put the magnitude "
                                    "at 6.9 and the depth at 24.5 km.\n")
    (tmp_path / "b.txt").write_text(
        "Death toll from Simeulue quake rises to seven\nJAKARTA, March 13 (Newswire) - The death toll from an "
        "earthquake that struck Simeulue island this week has risen to seven, officials said.\nAnother 41 people "
        "were injured, the disaster agency said.\nThe government sent 20 tonnes of rice.\nThe magnitude 7.2 quake "
        "struck late on Wednesday 62 km off Sinabang and set off a tsunami warning that was lifted two hours "
        "later.\nThe U.S. Geological Survey measured the quake at 6.9.\nIn 2004, a magnitude 9.1 quake off Sumatra "
        "set off a tsunami.\n")
    checked = claimcheck.Checker().check([tmp_path])
    magnitudes = [sorted((claim.doc.rsplit("/", 1)[-1], claim.text) for claim in fact.claims)
                  for fact in checked.facts if fact.claims[0].type == "magnitude"]
    assert sorted(magnitudes) == [[("a.txt", "6.9"), ("a.txt", "7.2"), ("b.txt", "6.9"), ("b.txt", "7.2")],
                                  [("b.txt", "9.1")]]


def test_the_strongest_of_the_aftershocks_the_sentence_before_tells_of_is_an_aftershocks_magnitude():
    claims = claimcheck.extract_text("Six days after the magnitude 4.9 quake, the USGS says aftershocks are tapering "
                                     "off, with 44 recorded so far.\nThe strongest remains the magnitude 3.4 that "
                                     "struck on Saturday.\nThe strongest quake in the region was a magnitude 6.0.")
    assert [(claim.text, claim.subject) for claim in claims if claim.type == "magnitude"] == [
        ("4.9", None), ("3.4", "aftershock"), ("6.0", None)]
