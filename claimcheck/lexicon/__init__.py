"""The English claimcheck reads numbers with: word lists and cue phrases, loaded once from ``english.toml``.

Every list lives in that one data file, so a reader can see (and extend) what claimcheck knows of English
without reading code; this module only gives the lists the shapes code uses (sets, tables)."""

from __future__ import annotations

import importlib.resources
import re
import tomllib
from collections.abc import Iterator
from functools import lru_cache

_DATA = tomllib.loads((importlib.resources.files(__package__) / "english.toml").read_text(encoding="utf-8"))


def _words(section: str, key: str) -> frozenset[str]:
    return frozenset(_DATA[section][key])


def alternation(phrases) -> str:
    """Phrases as one regular-expression alternation, in the order given: a space matches any run of spaces, and
    ``*`` any one word ("per * share"), a sum among them ("a loss of * *, or": "a loss of $964 million, or")."""
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+").replace(r"\*", r"[\w.&'’$£€-]+")
                    for phrase in phrases)


# numbers and their qualifiers
QUALIFIERS_BEFORE: dict[str, str] = dict(_DATA["qualifiers"]["before"])
QUALIFIERS_AFTER: dict[str, str] = dict(_DATA["qualifiers"]["after"])
NEAR_QUALIFIERS = _words("qualifiers", "near")
NUMBER_WORDS: dict[str, int] = dict(_DATA["numbers"]["words"])
UNITS_WORDS: dict[str, float] = {word: float(value) for word, value in _DATA["numbers"]["scales"].items()}
MAGNITUDE_SUFFIXES: dict[str, float] = {word: float(value) for word, value in _DATA["numbers"]["magnitudes"].items()}
VAGUE: dict[str, tuple[float, float]] = {phrase: tuple(ends) for phrase, ends in _DATA["numbers"]["vague"].items()}
VAGUE_MULTIPLIERS: dict[str, tuple[int, int]] = {word: tuple(ends) for word, ends in _DATA["numbers"]["vague_multipliers"].items()}
IDIOMS_WITH_ONE = _words("numbers", "idioms_with_one")
CURRENCY_SYMBOLS: dict[str, str] = dict(_DATA["currencies"]["symbols"])
CURRENCY_WORDS: dict[str, str] = dict(_DATA["currencies"]["words"])
#: coins after a number: the currency and one coin's worth in it ("75 cents" = 0.75 USD)
CURRENCY_SUBUNITS: dict[str, tuple[str, float]] = {word: (code, float(worth)) for word, (code, worth) in _DATA["currencies"]["subunits"].items()}

# grammar: the small phrase reader's function words
DETERMINERS = _words("grammar", "determiners")
PREPOSITIONS = _words("grammar", "prepositions")
CONJUNCTIONS = _words("grammar", "conjunctions")
PRONOUNS = _words("grammar", "pronouns")
AUXILIARIES = _words("grammar", "auxiliaries")
VERBS = _words("grammar", "verbs")
PHRASE_ENDERS = _words("grammar", "phrase_enders")
ADJECTIVAL_PARTICIPLES = _words("grammar", "adjectival_participles")
ED_ING_NOUNS = _words("grammar", "ed_ing_nouns")
VERBS_AFTER_NOUN = _words("grammar", "verbs_after_noun")
LINKING_VERBS = _words("grammar", "linking_verbs")
SAY_VERBS = _words("grammar", "say_verbs")
SPEECH_VERBS = _words("grammar", "speech_verbs")
SOURCE_NOUNS = _words("grammar", "source_nouns")
LOCATIVE = _words("grammar", "locative")
DISCOURSE = _words("grammar", "discourse")
OPENERS = _words("grammar", "openers")
LEADING_SKIPPABLE = _words("grammar", "leading_skippable")
TIME_WORDS = _words("grammar", "time_words")
CLAUSE_BOUNDARIES = _words("grammar", "clause_boundaries")
DIRECTIONS = _words("grammar", "directions")
NAME_PARTICLES = _words("grammar", "name_particles")
MONTHS = _words("grammar", "months")
WEEKDAYS = _words("grammar", "weekdays")
ID_PREFIXES = _words("grammar", "id_prefixes")
HYPHEN_PREFIXES = _words("grammar", "hyphen_prefixes")
NOT_ATTRIBUTIVE = _words("grammar", "not_attributive")
FUNCTION_WORDS = PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | VERBS | PRONOUNS | DETERMINERS | PHRASE_ENDERS

#: what happened to what is counted (killed, injured, ...), by each word that says so
OUTCOME_WORDS: dict[str, str] = {word: outcome for outcome, words in _DATA["outcomes"].items() for word in words}
#: every outcome the lexicon names
OUTCOMES = frozenset(_DATA["outcomes"])
#: verbs that give the outcome of the number right after them only ("kills 1, wounds 2")
OUTCOME_VERBS: dict[str, str] = {word: outcome for outcome, words in _DATA["outcome_verbs"].items() for word in words}
#: the roles a verb gives a generic figure ("fell 150 metres": a fall), each with its measure and verbs
ROLES: dict[str, dict] = {name: {**spec, "verbs": tuple(spec.get("verbs", ()))} for name, spec in _DATA["roles"].items()}
#: the roles whose figure grows as an event goes on (the area a fire burned)
RUNNING_ROLES = frozenset(name for name, spec in ROLES.items() if spec.get("running"))
GROUPED_OUTCOMES = _words("facts", "grouped_outcomes")
TALLIES = _words("facts", "tallies")
RUNNING_OUTCOMES = _words("facts", "running_outcomes")
RUNNING_MEASURES = _words("facts", "running_measures")
TOLL_WORDS = _words("facts", "toll_words")
PERSON_NOUNS = _words("facts", "person_nouns")
PRESENT_NOUNS = _words("facts", "present_nouns")
STRUCTURE_NOUNS = _words("facts", "structure_nouns")
GATHERING_NOUNS = _words("facts", "gatherings")
CROWD_PEOPLE = _words("facts", "crowd_people")
SIDE_WORDS = _words("facts", "side_words")

#: the kinds of an event that tell two of them apart outright: family -> (kind -> its words, the nouns they qualify)
EVENT_KINDS: dict[str, tuple[dict[str, frozenset[str]], frozenset[str]]] = {
    family: ({kind: frozenset(words) for kind, words in spec.items() if kind not in ("nouns", "alone")},
             frozenset(spec["nouns"]))
    for family, spec in _DATA["event_kinds"].items()}
#: phrases that name a kind by themselves: family -> kind -> phrases (in words: "re-elected" is "re elected")
EVENT_KIND_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    family: {kind: tuple(" ".join(re.findall(r"[a-z]+", phrase.lower())) for phrase in phrases)
             for kind, phrases in spec.get("alone", {}).items()}
    for family, spec in _DATA["event_kinds"].items()}


def event_kinds(text: str) -> list[tuple[str, str]]:
    """The (family, kind) of each kind word in ``text`` that qualifies one of its family's nouns ("presidential
    poll" -> ("election", "presidential")), and of each phrase that names a kind by itself ("won a new term")."""
    found = []
    words = re.findall(r"[a-z]+", text.lower())
    for index, word in enumerate(words):
        for family, (kinds, nouns) in EVENT_KINDS.items():
            if nouns & set(words[index + 1:index + 3]):
                found.extend((family, kind) for kind, spelled in kinds.items() if word in spelled)
    joined = f" {' '.join(words)} "
    for family, kinds in EVENT_KIND_PHRASES.items():
        found.extend((family, kind) for kind, phrases in kinds.items()
                     if any(f" {phrase} " in joined for phrase in phrases))
    return found


# cue phrases of the rule kinds (each rule can override its own)
INCREASE_WORDS: tuple[str, ...] = tuple(_DATA["change"]["increase"])
DECREASE_WORDS: tuple[str, ...] = tuple(_DATA["change"]["decrease"])
CHANGE_BEFORE_PERCENTAGE: tuple[str, ...] = tuple(_DATA["change"]["before_percentage"])
PERCENTAGE_LEVELS: tuple[str, ...] = tuple(_DATA["change"]["percentage_levels"])
TOTAL_CUES: tuple[str, ...] = tuple(_DATA["cues"]["total"])
COMPLETE_CUES: tuple[str, ...] = tuple(_DATA["cues"]["complete"])
PARTIAL_CUES: tuple[str, ...] = tuple(_DATA["cues"]["partial"])
EVENT_PLACED = _words("cues", "event_placed")
PLACED_ANOTHER = _words("cues", "placed_another")

# units
PHYSICAL_ENTITIES = _words("units", "physical_entities")
NOT_UNITS = _words("units", "not_units")
TIME_UNITS = _words("units", "time_units")
DIMENSION_MEASURES: dict[str, str] = dict(_DATA["units"]["dimension_measures"])
WRITTEN_UNITS: dict[str, str] = dict(_DATA["units"]["written"])
RATE_PERIODS: dict[str, str] = dict(_DATA["units"]["rate_periods"])

# names
ACTOR_NAMES = _words("names", "actors")
DEMONYMS: dict[str, str | None] = {name: country or None for name, country in _DATA["names"]["demonyms"].items()}
PLACE_ALIASES = _words("names", "places")
PLACE_SUFFIXES = _words("names", "place_suffixes")
ORGANISATION_SUFFIXES = _words("names", "organisation_suffixes")
HAPPENING_WORDS = _words("names", "happening_words")


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Country names as newsrooms write them (pycountry's names, common and official names)."""
    return frozenset(PLACE_ALIASES) | {name for name, _ in country_spellings() if "," not in name}


def country_spellings() -> Iterator[tuple[str, str]]:
    """Every name pycountry gives a country (its name, common and official names), with the country's ISO code."""
    import pycountry

    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            if value := getattr(country, attribute, None):
                yield value, country.alpha_2
