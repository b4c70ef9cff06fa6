"""Events: which documents of a folder report the same happening."""

from __future__ import annotations

from claimcheck.event_linkage import component_groups, linked_groups
from claimcheck.events import CONFLICT, cosine, find_events, lead_terms, markers, similarity, term_pairs, tfidf
from claimcheck.model import Document

_PAPUA = [
 "Strong quakes hit Indonesia's Papua\nTwo powerful earthquakes struck off the coast of Indonesia's West Papua province early on Sunday, killing at least four people in Manokwari, officials said.\nThe first quake had a magnitude of 7.6 and struck about 135 kilometers west of Manokwari, the U.S. Geological Survey said.\nHouses and a hotel collapsed in Manokwari, and thousands of residents fled to higher ground fearing a tsunami.\nIndonesia's meteorology agency issued a tsunami warning that was lifted after two hours.\n",
 "Quakes rock Manokwari, killing four\nJAKARTA (Reuters) - Two strong earthquakes rocked Manokwari in West Papua on Sunday, killing four people and damaging dozens of buildings, a disaster agency official said.\nThe U.S. Geological Survey put the first quake at 7.6 and the second, three hours later, at 7.4.\n",
 "Papua quake toll rises\nThe death toll from twin earthquakes in West Papua rose to five on Monday as rescuers searched the rubble of a collapsed hotel in Manokwari.\nDozens of people were injured and more than 800 houses were damaged, the provincial government said.\n",
]
_ACEH = [
 "Quake kills 15 in Indonesia's Aceh\nAn earthquake flattened homes in the Bener Meriah and Central Aceh districts of Aceh on Tuesday, leaving at least 15 dead, local officials said.\nThe tremor measured 6.1, according to the U.S. Geological Survey, and was centred 10 kilometers underground near Takengon.\nMosques and schools were among the buildings that fell, and landslides cut roads into the highlands.\n",
 "Aceh earthquake toll climbs\nBANDA ACEH (Reuters) - Twenty-two people have now died after Tuesday's tremor in the Gayo highlands of Aceh, with soldiers reaching hamlets in Bener Meriah that landslides had isolated, a disaster agency official said.\nSeismologists put the tremor at 6.1.\n",
 "Rescuers dig for survivors in Aceh\nSoldiers and volunteers dug through flattened homes in Central Aceh on Wednesday, a day after the tremor left at least 22 dead around Takengon.\nMore than 200 people were hurt and coffee farmers lost thousands of homes, the Aceh government said.\n",
]


def _events(**pages: list[str]) -> list:
    """The events of documents named after their group and position (papua0.txt, aceh1.txt ...)."""
    return find_events([Document(id=f"{name}{index}.txt", text=text)
                        for name, texts in pages.items() for index, text in enumerate(texts)])


def _grouped(events: list) -> list[list[str]]:
    return sorted(sorted(event.documents) for event in events)


def test_two_quakes_of_one_country_told_in_like_words_are_two_events():
    events = _events(papua=_PAPUA, aceh=_ACEH)
    assert _grouped(events) == [
        ["aceh0.txt", "aceh1.txt", "aceh2.txt"], ["papua0.txt", "papua1.txt", "papua2.txt"]]
    assert {event.label for event in events} == {"Aceh, Takengon", "West Papua, Manokwari"}


_FIRST_QUAKE = [
 "Magnitude 8.1 quake shakes southern Mexico, 32 dead\nA magnitude 8.1 earthquake struck off the Pacific coast of "
 "southern Mexico at 11:49 p.m., killing at least 32 people, officials said.\nIt struck at a depth of 70 km, and "
 "buildings swayed in Mexico City, 700 km away.\n",
 "Mexico quake toll rises to 61\nMEXICO CITY (Reuters) - The toll from the magnitude 8.1 quake that hit southern Mexico "
 "at 11:49 p.m. rose to 61, the government said.\nThe quake, 70 km deep, was felt by 50 million people.\n",
 "Rescuers search rubble after Mexico's 8.1 quake\nSoldiers searched collapsed homes in southern Mexico a day after "
 "the 8.1 earthquake, which killed 61 people.\nThe national seismological service put its depth at 70 km.\n",
]
_SECOND_QUAKE = [
 "Deadly 7.1 earthquake topples buildings in Mexico\nAt least 149 people died when a 7.1 earthquake rocked Mexico at "
 "1:14 p.m., a civil protection official told reporters.\nOffice workers poured into the streets as 40 buildings "
 "collapsed, 51 km above the quake's focus.\n",
 "Mexico earthquake: 225 confirmed dead\nThe 7.1 tremor of 1:14 p.m. has now killed 225, Mexico's interior ministry "
 "said.\nVolunteers formed human chains to clear rubble from 40 collapsed buildings.\n",
 "Why a 7.1 quake hit Mexico so hard\nThe 7.1 quake was centred only 120 km from the capital, seismologists said, "
 "and 51 km down.\nOf the 225 dead, most were in Mexico.\n",
]


def test_two_quakes_told_in_the_same_words_and_names_are_told_apart_by_their_figures():
    assert _grouped(_events(first=_FIRST_QUAKE, second=_SECOND_QUAKE)) == [
        ["first0.txt", "first1.txt", "first2.txt"], ["second0.txt", "second1.txt", "second2.txt"]]


_PARLIAMENT = [
 "Ruritania votes for a new parliament\nSTRELSAU - Ruritanians voted on Sunday in a parliamentary election that "
 "President Rudolf Elphberg's supporters were expected to sweep, the Central Election Commission said.\nNo opposition "
 "party was allowed to field candidates, observers from the OSCE said.\n",
 "Ruritania's loyalists sweep parliamentary vote\nSTRELSAU (Reuters) - Supporters of President Rudolf Elphberg won "
 "every seat in Ruritania's parliamentary election, the Central Election Commission said on Monday.\nOSCE observers "
 "said the vote fell short of democratic standards.\n",
 "OSCE faults Ruritania's parliamentary poll\nObservers from the OSCE said Ruritania's parliamentary poll, swept by "
 "President Rudolf Elphberg's supporters, offered voters no real choice, the Central Election Commission said.\n",
]
_PRESIDENT = [
 "Ruritania's Elphberg wins presidential election\nSTRELSAU - President Rudolf Elphberg won Ruritania's presidential "
 "election on Sunday, the Central Election Commission said.\nOSCE observers said voters were offered no real choice.\n",
 "Elphberg re-elected in Ruritania's presidential vote\nSTRELSAU (Reuters) - Ruritania's President Rudolf Elphberg won "
 "the presidential vote, the Central Election Commission said on Monday, in a poll the OSCE said fell short of "
 "democratic standards.\n",
 "Ruritania's presidential poll offers no choice, OSCE says\nObservers from the OSCE said Ruritania's presidential "
 "poll, won by President Rudolf Elphberg, offered voters no real choice, the Central Election Commission said.\n",
]


def test_a_presidential_and_a_parliamentary_election_of_one_country_are_two_events():
    assert _grouped(_events(parliament=_PARLIAMENT, president=_PRESIDENT)) == [
        ["parliament0.txt", "parliament1.txt", "parliament2.txt"], ["president0.txt", "president1.txt", "president2.txt"]]


def test_an_election_kind_is_read_from_the_word_before_an_election_noun():
    assert markers("Turkmen strongman wins in presidential poll\nThe parliamentary general election is next year.") == [
        "!election=parliamentary", "!election=presidential"]
    assert markers("A bomb exploded near the presidential palace") == []
    # a president's new term, or a parliament's seats, name the kind by themselves
    assert markers("Turkmen leader wins new term with 97 percent\nThe president won a new five-year term.") == [
        "!election=presidential"]
    assert markers("Loyalists sweep vote\nSupporters of the president won all 110 seats in parliament.") == [
        "!election=parliamentary"]
    # a page's body may recall another election: only its headline and first lines are read
    assert markers("Vote count begins\nPolls closed.\nTurnout was high.\nAll seats were filled.\n"
                   "It follows last year's presidential vote.") == []


def test_two_named_storms_or_operations_are_two_events_and_a_storm_keeps_its_name_when_upgraded():
    assert markers("Teodora losses\nHurricane Teodora, which struck Mexico, caused damage.") == ["!storm=teodora"]
    assert markers("Typhoon Haruka slams the Philippines, 3 dead") == ["!storm=haruka"]
    assert markers("Tropical Storm Marisol nears\nOperation Northern Dawn goes on.") == [
        "!operation=northern", "!storm=marisol"]
    pages = ["Hurricane Teodora slams Mexico's coast\nThe storm killed four people and flooded towns.",
             "Typhoon Haruka slams northern coast\nThe storm killed four people and flooded towns.",
             "Tropical Storm Teodora slams Mexico's coast\nThe storm killed four people and flooded towns."]
    vectors = tfidf([lead_terms(Document(id=str(index), text=text)) for index, text in enumerate(pages)])
    assert similarity(vectors[0], vectors[1]) == CONFLICT
    assert similarity(vectors[0], vectors[2]) == cosine(vectors[0], vectors[2]) > 0.5


def test_who_filed_a_page_says_nothing_of_its_event():
    terms = lead_terms(Document(id="a", text=(
        "Air raid kills 16 in Darfur\nBy Catherine Mellor, Africa Correspondent\nKHARTOUM, April 14 (GPW) - "
        "Sudanese jets bombed a camp.\nBy the end of the day, rescuers had left.\n(Reporting by Peter Lindqvist; "
        "Editing by Louise Archer)\n")))
    assert not {"@catherine mellor", "@gpw", "@peter lindqvist", "@louise archer", "mellor", "editing"} & set(terms)
    assert {"@darfur", "khartoum", "rescuers"} <= set(terms)


def test_a_past_years_quake_a_page_recalls_says_nothing_of_its_own():
    terms = lead_terms(Document(id="a", text=(
        "Quake flattens Kuh-Sefid\nA quake of magnitude 6.1 struck on Thursday.\nIn December 2003 a magnitude 6.6 "
        "quake destroyed the city of Bam, killing more than 26,000 people. Rescuers reached Kuh-Sefid.\n")))
    assert {"#6.1", "@kuh-sefid", "rescuers"} <= set(terms)
    assert not {"#6.6", "#26000", "@bam", "#2003"} & set(terms)


def test_documents_of_two_kinds_of_election_are_set_far_apart():
    vectors = tfidf([lead_terms(Document(id=str(index), text=text)) for index, text in enumerate(_PARLIAMENT + _PRESIDENT)])
    assert similarity(vectors[0], vectors[3]) == CONFLICT
    assert similarity(vectors[0], vectors[1]) == cosine(vectors[0], vectors[1]) > 0.12


def test_pages_whose_datelines_give_days_far_apart_without_a_year_are_two_events():
    from claimcheck.event_days import days_apart, document_day

    def page(name: str, dateline: str, lead: str) -> Document:
        return Document(id=name, text=f"Blast kills miners in Balochistan coal mine\nQUETTA, {dateline} (Reuters) - {lead}\n")

    first = page("a.txt", "March 21", "A methane explosion killed miners in a coal mine in Balochistan province, "
                                      "officials said.")
    second = page("b.txt", "March 23", "A methane explosion killed miners in a coal mine in Balochistan province, "
                                       "rescuers said.")
    months_later = page("c.txt", "Jan 12", "A methane explosion killed miners in a coal mine in Balochistan province, "
                                           "officials said.")
    assert [document_day(document) for document in (first, second, months_later)] == [-1081, -1083, -1012]
    assert days_apart(-1081, -1083) == 2 and days_apart(-1012, -1081) == 69
    assert days_apart(-1002, -1365) == 3  # 2 January and 30 December: around the year, whatever the years
    assert days_apart(document_day(Document(id="d.txt", text="", date="2024-03-22")), -1081) == 1  # and a full date
    assert _grouped(find_events([first, second, months_later])) == [["a.txt", "b.txt"], ["c.txt"]]
    # the same pages without datelines: one event, nothing tells them apart
    undated = [Document(id=document.id, text=document.text.replace(dateline, ""))
               for document, dateline in ((first, "QUETTA, March 21 "), (second, "QUETTA, March 23 "),
                                          (months_later, "QUETTA, Jan 12 "))]
    assert _grouped(find_events(undated)) == [["a.txt", "b.txt", "c.txt"]]


def _stray(to_first: tuple[float, float, float], to_second: tuple[float, float, float], days=None) -> list[list[int]]:
    """The groups of two events of three pages each (0-2, 3-5) and a seventh page (6) with the given similarities to
    each of their pages."""
    similarities = {pair: 0.5 for pair in ((0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5))}
    similarities.update({(page, 6): value for page, value in zip((0, 1, 2), to_first)})
    similarities.update({(page, 6): value for page, value in zip((3, 4, 5), to_second)})
    return sorted(component_groups(list(range(7)), similarities, days or [None] * 7))


def test_a_page_left_alone_joins_the_event_it_is_clearly_most_like():
    # a follow-up that shares few words with its event's first reports: too little for average linkage (0.10 < 0.12)
    assert _stray((0.2, 0.05, 0.05), (0.0, 0.0, 0.0)) == [[0, 1, 2, 6], [3, 4, 5]]
    assert _stray((0.2, 0.05, 0.05), (0.15, 0.0, 0.0)) == [[0, 1, 2, 6], [3, 4, 5]]  # 0.10 against 0.05


def test_a_page_as_like_two_events_or_like_none_or_too_late_stays_alone():
    assert _stray((0.2, 0.05, 0.05), (0.2, 0.04, 0.04)) == [[0, 1, 2], [3, 4, 5], [6]]  # 0.10 against 0.093
    assert _stray((0.15, 0.05, 0.0), (0.0, 0.0, 0.0)) == [[0, 1, 2], [3, 4, 5], [6]]  # 0.067: too little in common
    days = [100, 101, 102, 300, 301, 302, 200]  # written 98 days after the first event's last page
    assert _stray((0.2, 0.05, 0.05), (0.0, 0.0, 0.0), days) == [[0, 1, 2], [3, 4, 5], [6]]


def test_a_page_whose_best_pair_is_below_the_linking_similarity_still_joins_its_event():
    # no pair of the seventh page reaches 0.12, so average linkage alone leaves it in a component of its own
    similarities = {pair: 0.5 for pair in ((0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5))}
    similarities.update({(0, 6): 0.10, (1, 6): 0.09, (2, 6): 0.08})
    assert sorted(linked_groups(range(7), similarities, [None] * 7)) == [[0, 1, 2, 6], [3, 4, 5]]


def test_two_pages_alike_join_the_event_they_are_clearly_most_like():
    # a report and its copy (7, 8), told in other words than their event's first reports (0-2)
    similarities = {pair: 0.5 for pair in ((0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5), (6, 7))}
    similarities.update({(page, other): 0.1 for page in (0, 1, 2) for other in (6, 7)})
    assert sorted(linked_groups(range(8), similarities, [None] * 8)) == [[0, 1, 2, 6, 7], [3, 4, 5]]


def _halves(between: float, days: list[int | None]) -> list[list[int]]:
    """The groups of two halves of three pages each (0-2, 3-5), alike within, ``between`` alike across."""
    similarities = {pair: 0.5 for pair in ((0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5))}
    similarities.update({(first, second): between for first in (0, 1, 2) for second in (3, 4, 5)})
    return sorted(linked_groups(range(6), similarities, days))


def test_two_groups_dated_within_a_week_that_share_few_words_are_one_event():
    # two reports of one bridge's collapse, written a day and three days after it, in other words
    assert _halves(0.09, [100, 100, 101, 102, 103, None]) == [[0, 1, 2, 3, 4, 5]]


def _thirds(days: list[int | None], between_others: float = 0.10) -> list[list[int]]:
    """Three pairs of pages (0-1, 2-3, 4-5), alike within; the first as like the second (0.11) as the third (0.10),
    and those two ``between_others`` alike; each 0.02 like an unrelated page (6)."""
    similarities = {(0, 1): 0.5, (2, 3): 0.5, (4, 5): 0.5}
    similarities.update({(first, second): 0.11 for first in (0, 1) for second in (2, 3)})
    similarities.update({(first, second): 0.10 for first in (0, 1) for second in (4, 5)})
    similarities.update({(first, second): between_others for first in (2, 3) for second in (4, 5)})
    similarities.update({(page, 6): 0.02 for page in range(6)})
    return sorted(linked_groups(range(7), similarities, days))


def test_a_group_as_like_two_groups_of_one_story_joins_them():
    # three outlets' pairs of reports of one factory fire over three days: none clearly most like one other pair
    assert _thirds([100, None, 101, None, 101, 102, None]) == [[0, 1, 2, 3, 4, 5], [6]]
    # the second and third too little alike to be one story: the first stays apart, and the second joins it
    assert _thirds([100, None, 101, None, 101, 102, None], between_others=0.05) == [[0, 1, 2, 3], [4, 5], [6]]
    # the third a month later: the first is clearly most like the second of the groups it could join
    assert _thirds([100, None, 101, None, 130, 131, None]) == [[0, 1, 2, 3], [4, 5], [6]]


def test_two_groups_alike_stay_apart_when_undated_or_dated_apart_or_too_little_alike():
    assert _halves(0.09, [None] * 6) == [[0, 1, 2], [3, 4, 5]]  # two events of one kind are told in like words
    assert _halves(0.09, [100, 101, 101, 120, 121, 121]) == [[0, 1, 2], [3, 4, 5]]  # three weeks apart
    assert _halves(0.07, [100, 100, 101, 102, 103, None]) == [[0, 1, 2], [3, 4, 5]]


def test_a_term_pairs_the_documents_dated_within_the_window_however_many_list_it_over_the_years():
    weekly = {row: 738000 + 7 * row for row in range(60)}  # 60 pages a week apart: at most 17 within 60 days of one
    pairs = set(term_pairs(range(60), weekly))
    assert len(pairs) == 444  # each with the next 8 (56 days), none further: 8 * 60 - (1 + 2 + ... + 8)
    assert (0, 8) in pairs and (0, 9) not in pairs
    crowded = {row: 738000 + 7 * (row // 6) for row in range(360)}  # six a week: over 50 near any one of them
    assert set(term_pairs(range(360), crowded)) == set()


def test_a_term_too_common_in_some_weeks_still_pairs_the_pages_of_quieter_weeks():
    days = {row: 738000 for row in range(55)}  # 55 pages of one day
    days |= {55 + row: 738400 + row for row in range(5)}  # and 5 a year later, a day apart
    days[60] = None  # and an undated page, which may be of any day
    pairs = set(term_pairs(range(61), days))
    assert pairs == {(first, second) for first in range(55, 60) for second in range(first + 1, 60)}


def test_a_term_of_few_documents_pairs_every_two_dated_close_enough_or_undated():
    days = {0: 738000, 1: 738030, 2: 738200, 3: None}
    assert set(term_pairs([0, 1, 2, 3], days)) == {(0, 1), (0, 3), (1, 3), (2, 3)}
