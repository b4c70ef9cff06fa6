"""What a number is about: the measure (what is counted), the place, the actor and the date.

News sentences are regular enough that a small phrase reader does this without a tagger model:
the noun phrase after the number ("2,000 US ground forces"), or after "of" ("99 percent of the
ground"), or before a linking verb ("the death toll rose to 45"); places after locative prepositions
or in the country list; actors as name modifiers, possessives or subjects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..measure_keys import POSSESSIVE
from ..places import NAMED_ALONE, city
from ..lexicon import (NUMBER_WORDS, ACTOR_NAMES, ADJECTIVAL_PARTICIPLES, AUXILIARIES, CROWD_PEOPLE, DEMONYMS,
                       DETERMINERS, ED_ING_NOUNS, FUNCTION_WORDS, GATHERING_NOUNS, HAPPENING_WORDS, LEADING_SKIPPABLE,
                       LOCATIVE, MONTHS, NAME_PARTICLES, OPENERS, OUTCOME_VERBS, OUTCOME_WORDS, ORGANISATION_SUFFIXES,
                       PERSON_NOUNS, PLACE_SUFFIXES, SAY_VERBS, SPEECH_VERBS, TIME_WORDS, VERBS, VERBS_AFTER_NOUN,
                       WEEKDAYS, country_names)

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’]*(?:-[\w'’]+)*|\d(?:[\d,.]*\d)?|[\[\](){}]|[^\w\s]")
_PARTICLE_NAME = re.compile(r"(?:al|el|ez|es|as|ad|ash|an|ar|ibn|bin)-[A-Z]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


def is_name(word: str) -> bool:
    bare = word.rstrip(".").removesuffix("'s").removesuffix("’s")
    return bare in ACTOR_NAMES or bare in DEMONYMS or bare in country_names() or bare.upper() in ACTOR_NAMES


def _is_participle(word: str) -> bool:
    lower = word.lower()
    return (lower.endswith(("ed", "ing")) and lower not in ADJECTIVAL_PARTICIPLES) or lower in VERBS


def _is_adverb(word: str) -> bool:
    return word.lower().endswith("ly") and len(word) > 4 and word.lower() not in {"family", "supply", "assembly", "italy", "rally", "ally", "daily"}


@dataclass
class NounPhrase:
    words: list[Token]
    names: list[str]  # proper-noun modifiers taken out of the phrase (actors or places)

    @property
    def text(self) -> str | None:
        return " ".join(word.lower.rstrip(".") for word in self.words) or None


def noun_phrase(tokens: list[Token], max_words: int = 5, sentence_initial: bool = False) -> NounPhrase:
    """The noun phrase at the start of ``tokens`` (brackets skipped, names split off)."""
    words: list[Token] = []
    has_noun = False
    depth = 0
    for position, token in enumerate(tokens):
        if token.text in "[({":
            depth += 1
            continue
        if token.text in "])}":
            depth = max(depth - 1, 0)
            continue
        if depth or token.text in "*'’\"“”‘":
            continue
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if (token.text == "," and words and _is_participle(words[-1].text) and following is not None
                and following.is_word and following.lower not in FUNCTION_WORDS):
            continue  # "its most committed, battle-hardened fighters": adjectives in a row, not the phrase's end
        if not words and token.lower in LEADING_SKIPPABLE:
            continue
        if not words and token.lower in {"a", "an", "per", "each", "every"} and following is not None and following.lower in TIME_WORDS:
            break  # "500 a day": a rate, not what is counted
        if token.text[:1].isdigit() and words and words[-1].is_capitalized:
            continue  # a model number: "Challenger 2 tanks", "Boeing 737 aircraft"
        modifier_participle = not has_noun and words and _is_adverb(words[-1].text) and _is_participle(token.text)
        acronym = len(token.text) > 1 and token.text.isupper()
        if not modifier_participle and not acronym and (
            not token.is_word or token.lower in FUNCTION_WORDS or token.lower in MONTHS or token.lower in WEEKDAYS
            or (has_noun and token.lower in VERBS_AFTER_NOUN and not _adjective_then_noun(words[-1], following))
        ):
            if token.lower in DETERMINERS and not words:
                continue
            break
        possessive = token.text.endswith(("'s", "’s"))
        if _CONTRACTION.match(token.lower):
            break  # "the two women she's accused of shooting": a pronoun starts the next clause
        if (has_noun and _looks_verbal(token.text) and not _continues_phrase(following, token.text)
                and not _adjective_then_noun(words[-1], following)):
            break
        if (has_noun and not words[-1].is_capitalized and _plural(words[-1].lower) and not _plural(token.lower)
                and not token.is_capitalized):
            break  # "three circuits account for", "two reporters crack": a plural head ends the phrase
        if "-" in token.text and (cut := _dash_joined(token)) is not None:
            words.append(cut)  # "four people-one with broken bones": the dash ends the phrase
            break
        words.append(token)
        has_noun = has_noun or not (possessive or _is_adverb(token.text) or _is_participle(token.text))
        if len(words) >= max_words:
            break
    while words and (_looks_verbal(words[-1].text) or _is_adverb(words[-1].text)):
        words.pop()
    return _split_names(words, sentence_initial)


def _looks_verbal(word: str) -> bool:
    lower = word.lower()
    return (lower.endswith(("ed", "ing")) and lower not in ED_ING_NOUNS) or lower in VERBS


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def number_word(text: str) -> bool:
    """Whether a word is a number's ("three", "Twenty-three"), not a noun."""
    return all(part in NUMBER_WORDS for part in text.lower().split("-"))


def _dash_joined(token: Token) -> Token | None:
    """'people-one', 'recharges-three', 'associates-the': a word glued by a dash to a function or number word that
    starts the next phrase, cut back to the word ("Twenty-three" is one number, no glued phrase)."""
    head, _, rest = token.text.partition("-")
    if (head and not number_word(token.text)
            and rest.split("-")[0].lower() in DETERMINERS | NUMBER_WORDS.keys() | {"former"}):
        return Token(head, token.start, token.start + len(head))
    return None


_CONTRACTION = re.compile(r"(?:he|she|it|they|we|you|i|there|who)['’](?:s|re|ve|d|ll|m)$")
_ADJECTIVE_ENDINGS = ("ive", "al", "ous", "ful", "ic", "able", "ible", "est")


def _adjective_then_noun(previous: Token, following: Token | None) -> bool:
    """'most endangered properties', 'three consecutive left hooks': after an adjective, a verb's form followed by a
    plural noun modifies that noun (after a noun it is the verb: 'two people killed others')."""
    adjective = previous.lower in {"most", "least", "more"} or previous.lower.endswith(_ADJECTIVE_ENDINGS)
    return (adjective and following is not None and following.is_word and not following.is_capitalized
            and _plural(following.lower) and following.lower not in FUNCTION_WORDS and not _looks_verbal(following.text))


def looks_verbal(word: str) -> bool:
    """'voted', 'rising', 'said': a verb's form, not a noun's."""
    return _looks_verbal(word)


def _continues_phrase(token: Token | None, word: str = "") -> bool:
    """'charging points': an -ing word followed by a plain noun modifies it."""
    return (token is not None and word.lower().endswith("ing") and token.is_word and not token.is_capitalized and token.lower not in FUNCTION_WORDS
            and not _looks_verbal(token.text) and token.lower not in VERBS_AFTER_NOUN)


def _split_names(words: list[Token], sentence_initial: bool = False) -> NounPhrase:
    names: list[str] = []
    has_lower = any(not word.is_capitalized for word in words)
    kept: list[Token] = []
    pending_name: list[str] = []
    for index, word in enumerate(words):
        if pending_name and not (word.is_capitalized and not kept):
            names.append(" ".join(pending_name))
            pending_name = []
        possessive = word.text.endswith(("'s", "’s"))
        if possessive and index < len(words) - 1:
            names.append(word.text[:-2])
            continue
        if _is_adverb(word.text) and index < len(words) - 1:
            continue
        plain_initial = sentence_initial and index == 0 and not is_name(word.text) and not word.text.isupper()
        if (not kept and index < len(words) - 1 and has_lower and word.is_capitalized and not plain_initial
                and not re.search(r"-(?:[a-z]+)$", word.text)):
            pending_name.append(word.text)
            continue
        if not kept and index < len(words) - 1 and has_lower and re.match(r"[A-Z][\w.]*-(?:led|backed|based|allied|funded|run)$", word.text):
            continue
        kept.append(word)
    # a participle right after a removed adverb ("previously held ground") qualifies, it does not name
    if len(kept) > 1 and _is_participle(kept[0].text) and kept[0].lower not in ADJECTIVAL_PARTICIPLES and len(words) > len(kept):
        kept = kept[1:]
    return NounPhrase(kept, names)


# ---- places and actors -------------------------------------------------------------------------

@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int
    locative: bool  # introduced by "in", "across", "near" ...
    comparison: bool = False  # "the size of Wales": named for comparison, not where something is
    attributive: bool = False  # "The U.S. -led coalition": a modifier, not where something is
    of_person: bool = False  # "a Melbourne man": where someone is from, not where something happened
    headline: bool = False  # in a line written in title case, where every word is capitalised


def names(tokens: list[Token]) -> list[Name]:
    """Capitalized name sequences in a sentence ("Deir ez-Zor", "Anbar Province", "Iraq and Syria" kept apart)."""
    found: list[Name] = []
    headline = title_case(tokens)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not (token.is_word and token.is_capitalized):
            index += 1
            continue
        bare = POSSESSIVE.sub("", token.lower)  # "Sunday's election": a day, not a name
        if (bare in MONTHS or bare in WEEKDAYS
                or (token.lower in FUNCTION_WORDS and not token.text.isupper())):
            index += 1
            continue
        end = index
        while end + 1 < len(tokens) and tokens[end + 1].is_word and (
            tokens[end + 1].is_capitalized or _PARTICLE_NAME.match(tokens[end + 1].text)
            or _particles_then_name(tokens, end + 1)  # "Place de la Republique", "Rutte van der Berg"
        ):
            end += 1
        previous = tokens[index - 1].lower if index else ""
        before_previous = tokens[index - 2].lower if index > 1 else ""
        locative = (previous in LOCATIVE or (previous == "the" and before_previous in LOCATIVE)
                    or (previous in _WHERE_WORDS and before_previous in LOCATIVE)  # "in neighbouring Uttar Pradesh"
                    or (previous == "the" and end + 1 < len(tokens) and tokens[end + 1].text in _GATHERED_IN))
        comparison = previous == "of" and before_previous in {"size", "area", "that"}
        if previous == "of" and before_previous in _OF_SOMEONE:
            locative = False  # "the funeral of Adnan Yusuf", "the family of Jordan Mensah": a person, not where
        if previous == "in" and before_previous in _IN_SOFTWARE:
            locative = False  # "a flaw in Internet Explorer": a product, not a place
        # "10 kilometers from the al-Omar oilfield": a point distances are told from, not where something is
        after_from = index - (2 if previous == "the" else 1)
        if after_from >= 1 and tokens[after_from].lower == "from" and tokens[after_from - 1].lower in _DISTANCE_WORDS:
            comparison = True
        if comparison or _on_a_route(tokens, index, end):
            locative = False  # "roughly the size of Wales": a comparison, not where; "from Place X to Place Y": a route
        if previous == "and" and found and index > 1 and found[-1].end == tokens[index - 2].end:
            locative = found[-1].locative  # "around Wad Sharifa and Girba"
        text = " ".join(t.text for t in tokens[index:end + 1])
        attributive = end + 1 < len(tokens) and tokens[end + 1].text.startswith("-")
        of_person = end + 1 < len(tokens) and tokens[end + 1].lower in PERSON_NOUNS
        found.append(Name(text.removesuffix("'s").removesuffix("’s"), token.start, tokens[end].end, locative, comparison,
                          attributive, of_person, headline))
        index = end + 1
    return found


def _particles_then_name(tokens: list[Token], index: int) -> bool:
    """Whether one or two name particles stand at ``index`` with a capitalised word right after ("de la Nation")."""
    for length in (1, 2):
        after = index + length
        if after < len(tokens) and all(token.lower in NAME_PARTICLES for token in tokens[index:after]):
            if tokens[after].is_capitalized:
                return True
    return False


def _on_a_route(tokens: list[Token], index: int, end: int) -> bool:
    """Whether a name is an end of a route told after a figure ("marched from Place de la Republique to Place de la
    Nation"): where a march or a flight went, not where its figure is (a country or a known city is still a place,
    see :func:`is_place`)."""
    previous = tokens[index - 1].lower if index else ""
    if previous == "from":
        return any(token.lower == "to" and following.is_capitalized
                   for token, following in zip(tokens[end + 1:end + 9], tokens[end + 2:end + 10]))
    return previous == "to" and any(token.lower == "from" for token in tokens[max(0, index - 10):index - 1])


#: words between a preposition and a place that still say where: of a place beside the story's ("in neighbouring
#: Uttar Pradesh", "in nearby Kasese"), or of a part of it ("through central Porto", "in northern Aleppo")
_WHERE_WORDS = frozenset({"neighbouring", "neighboring", "nearby", "central", "downtown", "northern", "southern",
                          "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern"})
#: what a city's name before it tells happened there: "the Porto march", "the Athens rally"
_GATHERED_IN = GATHERING_NOUNS | {"crowd", "crowds"}
#: what "of" a name tells of a person's: "the funeral of", "the family of", "the killing of"
#: what lies in a product, not in a place: "a flaw in Internet Explorer", "a bug in Windows"
_IN_SOFTWARE = frozenset({"flaw", "flaws", "bug", "bugs", "vulnerability", "vulnerabilities", "hole", "holes",
                          "weakness", "loophole", "exploit", "feature", "features", "glitch", "defect"})
_OF_SOMEONE = frozenset({"funeral", "burial", "death", "killing", "murder", "shooting", "arrest", "release", "trial",
                         "family", "relatives", "mother", "father", "brother", "sister", "son", "daughter", "wife",
                         "husband", "widow", "parents", "lawyer", "lawyers", "friends", "supporters", "memory", "body"})
#: words a reference point follows ("10 kilometers from", "a few miles away from")
_DISTANCE_WORDS = frozenset({"km", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "meters",
                             "metres", "m", "mi", "yards", "feet", "ft", "away", "far"})


def title_case(tokens: list[Token]) -> bool:
    """Whether a line is written in title case ("Shooting Leaves 1 Dead In NE Phila"): its capitals say nothing of
    which words are names."""
    words = [token.text for token in tokens if len(token.text) > 3 and token.text[0].isalpha()]
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= 0.8 * len(words)


def is_place(name: Name, sentence_start: int) -> bool:
    words = name.text.split()
    if name.comparison or name.attributive or words[0] in HAPPENING_WORDS:  # "from Typhoon Sonamu"
        return False
    if name.text in country_names() or words[-1] in PLACE_SUFFIXES:
        return True
    if name.headline:  # only a known city is a place in a headline's capitals
        return _a_known_city(name.text)
    if (name.text in ACTOR_NAMES or name.text in DEMONYMS or name.text.removesuffix("s") in DEMONYMS  # "Greeks"
            or name.start == sentence_start or words[-1] in ORGANISATION_SUFFIXES):
        return False
    if re.search(r"-(?:led|backed|based|allied|funded|run|controlled)$", name.text) or name.attributive:
        return False
    if name.locative:
        return not name.text.isupper()
    return not name.of_person and _a_known_city(name.text)  # "the Athens march": no "in"


def _a_known_city(text: str) -> bool:
    """Whether a name is a city large enough to be named alone (GeoNames)."""
    found = city(text) if len(text) > 3 else None
    return found is not None and found[2] >= NAMED_ALONE


#: words that open a clause of its own after a figure: a place named there is not where the figure is
_SUBORDINATE = re.compile(r"\b(?:as|while|because|although|though|whereas|since|until)\b")
#: a relative clause's end, where its sentence's own verb resumes: "The rebels, who put the toll at 26, have been
#: fighting Khartoum since 2011" (Khartoum is not where the 26 died)
_CLAUSE_RESUMED = re.compile(r",\s+(?:have|has|had)\s+(?:been|long)\b")
#: between two figures, only what befell the first and "and": "Two people died and 12 were injured"
_COORDINATED = re.compile(r"\s+(?:people\s+|persons\s+)?(?:were\s+|have\s+|had\s+)?(?:died|killed|injured|hurt|"
                          r"wounded|dead)\s+and\s+$", re.I)
#: an "as" clause that tells where the happening struck: "as storms swept across Moldova", "as the fire tore
#: through the hotel"
_HAPPENING_WENT = re.compile(r"\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:swept|tore|ripped|raged|roared|moved|spread|"
                             r"lashed|battered|pounded|hit|struck|slammed)\s+(?:across|through|over|into)\b", re.I)


def place_reach(text: str, end: int, limit: int, sentence_end: int) -> int:
    """How far after a figure (ending at ``end``) its place may be named: up to the next figure (``limit``), but not
    into a clause about something else ("2,500 fighters in the enclave, as IS held Al-Susah") unless it tells where
    the happening struck ("as storms swept across Moldova"), which a list of what befell people shares ("Two people
    died and 12 were injured as storms swept across Moldova")."""
    ends = (_SUBORDINATE.search(text, end, limit), _CLAUSE_RESUMED.search(text, end, limit))
    subordinate = min((found for found in ends if found), key=lambda found: found.start(), default=None)
    if subordinate is None and limit < sentence_end and _COORDINATED.match(text, end, limit):
        later = _SUBORDINATE.search(text, limit, sentence_end)
        if later and _HAPPENING_WENT.match(text, later.end(), sentence_end):
            return sentence_end
    if subordinate and not _HAPPENING_WENT.match(text, subordinate.end(), limit):
        return subordinate.start()
    return limit


def choose_place(sentence_names: list[Name], start: int, end: int, limit: int, sentence_start: int,
                 exclude: set[str]) -> str | None:
    """The place nearest after the claim (before ``limit``), else the nearest before it."""
    places = [n for n in sentence_names if n.text not in exclude and is_place(n, sentence_start)]
    after = [n for n in places if n.start >= end and n.start < limit]
    if after:
        first = after[0]
        joined = [n for n in after[1:2] if n.start - first.end <= 5]
        return f"{first.text} and {joined[0].text}" if joined else first.text
    before = [n for n in places if n.end <= start]
    if not before:
        return None
    last = before[-1]
    joined = [n for n in before[-2:-1] if last.start - n.end <= 5]  # "around Wad Sharifa and Girba"
    return f"{joined[0].text} and {last.text}" if joined else last.text


def subject_actor(tokens: list[Token], sentence_names: list[Name], claim_start: int) -> str | None:
    """The sentence's named subject, when it does something rather than says something."""
    first = 0
    while first < len(tokens) and (not tokens[first].is_word or tokens[first].lower in OPENERS):
        first += 1  # '“Syrian pro-regime forces …', 'But while ISIS has lost …', 'The US …'
    if first >= len(tokens):
        return None
    subject = next((n for n in sentence_names if n.start == tokens[first].start), None)
    if subject is None or subject.end > claim_start or not is_name(subject.text.split()[0]):
        return None
    following = next((t for t in tokens if t.start >= subject.end), None)
    if following is None or following.lower in SAY_VERBS or following.lower in SPEECH_VERBS or not following.is_word:
        return None
    return subject.text


def actor_after(tokens: list[Token], sentence_names: list[Name]) -> str | None:
    """'strikes by Russia' -> Russia."""
    for index, token in enumerate(tokens[:4]):
        if token.lower == "by" and index + 1 < len(tokens):
            following = tokens[index + 2] if tokens[index + 1].lower == "the" and index + 2 < len(tokens) else tokens[index + 1]
            name = next((n for n in sentence_names if n.start == following.start), None)
            if name and is_name(name.text.split()[0]):
                return name.text
    return None




def outcome(before: list[Token], after: list[Token], but: str | None = None) -> str | None:
    """What happened to what is counted, when the clause says: 'killed an estimated 100', '100 … were killed',
    'three bank workers, a man and two women, died' (a list's verb governs every figure of it; 'killed 5 and
    injured 40' gives each figure its own); ``but``: an outcome the words for which are passed over."""
    outcome_words, outcome_verbs = (OUTCOME_WORDS, OUTCOME_VERBS) if but is None else _outcome_words_but(but)
    window = before[-4:]
    relative, told_before, on_behalf = False, None, False
    for index in range(len(window) - 1, -1, -1):  # "killed an estimated 100": the verb governs the number
        token = window[index]
        if token.lower in _ON_BEHALF:
            on_behalf = True  # "we march for the 500,000 who have no work": whom the march is for, not its marchers
            continue
        if token.text in ",;.!?:" or token.lower in {"and", "or", "but", "while", "that"} or token.lower in SAY_VERBS:
            break  # "the agency for refugees said 40 were killed": the source's words are not the figure's, nor is
            # the verb a clause opens on ("he admitted that about 450 jobs would go": no one admitted to hospital)
        if token.lower in _RELATIVES:
            relative = True  # "protests in which 450 people were arrested": the clause's own verb says, if it does
            continue
        if token.lower in outcome_verbs:
            told_before = outcome_verbs[token.lower]
            break
        if (token.lower in outcome_words and not _not_outcome(window, index)
                and not _in_a_name(before, len(before) - len(window) + index)):
            told_before = outcome_words[token.lower]
            break
    if told_before == "gathered" and on_behalf:
        return None
    if told_before is not None and not relative:
        return told_before
    crowd = None
    after = _past_a_part(after)
    for index, token in enumerate(after[:10]):
        if token.text in ";.!?:" or token.text[:1].isdigit() or token.lower in {"or", "but", "while", "whereas", "who",
                                                                                 "which", "that", "after", "when", "how",
                                                                                 "whether", "if", "because"}:
            break
        following = after[index + 1].lower if index + 1 < len(after) else ""
        then = after[index + 2] if index + 2 < len(after) else None
        if (token.lower in NUMBER_WORDS and index and after[index - 1].lower in (",", "and", "with")
                and following != "of"):  # "stands at 31, with four people still missing": their own outcome
            break  # "240 inmates escape, two warders killed": another figure, with its own verb ("one of them": a part)
        if (token.lower == "to" and following.isalpha() and following not in _AFTER_TO
                and following not in outcome_words):  # "ordered 5,000 residents to evacuate": what befell them
            break  # "150 police had been deployed to manage the crowd": a purpose, not what befell them
        if (token.text == "," and following in ("and", "but", "while") and then is not None
                and then.lower in _NEW_SUBJECT):
            break  # "2,900 people were sheltering at the school, and the dead included three children": a new clause
        if (token.lower in ("and", ",", "—", "–", "-", "(")
                and (following in outcome_words or following in outcome_verbs)
                and then is not None
                and (then.text[:1].isdigit() or then.lower in NUMBER_WORDS)):
            break  # "… and injured 40 others": another clause, another figure
        if token.lower in outcome_words and not _not_outcome(after, index, before[-3:]):
            if following in ("who", "that") and (told := _relative_outcome(after[index + 2:index + 5], outcome_words)):
                return told  # "two prisoners who escaped": what the clause says befell them, not what the noun says
            if token.lower in CROWD_PEOPLE and crowd is None:
                crowd = outcome_words[token.lower]  # "29 protesters had been injured": what befell them, if told
                continue
            return outcome_words[token.lower]
    return crowd if crowd is not None else told_before


_RELATIVES = frozenset({"which", "whom"})
_ON_BEHALF = frozenset({"for"})


def _past_a_part(after: list[Token]) -> list[Token]:
    """The words after a figure without a part told between commas right after it: in "27 people, 10 of them
    children, were killed" the verb after the part says what befell all 27."""
    for index, token in enumerate(after[:4]):
        if token.text == "," and index + 3 < len(after) and after[index + 2].lower == "of" \
                and (after[index + 1].text[:1].isdigit() or after[index + 1].lower in NUMBER_WORDS) \
                and after[index + 3].lower in ("them", "whom"):
            close = next((end for end in range(index + 4, min(len(after), index + 9)) if after[end].text == ","), None)
            return after if close is None else after[:index] + after[close + 1:]
    return after


def _relative_outcome(clause: list[Token], outcome_words: dict[str, str]) -> str | None:
    """The outcome a relative clause's verb tells, past its auxiliaries: "who escaped", "who had been freed"."""
    for token in clause:
        if token.lower in outcome_words:
            return outcome_words[token.lower]
        if token.lower not in AUXILIARIES:
            return None
    return None


def _in_a_name(tokens: list[Token], index: int) -> bool:
    """Whether a word is part of an organisation's name ("The Observatory for Civilian Casualties has documented 47
    dead"): capitalised after "for" or "of" and a capitalised word, or after a capitalised word after one of them."""
    if index < 2 or not tokens[index].is_capitalized:
        return False
    previous, before_previous = tokens[index - 1], tokens[index - 2]
    return ((previous.lower in ("for", "of") and before_previous.is_capitalized)
            or (previous.is_capitalized and before_previous.lower in ("for", "of")))


@lru_cache(maxsize=None)
def _outcome_words_but(but: str) -> tuple[dict[str, str], dict[str, str]]:
    """The lexicon's outcome words and verbs, less those of one outcome (built once per outcome, not per figure)."""
    return ({word: found for word, found in OUTCOME_WORDS.items() if found != but},
            {word: found for word, found in OUTCOME_VERBS.items() if found != but})


#: words after "to" that keep an outcome the figure's: "took to the streets", "were said to have died", "beaten to
#: death"; any other verb opens a purpose ("deployed to manage the crowd")
_AFTER_TO = frozenset({"the", "a", "an", "their", "its", "his", "her", "have", "be", "been", "death", "hospital",
                       "hospitals"})
#: words that open a clause's own subject after ", and": "..., and the dead included three children"
_NEW_SUBJECT = frozenset({"the", "its", "their", "his", "her"})
#: words before "the streets" that put a crowd in them ("took to the streets", "filled the streets")
_INTO_THE_STREETS = frozenset({"to", "into", "onto", "in", "filled", "fill", "thronged", "packed", "lined", "flooded",
                               "jammed", "crowded"})
_SAVING = frozenset({"save", "saved", "saves", "saving", "spared", "spare", "rescued"})
_NOT_OUTCOMES = {"penalty", "sentence", "sentences", "row", "threat", "threats", "certificate", "warrant"}


def _not_outcome(tokens: list[Token], index: int, preceding: list[Token] = ()) -> bool:
    """'death penalty', 'death row': the word names something else; 'in March 2015': a month, not a march; 'a board of
    12': no one on board; 'saved 20 lives': lives kept, not lost; 'patrolled the streets': no crowd in them
    (``preceding``: the words before ``tokens``, for a figure between)."""
    if tokens[index].text == "March":
        return True
    if tokens[index].lower in ("board", "streets"):
        before = [token.lower for token in (*preceding, *tokens[:index])][-2:]  # the two words before it
        if tokens[index].lower == "board":  # "312 passengers on board", not "a board of 12"
            return before[-1:] != ["on"]
        # "took to the streets", not "800 officers patrolled the streets"
        return not (len(before) == 2 and before[1] == "the" and before[0] in _INTO_THE_STREETS)
    if tokens[index].lower == "lives" and any(token.lower in _SAVING
                                              for token in (*preceding, *tokens[max(0, index - 5):index])):
        return True
    return index + 1 < len(tokens) and tokens[index + 1].lower in _NOT_OUTCOMES
