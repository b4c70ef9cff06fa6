"""The role a figure plays in its sentence, beyond what it counts: what type of quantity it is (an age is not a
count of people), what it is of (a fall, a deal, a quake's magnitude) and whose it is (the person an age belongs
to); whether it is a total or a part: ``scopes.py``; who says it: ``sources.py``. Facts and the agree rule read
these to tell quantities apart."""

from __future__ import annotations

import re

from functools import lru_cache

from ..lexicon import (ACTOR_NAMES, DEMONYMS, NOT_ATTRIBUTIVE, DETERMINERS, FUNCTION_WORDS, ROLES, TIME_UNITS,
                       alternation)
from ..measure_keys import a_tally
from ..places import city, known_place
from .phrases import Name, NounPhrase, country_names
from .unit_reading import UnitReading

#: a person's age written after the name: "Catherine Gomes, 61," / "Horton, 34" / "Smith (60)"
_APPOSITIVE_AGE = re.compile(r"^\s*(?:,|\()\s*$")
_AFTER_AGE = re.compile(r"^\s*(?:,|\)|;|\.|$|and\b|who\b|of\b|from\b|was\b|is\b|had\b|has\b|opened\b|faces\b)", re.I)
#: "aged 61", and the later ages of a list told after it: "aged 41 and 53", "aged 19, 21 and 23"
_AGED = re.compile(r"\b(?:aged|age|ages)\s*(?:\d{1,3}\s*(?:,\s*(?:and\s+)?|and\s+|or\s+))*$", re.I)
_AGE_LISTED = re.compile(r"\s*(?:[,;.)—–]|$|(?:and|or)\b)")  # what ends an age of such a list (not "3 others")
def quantity_type(unit: UnitReading, age: bool = False, kind: str = "digits") -> str:
    """count | money | rate | percent | duration | measurement | age | ratio (| score, set where a record or score is
    read; spec, magnitude and rank by :func:`typed_count`)."""
    if age or unit.kind == "age":
        return "age"
    if kind == "fold":
        return "ratio"  # "sixfold", "a 3-fold rise": a multiple, not a count
    if unit.rate:
        return "rate"  # "$3,500 a month", "800,000 barrels a day"
    if unit.kind == "currency":
        return "money"
    if unit.kind == "percent":
        return "percent"
    if unit.kind == "physical":
        return "duration" if unit.unit in TIME_UNITS else "measurement"
    return "count"


#: "a four-cylinder engine", "a three-judge panel": the number says what the thing after it has, not how many there are
_ATTRIBUTIVE = re.compile(r"^-(?P<noun>[a-z]{3,})\s+(?P<thing>[a-z]{3,})\b")
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]*(?:of\s+)?$", re.I)
_MOMENT_MAGNITUDE = re.compile(r"(?<![\w.])Mw?\s?$")  # "M6.7", "Mw 7.6": a seismologist's magnitude
#: the nouns for a quake, singular
QUAKES = r"(?:(?:earth)?quake|tremor|temblor|aftershock)"
#: "an earthquake measuring 7.7", "the quake measured 5.6", "a tremor registering 4.1", "a quake of 6.1" (not "38 in
#: the aftershock, for a total of 188")
_QUAKE_MEASURING = re.compile(rf"\b{QUAKES}s?\b(?:[^.;:!?\d]{{0,40}}?\b(?:measuring|measured|registering|registered|"
                              r"that\s+measured|which\s+measured)|\s+of)\s+(?:about\s+|around\s+|roughly\s+|"
                              r"nearly\s+|some\s+|at\s+)?$", re.I)
#: "the 7.6 quake", "a 6.1 earthquake": a figure with a decimal point before a quake is its magnitude (a count of
#: quakes is whole)
_QUAKE_NOUN = re.compile(rf"[\s-]*(?:[A-Z][a-z]+\s+){{0,2}}(?i:{QUAKES}|shock)s?\b")  # "the 6.9 Loma Prieta quake"
_DECIMAL = re.compile(r"\s*\d\.\d{1,2}\s*")
#: "the survey measured the quake at 7.6, while the agency put it at 7.2", "later revised to 7.3", "measured the main
#: shock at 5.9", "reported the magnitude as 7.5 before revising it to 8.0": a bare figure of one decimal told after a
#: quake or its magnitude in its sentence is the quake's magnitude
_QUAKE_BEFORE = re.compile(rf"\b(?:{QUAKES}s?|magnitudes?|(?:main\s+)?shocks?)\b", re.I)
#: "The U.S. Geological Survey measured it at 6.3": a survey's reading of the quake the sentence before told of
_MEASURED_IT = re.compile(r"\b(?:measured|rated|registered|recorded)\s+it\s+(?:at|as)\s+$", re.I)
#: "Indonesia's meteorology agency put it at 7.3": a seismic agency's reading of the quake told before
_AGENCY_PUT_IT = re.compile(r"\b(?:survey|agency|institute|cent(?:er|re)|observatory|USGS|GFZ|EMSC|seismolog\w*)"
                            r"(?:\s+[\w'’-]+){0,3}\s+(?:put|estimated|gauged|calculated|gave)\s+it\s+(?:at|as)\s+$",
                            re.I)
_PUT_AT = re.compile(r"\b(?:at|to|was|as)\s+$", re.I)
_ONE_DECIMAL = re.compile(r"\s*[1-9]\.\d\s*")
#: ("0.3 magnitude units": a difference between two readings, no magnitude)
_MAGNITUDE_AFTER = re.compile(r"^(?:[\s-]*magnitude\b(?!\s+(?:units?|points?|steps?)\b)|\s+on\s+the\s+richter\b)", re.I)
#: nothing, or only a dateline, before a figure in its sentence: "TEHRAN (RPI) - Two days after ..."
_OPENING = re.compile(r"\s*(?:[A-Z][\w .,'’()-]{0,60}?\s[-–—]+\s*)?")
#: a figure written with no whole part and three decimals: a batting (or fielding) average, ".308"
_AVERAGE = re.compile(r"\.\d{3}")
_RANK_BEFORE = re.compile(r"(?:\b(?:ranked|ranks|ranking|seeded)\s+(?:No\.?\s*|number\s+)?|#)$", re.I)


def role_of(before: str, measure: str | None, after: str = "", money: bool = False, count: bool = False,
            percent: bool = False) -> str | None:
    """What a figure of a generic measure is of, by the verb that governs it or the words around it (``[roles]`` in
    the lexicon): "fell some 150 metres" -> fall, "agreed to buy the chipmaker for $5.4 billion" -> deal, "at a depth
    of 10 km" and "16 kilometres deep" -> depth; a sum of ``money`` paid for a named firm ("will pay $13.2 billion
    for EDS") -> deal."""
    tail, head = before[-160:], after[:40]
    if money:
        for name, paid in _paid_patterns():
            if paid.search(tail) and _PAID_FOR.match(after):
                return name
        for name, valuing in _valuing_patterns():
            if valuing.search(tail):
                return name
    if measure is None and not count:
        return None
    measure = measure.lower() if measure else ""  # "": a bare ``count`` ("the stadium, which holds 30,000")
    patterns = _role_patterns()
    found = patterns.get(measure, patterns.get(measure.rsplit(None, 1)[-1] if measure else ""))
    # a share's role is a share's (a turnout), and no count's: "50,000 people turned out" is a crowd
    found = found and tuple(pattern for pattern in found if (ROLES[pattern[0]]["type"] == "percent") == percent
                            # and a count's is a count's: "took some 150 items" is no haul's worth
                            and (not count or ROLES[pattern[0]]["type"] == "count"))
    if found is None and money and re.search(rf"\b{re.escape(measure)}\b", tail, re.I) and _NAMED_BUYER.search(tail):
        # "AMD is buying ATI for $4.8 billion": a sum told of its buyer, a firm's name, is the deal's
        found = tuple(pattern for pattern in patterns["money"] if pattern[0] == "deal")
    for name, _, following in found or ():  # what follows a figure says more than a verb before it: "agreed to buy
        if following and following.match(head):  # Kestrel for 412 pence per share" is a price per share, no deal
            if ((ROLES[name].get("opening", True) or not _OPENING.fullmatch(before))
                    and not _ruled_out(name, tail)):
                return name
    for name, governed, _ in found or ():
        if governed and governed.search(tail) and not _ruled_out(name, tail):
            return name
    if found is None and money:  # "12 million euros stolen": the word after a sum, read as its measure, says its role
        for name, _, following in patterns["money"]:
            if following and following.match(f" {measure} {head}"):
                return name
    return None


def _ruled_out(role: str, before: str) -> bool:
    """Whether the words right before a figure make it none of the role's (the role's `not_within`): "received 900
    calls in the first three hours after the announcement" is no time between two happenings, "a net loss of $964
    million, or $3.52 a share" no price per share."""
    window = _ruled_out_patterns().get(role)
    return window is not None and bool(window.search(before))


@lru_cache(maxsize=1)
def _ruled_out_patterns() -> dict[str, re.Pattern]:
    """Each role's `not_within` words, as one pattern that ends where its figure begins."""
    return {name: re.compile(rf"\b(?:{alternation(spec['not_within'])})\s*$", re.I)
            for name, spec in ROLES.items() if spec.get("not_within")}


_WORDS = r"(?:[\s,]+[A-Za-z'’-]+){{0,{}}}"  # a few words between a verb and its figure (a name, a possessive)
#: words that open another party's clause between a role's ``by`` and its verb: "prosecutors sought 20 years, while
#: the defence asked for six" (the defence's ask is no prosecution's)
_NOT_BY = r"(?:defen[cs]e|defendants?|lawyers?|attorneys?|counsel|judges?|court|while|whereas|but)\b"
#: a clause that opens on a firm's name and its verb: "AMD is buying", "Intel agreed to buy"
_NAMED_BUYER = re.compile(r"(?:^|[.:;]\s+)[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s+(?:is|was|will|has|had|"
                          r"agreed|agrees|to)\b[^.;:!?]*$")
_PAID_FOR = re.compile(r"^(?:\s+in\s+(?:cash|stock|cash\s+and\s+stock))?\s+for\s+[A-Z]")


@lru_cache(maxsize=1)
def _paid_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(role, the verb of paying right before a figure, with at most two words between: "will pay about")."""
    return tuple((name, re.compile(rf"\b(?:{'|'.join(map(re.escape, spec['paid']))})(?:\s+[a-z]+){{0,2}}\s*$", re.I))
                 for name, spec in ROLES.items() if spec.get("paid"))


_HEDGES = r"(?:about|approximately|around|some|roughly|nearly|almost|an\s+estimated|more\s+than|over|up\s+to)"


@lru_cache(maxsize=1)
def _valuing_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(role, what values a firm at the figure right after it): a word of the role's ``valued_by`` (the deal), then
    its verb of valuing and what it values ("The offer ... values Valkea at about"), or the deal of a firm and "worth"
    ("the takeover of Valkea, worth about")."""
    found = []
    for name, spec in ROLES.items():
        if not spec.get("valuing"):
            continue
        by = alternation(spec["valued_by"])
        found.append((name, re.compile(  # what is valued is a firm, not its shares ("values the shares at $40")
            rf"\b(?:{by})\b[^.;:!?()]{{0,80}}?\b(?:{alternation(spec['valuing'])})\s+(?![^,.;:!?()]*\bshares?\b)"
            rf"[^,.;:!?()]{{1,60}}?\s+at"
            rf"(?:\s+{_HEDGES})?\s*$"
            rf"|\b(?:{by})\s+(?:of|for|with)\s+[A-Z][^,.;:!?()]{{0,40}}?,?\s+(?:worth|valued\s+at)"
            rf"(?:\s+{_HEDGES})?\s*$",
            re.I)))
    return tuple(found)


@lru_cache(maxsize=1)
def _role_patterns() -> dict[str, tuple[tuple[str, re.Pattern | None, re.Pattern | None], ...]]:
    patterns: dict[str, list] = {}
    for name, spec in ROLES.items():
        if "measures" not in spec:
            continue  # a role named by its own noun ("turnout"): the measure is read as it is
        governed = []
        if spec["verbs"] and spec.get("by"):  # "Prosecutors in the province on Monday asked for a 20-year term"
            governed.append(rf"\b(?:{alternation(spec['by'])})(?:[\s,]+(?!{_NOT_BY})[\w'’-]+){{0,8}}?[\s,]+"
                            rf"(?:{alternation(spec['verbs'])})(?:\s+(?:a|an))?")
        elif spec["verbs"] and spec.get("before_for"):  # "bought Acme for $5 billion", "sold it to Acme for about $5bn"
            governed.append(rf"\b(?:{alternation(spec['verbs'])})\b[^.;:!?()]{{0,80}}?\bfor{_WORDS.format(2)}")
        elif spec["verbs"]:  # "fell 150 metres", "plunged about 60m", "fell from a height of 150 metres"
            # in lower case ("Sioux Falls digs out after 14.2 inches of snow" names a town), and not "to" a level
            # ("pressure dropped to 29.15 inches of mercury")
            governed.append(rf"\b(?-i:{alternation(spec['verbs'])})\b(?!\s+to\b){_WORDS.format(spec.get('gap', 4))}")
        if spec.get("before") and spec.get("context"):  # "jewels stolen ... worth 85 million euros"
            governed.append(rf"\b(?:{alternation(spec['context'])})\b[^.;:!?]*?\b(?:{alternation(spec['before'])})")
            # a phrase that holds a context word is context enough: "police value the loot at $160 million"
            if told := [phrase for phrase in spec["before"] if set(phrase.split()) & set(spec["context"])]:
                governed.append(rf"\b(?:{alternation(told)})")
        elif spec.get("before"):  # "at a depth of 10 km"
            governed.append(rf"\b(?:{alternation(spec['before'])})")
        following = spec.get("after")  # "16 kilometres deep"
        found = (name, re.compile(rf"(?:{'|'.join(governed)})\s*$", re.I) if governed else None,
                 re.compile(rf"^\s*{_BRACKETED}?(?:{alternation(following)})\b", re.I) if following else None)
        for measure in spec["measures"]:
            patterns.setdefault(measure, []).append(found)
        if spec.get("bare"):  # verbs that make a figure with no noun one of the role's: "built to hold 30,000"
            bare = rf"\b(?-i:{alternation(spec['bare'])})\b{_WORDS.format(spec.get('gap', 4))}\s*$"
            patterns.setdefault("", []).append((name, re.compile(bare, re.I), None))
    return {measure: tuple(found) for measure, found in patterns.items()}


#: a conversion in brackets a role's `after` words may follow: "415 pence (about $5.35) per share", "10 km (6 miles)
#: deep"
_BRACKETED = r"(?:\([^()]{0,40}\)\s*)"


def written_as_magnitude(number: str) -> bool:
    """Whether a figure is written the way a magnitude is, with one decimal ("6.5"); a count is whole."""
    return bool(_ONE_DECIMAL.fullmatch(number))


def typed_count(before: str, after: str, number: str = "") -> tuple[str, str | None] | None:
    """(type, measure) of a plain ``number`` that is no count: a spec ("a four-cylinder engine": cylinders), a
    magnitude ("a magnitude 6.1 earthquake", "6.1-magnitude", "the 7.6 quake"), a rank ("ranked 5th", "#3")."""
    if (_MAGNITUDE_BEFORE.search(before[-20:]) or _MAGNITUDE_AFTER.match(after) or _QUAKE_MEASURING.search(before[-80:])
            or (_MOMENT_MAGNITUDE.search(before[-3:]) and written_as_magnitude(number))):
        return "magnitude", "magnitude"
    if _RANK_BEFORE.search(before[-20:]):
        return "rank", "rank"
    if _AVERAGE.fullmatch(number.strip()):
        return "count", "average"  # "hit .308 with 33 homers": a batting average, no 0.308 homers
    attributive = _ATTRIBUTIVE.match(after)
    # ("two-handed": an adjective; "three-pointer", "43-yarder": a noun of its own)
    if (attributive and not attributive.group("noun").endswith(("s", "ed")) and attributive.group("noun") not in NOT_ATTRIBUTIVE
            and attributive.group("noun") not in FUNCTION_WORDS):
        return "spec", attributive.group("noun")
    if _DECIMAL.fullmatch(number) and _QUAKE_NOUN.match(after):
        return "magnitude", "magnitude"
    if (written_as_magnitude(number) and (_PUT_AT.search(before[-8:]) or _AFTER_THE_FIRST.search(before[-12:]))
            and _QUAKE_BEFORE.search(before[-160:])):  # "put the quakes at 7.2 and 7.6"
        return "magnitude", "magnitude"
    if written_as_magnitude(number) and (_MEASURED_IT.search(before[-30:]) or _AGENCY_PUT_IT.search(before[-80:])):
        return "magnitude", "magnitude"
    return None


def shock_of(sentence_before: str, after: str) -> str | None:
    """What a magnitude is of (``sentence_before``: its sentence up to it) when not the quake a page tells of: an
    aftershock ("more than 60 aftershocks, the largest a magnitude 3.6"; "a 5.8 aftershock"), a threshold ("a quake
    of magnitude 6.7 or greater within 30 years"), or the second of twin quakes ("A second quake, measured by the USGS
    at 7.4"; "the first measured 7.2 and the second 7.6"), so that none is set against the quake's own magnitude."""
    if _OR_GREATER.match(after) or _BEYOND.search(sentence_before[-30:]):
        return "threshold"  # "magnitude 6.7 or greater", "nearly all are below M4.5"
    before = sentence_before[-_SHOCK_REACH:]
    clauses = before.rsplit(";", 1)
    # "126 aftershocks since the 6.8-magnitude quake struck": a quake's word after the figure makes it the quake's
    if (_AFTERSHOCK_AFTER.match(after) or (_AFTERSHOCK.search(clauses[-1]) and not _QUAKE_AFTER.match(after))
            or (len(clauses) == 2 and _AFTERSHOCK.search(clauses[0]) and _THE_LARGEST.match(clauses[1]))
            or (_THE_LARGEST_BEFORE.search(before) and _AFTERSHOCK.search(sentence_before.rsplit(";", 1)[-1]))):
        return "aftershock"
    near = before[-_SECOND_QUAKE_REACH:]
    if (second := _SECOND_QUAKE.search(near)) and not _FIRST_QUAKE.search(near[second.end():]):
        return "second quake"  # "put the first shock at 5.9 and the second at 5.7"; not "the second, the first said"
    if _AFTER_THE_FIRST.search(before) and _TWINQUAKES.search(before):
        return "second quake"  # "the quakes, of magnitude 6.4 and 6.3": the later's
    if _EARLIER_QUAKE.search(before[-60:]):
        return "earlier quake"  # "less than two weeks after a magnitude 8.1 tremor off the coast killed nearly 100"
    if _ONE_OF_MANY.search(before[-40:]):
        return "another quake"  # "months of small tremors, including a magnitude 4.1 shock on March 30"
    return None


def strongest_of_aftershocks_before(sentence_before: str, previous: str) -> bool:
    """Whether a magnitude's sentence opens as the strongest of a shock it does not name ("The strongest remains the
    magnitude 3.4", ``sentence_before``: its sentence up to it) after a sentence that tells of aftershocks
    (``previous``): the strongest of those aftershocks."""
    return bool(_THE_LARGEST.match(sentence_before) and not _A_SHOCK_NAMED.search(sentence_before)
                and _AFTERSHOCK.search(previous))


_OR_GREATER = re.compile(r"^\s*(?:magnitude\s+)?(?:(?:quake|earthquake|temblor)s?\s+)?(?:or|and)\s+(?:greater|larger|higher|"
                         r"stronger|more|above|bigger)\b", re.I)
_BEYOND = re.compile(r"\b(?:below|under|above|(?:less|greater|smaller|larger|stronger|weaker)\s+than)\s+"
                     r"(?:(?:a\s+)?magnitude[\s-]+|Mw?\s?)?$", re.I)
_AFTERSHOCK_AFTER = re.compile(r"^[\s-]*(?:magnitude\s+)?aftershocks?\b", re.I)
_AFTERSHOCK = re.compile(r"\baftershocks?\b", re.I)
#: a shock a sentence names: "The strongest quake in the region was a magnitude 6.0" is that quake's
_A_SHOCK_NAMED = re.compile(r"\b(?:earth)?quakes?\b|\btremors?\b|\btemblors?\b|\bshocks?\b", re.I)
_QUAKE_AFTER = re.compile(r"^[\s-]*(?:magnitude[\s-]+)?(?:(?:earth)?quake|tremor|temblor|main[\s-]*shock)\b", re.I)
#: "Aftershocks continued all week; the strongest, a magnitude 6.3": the clause goes on with the aftershocks
_THE_LARGEST = re.compile(r"^\s*the\s+(?:largest|strongest|biggest|most\s+powerful)\b", re.I)
#: "More than 60 aftershocks ... were recorded in the first 24 hours, the largest a magnitude 5.2 event"
_THE_LARGEST_BEFORE = re.compile(r"\bthe\s+(?:largest|strongest|biggest|most\s+powerful)\b[^.;]{0,30}$", re.I)
_SHOCK_REACH = 100  # characters before a magnitude that tell what shock it is of (its sentence's, for "the largest")
#: "a second quake", "the second tremor", "by a second," "and the second": the later of twin quakes (not "the second
#: largest", "for the second time")
_SECOND_QUAKE = re.compile(r"\b(?:a|the)\s+second\b(?![\s-]+(?:largest|strongest|biggest|deadliest|most|time|day|"
                           r"week|month|year|floor|city|phase)\b)(?![\s-]+(?:[a-z]+\s+)?(?:(?:earth)?quake|tremor|temblor)s?"
                           r"\s+(?:in|since|this|of\s+the\s+(?:day|week|month|year))\b)", re.I)  # "the second major quake in a week": the page's own
_FIRST_QUAKE = re.compile(r"\bfirst\b", re.I)
#: "the quakes, measuring 6.2 and 5.8", "put the quakes at 7.2 and 7.6": two quakes' magnitudes in their order
_TWINQUAKES = re.compile(r"\b(?:two|twin|the|both)\s+(?:\w+\s+)?(?:earth)?quakes\b|\btremors\b", re.I)
#: "two weeks after a magnitude 8.1 tremor", "days after an 8.1": a quake before the one the page tells of
_EARLIER_QUAKE = re.compile(r"\b(?:hours?|days?|weeks?|months?|years?)\s+(?:after|since)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}$",
                            re.I)
#: "including a magnitude 4.1 shock": one of several quakes, not the one the page tells of
_ONE_OF_MANY = re.compile(r"\bincluding\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}$", re.I)
_AFTER_THE_FIRST = re.compile(r"(?<![\d.])\d\.\d\s+and\s+$")
_SECOND_QUAKE_REACH = 50  # characters before a magnitude its quake's "second" is looked for in


def _person(name: str) -> str:
    """The person's name out of a title-cased run ("Esther Williams Dies At Age" -> "Esther Williams")."""
    words = []
    for word in name.split():
        if word.lower() in FUNCTION_WORDS or word.lower() in _NOT_NAMES:
            break
        words.append(word)
    return " ".join(words[:4]) or name


_NOT_NAMES = {"age", "aged", "dies", "died", "dead", "was", "is", "who", "mr", "mrs", "ms", "dr"}


def _a_place_or_body(name: Name) -> bool:
    """"the 61-year-old from Vancouver", "an NYPD officer, 59", "the American, 40": names beside an age that are not
    whose age it is."""
    text = name.text
    # a name after "of" or "in" is a place's, unless it is a full name no gazetteer knows ("the body of Katherine
    # Gomes")
    return ((name.locative and (len(text.split()) < 2 or known_place(text))) or text in country_names()
            or text in DEMONYMS or text in ACTOR_NAMES
            or (text.isupper() and len(text) <= 5) or city(text) is not None)


def age_of(text: str, start: int, end: int, names: list[Name], unit: UnitReading, value: float,
           has_measure: bool) -> tuple[bool, str | None]:
    """(whether the number is a person's age, whose): "Catherine Gomes, 61," and "61-year-old Kathryn Gomes" (a
    name right beside it), "aged 61"."""
    people = [name for name in names if name.text.split()[0].lower() not in DETERMINERS and not _a_place_or_body(name)]
    if unit.kind == "age":
        following = next((name for name in people if 0 <= name.start - end <= 2), None)
        preceding = next((name for name in people if 0 <= start - name.end <= 3), None)
        if following or preceding:
            return True, _person((following or preceding).text)
        holding = next((name for name in people if name.start <= start and end + 2 <= name.end), None)
        if holding is not None:  # "Sixty-year-old Sharron Smith", read as one capitalised run
            return True, _person(text[end:holding.end].strip(" -"))
        unnamed = _UNNAMED.match(text[end:end + 30])  # "a 60-year-old woman": the woman
        return True, f"the {unnamed.group(1).lower()}" if unnamed else None
    if unit.kind != "count" or not (0 < value < 120) or not float(value).is_integer():
        return False, None
    young = _YOUNG_APPOSED.search(text[max(0, start - 30):start]) or _YOUNG_WAS.search(text[max(0, start - 60):start])
    if young and _AGE_ENDS.match(text[end:end + 16]):  # "police kill boy, 16", "The boy who died was only 16"
        return True, f"the {young.group('who').lower()}"
    aged = _AGED.search(text[max(0, start - 40):start])
    if aged and (not any(character.isdigit() for character in aged.group())  # "aged 61"; a list's later age ends
                 or _AGE_LISTED.match(text[end:end + 5])):  # its item: "aged 41 and 53,"
        preceding = next((name for name in people if 0 <= start - name.end <= 12), None)
        return True, _person(preceding.text) if preceding else None
    preceding = next((name for name in people if 0 <= start - name.end <= 3 and _APPOSITIVE_AGE.match(text[name.end:start])), None)
    if preceding is None:  # "Martin, 41, Daniel, 9, and Amara, 6": a name in a list of ages, though a town has it too
        preceding = next((name for name in names if 0 <= start - name.end <= 3
                          and _APPOSITIVE_AGE.match(text[name.end:start]) and city(name.text) is not None
                          and _AGES_BEFORE.search(text[max(0, name.start - 40):name.start])), None)
    if preceding is None or len(preceding.text.split()) > 5:
        return False, None
    # "Smith, 61, opened fire", "... and Amara, 6 — died", "were Martin, 41, and Amara, 6.": set off on both sides
    closed = re.match(r"\s*(?:[,);—–]|-\s|\.(?:\s|$))", text[end:end + 3])
    if closed or (not has_measure and _AFTER_AGE.match(text[end:end + 12])):
        return True, _person(preceding.text)
    return False, None


#: a name's age just told before another name's ("Daniel, 9, and "): a list of people and their ages
_AGES_BEFORE = re.compile(r"[A-Z][a-z]+,\s+\d{1,3},\s+(?:and\s+)?$")
#: a young person's age told after the word for them: "police kill boy, 16", "The boy who died was only 16"
_YOUNG = r"(?P<who>boy|girl|teenager|teen|youth|schoolboy|schoolgirl|student|son|daughter)"
_YOUNG_APPOSED = re.compile(rf"\b{_YOUNG},\s*$", re.I)
_YOUNG_WAS = re.compile(rf"\b(?:the|a|this|that)\s+{_YOUNG}\b(?:\s+(?:who|that)\s+(?:died|was\s+(?:killed|shot)|"
                        r"had\s+died))?\s+(?:was|is)\s+(?:only|just|barely|aged)?\s*$", re.I)
#: what ends such an age: its clause, a source, its years
_AGE_ENDS = re.compile(r"\s*(?:$|[,.;:)!?]|years?\s+old\b|according\b|and\b|at\s+the\s+time\b)", re.I)
_UNNAMED = re.compile(r"\s*,?\s*(?:[a-z-]+\s+){0,2}?(woman|man|girl|boy|mother|father|teenager|teen|suspect|gunman|victim)\b")
_PARENT_OF = re.compile(r"\b(?P<role>(?:grand)?(?:mother|father|parent)|mom|dad)\s+of\s*$", re.I)
_OFFSPRING = {"children", "child", "kids", "sons", "daughters", "grandchildren", None}


def _people(names: list[Name]) -> list[Name]:
    """The names of a sentence that may be a person's: no place ("of Vancouver"), none that opens on "the"."""
    return [name for name in names if name.text.split()[0].lower() not in DETERMINERS and not name.locative]


def parent_of(text: str, start: int, names: list[Name], measure: str | None) -> tuple[str, str] | None:
    """(measure, whose) of "a mother of 12", "Horton, a mother of 12": a count of someone's children, theirs if
    a name is set off just before ("Zurana Horton, 34, a mother of 12"), else "the mother"."""
    role = _PARENT_OF.search(text[max(0, start - 30):start])
    if role is None:
        return None
    people = _people(names)
    # "Mother of 13 Zurana Horton": the name that follows is whose children they are, not what is counted
    after = next((name for name in people if measure and name.text.lower() == measure.lower() and name.start > start), None)
    if after is None and (measure or None) not in _OFFSPRING and (measure or "").split()[-1] not in _OFFSPRING:
        return None
    word = role.group("role").lower()
    counted = "grandchildren" if word.startswith("grand") else "children"
    before = [name for name in people if 0 <= start - name.end <= 40 and _SET_OFF.match(text[name.end:start - len(role.group())])]
    owner = before[-1] if before else after
    return counted, _person(owner.text.split("-")[0]) if owner else f"the {word}"


_SET_OFF = re.compile(r"^(?:\s*,\s*\d{1,3}\s*,|\s*,|\s*-\s*who\s+was|\s+(?:was|is)|\s*\(\d{1,3}\)\s*,?)\s*(?:a|an|the)?\s*$", re.I)


def holder_of(text: str, start: int, names: list[Name]) -> str | None:
    """Whose a record is: the name just before it, set off by a comma or a bracket ("Klitschko (52-3, 46 KOs)",
    "Riddick Bowe, 43-1,")."""
    people = [name for name in names if name.text.split()[0].lower() not in DETERMINERS]
    preceding = next((name for name in people if 0 <= start - name.end <= 3 and _APPOSITIVE_AGE.match(text[name.end:start])), None)
    if preceding is None:  # "Klitschko's record to 52-3", "Klitschko improved his record to 52-3"
        before = [name for name in people if 0 <= start - name.end <= 100 and not name.locative]
        nearest = before[-1] if before else None
        possessive = nearest is not None and text[nearest.end - 2:nearest.end] in ("'s", "’s")
        if nearest is not None and _RECORD_OF.match(("'s" if possessive else "") + text[nearest.end:start]):
            preceding = nearest
    return _person(preceding.text) if preceding is not None else None


def tally_holder(text: str, start: int, names: list[Name], measure: str | None) -> str | None:
    """Whose running count a figure is: the person named just before "(now) has", set off by nothing but an
    appositive ("McDermott now has 2,129 points", "McDermott, a junior, now has 2,129 points"). A game's figure
    ("scored 30 points", "ended the game with ...") is left alone: a game's and a career's are two."""
    if not a_tally(measure):
        return None
    people = _people(names)
    holder = next((name for name in reversed(people) if 0 <= start - name.end <= 60
                   and _HOLDS.match(text[name.end:start])), None)
    return _person(holder.text) if holder is not None else None


_HOLDS = re.compile(r"^(?:\s*,[^,.;:]{1,50},)?\s+(?:now\s+|also\s+|already\s+)?(?:has|holds)\s+"
                    r"(?:(?:a\s+)?(?:career|school-record|all-time)\s+)?$", re.I)


_RECORD_OF = re.compile(r"^(?:['’]s\b[^.;:]*|\s+\w+(?:\s+\w+)?\s+(?:his|her)\s+)\brecord\b[^.;:\d]*$", re.I)


#: what a share of ground is a share of: "over 90% of Ghazal province", "85 percent of Syria's territory"
_TERRITORIAL = frozenset({"province", "district", "region", "city", "town", "village", "country", "governorate",
                          "territory", "land", "area", "state", "county", "enclave", "neighbourhood", "neighborhood"})
#: taking, holding or losing ground: "controlled about 70% of Raqqa", "had retaken over 90% of Ghazal"
_CONTROL = (r"(?:control|controls|controlled|controlling|held|hold|holds|holding|retake|retakes|retaken|retaking|"
            r"retook|recapture|recaptures|recaptured|recapturing|capture|captures|captured|capturing|seize|seizes|"
            r"seized|seizing|liberate|liberates|liberated|liberating|regain|regains|regained|clear|cleared|lose|"
            r"loses|lost|losing|overran|overrun)")
_CONTROL_BEFORE = re.compile(rf"\b{_CONTROL}\b(?:\s+(?:of|over|to)\b)?(?:\s+[\w'’-]+){{0,2}}?\s*$", re.I)
_CONTROLLED = re.compile(_CONTROL, re.I)
#: "over 90% of Ghazal retaken", "... of the province is held by the army"
_CONTROL_AFTER = re.compile(rf"^\s*(?:(?:is|are|was|were|has|have|had|been|now|being)\s+){{0,3}}{_CONTROL}\b", re.I)


def territory_share(before: str, phrase: NounPhrase, after: str) -> bool:
    """Whether a percentage is a share of ground taken, held or lost ("controlled about 70% of Raqqa", "retaken over
    90% of Ghazal province", "over 90% of Ghazal retaken"): its whole is a place, and a verb of control governs it.
    "40 percent of the city was destroyed" is no such share, nor "lost 25% of its value"."""
    if not phrase.words:
        return False
    if phrase.names and all(_CONTROLLED.fullmatch(word.text) for word in phrase.words):
        return True  # a headline's "over 90% of Ghazal retaken": the verb read as the phrase's noun
    place = (phrase.words[-1].lower in _TERRITORIAL
             or all(word.text[:1].isupper() for word in phrase.words))  # "of Raqqa", "of Nineveh Governorate"
    return place and bool(_CONTROL_BEFORE.search(before[-60:]) or _CONTROL_AFTER.match(after))
