"""The as-of date of a claim: dates in its sentence, resolved against the document's date, never today's."""

import pytest

import claimcheck


def dates(text: str) -> list[tuple[str, str | None]]:
    return [(claim.text, claim.date) for claim in claimcheck.Checker().extract([claimcheck.read_text(text)])]


@pytest.mark.parametrize("text, expected", [
    ("Tuesday, 4 March 2014\n\nOn Sunday, 12 people died.", [("12", "2014-03-02")]),
    ("Tuesday, 4 March 2014\n\nOn 2 March, 12 people died.", [("12", "2014-03-02")]),
    ("Tuesday, 4 March 2014\n\nOn March 1st the toll stood at 12.", [("12", "2014-03-01")]),
    ("Friday, 10 January 2014\n\nOn 28 December, 12 people died.", [("12", "2013-12-28")]),  # last December
    ("Tuesday, 4 March 2014\n\nOn 5 June 2012, 12 people died.", [("12", "2012-06-05")]),
    ("Saturday, 27 September 2014\n\nJets flew 55 air strikes since Friday, 19 September.", [("55", "2014-09-27")]),
    ("Tuesday, 4 March 2014\n\nThe toll reached 40, but on Sunday it was 12.", [("40", "2014-03-04"), ("12", "2014-03-02")]),
    ("Tuesday, 10 September 2024\n\nThe same jets killed 26 in Kutum in April.", [("26", "2024-04")]),
    ("Tuesday, 4 March 2014\n\nIn November, 40 people died.", [("40", "2013-11")]),  # last November
    ("Tuesday, 4 March 2014\n\nIn May 2012, 40 people died.", [("40", "2012-05")]),
    ("Tuesday, 10 September 2024\n\nSince fighting broke out in April, 15,000 have been killed.",
     [("15,000", "2024-09-10")]),
    ("Tuesday, 10 September 2024\n\nThe vote is due in November and 40 candidates have registered.",
     [("40", "2024-09-10")]),
    ("Tuesday, 10 September 2024\n\nIn March 40 people died.", [("40", "2024-03")]),
], ids=["weekday", "day-month", "month-day", "previous-year", "full-date", "since-is-a-start", "other-clause",
        "month-alone", "month-alone-last-year", "month-and-year", "month-a-period-starts", "month-to-come",
        "month-then-figure"])
def test_a_date_without_a_year_takes_the_documents_year(text, expected):
    assert dates(text) == expected


def test_an_undated_document_gets_no_year_from_today():
    assert dates("On 5 June, 12 people died.") == [("12", None)]
    assert dates("On Sunday, 12 people died.") == [("12", None)]


def test_a_chronicle_reads_dates_against_the_year_its_paragraph_names():
    text = ("Monday, 2 October 2023\n\nIn March 2017 the offensive reached the old city. On 17 March, an air strike killed "
            "12 people. On Sunday, 40 more people fled the town.\n\nOn 5 June, officials counted 7 dead.\n")
    assert dates(text) == [("12", "2017-03-17"), ("40", "2023-10-02"), ("7", "2023-06-05")]


def test_a_date_opening_its_sentence_dates_every_figure_of_its_clause():
    text = ("Tuesday, 6 January 2009\n\nIn 2004, a magnitude 9.1 quake off Sumatra triggered a tsunami that killed 230,000 "
            "people.\nIn 2020, 500 were held; by 2022 some 800 were.\nPolice said 12 people were hurt in 2008.\n")
    assert dates(text) == [("9.1", "2004"), ("230,000", "2004"), ("500", "2020"), ("some 800", "2022"), ("12", "2008")]


@pytest.mark.parametrize(("first", "second", "apart"), [
    ("2004", "2008-12-30", 1825),  # the first day of 2004 to the 30th of December 2008
    ("2009", "2009-01-04", 0),  # "in 2009" may be any day of it
    ("2009-01", "2009-02-03", 33),  # "last month" in a report of 3 February: up to 33 days before
    ("2009-01-04", "2009-01-06", 2),
    (None, "2009-01-06", 0),
])
def test_days_apart_reads_a_year_or_a_month_as_the_days_it_may_be_at_the_farthest(first, second, apart):
    from claimcheck.extraction.dating import days_apart

    assert days_apart(first, second) == days_apart(second, first) == apart


def test_a_weekday_owning_a_noun_dates_its_figure():
    text = "Monday, 15 December 2008\n\nTurnout in Sunday's parliamentary election was 93.9 percent.\n"
    assert dates(text) == [("93.9 percent", "2008-12-14")]


def test_last_month_and_weeks_ago_are_told_against_the_documents_date():
    text = ("Tuesday, 3 March 2009\n\nLast month, an attack in Kabul killed 30.\nA year ago 12 people died there.\n"
            "Two weeks ago, 5 were hurt.\nIn the past year 40 people died.\n")
    # "Two weeks" itself is a length of time told as of the document's date, the time it tells of is its figure's
    assert dates(text) == [("30", "2009-02"), ("12", "2008"), ("Two weeks", "2009-03-03"), ("5", "2009-02-17"),
                           ("40", "2009-03-03")]


def test_yesterday_and_last_night_are_the_day_before_the_page_was_written():
    text = ("Friday, 10 October 2008\n\nA gang blitzed a jeweller yesterday and fled with rocks worth £35 million.\n"
            "Police arrested 3 men last night.\nThe shop employs 40 people.\n")
    assert dates(text) == [("£35 million", "2008-10-09"), ("3", "2008-10-09"), ("40", "2008-10-10")]


def test_a_paragraph_that_opens_with_a_date_dates_its_later_sentences():
    text = ("Tuesday, 8 August 2023\n\n* On 6 June 2012, the massacre occurred near Hama. Activists said 55 were killed, "
            "while the government said nine had been killed.\nThe report listed 12 more incidents.\n")
    assert dates(text) == [("55", "2012-06-06"), ("nine", "2012-06-06"), ("12", "2023-08-08")]


def test_a_paragraph_goes_on_with_the_first_date_its_first_sentence_names():
    text = ("Tuesday, 8 August 2023\n\n* The Hatla massacre occurred on 11 June 2013, when rebels killed 60 villagers. "
            "According to a UN report, 30 people were killed.\n")
    assert dates(text) == [("60", "2013-06-11"), ("30", "2013-06-11")]


def test_a_paragraph_that_tells_of_now_or_opens_with_a_year_dates_nothing_after_it():
    text = ("Tuesday, 8 January 2019\n\nA scorecard starts in 2014. More than 99 percent has now been won back.\n"
            "On 6 June 2012, the massacre occurred. Activists said 55 were killed. Nine are still missing.\n")
    assert dates(text) == [("More than 99 percent", "2019-01-08"), ("55", "2012-06-06"), ("Nine", "2019-01-08")]


@pytest.mark.parametrize("text", [
    "The unions fell short of the turnout of 2010, when they said 3.5 million people marched.",
    "Organisers had hoped to match 2010, when unions claimed 3.5 million marchers on a single day.",
])
def test_a_year_a_when_clause_tells_of_dates_its_figures(text):
    assert [claim.date for claim in claimcheck.extract_text(text)] == ["2010"]


def test_a_date_after_a_preposition_opening_its_sentence_dates_every_figure_of_its_clause():
    claims = claimcheck.extract_text("On Sept. 19, 2017, a magnitude 7.1 quake killed some 370 people in central "
                                     "Mexico.")
    assert [(claim.text, claim.date) for claim in claims] == [("7.1", "2017-09-19"), ("some 370", "2017-09-19")]


def test_an_event_named_by_its_year_dates_the_figures_told_of_it():
    text = ("Tuesday, 24 September 2013\n\nIn the 2009 election, final turnout was 57.1 percent.\n"
            "The 2001 Arequipa earthquake reached magnitude 8.4, and the 2007 Pisco earthquake reached 8.0.\n"
            "Turnout was 63 percent, up from 57 percent in the 2009 vote.\n")
    assert dates(text) == [("57.1 percent", "2009"), ("8.4", "2001"), ("8.0", "2007"), ("63 percent", "2013-09-24"),
                           ("57 percent", "2009")]


def test_a_time_ago_is_told_from_the_day_the_page_was_written_whatever_year_went_before():
    text = ("Wednesday, 21 August 2013\n\nThe club keeps 20 percent under a clause in the 2010 sale.\n"
            "Porto bought him for 4.5 million euros three years ago.\n")
    assert dates(text)[-2:] == [("4.5 million euros", "2010"), ("three years", "2013-08-21")]
