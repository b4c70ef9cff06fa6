"""What a deal's and an election's figures are of: a signing's bonus and its length, a write-down, a price per share
against a firm's earnings per share, a turnout as it stood at an hour, an election's candidates and electorate."""

from __future__ import annotations

import pytest

import claimcheck
from conftest import violated_pairs

SIGNED = "Giants sign Voss\nMonday, 14 December 2015\n\n"


def test_another_players_deal_in_a_pages_lead_is_not_the_lead_deal(tmp_path):
    found = violated_pairs(tmp_path, {
        "a.txt": SIGNED + "Voss agreed to an eight-year, $248 million deal with San Francisco on Monday.\n",
        "b.txt": SIGNED + "Voss's eight-year, $248 million contract was made official on Friday.\nIncluding Johnny "
                          "Cueto's $130 million, six-year deal, San Francisco has committed $378 million to two "
                          "pitchers.\n"})
    assert found == []


@pytest.mark.parametrize("told", [
    "I'm also hearing there's a $25 million signing bonus in there.",
    # a year the contract runs to is no other year's bonus
    "It includes a $25 million signing bonus and allows him to opt out after the 2019 season.",
])
def test_a_signing_bonus_told_by_a_reporter_or_beside_the_contracts_end_is_the_signings(tmp_path, told):
    found = violated_pairs(tmp_path, {
        "a.txt": SIGNED + "Voss agreed to an eight-year deal with the Giants.\n" + told + "\n",
        "b.txt": SIGNED + "Voss will receive a $20 million signing bonus, the Giants said.\n"})
    assert found == [[("a.txt", "$25 million"), ("b.txt", "$20 million")]]


def test_a_charge_and_a_write_down_of_one_purchase_are_one_write_down(tmp_path):
    day = "Thursday, 21 January 2010\n\n"
    (tmp_path / "a.txt").write_text("Corvane takes $1.9 billion charge on Halvorsen\n" + day + "Corvane took the "
                                    "charge to write down the value of Halvorsen, which it bought in 2009.\n")
    (tmp_path / "b.txt").write_text("Corvane writes down Halvorsen purchase by US$1.6 billion\n" + day)
    checked = claimcheck.Checker().check([tmp_path])
    violated = [finding for finding in checked.findings if finding.status == "violated"]
    assert [sorted(claim.text for claim in finding.about) for finding in violated] == [
        ["$1.9 billion", "US$1.6 billion"]]
    assert "the only write-down each page gives" in violated[0].message


@pytest.mark.parametrize(("text", "prices"), [
    ("The company posted a net loss of $964 million, or $3.52 a share, a year after it bought Vistrel.", []),
    ("Excluding the charge, Kestrel earned 61 cents a share.", []),
    ("Kestrel offered shareholders 780p a share.", ["780p"]),
])
def test_a_firms_earnings_per_share_is_no_price_per_share(text, prices):
    assert [claim.text for claim in claimcheck.extract_text(text) if claim.measure == "share_price"] == prices


VOTE = "Tajik vote\nSunday, 1 March 2015\n\n"


def test_a_turnout_as_it_stood_at_an_hour_is_set_only_against_the_same_hours(tmp_path):
    hours = violated_pairs(tmp_path / "hours", {
        "a.txt": VOTE + "Turnout in the parliamentary election stood at 52.1 percent at 12:00 local time.\n",
        "b.txt": VOTE + "Officials reported turnout in the parliamentary election of 80.3 percent at 4 p.m.\n",
        "c.txt": VOTE + "Final turnout in the parliamentary election was 87.7 percent, the commission said.\n"})
    same_hour = violated_pairs(tmp_path / "same", {
        "a.txt": VOTE + "Turnout in the parliamentary election stood at 52.1 percent at 12:00 local time.\n",
        "b.txt": VOTE + "Turnout in the parliamentary election reached 48 percent at 12:00 local time.\n"})
    assert hours == []
    assert same_hour == [[("a.txt", "52.1 percent"), ("b.txt", "48 percent")]]


def test_a_turnout_that_passes_a_mark_is_a_lower_bound(tmp_path):
    [passed] = claimcheck.extract_text("Turkmenistan: turnout passes 80 percent as polls close")
    assert (passed.text, passed.bound) == ("passes 80 percent", ">")
    found = violated_pairs(tmp_path, {
        "a.txt": VOTE + "Turnout in the parliamentary election passes 80 percent.\n",
        "b.txt": VOTE + "Turnout in the parliamentary election was 91.3 percent.\n"})
    assert found == []


@pytest.mark.parametrize(("told", "violated"), [
    ("There were 238 candidates for 125 seats in the parliamentary election.",
     [[("a.txt", "Some 283"), ("b.txt", "238")]]),
    # a province's voters are some of the country's
    ("In Ida province, 118,900 registered voters could take part in the parliamentary election.", []),
])
def test_an_elections_candidates_and_electorate_are_one_each_of_the_whole_election(tmp_path, told, violated):
    found = violated_pairs(tmp_path, {
        "a.txt": VOTE + "Some 283 candidates stood in the parliamentary election, and 931,346 registered voters "
                        "could take part.\n",
        "b.txt": VOTE + told + "\n"})
    assert found == violated


@pytest.mark.parametrize(("text", "counted"), [
    ("Turkmenistan had roughly 1 international observer for every 185 polling stations.", ["roughly 1"]),
    ("The rate is 12 deaths per 100,000 people.", ["12"]),
])
def test_a_rates_base_is_no_count(text, counted):
    assert [claim.text for claim in claimcheck.extract_text(text)] == counted


def test_the_remaining_candidates_are_some_of_them():
    claims = claimcheck.extract_text("Sabek was third with 4.1 percent, and the four remaining candidates each polled "
                                     "less than 2 percent.")
    assert [(claim.text, claim.scope) for claim in claims if claim.type == "count"] == [("four", "part")]


@pytest.mark.parametrize("name, keys", [
    ("reston-based halcyon systems group", {"halcyon"}),  # where a firm is based, and what it is, say nothing
    ("electronic data systems corp", {"data", "eds"}),  # told again by its initials
    ("mark teixeira", {"teixeira"}),
])
def test_a_firm_is_told_again_by_its_own_name_or_its_initials(name, keys):
    from claimcheck.evidence.features import name_keys

    assert name_keys(name) == keys


def test_whom_a_march_is_for_is_no_crowd():
    [claim] = claimcheck.extract_text('"We march for the 500,000 people in this country who have no work," the union '
                                      'leader told the crowd.')
    assert (claim.text, claim.outcome) == ("500,000", None)


def test_the_clubs_next_signing_is_another_players_deal(tmp_path):
    day = "Monday, 14 December 2009\n\n"
    found = violated_pairs(tmp_path, {
        "a.txt": day + "Delacroix agreed to a seven-year, $168 million deal with the Mets.\n",
        "b.txt": day + "The Mets agreed to a four-year, $64 million contract with outfielder Jake Ormsby, a week after "
                       "landing Delacroix.\n"})
    assert found == []


@pytest.mark.parametrize("text, another", [
    ("His signing bonus then was $385,000.", True),  # a time the sentence before told of, gone by
    ("The toll then rose to 14.", False),
    ("He will get a $10 million signing bonus.", False),
])
def test_a_figure_of_a_time_gone_by_is_anothers(text, another):
    from claimcheck.evidence.another import told_of_another

    [claim] = claimcheck.extract_text(text)
    assert told_of_another(claim) is another


@pytest.mark.parametrize("text, read", [
    # a region's voters are some of the country's
    ("The region's 1.02 million registered voters cast ballots at 641 polling stations.",
     [("1.02 million", "part", None), ("641", None, None)]),
    # those who "took part" in a vote voted: no crowd
    ("Of the 7.9 million citizens on the voter rolls, 5,727,000 took part, the commission said.",
     [("7.9 million", None, None), ("5,727,000", None, None)]),
    ("Police said 20,000 people took part in the march.", [("20,000", None, "gathered")]),
])
def test_a_regions_voters_and_those_who_took_part_in_a_vote(text, read):
    assert [(claim.text, claim.scope, claim.outcome) for claim in claimcheck.extract_text(text)] == read


def test_jobs_that_could_go_are_no_count_of_jobs_cut():
    from claimcheck.evidence.another import told_as_unreal

    [could] = claimcheck.extract_text("When the deal was announced, executives said about 1,500 jobs could go.")
    [cut] = claimcheck.extract_text("The chipmaker said it cuts 2,400 jobs.")
    assert (told_as_unreal(could), told_as_unreal(cut)) == (True, False)


@pytest.mark.parametrize(("sentence", "text"), [
    ("The deal values the Espoo-based company at 4.6 billion euros.", "4.6 billion euros"),
    ("The offer is a 34 percent premium and values Valkea at about 4.6 billion euros.", "about 4.6 billion euros"),
    ("Corvane's agreed takeover of Valkea, worth about $5.5 billion, creates a heavyweight.", "about $5.5 billion"),
])
def test_a_sum_a_deal_values_a_firm_at_is_the_deals(sentence, text):
    claim = next(claim for claim in claimcheck.extract_text(sentence) if claim.text == text)
    assert claim.measure == "deal"


@pytest.mark.parametrize("sentence", [
    "The deal values the company's shares at $40 each.",  # the shares, not the firm
    "The purchase of Park Lane house, worth $5 million, was completed.",
])
def test_a_sum_valued_of_shares_or_of_a_house_is_no_deal(sentence):
    assert [claim.measure for claim in claimcheck.extract_text(sentence) if claim.type == "money"] != ["deal"]
