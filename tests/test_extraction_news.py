"""Defect classes of extraction on real news, each with short sentences written for these tests."""

from __future__ import annotations

import math

import pytest

import claimcheck


def claims(text: str) -> list[tuple]:
    return [(c.text, round(c.value, 6), c.unit) for c in claimcheck.extract_text(text)]


def one(text: str):
    found = claimcheck.extract_text(text)
    assert len(found) == 1, [(c.text, c.value, c.unit) for c in found]
    return found[0]


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("Analysts expect wages to grow between 3% and 4% this year.", 3, 4, "percent"),
    ("Bids ranged from $150 to $2 million for the painting.", 150, 2e6, "USD"),
    ("The bats call at between 20kHz and 25kHz.", 20, 25, "kilohertz"),
    ("The bridge will take two or three years to rebuild.", 2, 3, "year"),
    ("Margins of 7%-8% are typical.", 7, 8, "percent"),
    ("Some four to six thousand fans queued overnight.", 3600, 6600, "count"),
    ("Between minus five and ten degrees Celsius is forecast.", -5, 10, "degree_Celsius"),
])
def test_ranges_are_one_claim(text, low, high, unit):
    claim = one(text)
    assert claim.is_range and claim.unit == unit
    assert math.isclose(claim.low, low) and math.isclose(claim.high, high)


def test_a_change_from_one_figure_to_another_stays_two_claims():
    assert claims("Membership grew from 70 to 74 last year.") == [("70", 70, "count"), ("74", 74, "count")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The start-up raised USD12m from investors.", 12e6, "USD"),
    ("The port borrowed EUR40m from the bank.", 40e6, "EUR"),
    ("Global debt hit $US90 trillion.", 90e12, "USD"),
    ("Each meal costs RM12.50 at the stall.", 12.5, "MYR"),
    ("The villa sold for HK$8 million.", 8e6, "HKD"),
    ("The contract is worth C$45 million.", 45e6, "CAD"),
    ("Imports reached AU$3 billion.", 3e9, "AUD"),
    ("The permit costs 300 shekels.", 300, "ILS"),
    ("A coffee there costs 35 Danish crowns.", 35, "DKK"),
    ("A bus fare rose to 85 cents.", 0.85, "USD"),
    ("The stock ended at 212p in London.", 2.12, "GBP"),
    ("The government announced NPR 100,000 in relief per family.", 1e5, "NPR"),  # a code the rates leave out
    ("The ministry pledged 100,000 Nepalese rupees to each family.", 1e5, "NPR"),
    ("The fine came to 5 billion rupiah.", 5e9, "IDR"),
    ("A night there costs 3,000 baht.", 3000, "THB"),
    ("The painting fetched 43.2 million British pounds.", 43.2e6, "GBP"),
])
def test_currencies_glued_written_as_words_and_coins(text, value, unit):
    claim = one(text)
    assert (round(claim.value, 6), claim.unit, claim.type) == (value, unit, "money")


@pytest.mark.parametrize("text", [
    "The Nasdaq 100 and the S&P 500 both slipped.",
    "She upgraded to an iPhone 14 last week.",
    "The office is at 221 Baker Street.",
    "Send the form to Springfield, IL 62704 by hand.",
    "The photo was saved as IMG_2041.jpg by the agency.",
    "The clip streams in 1080p on most phones.",
])
def test_numbers_inside_names_and_ids_are_no_claims(text):
    assert claims(text) == []


def test_a_model_number_followed_by_a_unit_keeps_its_measurement():
    assert claims("The new MacBook Pro 14 inch costs less.")[0][1:] == (14, "inch")


@pytest.mark.parametrize(("text", "value", "unit", "bound"), [
    ("The offense lost minus-3 yards on the drive.", -3, "yard", "="),
    ("Foundries now make sub-5 nanometer chips.", 5, "nanometer", "<"),
])
def test_hyphenated_prefixes(text, value, unit, bound):
    claim = one(text)
    assert (claim.value, claim.unit, claim.bound) == (value, unit, bound)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The tablet ships with 256 GB of storage.", 256, "gigabyte"),
    ("Fibre lines offer 500 Mbps to homes.", 500, "megabit / second"),
    ("The chip is clocked at 2.4 GHz.", 2.4, "gigahertz"),
    ("The engine develops 250 bhp.", 250, "horsepower"),
    ("It produces 350 Nm of torque.", 350, "meter * newton"),
    ("The steel is rated at 400 MPa.", 400, "megapascal"),
    ("Nitrogen dioxide peaked at 60 ppb.", 60, "ppb"),
    ("Carbon dioxide passed 420 ppm.", 420, "ppm"),
    ("The hybrid returns 55 mpg.", 55, "mile / gallon"),
    ("The bank cut rates by 50 basis points.", 50, "basis_point"),
    ("It was 28 deg c at noon.", 28, "degree_Celsius"),
    ("The pickup makes 420 lb-ft of torque.", 420, "foot * force_pound"),
])
def test_technical_units(text, value, unit):
    claim = one(text)
    assert (claim.value, claim.unit) == (value, unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Rent in the centre is $2,100 a month.", 2100, "USD / month"),
    ("The field produces 300,000 barrels a day.", 300000, "barrel / day"),
    ("Crude traded at $75 a barrel.", 75, "USD / barrel"),
])
def test_rates_keep_their_denominator(text, value, unit):
    claim = one(text)
    assert (claim.value, claim.unit, claim.type) == (value, unit, "rate")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The region has 3 hundred million residents.", 3e8, "count"),
    ("Some 9 B people may live on Earth by then.", 9e9, "count"),
    ("The team is a .600 side at home.", 0.6, "count"),
    ("She hiked 4 1/2 miles before dawn.", 4.5, "mile"),
    ("Stir in 1/4 pound of sugar.", 0.25, "pound"),
    # the space before a fraction lost ("4½" flattened), and a tokenized text's spaces around a slash
    ("He served 41/2 months in prison.", 4.5, "month"),
    ("He served 41 / 2 months in prison.", 4.5, "month"),
    ("He was given a 4-1 / 2-month prison term.", 4.5, "month"),
    ("The sample held 2.5 × 10^6 cells per millilitre.", 2.5e6, "count"),
    ("The quarry shipped 3.4e5 tonnes of gravel.", 3.4e5, "metric_ton"),
    ("The guard is 6ft 2in tall.", 6 + 2 / 12, "foot"),
    ("The village has 12 000 000 visitors.", 1.2e7, "count"),
    ("The village has 45\u00a0000 visitors.", 45000, "count"),
    ("The mast is 2.5m high.", 2.5, "meter"),
    ("Profits rose fourfold in a decade.", 4, "count"),
])
def test_number_forms(text, value, unit):
    claim = one(text)
    assert math.isclose(claim.value, value) and claim.unit == unit


def test_a_fraction_lost_to_a_wrong_decoding_is_read_as_between_two_whole_numbers():
    claim = one("He served 4\ufffd months in prison.")
    assert (claim.value, claim.low, claim.high, claim.bound, claim.unit) == (4.5, 4.0, 5.0, "~", "month")


def test_a_tokenized_date_is_no_fraction():
    assert claimcheck.extract_text("Posted 4 / 11 / 2008 by the desk. On 11 / 2 the ship sailed.") == []


@pytest.mark.parametrize(("text", "share", "measure"), [
    ("One in four drivers had a crash last year.", 25, "drivers"),
    ("Roughly 2 in 5 tenants rent privately.", 40, "tenants"),
    ("Two out of three voters backed the plan.", 200 / 3, "voters"),
])
def test_one_in_five_is_a_share(text, share, measure):
    claim = one(text)
    assert math.isclose(claim.value, share) and claim.unit == "percent" and claim.measure == measure


def test_two_thirds_without_of_is_a_share():
    claim = one("Three quarters said they would vote.")
    assert (claim.value, claim.unit) == (75, "percent")


@pytest.mark.parametrize(("text", "value", "measure"), [
    ("The economy grew for nine quarters in a row.", 9, "quarters"),
    ("Seven quarters of decline ended in June.", 7, "quarters"),
    ("The two halves of the match were dull.", 2, "halves"),
    ("Growth has now lasted 6 quarters.", 6, "quarters"),
])
def test_a_whole_or_more_of_fractions_is_a_count_not_a_share(text, value, measure):
    claim = one(text)
    assert (claim.value, claim.unit, claim.measure) == (value, "count", measure)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Tickets cost 15€ at the door.", 15, "EUR"),
    ("A pint is 6 £ in the centre.", 6, "GBP"),
])
def test_a_currency_symbol_after_the_number(text, value, unit):
    claim = one(text)
    assert (claim.value, claim.unit, claim.type) == (value, unit, "money")


def test_a_hyphenated_year_is_a_span_of_years():
    claim = one("The council approved a three-year plan.")
    assert (claim.value, claim.unit, claim.type) == (3, "year", "duration")


def test_and_a_half_adds_a_half():
    claim = one("The trail runs two and a half miles.")
    assert (claim.value, claim.unit) == (2.5, "mile")


def test_a_range_with_the_unit_written_once_after_the_second_figure():
    claim = one("The 6- to 9-meter boats were sunk.")
    assert (claim.low, claim.high, claim.unit) == (6, 9, "meter")


def test_a_bound_carries_into_its_conversion():
    first, second = claimcheck.extract_text("The river flooded more than 50 km (31 miles) of farmland.")
    assert (first.bound, second.bound, second.unit, second.scope) == (">", ">", "mile", "conversion")
    assert second.high == math.inf


def test_lower_than_is_a_bound():
    claim = one("The index closed lower than 7.5 points.")
    assert (claim.bound, claim.value) == ("<", 7.5)


@pytest.mark.parametrize(("text", "kind", "measure"), [
    ("He bought a six-cylinder engine for the car.", "spec", "cylinder"),
    ("A magnitude 6.3 earthquake shook the coast.", "magnitude", "magnitude"),
    ("The 5.8-magnitude quake was felt inland.", "magnitude", "magnitude"),
    ("A powerful earthquake measuring 7.7 shook the province.", "magnitude", "magnitude"),
    ("The quake, which measured 6.1 on the Richter scale, was felt inland.", "magnitude", "magnitude"),
    ("A tremor registering 4.1 rattled the town.", "magnitude", "magnitude"),
    ("The 7.6 quake struck at dawn.", "magnitude", "magnitude"),
    ("A strong aftershock of 5.8 followed.", "magnitude", "magnitude"),
    ("After the quake, the agency put it at 7.2.", "magnitude", "magnitude"),
    ("The survey later revised the quake to 7.3.", "magnitude", "magnitude"),
    ("After the quake, 3.5 million people lost power.", "count", "people"),
    ("It was the strongest since the 6.9 Loma Prieta earthquake.", "magnitude", "magnitude"),
    ("There were 3 quakes in the night.", "count", "quakes"),
    ("The club is ranked 4 in the league.", "rank", "rank"),
    ("Sales jumped threefold.", "ratio", "sales"),
])
def test_typed_quantities_are_no_counts(text, kind, measure):
    claim = one(text)
    assert (claim.type, claim.measure) == (kind, measure)


def test_ages_stay_ages():
    claim = one("Tom Baker, 41, was charged on Monday.")
    assert (claim.type, claim.subject) == ("age", "Tom Baker")


@pytest.mark.parametrize(("text", "measure"), [
    ("Rescuers found five people-two of them children.", "people"),
    ("These four circuits carry most traffic.", "circuits"),
    ("He shot four co-workers, killing two.", "co-workers"),
    ("They won three of their last five games.", "games"),
    ("The list names 10 most endangered buildings in the city.", "most endangered buildings"),
    ("They own three expensive rented flats.", "expensive rented flats"),
    ("Police say two gunmen killed guards at the gate.", "gunmen"),
    ("The two women she's accused of shooting died.", "women"),
    ("The group had 1,000 of its most committed, battle-hardened fighters.", "committed battle-hardened fighters"),
])
def test_measure_heads(text, measure):
    assert claimcheck.extract_text(text)[0].measure == measure if "killing" not in text else \
        claimcheck.extract_text(text)[1].measure == measure


def test_an_age_after_a_name_is_in_years_as_a_hyphenated_age():
    [apposed] = claimcheck.extract_text("Smith, 61, was killed on the spot.")
    [hyphenated] = claimcheck.extract_text("The 61-year-old Smith was killed on the spot.")
    assert (apposed.type, apposed.unit, apposed.value) == ("age", "year", 61.0)
    assert (hyphenated.type, hyphenated.unit, hyphenated.value) == ("age", "year", 61.0)


def test_who_says_a_figure_is_not_what_it_counts():
    [crowd] = claimcheck.extract_text("But witnesses said there were more than 50,000 at the rally.")
    [deployed] = claimcheck.extract_text("Police said 300 police were deployed.")
    assert (crowd.source, crowd.measure) == ("witnesses", "people")
    assert (deployed.source, deployed.measure) == ("Police", "police")


def test_the_figure_another_source_gives_is_of_what_the_first_figure_measures():
    officials, residents = claimcheck.extract_text(
        "Officials said 40 people were killed. Local residents put the figure at 75.")
    paid, claimed = claimcheck.extract_text(
        "Brokers put the ransom at $5.5 million, but a pirate told a radio station the real figure was $7 million.")
    [toll] = claimcheck.extract_text("A police spokesman told reporters the death toll was 31.")
    assert (officials.measure, officials.outcome) == (residents.measure, residents.outcome) == ("people", "killed")
    assert (paid.measure, claimed.measure, claimed.value) == ("ransom", "ransom", 7_000_000.0)
    assert (toll.measure, toll.outcome) == ("people", "killed")


def test_ages_listed_after_aged_are_ages_and_a_toll_told_of_a_days_event_is_the_dead():
    ages = claimcheck.extract_text("Two workers, aged 41 and 53, were killed in the blast.")
    others = claimcheck.extract_text("The man, age 45, and 3 others were arrested.")
    [*_, toll] = claimcheck.extract_text("Rescuers found three bodies, bringing the toll from Wednesday's blast to 11.")
    assert [(c.value, c.type) for c in ages] == [(2.0, "count"), (41.0, "age"), (53.0, "age")]
    assert [(c.value, c.type) for c in others] == [(45.0, "age"), (3.0, "count")]
    assert (toll.value, toll.measure, toll.outcome) == (11.0, "people", "killed")


def test_what_befell_prisoners_is_their_outcome_and_either_of_two_outcomes_is_neither():
    [killed] = claimcheck.extract_text("The uprising ended after two prisoners were killed.")
    [either] = claimcheck.extract_text("Six gunmen were killed or captured.")
    [done] = claimcheck.extract_text("Troops killed or captured 20 militants.")
    five, one = claimcheck.extract_text("Five gunmen were killed and one captured.")
    assert (killed.measure, killed.outcome) == ("people", "killed")
    assert (either.outcome, done.outcome, five.outcome, one.outcome) == (None, None, "killed", "captured")


def test_a_figure_in_a_relative_clause_is_what_its_own_verb_says_befell_it():
    [arrested] = claimcheck.extract_text("The cut triggered protests in which 450 people were arrested.")
    [marched] = claimcheck.extract_text("Students joined protests in which 450 people took part.")
    assert (arrested.outcome, marched.outcome) == ("captured", "gathered")


def test_a_figure_told_out_of_a_total_is_a_part_of_it():
    city, nation = claimcheck.extract_text("Police made 118 arrests in the city, the ministry said, out of a national "
                                           "total of more than 300.")
    assert (city.scope, nation.scope) == ("part", "total")


def test_a_headline_verb_says_what_happened_to_the_number_after_it():
    killed, injured = claimcheck.extract_text("A gunman kills 1, wounds 2 at a Michigan factory.")
    [wounds] = claimcheck.extract_text("He suffered 3 gunshot wounds.")
    assert (killed.value, killed.measure, killed.outcome) == (1.0, "people", "killed")
    assert (injured.value, injured.measure, injured.outcome) == (2.0, "people", "injured")
    assert (wounds.measure, wounds.outcome) == ("gunshot wounds", None)


def test_a_lone_one_after_a_verb_of_harm_counts_people():
    shot, killed = claimcheck.extract_text("A former worker shot three people, killing one, at the firm.")
    assert (shot.value, shot.outcome) == (3.0, None)
    assert (killed.value, killed.measure, killed.outcome) == (1.0, "people", "killed")
    assert claimcheck.extract_text("He was the one who called.") == []


def test_the_whole_a_part_is_counted_from_is_not_what_happened_to_the_part():
    died, victims = claimcheck.extract_text("Reports said two of the three victims died.")
    assert (died.value, died.outcome, died.scope) == (2.0, "killed", None)
    assert (victims.value, victims.scope) == (3.0, "whole")


def test_where_the_source_is_is_not_where_the_figure_is():
    [dead] = claimcheck.extract_text("Local evening news in Michigan reported that two people died.")
    [strikes] = claimcheck.extract_text("There were 30 airstrikes in Syria, the Iraqi defence ministry said.")
    assert (dead.value, dead.place, dead.outcome) == (2.0, None, "killed")
    assert strikes.place == "Syria"  # "Iraq" is no word of "Iraqi"


def test_a_point_distances_are_told_from_is_not_where_the_figure_is():
    distance, dead = claimcheck.extract_text(
        "A car bomb went off in the market, 10 kilometers from the Omar oilfield, killing 14 people.")
    strikes, _ = claimcheck.extract_text("Five strikes hit targets in Tabqa, some 40 miles from Raqqa.")
    assert (distance.value, distance.place, dead.value, dead.place) == (10.0, None, 14.0, None)
    assert (strikes.value, strikes.place) == (5.0, "Tabqa")


def test_a_people_named_in_the_plural_is_no_place():
    dead, marched = claimcheck.extract_text("Three people died as tens of thousands of Greeks took to the streets.")
    assert (dead.place, marched.low, marched.place) == (None, 20000.0, None)


def test_a_day_owning_a_noun_is_no_place_and_evacuees_and_freed_crews_are_counts_of_what_befell_them():
    [share] = claimcheck.extract_text("The party won 62.5 percent of the vote in Sunday's election.")
    [ordered] = claimcheck.extract_text("Authorities ordered 5,000 residents to evacuate as the fire grew.")
    [crew] = claimcheck.extract_text("Somali pirates released the 25 crew members of a hijacked tanker.")
    assert share.place is None
    assert (ordered.outcome, crew.outcome) == ("displaced", "released")


def test_a_headlines_capitals_name_no_place_but_a_known_citys():
    dead, wounded = claimcheck.extract_text("Shooting Leaves 1 Dead, 1 Wounded In NE Phila")
    [killed] = claimcheck.extract_text("Gunman Kills 3 In Chicago")
    [body] = claimcheck.extract_text("A shooting in NE Phila left one man dead.")
    assert (dead.value, dead.place, wounded.place) == (1.0, None, None)
    assert (killed.value, killed.place) == (3.0, "Chicago")
    assert body.place == "NE Phila"  # in a sentence, "in" still says where


def test_a_large_city_is_a_place_without_a_preposition_and_an_organisation_is_none():
    [march] = claimcheck.extract_text("The Athens protest march drew an estimated 200,000 people.")
    [fund] = claimcheck.extract_text("About 100,000 people protested against the International Monetary Fund.")
    [goals] = claimcheck.extract_text("After the break Reading scored 3 goals.")
    [fall] = claimcheck.extract_text("The Melbourne man fell about 200 metres.")
    assert (march.place, fund.place, goals.place, fall.place) == ("Athens", None, None, None)


def test_a_citys_march_and_a_march_through_its_centre_are_there():
    [estimate] = claimcheck.extract_text("Police estimated the Porto march at 40,000 people.")
    [marched] = claimcheck.extract_text("Some 3,000 people marched through central Porto on Thursday.")
    [died] = claimcheck.extract_text("Police said three people died in northern Aleppo on Sunday.")
    assert (estimate.place, marched.place, died.place) == ("Porto", "Porto", "Aleppo")


def test_a_headlines_figure_takes_the_town_its_lead_tells_it_in():
    found = claimcheck.extract_text("Porto Salvo joins national protest as 35,000 march\n\nAbout 35,000 people "
                                    "marched through Porto Salvo on Saturday.\n")
    assert [(claim.text, claim.place) for claim in found] == [("35,000", "Porto Salvo"), ("About 35,000", "Porto Salvo")]


def test_a_headlines_nationwide_crowd_makes_its_leads_accounts_nationwide():
    found = claimcheck.extract_text("General strike: 800,000 march across Portugal, unions say\n\nUnions said 800,000 "
                                    "people joined the marches, while the interior ministry put the figure at about "
                                    "280,000.\n")
    assert [(claim.text, claim.scope) for claim in found] == [("800,000", "total"), ("800,000", "total"),
                                                              ("about 280,000", "total")]


def test_a_few_of_a_crowd_are_no_count_of_the_crowd():
    [few] = claimcheck.extract_text("Eight demonstrators remained in hospital after the clashes.")
    [gathered] = claimcheck.extract_text("About 50 protesters gathered outside parliament.")
    [crowd] = claimcheck.extract_text("Some 30,000 protesters filled the square.")
    assert (few.outcome, gathered.outcome, crowd.outcome) == (None, "gathered", "gathered")


def test_some_of_a_toll_told_as_who_they_were_are_a_part_and_what_befell_some_is_not():
    children, dead = claimcheck.extract_text("Three of the nine dead were children.")
    died, victims = claimcheck.extract_text("Reports said two of the three victims died.")
    assert (children.scope, dead.scope) == ("part", "whole")
    assert (died.scope, victims.scope) == (None, "whole")


def test_a_headlines_toll_of_several_strikes_is_the_nights_its_lead_tells():
    found = claimcheck.extract_text("Air force says 86 militants killed in 42 strikes on Khesh valley\n\nThe air force "
                                    "carried out 42 air strikes overnight in the Khesh valley, killing 86 militants, "
                                    "the army said.\n")
    assert [(claim.text, claim.outcome, claim.scope) for claim in found if claim.value == 86] == [
        ("86", "killed", None), ("86", "killed", None)]
    [alone] = claimcheck.extract_text("Air force says 86 militants killed in 42 strikes on Khesh valley")[:1]
    assert alone.scope == "total"


def test_a_word_of_an_organisations_name_is_not_what_befell_the_figure():
    dead, children = claimcheck.extract_text("The Observatory for Civilian Casualties has documented 47 dead, among "
                                             "them 11 children.")
    [casualties] = claimcheck.extract_text("Civilian casualties passed 100 in the raid.")
    assert (dead.outcome, children.outcome) == ("killed", "killed")
    assert casualties.outcome == "injured"


def test_an_age_set_off_by_a_dash_or_a_full_stop_is_an_age():
    found = claimcheck.extract_text("Four of them — Martin, 41, Grace, 38, and Maria, 6 — died on Saturday.")
    [last] = claimcheck.extract_text("The victims were named as Martin Reyes, 41, and Maria Reyes, 6.")[1:]
    assert [(claim.text, claim.type) for claim in found] == [("Four", "count"), ("41", "age"), ("38", "age"),
                                                             ("6", "age")]
    assert (last.type, last.unit) == ("age", "year")
    # a name a town has too (Amara, Al Amarah in Iraq), in a list of ages
    listed = claimcheck.extract_text("Martin, 41, Daniel, 9, and Amara, 6 — died on Saturday.")
    [distance] = claimcheck.extract_text("Troops reached Amara, 6 km away.")
    assert [claim.type for claim in listed] == ["age", "age", "age"] and distance.type == "measurement"


def test_a_place_or_a_body_beside_an_age_is_not_whose_age_it_is():
    [man] = claimcheck.extract_text("A 61-year-old man from Vancouver was killed.")
    [officer] = claimcheck.extract_text("NYPD officer Raj Chohan, 59, died.")
    assert (man.type, man.subject) == ("age", "the man")
    assert (officer.type, officer.subject) == ("age", "Raj Chohan")
    # a full name after "of" is a person's, not a place's: "the body of Katherine Gomes, 61,"
    found = claimcheck.extract_text("The body of Katherine Gomes, 61, and Robyn Mendes, 48, were found on Tuesday.")
    [town] = claimcheck.extract_text("Police in Los Angeles, 45, were called.")
    assert [(claim.type, claim.subject) for claim in found] == [("age", "Katherine Gomes"), ("age", "Robyn Mendes")]
    assert town.type == "count"


def test_a_bracket_after_a_figure_names_its_own_source():
    found = claimcheck.extract_text(
        "The number of fighters left in the city was disputed, with estimates ranging from around 400 (according to "
        "local troops), to 400–900 (a Defense Department estimate), to 700 fighters and 1,500 militiamen "
        "(information obtained from former members).")
    assert [(claim.text, claim.source) for claim in found] == [
        ("around 400", "local troops"), ("400–900", "Defense Department"), ("700", "former members"),
        ("1,500", "former members")]
    hurt = claimcheck.extract_text("Police said 12 people (two of them children) were hurt, according to the mayor.")
    assert [(claim.text, claim.source) for claim in hurt] == [("12", "mayor"), ("two", "mayor")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The climber slipped and fell about 60m down a gully.", 60, "meter"),
    ("He fell about 200m to his death.", 200, "meter"),
    ("The sea wall is 37m long.", 37, "meter"),
    ("Revenue fell 20m last year.", 20e6, "count"),
    ("The firm raised $60m from investors.", 60e6, "USD"),
])
def test_an_m_after_a_fall_is_metres_and_after_money_millions(text, value, unit):
    claim = claimcheck.extract_text(text)[0]
    assert (claim.value, claim.unit) == (value, unit)


def test_a_dash_before_a_year_is_no_minus_sign():
    assert claimcheck.extract_text("Pakistan: Timeline (Terrorist Activities) -2022, August") == []
    [cold] = claimcheck.extract_text("Temperatures fell to -20 degrees.")
    assert cold.value == -20.0


def test_a_thing_sized_at_a_figure_is_what_the_figure_measures():
    [march] = claimcheck.extract_text("Police put the march, to mark a general strike, at roughly 30,000 people.")
    [crowd] = claimcheck.extract_text("Organisers put the crowd at 50,000.")
    [cost] = claimcheck.extract_text("Analysts put the cost at $5 billion.")
    assert (march.measure, march.outcome) == ("people", "gathered")
    assert (crowd.measure, crowd.outcome) == ("people", "gathered")
    assert (cost.measure, cost.outcome) == ("cost", None)


def test_who_sizes_a_thing_at_a_figure_is_its_source():
    [march] = claimcheck.extract_text("Police put the march, to mark a general strike, at roughly 30,000 people.")
    first, second = claimcheck.extract_text("The government estimated the damage at $3m, but police put it at $9m.")
    assert (march.source, first.source, first.measure) == ("Police", "government", "damage")
    assert second.source == "police"


def test_who_sizes_a_thing_with_a_second_verb_after_a_relative_clause_is_its_source():
    found = claimcheck.extract_text("The Harbour Pilots Association, which had two boats at the scene, disputed this "
                                    "and put the crowd at 4,000.")
    assert [(claim.text, claim.source) for claim in found] == [("two", None), ("4,000", "Harbour Pilots Association")]


@pytest.mark.parametrize(("text", "measures"), [
    ("The quake struck at a depth of 10 km near the coast.", ["depth"]),
    ("The quake, 16 kilometres deep, shook the town.", ["depth"]),
    ("The fault runs 110 miles along the coast.", ["distance"]),
    ("The climber died after falling about 150 metres from the ridge.", ["fall"]),
    ("Acme agreed to buy Widget Ltd for $160 million.", ["deal"]),
    ("Acme agreed on Tuesday to buy Widget Ltd for $13.9 billion in cash.", ["deal"]),
    ("Acme said it will pay $13.2 billion for Widget Ltd, its largest deal.", ["deal"]),
    ("Shoppers will pay $99 for the phone.", ["phone"]),
    ("Robbers grabbed diamonds, rings and watches worth 85 million euros.", ["haul"]),
    ("The thieves made off with an estimated $108 million in jewelry.", ["haul"]),
    ("He took office in 2009 and earned $5 million.", ["money"]),
    ("Nichols was sentenced to 2 years in prison.", ["sentence"]),
    ("Its magnitude was 5.9, officials said.", ["magnitude"]),
    ("Officials put the magnitude at 6.1.", ["magnitude"]),
    ("Indonesia's meteorology agency put it at 7.3.", ["magnitude"]),  # an agency's reading of the quake told before
    ("He put it at 3.5.", [None]),
    ("Gomes served 9 months of a 2-1/2 year sentence.", ["prison_time", "sentence"]),
    ("He got a 10 year prison term.", ["prison term"]),
    ("He hit .308 with 33 homers last season.", ["average", "homers"]),  # a batting average counts no homers
    ("Holders get $62.50 a share, 27 percent more than the stock's closing price.", ["share_price", "premium"]),
    ("The canyon itself, at about 4,000 metres deep, is fine.", ["depth of canyon"]),  # no quake's depth
    ("TEHRAN (RPI) - Two days after an earthquake shattered 40 villages, rescuers were still digging.",
     ["duration", "villages"]),  # counted to the page's own day: no time between two happenings
    ("Nearly 2.6 million people were eligible to vote, and 83 percent turned out.", ["people", "turnout"]),
    ("50,000 people turned out for the rally.", ["people"]),  # a share's role is no count's: a crowd
    # a spec is what a thing has: the count beside it counts no cylinders
    ("Timmons, now 16, was driving a four-cylinder truck.", [None, "cylinder"]),
    ("It picked 1,200 recruits to begin training in March 2015, with 3,000 to finish by the end of 2015.",
     ["recruits", "recruits"]),
    ("It struck about 35 km south-west of Eureka.", ["distance southwest of eureka"]),
    ("At least 12 people were killed and 40 injured.", ["people", "people"]),
    ("The march on the 5th of May was attended by an approximate 200,000.", ["people"]),
])
def test_what_a_figure_measures_by_the_words_around_it(text, measures):
    assert [claim.measure for claim in claimcheck.extract_text(text)] == measures


@pytest.mark.parametrize(("text", "scope"), [
    ("Since the campaign began, coalition strikes have killed more than 8,000 militants, officials said.", "total"),
    ("Coalition strikes have killed more than 8,000 militants since the campaign began.", "total"),
    ("So far, the strikes have killed 8,000 militants.", "total"),
    ("The quake killed 20 militants, the worst toll since 2004.", None),
    ("A strike killed 12 militants on Sunday.", None),
    # a month's toll, or several attacks', is no one attack's
    ("This month alone, gunmen have killed more than 300 militants across the region.", "total"),
    ("Over the past week, bombs killed 41 militants.", "total"),
    ("Gunmen killed 40 militants in a series of raids on Friday.", "total"),
    ("Gunmen killed 40 militants in two attacks on Friday.", "total"),
    ("Gunmen killed 40 militants in the attacks on Friday.", None),
    ("A car bomb killed 40 militants in a market last week.", None),
    # a country's toll of a season, not one disaster's (nor a nationwide strike's crowd)
    ("The home ministry put the nationwide monsoon toll at 141 killed.", "total"),
    ("Nationwide, the monsoon has killed more than 190 people, the ministry said.", "total"),
    ("Floods have killed 190 people this year, the ministry said.", "total"),
    ("Floods killed 101 people across the country, officials said.", None),
    ("Police killed 12 protesters during a nationwide strike.", None),
    # a count of several days or nights, not one's
    ("Police killed 14 protesters over three nights of unrest.", "total"),
    ("Fighting killed 40 militants in four days of clashes.", "total"),
    ("The quake killed 40 people, officials said two days later.", None),
    # years' and each year's tolls
    ("Nearly 500 people had died from bootleg alcohol in Indonesia between 2008 and 2015.", "total"),
    ("Between 2007 and 2014, militias killed 900 people in the province.", "total"),
    ("India has a poor record, with fires killing dozens every year.", "total"),
    ("The quake killed 12 people a day after the vote.", None),
    # the months' cue beyond the first 80 characters of the clause
    ("A charity estimates that 4,800 people died trying to reach Spain by the Atlantic route in the first eight "
     "months of the year.", "total"),
    # a period the sentence before set out
    ("The military says it has killed an estimated 2,300 militants in the same period.", "total"),
    # a perfect tense counted from a day, however far on in the clause
    ("The office said 212 civilians have been killed in the province since March.", "total"),
    ("The UN said 2,355 civilians had been killed and 4,862 wounded in Yemen since March 26.", "total"),
    ("20 people were killed on Sunday, the deadliest attack since March.", None),
    # someone's own, and the worst hurt: some of all the dead or hurt
    ("Hawa Abdallah, whose two children were killed, wept.", "part"),
])
def test_a_running_total_is_told_by_its_clause(text, scope):
    claim = claimcheck.extract_text(text)[0]
    assert (claim.outcome, claim.scope) == ("killed", scope)


def test_a_span_of_years_is_a_span_and_some_of_a_sum_is_a_part_of_it():
    span, sum_ = claimcheck.extract_text("Between 2007 and 2014, a period of seven years, the bank handled $9 billion.")
    assert [(claim.text, claim.scope) for claim in (span, sum_)] == [("seven years", None), ("$9 billion", "total")]
    [share] = claimcheck.extract_text("Kairos said 4.2 billion yen of the stolen assets belonged to customers.")
    assert (share.value, share.scope) == (4.2e9, "part")


def test_counts_told_after_several_nights_of_unrest_in_which_they_befell_are_totals():
    claims = claimcheck.extract_text("The shooting set off three nights of unrest in which 87 people were arrested and "
                                     "14 officers were injured.")
    assert [(claim.text, claim.outcome, claim.scope) for claim in claims] == [
        ("three", None, None), ("87", "captured", "total"), ("14", "injured", "total")]


@pytest.mark.parametrize(("text", "measure", "outcome"), [
    ("The attack claimed 20 lives.", "people", "killed"),
    ("Twelve people lost their lives.", "people", "killed"),
    ("The number of dead rose to 25.", "people", "killed"),
    ("The toll from the blast climbed to 31 on Friday.", "people", "killed"),
    ("Indonesia quake toll rises to 24", "people", "killed"),
    ("Aceh quake toll hits 42 as search for missing ends", "people", "killed"),
    ("The death toll of the twin quakes which jolted Iran's northwestern province of East Azarbaijan on Saturday has "
     "risen to 306.", "people", "killed"),
    ("The vote tally rose to 5,000.", "vote", None),
    ("Doctors saved 20 lives.", "lives", None),
    # arrests count the people arrested, whatever crowd the sentence goes on to tell of
    ("Police made 26 arrests on Tuesday night, the second night of protests, as demonstrators defied the curfew.",
     "people", "captured"),
    ("Police made 26 arrests on Tuesday night.", "people", "captured"),
    # hostages are held as the arrested are: "taken hostage", "kidnapped"
    ("Seven officers were taken hostage in the riot.", "officers", "captured"),
    ("Gunmen kidnapped 12 tourists near the border.", "tourists", "captured"),
    # a relative clause says what befell those its noun names: prisoners who escaped are no captives
    ("Police searched for two prisoners who escaped during the chaos.", "people", "escaped"),
    ("More than 100 people had boarded the boat, the village head said.", "people", "aboard"),
    # "took to the streets" is a crowd; officers patrolling them are not
    ("Tens of thousands of people took to the streets of Athens.", "people", "gathered"),
    ("Some 800 officers patrolled the streets at the height of the unrest.", "officers", None),
    # a clause of its own after ", and": its outcome is not the figure's
    ("According to the agency, 2,900 people were sheltering at the school, and the dead included a teacher.",
     "people", None),
])
def test_lives_claimed_a_number_of_dead_and_a_toll_count_the_dead(text, measure, outcome):
    [claim] = claimcheck.extract_text(text)
    assert (claim.measure, claim.outcome) == (measure, outcome)


def test_bodies_are_a_count_of_the_dead():
    [claim] = claimcheck.extract_text("Civil defence crews have recovered 160 bodies so far.")
    assert (claim.value, claim.outcome) == (160, "killed")


def test_the_month_of_march_is_no_march():
    assert [claim.outcome for claim in claimcheck.extract_text(
        "It picked 1,200 recruits to begin training in March 2015. Some 20,000 people march in Athens.")] == [None, "gathered"]


@pytest.mark.parametrize("text, measures", [
    ("He died after slipping and falling about 60 metres (200 feet) from a ridge.", [("fall", None), ("fall", "conversion")]),
    ("The quake struck at a depth of 10 km (6 miles).", [("depth", None), ("depth", "conversion")]),
    ("Police counted more than 100 km (60 miles) of roadblocks and 20 (30) arrests.",
     [("distance", None), ("distance", "conversion"), ("people", None), ("people", "conversion")]),  # people arrested
])
def test_a_bracketed_conversion_measures_what_its_figure_measures(text, measures):
    claims = claimcheck.extract_text(text)
    assert [(claim.measure, claim.scope) for claim in claims] == measures
    converted = [claim for claim in claims if claim.scope == "conversion"]
    assert all(claim.bound == claims[claims.index(claim) - 1].bound for claim in converted)


@pytest.mark.parametrize("text, figures", [
    ("Video of Brooklyn Mother of 13 Zurana Horton shot and killed was revealed Thursday.", [("13", "children", "Zurana Horton", None)]),
    ("Zurana Horton, 34, a mother of 12, was killed by a stray bullet.",
     [("34", "age", "Zurana Horton", None), ("12", "children", "Zurana Horton", None)]),
])
def test_a_parents_children_are_theirs_and_not_the_toll(text, figures):
    assert [(claim.text, claim.measure, claim.subject, claim.outcome) for claim in claimcheck.extract_text(text)] == figures


@pytest.mark.parametrize("text, figures", [
    ("McDermott, a junior, now has 2,129 points.", [("2,129", "points", "McDermott")]),
    ("Doug McDermott now has 2,029 points in 106 games.",
     [("2,029", "points", "Doug McDermott"), ("106", "games", None)]),
    # a game's figure is no running count, and a firm's staff is no tally
    ("McDermott scored 41 points on Friday.", [("41", "points", None)]),
    ("Smith now has 30 employees.", [("30", "employees", None)]),
])
def test_a_players_running_count_is_theirs(text, figures):
    assert [(claim.text, claim.measure, claim.subject) for claim in claimcheck.extract_text(text)] == figures


@pytest.mark.parametrize("text, figure", [
    ("The agency received nearly 235,000 comments on the proposal.", ("nearly 235,000", "comments")),
    ("The fund bought 5 million shares in the firm.", ("5 million", "shares")),
])
def test_counters_in_a_sentence_are_claims_not_page_chrome(text, figure):
    assert [(claim.text, claim.measure) for claim in claimcheck.extract_text(text)] == [figure]


def test_a_counter_named_before_its_number_on_a_line_of_its_own_is_page_chrome():
    found = claimcheck.extract_text("Comments (87)\nShares: 1.2k\nReaders left 87 comments on the story.\n")
    assert [(claim.text, claim.measure) for claim in found] == [("87", "comments")]


def test_the_size_of_each_of_several_groups_is_a_part():
    found = claimcheck.extract_text("Groups of up to 100 youths gathered. A crowd of 5,000 gathered. Crowds of several "
                                    "thousand marched.")
    assert [(claim.text, claim.scope) for claim in found] == [("up to 100", "part"), ("5,000", None),
                                                              ("several thousand", "part")]


@pytest.mark.parametrize(("text", "sources"), [
    ("Officials said 100 people were killed, but the monitor said 10 people died.", ["Officials", "monitor"]),
    ("Police said 20 people were arrested, while organisers said 50 were detained.", ["Police", "organisers"]),
    ("The army said 12 soldiers died; rebels said 40 soldiers were killed.", ["army", "rebels"]),
    ("Airwars estimated 8,000 civilian deaths, although the coalition itself estimated 1,400.", ["Airwars", "coalition itself"]),
    ("100 people were killed, but the monitor said 10 people died.", [None, "monitor"]),
    ("Officials said 100 people were killed, but only 10 bodies were recovered.", ["Officials", "Officials"]),
    ("100 people were killed, officials said.", ["officials"]),
    ("A 2019 report by Amnesty said 1,600 civilians were killed.", ["report by Amnesty"]),
    ("The Pentagon concluded that 12 civilians died.", ["Pentagon"]),
    ("16 civilians were reported killed.", [None]),
    ("The march drew 5,000 people according to the organisers and 2,300 according to the police.",
     ["organisers", "police"]),
    # a few words set off by commas that say who the source is
    ("The Zerin Monitoring Group, a local rights organisation, said it had confirmed the deaths of 38 rebels.",
     ["Zerin Monitoring Group"]),
    ("But Tambocancha's mayor, Eusebio Quispe, said at least 41 people had been killed.", ["Tambocancha's mayor"]),
    ("An NKLA spokesman, reached by telephone, claimed rebels had killed 30 soldiers.", ["NKLA spokesman"]),
    ("Police, however, said 12 people were hurt.", [None]),  # no one named between the commas
    ("Police, , said 12 people were hurt.", [None]),  # nothing between the commas
    ("But the regional governor told reporters that nearly 120 people had been injured.", ["regional governor"]),
    # who gave a figure, named right after it
    ("The service put the magnitude at 6.0, lower than the 6.3 reported by the international monitoring service.",
     ["service", "international monitoring service"]),
    ("The quake killed 12 people, not 20 as first reported by state radio.", [None, None]),  # not right after
    ("The hospital employers' association said 17,500 nurses walked out, far fewer than the roughly 28,000 claimed "
     "by the union.", ["hospital employers' association", "union"]),
    # an office of government that sizes a toll is its source as much as "authorities"
    ("The Red Cross said 140 people had died, while the provincial health department put the toll at 118.",
     ["Red Cross", "provincial health department"]),
    # a broadcaster that sizes a toll
    ("Six people were killed, the army said, while state television put the toll at nine.", ["army", "state television"]),
    # a relative clause between a source and its verb
    ("The monitoring group Taza Shailoo, which sent observers to a third of polling stations, said turnout was "
     "51 percent.", ["monitoring group Taza Shailoo", "monitoring group Taza Shailoo"]),
])
def test_each_account_of_a_sentence_is_its_own_sources(text, sources):
    assert [claim.source for claim in claimcheck.extract_text(text)] == sources


def test_a_source_named_with_initials_and_one_after_while():
    found = claimcheck.extract_text("The quake struck 1.2 miles below the surface, according to the U.S. Geological Survey. "
                                    "The survey put the magnitude at 5.4, while Iran's seismological centre said it "
                                    "measured 5.6.")
    assert [(claim.text, claim.type, claim.source) for claim in found] == [
        ("1.2 miles", "measurement", "U.S. Geological Survey"),
        ("5.4", "magnitude", "survey"),
        ("5.6", "magnitude", "Iran's seismological centre"),
    ]


def test_decades_are_ten_years_each():
    decades = one("He led the family for more than three decades.")
    assert (decades.type, decades.unit, decades.bound) == ("duration", "decade", ">")
    assert claimcheck.units.quantity(3, "decade").to("year").magnitude == 30


def test_pounds_a_share_are_money_and_pounds_alone_a_weight():
    assert [(claim.unit, claim.type) for claim in claimcheck.extract_text("Acme will pay 25.50 pounds a share.")] == [
        ("GBP", "money")]
    assert [(claim.unit, claim.type) for claim in claimcheck.extract_text("The fish weighed 25 pounds.")] == [
        ("pound", "measurement")]


def test_a_sum_before_the_term_of_a_deal_is_the_deals():
    found = claimcheck.extract_text("The Yankees signed Mark Teixeira to a $185 million, eight-year deal on Tuesday.")
    assert [(claim.text, claim.measure) for claim in found] == [("$185 million", "deal"), ("eight-year", "term")]


def test_a_figure_set_off_by_a_comma_and_of_them_is_a_part():
    found = claimcheck.extract_text("Four men, two of them dressed as women, entered the store. Police arrested 12 "
                                    "people, five of whom were freed. Two of them were hurt.")
    assert [(claim.text, claim.scope) for claim in found] == [("Four", None), ("two", "part"), ("12", None),
                                                              ("five", "part"), ("Two", None)]


def test_a_part_told_between_commas_names_who_it_is_and_leaves_the_whole_its_verb():
    found = claimcheck.extract_text("At least 27 people, 10 of them children, were killed when shells struck a school. "
                                    "Four men, two of them dressed as women, entered the store.")
    assert [(claim.text, claim.measure, claim.scope, claim.outcome) for claim in found] == [
        ("At least 27", "people", None, "killed"), ("10", "children", "part", "killed"),
        ("Four", "men", None, None), ("two", "men", "part", None)]


def test_a_death_toll_counts_people_killed():
    found = claimcheck.extract_text("The death toll from the quake rose to seven, the Red Crescent said. The road toll "
                                    "is 5 dollars.")
    assert [(claim.text, claim.measure, claim.outcome) for claim in found] == [
        ("seven", "people", "killed"), ("5 dollars", "road toll", None)]


def test_gatherings_are_counted_as_gatherings_and_a_crowd_is_no_ones_victims():
    found = claimcheck.extract_text("After rallying in two separate demonstrations, members marched on parliament. "
                                    "Some 200,000 protest in Athens. Two women were killed during demonstrations by tens of "
                                    "thousands who marched through the city.")
    assert [(claim.text, claim.measure, claim.outcome) for claim in found] == [
        ("two", "separate demonstrations", None), ("Some 200,000", "people", "gathered"), ("Two", "women", "killed"),
        ("tens of thousands", "people", "gathered")]


def test_a_count_of_what_struck_is_no_count_of_the_dead():
    found = claimcheck.extract_text("Two powerful earthquakes struck northwestern Iran on Saturday, killing at least 87 "
                                    "people and injuring more than 400.")
    assert [(claim.text, claim.outcome) for claim in found] == [
        ("Two", None), ("at least 87", "killed"), ("more than 400", "injured")]


def test_a_figure_after_saying_is_attributed_to_the_sentences_subject():
    found = [claimcheck.extract_text(text)[0].source for text in (
        "The Iraqi military blamed the militants for the attack, saying that 61 bodies had been recovered.",
        "Police blamed the fire, adding that 3 people died.",
        "He went home, saying 3 people died.")]
    assert found == ["Iraqi military", "Police", None]


def test_a_clause_of_its_own_names_its_figures_source_and_listed_parts_are_parts():
    found = claimcheck.extract_text("The government said that 250 people were killed; the monitor had differing numbers, "
                                    "reporting 135 deaths, of which 85 were civilians and 50 soldiers.")
    assert [(claim.text, claim.source, claim.scope) for claim in found] == [
        ("250", "government", None), ("135", "monitor", None), ("85", "monitor", "part"), ("50", "monitor", "part")]


def test_who_measured_a_quake_is_the_source_of_its_magnitude():
    first, second = claimcheck.extract_text("The U.S. Geological Survey measured the quake at 7.6, while Indonesia's "
                                            "meteorology agency put it at 7.2.")
    assert [(claim.type, claim.source) for claim in (first, second)] == [
        ("magnitude", "U.S. Geological Survey"), ("magnitude", "Indonesia's meteorology agency")]
    first, second = claimcheck.extract_text("The U.S. Geological Survey said the quake had a magnitude of 7.6, while "
                                            "Indonesia's Meteorology and Geophysics Agency (BMG) put it at 7.2.")
    assert [claim.source for claim in (first, second)] == ["U.S. Geological Survey", "BMG"]


def test_captives_are_counted_by_their_captor_whatever_people_they_are():
    claim = one("Indian naval commandos arrested 26 Somali pirates in the Gulf of Aden.")
    assert (claim.measure, claim.outcome, claim.actor) == ("pirates", "captured", "Indian")


@pytest.mark.parametrize("text", ["Officials said 76 percent of voters took part in the election.",
                                  "Some 76 percent of registered voters cast ballots, officials said."])
def test_a_share_of_voters_who_took_part_is_the_turnout(text):
    assert one(text).measure == "turnout"


def test_a_sum_something_is_valued_at_measures_that_thing():
    gunmen, haul = claimcheck.extract_text("Four gunmen took jewels valued at 80 million euros from the store.")
    assert (gunmen.measure, haul.measure, haul.unit) == ("gunmen", "haul", "EUR")  # a haul, by the verb "took"


def test_the_words_of_a_source_say_neither_the_outcome_nor_the_actor():
    claim = one("The UN agency for Palestinian refugees said 40 people were killed at its school in Jabaliya.")
    assert (claim.outcome, claim.actor, claim.source) == ("killed", None, "UN agency for Palestinian refugees")


@pytest.mark.parametrize(("text", "unit", "measure"), [
    ("The tanker was about 74 km (40 nm) south of Brass.", "nautical_mile", "distance"),  # "nm" at sea
    ("AMD makes its chips on a 65nm process.", "nanometer", None),  # and in a chip
    ("The attack happened about 180 miles off the coast of Somalia.", "mile", "distance from somalia"),
    ("The ship was attacked some 280 nautical miles from the Somali coast.", "nautical_mile", "distance from somalia"),
])
def test_a_distance_at_sea_and_the_coast_it_is_measured_from(text, unit, measure):
    claim = claimcheck.extract_text(text)[-1]
    assert (claim.unit, claim.measure if measure else None) == (unit, measure)


def test_some_of_the_worst_hurt_are_a_part():
    claim = one("The minister said 4 of the most seriously injured had been flown to the city.")
    assert (claim.outcome, claim.scope) == ("injured", "part")


def test_the_verb_a_clause_opens_on_says_nothing_of_what_befell_its_figure():
    assert one("He admitted that about 450 jobs would go.").outcome is None  # no one admitted to hospital
    assert one("The hospital admitted 45 people.").outcome == "treated"


def test_a_hyphenated_number_is_no_count_and_no_clause_break_before_a_toll():
    claim = claimcheck.extract_text("The death toll in the 11-day offensive has reached at least 683.")[-1]
    assert (claim.text, claim.measure, claim.outcome) == ("at least 683", "people", "killed")


@pytest.mark.parametrize("text", ["ISIS claimed to have executed 250 prisoners.", "Militants massacred 250 villagers."])
def test_executed_and_massacred_people_are_killed(text):
    assert one(text).outcome == "killed"


@pytest.mark.parametrize("text", ["The death toll, according to activists, was estimated to be between 55 and 68.",
                                  "The death toll was believed to be 55."])
def test_a_toll_an_aside_or_a_hedge_stands_between_is_a_count_of_the_dead(text):
    claim = one(text)
    assert (claim.measure, claim.outcome) == ("people", "killed")


def test_who_says_is_read_past_when_they_said_it():
    fighters, civilians = claimcheck.extract_text("A US military investigation in May 2022 concluded that the airstrike "
                                                  "killed 52 IS fighters and 4 civilians.")
    assert [(claim.source, claim.outcome) for claim in (fighters, civilians)] == [
        ("US military investigation", "killed"), ("US military investigation", "killed")]  # the list shares its verb


def test_a_figure_listed_with_a_verb_of_its_own_keeps_its_own_outcome():
    people, homes = claimcheck.extract_text("The storm killed 5 people and 300 homes were destroyed.")
    assert (people.outcome, homes.outcome) == ("killed", "destroyed")  # its own verb's, not the dead's
    dead, held = claimcheck.extract_text("Perm nightclub: 109 dead, three held\nDecember 5, 2009\n")
    assert (dead.outcome, held.outcome) == ("killed", None)  # its own participle: held, not dead
    dead, hospital = claimcheck.extract_text("Warehouse fire: two men die, seven in hospital\nDecember 17, 2025\n")
    assert (dead.outcome, hospital.outcome) == ("killed", None)  # in hospital: a state of its own, not dead
    fighters, civilians = claimcheck.extract_text("The raid killed 52 fighters and 4 armed civilians.")
    assert (fighters.outcome, civilians.outcome) == ("killed", "killed")  # "armed" describes them, it closes nothing


def test_a_place_a_clause_of_its_own_names_is_not_where_the_figure_is():
    claim = one("The U.S. estimated there were still 2,500 fighters in the enclave as the Islamic State still "
                "controlled the villages of Al-Susah and Hajin.")
    assert claim.place is None


def test_a_headline_line_of_wire_copy_is_a_sentence_of_its_own():
    text = ("AMD to buy graphics chip maker ATI for $5.4 billion\n"
            "SUNNYVALE, Calif. (AP) -- AMD said Monday it will buy ATI for about $5.4 billion in cash and stock.\n"
            "The deal is expected to close in the fourth quarter.\n"
            "Shares of ATI rose 20 percent on the news.\n")
    headline, lead, _ = claimcheck.extract_text(text)
    assert headline.sentence == "AMD to buy graphics chip maker ATI for $5.4 billion"
    assert lead.sentence.startswith("SUNNYVALE")


def test_a_hard_wrapped_paragraph_still_runs_across_its_lines():
    text = ("The council agreed on Tuesday to spend an extra 4 million pounds on repairing\n"
            "roads and bridges damaged during the floods of last winter across the county\n"
            "and its towns, officials said.\n")
    assert one(text).sentence.endswith("officials said.")


@pytest.mark.parametrize(("text", "outcome"), [
    ("Indian navy captures 61 suspected pirates", "captured"),
    ("Police arrest 26 after night of rioting", "captured"),
    ("Coast guard rescues 13 fishermen", "released"),
])
def test_a_headlines_present_tense_verb_says_what_befell_its_figure(text, outcome):
    assert one(text).outcome == outcome


@pytest.mark.parametrize(("text", "subject"), [
    ("More than 60 aftershocks had rattled the area by Sunday, the largest a magnitude 3.6, the USGS said.", "aftershock"),
    ("The 7.6 quake was followed by a 7.3 aftershock.", "aftershock"),
    ("Experts put the chance of a quake of magnitude 6.7 or greater within 30 years at 99 percent.", "threshold"),
    ("The magnitude 7.6 quake struck at dawn and was followed by dozens of aftershocks.", None),
    ("Aftershocks continued all week; the strongest, a magnitude 6.3, struck the day after the main quake.",
     "aftershock"),
    ("Aftershocks continued all week; the main quake, of magnitude 8.0, was the strongest in decades.", None),
])
def test_an_aftershocks_or_a_forecasts_magnitude_is_not_the_quakes(text, subject):
    magnitude = next(claim for claim in claimcheck.extract_text(text)[::-1] if claim.type == "magnitude")
    assert magnitude.subject == subject


@pytest.mark.parametrize(("text", "role"), [
    ("AMD is buying ATI for $4.8 billion in cash and stock.", "deal"),
    ("The rumors were true: AMD is buying ATI for $4.8 billion, in a mix of cash and stock.", "deal"),
    ("Intel agreed to buy McAfee for $7.7 billion.", "deal"),
    ("Oracle is buying a company that was worth more than $200 billion at the height of the boom.", None),
    ("ATI shareholders will get $20.47 per ATI share.", "share_price"),
    ("HP made a $25-a-share cash offer for EDS.", "share_price"),
    ("The offer of $38.50 per share is a 23 percent premium to Trellis's last close.", "share_price"),
    ("HP offered a premium of 33% for EDS.", "premium"),
    ("Kessler agreed a 420p deal on 14 September.", "share_price"),  # a sum in pence is a price per share
    ("The price is 33 percent above the stock price before news of the talks.", "premium"),  # told by "above"
    ("The bid is 28% above Friday's closing price.", "premium"),
    ("Shares of Acme rose 4 percent on the news.", None),
    ("Gunmen walked out with $85 million worth of diamonds.", "haul"),
    ("The stolen gems are now estimated to be worth 136 million euros.", "haul"),
    ("The loot, worth some 5 million euros, was never found.", "haul"),
    ("There is also a club option for a 10th year, worth $30 million.", None),  # worth, but nothing stolen
    ("Commando-style raid on cash depot: 12 million euros stolen", "haul"),
    ("The gang fled the depot, escaping with about 9 million euros in banknotes.", "haul"),
    ("Prosecutors now put the amount stolen at 9.2 million euros.", "haul"),
    ("Gang in drag nick £68m of gems from top Paris jeweller", "haul"),
    # the noun before "worth" is what is worth it, not an apposition further back
    ("Trellis Labs, one of Austin's best-known tech success stories, is being sold to Corvant in a deal worth "
     "$2.4 billion.", "deal"),
    ("The company spent $4.8 billion on research last year.", None),
    ("The cyclone struck with winds of 215km/h, forecasters said.", "wind"),
    ("Sustained winds of up to 120 mph battered the coast.", "wind"),
    ("The car was clocked at 120 mph on the motorway.", None),
    ("Prosecutors had sought 13 years.", "demand"),  # what the prosecution asked for is not the sentence
    ("The defence had asked for six years.", None),  # nor is the defence's ask the prosecution's
    ("LaRue served four and a half months in prison.", "prison_time"),  # nor is the time a prisoner served
    ("LaRue served as a county clerk for 12 years.", None),  # a term of office: no time in prison
    ("LaRue, who served a 4-1/2-month prison term, has died.", "prison_time"),  # a term served is time served
    ("Whitlock, 38, is serving 18 years for robbery.", None),  # a sentence being served, not the time served so far
    ("He had married two weeks before the shooting.", "offset"),  # the time between two things that happened
    ("The cyclist was banned for two years on Wednesday.", "ban"),
    ("Customs officers seized 19.4 tonnes of cocaine off the coast.", "seizure"),
    ("The cocaine, weighing 42,845 pounds, was found on Sunday.", "seizure"),
    ("Agents found 17 tons of cocaine in seven containers.", "seizure"),
    ("The bridge can carry 40 tonnes.", None),
    ("The laptop, weighing 0.96 kg, goes on sale in June.", None),  # what a thing weighs: no seizure told of
    ("The haul of ivory, weighing 3.7 tonnes, was found in a container.", "seizure"),
    ("The board agreed a 415p-a-share cash takeover by Brennholt.", "share_price"),  # a share's price, not the deal's
    ("Brennholt will pay 415 pence (about $5.35) per share in cash.", "share_price"),  # past a bracketed conversion
    ("Police sources value the loot at $160 million.", "haul"),  # the speakers are no measure of the sum
    ("Paris gang walks off with $160 million in an evening", "haul"),  # when it was taken is no measure either
    ("Thieves grab EUR 62m in Paris raid", "haul"),
])
def test_how_deals_prices_and_hauls_are_told(text, role):
    from claimcheck.measure_keys import claim_role
    from claimcheck.rules.loader import load_rules

    assert claim_role(claimcheck.extract_text(text)[0], load_rules().synonyms) == role


def test_a_headlines_figure_takes_what_befell_it_from_the_lead_below():
    headline, lead, *_ = claimcheck.extract_text(
        "Indian navy nets 61 pirates in Arabian Sea raid\n"
        "Indian naval forces captured 61 Somali pirates and freed 13 hostages on Saturday, a spokesman said.\n"
        "The pirates had used the ship for attacks.\n")
    assert (headline.text, headline.outcome) == ("61", "captured")
    assert (lead.text, lead.outcome) == ("61", "captured")


@pytest.mark.parametrize(("text", "value"), [
    ("AMD to buy ATI in $5.4 bln deal to take on Intel", 5.4e9),
    ("The fund raised $250 mln from investors.", 2.5e8),
])
def test_wire_abbreviations_of_millions_and_billions(text, value):
    assert claimcheck.extract_text(text)[0].value == value


def test_a_ships_name_and_number_is_no_count_where_a_headline_starts_with_it():
    found = claimcheck.extract_text("Vega 5 hostages freed after two and a half months\n"
                                    "The pirates had used the Vega 5 as a mother ship, officials said.\n"
                                    "Sixteen hostages were freed.\n")
    assert [(claim.text, claim.measure) for claim in found] == [("two and a half months", "duration"),
                                                                ("Sixteen", "hostages")]


def test_a_team_and_its_score_is_no_models_name_and_number():
    found = claimcheck.extract_text("Doug McDermott scored 23 points and the top-seeded Bluejays defeated Drake 65-53 "
                                    "on Friday in the quarterfinals.")
    assert [(claim.text, claim.type, claim.value) for claim in found] == [("23", "count", 23), ("65-53", "score", 65)]


@pytest.mark.parametrize(("text", "scope"), [
    ("Three of the dead were crushed in the hotel, police said.", "part"),  # some of the dead
    ("Police said 64 of the escaped inmates had been recaptured by Monday.", "part"),  # some of those who escaped
    ("The agency got 235,000 comments, at least 208,000 of which were form letters.", "part"),  # some of the comments
    ("Thirteen people were seriously injured in the blast.", "part"),  # the worst hurt of all the hurt
    ("The blast killed 20 people, critically injuring three.", "part"),
    ("At least 25 people were injured, officials said.", None),
    ("Israel says 56 people on its side have died.", "part"),  # one side's dead
    ("The department of Yoro has been hardest hit, with 21 deaths.", "part"),  # the worst-hit place's share
    ("In the worst-hit province of Van, 50 people died.", "part"),
    ("Among the dead were nine women, the spokesman said.", "part"),  # some of the dead
    ("Among those killed in the blast were two policemen.", "part"),
    ("Twelve residents of Port Ellery were among those killed when the plane crashed.", "part"),  # told after it
    ("Four tourists were among the 58 people killed when the plane crashed.", None),  # the 58: the toll itself
    ("Five children, including three from the same family, were among the dead.", "part"),
    ("Six people are dead, including the gunman, after the shooting, police say.", "whole"),  # the gunman's too
    ("With this, the Navy has captured 104 pirates since January.", "total"),  # a running total's cue after its noun
    ("Police have arrested 46 people since the protests began.", "total"),
    ("The blast killed 12 people in the market.", None),
    ("Turnout had reached 76 percent by 2 p.m., the commission said.", "total"),  # as it stood at an hour of the day
    ("By noon, turnout stood at 40 percent.", "total"),
    ("Turnout was 93.87 percent, the commission said.", None),
    ("A 2005 peace deal ended two decades of civil war that killed some 2 million people.", "total"),  # a war's toll
    ("The conflict, which has killed more than 5,000 people, shows no sign of ending.", "total"),
    ("The war has killed more than 330,000 people, according to the Observatory.", "total"),  # the war itself
    ("The Darfur conflict, which began 11 years ago, has killed 300,000 people.", "total"),
    ("At least 74 people have been killed in militant attacks in the region this year.", "total"),  # many attacks'
    ("The strike has killed 23 people, medics said.", None),
    ("A 2005 peace deal ended a civil war in which some 2 million people died.", "total"),
    ("The raid that killed 12 people was the first in a month.", None),
    ("Natural disasters have killed 170 people in Vietnam so far this year.", "total"),  # the cue three words on
    ("The season's toll now stands at 241, the ministry said.", "total"),
    ("Avalanches have killed at least 16 people in Austria this winter.", "total"),  # a season's, not one slide's
    ("Three ships carrying a combined 7,000 passengers dock on a summer day.", "total"),  # several ships' sum
    ("The avalanche killed three people this morning.", None),
    ("Police said 2,006 people were killed in road accidents in fiscal year 2014-15.", "total"),  # a country's year
    ("An average of six children die on school buses each year.", "total"),  # a typical year's, not one crash's
    ("Customs intercepted 46 tonnes at the port last year.", "total"),  # a past year's haul
    ("Three children were killed in the crash, police said.", None),
    ("Nationwide, the monsoon has killed 190 people.", "total"),
    ("Nationwide, the storm killed 27 people and left 22 missing.", None),  # one storm's toll, told for the country
    ("The provincial count includes four people killed when a wall collapsed.", "part"),
    ("Two of those killed were employees of stores in the food court.", "part"),
    ("Each of the 110 bales weighed about 29 kilograms.", "part"),  # one bale's weight, not the haul's
    ("Special forces stormed the bank at dawn, freeing the last 11 hostages.", "part"),  # the rest of those held
    ("Divers reached the remaining 40 passengers by noon.", "part"),
    ("The bales weighed 29 kilograms each.", "part"),
    ("Two miners died in hospital overnight, the mine's owner said.", "part"),  # deaths added to a toll
    ("Two people later died of their injuries, officials said.", "part"),
    ("Three passengers have since died, the airline said.", "part"),
    ("Eight people died in the collapse, the fire service said.", None),
    ("The hospital in Abs received 34 wounded and 26 bodies after the attack.", "part"),  # one hospital's intake
    ("The hospital in Abs received 34 wounded after the attack.", "part"),
    ("Hospital overwhelmed after school attack, 19 dead on arrival", "part"),
    ("Hospitals treated the wounded after the strike killed 28 people.", None),
    ("Before Saturday, 36 people had been shot dead in Sweden this year, police said.", "total"),  # a year so far
    ("Three people were killed on Saturday, the third shooting this year.", None),  # the year's count is of shootings
    ("Across the city, 15 people died in the shelling, the administration said.", "total"),  # all the city's strikes
    ("The UN says more than 5,000 people have died in the conflict.", "total"),  # the war's dead
    ("The ministry said 1.23 million people demonstrated across France on Tuesday.", "total"),  # a country's marches
    ("In Paris, police counted 86,000 marchers.", None),  # one city's march
])
def test_parts_and_running_totals_of_a_toll_as_news_tells_them(text, scope):
    assert claimcheck.extract_text(text)[-1].scope == scope


def test_an_average_told_after_a_figure_is_the_next_figures():
    goals, average = claimcheck.extract_text("The striker has now scored 23, an average of 1.2 a game.")
    assert (goals.text, goals.scope, average.text, average.scope) == ("23", None, "1.2", "total")


def test_a_storm_is_no_place():
    [toll] = claimcheck.extract_text("The committee put the death toll from Typhoon Sonamu at 19 on Sunday.")
    assert (toll.text, toll.place) == ("19", None)


def test_the_count_of_each_is_the_whole_and_what_each_weighs_a_part():
    found = claimcheck.extract_text("Each of the 110 bales weighed about 29 kilograms.")
    assert [(claim.text, claim.scope) for claim in found] == [("110", None), ("about 29 kilograms", "part")]


@pytest.mark.parametrize("text", [
    "The commission reported turnout of 58.9 percent.",
    "The monitors said their own count suggested turnout of around 51 percent.",
    "It put final turnout at 59.8 percent, the highest since 2005.",
])
def test_a_turnout_told_before_its_figure_is_the_turnout(text):
    [claim] = claimcheck.extract_text(text)
    assert claim.measure == "turnout"


@pytest.mark.parametrize(("text", "measure", "outcome"), [
    ("Some 200 police officers were deployed to control the crowd outside the stadium.", "police officers", None),
    ("About 5,000 people were said to have marched through the city.", "people", "gathered"),
    ("A landslide buried the village, leaving 40 people feared trapped.", "people", "missing"),
    ("Authorities told 5,000 residents to leave their homes as the river rose.", "residents", None),
    ("Authorities told 5,000 residents to evacuate as the river rose.", "residents", "displaced"),
])
def test_what_befell_a_figure_is_not_what_it_was_sent_to_do(text, measure, outcome):
    claim = claimcheck.extract_text(text)[0]
    assert (claim.measure, claim.outcome) == (measure, outcome)


@pytest.mark.parametrize(("text", "measure", "outcome"), [
    ("The train had 312 passengers on board when it left the tracks.", "passengers", "aboard"),
    ("A bus carrying 40 pilgrims plunged into a gorge.", "pilgrims", "aboard"),
    ("The railway's board of 12 members met on Monday.", "members", None),
    ("More than 260 inmates escaped through a hole in the perimeter wall.", "inmates", "escaped"),
    ("Police said 28 escapees had been rearrested by Monday morning.", "escapees", "captured"),
])
def test_people_aboard_escaped_or_recaptured_are_what_befell_them(text, measure, outcome):
    claim = claimcheck.extract_text(text)[0]
    assert (claim.measure, claim.outcome) == (measure, outcome)


def test_a_toll_of_the_past_years_is_a_running_total():
    toll = claimcheck.extract_text("At least 150 workers have died in mine accidents in the province in the past ten "
                                   "years.")[0]
    assert (toll.value, toll.outcome, toll.scope) == (150, "killed", "total")


def test_a_subject_that_speaks_of_a_figure_is_no_actor_of_it():
    [toll] = claimcheck.extract_text("UN demands inquiry as death toll at Gaza school rises to 43")
    [held] = claimcheck.extract_text("Kenya holds 40 suspects after the attack")
    assert (toll.actor, toll.place) == (None, "Gaza")
    assert held.actor == "Kenya"


@pytest.mark.parametrize(("text", "outcome"), [
    ("The organisers said 29 protesters had been injured by water cannon.", "injured"),
    ("Police said 49 protesters were detained during the rally.", "captured"),
    ("More than 200,000 protesters marched through the capital.", "gathered"),
    ("About 3,000 demonstrators in the square.", "gathered"),
])
def test_what_a_verb_says_befell_a_crowds_people_comes_before_the_crowd(text, outcome):
    assert claimcheck.extract_text(text)[0].outcome == outcome


@pytest.mark.parametrize("text", [
    "Seoul on Thursday fined the company's Korean unit $12 million.",  # a name and a possessive between
    "The ministry imposed a fine of 11.2 billion won on the carmaker.",
    "The bank agreed to pay penalties totalling $875 million.",
])
def test_a_regulators_fine_is_one_figure_of_its_story(text):
    from claimcheck.measure_keys import claim_role
    from claimcheck.rules.loader import load_rules

    [fine] = claimcheck.extract_text(text)
    assert claim_role(fine, load_rules().synonyms) == "fine"


@pytest.mark.parametrize(("text", "value"), [
    ("Floods killed 31 people in the two countries over the weekend.", 31),
    ("The quake killed 12 people across three provinces.", 12),
])
def test_a_toll_of_several_places_together_is_a_total(text, value):
    toll = claimcheck.extract_text(text)[0]  # then the places: "two countries"
    assert (toll.value, toll.scope) == (value, "total")


def test_the_worst_hurt_told_after_a_toll_without_their_word_for_it_are_a_part():
    hurt, worst = claimcheck.extract_text("Nine hurt, three critically, in bus crash near Quetta")
    assert (hurt.value, hurt.scope, worst.value, worst.scope) == (9, None, 3, "part")


def test_a_figure_listed_after_a_toll_with_a_verb_of_its_own_is_not_of_the_toll():
    died, poisoned = claimcheck.extract_text("Two people died and 187 others suffered food poisoning at the wedding.")
    killed, civilians = claimcheck.extract_text("The blast killed 52 fighters and 4 civilians.")
    assert (died.outcome, poisoned.outcome, killed.outcome, civilians.outcome) == ("killed", None, "killed", "killed")


@pytest.mark.parametrize(("text", "scope"), [
    ("Over 400,000 protest against pension reform in France", "total"),  # a country's crowd: its many marches
    ("Some 200,000 people marched in Athens on Thursday.", None),
])
def test_a_crowd_told_of_a_country_is_a_total(text, scope):
    [crowd] = claimcheck.extract_text(text)
    assert (crowd.outcome, crowd.scope) == ("gathered", scope)


@pytest.mark.parametrize(("text", "measures"), [
    ("Prosecutors in the province on Monday asked for a 20-year prison term for the former secretary.", ["demand"]),
    ("Prosecutors had sought a 12-year sentence.", ["demand"]),
    ("Prosecutors sought 20 years, while the defence asked for six years.", ["demand", "duration"]),
    ("Prosecutors said he was jailed for 16 years.", ["sentence"]),
])
def test_a_term_the_prosecution_asked_for_is_its_demand_not_the_sentence(text, measures):
    assert [claim.measure for claim in claimcheck.extract_text(text)] == measures


def test_every_role_is_named_as_a_figure_of_it_is_keyed():
    """A role's figures are keyed by the lemma of its name: a role named "sought" would be keyed "seek" and never
    be found again."""
    from claimcheck.measure_keys import head_key
    from claimcheck.lexicon import ROLES
    from claimcheck.rules.loader import load_rules

    synonyms = load_rules().synonyms
    assert [name for name in ROLES if head_key(name, synonyms) != name] == []


@pytest.mark.parametrize(("headline", "counted"), [
    ("Cholera outbreak: 17 dead as cases pass 450", [("17", "people", "killed"), ("450", "cases", None)]),
    ("Arrests Top 300 As Protests Spread", [("300", "people", "captured")]),
    ("Flood evacuees near 20,000", [("20,000", "people", "displaced")]),
])
def test_a_headlines_noun_passing_a_figure_is_what_it_counts(headline, counted):
    assert [(claim.text, claim.measure, claim.outcome) for claim in claimcheck.extract_text(headline)] == counted


@pytest.mark.parametrize(("text", "counted"), [
    ("A landslide buried 32 houses in Kallumala village.", ("32", "houses", "destroyed")),
    ("California's Halstead Fire destroys 131 homes as crews gain ground", ("131", "homes", "destroyed")),
    ("Strikes destroyed 12 vehicles near the border.", ("12", "vehicles", None)),  # only buildings' count
    ("Residents buried 160 bodies in the cemetery.", ("160", "people", "killed")),  # the dead, by their noun
    ("Forty people were buried under the rubble.", ("Forty", "people", None)),
])
def test_buildings_destroyed_are_counted_by_what_befell_them(text, counted):
    [claim] = claimcheck.extract_text(text)
    assert (claim.text, claim.measure, claim.outcome) == counted


@pytest.mark.parametrize(("text", "read"), [
    ("The size of the march is disputed: police counted 120,000 people in the capital, while organisers claimed "
     "450,000.", [("120,000", "people", "gathered", "police"), ("450,000", "people", "gathered", "organisers")]),
    ("The union, which organised the march, said 450,000 people took part.",
     [("450,000", "people", "gathered", "union")]),
    ("Police said 40 people were arrested at the march.", [("40", "people", "captured", "Police")]),
    ("Police said 60 people were treated after the march.", [("60", "people", "treated", "Police")]),  # no crowd
    ("The commission said 2.3 million people voted, a turnout of 64 percent.",  # voters are no crowd
     [("2.3 million", "people", None, "commission"), ("64 percent", "turnout", None, "commission")]),
    ("About 35,000 people marched through Porto Salvo, according to the organisers, although police put the number at "
     "12,000.", [("About 35,000", "people", "gathered", "organisers"), ("12,000", "people", "gathered", "police")]),
])
def test_a_sources_count_of_people_in_a_sentence_of_a_crowd_is_the_crowd(text, read):
    assert [(claim.text, claim.measure, claim.outcome, claim.source) for claim in claimcheck.extract_text(text)] == read


@pytest.mark.parametrize(("text", "scopes"), [
    ("Customs said the cocaine, some 7.6 tonnes or about 8,400 pounds, was found in bags.", [None, "conversion"]),
    ("The quake struck 5 miles, or 8 kilometres, east of the town.", [None, "conversion"]),
    ("The laptops come with a choice of either 516MB or 1GB graphics memory.", [None, None]),  # a choice
])
def test_a_figure_restated_after_or_in_other_units_is_a_conversion(text, scopes):
    assert [claim.scope for claim in claimcheck.extract_text(text)] == scopes


def test_a_place_marched_through_is_where_the_crowd_was():
    [crowd] = claimcheck.extract_text("About 35,000 people marched through Porto Salvo on Saturday.")
    assert (crowd.place, crowd.outcome) == ("Porto Salvo", "gathered")


@pytest.mark.parametrize(("text", "role"), [
    ("The fire has burned 9,100 hectares of forest.", "burn"),
    ("The fire has now spread across about 21,000 square kilometres.", "burn"),  # as "scorched 8,000 square miles"
    ("Some 246 mm of rain fell on the hills in 24 hours.", "rainfall"),
    ("The derailed train spilled an estimated 20,000 gallons of acid.", "spill"),
    ("The tanker carried 60,000 litres of acid.", "acid"),  # a load, not what leaked
    ("The car failed to stop and was pursued for around three miles, the force said.", "chase"),
    ("His car hit a wall after a pursuit of about three miles.", "chase"),
    ("The pursuit covered 3.1 miles and lasted under six minutes.", "chase"),
    ("The car crashed at the end of a three-mile pursuit.", "pursuit"),  # the measure itself, one with chase
    ("The pirates demanded a ransom of $7 million, a company official said.", "ransom"),
    ("The pirates reportedly asked the owners for $10 million.", "ransom"),
    ("The union demanded $5 million in back pay.", "money"),  # no captor's demand
    ("The commissioner said the camp housed more than 15,000 people.", "population"),
    ("Bima, a town of about 140,000 people, lost power.", "population"),
    ("The update fixes seven security vulnerabilities, three of them critical.", "fix"),
    ("Researchers found 12 flaws last year.", "flaws"),  # found, not fixed
    ("Jens Verhaeghe has been suspended for 18 months by the federation.", "ban"),
    ("Train services were suspended for about 30 minutes.", "duration"),  # no ban is told in minutes
    ("He was arrested two days after the shooting.", "offset"),
    ("In the first three hours after the announcement the team sold 900 tickets.", "duration"),  # a window
])
def test_a_fires_area_a_storms_rain_and_a_spill_are_roles(text, role):
    assert claimcheck.extract_text(text)[0].measure == role


@pytest.mark.parametrize(("text", "measure"), [
    ("Witnesses said they heard two shots.", "gunfire"),
    ("Two shots were fired, the watchdog said.", "gunfire"),
    ("The gunman fired 150 rounds.", "gunfire"),
    ("He blocked six shots in the first half.", "shots"),  # a player's shots: no gunfire
    ("Turnout of just 52 percent was the lowest since 1990.", "turnout"),  # "just" says it is small, not what it is
])
def test_shots_fired_or_heard_are_gunfire_and_a_small_figure_keeps_its_measure(text, measure):
    assert claimcheck.extract_text(text)[0].measure == measure


@pytest.mark.parametrize(("text", "measure"), [
    ("He signed a four-year deal with the club.", "term"),
    ("He agreed to a seven-year, $133 million contract.", "term"),
    ("She signed a two-year contract extension.", "term"),
    ("The deal took three years to close.", "duration"),  # how long it took, not how long it runs
])
def test_how_long_an_agreement_runs_is_its_term(text, measure):
    assert claimcheck.extract_text(text)[0].measure == measure


def test_a_price_per_share_is_read_by_the_words_after_it_before_the_verb_before_it():
    price, value = claimcheck.extract_text("Nordhavn agreed on Tuesday to buy Kestrel Logistics for 412 pence per "
                                           "share in cash, valuing it at about 3.1 billion pounds.")
    assert (price.measure, value.measure) == ("share_price", "money")


@pytest.mark.parametrize(("text", "measure"), [
    ("By June, the rebels controlled about 70% of Tarsa.", "territory"),
    ("Army says over 90% of Keshet retaken as troops close in", "territory"),
    ("The army said it had retaken over 90% of Keshet province.", "territory"),
    ("The rebels said the army held less than half of the province.", "territory"),
    ("About 40 percent of the city was destroyed.", "city"),  # ruin, not ground held
    ("The firm lost 25% of its value.", "value"),
    ("Unemployment in the region held at 6.4% in October.", "unemployment"),  # a rate held, no ground
])
def test_a_share_of_a_place_taken_held_or_lost_is_a_share_of_territory(text, measure):
    assert claimcheck.extract_text(text)[0].measure == measure


@pytest.mark.parametrize(("text", "scope"), [
    ("The army said 410 fighters had been killed since Operation Desert Wind began.", "total"),
    ("The offensive, launched on May 3, has involved more than 900 air strikes.", "total"),
    ("A drone strike on Sunday killed 23 militants.", None),
])
def test_a_campaigns_count_so_far_is_a_total(text, scope):
    assert claimcheck.extract_text(text)[0].scope == scope


def test_a_number_written_in_words_is_never_what_the_next_figure_counts():
    read = [(claim.text, claim.measure, claim.outcome, claim.scope)
            for claim in claimcheck.extract_text("Forty-two people were hurt, 15 of whom were admitted to hospital.")]
    assert read == [("Forty-two", "people", "injured", None), ("15", "people", "treated", "part")]


def test_a_toll_told_at_length_before_its_verb_is_the_dead_and_a_figure_after_with_has_its_own_outcome():
    read = [(claim.text, claim.outcome) for claim in claimcheck.extract_text(
        "The official death toll from the 3 May landslide stands at 27, with five people still missing.")]
    assert read == [("27", "killed"), ("five", "missing")]


@pytest.mark.parametrize(("text", "sources"), [
    ("At least 40 people drowned, according to divers, well above the coastguard's official toll of 31.",
     ["divers", "coastguard"]),
    ("Residents said 19 had died, twice the police count of nine.", ["Residents", "police"]),
    ("The army's figure of 14 dead was disputed by the village elders.", ["army"]),
    ("The agency's earlier toll of 12 was revised on Friday.", [None]),  # the same source's older figure
    ("Its death toll of 40 rose overnight.", [None]),  # a pronoun names no one
])
def test_a_toll_told_as_someones_is_that_sources(text, sources):
    assert [claim.source for claim in claimcheck.extract_text(text)] == sources


@pytest.mark.parametrize(("text", "read"), [
    # a measureless figure set against one told before it is what that one counts, with its outcome
    ("Nineteen miners died in the blast, union officials told reporters, a higher toll than the 16 given by the firm.",
     [("miners", "killed", "union officials"), ("miners", "killed", "firm")]),
    ("Medics said 25 were wounded, not 18.", [("people", "injured", "Medics"), ("people", "injured", "Medics")]),
])
def test_a_figure_set_against_an_earlier_one_counts_what_it_counts(text, read):
    assert [(claim.measure, claim.outcome, claim.source) for claim in claimcheck.extract_text(text)] == read


@pytest.mark.parametrize(("text", "measures"), [
    ("The arena, built to hold 18,000 spectators, was half empty.", ["capacity"]),
    ("A crowd of 9,200 filled the hall, which can accommodate 10,000.", ["people", "capacity"]),
    ("The boat, designed to carry 40 passengers, had 112 people aboard.", ["capacity", "people"]),
    ("The jail, built for 600 inmates, holds about 1,900.", ["inmates", "inmates"]),  # a jail's own, not a capacity
    ("The ferry was carrying 250 passengers.", ["passengers"]),
    ("Officials will review safety at the ground, which holds 26,000 fans.", ["capacity"]),
    ("The Green Party, which holds 14 seats, backs the plan.", ["seats"]),  # a party's seats, no capacity
])
def test_what_a_place_can_hold_is_its_capacity_not_a_crowd(text, measures):
    assert [claim.measure for claim in claimcheck.extract_text(text)] == measures


@pytest.mark.parametrize("text", [
    "Related: Two hurt as bus hits wall in Dunmore",
    "Read more: 40 homes flooded in Kelso",
    "See also | 3 dead in Ardrossan blaze",
])
def test_a_line_that_links_to_another_story_gives_no_claims(text):
    headline = "Fire kills 12 in Brora"
    assert claimcheck.extract_text(f"{headline}\n{text}") == claimcheck.extract_text(headline)


@pytest.mark.parametrize("text", [
    "Investigators recovered 22 pieces of the stolen jewellery, worth about 4 million euros, in a garage.",
    "Police said 14 items had now been recovered, including two watches, worth around 600,000 pounds.",
])
def test_the_worth_of_what_was_recovered_is_some_of_the_haul(text):
    [worth] = [claim for claim in claimcheck.extract_text(text) if claim.unit != "count"]
    assert worth.scope == "part"


def test_another_sources_account_of_a_total_is_a_total():
    claims = claimcheck.extract_text("The conflict has killed 300,000 people according to the UN, while Khartoum puts "
                                     "the toll at about 10,000.")
    assert [(claim.text, claim.scope, claim.outcome) for claim in claims] == [
        ("300,000", "total", "killed"), ("about 10,000", "total", "killed")]


@pytest.mark.parametrize(("text", "scopes"), [
    ("Quarry blast toll climbs to 19 as two die in hospital", [None, "part"]),  # the two are what the toll rose by
    ("The toll has risen to 23 after four more bodies were found.", [None, "part"]),
    ("The toll rose to 23 on Monday.", [None]),
    ("The toll rose to five on Friday, with 72 people injured.", [None, None]),  # the hurt: no part of the dead
])
def test_what_a_toll_rose_by_is_a_part_of_it(text, scopes):
    assert [claim.scope for claim in claimcheck.extract_text(text) if claim.unit == "count"] == scopes


def test_a_time_told_before_a_subject_is_not_what_its_figure_measures():
    [rate] = claimcheck.extract_text("A year ago the rate averaged 7.1%.")
    assert rate.measure == "rate"


@pytest.mark.parametrize(("text", "read"), [
    # the official figure tells again the toll, not the difference told between them
    ("Divers said they had recovered 27 bodies, five more than the official figure of 22 given by the navy.",
     {"27": ("people", "killed", "Divers"), "22": ("people", "killed", "navy")}),
    # "its figure of": an anaphor whose figure follows it
    ("The firm will shed 3,000 jobs. The union said its figure of 3,000 was too low.",
     {"3,000": ("jobs", None, "union")}),
])
def test_a_figure_told_as_someones_figure_of_tells_again_the_figure_before_it(text, read):
    found = {claim.text: (claim.measure, claim.outcome, claim.source) for claim in claimcheck.extract_text(text)}
    assert {figure: found[figure] for figure in read} == read


@pytest.mark.parametrize(("text", "measure"), [
    ("The line runs in a tunnel 12 metres below the surface a few streets away.", "depth of tunnel"),
    ("Water seeped into chalk about 60 feet underground.", "depth of chalk"),
    ("A sinkhole about 30 feet deep opened on the road.", "depth"),  # the event's own hole
    ("The blast happened in a longwall 900 metres below the surface.", "depth"),  # the mine's own workings
    ("The quake struck at a depth of 12 km.", "depth"),
])
def test_a_thing_named_right_before_a_depth_is_what_lies_that_deep(text, measure):
    [depth] = [claim for claim in claimcheck.extract_text(text) if claim.type == "measurement"]
    assert depth.measure == measure


def test_a_partitive_with_a_counted_whole_counts_what_the_whole_counts():
    some, whole = claimcheck.extract_text("Evacuees from three of the five villages may go home.")
    assert (some.measure, whole.measure, whole.scope) == ("villages", "villages", "whole")


@pytest.mark.parametrize("headline", [
    "Death toll from Banggai quake climbs to 27",
    "Quake toll in Sulawesi jumps to 27",
    "Death toll from the floods nears 27",
])
def test_a_headlines_toll_in_the_present_tense_is_a_count_of_the_dead(headline):
    [toll] = claimcheck.extract_text(headline)
    assert (toll.value, toll.measure, toll.outcome) == (27, "people", "killed")


@pytest.mark.parametrize(("text", "value", "source"), [
    ("At least 43 people have been killed in an air strike on the market, local rescuers say.", 43, "local rescuers"),
    ("The RSF, which has held the town since April, accused the army of a massacre and said 43 people had died.", 43,
     "RSF"),
    ("The Sudan Doctors Network, a medics' group that tracks casualties, put the toll at 31 dead.", 31,
     "Sudan Doctors Network"),
])
def test_who_gives_a_toll_after_a_clause_about_them(text, value, source):
    claim = next(claim for claim in claimcheck.extract_text(text) if claim.value == value)
    assert claim.source == source


@pytest.mark.parametrize("text", [
    "Residents fled as the RSF stormed the town and said 43 people had died.",  # a clause of its own
    "Sudan, the UN and aid groups condemned the attack and said 43 people had died.",  # a list
    "Thousands of people say 43 people had died.",  # the counted, not who says
])
def test_a_verb_of_saying_after_and_takes_no_subject_it_does_not_have(text):
    assert next(claim for claim in claimcheck.extract_text(text) if claim.value == 43).source is None


def test_what_a_sum_is_of_follows_its_conversion_in_brackets():
    found = claimcheck.extract_text("Shares in the group fell 2.3 percent after thieves stole an estimated 32 million "
                                    "euros ($43.5 million) of jewellery from its store.")
    assert [(claim.text, claim.measure) for claim in found if claim.type == "money"] == [
        ("an estimated 32 million euros", "haul"), ("$43.5 million", "haul")]


def test_flaws_an_update_fixes_are_no_people_released():
    claim = next(claim for claim in claimcheck.extract_text(
        "Northgate on Tuesday released nine security bulletins fixing 26 vulnerabilities in its software.")
        if claim.value == 26)
    assert (claim.measure, claim.outcome) == ("fix", None)


def test_millions_as_baseballs_trade_press_writes_them():
    assert claims("He gets a $15MM signing bonus and $4MM in award bonuses.") == [
        ("$15MM", 15e6, "USD"), ("$4MM", 4e6, "USD")]
    assert claims("Rain of 15mm fell overnight.") == [("15mm", 15.0, "millimeter")]


@pytest.mark.parametrize("text", [
    "The second bombing in two weeks killed 12 people.",
    "Riots raged over four nights, and on Thursday police arrested 12 people.",
])
def test_a_span_of_days_told_before_a_figure_of_one_day_leaves_it_one_days(text):
    assert [claim.scope for claim in claimcheck.extract_text(text) if claim.value == 12] == [None]


def test_a_distance_is_no_one_captured_and_a_span_of_nights_is_a_total():
    found = claimcheck.extract_text("The carrier was seized on Monday some 260 nautical miles east of Aden.")
    assert [(claim.text, claim.outcome) for claim in found] == [("some 260 nautical miles", None)]
    found = claimcheck.extract_text("He said 38 officers had been injured over the four nights of violence and that "
                                    "261 people had been arrested.")
    assert [(claim.text, claim.scope) for claim in found if claim.value in (38, 261)] == [("38", "total"),
                                                                                        ("261", "total")]


@pytest.mark.parametrize(("text", "age", "subject"), [
    ("Cars burn after police kill boy, 16", 16, "the boy"),
    ("The boy who died was only 16, according to friends.", 16, "the boy"),
    ("The girl, 12, and her brother were hurt.", 12, "the girl"),
])
def test_a_young_persons_age_told_after_the_word_for_them(text, age, subject):
    claim = one(text)
    assert (claim.type, claim.value, claim.subject) == ("age", age, subject)


def test_an_age_at_another_time_is_no_age_of_the_story():
    assert one("The boy was 15 when he joined the club.").type != "age"


def test_a_toll_that_has_passed_a_figure_beyond_a_quakes_magnitude_is_the_dead():
    found = claimcheck.extract_text("The death toll from Tuesday's magnitude 6.6 earthquake in Maluku has passed 20.")
    assert [(claim.text, claim.measure, claim.outcome) for claim in found] == [
        ("6.6", "magnitude", None), ("20", "people", "killed")]
