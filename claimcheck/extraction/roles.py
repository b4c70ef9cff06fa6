"""The role a figure plays in its sentence, beyond what it counts: what type of quantity it is (an age is not a
count of people), whose it is (the person an age belongs to) and whether it
is a running total or a part of a whole (who says it: ``sources.py``). Facts and the agree rule read these to tell
quantities apart."""

from __future__ import annotations

import re

from functools import lru_cache

from ..lexicon import (ACTOR_NAMES, DEMONYMS, NOT_ATTRIBUTIVE, DETERMINERS, FUNCTION_WORDS, NUMBER_WORDS, ROLES,
                       TIME_UNITS, alternation)
from ..places import city
from .phrases import Name, country_names
from .unit_reading import UnitReading

#: a person's age written after the name: "Catherine Gomes, 61," / "Horton, 34" / "Smith (60)"
_APPOSITIVE_AGE = re.compile(r"^\s*(?:,|\()\s*$")
_AFTER_AGE = re.compile(r"^\s*(?:,|\)|;|\.|$|and\b|who\b|of\b|from\b|was\b|is\b|had\b|has\b|opened\b|faces\b)", re.I)
_AGED = re.compile(r"\b(?:aged|age|ages)\s*$", re.I)
_TOTAL_CUES = re.compile(r"\b(?:so far|to date|in total|in all|altogether|overall|a total of|total of|cumulative|"
                         r"a combined|this (?:year|season|winter|summer|spring|autumn|decade)|"
                         r"last year|the year before|the previous year|"
                         r"until now|up to now|by now|since (?:the|it|they|then|its|last|early|late|mid|january|"
                         r"february|march|april|may|june|july|august|september|october|november|december|\d))\b", re.I)
#: a typical figure, not one incident's: "an average of six children die on school buses each year" (only before it:
#: "scored 23 points, an average of 5.8 a game" leaves the 23 a game's)
_AN_AVERAGE_OF = re.compile(r"\b(?:an|the)\s+average\s+of\s*$", re.I)
#: a running total's cue right after what it counts: "captured 104 pirates since January", "killed 170 people in
#: Vietnam so far"
_TOTAL_AFTER_NOUN = re.compile(r"^\s+(?:[a-z][\w-]*\s+){1,3}" + _TOTAL_CUES.pattern, re.I)
_PART_BEFORE = re.compile(r"\b(?:including|includes|included|include|of (?:whom|them|which)|among (?:them|whom)|"
                          r"among the|one of the|some of the|most of the|all but)\s*$", re.I)
#: the rest of a whole: "the last 11 hostages", "the remaining 40 passengers"
_THE_REST = re.compile(r"\bthe\s+(?:last|remaining)\s*$", re.I)
_PART_AFTER = re.compile(r"\s+of\s+(?:them|whom)\b", re.I)
#: the words that tell a part inside the whole before it ("killed 41, including nine children", "39 on Tuesday,
#: among them 12 women"), and a hedge the part may have ("among them at least 12 women")
PART_CUES = r"including|among\s+them|among\s+whom|of\s+whom"
HEDGE = r"(?:at\s+least\s+|about\s+|some\s+|nearly\s+|more\s+than\s+)?"
#: "Among the dead were nine women", "among those killed in the blast were two policemen": some of those counted
_AMONG_THE = re.compile(r"\bamong\s+(?:the|those)\s+[^,;.\d]{2,40}?\s+(?:were|are|was|is)(?:\s+also)?\s*$", re.I)
#: "The department of Yoro has been hardest hit, with 21 deaths": the worst-hit place's share of all the dead
_HARDEST_HIT = re.compile(r"\b(?:hardest|worst|most\s+badly|most\s+severely)[\s-]+(?:hit|affected|stricken)\b"
                          r"[^.;:]*$", re.I)
#: "Israel says 56 people on its side have died": one side's dead, a part of all the dead
_ONE_SIDE = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?on\s+(?:its|their|our|his|her|the\s+[\w-]+)\s+side\b", re.I)
#: "three of the dead were crushed in the hotel": some of the dead, hurt or victims the page counts in all; "4.2
#: billion yen of the stolen assets": some of a sum
_PART_OF_THE = re.compile(r"\s+of\s+(?:the|those)\s+(?:dead|injured|wounded|hurt|victims|casualties|killed|bodies|"
                          r"missing|fatalities|deaths|arrested|detained|stolen|funds|money|assets|sum|amount|haul|"
                          r"loot|total)\b", re.I)
#: "thirteen people were seriously injured", "critically wounding three": only the worst (or least) hurt of all
_SEVERITY = r"(?:seriously|critically|severely|badly|gravely|slightly|lightly|moderately|mildly|fatally)"
_HURT = r"(?:injured|injuring|wounded|wounding|hurt|burned|burnt)"
_SEVERITY_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:(?:were|was|are|is|have been|had been|been)\s+)?"
                             + _SEVERITY + r"\s+" + _HURT + r"\b", re.I)
_SEVERITY_BEFORE = re.compile(r"\b" + _SEVERITY + r"\s+" + _HURT + r"\s*$", re.I)
#: "Six hurt, two critically": the worst hurt told after a toll with the word for their hurt left out
_SEVERITY_ALONE = re.compile(r"^\s+(?:of\s+them\s+)?" + _SEVERITY + r"(?=\s*(?:[,;.)]|$|\s+(?:in|at|after|when)\b))",
                             re.I)
#: "three workers died in hospital overnight", "two later died of their injuries": deaths added to a toll, not the toll
_DIED_SINCE = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:(?:have|has|had)\s+)?"
                         r"(?:(?:later|since|subsequently)\s+(?:died|succumbed)\b"
                         r"|(?:died|succumbed)\s+(?:later\b|overnight\b|since\b|in\s+(?:the\s+)?hospital\b|"
                         r"(?:of|from|to)\s+(?:their|his|her)\s+(?:injuries|wounds|burns)\b))", re.I)
#: a figure of each of many things: "Each of the 110 bales weighed about 29 kilograms" (not the 110 of "Each of the
#: 110 bales"), "bales weighing 29 kilograms each", "sold for $5 apiece"
_EACH_BEFORE = re.compile(r"^\s*Each\b(?!\s+of\s+(?:the|these|those|its|their|his|her)\s*$)", re.I)
_EACH_AFTER = re.compile(r"^\s*,?\s*(?:each|apiece)\b", re.I)
#: "two of the three victims died": the three are the whole a part is counted from, not what died
_WHOLE_BEFORE = re.compile(r"(?:\b\d[\d,.]*|\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
                           + r"))\s+of\s+(?:the|those|these|its|their|his|her)\s*$", re.I)
#: a toll that counts its attacker: "Nine people, including the gunman, are dead" is the whole the gunman's victims
#: are a part of
_WITH_ATTACKER = re.compile(r"^\s*(?:[\w-]+\s*,?\s*){0,2}?(?:including|counting|plus)\s+(?:the\s+|a\s+|one\s+)?"
                            r"(?:(?:suicide|lone|suspected)\s+)?(?:gunm[ae]n|shooters?|attackers?|bombers?|assailants?|"
                            r"suspects?|perpetrators?|killers?|hijackers?)\b", re.I)
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
#: "an earthquake measuring 7.7", "the quake measured 5.6", "a tremor registering 4.1"
_QUAKES = r"(?:(?:earth)?quake|tremor|temblor|aftershock)"
_QUAKE_MEASURING = re.compile(rf"\b{_QUAKES}s?\b[^.;:!?\d]{{0,40}}?\b(?:measuring|measured|registering|registered|"
                              r"that\s+measured|which\s+measured|of)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|"
                              r"some\s+|at\s+)?$", re.I)
#: "the 7.6 quake", "a 6.1 earthquake": a figure with a decimal point before a quake is its magnitude (a count of
#: quakes is whole)
_QUAKE_NOUN = re.compile(rf"[\s-]*(?:[A-Z][a-z]+\s+){{0,2}}(?i:{_QUAKES}|shock)s?\b")  # "the 6.9 Loma Prieta quake"
_DECIMAL = re.compile(r"\s*\d\.\d{1,2}\s*")
#: "the survey measured the quake at 7.6, while the agency put it at 7.2", "later revised to 7.3", "measured the main
#: shock at 5.9", "reported the magnitude as 7.5 before revising it to 8.0": a bare figure of one decimal told after a
#: quake or its magnitude in its sentence is the quake's magnitude
_QUAKE_BEFORE = re.compile(rf"\b(?:{_QUAKES}s?|magnitudes?|(?:main\s+)?shocks?)\b", re.I)
#: "The U.S. Geological Survey measured it at 6.3": a survey's reading of the quake the sentence before told of
_MEASURED_IT = re.compile(r"\b(?:measured|rated|registered|recorded)\s+it\s+(?:at|as)\s+$", re.I)
_PUT_AT = re.compile(r"\b(?:at|to|was|as)\s+$", re.I)
_ONE_DECIMAL = re.compile(r"\s*[1-9]\.\d\s*")
_MAGNITUDE_AFTER = re.compile(r"^(?:[\s-]*magnitude\b|\s+on\s+the\s+richter\b)", re.I)
_RANK_BEFORE = re.compile(r"(?:\b(?:ranked|ranks|ranking|seeded)\s+(?:No\.?\s*|number\s+)?|#)$", re.I)


def role_of(before: str, measure: str | None, after: str = "", money: bool = False) -> str | None:
    """What a figure of a generic measure is of, by the verb that governs it or the words around it (``[roles]`` in
    the lexicon): "fell some 150 metres" -> fall, "agreed to buy the chipmaker for $5.4 billion" -> deal, "at a depth
    of 10 km" and "16 kilometres deep" -> depth; a sum of ``money`` paid for a named firm ("will pay $13.2 billion
    for EDS") -> deal."""
    tail, head = before[-160:], after[:40]
    if money:
        for name, paid in _paid_patterns():
            if paid.search(tail) and _PAID_FOR.match(after):
                return name
    if measure is None:
        return None
    measure = measure.lower()
    patterns = _role_patterns()
    found = patterns.get(measure, patterns.get(measure.rsplit(None, 1)[-1]))
    if found is None and money and re.search(rf"\b{re.escape(measure)}\b", tail, re.I) and _NAMED_BUYER.search(tail):
        # "AMD is buying ATI for $4.8 billion": a sum told of its buyer, a firm's name, is the deal's
        found = tuple(pattern for pattern in patterns["money"] if pattern[0] == "deal")
    for name, _, following in found or ():  # what follows a figure says more than a verb before it: "agreed to buy
        if following and following.match(head):  # Kestrel for 412 pence per share" is a price per share, no deal
            return name
    for name, governed, _ in found or ():
        if governed and governed.search(tail):
            return name
    if found is None and money:  # "12 million euros stolen": the word after a sum, read as its measure, says its role
        for name, _, following in patterns["money"]:
            if following and following.match(f" {measure} {head}"):
                return name
    return None


_WORDS = r"(?:[\s,]+[A-Za-z'’-]+){{0,{}}}"  # a few words between a verb and its figure (a name, a possessive)
#: a clause that opens on a firm's name and its verb: "AMD is buying", "Intel agreed to buy"
_NAMED_BUYER = re.compile(r"(?:^|[.:;]\s+)[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s+(?:is|was|will|has|had|"
                          r"agreed|agrees|to)\b[^.;:!?]*$")
_PAID_FOR = re.compile(r"^(?:\s+in\s+(?:cash|stock|cash\s+and\s+stock))?\s+for\s+[A-Z]")


@lru_cache(maxsize=1)
def _paid_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(role, the verb of paying right before a figure, with at most two words between: "will pay about")."""
    return tuple((name, re.compile(rf"\b(?:{'|'.join(map(re.escape, spec['paid']))})(?:\s+[a-z]+){{0,2}}\s*$", re.I))
                 for name, spec in ROLES.items() if spec.get("paid"))


@lru_cache(maxsize=1)
def _role_patterns() -> dict[str, tuple[tuple[str, re.Pattern | None, re.Pattern | None], ...]]:
    patterns: dict[str, list] = {}
    for name, spec in ROLES.items():
        if "measures" not in spec:
            continue  # a role named by its own noun ("turnout"): the measure is read as it is
        governed = []
        if spec["verbs"] and spec.get("before_for"):  # "bought Acme for $5 billion", "sold it to Acme for about $5bn"
            governed.append(rf"\b(?:{alternation(spec['verbs'])})\b[^.;:!?()]{{0,80}}?\bfor{_WORDS.format(2)}")
        elif spec["verbs"]:  # "fell 150 metres", "plunged about 60m", "fell from a height of 150 metres"
            # in lower case ("Sioux Falls digs out after 14.2 inches of snow" names a town), and not "to" a level
            # ("pressure dropped to 29.15 inches of mercury")
            governed.append(rf"\b(?-i:{alternation(spec['verbs'])})\b(?!\s+to\b){_WORDS.format(spec.get('gap', 4))}")
        if spec.get("before") and spec.get("context"):  # "jewels stolen ... worth 85 million euros"
            governed.append(rf"\b(?:{alternation(spec['context'])})\b[^.;:!?]*?\b(?:{alternation(spec['before'])})")
        elif spec.get("before"):  # "at a depth of 10 km"
            governed.append(rf"\b(?:{alternation(spec['before'])})")
        following = spec.get("after")  # "16 kilometres deep"
        found = (name, re.compile(rf"(?:{'|'.join(governed)})\s*$", re.I) if governed else None,
                 re.compile(rf"^\s*(?:{alternation(following)})\b", re.I) if following else None)
        for measure in spec["measures"]:
            patterns.setdefault(measure, []).append(found)
    return {measure: tuple(found) for measure, found in patterns.items()}


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
    if written_as_magnitude(number) and _MEASURED_IT.search(before[-30:]):
        return "magnitude", "magnitude"
    return None


def shock_of(sentence_before: str, after: str) -> str | None:
    """What a magnitude is of (``sentence_before``: its sentence up to it) when not the quake a page tells of: an
    aftershock ("more than 60 aftershocks, the largest a magnitude 3.6"; "a 5.8 aftershock"), a threshold ("a quake
    of magnitude 6.7 or greater within 30 years"), or the second of twin quakes ("A second quake, measured by the USGS
    at 7.4"; "the first measured 7.2 and the second 7.6"), so that none is set against the quake's own magnitude."""
    if _OR_GREATER.match(after):
        return "threshold"
    before = sentence_before[-_SHOCK_REACH:]
    clauses = before.rsplit(";", 1)
    if (_AFTERSHOCK_AFTER.match(after) or _AFTERSHOCK.search(clauses[-1])
            or (len(clauses) == 2 and _AFTERSHOCK.search(clauses[0]) and _THE_LARGEST.match(clauses[1]))
            or (_THE_LARGEST_BEFORE.search(before) and _AFTERSHOCK.search(sentence_before.rsplit(";", 1)[-1]))):
        return "aftershock"
    if (second := _SECOND_QUAKE.search(before[-_SECOND_QUAKE_REACH:])) and not _FIRST_QUAKE.search(before[second.end():]):
        return "second quake"
    if _AFTER_THE_FIRST.search(before) and _TWIN_QUAKES.search(before):
        return "second quake"  # "the quakes, of magnitude 6.4 and 6.3": the later's
    if _EARLIER_QUAKE.search(before[-60:]):
        return "earlier quake"  # "less than two weeks after a magnitude 8.1 tremor off the coast killed nearly 100"
    if _ONE_OF_MANY.search(before[-40:]):
        return "another quake"  # "months of small tremors, including a magnitude 4.1 shock on March 30"
    return None


_OR_GREATER = re.compile(r"^\s*(?:magnitude\s+)?(?:(?:quake|earthquake|temblor)s?\s+)?(?:or|and)\s+(?:greater|larger|higher|"
                         r"stronger|more|above|bigger)\b", re.I)
_AFTERSHOCK_AFTER = re.compile(r"^[\s-]*(?:magnitude\s+)?aftershocks?\b", re.I)
_AFTERSHOCK = re.compile(r"\baftershocks?\b", re.I)
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
_TWIN_QUAKES = re.compile(r"\b(?:two|twin|the|both)\s+(?:\w+\s+)?(?:earth)?quakes\b|\btremors\b", re.I)
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
    return (name.locative or text in country_names() or text in DEMONYMS or text in ACTOR_NAMES
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
    if _AGED.search(text[max(0, start - 12):start]):
        preceding = next((name for name in people if 0 <= start - name.end <= 12), None)
        return True, _person(preceding.text) if preceding else None
    preceding = next((name for name in people if 0 <= start - name.end <= 3 and _APPOSITIVE_AGE.match(text[name.end:start])), None)
    if preceding is None or len(preceding.text.split()) > 5:
        return False, None
    closed = re.match(r"\s*[,);]", text[end:end + 3])  # "Smith, 61, opened fire": the age is set off on both sides
    if closed or (not has_measure and _AFTER_AGE.match(text[end:end + 12])):
        return True, _person(preceding.text)
    return False, None


_UNNAMED = re.compile(r"\s*,?\s*(?:[a-z-]+\s+){0,2}?(woman|man|girl|boy|mother|father|teenager|teen|suspect|gunman|victim)\b")
_PARENT_OF = re.compile(r"\b(?P<role>(?:grand)?(?:mother|father|parent)|mom|dad)\s+of\s*$", re.I)
_OFFSPRING = {"children", "child", "kids", "sons", "daughters", "grandchildren", None}


def parent_of(text: str, start: int, names: list[Name], measure: str | None) -> tuple[str, str] | None:
    """(measure, whose) of "a mother of 12", "Horton, a mother of 12": a count of someone's children, theirs if
    a name is set off just before ("Zurana Horton, 34, a mother of 12"), else "the mother"."""
    role = _PARENT_OF.search(text[max(0, start - 30):start])
    if role is None:
        return None
    people = [name for name in names if name.text.split()[0].lower() not in DETERMINERS and not name.locative]
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


_RECORD_OF = re.compile(r"^(?:['’]s\b[^.;:]*|\s+\w+(?:\s+\w+)?\s+(?:his|her)\s+)\brecord\b[^.;:\d]*$", re.I)


_CONVERSION = re.compile(r"\d[^\d();.]{0,25}\(\s*(?:about\s+|around\s+|some\s+|roughly\s+|approx\.?\s+)?$", re.I)
#: "some 7.6 tonnes or about 8,400 pounds": a unit's word between the figure and "or"; not a choice ("either 516MB
#: or 1GB")
_CONVERSION_OR = re.compile(r"\d[\d,.]*\s*(?:[a-z]+\s*){1,2},?\s+or\s+(?:nearly\s+|almost\s+|about\s+|around\s+|"
                            r"some\s+|roughly\s+)?$", re.I)
_EITHER = re.compile(r"\b(?:either|between|choice)\b[^.;]*$", re.I)


def scope_of(sentence_before: str, sentence_after: str, of_time: bool = False, physical: bool = False) -> str | None:
    """"conversion" for a figure that restates the one before it in other units ("20 kilometres (12.5 miles)"),
    "part" for a figure that is a part of another the sentence gives ("including 5 children", "among them 3
    officers"), "whole" for the whole a part of it is counted from (the three of "two of the three victims
    died"; the nine of "nine people, including the gunman, are dead"), "total" for a running or overall figure ("so
    far", "in all", "since the offensive began", "between 2008 and 2015", "every year"; not for a span of time,
    ``of_time``: "a period of seven years" between two years is their span). In "two of the three victims died" the
    two is what died, not a part: it is left as it is. A physical quantity (``physical``) is restated after "or" too
    ("7.6 tonnes or about 16,800 pounds"); money is not ("$13.9 billion, or $25 a share")."""
    if _CONVERSION.search(sentence_before[-40:]) or (physical and _CONVERSION_OR.search(sentence_before[-40:])
                                                     and not _EITHER.search(sentence_before[-60:])):
        return "conversion"
    if not of_time and _THE_REST.search(sentence_before[-20:]):
        return "part"  # "freeing the last 11 hostages": the rest of those held, after six were freed
    if (_PART_BEFORE.search(sentence_before[-30:]) or _AMONG_THE.search(sentence_before[-60:])
            or (_PART_AFTER.match(sentence_after[:12]) and sentence_before.rstrip().endswith(","))):
        return "part"  # "including 5 children"; "four men, two of them dressed as women"
    if _EACH_BEFORE.match(sentence_before) or _EACH_AFTER.match(sentence_after[:12]):
        return "part"  # "Each of the 110 bales weighed about 29 kilograms": one of many, not all of them
    if (_PART_OF_THE.match(sentence_after[:30]) or worst_hurt(sentence_before, sentence_after)
            or _ONE_SIDE.match(sentence_after[:40]) or _HARDEST_HIT.search(sentence_before)
            or _DIED_SINCE.match(sentence_after[:60])):
        return "part"  # "three of the dead were crushed", "13 seriously injured": some of all the dead or hurt
    if _WHOLE_BEFORE.search(sentence_before[-30:]) or _WITH_ATTACKER.match(sentence_after[:60]):
        return "whole"
    if (_TOTAL_CUES.search(sentence_before[-25:]) or _TOTAL_CUES.match(sentence_after[:25].lstrip(" ,"))
            or _AN_AVERAGE_OF.search(sentence_before[-20:])
            or _TOTAL_AFTER_NOUN.match(sentence_after[:40])):
        return "total"  # the cue sits right beside its figure: "a total of 62", "45 so far", "104 pirates since January"
    if (_TOTAL_OPENER.match(sentence_before) or _SINCE_BEGAN.search(_clause(sentence_after))
            or _OVER_DAYS.search(_clause(sentence_after))
            or (not of_time and (_OVER_YEARS.search(sentence_before) or _OVER_YEARS.search(_clause(sentence_after))
                                 or _EVERY_PERIOD.match(sentence_after)))
            or _IN_INCIDENTS.match(sentence_after) or _IN_SEVERAL_PLACES.match(_clause(sentence_after))
            or _IN_A_YEAR.search(_clause(sentence_after))
            or _BY_THE_HOUR.match(sentence_after) or _A_WARS_TOLL.search(sentence_before[-80:])
            or _INCIDENTS_ACROSS.search(sentence_before[-80:])
            or _DAYS_IN_WHICH.search(sentence_before[-120:])
            or _NATIONWIDE.search(sentence_before[-80:]) or _NATIONWIDE_AFTER.match(_clause(sentence_after))):
        return "total"  # "Since the campaign began, strikes have killed 8,000"; "killed 8,000 since the war began"
    return None


def worst_hurt(sentence_before: str, sentence_after: str) -> bool:
    """Whether a figure counts only the worst (or least) hurt of all ("13 seriously injured", "critically wounding
    three", "Six hurt, two critically", "two of them were seriously hurt"): a part of the hurt, and not the same part
    as any other ("five of the injured were contract workers")."""
    return bool(_SEVERITY_AFTER.match(sentence_after[:50]) or _SEVERITY_ALONE.match(sentence_after[:40])
                or _SEVERITY_BEFORE.search(sentence_before[-30:]))


#: a country's toll of many incidents, not one incident's: "the nationwide monsoon toll at 141 dead and 53 missing",
#: "Nationwide, the monsoon has killed 190", "killed 190 people this year" (not a nationwide strike's crowd; a storm's
#: toll "across the country" is one storm's)
#: a happening whose toll a sentence opening on "Nationwide," tells: "Nationwide, the storm killed 27" is one storm's
_ONE_HAPPENING = (r"(?:storm|typhoon|hurricane|cyclone|quake|earthquake|tremor|blast|explosion|attack|bombing|crash|"
                  r"fire|landslide)\b")
_NATIONWIDE = re.compile(r"(?:\b(?:nationwide|countrywide|national|(?:season|year|monsoon)['’]s)\s+(?:[\w-]+\s+)?"
                         r"(?:toll|total|tally|count)\b|"
                         r"^\s*(?:nationwide|countrywide|across\s+the\s+country),(?!\s*the\s+" + _ONE_HAPPENING + r"))"
                         r"[^.;:]{0,60}$", re.I)
_NATIONWIDE_AFTER = re.compile(r"^\s+(?:[a-z][\w-]*\s+){0,3}(?:so\s+far\s+)?this\s+(?:year|season|monsoon)\b", re.I)
#: a sentence that opens on a running total's cue: "Since the campaign began, ...", "So far, ..."
_CLOCK = r"(?:by|as\s+of)\s+(?:\d{1,2}(?::\d\d|\.\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|GMT|local time)|noon|midday|mid-?afternoon)"
_TOTAL_OPENER = re.compile(r"\s*(?:since\s[^,;.]{1,60}|so far|to date|in total|in all|altogether|" + _CLOCK + r"|"
                           r"(?:this|last|over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last))\s+(?:[\w-]+\s+)?"
                           r"(?:week|weekend|month|year|decade)s?(?:\s+alone)?)\s*,", re.I)  # "This month alone, ..."
#: the toll of incidents across a region, told as their subject: "The raids across the north killed at least 38"
_INCIDENTS_ACROSS = re.compile(r"\b(?:raids|strikes|airstrikes|attacks|bombings|blasts|explosions|clashes)\s+across\s+"
                               r"[^,;.\d]{1,40}?\s+(?:have\s+|has\s+|had\s+)?(?:killed|left)\s+(?:at\s+least\s+|"
                               r"more\s+than\s+|some\s+|about\s+|nearly\s+|over\s+)?$", re.I)
#: the toll of several places together: "storms that killed ten people in the two countries", "across three states"
_IN_SEVERAL_PLACES = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:in|across)\s+(?:the\s+|all\s+)?(?:two|three|four|five|six|"
                                r"both|several|\d+)\s+(?:countries|nations|states|provinces|regions|districts|"
                                r"counties)\b", re.I)
#: the toll of several incidents: "killed 300 people in attacks across Pakistan", "in a series of bombings"
_IN_INCIDENTS = re.compile(r"^\s+(?:[\w-]+\s+){0,4}?in\s+(?:(?:a\s+)?(?:series|spate|wave|string)\s+of\s+|separate\s+|"
                           r"several\s+|multiple\s+|recent\s+|\d+\s+|two\s+|three\s+|four\s+|five\s+|six\s+|"
                           r"a\s+dozen\s+)?"
                           r"(?:militant\s+|insurgent\s+|terrorist\s+|suicide\s+|bomb\s+|air\s+|drone\s+|rocket\s+)?"
                           r"(?:attacks|bombings|blasts|strikes|raids|incidents|clashes|explosions|"
                           r"(?:road\s+|traffic\s+|car\s+)?(?:accidents|crashes))\b", re.I)
#: a year's figure of a whole country's or firm's books: "2,006 people were killed on the roads in fiscal year 2014-15"
_IN_A_YEAR = re.compile(r"\b(?:in|during|for|over)\s+(?:the\s+)?(?:fiscal|financial|calendar)\s+year\b", re.I)
#: the toll of a war, not of a day: "decades of civil war that killed some 2 million people", "a civil war in which
#: some 2 million people died"
_A_WARS_TOLL = re.compile(r"\b(?:war|wars|conflict|insurgency|insurgencies|campaign|uprising|fighting|violence|"
                          r"occupation|rebellion),?\s+(?:that|which)\s+(?:has\s+|have\s+|had\s+)?(?:killed|left|"
                          r"claimed|cost)\s+(?:the\s+lives\s+of\s+)?(?:[\w-]+\s+){0,2}?$|\b(?:war|conflict|insurgency|fighting|"
                          r"uprising),?\s+(?:in|during)\s+which\s+(?:[\w-]+\s+){0,2}?$"
                          # "The war has killed more than 330,000 people": the war itself, not one of its incidents
                          r"|\b(?:war|wars|conflict|insurgency|insurgencies|uprising|occupation|rebellion)\s+"
                          r"(?:has|have|had)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:killed|left|claimed|cost)\s+"
                          r"(?:the\s+lives\s+of\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
#: a count as it stood at an hour of the day: "turnout had reached 76 percent by 2 p.m.", a figure still running
_BY_THE_HOUR = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?" + _CLOCK, re.I)
#: "since the offensive began", "since its campaign started", "since the war was launched"
_SINCE_BEGAN = re.compile(r"\bsince\s+(?:the|its|their|his|her|it|they)\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:began|begun|started|was\s+launched|were\s+launched|launched|start|beginning)\b", re.I)


_SEVERAL_DAYS = (r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+"
                 r"(?:nights|days|weeks|months|years|decades)")
#: a count of several days or nights (or years): "More than 150 people were arrested over three nights of unrest",
#: "killed 40 in four days of fighting", "150 workers have died in the past ten years"
_OVER_DAYS = re.compile(rf"\b(?:over|across|during|in|after)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?"
                        rf"{_SEVERAL_DAYS}\b", re.I)
#: a figure of several years: "nearly 500 people had died from bootleg alcohol between 2008 and 2015"
_OVER_YEARS = re.compile(r"\b(?:between\s+(?:19|20)\d\d\s+and|from\s+(?:19|20)\d\d\s+(?:to|until|through))\s+"
                         r"(?:19|20)\d\d\b", re.I)
#: a figure of each year (day, month): "fires and collapses killing dozens every year", "kills 1,000 people a year"
_EVERY_PERIOD = re.compile(r"^\s+(?:[a-z][\w-]*\s+){0,3}?(?:every|each|a|per)\s+(?:year|month|week|day|decade)\b"
                           r"(?!\s+(?:after|before|later|earlier|ago|since|into|of|in|on)\b)", re.I)
#: a count of several days or nights told after them: "set off three nights of unrest in which 87 people were arrested
#: and 14 officers were injured"
_DAYS_IN_WHICH = re.compile(rf"\b{_SEVERAL_DAYS}\s+of\s+(?:[\w-]+\s+){{1,3}}?(?:in|during)\s+which\b[^.;:]*$", re.I)


def crowds_scope(sentence_before: str, sentence_after: str, place: str | None = None) -> str | None:
    """"total" for a crowd told of a whole country, the sum of its many marches ("412,000 demonstrators nationwide",
    "took to the streets across France", "marched in cities across the country", "Over 400,000 protest ... in
    France": a crowd whose place is a country), not one city's march."""
    after = re.split(r"[,;.!?]", sentence_after[:80], maxsplit=1)[0]
    if (_ACROSS_PLACES.search(after) or _NATIONWIDE_BEFORE.search(sentence_before[-40:])
            or place in country_names()):
        return "total"
    return None


#: "nationwide" (said of the crowd, not of "nationwide strikes"), "across France", "in cities across the country", "in
#: more than 200 marches"
_ACROSS_PLACES = re.compile(r"\b(?:(?:nationwide|countrywide)(?=\s*$|\s+(?:on|in|at|to|as|against|for)\b)|"
                            r"across\s+(?:the\s+country|the\s+nation|[A-Z][\w-]+)|"
                            r"in\s+(?:more\s+than\s+|over\s+|some\s+|about\s+)?(?:\d[\d,]*|dozens\s+of|hundreds\s+of|"
                            r"many|several)\s+(?:cities|towns|marches|rallies|protests|demonstrations))\b")
_NATIONWIDE_BEFORE = re.compile(r"\b(?:nationwide|across\s+the\s+country|countrywide),?\s+(?:[\w-]+\s+){0,3}$", re.I)


def _clause(text: str) -> str:
    """The rest of a figure's clause: up to the next semicolon or full stop, a few words at most."""
    return re.split(r"[;.!?]", text[:100], maxsplit=1)[0]
