"""What a figure measures, read from the words around it: "12 people were killed" counts people, "unemployment held at
6.4%" is unemployment, "five miles east of the line" a distance from a landmark. Noun phrases themselves are read by
:mod:`claimcheck.extraction.phrases`."""

from __future__ import annotations

from ..lexicon import (AUXILIARIES, CLAUSE_BOUNDARIES, DEMONYMS, DETERMINERS, DIRECTIONS, DISCOURSE, FUNCTION_WORDS,
                       LINKING_VERBS, NUMBER_WORDS, PERSON_NOUNS, PREPOSITIONS, ROLES, SAY_VERBS)
from .phrases import NounPhrase, Token, noun_phrase, number_word


_ORDINALS = {"first", "last", "next", "previous", "past", "final", "opening", "second", "third"}


#: what a sum is "in" that is no thing it counts: a time ("in an evening") or the happening it changed hands in ("in a
#: raid")
_WHEN_OR_WHERE = frozenset({"evening", "day", "night", "morning", "afternoon", "week", "hour", "hours", "minutes",
                            "seconds", "raid", "heist", "robbery", "theft", "burglary", "attack", "holdup", "hold-up"})


def measure_after(tokens: list[Token], kind: str, dimension: str | None = None) -> NounPhrase:
    """What the number counts, read from the words after the number and its unit."""
    if tokens and tokens[0].lower in ("-strong", "strong") or (len(tokens) > 1 and tokens[0].text == "-" and tokens[1].lower == "strong"):
        tokens = tokens[2:] if tokens[0].text == "-" else tokens[1:]
    if not tokens:
        return NounPhrase([], [])
    head = tokens[0].lower
    if head in (",", ";", ":"):
        return NounPhrase([], [])  # "the magnitude was 5.9, the survey said": a clause ends at the comma
    if head.replace("-", "") in DIRECTIONS:
        return NounPhrase([], [])  # "35 km south-west of the town": a distance from a landmark (reference_distance)
    if head == "of" or (head in ("in", "for", "worth") and kind == "currency"):
        if head == "of" and dimension == "[length]":
            return NounPhrase([], [])  # "within 2 km of the town": a reference point, not what is measured
        rest = tokens[1:]
        while rest and (rest[0].lower in DETERMINERS or rest[0].lower in {"them", "whom"} or rest[0].text[:1].isdigit()
                        or rest[0].lower in _ORDINALS or rest[0].lower in NUMBER_WORDS):  # "four of their first five drives"
            if rest[0].lower in {"them", "whom"}:  # "10 of them children": who the part is, where a word for people
                told = rest[1:2]  # follows (not "two of them dressed as women")
                return noun_phrase(rest[1:]) if told and told[0].lower in PERSON_NOUNS else NounPhrase([], [])
            rest = rest[1:]
        if len(rest) > 1 and rest[0].lower in _DEGREES and rest[1].is_word and rest[1].lower not in FUNCTION_WORDS:
            rest = rest[1:]  # "2,500 of its most loyal fighters": the fighters, not "most"
        found = noun_phrase(rest)
        if head == "in" and kind == "currency" and found.text and found.text.split()[-1].lower() in _WHEN_OR_WHERE:
            return NounPhrase([], [])  # "$160 million in an evening", "EUR 62m in Paris raid": when, or in what
        return found
    if kind == "percent":
        if head in _PERCENT_ROLES:  # "85 percent turnout": a share an event has one of
            return noun_phrase(tokens[:1])
        return NounPhrase([], [])  # "8.7% year on year": only "N% of X" names the whole
    return noun_phrase(tokens)




_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_DEGREES = frozenset({"most", "least", "more", "less"})
_LIMITERS = frozenset({"just", "only", "merely", "barely", "mere"})  # words that say a figure is small, not what it is
_HEDGING = frozenset({"estimated", "believed", "thought", "said", "reported", "feared", "expected", "likely"})
_VALUED = frozenset({"valued", "priced", "appraised", "insured", "estimated", "put"})  # "jewels valued at"
_PERCENT_ROLES = frozenset(name for name, spec in ROLES.items() if spec["type"] == "percent")


def measure_before(tokens: list[Token], clause_subject: bool = True) -> NounPhrase:
    """What a number measures when the sentence names it before the number: a fact-box label
    ("Flood warnings in force: 144") or the subject of a linking verb ("unemployment held at 6.4%",
    "the acute malnutrition rate ... has risen by 4.5 percentage points")."""
    index = len(tokens)
    while index and tokens[index - 1].lower in _LIMITERS:
        index -= 1  # "turnout of just 52 percent": the turnout, as "turnout of 52 percent"
    if index and tokens[index - 1].text == ":":
        label_start = index - 1
        while label_start and tokens[label_start - 1].text not in ".;:!?-•*" and index - label_start < 8:
            label_start -= 1
        label = tokens[label_start:index - 1]
        if (label_start == 0 or tokens[label_start - 1].text in ".;:!?-•*") and not any(t.text[:1].isdigit() for t in label):
            return noun_phrase(label, sentence_initial=True)  # a fact-box label: "Flood warnings in force: 144"
        return NounPhrase([], [])
    if (index >= 2 and tokens[index - 1].lower == "worth" and tokens[index - 2].text[:1].isalpha()
            and tokens[index - 2].lower not in FUNCTION_WORDS):
        return noun_phrase(tokens[index - 2:index - 1])  # "in a deal worth $2.4 billion": the deal
    if (index >= 2 and tokens[index - 1].lower == "of" and tokens[index - 2].lower in _PERCENT_ROLES):
        return noun_phrase(tokens[index - 2:index - 1])  # "reported turnout of 58.9 percent": the turnout
    if index and tokens[index - 1].lower == "between":
        index -= 1  # "was between 55 and 68": a range's opening word
    if (index >= 3 and tokens[index - 1].lower == "be" and tokens[index - 2].lower == "to"
            and tokens[index - 3].lower in _HEDGING):
        index -= 3  # "the death toll was estimated to be 55": as "the death toll was 55"
    verb = None
    for position in range(index - 1, max(-1, index - 16), -1):
        word = tokens[position].lower
        if word in {".", "!", "?", ";"} or (not clause_subject and position < index - 3):
            break
        if word in LINKING_VERBS:
            verb = position
            break
    if verb is None:
        return NounPhrase([], [])
    if (tokens[verb].lower == "at" and verb >= 2 and tokens[verb - 1].lower in _VALUED
            and tokens[verb - 2].text[:1].isalpha() and tokens[verb - 2].lower not in FUNCTION_WORDS):
        return noun_phrase(tokens[verb - 2:verb - 1])  # "four gunmen took jewels valued at 80 million euros": jewels
    while verb and tokens[verb - 1].lower in AUXILIARIES | {"been", "has", "have", "had", "will", "would"}:
        verb -= 1
    start = verb
    while (start and (tokens[start - 1].lower not in CLAUSE_BOUNDARIES or _joining(tokens, start - 1))
           and tokens[start - 1].text not in ".!?"
           and tokens[start - 1].lower not in SAY_VERBS):  # "officials said turnout was 76 percent"
        start -= 1
    for _ in range(2):  # "The price of bread, however, has risen 150%", "The toll, according to activists, was 55"
        aside = tokens[start:verb]
        if not (start > 1 and (all(t.lower in DISCOURSE for t in aside) or aside[0].lower == "according")):
            break
        verb = start - 1  # step over the aside
        start = verb
        while start and tokens[start - 1].lower not in CLAUSE_BOUNDARIES and tokens[start - 1].text not in ".!?":
            start -= 1
    words = tokens[start:verb]
    if start and tokens[start - 1].lower == "told":
        words = _after_hearer(words)
    back = next((position for position in range(len(words) - 2, 0, -1) if words[position].lower in _TIME_BACK), None)
    if back is not None:  # "A year ago the rate averaged 6.46%": the rate, then
        words, start = words[back + 1:], start + back + 1
    counted = [position for position, word in enumerate(words)
               if (word.text[:1].isdigit() or number_word(word.text))
               and not (position + 1 < len(words) and words[position + 1].lower in _ORDINAL_SUFFIXES)  # "the 5th of"
               and not (position + 1 < len(words) and _joining(words, position + 1))]  # "in the 11-day offensive"
    if counted:  # "at least 12 people were killed and 40 injured": what the earlier figure counts
        words, start = words[counted[-1] + 1:], start + counted[-1] + 1
    while words and (words[0].lower in PREPOSITIONS or words[0].lower in DETERMINERS):
        words = words[1:]
    return noun_phrase(words, sentence_initial=start == 0)


def _after_hearer(words: list[Token]) -> list[Token]:
    """What was told after whom it was told to: "told a radio station the figure was $7 million" (the figure, not the
    radio station). The told thing starts at the first "the" (or "its", "their") that no preposition governs."""
    for position in range(1, len(words)):
        if words[position].lower in _TOLD_THINGS and words[position - 1].lower not in PREPOSITIONS:
            return words[position:]
    return words


_TOLD_THINGS = frozenset({"the", "its", "their"})
_TIME_BACK = frozenset({"ago", "earlier", "before"})  # what ends a time told before a clause's subject


def _joining(tokens: list[Token], index: int) -> bool:
    """Whether the token is a hyphen that joins the words either side of it ("11-day"), not a dash between clauses."""
    return (tokens[index].text == "-" and 0 < index < len(tokens) - 1
            and tokens[index - 1].end == tokens[index].start and tokens[index].end == tokens[index + 1].start)


def _coast_of(tokens: list[Token]) -> tuple[str, int] | None:
    """The country whose coast a distance is measured from, and where its name ends: "the coast of Somalia", "the
    Somali coast", "Somalia's coast"."""
    words = [token for token in tokens[:5] if token.lower not in ("the", "its")]
    if len(words) >= 3 and words[0].lower in _COASTS and words[1].lower == "of" and words[2].text[:1].isupper():
        return words[2].text, words[2].end
    if len(words) >= 2 and words[1].lower in _COASTS and words[0].text[:1].isupper():
        country = words[0].text.removesuffix("'s").removesuffix("’s")
        return DEMONYMS.get(country) or country, words[1].end
    return None


_COASTS = frozenset({"coast", "coastline", "shore", "shores"})


def reference_distance(tokens: list[Token]) -> tuple[str, int] | None:
    """'five miles east of the agreed-on "de-confliction" line' -> ('distance east of deconfliction line', end):
    a distance is measured from a landmark, and the landmark is part of what is measured, not a place."""
    while tokens and tokens[0].lower in ("to", "the", "further", "farther", "away", "due", "out"):
        tokens = tokens[1:]  # "some eight kilometers to the east of the line"
    direction = tokens[0].lower.replace("-", "") if tokens else ""  # "south-west" is southwest
    if direction in ("from", "off") and (coast := _coast_of(tokens[1:])):
        return f"distance from {coast[0].lower()}", coast[1]  # "180 miles off the coast of Somalia": from Somalia
    if len(tokens) >= 2 and direction in ("from", "off") and tokens[1].text[:1].isupper():
        direction, rest = "from", tokens[1:]  # "about 250 km from Peshawar": from the place, in no direction said
    elif len(tokens) < 3 or direction not in DIRECTIONS or tokens[1].lower != "of":
        return None
    else:
        rest = tokens[2:]
    while rest and (rest[0].lower in DETERMINERS or rest[0].text in "\"“”‘’'"):
        rest = rest[1:]
    phrase = noun_phrase(rest)
    if not phrase.words:
        return None
    head = [word.lower.replace("-", "") for word in phrase.words[-2:]]
    end = phrase.words[-1].end
    return f"distance {direction}{'' if direction == 'from' else ' of'} {' '.join(head)}", end
