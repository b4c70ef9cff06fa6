"""The evidence that two figures report one quantity, on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

import claimcheck
from claimcheck.checks.kinds.agree import sides
from claimcheck.evidence import figures_per_source, vetoes, weigh
from claimcheck.evidence.vetoes import same_person
from claimcheck.facts import split_by_evidence
from conftest import violated_pairs


@pytest.mark.parametrize(("first", "second", "same"), [
    ("Catherine Gomes", "Katherine Gomes", True),
    ("Anthony LaCalamita", "Anthony LaCalamita III", True),
    ("John Jenkin", "Unemployed John Jenkin", True),
    ("Katie Jenkin", "Kathryn Jenkin", True),
    ("John Jenkin", "Kathryn Jenkin", False),
    ("Eric Kirkpatrick", "Gary Gomes", False),
    ("Gomes", "Catherine Gomes", None),
    ("the mother", "the mother", True),
    ("the girl", "the girl", True),
    ("the man", "the man", None),  # the man shot dead, or the man beaten trying to stop a fire: a page tells of many
])
def test_whether_two_names_are_one_person(first, second, same):
    assert same_person(first, second) is same


def _claims(*sentences: str) -> list:
    return [claim for index, sentence in enumerate(sentences)
            for claim in claimcheck.extract_text(sentence, doc=f"d{index}.txt")]


def _violated(folder, **documents: str) -> list:
    """The violated findings of a check of the given documents (name -> text), written into ``folder`` (made if need be)."""
    _written(folder, {name.replace("_", "."): text for name, text in documents.items()})
    return [finding for finding in claimcheck.Checker().check([folder]).findings if finding.status == "violated"]


def _written(folder, documents: dict[str, str]):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _about(finding) -> list[str]:
    """The two figures a finding compares, as written."""
    return [claim.text for claim in finding.about]


def _contrasted(folder, first: str, apart: str, alike: str) -> tuple[list, list]:
    """The figures of the violated findings of ``first`` beside ``apart`` and beside ``alike`` (two checks): a page
    that should not, and one that should, be taken as the same quantity told differently."""
    return tuple([_about(finding) for finding in _violated(folder / name, a_txt=first, b_txt=second)]
                 for name, second in (("apart", apart), ("alike", alike)))


def _wire_contrasted(folder, dateline: str, first: str, apart: str, alike: str, rest: str = "") -> tuple[list, list]:
    """:func:`_contrasted` of one day's wire copy: ``first`` under an AFP ``dateline`` (a format with a slot for the
    agency), the others under Reuters', each followed by ``rest``."""
    afp, reuters = dateline.format("AFP"), dateline.format("Reuters")
    return _contrasted(folder, first=afp + first + rest, apart=reuters + apart + rest, alike=reuters + alike + rest)


def _shown(finding, *fields: str) -> list[tuple]:
    return [(claim.doc.rsplit("/", 1)[-1], *(getattr(claim, field) for field in fields)) for claim in finding.claims]



def test_a_part_and_its_whole_are_never_grouped_however_alike():
    two, three, one = _claims("Local news said two of the three victims died.", "One person died in the shooting.")
    assert vetoes(two, three, strict=False) == ("a figure against the whole a part is counted from",)
    assert vetoes(two, one, strict=False) == ()
    synonyms = claimcheck.Checker().rule_set.synonyms
    groups = split_by_evidence([two, three, one], {"d0.txt": "e1", "d1.txt": "e1"}, synonyms)
    assert [sorted(claim.text for claim in group) for group in groups if three in group] == [["three"]]


def test_an_unsaid_outcome_or_two_figures_of_one_sentence_leave_the_pair_open():
    families, displaced = _claims("About 520 families were counted.", "Nearly 500 families were displaced.")
    assert vetoes(families, displaced) and not vetoes(families, displaced, strict=False)
    police, monitor = _claims("The count was 400, police said, but the monitor said 700 people had been killed.")
    assert (police.source, monitor.source) == ("police", "monitor")  # two accounts, not two figures of one
    assert vetoes(police, monitor) == ("no outcome said against killed",)
    assert vetoes(police, monitor, strict=False) == ()


def test_a_storms_gusts_and_its_sustained_winds_are_two_quantities():
    gusts, sustained, faster = _claims("Winds were gusting to 70 knots when the trawler sank.",
                                       "Sustained winds of 50 knots hampered rescuers.", "Winds of 60 knots were felt.")
    assert vetoes(gusts, sustained, strict=False) == ("gusts against sustained winds",)
    assert vetoes(gusts, faster) == vetoes(sustained, faster) == ()  # winds of no kind said may be either


def test_a_season_and_a_year_are_one_period_a_career_another():
    season, year, career = _claims("Teixeira hit 33 homers last season.", "Teixeira had 35 homers last year.",
                                   "Teixeira has 203 homers in his career.")
    assert vetoes(season, year, strict=False) == ()
    assert vetoes(season, career, strict=False) == ("different periods (season against career)",)


def test_the_only_toll_each_source_gives_anchors_a_disagreement():
    _shot, one, two = _claims("A gunman shot three people, killing one, on Monday.",
                       "Local news in Michigan first reported that two people died in the shooting.")
    events = {"d0.txt": "e1", "d1.txt": "e1"}
    evidence = weigh(one, two, events, figures_per_source([one, two]), claimcheck.Checker().rule_set.synonyms)
    assert evidence.anchors == ("the only count of people killed each source gives",)
    assert evidence.conclusive and not evidence.apart


def test_a_count_of_a_thing_named_by_itself_is_weighed_by_the_figures_of_that_thing_its_page_gives():
    from claimcheck.evidence import FigureCounts, page_figures

    claims = _claims("Four bidders competed. The sale of 42 lots raised $310 million, and 3 lots went unsold.",
                     "Five bidders were on the phones. The evening sale offered 42 lots, and 38 of them sold.")
    synonyms = claimcheck.Checker().rule_set.synonyms
    four, five = (next(claim for claim in claims if claim.text == text) for text in ("Four", "Five"))
    counts = [claim for claim in claims if claim.type == "count"]
    figures = FigureCounts(figures_per_source(counts), page_figures(claims, synonyms))
    evidence = weigh(four, five, {"d0.txt": "e1", "d1.txt": "e1"}, figures, synonyms)
    # each page gives three counts, but one count of bidders: no "several figures of this measure in one source"
    assert (evidence.for_, evidence.against, evidence.confidence) == (
        ("the same words beside the figures", "same measure", "a headline figure"), (), 0.7818)


def test_a_city_has_one_name_and_an_unplaced_figure_joins_the_main_place():
    from claimcheck.facts import build_facts
    from claimcheck.measure_keys import canonical_name
    from claimcheck.places import canonical_city

    synonyms = claimcheck.Checker().rule_set.synonyms
    assert canonical_city("Salonika") == canonical_city("Thessaloniki") == "Thessaloniki"
    assert canonical_name("place", "Salonika", synonyms) == "Thessaloniki"
    claims = _claims("Some 20,000 people marched in Athens.", "About 5,000 people marched in Thessaloniki.",
                     "Tens of thousands of people marched in Athens.", "An estimated 100,000 people marched.")
    facts = build_facts(claims, synonyms, {f"d{index}.txt": "e1" for index in range(4)})
    assert sorted(sorted(claim.text for claim in fact.claims) for fact in facts) == [
        ["About 5,000"], ["An estimated 100,000", "Some 20,000", "Tens of thousands"]]


def test_two_sources_on_one_page_that_give_different_tolls_disagree(tmp_path):
    findings = _violated(
        tmp_path,
        a_txt="Monday, 5 January 2009\n\nMore than 40 people were killed when shells hit the school, medical officials "
              "said.\nBut the army said 12 people were killed in the strike.\n",
        b_txt="Monday, 5 January 2009\n\nShells hit a school, medical officials said; 40 people were hurt.\n"
              "But the army said 12 people were hurt in the strike.\n")
    assert [_shown(finding, "text") for finding in findings] == [
        [("a.txt", "More than 40"), ("a.txt", "12")], [("b.txt", "40"), ("b.txt", "12")]]
    assert "the one count of people killed each of two sources on one page gives" in findings[0].message
    assert "the one count of people injured each of two sources on one page gives" in findings[1].message


def test_two_sources_tolls_told_with_killed_and_died_disagree(tmp_path):
    [finding] = _violated(
        tmp_path,
        a_txt="Monday, 2 June 2014\n\nMore than 100 people were killed in the clashes, officials said. However, the "
              "monitor said 10 people died.\n")
    assert _shown(finding, "text") == [("a.txt", "More than 100"), ("a.txt", "10")]
    assert "the one count of people killed each of two sources on one page gives" in finding.message


def test_figures_of_another_incident_or_a_part_on_one_page_are_not_set_against_each_other(tmp_path):
    assert _violated(
        tmp_path,
        a_txt="Monday, 5 January 2009\n\nMore than 50 fighters were killed in the attack, officials said. Another "
              "attack was repelled and 13 fighters were killed, according to the police.\n"
              "The monitor said 16 of the dead were soldiers. But the government said 21 of the dead were civilians.\n") == []


def test_a_page_with_one_crowd_per_city_anchors_each_city_and_a_city_has_one_name(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="Wednesday, 5 May 2010\n\nAn approximate 200,000 people marched in Athens.\nIn Patras 10,000 people "
              "marched, and 8,000 people marched in Heraklion.\nThe unions said 3,000 people marched in Larissa.\n"
              "\n\n\n\n\nIn Salonika approximately 50,000 people marched to the centre.\n",
        b_txt="Wednesday, 5 May 2010\n\nStrikers marched in the capital.\n\n\n\n\n\n\n\n"
              "Another 20,000 people marched in Thessaloniki.\n")
    assert [_shown(finding, "text", "place") for finding in violated] == [
        [("a.txt", "approximately 50,000", "Salonika"), ("b.txt", "20,000", "Thessaloniki")]]
    assert "the only count of people gathered each source gives" in violated[0].message


def test_two_quakes_a_month_apart_are_two_quakes(tmp_path):
    violated = _violated(tmp_path,
                         a_txt="Sunday, 9 March 2025\n\nA magnitude 5.2 earthquake struck near Eureka on Sunday.\n",
                         b_txt="Thursday, 10 April 2025\n\nA 6.1-magnitude quake shook Eureka on Thursday.\n",
                         c_txt="Sunday, 9 March 2025\n\nResidents of Eureka felt the 5.6-magnitude quake.\n")
    assert [sorted(claim.text for claim in finding.claims) for finding in violated] == [["5.2", "5.6"]]


def test_two_sources_estimates_in_one_sentence_disagree(tmp_path):
    [finding] = _violated(tmp_path, a_md="The number of fighters left in the city was disputed, with estimates ranging "
                                         "from around 400 fighters (according to local troops) to 700 fighters "
                                         "(according to the monitor).\n")
    assert [claim.text for claim in finding.claims] == ["around 400", "700"]
    assert "estimates of one number of fighters by two sources, in one sentence" in finding.message


def test_two_undated_articles_of_one_event_can_disagree(tmp_path):
    article = ("A gunman opened fire at the Gordon Advisors office in Troy, Michigan.\n"
               "{toll} people were killed in the shooting at the office, police said.\n"
               "The gunman fired 12 shots before he fled.\nPolice arrested the 52-year-old man two hours later.\n")
    [finding] = _violated(tmp_path, a_txt=article.format(toll="Two"), b_txt=article.format(toll="Three"))
    assert [claim.text for claim in finding.claims] == ["Two", "Three"]
    assert "both undated" not in finding.message


def test_the_parts_two_pages_tell_inside_one_toll_are_one_quantity_unless_the_tolls_differ(tmp_path):
    dateline = "Tuesday, 15 April 2014\n\n"
    toll = "A tornado that struck Carvers Ford on Sunday killed {}, including {} children, officials said.\n"
    same = _violated(tmp_path / "same", a_txt=dateline + toll.format(12, "three"),
                     b_txt=dateline + "The death toll from a tornado that hit Carvers Ford in the U.S. state of "
                                      "Arkansas on Sunday has risen to 12, including two children.\n")
    grown = _violated(tmp_path / "grown", a_txt=dateline + toll.format(14, "four"),
                      b_txt=dateline + toll.format(19, "six"))
    assert [_about(finding) for finding in same] == [["three", "two"]]
    assert "the only count of children killed each source gives" in same[0].message
    assert [_about(finding) for finding in grown] == [["14", "19"]]  # the tolls disagree, not their parts


def test_parts_of_a_toll_are_one_part_only_when_named_alike():
    hamlet, mine = _claims("Eight of the dead came from El Salitre, a hamlet above the mine.",
                           "Rescuers recovered the last three bodies from Los Pinos on Friday.")
    children, bodies = _claims("At least 27 people, 10 of them children, were killed in El Fasher by shells.",
                               "The South Hospital in El Fasher received 58 wounded people and 19 bodies.")[1::2]
    children, boys = _claims("Four people were killed, including three children.",
                             "The blast killed 12 people, including two children.")[1::2]
    events = {"d0.txt": "e1", "d1.txt": "e1"}
    synonyms = claimcheck.Checker().rule_set.synonyms
    assert (hamlet.scope, mine.scope) == ("part", "part")
    assert weigh(hamlet, mine, events, figures_per_source([hamlet, mine]), synonyms).anchors == ()
    assert (children.measure, children.scope, bodies.scope) == ("children", "part", "part")
    assert weigh(children, bodies, events, figures_per_source([children, bodies]), synonyms).anchors == ()
    assert weigh(children, boys, events, figures_per_source([children, boys]), synonyms).anchors == (
        "the only count of children killed each source gives",)


def test_a_source_giving_a_count_and_some_of_it_gives_one_count_of_the_whole():
    from claimcheck.evidence import source_key

    whole, part = claimcheck.extract_text("The agency received nearly 235,000 comments, at least 208,000 of which "
                                          "were form letters.")
    counts = figures_per_source([whole, part])
    assert (part.scope, counts[source_key(whole)], counts[source_key(part)]) == ("part", 1, 1)


def test_two_undated_headlines_are_never_a_contradiction(tmp_path):
    undated = _violated(tmp_path, a_txt="20 insurgents were killed in the district.\n",
                        b_txt="65 insurgents were killed in the district.\n")
    dated = _violated(tmp_path, a_txt="Monday, 5 January 2009\n\n20 insurgents were killed in the district.\n",
                      b_txt="Monday, 5 January 2009\n\n65 insurgents were killed in the district.\n")
    assert undated == []
    assert [_shown(finding, "text") for finding in dated] == [[("a.txt", "20"), ("b.txt", "65")]]


def test_the_only_tolls_of_two_pages_a_month_apart_are_two_incidents(tmp_path):
    first = "Monday, 5 January 2009\n\nThree people were killed in the shooting at the office.\n"
    apart = _violated(tmp_path, a_txt=first,
                      b_txt="Thursday, 5 February 2009\n\nOne person was killed in the shooting at the office.\n")
    near = _violated(tmp_path, a_txt=first,
                     b_txt="Tuesday, 6 January 2009\n\nOne person was killed in the shooting at the office.\n")
    assert apart == []
    assert [_shown(finding, "text") for finding in near] == [[("a.txt", "Three"), ("b.txt", "One")]]


def test_the_only_fall_each_page_gives_anchors_a_disagreement_and_two_falls_on_a_page_do_not(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="Friday, 13 September 2013\n\nClimber Duncan Rait died after falling about 150 metres near the Tasman "
              "Saddle on Mount Cook.\n",
        b_txt="Friday, 13 September 2013\n\nOn Mount Cook, Duncan Rait plunged about 60m into a crevasse, the guide "
              "said.\n",
        c_txt="Saturday, 14 September 2013\n\nOn Mount Cook, Duncan Rait fell 200m near the hut. A second climber fell "
              "some 700 metres from the ridge.\n")
    assert [_shown(finding, "text") for finding in violated] == [[("a.txt", "about 150 metres"), ("b.txt", "about 60m")]]
    assert "the only fall each page gives" in violated[0].message


@pytest.mark.parametrize(("a_txt", "b_txt", "violated", "role"), [
    ("Klaus Volkmer was sentenced to 11 years in prison, the court said.",
     "Klaus Volkmer, the fund's founder, was jailed for nine years.", [["11 years", "nine years"]], "prison sentence"),
    ("Prosecutors had sought 13 years for Volkmer.",
     "The court jailed Klaus Volkmer; prosecutors had demanded 15 years.", [["13 years", "15 years"]],
     "prison term the prosecution sought"),
    ("Cyclist Jens Verhaeghe was banned for two years on Wednesday.",
     "Jens Verhaeghe has been suspended for 18 months by the federation.", [["18 months", "two years"]], "ban"),
    ("He served 136 days in federal prison.",
     "Fred LaRue returned home after serving more than four years for his role in the scandal.",
     [["136 days", "more than four years"]], "time served"),
    # a term of office is no time served
    ("Fred LaRue served 136 days in federal prison.", "Fred LaRue served as a county clerk for 12 years.", [], ""),
    # the time a prisoner served is not his sentence, and two prisoners' sentences are two
    ("Fred LaRue served four and a half months in prison.", "Fred LaRue was sentenced to 12 years in prison.", [], ""),
    ("Klaus Volkmer was sentenced to 11 years in prison.", "Jens Obermaier was sentenced to nine years in prison.", [],
     ""),
])
def test_a_prison_term_a_term_sought_and_a_ban_are_each_the_only_one_a_page_gives(tmp_path, a_txt, b_txt, violated,
                                                                                    role):
    date = "Thursday, 14 November 2013\n\n"
    found = _violated(tmp_path, a_txt=date + a_txt + "\n", b_txt=date + b_txt + "\n")
    assert [sorted(claim.text for claim in finding.about) for finding in found] == violated
    assert all(f"the only {role} each page gives" in finding.message for finding in found)


@pytest.mark.parametrize(("a_txt", "b_txt", "violated"), [
    ("Deputy Ortiz had married two weeks before the shooting.",
     "His widow, who married the deputy three weeks before he was murdered, spoke in court.",
     [["three weeks", "two weeks"]]),
    ("Page suffered a heart attack nine days earlier and never woke.",
     "The star died of a heart attack suffered almost three weeks ago.", [["almost three weeks", "nine days"]]),
    # the same page topic, two happenings: a rule that takes effect, a rule change made after another agency's
    ("The new species rule takes effect nine days before the inauguration.",
     "The agency went ahead with the rule change one day after the other agency dropped its rules.", []),
    # a word on one side of one figure and the other side of the other: the riot's unit, the troopers' entry
    ("Inmates still held five officers, more than 18 hours after a riot broke out in the prison's Unit C.",
     "Troopers entered the unit about 25 minutes later and met no resistance.", []),
])
def test_the_time_between_two_happenings_is_one_quantity_only_when_a_word_beside_both_is_one(tmp_path, a_txt, b_txt,
                                                                                             violated):
    date = "Thursday, 14 November 2013\n\n"
    found = _violated(tmp_path, a_txt=date + a_txt + "\n", b_txt=date + b_txt + "\n")
    assert [sorted(claim.text for claim in finding.about) for finding in found] == violated
    assert all("the only time between the same two happenings each page gives" in finding.message for finding in found)


@pytest.mark.parametrize("a_txt, b_txt, shown, called", [
    ("Monday, 10 April 2017\n\nTroopers ended a 27-hour standoff at Harlan Ridge prison on Monday.\n",
     "Monday, 10 April 2017\n\nThe 36-hour siege at Harlan Ridge ended when inmates gave up.\n",
     [("a.txt", "27-hour"), ("b.txt", "36-hour")], "length of the standoff"),
    ("Monday, 23 July 2018\n\nJordan Mensah, 20, died when his car hit a wall at the end of a three-mile pursuit in "
     "Nottingham.\n",
     "Monday, 23 July 2018\n\nJordan Mensah, 20, was chased for five miles before his car hit a wall in Nottingham, "
     "colleagues say.\n",
     [("a.txt", "three-mile"), ("b.txt", "five miles")], "length of the chase"),
    # the second page tells of a game in September: a day it looks ahead to, so its March figures are its own, not
    # background; and a bonus "including" in a list of guarantees is still the signing's bonus
    ("Tuesday, 11 March 2014\n\nWhitford, 27, will receive $70 million in guarantees, including a $30 million signing "
     "bonus, a person familiar with the terms said.\n",
     "Wednesday, 12 March 2014\n\nWhitford chose a six-year, $135 million deal with Cleveland that includes a $35 "
     "million signing bonus.\nFans will first see him in Cleveland on September 7, when the season opens.\n",
     [("a.txt", "$30 million"), ("b.txt", "$35 million")], "signing bonus"),
])
def test_the_only_figure_of_a_role_each_page_gives_is_one_quantity(tmp_path, a_txt, b_txt, shown, called):
    violated = _violated(tmp_path, a_txt=a_txt, b_txt=b_txt)
    assert [_shown(finding, "text") for finding in violated] == [shown]
    assert f"the only {called} each page gives" in violated[0].message


@pytest.mark.parametrize("agreed, violated", [
    ("has agreed to", [["$280 million", "$300 million"]]),
    ("has agreed in principle to", []),  # the terms may change before the signing
])
def test_a_deal_agreed_in_principle_may_change_before_it_is_signed(tmp_path, agreed, violated):
    found = _violated(
        tmp_path,
        a_txt=f"\nVarela, Mariners agree to $280 million deal\nSEATTLE, Dec. 9, 2011 --\nOutfielder Dominic Varela "
              f"{agreed} a 10-year, $280 million contract with the Seattle Mariners, two people familiar with the talks "
              "said Friday.\n",
        b_txt="\nVarela signs $300 million deal with Seattle\nDecember 12, 2011\nOutfielder Dominic Varela signed an "
              "11-year, $300 million contract with the Seattle Mariners on Monday.\n")
    assert [[claim.text for claim in finding.about] for finding in found] == violated


def test_how_long_one_thing_went_on_anchors_a_disagreement_and_other_doings_of_the_event_do_not(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="Monday, 12 March 2018\n\nThe riot at Santa Aurelia prison lasted about five hours, the governor said.\n",
        b_txt="Monday, 12 March 2018\n\nInmates said the riot at Santa Aurelia lasted more than eight hours.\n",
        c_txt="Monday, 12 March 2018\n\nGuards at Santa Aurelia were held for 41 days by inmates in 2009.\n",
        d_txt="Monday, 12 March 2018\n\nThe bidding for the contract lasted 20 minutes.\n")
    # the guards held in 2009 and the bidding are other things that went on: another verb, or nothing else in common
    assert [_shown(finding, "text") for finding in violated] == [[("a.txt", "about five hours"),
                                                                  ("b.txt", "more than eight hours")]]
    assert "the only length of time it went on each page gives" in violated[0].message


def test_a_pages_one_fall_in_its_lead_is_its_own_and_other_climbers_falls_are_not(tmp_path):
    background = "".join(f"Rescuers on Mount Cook said Duncan Rait was {word}.\n" for word in (
        "experienced", "careful", "well equipped", "popular", "fit", "cautious", "well known", "a guide"))
    lead = "Friday, 13 September 2013\n\nClimber Duncan Rait, 36, died on Friday after falling about 150 metres on Mount Cook.\n"
    violated = _violated(
        tmp_path,
        a_txt=lead + background + "Elsewhere in the park, another climber fell some 700 metres to his death.\n",
        b_txt="Friday, 13 September 2013\n\nOn Mount Cook on Friday, the 36-year-old Duncan Rait plunged about 60m into a "
              "crevasse, the guide said.\n",
        c_txt="Saturday, 14 September 2013\n\nOn Mount Cook, Robert Buckley, 32, fell about 600m near the hut.\n",
        d_txt="Saturday, 14 September 2013\n\nA man fell 300 metres on Mount Cook on Saturday, police said.\n")
    # the 700 metres further down is no account of the lead's fall; Buckley (32) and the man of Saturday are other
    # climbers than the 36-year-old of Friday, but nothing tells the two accounts of Saturday's fall apart
    assert [_shown(finding, "text") for finding in violated] == [[("a.txt", "about 150 metres"), ("b.txt", "about 60m")],
                                                                 [("c.txt", "about 600m"), ("d.txt", "300 metres")]]
    assert all("the only fall each page gives" in finding.message for finding in violated)


@pytest.mark.parametrize(("first", "second", "other"), [
    ("a 36-year-old Australian climber", "Robert Buckley, 32,", True),
    ("a 36-year - old climber", "the man, in his early 30s,", True),
    ("a 36-year-old climber", "Duncan Rait, aged 36", False),
    ("a climber", "Robert Buckley, 32,", False),
])
def test_sentences_telling_different_ages_tell_of_different_people(first, second, other):
    from claimcheck.evidence.anchors import _other_ages

    assert _other_ages(f"{first} fell 150 metres.", f"{second} fell 60 metres.") is other


def test_a_quake_page_telling_of_an_older_quake_still_gives_one_magnitude_and_one_toll_of_its_own(tmp_path):
    residents = "".join(f"Residents of Manokwari said the shaking {what}.\n" for what in (
        "was strong", "lasted long", "woke them", "cut power", "scared children", "cracked walls", "toppled shelves",
        "stopped traffic"))
    violated = _violated(
        tmp_path,
        a_txt="Strong quake hits Papua\nSunday, 4 January 2009\n\nA magnitude 7.5 earthquake struck off Indonesia's Papua "
              "province on Sunday, the U.S. Geological Survey said.\nAt least four people were killed in Manokwari, "
              "officials said.\n" + residents + "In 2004, a magnitude 9.1 quake off Sumatra triggered a tsunami that killed "
              "230,000 people.\n",
        b_txt="Quake kills five in Papua\nSunday, 4 January 2009\n\nA powerful earthquake measuring 7.7 shook Indonesia's "
              "Papua province on Sunday, killing five people in Manokwari.\n")
    # the tsunami of 2004 is neither this quake's magnitude nor its toll; 7.5 against 7.7 is a disagreement
    assert [_about(finding) for finding in violated] == [["7.5", "7.7"]]
    assert "the only magnitude each source gives, of a quake both name" in violated[0].message


def test_a_navy_and_its_countrys_forces_capture_one_count_of_pirates(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="Navy captures pirates\nSaturday, 12 February 2011\n\nThe Indian Navy captured 28 pirates after a gunfight in "
              "the Arabian Sea on Friday, officials said.\n",
        b_txt="India seizes pirate ship\nSaturday, 12 February 2011\n\nIndian naval forces arrested 15 pirates and freed 13 "
              "hostages on Friday after a gun battle in the Arabian Sea.\n")
    assert [_about(finding) for finding in violated] == [["28", "15"]]
    assert "the only count of people captured each source gives" in violated[0].message


def test_the_only_turnout_each_page_gives_is_one_turnout_when_both_name_the_same_day(tmp_path):
    first = "Turkmen vote\nMonday, 15 December 2008\n\nTurnout in Sunday's parliamentary election was 93.9 percent.\n"
    violated = _violated(tmp_path / "same", a_txt=first, b_txt=(
        "Turkmen election\nMonday, 15 December 2008\n\nOfficials said turnout in the parliamentary election on Sunday "
        "reached 76 percent.\n"))
    other_day = _violated(tmp_path / "other", a_txt=first, b_txt=(
        "Turkmen election\nMonday, 15 December 2008\n\nOfficials said turnout in the local election on Friday "
        "reached 76 percent.\n"))
    assert [_about(finding) for finding in violated] == [["93.9 percent", "76 percent"]]
    assert other_day == []


def test_a_places_strikes_and_a_campaigns_toll_are_no_account_of_a_days_total_or_one_strike(tmp_path):
    findings = claimcheck.Checker().check([_written(tmp_path, {
        "a.txt": "Coalition strikes\nMonday, 2 March 2015\n\nThe US-led coalition said it carried out 27 air strikes in "
                 "Syria and 28 in Iraq on Sunday.\nSince the campaign began, coalition strikes have killed more than "
                 "8,000 militants, officials said.\n",
        "b.txt": "Air strike kills 12\nMonday, 2 March 2015\n\nA coalition air strike near Raqqa killed 12 militants on "
                 "Sunday, activists said.\nThe coalition carried out 55 air strikes on Sunday.\n"})]).findings
    assert [finding for finding in findings if finding.kind == "agree"] == []


def test_a_headlines_toll_against_its_leads_is_a_disagreement_of_the_page_with_itself(tmp_path):
    headline = "Quake kills 20 in northern Iran\nFriday, 19 December 2008\n\n"
    stale = _violated(tmp_path / "stale", a_txt=headline + "An earthquake struck northern Iran on Thursday, killing at "
                                                         "least 25 people and injuring 300, state media said.\n")
    other = _violated(tmp_path / "other", a_txt=headline + "Another 5 people were killed in a landslide near Tabriz.\n")
    assert [_about(finding) for finding in stale] == [["20", "at least 25"]]
    assert "the headline's count of people killed and its lead's" in stale[0].message
    assert other == []


@pytest.mark.parametrize(("before", "measure", "role"), [
    ("The climber fell some ", "distance", "fall"),
    ("he fell from a height of ", "distance", "fall"),
    ("Oracle agreed to buy Sun Microsystems for about ", "money", "deal"),
    ("the bank agreed to sell its insurance arm to a rival for ", "money", "deal"),
    ("Shoppers can buy the phone for ", "money", None),
    ("the Yankees signed him to an eight-year deal worth ", "money", "deal"),
    ("HP announced a takeover valued at about ", "money", "deal"),
    ("the checkpoint lies some ", "distance", None),
    ("The climber fell some ", "money", None),
    ("Sioux Falls digs out after ", "distance", None),  # a town's name, no fall
    ("the storm's pressure dropped to ", "distance", None),  # a level it fell to, no fall
])
def test_a_verb_says_what_a_generic_figure_is_of(before, measure, role):
    from claimcheck.extraction.roles import role_of

    assert role_of(before, measure) == role


def test_two_named_sources_in_one_paragraph_disagree_without_a_word_of_contrast(tmp_path):
    [finding] = _violated(
        tmp_path,
        a_txt="Monday, 5 January 2009\n\nOfficials said 100 people were killed in the blast at the market. The "
              "monitor said 10 people were killed in the blast.\n")
    assert [claim.text for claim in finding.claims] == ["100", "10"]
    assert "the one count of people killed each of two sources on one page gives" in finding.message
    for other in ("The monitor said four members of a family were also killed in the blast.",
                  "On 20 January, the monitor said 10 fighters were killed in the blast."):
        folder = tmp_path / str(len(other))
        folder.mkdir()
        text = f"Monday, 5 January 2009\n\nThe army said 88 fighters were killed in the blast at the market. {other}\n"
        assert _violated(folder, a_txt=text) == []


def test_a_source_named_by_its_acronym_in_brackets():
    found = claimcheck.extract_text("The Syrian Observatory for Human Rights (SOHR) said 40 people were killed. The UN "
                                    "office (OCHA) for Syria stated that 9,000 people had fled.")
    assert [(claim.text, claim.source) for claim in found] == [("40", "SOHR"), ("9,000", "OCHA")]


def test_a_contract_a_turnout_and_a_deal_are_one_each_per_event(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="Monday, 5 January 2009\n\nThe Yankees signed Mark Teixeira to an eight-year, $180 million contract on "
              "Monday.\n",
        b_txt="Monday, 5 January 2009\n\nMark Teixeira agreed to a $160 million contract with the Yankees.\n",
        c_txt="Monday, 15 December 2008\n\nVoters in Turkmenistan went to the polls on Sunday and turnout was 93.9 "
              "percent, the election commission announced.\n",
        d_txt="Tuesday, 16 December 2008\n\nOnly 85 percent turnout was recorded in the Turkmenistan vote, observers "
              "from the capital reported.\n")
    assert [(_shown(finding, "text"), finding.message.split("one quantity: ")[1].split(" (")[0]) for finding in violated] == [
        ([("a.txt", "$180 million"), ("b.txt", "$160 million")], "the only value of a deal each page gives"),
        ([("c.txt", "93.9 percent"), ("d.txt", "85 percent")], "the only turnout each page gives")]


def test_the_only_magnitude_each_page_gives_needs_no_name_in_its_sentence(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="Sunday, 9 March 2025\n\nA strong earthquake shook Qeshm island in Hormozgan province on Sunday.\n"
              "The survey measured it at magnitude 5.9.\n",
        b_txt="Sunday, 9 March 2025\n\nAn earthquake hit Qeshm island in Hormozgan province, killing seven people.\n"
              "The tremor had a magnitude of 6.1, seismologists said.\n",
        c_txt="Sunday, 9 March 2025\n\nAn earthquake hit Qeshm island in Hormozgan province. A magnitude 6.1 "
              "quake was followed by a magnitude 4.5 aftershock.\n")
    assert [(_shown(finding, "text"), finding.message.split("one quantity: ")[1].split(" (")[0]) for finding in violated] == [
        ([("a.txt", "5.9"), ("b.txt", "6.1"), ("c.txt", "6.1")],
         "the only magnitude each source gives, of a quake both name; the only magnitude each page gives")]


def test_at_least_seven_and_seven_are_one_figure_of_a_page(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="Monday, 5 January 2009\n\nAt least seven people were killed when a bomb hit the market in Juba.\n"
              "The blast in Juba killed seven people and wounded 20.\n",
        b_txt="Monday, 5 January 2009\n\nA bomb tore through the market in Juba, killing five people.\n")
    assert [_shown(finding, "text") for finding in violated] == [[("a.txt", "At least seven"), ("b.txt", "five")],
                                                                 [("a.txt", "seven"), ("b.txt", "five")]]
    assert all("the only count of people killed each source gives" in finding.message for finding in violated)


def test_a_finding_quotes_the_figures_surely_one_quantity_with_one_side(tmp_path):
    # c and d tell the fall in one sentence with different figures: ~60 m and 200 ft agree, and are one quantity;
    # each also tells of another fall, so neither is "the only fall" its page gives (nor its headline's)
    top = "Climber dies on Mount Cook\nMonday, 16 September 2013\n\n"
    violated = _violated(
        tmp_path,
        a_txt=top + "A climber died on Mount Cook after falling 150 metres.\n",
        b_txt=top + "A climber died on Mount Cook after falling 200 ft, police said.\n",
        c_txt=top + "The climber died after slipping and falling about 60 metres from a ridge near the Tasman Saddle "
                    "hut, police said.\nA second climber fell 20 metres into a crevasse nearby and survived.\n",
        d_txt=top + "The climber died after slipping and falling 200 feet from a ridge near the Tasman Saddle hut, "
                    "police said.\nA second climber fell 20 metres into a crevasse nearby and survived.\n")
    assert [_shown(finding, "text") for finding in violated] == [
        [("a.txt", "150 metres"), ("b.txt", "200 ft"), ("d.txt", "200 feet"), ("c.txt", "about 60 metres")]]
    finding = violated[0]
    left, right = sides(finding)
    assert [claim.text for claim in left] == ["150 metres"]
    assert [claim.text for claim in right] == ["200 ft", "200 feet", "about 60 metres"]
    assert finding.message.endswith(f"on the side of 200 ft, figures surely one quantity with these: "
                                    f"~60 m ({tmp_path}/c.txt)")


def test_a_page_giving_both_sources_figures_is_quoted_on_both_sides(tmp_path):
    top = "Strong quake hits Indonesia's Papua\n\n"
    violated = _violated(
        tmp_path,
        a_txt=top + "A strong earthquake struck off Papua on Sunday, killing four people in Manokwari.\n"
                    "The quake had a magnitude of 7.6, the U.S. Geological Survey said.\n",
        b_txt=top + "A strong earthquake struck off Papua on Sunday, damaging buildings in Manokwari.\n"
                    "The U.S. Geological Survey said the quake had a magnitude of 7.6, while Indonesia's Meteorology "
                    "and Geophysics Agency put it at 7.2.\n",
        c_txt=top + "A strong earthquake struck off Papua on Sunday, flattening a hotel in Manokwari.\n"
                    "The quake measured 7.2, Indonesia's Meteorology and Geophysics Agency said.\n")
    assert [_shown(finding, "text") for finding in violated] == [
        [("a.txt", "7.6"), ("b.txt", "7.6"), ("b.txt", "7.2"), ("c.txt", "7.2")]]
    left, right = sides(violated[0])
    assert [(claim.doc.rsplit("/", 1)[-1], claim.source) for claim in left] == [
        ("a.txt", "U.S. Geological Survey"), ("b.txt", "U.S. Geological Survey")]
    assert [claim.doc.rsplit("/", 1)[-1] for claim in right] == ["b.txt", "c.txt"]


def test_a_players_running_count_is_one_quantity_by_surname_and_a_games_figure_is_another(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="Saturday, 9 March 2013\n\nDoug McDermott, a junior, now has 2,129 points for the Bluejays.\n",
        b_txt="Saturday, 9 March 2013\n\nMcDermott now has 2,029 points in 106 games as a Bluejay.\n",
        c_txt="Saturday, 9 March 2013\n\nMcDermott scored 41 points in the win over Drake.\n")
    assert [_shown(finding, "text") for finding in violated] == [[("a.txt", "2,129"), ("b.txt", "2,029")]]
    assert "both the points of Doug McDermott" in violated[0].message



def test_a_players_career_total_a_game_later_is_a_change(tmp_path):
    folder = _written(tmp_path, {"a.txt": "Sunday, 3 March 2024\n\nLindqvist now has 2,784 career points.\n",
                                 "b.txt": "Friday, 8 March 2024\n\nLindqvist now has 2,815 career points.\n"})
    findings = claimcheck.Checker().check([folder]).findings
    assert [(finding.status, sorted(claim.text for claim in finding.claims)) for finding in findings] == [
        ("changed", ["2,784", "2,815"])]


def test_a_named_persons_age_is_one_quantity_wherever_each_page_places_the_story(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="Saturday, 14 September 2013\n\nRobert Buckley, 32, died after a fall in Aoraki Mount Cook National "
              "Park, police said.\n",
        b_txt="Monday, 16 September 2013\n\nThe body of 31-year-old Robert Buckley was flown to Christchurch, New "
              "Zealand police said.\n")
    assert [(_shown(finding, "text"), finding.severity) for finding in violated] == [
        ([("a.txt", "32"), ("b.txt", "31-year-old")], "info")]
    assert "both the age of Robert Buckley" in violated[0].message


def test_every_magnitude_of_one_quake_is_one_quantity_even_two_on_one_page(tmp_path):
    found = _violated(
        tmp_path,
        a_txt="March 15, 2011\n\nA magnitude 5.2 earthquake struck southern Iran on Tuesday, state media reported.\n",
        b_txt="March 15, 2011\n\nAn earthquake measuring 5.6 on the Richter scale shook southern Iran on Tuesday, "
              "Iranian television said.\n",
        c_txt="March 16, 2011\n\nThe U.S. Geological Survey put the magnitude of Tuesday's quake in Iran at 5.4, while "
              "Iran's seismological centre said it measured 5.6.\n")
    pairs = sorted(tuple(sorted(f"{claim.doc.rsplit('/', 1)[-1]} {claim.text}" for claim in finding.about))
                   for finding in found)
    assert pairs == [("a.txt 5.2", "b.txt 5.6"), ("a.txt 5.2", "c.txt 5.4"), ("b.txt 5.6", "c.txt 5.4")]
    assert {finding.severity for finding in found} == {"warning"}  # 0.2 of magnitude is no minor difference
    on_one_page = [finding for finding in found if "two sources on one page" in finding.message]
    assert len(on_one_page) == 1


def test_two_quakes_in_one_folder_are_two_events_each_with_its_magnitudes(tmp_path):
    pages = {
        "a.txt": "Quake hits Papua\nJanuary 4, 2009\n\nA magnitude 7.6 earthquake struck off the coast of Indonesia's "
                 "Papua province on Sunday, killing at least four people, officials said.\n",
        "b.txt": "Strong quake rocks eastern Indonesia\nJanuary 4, 2009\n\nA 7.7-magnitude earthquake hit near Manokwari "
                 "in Papua on Sunday, the U.S. Geological Survey said.\n",
        "c.txt": "Aceh earthquake\nJuly 2, 2013\n\nA 6.1-magnitude earthquake struck Indonesia's Aceh province on Tuesday, "
                 "killing at least 22 people.\n",
        "d.txt": "Quake kills dozens in Aceh\nJuly 3, 2013\n\nThe magnitude 6.2 quake in Aceh on Tuesday killed 24 people, "
                 "officials said.\n"}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = claimcheck.Checker().check([tmp_path])
    assert sorted(sorted(document.rsplit("/", 1)[-1] for document in event.documents) for event in result.events) == [
        ["a.txt", "b.txt"], ["c.txt", "d.txt"]]
    violated = [finding for finding in result.findings if finding.status == "violated"]
    assert [(finding.rule, _about(finding)) for finding in violated] == [
        ("magnitudes-agree", ["7.6", "7.7"]), ("magnitudes-agree", ["6.1", "6.2"])]


def test_ages_a_year_apart_on_an_undated_page_are_not_a_contradiction(tmp_path):
    dated = "Monday, 7 January 2013\n\nThe victim, Anna Lindqvist, 27, was found at her home, police said.\n"
    assert _violated(tmp_path, a_txt=dated, b_txt="The victim, Anna Lindqvist, 26, lived alone, police said.\n") == []
    [finding] = _violated(tmp_path / "two years", a_txt=dated,
                          b_txt="The victim, Anna Lindqvist, 25, lived alone, police said.\n")
    assert _about(finding) == ["27", "25"]


def test_a_figure_that_names_nothing_after_a_but_restates_the_sentence_before(tmp_path):
    [finding] = _violated(
        tmp_path,
        a_txt="Wednesday, 5 May 2010\n\nPolice put the march, to mark a general strike, at roughly 30,000 people.\n"
              "But witnesses said there were more than 50,000 -- the biggest protest in years.\n")
    assert _shown(finding, "text") == [("a.txt", "roughly 30,000"), ("a.txt", "more than 50,000")]
    assert "the one count of people gathered each of two sources on one page gives" in finding.message
    assert _violated(tmp_path / "another crowd",
                     a_txt="Wednesday, 5 May 2010\n\nPolice put the march at roughly 30,000 people.\n"
                           "But witnesses said there were 50,000 at a rally in Salonika.\n") == []


def test_an_account_of_one_day_is_not_set_against_a_whole_battles(tmp_path):
    assert _violated(
        tmp_path,
        a_txt="Rebel media stated it had retaken Karam on 9 January in addition to killing 20 SDF fighters.\n"
              "The monitor reported on 10 January that the SDF had freed 40 prisoners.\n"
              "Meanwhile, Kurdish sources stated 100 rebels had been killed during the whole battle for the town, while "
              "the rebels stated 50-70 SDF fighters had been killed in the battle.\n") == []


def test_an_including_after_a_figure_lists_its_part_and_strikes_are_no_toll(tmp_path):
    [finding] = _violated(
        tmp_path,
        a_txt="The agency stated that 9,000 people had fled the town within three days. The monitor reported 1,400 "
              "people had fled the town, including dozens of fighters.\n")
    assert _about(finding) == ["9,000", "1,400"]
    assert _violated(tmp_path / "strikes",
                     a_txt="By the end of 2018 the monitor had documented 2,700 civilian deaths in some 39,000 strikes, "
                           "including 690 children, the monitor said. The total for 2018 according to the group was "
                           "730 strikes killing 2,169 civilians.\n") == []


def test_words_of_another_clause_do_not_make_a_figure_another_incidents(tmp_path):
    [finding] = _violated(
        tmp_path,
        a_txt="The army blamed the rebels despite reports that its shells may also have hit the street, saying that 61 "
              "bodies had been recovered. A health official told the agency that rescuers had buried 160 bodies.\n")
    assert _about(finding) == ["61", "160"]


@pytest.mark.parametrize(("text", "about", "outcome"), [
    # a source with differing numbers
    ("The government said that 250 people were killed in the raid; the monitor had differing numbers, reporting 135 "
     "deaths, of which 85 were civilians and 50 soldiers.\n", ["250", "135"], "killed"),
    # a source that says the figures were higher
    ("Monday, 3 July 2023\n\nRiots in Lyon\nThe Interior Ministry says 163 people were arrested and 37 officers "
     "injured.\nThe police union says the real figures were higher, with more than 200 arrests.\n",
     ["163", "more than 200"], "captured"),
])
def test_a_source_that_tells_of_other_figures_gives_another_account(tmp_path, text, about, outcome):
    [finding] = _violated(tmp_path, a_txt=text)
    assert _about(finding) == about
    assert f"the one count of people {outcome} each of two sources on one page gives" in finding.message


def test_a_source_that_restates_a_pages_own_toll_gives_another_account(tmp_path):
    text = ("Monday, 21 February 2019\n\nTwo car bombs exploded in a market in the town on 21 February, killing 14 "
            "people. The monitor reported a single car bomb set off by remote control. The monitor said {} were "
            "killed and others wounded.\n")
    [finding] = _violated(tmp_path, a_txt=text.format("20"))
    assert _about(finding) == ["14", "20"]
    separate = text.replace("The monitor said {}", "In a separate attack the monitor said {}")
    assert _violated(tmp_path / "another attack", a_txt=separate.format("20")) == []


def test_a_toll_told_of_the_day_before_holds_on_the_day_its_page_reports_it(tmp_path):
    day = "Sunday, 12 August 2012\n\n"
    same_day = _violated(tmp_path / "same", a_txt="Quakes hit Iran\n" + day + "Two earthquakes struck northwest Iran on "
                         "Saturday, injuring 1,300 people and killing at least 250, state media said.\n",
                         b_txt="Iran quakes\n" + day + "At least 250 people were killed and more than 2,000 injured in "
                         "northwest Iran, officials said.\n")
    # both pages count the injured up to Sunday: 2,000 against 1,300 is a disagreement, not a change since Saturday
    assert [_about(finding) for finding in same_day] == [["1,300", "more than 2,000"]]
    assert "dated 2012-08-11 (reported 2012-08-12) vs 2012-08-12" in same_day[0].message
    later = _violated(tmp_path / "later", a_txt="Quakes hit Iran\n" + day + "Two earthquakes struck northwest Iran on "
                      "Saturday, killing at least 250 people, state media said.\n",
                      b_txt="Iran toll rises\nTuesday, 14 August 2012\n\nThe toll from the quakes in northwest Iran "
                      "rose to 306 on Tuesday, officials said.\n")
    assert later == []  # reported two days later and higher: an update


def test_a_toll_recalled_from_last_month_is_another_incidents(tmp_path):
    violated = _violated(tmp_path, a_txt="Kabul market bombing\nTuesday, 3 March 2009\n\nA suicide bomber killed 12 people "
                         "at a market in Kabul on Monday, police said.\nLast month, a similar attack at a Kabul bus "
                         "station killed 30.\n", b_txt="Kabul blast\nTuesday, 3 March 2009\n\nA suicide bombing at a "
                         "Kabul market on Monday killed 15 people, officials said.\n")
    assert [_about(finding) for finding in violated] == [["12", "15"]]


def test_a_whole_countrys_crowd_and_one_towns_march_are_never_one_quantity():
    [nation] = claimcheck.extract_text("Across the country, unions said 800,000 people marched in 46 cities.")[:1]
    [town] = claimcheck.extract_text("Police estimated the Porto march at 40,000 people.")
    [other] = claimcheck.extract_text("Police estimated the Porto march at 60,000 people.")
    assert nation.scope == "total" and town.place == "Porto"
    assert vetoes(nation, town, strict=False) == ("a whole country's crowd against one town's",)
    assert vetoes(town, other, strict=False) == ()


def test_a_forecast_is_never_tied_to_what_happened(tmp_path):
    [landfall] = claimcheck.extract_text("The storm made landfall with winds of 185 km/h.")
    [forecast] = claimcheck.extract_text("It was forecast to weaken before reaching Vietnam, with winds of around "
                                         "120 km/h.")
    [other] = claimcheck.extract_text("It is expected to reach Vietnam with winds of 100 km/h.")
    assert vetoes(landfall, forecast) == ("a forecast against a figure told as it happened",)
    assert vetoes(landfall, forecast, strict=False) == ()
    assert "a forecast against a figure told as it happened" not in vetoes(forecast, other)


@pytest.mark.parametrize(("a_txt", "b_txt"), [
    pytest.param("Market strike: death toll reaches 31\n\nAt least 31 people were killed when jets bombed the market in "
                 "Marabek on Monday, rescuers said.\nThe hospital has 90 beds.\nTraders come from some 20 villages.\n",
                 "Marabek raid condemned\n\nFour bombs hit the market in Marabek on Monday.\nA rebel spokesman said on "
                 "Tuesday that more than 60 people had been killed in the raid on the market.\nThe market had around 400 "
                 "stalls.\n", id="a toll told as reached"),
    pytest.param("Typhoon Haruka slams northern Philippines, 3 dead\n\nTyphoon Haruka made landfall before dawn on "
                 "Monday, killing at least three people, officials said.\nMore than 120,000 people fled their "
                 "homes.\nWinds reached 185 km/h.\n",
                 "Haruka farm losses put at 2.4 billion pesos\n\nTyphoon Haruka struck Isabela province on 13 "
                 "October.\nAround 85,000 hectares of rice land were affected.\nAt least nine people had been "
                 "confirmed dead as of Tuesday.\n", id="a toll stamped with a later day"),
])
def test_a_toll_told_as_reached_or_stamped_later_may_be_a_later_count(tmp_path, a_txt, b_txt):
    assert _violated(tmp_path, a_txt=a_txt, b_txt=b_txt) == []


def test_an_earlier_incident_a_page_recalls_or_a_count_from_before_the_event_is_not_its_own(tmp_path):
    violated = _violated(tmp_path, a_txt="Hospital strike in Sedra\n\nAn air strike hit the hospital in Sedra on "
                         "Thursday, killing at least 15 people, rescue workers said.\nSome 5,000 residents have fled "
                         "the town, the council said.\nTwo missiles struck the emergency wing.\n",
                         b_txt="Sedra hospital hit\n\nAn air strike on the hospital in Sedra on Thursday killed 15 "
                         "people, officials said.\nThe strike came a month after 12 people were killed at a bakery in "
                         "the town.\nThe province already hosted some 340,000 displaced people before the attack.\n")
    assert [_about(finding) for finding in violated] == []


def test_a_toll_recalled_below_a_pages_lead_is_not_the_pages_toll(tmp_path):
    lead = ("Kabul market bombing\nTuesday, 3 March 2009\n\nA suicide bomber killed 12 people at a market in Kabul on "
            "Monday, police said.\n")
    middle = "".join(f"{line}\n" for line in ("The attacker struck near the fruit stalls.", "Shops were shut.",
                                                "The Taliban said it carried out the attack.", "Karzai condemned it.",
                                                "Security has been tightened."))
    violated = _violated(tmp_path, a_txt=lead + middle + "It was the deadliest bombing in Kabul since a blast at a hotel "
                         "killed 40 people.\n", b_txt="Kabul blast\nTuesday, 3 March 2009\n\nA suicide bombing at a "
                         "Kabul market on Monday killed 15 people, officials said.\n")
    assert [_about(finding) for finding in violated] == [["12", "15"]]


def test_two_agencies_magnitudes_on_one_page_disagree(tmp_path):
    violated = _violated(tmp_path, a_txt="Strong quake hits Papua\nSunday, 4 January 2009\n\nA powerful earthquake struck "
                         "off Indonesia's Papua province on Sunday, killing at least one person.\nThe U.S. Geological "
                         "Survey measured the quake at 7.6, while Indonesia's meteorology agency put it at 7.2.\n")
    assert [_about(finding) for finding in violated] == [["7.6", "7.2"]]
    assert "the one magnitude each of two sources on one page gives" in violated[0].message


def test_a_toll_of_another_school_is_no_account_of_the_school_two_sources_disagree_on(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="Israeli shells kill 40 at UN school in Gaza\nWednesday, 7 January 2009\n\nIsraeli tank shells killed at "
              "least 40 people at a United Nations school in Jabaliya on Tuesday, medical officials said.\n",
        b_txt="Gaza school strike\nWednesday, 7 January 2009\n\nThe UN agency for Palestinian refugees said 40 people were "
              "killed at its school in Jabaliya on Tuesday, while Gaza medics put the toll at 45.\n",
        c_txt="UN school hit in Gaza\nTuesday, 6 January 2009\n\nThirty people were killed when Israeli artillery struck a "
              "UN school in northern Gaza on Tuesday, hospital officials said.\nHours earlier, an air strike on another "
              "UN school in Gaza City killed three people.\n")
    assert [_about(finding) for finding in violated] == [["40", "45"]]
    # the school's two accounts on one page are quoted on their two sides (Jabaliya lies in Gaza City: one place)
    assert [(claim.doc.rsplit("/", 1)[-1], claim.text) for claim in violated[0].claims if claim.doc.endswith("b.txt")] == [
        ("b.txt", "40"), ("b.txt", "45")]
    compared = [_about(finding) for finding in claimcheck.Checker().check([tmp_path]).findings]
    assert not [pair for pair in compared if "three" in pair]  # not even as a change over time


def test_a_finding_quotes_every_page_of_a_folder_that_says_its_figure(tmp_path):
    day = "Thursday, 6 May 2010\n\n"
    pages = {f"p{index}_txt": f"Athens strike {index}\n{day}Some 20,000 people marched through Athens on Wednesday "
                              f"against the cuts, police said.\n" for index in range(7)}
    violated = _violated(tmp_path, **pages, z_txt="General strike\n" + day + "More than 100,000 people marched in "
                         "Athens on Wednesday against the cuts, organisers said.\n")
    assert len(violated) == 1
    quoted = sorted({claim.doc.rsplit("/", 1)[-1] for claim in violated[0].claims})
    assert quoted == [f"p{index}.txt" for index in range(7)] + ["z.txt"]  # all seven pages, not the first five
    assert violated[0].message.endswith("and 1 more page")  # the message names five of the six others


def test_a_sources_one_crowd_is_its_account_however_many_its_page_gives(tmp_path):
    day = "Thursday, 6 May 2010\n\n"
    violated = _violated(tmp_path, a_txt="Athens march\n" + day + "Tens of thousands marched through Athens on "
                         "Wednesday.\nPolice said about 30,000 people took part in the march.\nWitnesses said more than "
                         "50,000 people marched.\nOrganisers said 70,000 people marched.\n",
                         b_txt="General strike\n" + day + "An estimated 200,000 people marched through Athens on "
                         "Wednesday, organisers of the strike said.\n")
    assert ["about 30,000", "An estimated 200,000"] in [_about(finding) for finding in violated]


def test_a_days_injured_and_arrested_rise_and_fall_but_the_dead_only_rise(tmp_path):
    sunday, monday = "Sunday, 7 December 2008\n\n", "Monday, 8 December 2008\n\n"
    riots = claimcheck.Checker().check([_written(tmp_path / "riots", {
        "a.txt": "Athens riots\n" + sunday + "Rioters burned shops in Athens, and 24 police officers were injured.\n",
        "b.txt": "Athens riots go on\n" + monday + "Rioters burned banks in Athens, and 12 police officers were injured.\n"})])
    assert [(finding.status, _about(finding)) for finding in riots.findings] == [("changed", ["24", "12"])]
    falling = _violated(tmp_path / "toll", a_txt="Athens fire\n" + sunday + "A fire at a bank in Athens killed 12 people.\n",
                        b_txt="Athens fire\n" + monday + "A fire at a bank in Athens killed 10 people.\n")
    assert [_about(finding) for finding in falling] == [["12", "10"]]  # the dead do not come back to life


def test_a_deal_told_as_background_is_no_account_of_the_pages_deal(tmp_path):
    day = "Wednesday, 24 December 2008\n\n"
    violated = _violated(tmp_path, a_txt="Yankees land Teixeira\n" + day + "Mark Teixeira agreed to an eight-year, "
                         "$180 million contract with the New York Yankees on Tuesday.\n",
                         b_txt="Teixeira joins Yankees\n" + day + "Mark Teixeira joined the Yankees on Tuesday, the team "
                         "said.\nEarlier this month, the Yankees signed CC Sabathia to a seven-year, $161 million deal.\n")
    assert violated == []


def test_a_chronicles_two_accounts_of_one_massacre_disagree(tmp_path):
    violated = _violated(tmp_path, a_md="# Massacres\n\n* On 6 June 2012, the massacre occurred in a village near Hama. "
                         "The death toll, according to opposition activists, was estimated to be between 55 and 68. "
                         "Activists said civilians had been killed by militia, while the government said that nine "
                         "people had been killed by terrorists.\n* On 11 June 2013, rebels killed 60 villagers in "
                         "Hatla.\n")
    assert [_about(finding) for finding in violated] == [["55 and 68", "nine"]]


def test_two_sources_estimates_in_one_sentence_disagree_whatever_else_each_source_says(tmp_path):
    from claimcheck.measure_keys import head_key
    from claimcheck.rules.loader import load_rules

    assert head_key("most loyal jihadist fighters", load_rules().synonyms) == head_key("fighters", load_rules().synonyms)
    violated = _violated(tmp_path, a_md="# Campaign\n\nThe Coalition said 1,500 fighters had surrendered in January. "
                         "SOHR said 400 fighters had fled.\n\nThe Coalition estimated ISIL still had around 1,000-1,500 "
                         "of its most loyal jihadist fighters in the enclave, though SOHR estimated that ISIL still had "
                         "around 3,000 fighters there.\n")
    assert ["around 1,000-1,500", "around 3,000"] in [_about(finding) for finding in violated]


def test_two_sources_estimates_of_a_standing_force_in_one_paragraph_disagree(tmp_path):
    violated = _violated(tmp_path, a_md="# Campaign\n\nSDF commander Mazlum Kobane said that at least 5,000 ISIL "
                         "fighters were still in the remaining pocket. The U.S. estimated there were still 2,500 ISIL "
                         "fighters in the remaining pocket as the Islamic State held the villages of Al-Susah and "
                         "Hajin.\n")
    assert [_about(finding) for finding in violated] == [["at least 5,000", "2,500"]]
    assert "the one estimate of fighters each of two sources on one page gives" in violated[0].message


def test_a_day_named_in_a_clause_of_contrast_is_that_clauses_not_the_figures(tmp_path):
    violated = _violated(tmp_path, a_md="# Strike\n\nThe Iraqi military said that 61 bodies had been recovered at the "
                         "site. The Iraqi Civil Defense Department reported at least 137 bodies were recovered, but by 27 "
                         "March, that number had risen to 531.\n")
    assert [_about(finding) for finding in violated] == [["61", "at least 137"]]


def test_a_takeovers_price_per_share_and_its_value_beside_an_old_deal(tmp_path):
    day = "Tuesday, 13 May 2008\n\n"
    violated = _violated(tmp_path, a_txt="HP to buy EDS\n" + day + "Hewlett-Packard agreed to buy Electronic Data Systems "
                         "for $13.9 billion, or $25 a share, the companies said.\n",
                         b_txt="HP-EDS deal\n" + day + "Hewlett-Packard will pay $13.2 billion for EDS.\nIt is HP's "
                         "biggest acquisition since it bought Compaq for $19 billion in 2002.\n",
                         c_txt="HP buys EDS\n" + day + "Hewlett-Packard said it would acquire EDS at $26 a share.\n")
    # the Compaq deal of 2002 is background: EDS's $13.2 billion is still the only deal b.txt gives of its own
    assert sorted(_about(finding) for finding in violated) == [["$13.9 billion", "$13.2 billion"], ["$25", "$26"]]


def test_two_currencies_are_compared_at_the_rate_of_a_known_day_only(tmp_path):
    euros = "Armed robbers stole jewels worth 85 million euros from a Paris jeweller on Thursday, police said.\n"
    dollars = "Gunmen stole jewels worth $160 million from a Paris jeweller on Thursday, police said.\n"
    dated = _violated(tmp_path / "dated", a_txt="Paris heist\nFriday, 5 December 2008\n\n" + euros,
                      b_txt="Paris jewel robbery\nFriday, 5 December 2008\n\n" + dollars)
    assert [_about(finding) for finding in dated] == [["85 million euros", "$160 million"]]
    assert "85,000,000 EUR = 107,270,000 USD at the rate of 2008-12-04" in dated[0].message
    # undated, no day's rate can settle it: rates move by a third over a few years
    assert _violated(tmp_path / "undated", a_txt=euros, b_txt=dollars) == []


def test_undated_pages_sums_in_two_currencies_are_compared_at_the_rate_one_of_them_converts_at(tmp_path):
    story = ("The robbers entered the store on the Avenue Montaigne at about 5:30 p.m. on Thursday, police said.\n"
             "They threatened 15 staff and customers with a handgun.\n")
    converted = "Armed gang steals 85 million euros of gems from Paris jeweller\n" + story + (
        "The gang stole jewels worth 85 million euros ($108 million), police said.\n")
    violated = _violated(tmp_path / "apart", a_txt=converted, b_txt="Four robbers walk out with $85 million in "
                         "diamonds\n" + story + "The gang walked out with $85 million worth of diamonds.\n")
    assert [_about(finding) for finding in violated] == [["85 million euros", "$85 million"]]
    assert f"85,000,000 EUR = 108,000,000 USD at the rate of 1.271 USD per EUR, as {tmp_path}/apart/a.txt converts" in \
        violated[0].message
    # the same sum at a rate within an outlet's rounding of the page's
    assert _violated(tmp_path / "alike", a_txt=converted, b_txt="Four robbers walk out with $110 million in "
                     "diamonds\n" + story + "The gang walked out with $110 million worth of diamonds.\n") == []


def test_a_strike_hours_later_is_another_incident_not_an_account_of_the_first(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="School hit\nThursday, 31 July 2014\n\nAn Israeli strike on a UN school in Jabaliya killed at least 19 "
              "people on Wednesday, health officials said.\nHours later, an Israeli strike hit a crowded market nearby, "
              "killing 17.\n",
        b_txt="UN school shelled\nThursday, 31 July 2014\n\nAn Israeli strike on a UN school in Jabaliya killed 15 people "
              "on Wednesday, the UN said.\n")
    assert [_about(finding) for finding in violated] == [["at least 19", "15"]]


_ACEH = ("A strong earthquake struck the Bener Meriah district of Aceh province on Tuesday, officials said.\n"
         "The quake had a magnitude of 6.1, the U.S. Geological Survey said.\n"
         "It struck at a depth of 10 kilometres.\n"
         "More than 1,500 houses were damaged.\n")


def test_a_toll_that_rose_to_its_figure_on_an_undated_page_may_be_a_later_count(tmp_path):
    assert _contrasted(
        tmp_path, first=_ACEH + "The quake killed 15 people, a disaster agency official said.\n",
        apart=_ACEH + "The death toll rose to 35 as rescuers reached remote villages, a disaster agency official said.\n",
        alike=_ACEH + "The quake killed 35 people as it razed remote villages, a disaster agency official said.\n",
    ) == ([], [["15", "35"]])


_VOLCANO = ("A volcano erupted on an island in northern Indonesia, sending ash two kilometres into the sky.\n"
            "Authorities widened the danger zone around the crater to 7 kilometres.\n"
            "Nearly 15,000 people have been evacuated to shelters on the island.\n"
            "Flights to the provincial capital were cancelled.\n")


def test_a_toll_that_rose_on_the_weekday_another_undated_page_tells_of_is_that_days_account(tmp_path):
    # "rose to six on Wednesday" and "seven ... police said on Wednesday": one day's two accounts, not two stages
    top = _VOLCANO
    assert _contrasted(
        tmp_path, first="The death toll rose to six on Wednesday, the disaster agency said.\n" + top,
        apart="At least seven people have been killed, police said on Thursday.\n" + top,
        alike="At least seven people have been killed, police said on Wednesday.\n" + top,
    ) == ([], [["six", "At least seven"]])


def test_an_undated_pages_toll_of_another_weekday_than_a_dated_pages_may_be_an_earlier_count(tmp_path):
    rest = ("Thousands of pilgrims had packed the narrow lanes leading to the temple for the festival.\n"
            "The state government ordered an inquiry and announced compensation for the families of the dead.\n"
            "Police said the crowd surged when a railing gave way near the main gate.\n")
    dated = ("PATNA, India, Aug 23, 2016 (AFP) - Thirty-one people were killed in a stampede at a Hindu temple in "
             "eastern India, police said.\n" + rest)
    assert _contrasted(
        tmp_path, first=dated,
        apart="Officials said 27 people were killed in Monday's stampede at the temple in eastern India.\n" + rest,
        alike="Officials said on Tuesday that 27 people were killed in the stampede at the temple in eastern India.\n"
              + rest,
    ) == ([], [["Thirty-one", "27"]])


def test_an_undated_pages_toll_written_on_another_day_than_a_dated_pages_may_be_an_earlier_count(tmp_path):
    rest = ("Thousands of pilgrims had packed the narrow lanes leading to the temple for the festival.\n"
            "The state government ordered an inquiry and announced compensation for the families of the dead.\n"
            "Police said the crowd surged when a railing gave way near the main gate.\n")
    dated = ("PATNA, India, Aug 23, 2016 (AFP) - Thirty-one people were killed in a stampede at a Hindu temple in "
             "eastern India, police said.\n" + rest)
    told = "Twenty-seven people were killed in a stampede at the temple in eastern India, officials said.\n"
    assert _contrasted(  # a dateline without a year still gives the day a page was written
        tmp_path, first=dated, apart="Temple stampede\nPatna, Aug 22 (PTI) " + told + rest,
        alike="Temple stampede\nPatna, Aug 23 (PTI) " + told + rest,
    ) == ([], [["Thirty-one", "Twenty-seven"]])


def test_an_undated_pages_toll_written_on_the_day_of_a_dated_page_is_that_days_account(tmp_path):
    rest = ("Thousands of pilgrims had packed the narrow lanes leading to the temple for the festival.\n"
            "The state government ordered an inquiry and announced compensation for the families of the dead.\n")
    dated = ("PATNA, India, Aug 23, 2016 (AFP) - Thirty-one people were killed in a stampede at a Hindu temple in "
             "eastern India on Tuesday, police said.\n" + rest)
    told = "Twenty-seven people were killed in the stampede that began late on Monday, officials said.\n"
    assert _contrasted(  # the dateline gives the day it was written, whatever day its story began
        tmp_path, first=dated, apart="Temple stampede\nPatna, Aug 24 (PTI) " + told + rest,
        alike="Temple stampede\nPatna, Aug 23 (PTI) " + told + rest,
    ) == ([], [["Thirty-one", "Twenty-seven"]])


def test_the_only_toll_each_page_gives_counts_the_same_people_told_by_what_brought_them_there(tmp_path):
    rest = ("Thousands had packed the narrow lanes leading to the temple for the festival.\n"
            "The state government ordered an inquiry and announced compensation for the families of the dead.\n"
            "Police said the crowd surged when a railing gave way near the main gate.\n")
    told = " were killed in a stampede at a Hindu temple in eastern India on Monday, police said.\n" + rest
    assert _wire_contrasted(  # pilgrims are everyone there; port workers are some of those a crush killed
        tmp_path, "PATNA, India, Aug 22, 2016 ({}) - ", first="Twenty-four people" + told,
        apart="Two port workers" + told, alike="Twenty-seven pilgrims" + told,
    ) == ([], [["Twenty-four", "Twenty-seven"]])


def test_a_rate_told_on_two_days_is_two_days_rates(tmp_path):
    rest = ("The outbreak began in the river villages after the floods, the health ministry said.\n"
            "Aid agencies have set up treatment centres in the provincial capital.\n")

    def statuses(day: int) -> list[str]:
        folder = _written(tmp_path / str(day), {
            "a.txt": "TETE, Mozambique, Jan 23, 2017 (Reuters) - The case fatality rate of the cholera outbreak "
                     "stood at 2.5 percent, the ministry said.\n" + rest,
            "b.txt": f"TETE, Mozambique, Jan {day}, 2017 (AFP) - The case fatality rate of the cholera outbreak "
                     "stood at 1.9 percent, the ministry said.\n" + rest})
        return [finding.status for finding in claimcheck.Checker().check([folder]).findings
                if finding.rule == "figures-agree-across-sources"]

    assert statuses(23) == ["violated"]
    assert statuses(26) == ["changed"]


def test_the_only_count_of_people_aboard_each_page_gives_anchors_a_disagreement(tmp_path):
    rest = ("The train left the tracks near a village shortly after seven in the morning, the operator said.\n"
            "Rescuers cut through the wreckage of the carriages to reach the injured.\n"
            "The operator said the line would stay closed for several days.\n")
    assert _wire_contrasted(  # people aboard, not a count of anything else on the train
        tmp_path, "BACAU, Romania, March 14, 2017 ({}) - ",
        first="The train had about 250 passengers on board, the operator said.\n",
        apart="The train had 312 seats in its carriages, the operator said.\n",
        alike="The train was carrying 312 passengers, according to ticket data from the operator.\n", rest=rest,
    ) == ([], [["about 250", "312"]])


def test_two_sources_set_against_each_other_on_one_page_disagree_whatever_another_page_tells_as_risen(tmp_path):
    rest = ("The dam collapsed late on Tuesday after days of heavy rain, flooding six villages downstream.\n"
            "Rescue teams were still searching for the missing, the governor said.\n")
    violated = _violated(
        tmp_path,
        a_txt="Dam disaster toll climbs to 14\nThe death toll from the collapse of the dam rose to 14 on Thursday, "
              "the provincial governor said.\n" + rest,
        b_txt="The Red Cross said on Thursday that 19 people had died in the flood, while the provincial authorities "
              "put the toll at 14.\n" + rest)
    assert [sorted(_about(finding)) for finding in violated] == [["14", "19"]]
    assert "two sources on one page" in violated[0].message


def test_a_figure_told_as_preliminary_may_be_the_first_reading_of_a_revised_one(tmp_path):
    rest = ("The quake struck near the town of Pinotepa in Oaxaca state shortly after noon.\n"
            "Buildings swayed in Mexico City, about 350 km away, and people ran into the streets.\n")
    assert _wire_contrasted(
        tmp_path, "MEXICO CITY, Jan 16, 2019 ({}) - ",
        first="The earthquake in Oaxaca had a magnitude of 7.0, Mexico's seismological service said.\n",
        apart="Mexico's seismological service gave a preliminary magnitude of 7.2 for the earthquake in Oaxaca.\n",
        alike="Mexico's seismological service gave a magnitude of 7.2 for the earthquake in Oaxaca.\n", rest=rest,
    ) == ([], [["7.0", "7.2"]])


def test_two_hedged_figures_disagree_when_their_hedges_do_not_meet(tmp_path):
    rest = ("Four men robbed the jeweller on the avenue Montaigne in central Paris on Thursday afternoon.\n"
            "The robbers escaped on foot and police were searching the area, a police source said.\n")
    told = "The robbers stole jewels worth about {} million euros, a police source said.\n"
    assert _wire_contrasted(  # about 4.5 million (4.05 to 4.95) and about 3.5 million (3.15 to 3.85) never meet
        tmp_path, "PARIS, Dec 5, 2013 ({}) - ", first=told.format("4.5"), apart=told.format("4.2"),
        alike=told.format("3.5"), rest=rest,
    ) == ([], [["about 4.5 million euros", "about 3.5 million euros"]])
    [violated] = _violated(tmp_path / "alike")
    assert "values differ by 1,000,000 (22.2%), beyond the precision they are reported to" in violated.message


def test_a_toll_of_an_eruption_a_year_names_is_another_events(tmp_path):
    top = _VOLCANO
    assert _contrasted(
        tmp_path, first=top + "Seven people were killed, police said.\n",
        apart=top + "A 1914 eruption killed 41 people, according to the volcanology agency.\n",
        alike=top + "The eruption killed 41 people, according to the volcanology agency.\n",
    ) == ([], [["Seven", "41"]])


def test_a_figure_its_sentence_dates_to_a_past_year_is_no_account_of_an_undated_pages(tmp_path):
    deal = ("Advanced Micro Devices said it would buy ATI Technologies, the graphics chip maker.\n"
            "ATI has about 3,300 employees and its shares rose 20 percent.\n"
            "The companies expect the deal to close in the fourth quarter.\n"
            "ATI had sales of $2.2 billion last year.\n")
    assert _contrasted(
        tmp_path, first=deal + "AMD agreed to buy ATI for $5.4 billion in cash and stock.\n",
        apart=deal + "AMD agreed to buy NexGen for $850 million back in 1996.\n",
        alike=deal + "AMD agreed to buy ATI for $4.8 billion in cash and stock.\n",
    ) == ([], [["$5.4 billion", "$4.8 billion"]])


def test_the_injured_of_two_named_nights_are_two_counts_on_undated_pages(tmp_path):
    riots = ("Riots spread across Athens after police shot a teenager, officials said.\n"
             "Protesters set fire to 31 shops and nine banks.\n"
             "About 2,000 people marched to parliament.\n")
    assert _contrasted(
        tmp_path, first=riots + "Police said 24 officers were injured in Athens overnight.\n",
        apart=riots + "Police said 12 officers were injured on Sunday night in Athens.\n",
        alike=riots + "Police said 12 officers were injured in Athens overnight.\n",
    ) == ([], [["24", "12"]])


def test_a_quake_of_a_year_one_page_names_is_no_account_of_an_undated_pages_quake(tmp_path):
    napa = ("A strong earthquake struck California's Napa Valley early on Sunday, officials said.\n"
            "More than 120 people were treated at a hospital in Napa.\n"
            "Damage was put at about $1 billion.\n")
    assert _contrasted(
        tmp_path, first=napa + "The quake had a magnitude of 6.0, the U.S. Geological Survey said.\n",
        apart=napa + "It was the worst quake in Napa since September 2000, when a magnitude-5.0 temblor injured 41 "
                     "people.\n",
        alike=napa + "The quake near Napa had a magnitude of 5.0, the U.S. Geological Survey said.\n",
    ) == ([], [["6.0", "5.0"]])


def test_two_magnitudes_one_survey_gives_of_two_places_are_not_of_a_quake_both_name():
    from claimcheck.evidence import anchors
    from claimcheck.rules.loader import load_rules

    synonyms = load_rules().synonyms
    manokwari, bireuen, also_manokwari = _claims(
        "The 7.6 quake struck west of the town of Manokwari in Indonesia, the U.S. Geological Survey said.",
        "The 6.1 quake struck west of the town of Bireuen in Indonesia, the U.S. Geological Survey said.",
        "A 7.2 quake struck near Manokwari in Indonesia, the U.S. Geological Survey said.")
    named = "the only magnitude each source gives, of a quake both name"
    assert named not in anchors(manokwari, bireuen, (1, 1), synonyms)
    assert named in anchors(manokwari, also_manokwari, (1, 1), synonyms)


@pytest.mark.parametrize(("kind", "name", "canonical"), [
    ("actor", "Israeli", "Israel"),
    ("actor", "Israel", "Israel"),
    ("place", "Indonesia's Aceh", "Aceh"),
    ("place", "Bush's Texas", "Bush's Texas"),  # a person's, not a country's
])
def test_a_demonym_acts_for_its_country_and_a_countrys_province_is_the_province(kind, name, canonical):
    from claimcheck.measure_keys import canonical_name
    from claimcheck.rules.loader import load_rules

    assert canonical_name(kind, name, load_rules().synonyms) == canonical


def test_a_deal_in_a_pages_headline_and_first_sentence_is_its_own_whatever_deals_it_recalls(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="Yankees land Teixeira with $180 million deal\nMark Teixeira agreed Tuesday to a $180 million, eight-year "
              "contract with the New York Yankees.\nThe deal includes a full no-trade clause.\nThe Yankees have now "
              "committed $423.5 million to three players, after CC Sabathia got a $161 million deal.\nAlex Rodriguez "
              "signed a $275 million deal last year.\n",
        b_txt="Yankees lure Teixeira with eight-year deal\nThe New York Yankees have agreed to sign Mark Teixeira to an "
              "eight-year contract worth $170 million, U.S. media reported on Tuesday.\nThe Boston Red Sox had also "
              "pursued Teixeira.\nHe hit 33 home runs last season.\n")
    assert [_about(finding) for finding in violated] == [["$180 million", "$170 million"]]


@pytest.mark.parametrize(("against", "violated"), [
    ("lower than the 6.3 reported by the international monitoring service", [["6.0", "6.3"]]),
    ("and the international monitoring service reported 6.3 for an aftershock", []),  # another quake's
])
def test_a_sentence_that_sets_another_sources_magnitude_against_its_own_gives_two_accounts(tmp_path, against, violated):
    # "It maintained ... 6.0": a source the sentence does not name; the 6.3 another's, set against it
    page = ("Quake shakes southern Peru\nLIMA, Sept 14 - An earthquake struck the Ayllo region of southern Peru before "
            "dawn on Sunday, officials said.\nThe national seismological service has recorded more than 60 "
            f"aftershocks.\nIt maintained its estimate of the main shock at magnitude 6.0, {against}.\nDozens of "
            "adobe homes collapsed.\n")
    assert [sorted(_about(finding)) for finding in _violated(tmp_path, a_txt=page)] == violated


@pytest.mark.parametrize(("sentence", "violated"), [
    ("The employers' association said 17,500 nurses had walked out, far fewer than the roughly 28,000 claimed by the "
     "union.", [["17,500", "roughly 28,000"]]),
    ("The employers' association said 17,500 nurses had walked out, and 28,000 patients had operations put off.", []),
    ("The union said 24,000 nurses had walked out, well above the employers' association's official count of 17,500.",
     [["17,500", "24,000"]]),
    ("The union said 24,000 nurses had walked out, a higher figure than the 17,500 given by the employers.",
     [["17,500", "24,000"]]),
])
def test_two_sources_counts_set_against_each_other_in_one_sentence_disagree(tmp_path, sentence, violated):
    page = (f"Nurses strike across the Western Region\nAbout 200 hospitals were hit on Monday.\n{sentence}\n"
            "Talks are due to resume on Friday.\n")
    assert [sorted(_about(finding)) for finding in _violated(tmp_path, a_txt=page)] == violated


def test_people_rescued_are_a_running_count_pages_of_two_days_may_differ_on(tmp_path):
    found = _violated(
        tmp_path,
        a_txt="Boat capsizes on Lake Nyaruzi, 22 dead\nRUBALE, Nov 19 (Meridian Wire) - An overloaded boat capsized on "
              "Lake Nyaruzi on Tuesday, killing at least 22 people, police said.\nThirty-seven people were rescued, "
              "the regional police commander said.\nThe boat was licensed to carry 60 passengers.\n",
        b_txt="Nyaruzi capsizing shows limits of boat licensing\nMaritime Safety Review | 22 November 2024\nThe boat "
              "that capsized on Lake Nyaruzi on 19 November was carrying 96 passengers, police say.\nOnly 41 people "
              "were rescued, most by fishermen in canoes.\nThe boat was licensed to carry 60 passengers.\n")
    assert [sorted(_about(finding)) for finding in found] == []  # 37 on the day, 41 three days on


def test_an_estimate_told_as_revised_may_be_later_than_another_pages_first_one(tmp_path):
    heist = ("A lone gunman robbed a diamond exhibition at the Carlton hotel in Cannes on Sunday, police said.\n"
             "The man entered through French windows around midday, when some 30 guests were in the room.\n"
             "The exhibition had been open for 12 days.\n")
    assert _contrasted(
        tmp_path, first=heist + "He stole jewels worth an estimated 40 million euros, police said.\n",
        apart=heist + "The stolen jewels are now estimated to be worth 136 million euros, prosecutors said.\n",
        alike=heist + "He stole jewels worth an estimated 136 million euros, prosecutors said.\n",
    ) == ([], [["an estimated 40 million euros", "an estimated 136 million euros"]])


def test_a_headlines_sum_that_the_page_tells_of_as_revised_may_be_later_than_another_pages(tmp_path):
    heist = ("A lone gunman robbed a diamond exhibition at the Carlton hotel in Cannes on Sunday, police said.\n"
             "The man entered through French windows around midday, when some 30 guests were in the room.\n")
    first = "Gunman steals 40 million euros of jewels in Cannes\n" + heist + "He stole jewels worth 40 million euros.\n"
    assert _contrasted(
        tmp_path, first=first,
        apart="Gunman escapes with gems worth 103 million euros\n" + heist + "The jewels were worth 103 million "
              "euros, more than double the first estimate, prosecutors said.\n",
        alike="Gunman escapes with gems worth 103 million euros\n" + heist + "The jewels were worth 103 million "
              "euros, prosecutors said.\n",
    ) == ([], [["40 million euros", "103 million euros"]])


def test_running_counts_of_undated_pages_telling_of_other_weekdays_may_have_changed(tmp_path):
    aceh = ("Hundreds of houses collapsed and about 6,000 people fled their homes.\n"
            "The quake had a magnitude of 6.1, the U.S. Geological Survey said.\n"
            "It struck at a depth of 10 kilometres.\n")
    assert _contrasted(
        tmp_path, first="A strong earthquake in Aceh killed 35 people, officials said on Thursday.\n" + aceh,
        apart="A strong earthquake in Aceh killed 42 people, officials said on Friday.\n" + aceh,
        alike="A strong earthquake in Aceh killed 42 people, officials said on Thursday.\n" + aceh,
    ) == ([], [["35", "42"]])

def test_a_headlines_toll_is_set_against_its_lead_not_a_toll_recalled_further_down(tmp_path):
    page = ("Quake death toll at 306, injured top 3,000\n\n"
            "The twin earthquakes have killed 306 people, the health minister said on Monday.\n"
            "A total of 3,037 people were injured.\n"
            "The official toll had stood at 250 on Sunday, when the search for survivors ended.\n")
    lead = page.replace("killed 306 people", "killed 320 people").rsplit("The official", 1)[0]
    assert _violated(tmp_path / "recalled", a_txt=page) == []
    assert [_about(finding) for finding in _violated(tmp_path / "lead", a_txt=lead)] == [["306", "320"]]


def test_counts_of_the_hurt_rising_with_the_death_toll_are_counts_of_different_hours(tmp_path):
    top = "Saturday, 25 January 2020\n\n"
    told = ("A strong earthquake struck eastern Turkey on Friday evening, killing {} people and injuring {}, officials "
            "said.\nRescue teams searched collapsed buildings in Elazig through the night.\n")
    first = top + told.format(18, 553)
    later = _violated(tmp_path / "later", a_txt=first, b_txt=top + told.format(22, "1,300"))
    assert [_shown(finding, "text") for finding in later] == [[("a.txt", "18"), ("b.txt", "22")]]
    # more dead and fewer hurt is no later hour's count: the hurt disagree
    fewer = _violated(tmp_path / "fewer", a_txt=first, c_txt=top + told.format(22, 300))
    assert [_shown(finding, "text") for finding in fewer] == [[("a.txt", "18"), ("c.txt", "22")],
                                                             [("a.txt", "553"), ("c.txt", "300")]]


#: the rest of an undated article (figures on several lines): its only deal is *the* deal it tells of
_MORE = ("Celgene shareholders will receive one Bristol share and $50 in cash for each share.\n"
         "The companies expect the deal to close in the third quarter, and 2,000 jobs may go.\n"
         "Celgene sells 3 drugs with sales of more than $1 billion each.\n")


@pytest.mark.parametrize("recalled", [
    "Drugmakers have been busy buyers, with Bayer completing its takeover of Monsanto for $63 billion last year.",
    "Drugmakers have been busy buyers: the offer tops Bayer's $63 billion takeover of Monsanto.",
])
def test_a_deal_of_a_past_year_or_of_another_buyer_is_not_the_pages_deal(tmp_path, recalled):
    violated = _violated(
        tmp_path,
        a_txt="Bristol-Myers Squibb to buy Celgene\n\nBristol-Myers Squibb is buying Celgene in a cash-and-stock deal "
              f"valued at $74 billion, creating a cancer drug powerhouse.\n{_MORE}",
        b_txt="Bristol-Myers Squibb to buy Celgene\n\nBristol-Myers Squibb agreed to buy Celgene in a cash-and-stock "
              f"deal, creating a cancer drug powerhouse.\n{recalled}\n{_MORE}")
    assert violated == []


def test_two_signings_deals_are_two_deals_however_alike_their_pages(tmp_path):
    rest = ("The deal includes a signing bonus of $20 million.\nHe hit 34 home runs last season.\n"
            "The team won 80 games last season.\n")
    violated = _violated(
        tmp_path,
        a_txt=f"Harper agrees to record $330 million deal with Phillies\n\nThe slugger signed with the club on Thursday.\n{rest}",
        b_txt=f"Machado agrees to $300 million deal with Padres\n\nThe slugger signed with the club on Thursday.\n{rest}")
    assert violated == []


@pytest.mark.parametrize(("text", "toll"), [
    ("Turkey earthquake kills 138, hundreds feared dead\nRescuers searched the rubble.\n", 138),  # a count before a guess
    ("Iran earthquakes: dozens dead in East Azerbaijan\nRescuers searched the rubble.\n", 62),  # a guess alone tells
    ("Twin suicide bombings in Baghdad kill 32\nTwo bombers killed 32 people.\nA hospital said 35 had died.\n", 32),
])
def test_a_pages_death_toll_is_the_first_line_that_gives_one(text, toll):
    from claimcheck.evidence.pages import top_toll
    from claimcheck.rules.loader import load_rules

    claims = claimcheck.extract_text(text, doc="a.txt")
    assert top_toll("a.txt", claimcheck.evidence.page_figures(claims, load_rules().synonyms)) == toll


def test_two_stat_lines_alike_in_words_are_no_copy_of_one_sentence_when_their_other_figures_differ():
    from claimcheck.evidence import anchors
    from claimcheck.rules.loader import load_rules

    def yards(text: str, doc: str):
        return next(claim for claim in claimcheck.extract_text(text, doc=doc) if claim.text.endswith("yards"))

    season = yards("He has 61 carries for 412 yards and four touchdowns.", "a.txt")
    game = yards("He finished with nine carries for 87 yards.", "b.txt")
    copy = yards("He has 61 carries for 421 yards and four touchdowns.", "c.txt")
    synonyms = load_rules().synonyms
    assert anchors(season, game, (1, 1), synonyms) == ()  # a season's line and a game's
    assert anchors(season, copy, (1, 1), synonyms) == ("the same sentence in both sources, the figure in the same place",)


def test_a_toll_that_counts_the_gunman_is_not_the_toll_of_his_victims(tmp_path):
    story = ("The gunman, a driver who had been asked to resign, opened fire after a meeting with managers, police said.\n"
             "Two other workers were wounded.\n")
    assert _contrasted(
        tmp_path / "toll",
        first="Gunman kills eight at beer distributor\nA gunman killed eight people at a beer distributor on Tuesday "
              "before shooting himself, police said.\n" + story,
        apart="9 dead in shooting at beer distributor\nNine people, including the gunman, are dead after a shooting at "
              "a beer distributor on Tuesday, police said.\n" + story,
        alike="9 dead in shooting at beer distributor\nA gunman killed nine people at a beer distributor on Tuesday "
              "before shooting himself, police said.\n" + story,
    ) == ([], [["eight", "9"]])


def test_a_bombing_recalled_as_last_sundays_is_not_the_pages_own(tmp_path):
    assert _violated(
        tmp_path,
        a_txt="Bomb kills 39 in city market\nA car bomb killed 39 people in a crowded market on Sunday, police said.\n"
              "More than 100 people were wounded.\n",
        b_txt="Bomb kills 39 in city market\nA car bomb killed 39 people in a crowded market on Sunday, police said.\n"
              "Last Sunday, suicide bombers attacked a church in the city, killing 82 people.\n") == []


def test_a_shooting_recalled_as_last_months_is_not_the_pages_own(tmp_path):
    assert _violated(
        tmp_path,
        a_txt="Gunman kills eight at beer distributor\nA gunman killed eight people at a beer distributor on Tuesday, "
              "police said.\nTwo other workers were wounded.\n",
        b_txt="Gunman kills eight at beer distributor\nA gunman killed eight people at a beer distributor on Tuesday, "
              "police said.\nThe shooting at an army base last November, in which 13 people were killed, was similar in "
              "some ways.\n") == []


def test_a_theft_recalled_by_its_month_is_not_the_pages_own(tmp_path):
    story = "Two guards were on duty, police said.\nThe exhibition, which opened 3 days ago, was closed.\n"
    assert _violated(
        tmp_path,
        a_txt="Gunman robs Cannes jewel show\nA lone gunman stole jewels worth 40 million euros from an exhibition in "
              "Cannes on Sunday, police said.\n" + story,
        b_txt="Gunman robs Cannes jewel show\nA lone gunman robbed a jewellery exhibition in Cannes on Sunday, police "
              "said.\n" + story + "In May, jewels worth 1 million euros were stolen from a hotel room in the city.\n") == []


def test_a_pages_headline_and_first_sentence_toll_is_its_own_though_its_lead_adds_a_districts():
    from claimcheck.evidence.pages import lead_figure
    from claimcheck.rules.loader import load_rules

    claims = claimcheck.extract_text(
        "Death toll from Indonesia quake rises to 22\n"
        "The death toll from the earthquake that struck Indonesia's Aceh province rose to 22, officials said.\n"
        "Rescuers dug through landslides in the hills.\n"
        "Most of the dead were in the Bener district, where 12 people died when a school collapsed.\n", doc="a.txt")
    figures = claimcheck.evidence.page_figures(claims, load_rules().synonyms)
    assert [(claim.text, lead_figure(claim, figures, "killed")) for claim in claims] == [
        ("22", True), ("22", True), ("12", False)]


@pytest.mark.parametrize(("bidder", "violated"), [("Oracle", [["$9.40", "$9.50"]]), ("IBM", [])])
def test_a_price_per_share_is_one_bidders(tmp_path, bidder, violated):
    story = "The deal values the company at about $7 billion.\nIts shares rose 37 percent on Monday.\n"
    found = _violated(
        tmp_path,
        a_txt="Oracle to buy Sun for $7 billion\nOracle will pay $9.50 a share in cash, the companies said on "
              "Monday.\n" + story,
        b_txt=f"Oracle to buy Sun for $7 billion\n{bidder} will pay $9.40 a share in cash, the companies said on "
              "Monday.\n" + story)
    assert [sorted(_about(finding)) for finding in found] == violated


_NAMES_NO_ONE = "The offer is 23 percent above the stock price before news of the talks."


@pytest.mark.parametrize(("offer", "violated"), [
    ("The offer is a 23 percent premium to Trellis's last close, Corvant said.", [["23 percent", "32%"]]),
    ("Globex's offer was a 23 percent premium to Acme's last close.", []),  # another offer
    # a sentence that names no one tells of whom its page's lead names
    (f"Corvant agreed on Monday to buy Trellis and to cut 300 jobs.\n{_NAMES_NO_ONE}", [["23 percent", "32%"]]),
    (f"Globex agreed on Monday to buy Acme and to cut 300 jobs.\n{_NAMES_NO_ONE}", []),  # another firm's offer
    ("The Globex offer represents a 23 percent premium to Trellis's last close.", []),  # another bidder's
    # "That's" is no one's; "Corvant Holdings" is Corvant
    ("Corvant Holdings agreed on Monday to buy Trellis and to cut 300 jobs.\nThat's a 23 percent premium to the last "
     "close.", [["23 percent", "32%"]]),
])
def test_the_premium_of_an_offer_is_one_across_pages(tmp_path, offer, violated):
    found = _violated(
        tmp_path,
        a_txt="Monday, 11 March 2024\n\nCorvant to buy Trellis\nCorvant will pay $38.50 per Trellis share in cash, a "
              "premium of 32% to the stock's close on Friday.\n",
        b_txt=f"Monday, 11 March 2024\n\nTakeover news\n{offer}\n")
    assert [sorted(_about(finding)) for finding in found] == violated


def test_a_figure_given_elsewhere_in_the_other_sentence_is_not_in_the_same_place():
    from claimcheck.evidence.copies import other_figures_apart

    first, second = (claimcheck.extract_text(text, doc=doc) for doc, text in (
        ("a.txt", "On Tuesday, EDS shares rose 57 cents, or 2.5 percent, to $23.27, while HP shares gained 34 cents "
                  "to $45.32."),
        ("b.txt", "EDS shares closed up 2.5 percent at 23.27 dollars on Tuesday, while HP shares gained 0.8 percent "
                  "to 45.32 dollars.")))
    price = {claim.text: claim for claim in first + second}
    assert other_figures_apart(price["$23.27"], price["45.32 dollars"])
    assert not other_figures_apart(price["$23.27"], price["23.27 dollars"])


@pytest.mark.parametrize(("sentence", "years"), [
    ("Chile's 2010 earthquake, of magnitude 8.8, killed more than 500 people.", {"2010"}),
    ("Compare that with 2010, when the quake killed over 800 people.", {"2010"}),
    ("A rally with 2000 people marched on Sunday.", set()),
    ("The United Nations said 2017 was one of the deadliest years for civilians, with 3,438 killed.", {"2017"}),
    ("About 2000 were killed in the fighting.", set()),
    ("PATNA, India, Aug 23, 2016 (AFP) - Thirty-one people were killed in a stampede.", set()),  # when it was written
    ("LONDON, May 16, 2018 (Reuters) - The painting last sold in 2017.", {"2017"}),
    ("A 1914 eruption killed 41 people.", {"1914"}),
    ("Nearly 500 had died of bootleg alcohol between 2008 and 2015.", {"2008"}),
    ("The riots, the worst in France since 2005, saw 69 people arrested.", set()),  # a record's benchmark year
    ("Since 2005, 300 people have died on the road.", {"2005"}),
])
def test_the_years_a_sentence_tells_of(sentence, years):
    from claimcheck.evidence.days import years_named

    assert years_named(sentence) == years


@pytest.mark.parametrize(("sentence", "days"), [
    # the day a source spoke on counts only where the sentence names no other
    ("The commissioner said on Tuesday morning that 235 people had been arrested during Monday's riots.", {"monday"}),
    ("The quake killed 20 people, officials said on Sunday.", {"sunday"}),
    ("Police arrested 10 people for violating the curfew on Tuesday night.", {"tuesday"}),
    # a night of a run of them
    ("Police arrested 875 people as rioting spread for a third night, the ministry said on Friday.", {"third night"}),
    ("More than 1,300 arrested on fourth night of riots", {"fourth night"}),
    ("The night before, 875 arrests were made and 249 officers were hurt.", {"night before"}),
    # a dateline's day is when the page was written, no figure's
    ("PARIS, Dec 5, 2008 (Reuters) - Robbers stole jewels worth 85 million euros on Thursday.", {"thursday"}),
    ("Dec 6, 2008 - The haul is now estimated at 80 million euros.", set()),
    ("The toll rose to 30 on Dec 5 - officials said.", {"dec 5"}),
])
def test_the_days_a_sentence_tells_of(sentence, days):
    from claimcheck.evidence.days import days_named

    assert days_named(sentence) == days


def test_an_attack_of_a_month_named_is_another_than_the_pages():
    from claimcheck.evidence.days import of_another_year

    recalled, toll = (claimcheck.extract_text(text)[0] for text in (
        "The March attack on the military hospital killed 49 people, officials said.",
        "The truck bomb killed 80 people and wounded 350, officials said."))
    assert of_another_year(recalled, toll) and not of_another_year(toll, toll)
    # a page dated in May tells of another attack than "the March attack", and of its own as "the May attack"
    assert of_another_year(recalled, replace(toll, date="2017-05-31"))
    assert not of_another_year(replace(recalled, sentence=recalled.sentence.replace("March", "May")),
                               replace(toll, date="2017-05-31"))


def test_a_toll_told_of_a_past_month_is_another_than_an_undated_pages():
    from claimcheck.evidence.days import of_another_year

    recalled, toll = (claimcheck.extract_text(text)[0] for text in (
        "The same air force killed 26 in the market of another town in April.",
        "At least 43 people were killed in the air strike on the market, rescuers said."))
    assert of_another_year(replace(recalled, date="2024-04"), toll)  # the other page gives no day to go by
    assert not of_another_year(replace(recalled, date="2024-04"), replace(toll, date="2024-04-15"))


def test_a_previous_deal_is_another_than_the_pages():
    from claimcheck.evidence.another import told_of_another

    [previous] = claimcheck.extract_text("Google's previous biggest deal was DoubleClick, at $3.1 billion.")
    [own] = claimcheck.extract_text("Google agreed to buy Motorola Mobility for $12.5 billion.")
    assert (told_of_another(previous), told_of_another(own)) == (True, False)


def test_where_a_quake_struck_told_from_one_place_is_one_quantity_across_pages(tmp_path):
    from claimcheck.evidence.bearings import bearing

    told = {claim.text: bearing(claim) for claim in claimcheck.extract_text(
        "The quake hit about 83 km (52 miles) northwest of the port of Iquique, at a depth of 10 km, the USGS said.")}
    assert told == {"about 83 km": ("northwest", "Iquique"), "52 miles": ("northwest", "Iquique"), "10 km": None}
    assert [bearing(claim) for claim in claimcheck.extract_text("The ship was seized some 600 nautical miles off "
                                                                "Somalia, 30 km NW of an island.")] == [
        ("off", "Somalia"), None]
    assert [bearing(claim) for claim in claimcheck.extract_text("It struck 145 km (90 miles) south-southeast of Lima "
                                                                "and 300 km SSE of Huacho.")] == [
        ("south-southeast", "Lima"), ("south-southeast", "Lima"), ("south-southeast", "Huacho")]
    pages = {"a.txt": "Quake hits northern Chile\nThe quake struck about 83 km north-west of Iquique, the USGS said.\n",
             "b.txt": "Strong quake in Chile\nThe quake's epicentre was 99 km (61 miles) northwest of Iquique.\n",
             # a building placed from the same city is no account of where the quake struck
             "c.txt": "Offices evacuated\nWorkers left the building, about 150 km north of Iquique.\n"}
    for name, text in pages.items():
        (tmp_path / name).write_text("Tuesday, 1 April 2014\n\n" + text, encoding="utf-8")
    violated = [finding for finding in claimcheck.Checker().check([tmp_path]).findings if finding.status == "violated"]
    assert [sorted(claim.text for claim in finding.about) for finding in violated] == [["99 km", "about 83 km"]]
    assert "one quantity: both the distance northwest of Iquique" in violated[0].message


def test_a_finding_quotes_the_conversion_its_page_gives_beside_a_figure(tmp_path):
    from claimcheck.checks.kinds.agree import sides

    pages = {"a.txt": "Quake hits northern Chile\nThe quake struck about 83 km (52 miles) north-west of Iquique.\n",
             "b.txt": "Strong quake in Chile\nThe quake's epicentre was 99 km northwest of Iquique, the USGS said.\n"}
    for name, text in pages.items():
        (tmp_path / name).write_text("Tuesday, 1 April 2014\n\n" + text, encoding="utf-8")
    [violated] = [finding for finding in claimcheck.Checker().check([tmp_path]).findings if finding.status == "violated"]
    # the bracketed miles restate the kilometres: quoted with them, not compared on their own
    assert sorted([claim.text for claim in side] for side in sides(violated)) == [["99 km"], ["about 83 km", "52 miles"]]
    assert sorted(claim.text for claim in violated.about) == ["99 km", "about 83 km"]


def test_a_figure_added_to_a_count_or_another_deal_is_not_the_pages_own():
    from claimcheck.evidence.another import told_of_another
    from claimcheck.evidence.pages import lead_figure
    from claimcheck.rules.loader import load_rules

    [nearby] = claimcheck.extract_text("A drone strike on the nearby Abu Shouk camp killed six people.")
    assert told_of_another(nearby)  # another place's toll
    [more] = claimcheck.extract_text("Navy divers brought up 14 more bodies on Sunday.")
    [compared] = claimcheck.extract_text("The toll is 14 more than on Saturday.")
    assert (told_of_another(more), told_of_another(compared)) == (True, False)
    *_, three, two = claimcheck.extract_text("The toll rose to 12 after searchers found three more bodies, two of them "
                                            "in Harlow County.")
    assert (told_of_another(three), told_of_another(two)) == (True, True)  # some of more: not the county's toll
    [massacre] = claimcheck.extract_text("The prison was the scene of a 2021 massacre in which 46 inmates died.")
    [since] = claimcheck.extract_text("The riot that killed 31 inmates is the deadliest since the 2021 massacre.")
    assert (told_of_another(massacre), told_of_another(since)) == (True, False)
    claims = claimcheck.extract_text(
        "Pujols agrees to $254 million deal with Angels\n"
        "Albert Pujols left the Cardinals for a $254 million, 10-year contract with the Angels.\n"
        "Hours later, the Angels also agreed to a $77.5 million, five-year deal with a pitcher.\n", doc="a.txt")
    figures = claimcheck.evidence.page_figures(claims, load_rules().synonyms)
    # the other player's deal is another's, not the lead's own: the page's own contract is the one its top tells of
    assert [(claim.text, lead_figure(claim, figures, "deal"), told_of_another(claim)) for claim in claims
            if claim.unit == "USD"] == [("$254 million", True, False), ("$254 million", True, False),
                                        ("$77.5 million", False, True)]


@pytest.mark.parametrize(("opening", "later"), [("A week after the boat overturned, ", True), ("Ten days after the sinking, ", True),
                                                 ("", False), ("Two days before the sinking, ", False)])
def test_a_page_written_days_after_the_event_tells_a_later_running_count(opening, later):
    from claimcheck.evidence.pages import told_days_after
    from claimcheck.rules.loader import load_rules

    claims = claimcheck.extract_text(f"Europe still has no plan\n{opening}71 bodies have been recovered off Lampedusa.\n",
                                     doc="b.txt")
    assert told_days_after("b.txt", claimcheck.evidence.page_figures(claims, load_rules().synonyms)) is later


@pytest.mark.parametrize(("lead", "tied"), [("By Thursday night, volunteers had collected 38 bodies on the coast.", False),
                                            ("Volunteers collected 38 bodies on the coast.", True)])
def test_a_lead_count_told_as_of_an_earlier_hour_is_not_the_headlines(lead, tied):
    from claimcheck.evidence.anchors import headline_and_lead

    headline, body = claimcheck.extract_text(f"Shipwreck: 52 bodies recovered\nRescuers searched the coast of Libya.\n{lead}\n",
                                            doc="a.txt")
    assert headline_and_lead(headline, body) is tied


@pytest.mark.parametrize(("second_day", "violated"), [("Aug 21", []), ("Aug 13", [["21", "31"]])])
def test_running_counts_of_pages_written_on_two_days_without_a_year_are_not_contradictions(tmp_path, second_day,
                                                                                           violated):
    found = _violated(
        tmp_path,
        a_txt="Landslide buries Nepal village\nKATHMANDU, Aug 13 (Reuters) - A landslide killed 21 people in the "
              "village of Thulo Ghyang, police said.\nRescuers used 3 excavators.\nThe village had 62 households.\n",
        b_txt=f"Nepal landslide toll rises\nKATHMANDU, {second_day} (AFP) - The landslide in Thulo Ghyang killed 31 "
              "people, the Home Ministry said.\nSoldiers searched 4 ravines.\nSome 120 homes were damaged.\n")
    assert [sorted(claim.text for claim in finding.about) for finding in found] == violated


@pytest.mark.parametrize(("lead", "violated"), [("The number of people killed by the quake has risen to two", []),
                                                ("A second victim died, raising the quake's death toll to two", []),
                                                ("The quake killed two people", [["one", "two"]])])
def test_a_headline_toll_its_page_tells_as_risen_to_is_a_later_count(tmp_path, lead, violated):
    found = _violated(
        tmp_path,
        a_txt="Magnitude 8.0 quake strikes Peru's Amazon, one dead\nA magnitude 8.0 earthquake struck Peru's Amazon "
              "region, killing one person, officials said.\nIt struck at a depth of 110 km.\nDozens of 40 buildings "
              "were damaged in Lagunas.\n",
        b_txt=f"Peru quake: two dead as Amazon towns count damage\n{lead}, officials in Loreto said.\n"
              "The quake was felt 700 km away in Lima.\nSome 300 homes were damaged.\n")
    assert [sorted(claim.text for claim in finding.about) for finding in found] == violated


@pytest.mark.parametrize(("opening", "violated"), [("A week after the earthquake, the", []),
                                                   ("The", [["1,366", "At least 1,600"]])])
def test_an_undated_page_written_days_after_the_event_is_no_contradiction_of_a_dated_one(tmp_path, opening, violated):
    found = _violated(
        tmp_path,
        a_txt="Friday, 17 August 2007\n\nPeru quake: hospitals overwhelmed\nAt least 1,600 people were injured in "
              "the quake, the civil defence agency said.\nHospitals in Ica treated 300 patients in car parks.\n"
              "The quake struck 145 km south of Lima.\n",
        b_txt=f"Peru puts final quake toll at 519\n{opening} quake injured 1,366 people, the government said.\n"
              "Some 58,000 homes were destroyed.\nThe quake struck 145 km south of Lima.\n")
    assert [sorted(claim.text for claim in finding.about) for finding in found] == violated


_CRUSH = ("Eldoret stadium crush kills 15\nFifteen people died when fans stampeded at a gate of Kipchoge Stadium, "
          "police said.\nThe stadium holds 20,000 people.\nTwo gates had been locked.\n")
_BRIDGE = ("Nine killed, over 40 missing as bridge collapses in Karnataka\nNine people were killed when a bridge over "
           "the Kumbhi river gave way, police said.\nTwo buses fell into the river.\n")


@pytest.mark.parametrize(("a_txt", "b_txt", "violated"), [
    (_CRUSH, "Kipchoge Stadium crush: what went wrong\nNineteen people are now confirmed dead after the crush, county "
             "officials said.\nThe stadium holds 20,000 people.\nFans queued for 6 hours.\n", []),
    (_CRUSH, "Kipchoge Stadium crush: what went wrong\nThe latest figures from the county put the toll from the crush "
             "at 19.\nThe stadium holds 20,000 people.\nFans queued for 6 hours.\n", []),
    (_CRUSH, "Kipchoge Stadium crush: what went wrong\nNineteen people died in the crush, county officials said.\nThe "
             "stadium holds 20,000 people.\nFans queued for 6 hours.\n", [["15", "Nineteen"]]),
    # the missing of now ("still missing"): a later count than the first day's
    (_BRIDGE, "Bridge collapse: toll rises to 17, around 30 still missing\nSeventeen bodies had been recovered from "
              "the Kumbhi river by Friday evening.\nTwo buses fell into the river.\n", []),
    (_BRIDGE, "Bridge collapse: toll rises to 17, around 30 missing\nSeventeen bodies had been recovered from the "
              "Kumbhi river by Friday evening.\nTwo buses fell into the river.\n", [["around 30", "over 40"]]),
    # "remain missing": the count now; "raising the toll from ...": a later count than an earlier one
    (_BRIDGE, "Bridge collapse: toll rises to 17, around 30 remain missing\nSeventeen bodies had been recovered from "
              "the Kumbhi river by Friday evening.\nTwo buses fell into the river.\n", []),
    (_CRUSH, "Kipchoge Stadium crush: what went wrong\nNineteen people died in the crush, raising the toll from "
             "Saturday's, county officials said.\nThe stadium holds 20,000 people.\nFans queued for 6 hours.\n", []),
])
def test_a_count_told_as_the_count_now_is_a_later_count(tmp_path, a_txt, b_txt, violated):
    found = _violated(tmp_path, a_txt=a_txt, b_txt=b_txt)
    assert [sorted(claim.text for claim in finding.about) for finding in found] == violated


@pytest.mark.parametrize(("headline", "violated"), [("Quake toll rises to 22 in Sivas", []),
                                                    ("Quake kills 22 in Sivas", [["22", "29"]])])
def test_a_toll_one_page_tells_as_risen_to_is_that_stage_of_the_count_on_every_page(tmp_path, headline, violated):
    found = _violated(
        tmp_path,
        a_txt="Sivas quake: rescuers dig through rubble\nThe earthquake killed 22 people in Sivas province, the "
              "disaster agency said.\nTeams from 12 provinces joined the search.\nThe quake lasted 20 seconds.\n",
        b_txt=f"{headline}\nThe quake in Sivas killed 22 people, officials said.\nIt struck at a depth of 10 km.\n"
              "Some 40 buildings collapsed.\n",
        c_txt="Sivas earthquake: search ends\nRescue teams in Sivas ended their search after the quake, which killed 29 "
              "people, officials said.\nSome 900 tents were handed out.\nAftershocks numbered 300.\n")
    assert [sorted(claim.text for claim in finding.about) for finding in found] == violated


@pytest.mark.parametrize(("told", "sentence", "expected"), [
    # "also" said of the page's own event tells of no other incident
    ("told_of_another", "The shooting also left four police officers wounded.", False),  # another of its tolls
    ("told_of_another", "Friday's quake also destroyed 200 homes in the valley.", False),
    ("told_of_another", "Five people were also killed in a separate attack.", True),
    ("told_of_another", "Gunmen also killed three soldiers in Kano.", True),
    # a figure told as extended is told as revised
    ("told_as_revised", "The exclusion zone was extended to a radius of about 4.3 miles from the crater.", True),
    ("told_as_revised", "Authorities declared an exclusion zone with a radius of 5 km around the crater.", False),
    ("told_as_revised", "The jewels are now estimated to be worth 136 million euros.", True),
])
def test_what_a_figures_own_sentence_tells_of_it(told, sentence, expected):
    from claimcheck.evidence import another, pages

    [claim] = claimcheck.extract_text(sentence)
    assert getattr(another if told == "told_of_another" else pages, told)(claim) is expected


@pytest.mark.parametrize(("second", "violated"), [
    ("Police arrested 10 people for breaking the curfew on Tuesday night, officials said", []),
    ("Police arrested 10 people during the riots, officials said", [["10", "More than 250"]]),
])
def test_arrests_of_one_night_are_not_the_arrests_of_a_whole_riot(tmp_path, second, violated):
    found = _violated(
        tmp_path,
        a_txt="Wednesday, 5 July 2023\n\nRiots rock Marseille after police shooting\nMore than 250 people were arrested during the riots in "
              "Marseille, police said.\nSome 40 cars were burned.\nThe unrest lasted 3 nights.\n",
        b_txt=f"Wednesday, 5 July 2023\n\nMarseille riots: calm returns\n{second}.\nSome 60 shops were looted in Marseille.\nA curfew ran from "
              "10 p.m.\n")
    assert [sorted(claim.text for claim in finding.about) for finding in found] == violated


_FILLER = "".join(f"The commission's report ran to chapter {word}.\n" for word in ("one", "two", "three", "four", "five", "six"))


@pytest.mark.parametrize(("lead", "violated"), [
    ("Voters in Kyrgyzstan chose a new parliament on Sunday, officials said.", []),  # the tolls are asides
    ("A fire at a bank in Bishkek killed three people on Sunday, officials said.", [["12", "18"]]),  # the fire's hurt
])
def test_a_toll_told_below_a_lead_that_tells_of_no_one_killed_or_hurt_is_an_aside(tmp_path, lead, violated):
    found = _violated(
        tmp_path,
        a_txt=f"Monday, 5 October 2015\n\nKyrgyzstan news\n{lead}\n{_FILLER}Clashes in the south left 12 people injured, doctors said.\n",
        b_txt=f"Monday, 5 October 2015\n\nKyrgyzstan report\n{lead}\n{_FILLER}Police said 18 people were hurt as protesters fought.\n")
    assert [sorted(claim.text for claim in finding.about) for finding in found] == violated


@pytest.mark.parametrize(("lead", "violated"), [
    ("The interior minister said 13 people died in Elazig and five in neighbouring Malatya province.", []),
    ("The interior minister said 13 people died in the quake.", [["13", "18"]]),
])
def test_a_lead_that_splits_the_headlines_toll_by_place_does_not_contradict_it(tmp_path, lead, violated):
    found = _violated(tmp_path, a_txt=f"Strong earthquake kills 18 in eastern Turkey\n\n{lead}\n")
    assert [sorted(_about(finding)) for finding in found] == violated


def test_a_sources_count_many_times_its_pages_lead_toll_is_another_count(tmp_path):
    """"At least 20,000 people have been killed, according to the WHO" below a shelling's toll of 19 is the war's."""
    war = "At least 20,000 people have been killed, according to the World Health Organization.\n"
    found = _violated(
        tmp_path,
        a_txt=f"Sunday, 19 January 2025\n\nShelling of Sudan hospital\nShells struck the hospital in Um Ruwaba on Saturday, "
              f"killing 40 people, a medical group said.\n{_FILLER}{war}",
        b_txt="Sunday, 19 January 2025\n\nSudan hospital shelled\nShells struck the hospital in Um Ruwaba on Saturday, "
              f"killing 41 people, doctors said.\n{_FILLER}The hospital had 300 beds.\n")
    assert [sorted(claim.text for claim in finding.about) for finding in found] == [["40", "41"]]



def test_two_sources_accounts_on_one_page_are_as_close_to_a_third_figure_as_either_is():
    """The monitors' "51%" (1), set against the commission's "58.9%" (0) on one page, is as close to another page's
    "58.9%" (2) as the commission's figure is; a pair kept apart (0 and 3) stays apart."""
    from claimcheck.facts import _shared_with_accounts

    similarities = {(0, 1): 1.0, (0, 2): 0.9, (1, 2): 0.1, (0, 3): 0.0, (1, 3): 0.4, (2, 3): 0.2}
    shared = _shared_with_accounts(similarities, {0: [1], 1: [0]})
    assert shared == {(0, 1): 1.0, (0, 2): 0.9, (1, 2): 0.9, (0, 3): 0.0, (1, 3): 0.4, (2, 3): 0.2}



def test_a_bare_plural_holds_up_to_twice_its_top(tmp_path):
    top = ("Monday, 4 March 2019\n\nA volcano erupted on an island in the central Philippines, sending ash high into "
           "the sky.\n"
           "Authorities raised the alert level and closed the airport on the island.\n"
           "Schools were shut and classes suspended across the province.\n")

    def shown(folder: str, figure: str) -> list:
        return [_about(finding) for finding in _violated(
            tmp_path / folder, a_txt=top + f"{figure} people have been evacuated from villages near the crater.\n",
            b_txt=top + "Officials said thousands of people had been evacuated as ash fell on nearby towns.\n")]

    assert shown("near", "About 12,400") == []  # "thousands" of 12,400 is how news tells it
    assert shown("far", "About 45,000") == [["About 45,000", "thousands"]]


def test_a_vigils_crowd_or_more_protesters_are_not_a_rallys_crowd(tmp_path):
    rally = "Sunday, 10 April 2016\n\nPolice said 58,000 people attended Saturday's rally in central Seoul.\n"
    apart, alike = _contrasted(tmp_path, first=rally,
                               apart="Sunday, 10 April 2016\n\nFarmers held a candlelight vigil outside the hospital "
                                     "on Sunday night attended by about 300 people.\n",
                               alike="Sunday, 10 April 2016\n\nAbout 80,000 people attended Saturday's rally in "
                                     "central Seoul, the organisers said.\n")
    assert (apart, alike) == ([], [["58,000", "About 80,000"]])
    more = _violated(tmp_path / "more", a_txt=rally,
                     b_txt="Sunday, 10 April 2016\n\nPolice said they would identify some 200 more protesters who "
                           "attacked officers.\n")
    assert more == []


@pytest.mark.parametrize(("text", "scope"), [
    ("The interior ministry counted 412,000 demonstrators nationwide on Thursday.", "total"),
    ("About 412,000 people took to the streets across France on Thursday.", "total"),
    ("Hundreds of thousands of people marched in cities across the country.", "total"),
    ("An estimated 100,000 people took to the streets as part of nationwide strikes.", None),  # the strikes' reach
    ("Police said 58,000 people took part in the march in Paris.", None),
])
def test_a_crowd_told_of_a_whole_country_is_the_sum_of_its_marches(text, scope):
    assert claimcheck.extract_text(text)[0].scope == scope


def test_the_parts_a_figure_goes_on_to_list_do_not_make_it_another_incidents():
    from claimcheck.evidence.another import told_of_another

    [toll, children] = claimcheck.extract_text("The death toll from the blast has climbed to 35, including six "
                                               "children, a local official said.")
    [also] = claimcheck.extract_text("Five people were also killed in a separate attack.")
    assert (told_of_another(toll), told_of_another(also)) == (False, True)


def test_every_two_figures_of_a_fact_told_in_many_ways_are_compared(tmp_path):
    page = ("Saturday, 7 November 2015\n\nMarket bombing in Mirali Kot kills {0}\nA suicide bomber killed {0} "
            "people at a vegetable market in Mirali Kot on Friday, officials said.\n")
    pages = {f"p{index:02d}_txt": page.format(20 + index) for index in range(14)}
    violated = _violated(tmp_path, **pages)
    assert len(violated) == 14 * 13 // 2  # 14 tolls: each against each other, not each against the next only
    assert ["20", "33"] in [sorted(_about(finding)) for finding in violated]


def test_the_toll_of_incidents_across_a_region_is_a_running_total():
    [toll] = claimcheck.extract_text("The raids across the north killed at least 38 people on Tuesday, an AFP tally "
                                     "showed.")
    assert (toll.value, toll.scope) == (38, "total")


def test_a_place_told_in_the_possessive_owns_no_figure(tmp_path):
    violated = _violated(
        tmp_path,
        a_txt="Wednesday, 16 January 2019\n\nMagnitude 6.8 quake hits Mexico's Oaxaca, five dead\nA magnitude 6.8 "
              "earthquake struck the state of Oaxaca on Wednesday, killing five people, the governor said.\n",
        b_txt="Wednesday, 16 January 2019\n\nFour dead as strong quake shakes Oaxaca coast\nThe state civil "
              "protection office said on Wednesday that four people had died in the earthquake.\n")
    assert [sorted(_about(finding)) for finding in violated] == [["Four", "five"]]
    assert "the only count of people killed each source gives" in violated[0].message


def test_two_currencies_of_undated_pages_are_shown_by_sources_one_of_whose_pages_gives_the_rate(tmp_path):
    recall = "Vollmer is recalling 480,000 diesel cars worldwide.\nThe cooler fault caused 42 fires.\n"
    violated = _violated(
        tmp_path,
        a_txt="\nVollmer widens diesel recall\nFRANKFURT, Aug 23 (Reuters) - South Korea's transport ministry on "
              "Thursday fined Vollmer's local unit 11.2 billion won for failing to disclose the defect.\n" + recall,
        b_txt="\nVollmer Korea fined 11.2 bln won\nThe ministry on Thursday fined Vollmer Korea 11.2 billion won "
              "(US$10 million) for delaying the recall.\n" + recall,
        c_txt="\nVollmer widens diesel recall, Korean unit fined\nFrankfurt (AFP) - South Korea's transport ministry "
              "on Thursday fined the company's Korean unit $12 million for failing to disclose the defect.\n" + recall)
    assert [sorted(_about(finding)) for finding in violated] == [["$12 million", "11.2 bln won"]]
    assert "as b.txt converts" in violated[0].message.replace(str(tmp_path) + "/", "")


def test_a_distance_told_from_a_place_is_the_one_told_in_a_direction_from_it_but_not_in_another(tmp_path):
    quake = "Wednesday, 16 January 2019\n\nQuake hits Oaxaca\nA magnitude 6.8 earthquake struck {} on Wednesday.\n"
    apart, alike = _contrasted(tmp_path, first=quake.format("about 80 km southwest of Oaxaca"),
                               apart=quake.format("some 130 km northeast of Oaxaca"),  # another place altogether
                               alike=quake.format("some 130 km from Oaxaca"))
    assert (apart, alike) == ([], [["about 80 km", "some 130 km"]])
    [measure] = [claim.measure for claim in claimcheck.extract_text("It struck some 130 km from Oaxaca.")]
    assert measure == "distance from oaxaca"


@pytest.mark.parametrize("top", ["", "\n"])
def test_a_headline_on_the_first_or_second_line_and_the_lead_right_below_tell_one_toll(top):
    from claimcheck.evidence.anchors import headline_and_lead

    headline, lead = claimcheck.extract_text(f"{top}Quake kills 20 in Peru\nThe quake killed at least 25 people.\n",
                                             doc="a.txt")
    assert (headline.line, lead.line, headline_and_lead(headline, lead)) == (1 + len(top), 2 + len(top), True)


def test_the_worst_hurt_and_another_part_of_a_toll_are_two_quantities():
    from claimcheck.evidence.vetoes import vetoes

    [*_, contractors] = claimcheck.extract_text("Six workers were injured. Five of the injured were contract workers.",
                                                doc="a.txt")
    [*_, worst] = claimcheck.extract_text("Six workers were injured, two of them seriously.", doc="b.txt")
    [*_, children] = claimcheck.extract_text("Seven people were injured, including two children.", doc="c.txt")
    assert (contractors.scope, worst.scope, children.scope) == ("part", "part", "part")
    assert "the worst hurt against another part of a toll" in vetoes(contractors, worst)
    assert "the worst hurt against another part of a toll" in vetoes(children, worst)
    assert "the worst hurt against another part of a toll" not in vetoes(contractors, children)


@pytest.mark.parametrize(("first", "violated"), [("Nine", []), ("Thirteen", [["12", "Thirteen"]])])
def test_of_one_day_only_a_count_below_one_told_as_risen_may_be_its_earlier_stage(tmp_path, first, violated):
    day = "Tuesday, 10 September 2024\n\n"
    found = _violated(
        tmp_path,
        a_txt=f"{day}{first} dead after Varela bridge collapse\n{first} people were killed when the Varela bridge in "
              "Castelmonte collapsed, police said.\nTen vehicles fell into the river.\n",
        b_txt=f"{day}Castelmonte bridge: death toll rises to 12\nThe death toll from the collapse of the Varela bridge "
              "in Castelmonte has risen to 12, the ministry said.\nDivers searched the river.\n")
    assert [sorted(_about(finding)) for finding in found] == violated


@pytest.mark.parametrize(("first", "violated"), [("Nine", []), ("Fifteen", [["13", "Fifteen"]])])
def test_a_higher_count_on_a_page_that_tells_the_toll_as_risen_is_of_that_later_stage(tmp_path, first, violated):
    found = _violated(
        tmp_path,
        a_txt=f"{first} dead after Varela bridge collapse\nThe Daily Meridian | Tuesday 10 September 2024\n{first} "
              "people were confirmed dead after a section of the Varela bridge in Castelmonte fell into the river on "
              "Monday.\nSeventeen people were injured.\n",
        b_txt="Castelmonte bridge: death toll rises to 12\nRTN News, 10 September 2024\nThe death toll from the bridge "
              "collapse in Castelmonte on Monday has risen to 12, the interior ministry said on Tuesday evening.\n"
              "Regional president Marco Ferri gave a higher figure of 13 dead at a news conference an hour earlier.\n"
              "Three people are still missing.\n")
    assert [sorted(_about(finding)) for finding in found] == violated


@pytest.mark.parametrize(("children", "violated"), [
    ("Five children, including three from the same family, were among the dead.", []),  # three: a part of a part
    ("Three children were among the dead.", [["Five", "Three"]]),
])
def test_a_part_told_inside_another_part_is_not_that_part(tmp_path, children, violated):
    found = _violated(
        tmp_path,
        a_txt="Kallumala landslide toll rises to 19\nWednesday, 9 August 2023\nRescuers recovered eight more bodies "
              "at Kallumala on Wednesday, taking the death toll to 19.\nFive children are among the dead.\n",
        b_txt=f"Grief in Kallumala as search goes on\nKALLUMALA, Aug 9 - The confirmed toll rose to 19 on Wednesday.\n"
              f"Officials put the number still missing at 31.\n{children}\n")
    assert [sorted(_about(finding)) for finding in found] == violated


@pytest.mark.parametrize(("second", "violated"), [
    ("More than 150 houses have been destroyed in Pine Hollow, county officials said.", [["131", "More than 150"]]),
    ("More than 150 houses have been damaged in Pine Hollow, county officials said.", []),  # another count
])
def test_the_only_count_of_homes_destroyed_each_page_gives_is_one_quantity(tmp_path, second, violated):
    found = _violated(
        tmp_path,
        a_txt="Friday, 16 August 2024\n\nHalstead Fire destroys 131 homes\nThe Halstead Fire has burned through "
              "Pine Hollow, fire officials said.\nSome 900 firefighters are on the lines.\n",
        b_txt=f"Friday, 16 August 2024\n\nPine Hollow counts its losses\n{second}\nSome 900 firefighters are on the "
              "lines.\n")
    assert [sorted(_about(finding)) for finding in found] == violated



def test_two_sources_counts_of_one_crowd_on_one_page_disagree(tmp_path):
    found = _violated(tmp_path, a_txt="Pension march fills Estrela\nThe size of the march is disputed: police counted "
                                      "120,000 people in Estrela, while organisers claimed 450,000.\nThe march lasted "
                                      "5 hours.\n")
    assert [sorted(_about(finding)) for finding in found] == [["120,000", "450,000"]]


@pytest.mark.parametrize(("sentence", "violated"), [
    ("Organisers said 150,000 people joined the march in Estrela.", [["120,000", "150,000"]]),
    ("The last big protest, in January, drew 90,000 people in Estrela, according to police.", []),
    ("Earlier, some 90,000 people had marched peacefully in Estrela, according to police.", []),
    ("Unions plan a rally of 100,000 people in Estrela next month, organisers said.", []),  # a later one
])
def test_an_earlier_marchs_crowd_is_another_crowd(tmp_path, sentence, violated):
    day = "Sunday, 16 March 2025\n\n"
    found = _violated(tmp_path, a_txt=f"{day}Pension march fills Estrela\nPolice counted 120,000 people at the pension "
                                      "march in Estrela.\nThe march lasted 5 hours.\n",
                      b_txt=f"{day}Estrela march: the count\n{sentence}\nThe march lasted 5 hours.\n")
    assert [sorted(_about(finding)) for finding in found] == violated


@pytest.mark.parametrize(("second", "violated"), [
    ("Officials said the blaze had burned more than 11,000 hectares of pine.",
     [["9,100 hectares", "more than 11,000 hectares"]]),
    ("Officials said last year's blaze had burned more than 11,000 hectares of pine in 2023.", []),  # another fire
])
def test_the_only_area_burned_each_page_gives_is_one_quantity(tmp_path, second, violated):
    day = "Monday, 22 July 2024\n\n"
    found = _violated(
        tmp_path,
        a_txt=f"{day}Lousela fire contained\nThe Serra da Lousela fire has burned 9,100 hectares of forest, the civil "
              "protection agency said.\nSome 900 firefighters fought the flames.\n",
        b_txt=f"{day}Lousela: the damage\n{second}\nSome 900 firefighters fought the flames.\n")
    assert [sorted(_about(finding)) for finding in found] == violated


_OFFENSIVE = ("Dravia presses offensive against Red Hand rebels in Keshet province\n"
              "The Dravian army is pressing its offensive against the Red Hand rebels in Keshet province, where the "
              "rebels still hold the town of Omri.\n{strikes}\n"
              "Omri lies 40 km north of the provincial capital, Sella.\n"
              "Aid agencies say 12,000 people have fled Omri and the villages around it.\n"
              "The rebels have fought for the province since 2016.\n")


def test_a_rules_measure_told_differently_by_two_undated_pages_of_one_event_is_a_disagreement(tmp_path):
    [finding] = _violated(
        tmp_path,
        a_txt=_OFFENSIVE.format(strikes="The army said allied aircraft had carried out more than 60 air strikes."),
        b_txt=_OFFENSIVE.format(strikes="According to a coalition statement, its jets flew 55 air strikes that week."),
        c_txt=_OFFENSIVE.format(strikes="Ardanian jets flew 27 air strikes and Belmoran jets 28 in the first week."))
    assert finding.rule == "strike-counts-agree"
    assert [claim.text for claim in finding.about] == ["more than 60", "55"]
    assert "rule strike-counts-agree compares strikes" in finding.message
    assert "undated" not in finding.message


def test_one_of_the_shares_a_sentence_lists_is_no_account_of_the_whole(tmp_path):
    findings = _violated(
        tmp_path,
        a_txt=_OFFENSIVE.format(strikes="Allied jets have flown 55 air strikes in the first week, the coalition said."),
        b_txt=_OFFENSIVE.format(strikes="Ardanian jets flew 27 air strikes and Belmoran jets 28 in the first week."))
    assert findings == []


def test_a_figure_told_as_superseded_on_its_page_is_no_account_to_set_against_the_new_one(tmp_path):
    crash = ("Bus crash near Tavera injures dozens\n"
             "A bus carrying farm workers overturned near Tavera on Tuesday evening, police said.\n{hurt}\n"
             "The driver, who is 52, was arrested at the scene.\n"
             "The road was closed for six hours while the wreck was cleared.\n")
    assert _violated(
        tmp_path,
        a_txt=crash.format(hurt="On Tuesday night officials had put the number of injured at about 30; the health "
                                "ministry now says 44 were hurt."),
        b_txt=crash.format(hurt="The health ministry said 44 people were injured in the crash.")) == []


def test_ground_an_offensive_holds_on_two_days_grows(tmp_path):
    assert _violated(
        tmp_path / "territory",
        a_txt=_OFFENSIVE.format(strikes="On Saturday the army said it had retaken about 70 percent of the province."),
        b_txt=_OFFENSIVE.format(strikes="On Monday the army said it had retaken over 90% of the province.")) == []



def test_a_rule_names_a_whole_measure_not_its_head_noun():
    from claimcheck.checks.context import CheckContext

    claims = claimcheck.extract_text("Jets flew 55 air strikes, and two general strikes shut the shops.")
    rules = claimcheck.Checker().rule_set
    context = CheckContext(documents={}, claims=claims, rules=rules)
    [rule] = [rule for rule in rules.rules if rule.id == "strike-counts-agree"]
    assert [(claim.measure, context.applies(rule, claim), context.names_measure(rule, claim)) for claim in claims] == [
        ("air strikes", True, True), ("general strikes", True, False)]


def test_one_number_in_two_currencies_is_two_markets_prices(tmp_path):
    launch = ("Corvex unveils its Tallis 5 phone\nTuesday, 9 September 2025\n"
              "Corvex on Tuesday unveiled the Tallis 5, its first phone with a folding screen.\n"
              "The Tallis 5 will cost {price} when it goes on sale, the company said.\n"
              "The phone has a 6.7-inch screen and 256 GB of storage.\n")
    assert _violated(tmp_path, a_txt=launch.format(price="£899"), b_txt=launch.format(price="$899")) == []


def test_a_toll_of_a_months_event_told_beside_the_pages_is_another_events(tmp_path):
    assert _violated(tmp_path, a_txt=(
        "Tarsa landslide: 21 dead, 3 missing, needs rising\n"
        "ReliefLine Asia | Situation report No. 2 | 12 July 2025\n"
        "The official death toll from the landslide stands at 21, according to the national disaster agency.\n"
        "Some 3,000 people remain displaced in 12 sites.\n"
        "The government has released $900,000 for emergency relief.\n"
        "The toll is close to that of March's landslide in southern Orveno, which killed 24 people.\n")) == []


def test_a_running_count_of_an_undated_page_is_judged_by_the_dated_pages_that_tie_it(tmp_path):
    blast = "Blast at Pellston chemical plant\n{date}{lead}\nTwo workers were killed, officials said.\n" \
            "The plant makes solvents and employs 300 people.\nInvestigators from the state arrived on the site.\n"
    assert _violated(
        tmp_path,
        a_txt=blast.format(date="", lead="An explosion at the Pellston plant early Tuesday injured 37 people."),
        b_txt=blast.format(date="Wednesday, 15 October 2025\n\n",
                           lead="An explosion at the Pellston plant on Tuesday injured 37 people."),
        c_txt=blast.format(date="Thursday, 16 October 2025\n\n",
                           lead="An explosion at the Pellston plant on Tuesday injured 44 people.")) == []


@pytest.mark.parametrize(("text", "now"), [
    ("Of the 19 people now arrested, nine have been charged.", True),  # the count as it stands
    ("Seventeen people have now died, officials said.", True),
    ("Police arrested 19 people during the operation.", False),
])
def test_a_count_told_as_the_one_now_may_be_a_later_count(text, now):
    from claimcheck.evidence.revisions import told_as_risen

    [count, *_] = claimcheck.extract_text(text)
    assert told_as_risen(count) is now


def test_spans_counted_before_and_after_are_two_spans():
    from claimcheck.evidence.governing import one_happening

    before, after, again = _claims("The attack came three days before talks in Switzerland.",
                                   "The attack came two months after 100 people were killed in a village.",
                                   "The attack came a week before talks in Switzerland.")
    assert not one_happening(before, after, "offset") and one_happening(before, again, "offset")


def test_a_toll_told_as_it_stood_before_is_no_account_of_it_now():
    from claimcheck.evidence.anchors import _told_as_earlier

    early, now = _claims("The toll has risen steadily since Sunday, when early reports put the dead at 18.",
                         "Medics put the dead at 27.")
    assert (_told_as_earlier(early), _told_as_earlier(now)) == (True, False)


@pytest.mark.parametrize(("recalled", "violated"), [
    ("On Sunday, an air strike on a petrol station killed 8 people, residents said.", [["23", "26"]]),  # another day's
    ("An air strike on a petrol station killed 8 people, residents said.", [["23", "26"], ["23", "8"]]),  # a source's
])
def test_a_sources_toll_below_the_lead_of_another_day_is_not_the_pages(tmp_path, recalled, violated):
    found = _violated(
        tmp_path,
        a_txt="Wednesday, 23 September 2015\n\nSchool strike\nA coalition air strike on a school in Hajjah killed 26 "
              "people on Tuesday, officials said.\nThe school sheltered displaced families.\nThe coalition denied it.\n"
              "Aid groups condemned the attack.\nThe United Nations called for an inquiry.\nFamilies buried the dead.\n"
              f"The province has been bombed for months.\n{recalled}\n",
        b_txt="Wednesday, 23 September 2015\n\nYemen school toll\n23 people were killed in Tuesday's air strike "
              "on the school in Hajjah, medics said.\n")
    assert [sorted(_about(finding)) for finding in found] == violated


def test_a_toll_told_below_the_lead_of_a_city_the_lead_does_not_name_is_another_places():
    from claimcheck.evidence import FigureCounts, page_figures

    synonyms = claimcheck.Checker().rule_set.synonyms
    lead = ("Strike hits school sheltering families in Abs\nThe strike killed 28 people, local officials said.\n"
            + "Aid workers said the town needed help.\n" * 8)

    def anchors_of(told: str) -> tuple[str, ...]:
        first = claimcheck.extract_text("Twenty-six people were killed in the air strike, officials said.\n",
                                        doc="a.txt")
        second = claimcheck.extract_text(lead + told, doc="b.txt")
        figures = FigureCounts(figures_per_source(first + second), page_figures(first + second, synonyms))
        return weigh(first[0], second[-1], {"a.txt": "e1", "b.txt": "e1"}, figures, synonyms).anchors

    assert anchors_of("Seven people were killed in Sanaa, residents said.\n") == ()
    assert anchors_of("Seven people were killed in the town, residents said.\n") == (
        "the only count of people killed each source gives",)


def test_a_span_of_time_is_of_the_happening_its_own_clause_names():
    from claimcheck.evidence.governing import one_happening

    polls, seats, wed, married = (next(claim for claim in claimcheck.extract_text(text) if claim.measure == "offset")
                                  for text in (
        "Turnout was 48.9 percent at 5 p.m., two hours before polls closed, the commission said.",
        "The alliance won 31.6 percent and 52 seats, 8 more than four years ago, when it took 44.",
        "The deputy, who was wed about three weeks ago, is survived by his wife.",
        "The resident was married two weeks ago to his second wife."))
    assert not one_happening(polls, seats, "offset")  # "percent" in both sentences is no happening of either span
    assert one_happening(wed, married, "offset")  # both wed, told of his wife
    issued, lifted = (next(claim for claim in claimcheck.extract_text(text) if claim.measure == "offset") for text in (
        "The agency issued a tsunami warning for the coasts of Java and East Nusa Tenggara about five minutes after "
        "the quake.",
        "The agency lifted the tsunami warning about two hours after the quake."))
    assert not one_happening(issued, lifted, "offset")  # one quake, two things done after it: the words before differ


@pytest.mark.parametrize(("text", "another"), [
    ("Rewards run at about 10 per cent of the insured value, which would mean something like 2.3 million pounds.",
     True),
    ("Officials fear the toll could rise to 100.", True),
    ("The reward is 100,000 pounds.", False),
    ("An investor called on the board to hold out for at least 1,800p a share.", True),  # an ask, not the offer
    ("The fund said in a letter that the company was worth at least $45 a share.", True),
    ("The deal was worth $4.2 billion.", False),
    ("The kidnappers demanded $5 million.", False),  # a ransom demanded is a role of its own
    ('He said he would hold another rally on Saturday and expected "tens of thousands".', True),
    ("Arden's first offer, of $2.40 a share in June, was pitched at a 35 per cent premium.", True),  # an earlier bid
])
def test_what_would_be_or_someone_asks_for_is_no_account_of_what_is(text, another):
    from claimcheck.evidence.another import told_of_another

    assert told_of_another(claimcheck.extract_text(text)[-1]) is another


def test_a_first_estimate_told_so_on_either_page_is_an_earlier_stage_not_a_contradiction(tmp_path):
    first = ("Tuesday, 15 October 2013\n\nRobbers raid Milan jeweller\nMILAN - Robbers stole watches worth about "
             "6 million euros from a jeweller on Tuesday, police said.\n")
    later = ("Wednesday, 16 October 2013\n\nMilan jewel thieves net $14.9 million\nRobbers stole about $14.9 million "
             "of watches from a Milan jeweller on Tuesday, the owners said.\nThe owners put the loss at 11 million "
             "euros{}.\n")
    told = _violated(tmp_path / "told", a_txt=first,
                     b_txt=later.format(", almost double the 6 million euros initially estimated by police"))
    untold = _violated(tmp_path / "untold", a_txt=first, b_txt=later.format(""))
    assert (told, [_about(finding) for finding in untold]) == ([], [["about 6 million euros", "about $14.9 million"]])


def test_a_toll_told_of_its_day_a_week_or_more_later_is_counted_up_to_the_day_written(tmp_path):
    first = "Thursday, 24 September 2015\n\nStrike on school\nThe rebels say 28 people were killed at the school.\n"
    later = ("Wednesday, 30 September 2015\n\nBomb remnants found at school\nInvestigators found bomb fragments at the "
             "school where 31 people were killed on 22 September.\n")
    assert _violated(tmp_path, a_txt=first, b_txt=later) == []


def test_a_later_rally_is_another_gathering(tmp_path):
    first = "Monday, 16 November 2009\n\nOpposition rally in the capital\nPolice put the crowd at about 3,000.\n"
    later = ("Sunday, 22 November 2009\n\nOpposition rallies again\nThe opposition's follow-up rally in the capital drew "
             "about 6,000 people, police said.\n")
    assert _violated(tmp_path, a_txt=first, b_txt=later) == []


def test_a_quakes_figures_and_its_aftershocks_are_two(tmp_path):
    main = ("Sunday, 15 March 2009\n\nQuake kills 17 in Peru\nA magnitude 6.4 earthquake struck near Huanta on Sunday, "
            "killing 17 people, officials said.\n")
    after = ("Monday, 16 March 2009\n\nStrong aftershock hits Huanta, 4 killed\nThe Geophysical Institute gave a "
             "magnitude of 5.8.\nFour people were killed, officials said.\n")
    assert _violated(tmp_path, a_txt=main, b_txt=after) == []


def test_a_bare_dollar_sum_restating_a_canadian_one_is_that_sum(tmp_path):
    first = "Monday, 9 May 2016\n\nLaurentia to buy Prairie\nLaurentia agreed to buy Prairie for C$4.9 billion.\n"
    again = "Monday, 9 May 2016\n\nPrairie deal\nLaurentia has agreed to pay $4.9-billion for Prairie.\n"
    found = claimcheck.Checker().check([_written(tmp_path, {"a.txt": first, "b.txt": again})]).findings
    assert [(finding.status, "a bare $ read as CAD" in finding.message) for finding in found] == [("consistent", True)]


def test_a_past_quakes_toll_both_pages_recall_by_place_and_year_is_one_quantity(tmp_path):
    day = "Iran quake kills 30\nTuesday, 18 November 2014\n\n"
    found = violated_pairs(tmp_path, {
        "a.txt": day + "A quake killed 30 people in Chelgerd on Tuesday.\nA 6.6 magnitude quake destroyed the city of "
                       "Bam in 2003, killing 26,000 people.\n",
        "b.txt": day + "The quake killed 34 people in Chelgerd on Tuesday, officials said.\nThe 2003 quake in Bam killed "
                       "31,000 people, while the 1990 quake in Manjil killed about 40,000.\n"})
    assert [("a.txt", "26,000"), ("b.txt", "31,000")] in found
    assert not any(("b.txt", "about 40,000") in pair for pair in found)  # another year's quake


def test_a_raid_overnight_and_one_early_on_the_next_day_are_one_night(tmp_path):
    found = violated_pairs(tmp_path, {
        "a.txt": "Gang steals jewels in Paris\nPARIS, Nov 17, 2010 (AFP) - Four armed robbers broke into a jeweller "
                 "overnight and made off with jewels worth an estimated 32 million euros, police said on Wednesday.\n",
        "b.txt": "Robbers raid Paris jeweller\nPARIS, Nov 17 (Xinhua) -- Four armed robbers stole jewellery worth 23 "
                 "million euros from a luxury shop in Paris early Wednesday, local media reported.\n"})
    assert found == [[("a.txt", "an estimated 32 million euros"), ("b.txt", "23 million euros")]]


def test_an_updates_lead_count_of_flaws_is_the_pages_own_beside_each_bulletins(tmp_path):
    found = violated_pairs(tmp_path, {
        "a.txt": "Northgate fixes 26 flaws\nSEATTLE, April 10, 2012 (Wire) - Northgate on Tuesday released nine security "
                 "bulletins fixing 26 vulnerabilities in its software.\nThe company rates four bulletins critical."
                 "\nOne bulletin addresses five vulnerabilities in the browser.\n",
        "b.txt": "Northgate patches more than 30 holes\nSEATTLE, April 10, 2012 (Wire) - Northgate has released updates to "
                 "fix more than 30 security flaws in its software.\n"})
    assert [("a.txt", "26"), ("b.txt", "more than 30")] in [sorted(pair) for pair in found]
    assert not any(("a.txt", "five") in pair for pair in found)


def test_a_toll_told_as_likely_to_rise_is_an_early_count_not_a_contradiction(tmp_path):
    pages = {
        "a.txt": "Quake kills 12 in Iran\nTuesday, 18 November 2014\nA strong earthquake struck western Iran on Tuesday."
                 "\nA Red Crescent official "
                 "said 12 bodies had been recovered and the toll was likely to rise.\n",
        "b.txt": "Quake in Iran kills 28\nTuesday, 18 November 2014\nA strong earthquake struck western Iran on "
                 "Tuesday, killing 28 people, the "
                 "interior ministry said.\n"}
    assert violated_pairs(tmp_path / "rising", pages) == []
    pages["a.txt"] = pages["a.txt"].replace(" and the toll was likely to rise", "")
    assert violated_pairs(tmp_path / "told", pages) == [[("a.txt", "12"), ("b.txt", "28")]]


@pytest.mark.parametrize(("sentence", "rising"), [
    ("A Red Crescent official said 12 bodies had been recovered and the toll was likely to rise.", True),
    ("At least 12 people were killed, and officials said the number could rise.", True),
    ("Floods killed 12 people and river levels were expected to rise further.", False),
    ("The storm killed 12 people, and prices of vegetables are likely to rise.", False),
])
def test_a_toll_is_told_as_rising_only_where_the_count_is_what_rises(sentence, rising):
    from claimcheck.evidence.revisions import told_as_rising

    assert told_as_rising(claimcheck.extract_text(sentence)[0]) is rising
