"""Anchors: what ties two figures to one quantity beyond doubt, so that their disagreeing is a contradiction (two
copies of one sentence, the same person's age, the only toll each source gives, two sources' estimates set against
each other)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..extraction.dating import days_apart
from ..measure_keys import a_tally, canonical_name, claim_role, head_key, measure_class, measure_key
from ..lexicon import OUTCOME_WORDS, PRESENT_NOUNS, ROLES, STRUCTURE_NOUNS, TOLL_WORDS, country_names
from ..model import Claim
from ..places import city, known_place
from .bearings import one_bearing, told_from
from .copies import FIGURE, other_figures_apart, same_name_before, same_word_before
from .days import days_named, of_another_year, one_night_only, other_days_named, same_days
from .agencies import two_readings
from .another import ANOTHER_WORDS, either_of_another, other_incident_words, told_as_unreal, told_of_another
from .gatherings import another_gathering
from .governing import one_doing, one_happening
from .features import (GENERIC_MEASURES, after_figure, before_figure, name_numbers, near, sentence_terms, slot_match,
                       WORD)
from .quakes import another_quakes, other_quake_places, quake_measure, quake_named
from .past_events import one_past_event
from .pages import ANCHORED_OUTCOMES, FIGURES_PER_PAGE, LEAD_LINES, included, own_and_sourced, set_against, two_sources
from .revisions import told_as_revised
from .vetoes import same_person

#: words for people that say nothing more than that: counts of them may be the event's one count of dead or hurt
GENERIC_PEOPLE = frozenset({"people", "person", "persons", "dead", "victim", "casualty", "other", "individual"})


def anchors(first: Claim, second: Claim, figures: tuple[int, int], synonyms,
            tolls: tuple[int, int] = (1, 1), paragraphs: tuple[int, int] = (1, 1),
            place_share: bool = False, places: tuple[frozenset, frozenset] = (frozenset(), frozenset()),
            names: tuple[frozenset, frozenset] = (frozenset(), frozenset()),
            gatherings: tuple[frozenset, frozenset] = (frozenset(), frozenset())) -> tuple[str, ...]:
    """What ties two figures to one quantity beyond doubt: two copies of one sentence with the figure in the same
    place (of the same name); an age, a record or a count of the same named person; across documents, the only count
    of people killed (injured, marching ...) each source gives, or the only figure of a role (a fall, a deal's price)
    each page gives; on one page, two named sources' accounts. ``tolls``: how many counts of the outcome (figures of
    the role) each page gives; ``paragraphs``: how many figures each source gives in its paragraph; ``place_share``:
    one is a place's share of a measure its page splits by place, the other names no place (it may be the whole), or
    one is a share its sentence lists ("27 air strikes and ... 28"), the other not;
    ``places``: the places each page's headline and first sentence name (see :func:`~.pages.top_places`);
    ``names``: the names each page's lead gives (see :func:`~.pages.lead_names`); ``gatherings``: the kinds of
    gathering each page's top tells of (see :func:`~.pages.top_gatherings`)."""
    found = []
    words_a, names_a = sentence_terms(first.sentence)
    words_b, names_b = sentence_terms(second.sentence)
    quake = quake_measure(first, second, synonyms)  # "magnitude" or "depth": what each agency reports of a quake
    if quake and another_quakes(first, second, names_a, names_b, places):
        return ()
    union = words_a | words_b
    if (first.doc != second.doc and union and len(words_a & words_b) / len(union) >= 0.5
            and slot_match(first, second) >= 0.66 and same_word_before(first, second)
            and same_name_before(first, second) and not other_days_named(first, second)
            and not other_figures_apart(first, second)
            and not place_share):  # "27 air strikes in Syria (and 28 in Iraq)" is no copy of "55 air strikes"
        found.append("the same sentence in both sources, the figure in the same place")
    one_person = same_person(first.subject, second.subject)
    if (one_person is None and first.subject and second.subject
            and (first.type == "score" or a_tally(first.measure))):
        # one record, one player's running count of points: a surname is enough ("McDermott now has 2,129 points")
        one_person = same_person(first.subject.split()[-1], second.subject.split()[-1]) is not False
    if one_person and first.subject.lower().startswith("the ") and figures != (1, 1):
        one_person = False  # "the girl" of a source that gives two girls' ages: which one is open
    if (one_person and first.type == second.type
            and (first.type in ("age", "score")
                 or head_key(first.measure, synonyms) == head_key(second.measure, synonyms))):
        found.append(f"both the {first.type if first.type in ('age', 'score') else first.measure} of {first.subject}")
    # within one document, "the only figure each source gives" rests on reading who says what: too weak an anchor
    single = (figures == (1, 1) and first.scope == second.scope and first.doc != second.doc
              and not _another_of_head(first, synonyms) and not _another_of_head(second, synonyms)
              and not of_another_year(first, second)  # "In 2000, a magnitude-5.0 quake near Yountville"
              and not _owned_by_another(first, second)  # "surpassing Manny Machado's 10-year, $300 million deal"
              and not _told_as_earlier(first) and not _told_as_earlier(second))  # "had put the toll at 40"
    heads = head_key(first.measure, synonyms), head_key(second.measure, synonyms)
    same_people = (heads[0] == heads[1] or _people_alike(first, second, heads)
                   or first.outcome == "gathered")  # a crowd is one crowd, whatever word counts it
    same_place = first.place is not None and (canonical_name("place", first.place, synonyms)
                                              == canonical_name("place", second.place, synonyms))
    placed = (bool(names_a & names_b) or same_place or (first.line <= LEAD_LINES and second.line <= LEAD_LINES)
              or first.place is None or second.place is None)  # an unplaced toll has joined the main place's
    placed = placed and not (_of_a_city_unled(first, second, names[0]) or _of_a_city_unled(second, first, names[1]))
    few = all(count <= FIGURES_PER_PAGE or claim.source for count, claim in zip(tolls, (first, second)))
    classes = _counted_class(first, heads[0], synonyms), _counted_class(second, heads[1], synonyms)
    if (single and few and first.outcome in ANCHORED_OUTCOMES and first.outcome == second.outcome and same_people
            and included(first) == included(second)  # "Five children, including three from one family": two parts
            # parts of a toll are one part only when named alike: "eight of the dead came from El Salitre" and "the
            # last three bodies" are two; so are the children among a town's dead and the bodies its hospital took in
            and (first.scope != "part" or (heads[0] == heads[1] and heads[0] not in GENERIC_PEOPLE))
            and placed and classes[0] is not None and classes[0] == classes[1]
            and _days_apart(first, second) <= _SAME_INCIDENT_DAYS  # two shootings a month apart are two tolls
            and (first.outcome == "killed"  # the dead of one attack are told of the day it struck or they died
                 or not (other_days_named(first, second)  # "12 officers were injured on Sunday night": a night's
                         # "arrested 10 on Tuesday night" of "more than 250 were arrested during the riot"
                         or (first.outcome == "captured" and one_night_only(first, second))))
            and not (another_gathering(first, second, gatherings) or told_as_unreal(first) or told_as_unreal(second)
                     if first.outcome == "gathered"  # 'expected "tens of thousands"' at the next rally
                     else either_of_another(first, second))):  # "a strike on another school killed 3"
        who = (first.measure if first.scope == "part" and heads[0] == heads[1]  # "children killed"
               else heads[0] if first.outcome == "destroyed" else "people")  # "homes destroyed"
        found.append(f"the only count of {who} {first.outcome} each source gives")
    if (first.outcome in ANCHORED_OUTCOMES and first.outcome == second.outcome and same_people
            and classes[0] is not None and classes[0] == classes[1] and first.scope == second.scope
            and (recalled := one_past_event(first, second))):
        found.append(f"both the count of people {first.outcome} in {recalled}")
    if (single and quake and quake_named(first, second, names_a, names_b, places)
            and _days_apart(first, second) <= _SAME_QUAKE_DAYS
            and all(count <= 1 for count in (_figures_of(quake, first.sentence), _figures_of(quake, second.sentence)))):
        found.append(f"the only {quake} each source gives, of a quake both name")  # a fact is of one event
    if (quake and first.doc == second.doc and abs(first.line - second.line) <= _NEAR_LINES
            and two_readings(first, second) and not other_days_named(first, second)):
        found.append(f"two agencies' readings of the {quake} of one quake on one page")
    role = claim_role(first, synonyms)
    one_role = role is not None and role == claim_role(second, synonyms)
    counted = (first.outcome in ANCHORED_OUTCOMES and first.outcome == second.outcome and same_people
               and measure_class(first.measure, synonyms) == "person")  # "730 strikes killing 2,169": no toll
    # "Kobane said at least 5,000 ISIL fighters were still in the pocket ... The U.S. estimated ... 2,500 ISIL fighters"
    estimated = (first.outcome is None and second.outcome is None and heads[0] == heads[1]
                 and heads[0] not in GENERIC_MEASURES and heads[0] not in GENERIC_PEOPLE
                 and bool(_ESTIMATES.search(first.sentence) or _ESTIMATES.search(second.sentence)
                          or set_against(first, second)))  # "17,500 nurses, far fewer than the 28,000 claimed by"
    if ((figures == (1, 1) or (paragraphs == (1, 1) and first.line == second.line))
            and first.doc == second.doc and first.scope == second.scope and (counted or one_role or estimated)
            # "officials said over 100 died; the monitor said 10"; "the rebels, who put the toll higher, at 26"
            and (abs(first.line - second.line) <= _NEAR_LINES
                 or (figures == (1, 1) and _told_as_differing(first, second)))
            and _days_apart(first, second) <= _SAME_INCIDENT_DAYS  # not a 3-day claim against a month's total
            and not other_days_named(first, second)  # "has reached 306 ... on Monday"; "had stood at 250 on Sunday"
            # "officials had put the number of injured at about 40; the health department now says 58": an update
            and not (told_as_revised(first) or told_as_revised(second))
            and (restated := _restated_by_a_source(first, second)
                 or _told_against(first, second) or _two_accounts(first, second))
            and (two_sources(first, second) or (own_and_sourced(first, second) and (
                restated or (heads[0] == heads[1] and heads[0] not in GENERIC_PEOPLE))))):
        found.append(f"the one count of people {first.outcome} each of {TWO_SOURCES} on one page gives" if counted
                     else f"the one {ROLES[role]['called']} each of {TWO_SOURCES} on one page gives" if one_role
                     else f"the one estimate of {first.measure} each of {TWO_SOURCES} on one page gives")
    if (counted and first.doc == second.doc and max(tolls) <= 2 and first.scope == second.scope
            and not place_share  # "kills 18" over "13 died in Elazig and five in neighbouring Malatya"
            and headline_and_lead(first, second)):
        # "Quake kills 20" over "killing 25"
        found.append(f"the headline's count of people {first.outcome} and its lead's")
    if (paragraphs == (1, 1) and first.sentence == second.sentence and first.doc == second.doc
            and two_sources(first, second)
            and first.scope == second.scope and heads[0] == heads[1] and heads[0] not in GENERIC_MEASURES
            and heads[0] not in GENERIC_PEOPLE and _ESTIMATES.search(first.sentence)):
        found.append(f"estimates of one number of {first.measure} by {TWO_SOURCES}, in one sentence")
    if (single and tolls == (1, 1) and one_role
            and (not ROLES[role].get("named") or _named_alike((names_a, names_b), names))
            and (not ROLES[role].get("one_doing") or one_doing(first, second, role))
            and (not ROLES[role].get("happening") or one_happening(first, second, role))
            and (not ROLES[role].get("whole") or not _of_other_places(first, second, synonyms))
            and _days_apart(first, second) <= _SAME_INCIDENT_DAYS  # "fell 150 metres" and "plunged 60m"
            and not other_days_named(first, second)  # a fall on Friday and one on Saturday: two climbers'
            and not (ROLES[role].get("personal") and _other_ages(first.sentence, second.sentence))
            and not (quake and other_quake_places(first, second, names_a, names_b))
            # "Earlier this month, ... signed Sabathia"; a role named by its own noun is its own, "including" or not
            and not either_of_another(first, second, named="measures" not in ROLES[role])):
        found.append(f"the only {ROLES[role]['called']} each page gives")
    if ((told := one_bearing(first, second)) and _days_apart(first, second) <= _SAME_INCIDENT_DAYS
            and not other_days_named(first, second)):
        found.append(f"both the distance {told_from(told)}")  # where the quake struck, where the ship was seized
    # the only figure of a thing each source gives anchors only a thing named in three words or more ("distance
    # east of deconfliction line"): articles give one figure each of many plain things (games, carries, seasons)
    # that are not one quantity across them
    key = measure_key(first.measure, synonyms)
    if (single and few and key and key == measure_key(second.measure, synonyms) and len(key.split()) >= 3
            and head_key(first.measure, synonyms) not in GENERIC_MEASURES and len(near(first) & near(second)) >= 2):
        found.append(f"the only figure of {key} each source gives, in the same words")
    return tuple(found)


def _of_other_places(first: Claim, second: Claim, synonyms) -> bool:
    """Whether two figures are told of different places, one of them less than a country: "118,900 registered voters"
    in a province is not the country's electorate."""
    places = tuple(canonical_name("place", claim.place, synonyms) if claim.place else None for claim in (first, second))
    regions = tuple(bool(_OF_A_REGION.search(before_figure(claim)[-60:])) for claim in (first, second))
    if regions[0] != regions[1]:
        return True  # "The province had 894 polling stations" against the country's 3,257
    return places[0] != places[1] and any(place and place not in country_names() for place in places)


#: a region the sentence tells its figure of without naming it: "The province had 894 polling stations"
_OF_A_REGION = re.compile(r"\b(?:the|this|that|each|every|one)\s+(?:province|region|district|county|oblast|prefecture|"
                          r"municipality|governorate|constituency|city|town)(?:'s)?\b", re.I)


def _of_a_city_unled(claim: Claim, other: Claim, lead: frozenset[int]) -> bool:
    """Whether a figure below its page's lead is told of a city the lead does not name, the other figure not of that
    city: a page on a school hit in a town that adds "seven were killed in Sanaa in strikes the same night" tells of
    another place's dead."""
    told = city(claim.place) if claim.line > LEAD_LINES and claim.place is not None else None
    return (told is not None and not name_numbers(frozenset({claim.place})) & lead
            and (other.place is None or (city(other.place) or [None])[0] != told[0]))  # Salonika is Thessaloniki


def _counted_class(claim: Claim, head: str | None, synonyms) -> str | None:
    """What a toll-like count counts: "person" for people an outcome befell, the head itself for buildings destroyed
    (homes, houses: one thing by the synonyms), None for anything else."""
    if claim.outcome == "destroyed":
        return head if head in STRUCTURE_NOUNS else None
    return "person" if measure_class(claim.measure, synonyms) == "person" else None


def _people_alike(first: Claim, second: Claim, heads: tuple[str | None, str | None]) -> bool:
    """Whether two words for people may count the same people: both say no more than that, or one names all those
    the event befell by what brought them there, in one word ("24 pilgrims" and "27 people" killed in a temple
    stampede; not "two port workers", some of the people a blast killed)."""
    generic = tuple(head in GENERIC_PEOPLE for head in heads)
    if all(generic):
        return True
    present = tuple(head in PRESENT_NOUNS and len((claim.measure or "").split()) == 1
                    for head, claim in zip(heads, (first, second)))
    return (generic[0] and present[1]) or (generic[1] and present[0])


_NEAR_LINES = 3  # lines apart two sources' figures on one page are set against each other


#: what the anchors that tie two sources' accounts of one thing on one page say they are (see :func:`two_accounts`)
TWO_SOURCES = "two sources"


def two_accounts(anchors: tuple[str, ...]) -> bool:
    """Whether some anchor ties two figures as two sources' accounts of one thing on one page."""
    return any(TWO_SOURCES in anchor for anchor in anchors)


#: words with which a sentence lists several sources' estimates of one number ("estimates ranging from 400 ... to 700")
_ESTIMATES = re.compile(r"\b(?:estimates|estimated|disputed|ranging|ranged|varied|vary|varying|conflicting)\b", re.I)
#: words with which a page sets one account against another ("However, state media said 10 had been killed")
_CONTRAST = frozenset({"however", "but", "while", "whereas", "although", "though", "disputed", "contradicted",
                       "contrast", "denied", "instead"})


def _told_against(first: Claim, second: Claim) -> bool:
    """Whether the later of two figures on one page is told against the earlier: a word of contrast in its sentence,
    no word that makes it another incident's, and the same words beside both figures ("Russian mercenaries ...
    killed"), not "16 of the dead" against "21 of the dead"."""
    earlier, later = sorted((first, second), key=lambda claim: (claim.line, claim.start))
    if set_against(first, second):  # "6.0, lower than the 6.3 reported by the international monitoring service"
        return True
    if _told_as_differing(first, second):  # "the monitor had differing numbers"; one that names no day goes on with
        return (not _a_part(first) and not _a_part(second)  # the earlier's ("who put the toll higher, at 26")
                and (same_days(first, second) or not days_named(later.sentence)))
    words = {word.lower() for word in WORD.findall(later.sentence)}
    return (bool(words & _CONTRAST) and not words & ANOTHER_WORDS and not _a_part(first) and not _a_part(second)
            and same_days(first, second)  # "killing 20 on 9 January" is no account of "50-70 in the battle"
            and (_told_alike(first, second) or (_elliptical(later) and later.line - earlier.line <= 1)))


def _told_as_differing(first: Claim, second: Claim) -> bool:
    """Whether the later of two figures on one page is told as another account of what the earlier counts ("the
    monitor had differing numbers, reporting 135", "the rebels, who put the toll higher, at 26")."""
    later = max(first, second, key=lambda claim: (claim.line, claim.start))
    return bool(_DIFFERING.search(before_figure(later)))


#: words that say a figure is another account of one already given ("SOHR had differing numbers, reporting 135")
_DIFFERING = re.compile(r"\b(?:differing|different|conflicting|contradictory|other|lower|higher)\s+"
                        r"(?:numbers|figures|tolls|counts|estimates|tallies|totals)\b|\bdisputed\s+(?:this|that|the)\b"
                        # "the union says the real figures were higher, with more than 200 arrests"
                        r"|\b(?:numbers|figures|tolls?|counts?|estimates|tallies|totals?)\s+"
                        r"(?:were|are|was|is|to\s+be)\s+(?:much\s+|far\s+|even\s+)?(?:higher|lower)\b"
                        # "the rebels, who put the toll higher, at 26"
                        r"|\b(?:put|puts|putting|placed|places|gave|give|gives)\s+(?:the|its|their)\s+(?:death\s+)?"
                        r"(?:toll|number|figure|count|tally|total)\s+(?:much\s+|far\s+|even\s+)?(?:higher|lower)\b",
                        re.I)


_NOTHING_NAMED_AFTER = re.compile(r"^\s*(?:$|[-–—,;:.!?)]|\bto\b|\bin\s+all\b)")


def _elliptical(claim: Claim) -> bool:
    """Whether a figure names nothing of its own and so restates what the sentence before counted ("Police put the
    march at 30,000 people. But witnesses said there were more than 50,000 -- ...")."""
    return bool(_NOTHING_NAMED_AFTER.match(after_figure(claim)))


def _two_accounts(first: Claim, second: Claim) -> bool:
    """Whether one paragraph gives two named sources' accounts of one thing in the same words ("OCHA stated that
    9,000 people had evacuated ... SOHR reported 1,400 people had evacuated"): neither sentence tells of another
    incident, a part or another day ("SOHR said four members of a family were also killed", "16 of the dead", "On 20
    January, SOHR reported ...")."""
    if first.line != second.line or not two_sources(first, second) or _a_part(first) or _a_part(second):
        return False
    words = [other_incident_words(claim) for claim in (first, second)]
    return not (words[0] | words[1]) and same_days(first, second) and _told_alike(first, second)


def headline_and_lead(first: Claim, second: Claim) -> bool:
    """Whether one figure is a page's headline's (a short first line) and the other its lead's, told of one thing:
    neither a part nor of another incident, and on the same day (a page tells its event's toll in both)."""
    headline, lead = sorted((first, second), key=lambda claim: claim.line)
    return (headline.line <= _HEADLINE_LINES and headline.line < lead.line <= LEAD_LINES
            and len(WORD.findall(headline.sentence)) <= 15
            and not _told_as_earlier(lead) and not _BY_THEN.match(before_figure(lead))
            and not _a_part(headline) and not _a_part(lead)
            and not told_of_another(headline) and not told_of_another(lead) and not other_days_named(headline, lead)
            and not of_another_year(headline, lead))  # "the shooting at an army base last November, in which 13 died"


_HEADLINE_LINES = 2  # a page's headline is on its first line or, after a blank, its second
#: a count told as of an earlier hour than the headline's: "By Thursday night, volunteers had collected 38 bodies"
_BY_THEN = re.compile(r"\s*By\s+[^,.;]{1,30},[^.;!?]*\bhad\b", re.I)


def _told_as_earlier(claim: Claim) -> bool:
    """Whether a figure is told as one that stood before ("the official toll had stood at 250 on Sunday", "officials
    had put the number of injured at about 40; the health department now says 58", "early reports put the dead at
    18"): not the page's account now."""
    return bool(_EARLIER_FIGURE.search(before_figure(claim)[-40:]))


_EARLIER_FIGURE = re.compile(r"\bhad\s+(?:stood|been|reached|risen|climbed|put|given)\b[^.;!?]{0,30}$"
                            r"|\b(?:early|earlier|initial|first|preliminary)\s+(?:reports?|estimates?|figures?|"
                            r"counts?|tallies)\s+(?:had\s+)?(?:put|gave|said|suggested|showed|spoke\s+of)\b"
                            r"[^.;!?]{0,30}$", re.I)


def _named_alike(said: tuple[frozenset[str], frozenset[str]], pages: tuple[frozenset[int], frozenset[int]]) -> bool:
    """Whether two sentences tell of someone in common, by the words a name is told again by ("Teixeira" in a
    headline is "Mark Teixeira" below it; "Kaneshiro" is "Kaneshiro Holdings"); a sentence that names no one tells
    of whom its page's lead names ("The offer is 33 percent above the stock price" below "HP will buy EDS")."""
    told = [name_numbers(names) if names else page for names, page in zip(said, pages)]
    return bool(told[0] & told[1])


def _owned_by_another(first: Claim, second: Claim) -> bool:
    """Whether one figure is told as someone's whom the other's sentence does not name ("surpassing Manny Machado's
    10-year, $300 million deal" against "Harper agrees to record $330 million deal"): another's deal, record or toll."""
    for claim, other in ((first, second), (second, first)):
        owner = (_OWNER.search(before_figure(claim)[-60:]) or _OWNING.search(before_figure(claim)[-60:])
                 or _SIGNED_PLAYER.match(after_figure(claim)[:100]))
        if (owner and owner.group("name").split()[-1].lower() not in other.sentence.lower()
                and owner.group("name").lower() not in _CONTRACTED  # "That's a 21 percent premium": no one's
                and not known_place(owner.group("name"))):  # "hits Mexico's Oaxaca, five dead": a place, no owner
            return True
    return False


#: a name in the possessive right before a figure, across a few words of its noun phrase: "Machado's 10-year, "
_OWNER = re.compile(r"(?P<name>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*)['’]s\s+(?:[\w-]+,?\s+){0,3}$")
#: the player a contract is with, named after it by his position: "a four-year, $64 million contract with outfielder
#: Jake Ormsby", "with Cuban second baseman Yoel Marrero" (a club named there is no owner: "a $248 million deal with
#: San Francisco")
_SIGNED_PLAYER = re.compile(r"^[^.;:!?]{0,40}?\b(?:contract|deal|pact|extension)\s+with\s+(?:(?:free[- ]agent|veteran|"
                            r"star|reliever)\s+)?(?:[A-Z][a-z]+\s+)?(?:outfielder|infielder|pitcher|catcher|shortstop|"
                            r"(?:first|second|third)\s+baseman|reliever|closer|left-hander|right-hander|lefty|righty|"
                            r"forward|defenseman|goalie|goalkeeper|midfielder|striker|defender|quarterback|receiver|"
                            r"linebacker|guard|cornerback|safety|running\s+back|tight\s+end)\s+"
                            r"(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*)")
#: words whose "'s" is "is" or "has": "That's", "It's", "Here's"
_CONTRACTED = frozenset({"that", "it", "here", "there", "what", "who", "where", "he", "she", "let", "this"})
#: a bidder's name before its offer, then what the offer is: "The Dravon offer represents a premium of "
_OWNING = re.compile(r"\b[Tt]he\s+(?P<name>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*)\s+(?:offer|bid|proposal|approach|"
                     r"counter-offer|counterbid)\s+(?:[\w-]+,?\s+){0,5}$")


def _other_ages(first: str, second: str) -> bool:
    """Whether two sentences each tell the age of someone and no age of one is within the other's ("a 36-year-old
    Australian climber" and "Robert Buckley, 32," or "a man in his early 30s": two climbers, two falls)."""
    ages = _ages(first), _ages(second)
    return bool(ages[0] and ages[1]) and not any(a[0] <= b[1] and b[0] <= a[1] for a in ages[0] for b in ages[1])


_AGE = re.compile(r"\b(?P<age>\d{1,2})\s*-\s*years?\s*-?\s*old\b|\b[A-Z][a-z]+,\s(?P<after_name>\d{1,2}),"
                  r"|\baged\s(?P<aged>\d{1,2})\b"
                  r"|\bin\s(?:his|her)\s(?P<part>early|mid|late)(?:-|\s)(?P<decade>[1-9]0)s\b")
_DECADE_PART = {"early": (0, 3), "mid": (3, 7), "late": (7, 9)}


@lru_cache(maxsize=65536)
def _ages(sentence: str) -> tuple[tuple[int, int], ...]:
    found = []
    for match in _AGE.finditer(sentence):
        if match.group("decade"):
            low, high = _DECADE_PART[match.group("part")]
            decade = int(match.group("decade"))
            found.append((decade + low, decade + high))
        else:
            age = int(match.group("age") or match.group("after_name") or match.group("aged"))
            found.append((age, age))
    return tuple(found)


def _restated_by_a_source(first: Claim, second: Claim) -> bool:
    """Whether a page gives a toll as its own and a source then restates it in a figure that names nothing but what
    befell it ("... killing 14 people. SOHR said 20 were killed"): the source's account of the page's toll."""
    own, sourced = (first, second) if second.source else (second, first)
    if (own.source or not sourced.source or own.line != sourced.line
            or (own.line, own.start) > (sourced.line, sourced.start)):
        return False
    befell = _BEFELL.match(after_figure(sourced))
    return (befell is not None and OUTCOME_WORDS.get(befell.group("outcome").lower()) == own.outcome == sourced.outcome
            and not other_incident_words(sourced) and same_days(own, sourced))


_BEFELL = re.compile(r"^\s+(?:people\s+|persons\s+)?(?:were|was|had\s+been|have\s+been|are|is)\s+(?:reported\s+)?"
                     r"(?P<outcome>[a-z]+)\b", re.I)  # "SOHR said 20 (people) were killed"


def _told_alike(first: Claim, second: Claim) -> bool:
    """Whether two figures are told in the same words: two in common beside them, an outcome and what is counted
    counting as one each ("100 people were killed" and "10 people died": people, killed; "the death toll was 55" and
    "nine people had been killed": a toll counts people killed)."""
    said = [set(near(claim)) | ({claim.outcome} if claim.outcome else set()) for claim in (first, second)]
    for words in said:
        if words & TOLL_WORDS:  # "the death toll was 55": a count of people
            words.add("people")
    return len(said[0] & said[1]) >= 2


def _a_part(claim: Claim) -> bool:
    """Whether the figure counts some of a whole ("16 of the dead")."""
    return after_figure(claim).lstrip().lower().startswith("of ")


_SAME_INCIDENT_DAYS = 7  # days apart the only tolls of two pages may be one incident's
_SAME_QUAKE_DAYS = 3  # days apart the only magnitudes of two pages may be one quake's


def _days_apart(first: Claim, second: Claim) -> int:
    """Days between two figures' dates (0 when either is undated): two quakes a month apart are two quakes, however
    alike their stories."""
    return days_apart(first.date, second.date)


def _another_of_head(claim: Claim, synonyms) -> bool:
    """Whether the claim's sentence gives another figure of its head noun ("seven consecutive life sentences and four
    sentences of life without parole"): then which of them a source's one figure matches is open."""
    head = head_key(claim.measure, synonyms)
    return bool(head) and head not in GENERIC_PEOPLE and _figures_of(head, claim.sentence) >= 2


@lru_cache(maxsize=4096)
def _figures_of(head: str, sentence: str) -> int:
    return len(re.findall(rf"\b{FIGURE}\s+(?:[\w-]+\s+){{0,3}}?{re.escape(head)}(?:e?s)?\b", sentence, re.I))


