"""Extraction on sentences written for these tests: values, bounds, intervals, units, measures and context."""

import math
import re
import warnings

import pytest

import claimcheck
from claimcheck import ClaimcheckWarning
from claimcheck.extraction import sentences


def one(text: str):
    claims = claimcheck.extract_text(text)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


@pytest.mark.parametrize("text, value, bound, low, high", [
    ("Officials said about 2,000 soldiers were deployed.", 2000, "~", 1800, 2200),
    ("The unit destroyed more than 600 roadside bombs.", 600, ">", 600, None),
    ("At least 45 civilians were evacuated.", 45, ">=", 45, None),
    ("Up to 300 families could return home.", 300, "<=", 0, 300),
    ("Nearly 100 vehicles were inspected.", 100, "<", 90, 100),
    ("Just over 50 trucks crossed the border.", 50, ">", 50, 55),
    ("Fewer than 20 journalists remain in the city.", 20, "<", 0, 20),
    ("Some eight kilometres of road were cleared.", 8, "~", 7.2, 8.8),
    ("An estimated 40 fighters surrendered.", 40, "~", 36, 44),
    ("The army deployed 12 helicopters.", 12, "=", 12, 12),
    ("They seized 100 rifles or more in the raid.", 100, ">=", 100, None),
])
def test_qualifiers_give_bounds_and_intervals(text, value, bound, low, high):
    claim = one(text)
    assert (claim.value, claim.bound, claim.low) == (value, bound, pytest.approx(low))
    assert claim.to_dict()["high"] == (None if high is None else pytest.approx(high))


@pytest.mark.parametrize("text, value, low, high", [
    ("Between 10 and 15 soldiers were wounded.", 12.5, 10, 15),
    ("Officials counted 10-15 boats near the coast.", 12.5, 10, 15),
    ("The storm damaged 200 to 300 homes.", 250, 200, 300),
    ("Tens of thousands of people fled the fighting.", 60000, 20000, 100000),
    ("Hundreds of protesters gathered outside.", 600, 200, 1000),
    ("Several hundred prisoners were freed.", 600, 300, 900),
])
def test_ranges_and_vague_quantities(text, value, low, high):
    claim = one(text)
    assert claim.is_range
    assert (claim.value, claim.low, claim.high) == (value, low, high)


@pytest.mark.parametrize("text, value, unit", [
    ("Donors pledged $1.762bn for reconstruction.", 1.762e9, "USD"),
    ("The council approved a £3.5 million package.", 3.5e6, "GBP"),
    ("The bank lent €20m to the port authority.", 2e7, "EUR"),
    ("Relief agencies reached 1.2 million people.", 1.2e6, "count"),
    ("The scheme will cost Rs 11,000 crore a year.", 1.1e11, "INR / year"),
    ("Turnout reached 64.2 per cent.", 64.2, "percent"),
    ("Support fell by 3 percentage points.", 3, "percentage_point"),
    ("The convoy stopped five miles east of the bridge.", 5, "mile"),
    ("The burned area covered 1,800 square kilometres.", 1800, "kilometer ** 2"),
    ("Farmers lost 2,400 hectares of wheat.", 2400, "hectare"),
    ("Winds reached 120 mph on the coast.", 120, "mile / hour"),
    ("The ship anchored 12 nautical miles offshore.", 12, "nautical_mile"),
    ("Temperatures hit 46.2C in the valley.", 46.2, "degree_Celsius"),
    ("Overnight it fell to minus 31 degrees Fahrenheit.", -31, "degree_Fahrenheit"),
    ("Drivers slept in cars as temperatures fell to minus 6 C.", -6, "degree_Celsius"),
    ("In Jacobabad the mercury reached 49 C.", 49, "degree_Celsius"),
    ("Wind chill values near minus 40 are expected by Wednesday.", -40, "degree_unspecified"),
    ("Twenty-five soldiers were honoured.", 25, "count"),
    ("The fleet shrank to two hundred thousand tonnes.", 2e5, "metric_ton"),
    ("Robbers grabbed gems worth £32million in the raid.", 3.2e7, "GBP"),  # the word glued to its digits
    ("£32MILLION BOND ST GEMS RAID", 3.2e7, "GBP"),
    ("The raid lasted roughly a quarter of an hour.", 0.25, "hour"),  # a fraction of one unit, no share
    ("The pursuit ended three quarters of a mile later.", 0.75, "mile"),
])
def test_units_and_magnitude_words(text, value, unit):
    claim = one(text)
    assert math.isclose(claim.value, value)
    assert claim.unit == unit


@pytest.mark.parametrize("text, unit", [
    ("In Pakistan, each family will get Rs 500,000 from the Pakistani province.", "PKR"),
    ("Nepal's government put the damage in Nepal at 8.3 billion rupees.", "NPR"),
    ("Sri Lanka will spend Rs 2 billion on the repairs.", "LKR"),
    ("India will spend Rs 2 billion on the repairs, Pakistan said.", "INR"),
    ("The cabinet approved Rs 2 billion for the repairs.", "INR"),
    ("Pakistan's grant of ₹2 billion was approved.", "INR"),
    ("The bank lent Dh472.72bn to the builder.", "AED"),  # a Gulf paper's dirhams
    ("The fine was raised to Dhs 5,000.", "AED"),
    # pesos and francs likewise: Mexico's and Switzerland's only where the page names no other country paying in them
    ("Gunmen in the southern Philippines demanded 50 million pesos.", "PHP"),
    ("Kidnappers in Colombia asked for 5 billion pesos.", "COP"),
    ("Police in Manila seized 20 million Mexican pesos.", "MXN"),
    ("The ransom was 200 million pesos.", "MXN"),
    ("Donors in Cameroon pledged 3 billion francs.", "XAF"),
    ("Swiss voters approved 3 billion francs for the tunnel.", "CHF"),
    ("The Nigerian army paid 3 billion francs to the contractor.", "CHF"),  # Nigeria's money is the naira, not Niger's
])
def test_money_several_countries_call_by_one_name_is_that_of_the_country_a_page_names_most(text, unit):
    assert one(text).unit == unit


@pytest.mark.parametrize("text, measure", [
    ("The US has about 2,000 ground forces in the region.", "ground forces"),
    ("The coalition considered a 30,000-strong border force.", "border force"),
    ("Rebels lost more than 99 percent of the group's previously held ground.", "ground"),
    ("Jets carried out 27 air strikes against the group.", "air strikes"),
    ("The checkpoint is five miles from the river.", "distance"),
    ("More than 100 of those fighters were killed.", "fighters"),
    ("Nine ISIS [Daesh] weapon caches were destroyed.", "weapon caches"),
    ("Unemployment in the region held at 6.4% in October.", "unemployment"),
    ("Flood warnings in force: 144", "flood warnings"),
])
def test_measure_is_the_counted_noun_phrase(text, measure):
    assert one(text).measure == measure


def test_elliptical_counts_inherit_the_measure():
    claims = claimcheck.extract_text("Jets flew 55 air strikes: 27 in the north and 28 in the south.")
    assert [(c.value, c.measure) for c in claims] == [(55, "air strikes"), (27, "air strikes"), (28, "air strikes")]


def test_place_actor_and_sentence_date():
    claim = one("The US maintains about 2,000 troops in Syria.")
    assert (claim.actor, claim.place) == ("US", "Syria")
    parts = claimcheck.extract_text("Fighters carried out 27 raids in Syria and 28 raids in Iraq.")
    assert [c.place for c in parts] == ["Syria", "Iraq"]
    grew = claimcheck.extract_text("The alliance grew from 70 nations to 74 nations in 2018.")
    assert [(c.value, c.date) for c in grew] == [(70, "2018"), (74, "2018")]


@pytest.mark.parametrize("text, place", [
    ("Twenty bodies were taken to Lady Reading Hospital, officials said.", None),  # where a count is taken
    ("The mortuary at Civil Hospital in Quetta received 18 bodies.", "Quetta"),
    ("Twenty people died in a fire at Marfin Bank in Athens.", "Athens"),
    ("More than 3,000 people attended the funeral of Adnan Yusuf, his family said.", None),  # a person's
])
def test_a_hospital_or_an_organisation_is_no_place_of_an_event(text, place):
    assert [claim.place for claim in claimcheck.extract_text(text) if claim.unit == "count"] == [place]


def test_document_date_is_the_claims_date_unless_the_sentence_says_otherwise():
    document = claimcheck.read_text("Friday, 26 September 2014\n\nPilots flew 55 sorties since Friday.\n")
    assert document.date == "2014-09-26"
    assert [c.date for c in claimcheck.extract_document(document)] == ["2014-09-26"]


@pytest.mark.parametrize("text", [
    "The report covered 30 December to 6 January.",
    "Posted 7 Feb, 2018 22:58",
    "Friday, September 20, 2024",
    "17:23 GMT19 October 2020",
    "Podcasts\n0:00\n24:55\n0:00 / 28:50",
    "The brigade was formed in 2014 and expanded in 2017.",
    "He was the 3rd officer to resign in the 21st century.",
    "The F-16 and the MH17 inquiry were discussed, as was COVID-19.",
    "Call +44 20 7946 0958 for details.",
    "Update to v2.3.1 now.",
    "1. Open the file\n2. Read it",
    "Get short URL\n0 50",
    "One of the officials declined to comment.",
    "Black Ops 4 Must Replicate WW2 Streaks",
    "Tanks such as the Challenger 2 were sent.",
    "The FTSE 100 index fell in early trading.",
    "5 min read",
    "John Smith | 5 min read",
    "12 comments | 3 shares",
    "Share\n24 comments\nRead more",
])
def test_dates_times_ids_and_chrome_are_not_claims(text):
    assert claimcheck.extract_text(text) == []


def test_malformed_number_is_a_located_warning_not_a_claim():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        claims = claimcheck.extract_text("Headline\nScheme To Cost 11,OOO Crore Per Year", doc="page.txt")
    assert claims == []
    messages = [str(w.message) for w in caught if issubclass(w.category, ClaimcheckWarning)]
    assert messages == ["page.txt:2:16: warning: malformed number '11,OOO' (letter O for zero?) not read as a claim"]


def test_offsets_line_and_column_point_at_the_claim():
    text = "Title line\nThe army said about 2,000 troops remain."
    claim = one(text)
    assert text[claim.start:claim.end] == claim.text == "about 2,000"
    assert (claim.line, claim.column) == (2, 15)


def test_empty_document_has_no_claims():
    assert claimcheck.extract_text("") == []
    assert claimcheck.extract_text("   \n\n") == []


@pytest.mark.parametrize("text, expected", [
    ("The plan covers 40 districts.", [("40", 40.0, "count")]),
    ("The population of 8.4 million has grown by 2% since 2010.", [("8.4 million", 8.4e6, "count"), ("2%", 2.0, "percent")]),
    ("Tables list 1e308 as a limit.", []),
    ("The worm has infected 200,000 PCs.", [("200,000", 200000.0, "count")]),  # personal computers, not parsecs
])
def test_words_ending_like_symbols_or_units_are_not_read_as_them(text, expected):
    assert [(c.text, c.value, c.unit) for c in claimcheck.extract_text(text)] == expected


def test_each_figure_keeps_its_own_event_and_date():
    storm = claimcheck.extract_text("The storm killed 12 people and injured 40 others.")
    assert [(c.value, c.outcome) for c in storm] == [(12, "killed"), (40, "injured")]
    # a figure written in words after a comma or "and" opens a clause of its own: its verb is not the first's
    jailbreak = claimcheck.extract_text("Jailbreak: 240 inmates on the run, two warders killed\n"
                                        "Two warders were killed when gunmen attacked the jail, police said.\n")
    assert [(c.value, c.outcome) for c in jailbreak] == [(240, None), (2, "killed"), (2, "killed")]
    some = claimcheck.extract_text("Five people, one of them a child, were killed. Two of the three victims died.")
    assert [(c.value, c.outcome) for c in some] == [(5, "killed"), (2, "killed"), (3, "killed")]
    deployed = claimcheck.extract_text("In 2020, 500 troops were deployed; by 2022 the number was 800.")
    assert [(c.value, c.date) for c in deployed] == [(500, "2020"), (800, "2022")]


def test_one_long_sentence_of_numbers_stays_fast_enough_to_finish():
    claims = claimcheck.extract_text("Values: " + ", ".join(str(i) for i in range(1, 1500)) + ".")
    assert len(claims) > 1000


_STORY = ("Dr. Jones met Capt. Smith at 5 p.m. in the U.S. capital. The council paid $3.5 million for 40 new buses. "
          "About 1,200 people attended the meeting! Was the 12% rise approved? Officials said 7 of the 9 members agreed.")


def test_a_long_single_line_reads_like_the_same_text_one_sentence_per_line():
    sentences = [sentence + ("" if sentence.endswith(("!", "?")) else ".")
                 for sentence in re.split(r"(?<=[a-z0-9][.!?]) (?=[A-Z])", _STORY)] * 60
    single = [(c.text, c.value, c.unit, c.measure) for c in claimcheck.extract_text(" ".join(sentences))]
    per_line = [(c.text, c.value, c.unit, c.measure) for c in claimcheck.extract_text("\n".join(sentences))]
    assert len(single) == 6 * 60 and single == per_line


def test_the_sentence_splitter_reads_a_long_line_in_bounded_pieces(monkeypatch):
    read: list[int] = []
    segment = sentences._segment
    monkeypatch.setattr(sentences, "_segment", lambda piece: read.append(len(piece)) or segment(piece))
    line = " ".join([_STORY] * 200)  # about 40,000 characters
    spans = sentences.sentence_spans(line)
    assert spans[0][0] == 0 and spans[-1][1] == len(line) and all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert [line[start:end].strip() for start, end in spans[:2]] == [
        "Dr. Jones met Capt. Smith at 5 p.m. in the U.S. capital.", "The council paid $3.5 million for 40 new buses."]
    assert len(spans) == 5 * 200 and read and max(read) <= sentences.WINDOW


def test_the_exclusion_index_finds_the_first_overlapping_span():
    from claimcheck.extraction.nonclaims import Excluded, ExclusionIndex

    index = ExclusionIndex([Excluded(0, 50, "url"), Excluded(10, 12, "date"), Excluded(60, 70, "id"), Excluded(65, 66, "time")])
    assert [index.overlapping(*where) for where in [(20, 30), (50, 60), (55, 61), (66, 80), (70, 90)]] == [
        Excluded(0, 50, "url"), None, Excluded(60, 70, "id"), Excluded(60, 70, "id"), None]


@pytest.mark.parametrize("text, expected", [
    ("Two-thirds of the 600 soldiers were wounded.", [("Two-thirds", 66.667, "percent", "soldiers"), ("600", 600.0, "count", "soldiers")]),
    ("Some 3½ miles of road were damaged.", [("Some 3½ miles", 3.5, "mile", "distance")]),
    ("Three-quarters of the homes had power.", [("Three-quarters", 75.0, "percent", "homes")]),
    ("In the first half of 2024 exports rose.", []),
])
def test_fractions(text, expected):
    found = [(c.text, round(c.value, 3), c.unit, c.measure) for c in claimcheck.extract_text(text)]
    assert found == expected


@pytest.mark.parametrize(("text", "read"), [
    ("The final lasted 2 hours and 26 minutes.", [("2 hours and 26 minutes", 2.433, "hour")]),
    ("The match lasted three hours, 12 minutes.", [("three hours, 12 minutes", 3.2, "hour")]),
    ("He ran the mile in 4 minutes 30 seconds.", [("4 minutes 30 seconds", 4.5, "minute")]),
    # not the next unit down, or more than fits in one: two figures
    ("The plane circled for 3 hours and 20 seconds.", [("3 hours", 3.0, "hour"), ("20 seconds", 20.0, "second")]),
])
def test_a_length_of_time_in_two_units_is_one_figure(text, read):
    assert [(claim.text, round(claim.value, 3), claim.unit) for claim in claimcheck.extract_text(text)] == read


@pytest.mark.parametrize(("text", "values"), [
    ("The volcano was kept at alert level 3, the centre said.", []),  # a grade on a scale, not a count
    ("Forecasters expect a category 4 storm.", []),
    ("\"The house shook,\" said a neighbour, 39, who lives at number 14.", [39.0]),  # a house's number, no toll
    ("Sea levels rose 3 inches.", [3.0]),
    ("Three people were hurt at level 2 of the car park.", [3.0]),
])
def test_a_grade_on_a_scale_is_no_figure(text, values):
    assert [claim.value for claim in claimcheck.extract_text(text)] == values


@pytest.mark.parametrize("text, place", [
    # where a source is, told between commas before it speaks, is not where its figure is of
    ("Brightline Labs, a security company in Hamburg, said it had counted about 6,000 websites.", None),
    ("In Hamburg, police said 6,000 people marched.", "Hamburg"),
    ("At least 10,000 websites have been rigged to exploit the flaw in Internet Explorer.", None),  # a product
])
def test_where_a_source_or_a_flaw_is_is_not_where_a_figure_is(text, place):
    [claim] = claimcheck.extract_text(text)
    assert claim.place == place
