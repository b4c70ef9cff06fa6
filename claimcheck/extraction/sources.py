"""Who says a figure: "according to the monitor", "police said", "said Lt. Hastings", "police put the march at
30,000", "(according to local troops)", and in a sentence of two accounts, each clause's own source ("officials said
100 were killed, but the monitor said 10")."""

from __future__ import annotations

import re

from ..lexicon import DETERMINERS, FUNCTION_WORDS, MONTHS, PREPOSITIONS, SAY_VERBS, SOURCE_NOUNS
from .phrases import Name, Token

#: "according to the U.S. Geological Survey": a full stop after a lone capital is an initial's, not the sentence's
_ACCORDING = re.compile(r"\baccording to\s+(?P<source>(?:[^,.;:()\"“”]|(?<=\b[A-Z])\.){2,60})", re.I)
_SOURCE_WORDS = re.compile(r"[A-Za-z][\w.'’-]*")
_TITLES = {"lt", "lt.", "capt", "capt.", "sgt", "sgt.", "gen", "gen.", "col", "col.", "maj", "maj.", "dr", "dr.",
           "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sheriff", "chief", "spokesman", "spokeswoman", "spokesperson",
           "officer", "detective", "prosecutor", "attorney", "minister", "president", "director", "commander"}


def source_of(tokens: list[Token], names: list[Name], sentence: str, offset: int) -> str | None:
    """Who the sentence attributes its figures to: "according to the monitor", "police said", "said Lt. Hastings"."""
    according = next((found for found in _ACCORDING.finditer(sentence)  # "(according to X)" is one figure's
                      if sentence[:found.start()].count("(") <= sentence[:found.start()].count(")")), None)
    if according:
        return _tidy(according.group("source"))
    for index, token in enumerate(tokens):
        if token.lower not in SAY_VERBS or token.lower == "according":
            continue
        if index and tokens[index - 1].lower in ("an", "the", "a"):
            continue  # "an estimated 100": a qualifier, not who says so
        if index and tokens[index - 1].lower in _PASSIVE:
            agent = _AGENT.match(sentence[tokens[index].end - offset:])
            if agent:  # "were reported by the monitor"
                return _tidy(agent.group("source"))
            continue  # "16 civilians were reported killed": no one is named
        before, dating = [], False
        stop = _before_relative_clause(tokens, index)
        for previous in reversed(tokens[max(0, stop - 9):stop]):
            if len(before) >= 5 or previous.text in ",;:\"“”'‘’()" or previous.lower in _CLAUSE_WORDS:
                break
            if _YEAR.fullmatch(previous.text):
                if before:
                    break  # "a 2019 report by Amnesty said": who, not when
                dating = True  # "an investigation in May 2022 concluded": step over when, to who
                continue
            if dating and (previous.lower in _MONTH_WORDS or previous.text.isdigit()):
                continue
            if dating and previous.lower in ("in", "on", "of", "from"):
                dating = False
                continue
            dating = False
            if previous.text[:1].isdigit() or previous.lower in _VAGUE_COUNTS:  # not "One activist source said"
                before = []
                break  # "16 civilians reported", "Thousands of people say": the counted, not a source
            before.insert(0, previous.text)
        words = [word for word in before if word.lower() not in DETERMINERS]
        if (not before and index and tokens[index - 1].lower == "and"
                and (subject := _sentence_subject(sentence, tokens[index].start - offset))):
            return subject  # "The RSF, which holds the town, accused the army and said 43 had died"
        if not words or words[0].lower() in PREPOSITIONS:  # "the Syrian Observatory (SOHR) said", "(OCHA) for Syria stated"
            acronym = _acronym_before(tokens, stop - len(before))
            if acronym:
                return acronym
        if words and words[-1].lower() not in _PRONOUNS and _names_a_source(words):
            return _tidy(" ".join(words))
        after = []
        for following in tokens[index + 1:index + 7]:
            if following.text == "." and after and after[-1].lower() in _TITLES:
                continue  # "said Lt. John Smith"
            if following.text in ",;:.!?\"“”()" or following.lower in ("that", "on", "in", "at", "after", "when"):
                break
            if following.text[:1].isdigit():
                break  # "reported 12 deaths": what is said, not who
            after.append(following.text)
        if after and after[0][:1].isupper():
            return _tidy(" ".join(after))
    if _SAYING.search(sentence):  # "The Iraqi military blamed ISIL ..., saying that 61 bodies had been recovered"
        return _subject_source(sentence)
    return None


#: where a clause of contrast begins: another account may follow ("..., but the monitor said 10")
CONTRAST_CLAUSE = re.compile(r";|,\s*(?=(?:but|while|whereas|although|though|however)\b)|\s(?=but\s)", re.I)


def _subject_source(clause: str) -> str | None:
    """The source a clause opens with ("The Iraqi military blamed ...", "the British-based SOHR had ..."), if its
    subject names one."""
    subject = []
    for word in _SOURCE_WORDS.findall(clause):
        if not subject and word.lower() in DETERMINERS:
            continue
        if not (word[:1].isupper() or word.lower() in SOURCE_NOUNS):
            break
        subject.append(word)
    return _subject_named(subject)


#: a sentence's subject, stepping over a relative clause or an apposition set off by commas ("The RSF, which has
#: held Mellit since April, ..."; "The Sudan Doctors Network, a medics' group that tracks casualties, ...")
_SUBJECT_SET_OFF = re.compile(r"^\s*(?P<subject>[^,;:()\d]{2,60}),\s+(?:which|who|an?|the)\s[^;:()]{2,100}?,\s")
#: a clause of its own before a verb of saying: its subject is not the sentence's ("Residents fled as the RSF stormed
#: the town and said ...")
_SUBORDINATE = re.compile(r"\b(?:as|after|when|while|because|before|since|until|if|though|although|whereas)\b", re.I)
_VAGUE_COUNTS = frozenset({"thousands", "hundreds", "dozens", "millions", "scores", "tens"})


def _sentence_subject(sentence: str, said: int) -> str | None:
    """The source a sentence's subject names, for a verb of saying at ``said`` after "and": "The RSF, which holds the
    town, accused the army ... and said 43 had died" (see :data:`_SUBJECT_SET_OFF`). None where a clause of its own
    stands before it, or the subject is a list ("Sudan, the UN and aid groups condemned the attack and said")."""
    set_off = _SUBJECT_SET_OFF.match(sentence)
    if _SUBORDINATE.search(sentence[set_off.end() if set_off else 0:said]):
        return None
    if set_off is None and "," in sentence[:said]:
        return None
    return _subject_source(set_off.group("subject") if set_off else sentence)


def _subject_named(words: list[str]) -> str | None:
    """The source a subject's words name (tidied), or None: not a pronoun ("it", "they") and a name or a word for
    who reports."""
    return _tidy(" ".join(words)) if words and words[0].lower() not in _PRONOUNS and _names_a_source(words) else None


def _before_relative_clause(tokens: list[Token], index: int) -> int:
    """Where a verb's subject ends, stepping back over a relative clause between them ("the monitoring group Taza
    Shailoo, which deployed observers to a third of polling stations, said"); ``index`` where there is none."""
    if not index or tokens[index - 1].text != ",":
        return index
    for position in range(index - 2, max(0, index - _RELATIVE_CLAUSE_WORDS), -1):
        if tokens[position].text in ".;:!?()":
            break
        if tokens[position].lower in ("which", "who") and position and tokens[position - 1].text == ",":
            return position - 1
    return _before_apposition(tokens, index)


def _before_apposition(tokens: list[Token], index: int) -> int:
    """Where a verb's subject ends, stepping back over a few words set off by commas that say who it is or how it
    spoke ("The Zerin Monitoring Group, a local rights organisation, said", "Tambocancha's mayor, Eusebio Quispe,
    said", "An NKLA spokesman, reached by telephone, claimed"); ``index`` where there are none."""
    for position in range(index - 2, max(0, index - _APPOSITION_WORDS - 2), -1):
        if tokens[position].text != ",":
            continue
        between = tokens[position + 1:index - 1]
        if not between:
            break
        named = all(token.text[:1].isupper() for token in between)  # "Eusebio Quispe"
        # "a local rights organisation"; "reached by telephone", "citing hospital records"
        described = ((between[0].lower in ("a", "an", "the") or between[0].lower.endswith(("ed", "ing")))
                     and all(token.is_word for token in between))
        if position and (named or described) and tokens[position - 1].is_word:
            return position
        break
    return index


_APPOSITION_WORDS = 6


_RELATIVE_CLAUSE_WORDS = 25


def clause_source(before: str) -> str | None:
    """Who gives a figure that follows ", reporting" or ", saying" in a clause of its own ("the government said
    250–300 were killed; the SOHR had differing numbers, reporting 135 fatalities" -> SOHR)."""
    found = _CLAUSE_SAYING.search(before[-200:])
    return _subject_source(found.group("clause")) if found else None


_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you"})
_SAYING_WORDS = "saying|adding|claiming|stating|reporting"  # ", saying that 61 bodies had been recovered"
_SAYING = re.compile(rf",\s*(?:{_SAYING_WORDS})\b", re.I)
_CLAUSE_SAYING = re.compile(r"(?:[;:]|,\s*(?:but|while|whereas)\b)\s*(?P<clause>[^;:,]{2,80}),\s*"
                            rf"(?:{_SAYING_WORDS}|citing)\b[^;:]{{0,120}}$", re.I)


def _acronym_before(tokens: list[Token], index: int) -> str | None:
    """The bracketed acronym that ends right before ``index`` ("... for Human Rights (SOHR)" -> SOHR)."""
    if index >= 3 and tokens[index - 1].text == ")" and tokens[index - 3].text == "(":
        acronym = tokens[index - 2].text
        if len(acronym) >= 2 and acronym.isupper() and acronym.isalpha():
            return acronym
    return None


#: words that open a clause: the source of "..., while Iran's seismological centre said" starts after them
_CLAUSE_WORDS = frozenset({"that", "which", "who", "and", "but", "while", "whereas", "although", "though"})
_PASSIVE = {"was", "were", "is", "are", "be", "been", "being", "also", "not", "widely", "initially", "later"}
_AGENT = re.compile(r"\s+by\s+(?P<source>[^,.;:()\"“”]{2,60})")


def _names_a_source(words: list[str]) -> bool:
    """A capitalised name ("Syrian state media", "Mustafa Bali") or a word for who reports ("police", "officials")."""
    return any(word[:1].isupper() or word.lower() in SOURCE_NOUNS for word in words)


#: "police put the march ... at roughly 30,000", "the survey measured the quake at 7.6": the size of what the verb's
#: object names
_SIZING = (r"\b(?:put|puts|putting|estimated|estimates|estimating|numbered|placed|pegged|pegs|measured|rated|recorded|"
           r"value|values|valued|valuing)\s")
_SIZING_VERB = re.compile(_SIZING, re.I)
_SIZED = re.compile(_SIZING + r"\s*"
                    r"(?:the|a|an|this|that|its|their)?\s*"
                    # "put final turnout at", "put the official toll at": the thing, not how it is told
                    r"(?:(?:final|official|total|overall|initial|preliminary|provisional|actual|real|latest|revised|"
                    r"current|new)\s+)?(?P<noun>[a-z]+)\b[^.;:]{0,80}?\bat\s+"
                    r"(?:about|around|roughly|some|nearly|almost|approximately|more\s+than|over|at\s+least|up\s+to)?\s*$",
                    re.I)


def _last_sized(before: str):
    """The sizing phrase that ends right before a figure, starting at its last sizing verb."""
    text = before[-160:]
    for verb in reversed(list(_SIZING_VERB.finditer(text))):
        found = _SIZED.match(text, verb.start())
        if found:
            return text, found
    return text, None


def sized_noun(before: str) -> str | None:
    """The thing a sentence sizes at the figure that follows ("put the march at 30,000" -> march, "estimated the cost
    at $5 billion" -> cost), when the text before the figure says so."""
    _, found = _last_sized(before)
    return found.group("noun").lower() if found and found.group("noun").lower() not in FUNCTION_WORDS else None


_ACRONYM_ENDING = re.compile(r"\((?P<acronym>[A-Z]{2,})\)\s*$")


def sized_source(before: str) -> str | None:
    """Who sizes a thing at the figure that follows ("Police put the march at 30,000" -> Police)."""
    text, found = _last_sized(before)
    if not found:
        return None
    acronym = _ACRONYM_ENDING.search(text[:found.start()])  # "Indonesia's Geophysics Agency (BMG) put it at"
    if acronym:
        return acronym.group("acronym")
    words = [word for word in re.findall(r"[\w.'’-]+|[,;:()]", text[:found.start()])[-3:]
             if word.lower() not in FUNCTION_WORDS or word.lower() in SOURCE_NOUNS]  # "but police put it at"
    while words and not re.match(r"[\w]", words[0]):
        words = words[1:]
    if any(not re.match(r"[\w]", word) for word in words):
        words = words[max(index for index, word in enumerate(words) if not re.match(r"[\w]", word)) + 1:]
    if words and _names_a_source(words):
        return _tidy(" ".join(words))
    return _clause_subject(text[:found.start()]) or _apposed_subject(text[:found.start()])


#: "The monitoring network Taza Shailoo, which fielded 1,600 observers, disputed this and put turnout at": the subject
#: of a clause whose sizing verb is its second, after a relative clause
_COORDINATED = re.compile(r"(?:^|[.;:]\s+)(?P<subject>[^,.;:()\d]{2,60}),\s+(?:which|who)\b[^;:()]{0,120},\s+"
                          r"[a-z]+\b[^,.;:()]{0,40}\band\s*$")


#: "The SPLM-N rebels, who put the toll higher, at 26": the subject a relative clause that sizes a thing is of
_RELATIVE_SIZER = re.compile(r"(?:^|[.;:]\s+)(?P<subject>[^,.;:()\d]{2,60}),\s+(?:which|who)\s+$")


#: "The Sudan Doctors Network, a medics' group that tracks casualties, put the toll at": the subject an apposition
#: right before the sizing verb describes
_APPOSED = re.compile(r"(?:^|[.;:]\s+)(?P<subject>[^,.;:()\d]{2,60}),\s+(?:an?|the)\s[^,.;:()\d]{2,80},\s*$")


def _apposed_subject(before: str) -> str | None:
    """The source the subject of a sizing verb names, past its apposition (see :data:`_APPOSED`)."""
    found = _APPOSED.search(before)
    return _subject_named([word for word in _SOURCE_WORDS.findall(found.group("subject"))
                           if word.lower() not in DETERMINERS]) if found else None


def _clause_subject(before: str) -> str | None:
    """Who sizes a thing with a second verb, after a relative clause ("The monitors, which fielded 1,600 observers,
    disputed this and put turnout at 51 percent" -> monitors), or in one ("The rebels, who put the toll at 26, ..."
    -> rebels), or None."""
    found = _COORDINATED.search(before) or _RELATIVE_SIZER.search(before)
    if not found:
        return None
    return _subject_named([word for word in _SOURCE_WORDS.findall(found.group("subject"))
                           if word.lower() not in DETERMINERS])


#: "around 400 (according to local troops)", "400–900 (a Defense Department estimate)": who gives this one figure
_BRACKETED = re.compile(r"^[^()]{0,80}?\(\s*(?:according to\s+(?P<according>[^()]{2,60}?)"
                        r"|(?P<estimate>[^()\d]{2,60}?)(?:'s|’s)?\s+(?:estimates?|figures?|counts?|claims?)"
                        r"|(?:[^()\d]{0,40}?\b(?:information|data|reports?|intelligence)\b[^()\d]{0,20}?\b(?:from|by|of)\s+"
                        r"(?P<from>[^()\d]{2,50}?)))\s*\)", re.I)


def bracketed_source(after: str) -> str | None:
    """The source a bracket right after a figure names ("(according to local SDF troops)"), or None."""
    found = _BRACKETED.match(after)
    if not found:
        return None
    return _tidy(found.group("according") or found.group("estimate") or found.group("from"))


#: "drew 5,000 people according to the organisers and 2,300 according to the police": each figure's own source,
#: named right after it, up to the next figure's
_ACCORDING_AFTER = re.compile(r"^[^,;.()\d]{0,30}?\baccording\s+to\s+(?P<source>[^,.;:()\d]{2,50}?)"
                              r"(?=\s+(?:and|or|but|while|whereas)\s+(?:\d|[a-z]+\s+\d)|[,.;:()]|$)", re.I)


def according_after(after: str) -> str | None:
    """The source "according to" names right after a figure, before any other figure ("2,300 according to the
    police"), or that gave the figure ("the 6.3 reported by the international monitoring service"), or None."""
    found = _ACCORDING_AFTER.match(after) or _GIVEN_BY.match(after)
    return _tidy(found.group("source")) if found else None


#: "lower than the 6.3 reported by the international monitoring service": who gave the figure, named right after it
_GIVEN_BY = re.compile(r"^\s+(?:(?:first|initially|earlier|originally|later)\s+)?(?:reported|given|measured|recorded|"
                       r"estimated|calculated|cited|claimed|counted)\s+by\s+(?P<source>[^,.;:()\d]{2,50}?)"
                       r"(?=\s+(?:and|or|but|while|whereas|on|in|at|after|for)\b|[,.;:()]|$)", re.I)


#: "the ministry's official toll of 17", "the police count of 22", "the army's figure of nine": a toll or count that
#: a possessive (or a word for who reports, before the noun) says is someone's, right before the figure
_OWNED_TOLL = re.compile(r"(?P<source>(?:\b[A-Za-z][\w.-]*\s+){0,3}?\b[A-Za-z][\w.-]*?)"
                         r"(?:(?P<owned>'s|’s|s'|s’)\s+)?\s*"
                         r"(?:(?:own|official|confirmed|provisional|latest|current|updated|revised)\s+)?"
                         r"(?:(?:death|casualty|injury|arrest)\s+)?(?:toll|count|tally|figure|estimate)\s+(?:of|at)\s+"
                         r"(?:about|around|roughly|some|nearly|almost|approximately|more\s+than|over|at\s+least|"
                         r"just)?\s*$",
                         re.I)


def owned_source(before: str) -> str | None:
    """Whose toll or count a figure is, when the words right before it say ("well above the ministry's official toll
    of 17" -> ministry; "the police count of 22" -> police). An earlier or initial toll is the same source's older
    figure, not another account: those are left to the sentence's source."""
    found = _OWNED_TOLL.search(before[-120:])
    if not found:
        return None
    words = [word for word in _SOURCE_WORDS.findall(found.group("source")) if word.lower() not in DETERMINERS]
    if found.group("owned") is None:
        words = words[-1:]  # "the police toll of 22": the word before the noun, when it names who reports
        if not words or words[0].lower() not in SOURCE_NOUNS:
            return None
    words = words[-3:]
    while words and (words[0].lower() in FUNCTION_WORDS
                     or (words[0][:1].islower() and words[0].lower() not in SOURCE_NOUNS)):
        words = words[1:]
    return _subject_named(words)


def _tidy(source: str) -> str | None:
    words = [word for word in _SOURCE_WORDS.findall(source) if word.lower() not in DETERMINERS]
    while words and words[0].lower().rstrip(".") in _TITLES and len(words) > 1:
        words = words[1:]
    text = " ".join(words[:5])
    return text or None


_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH_WORDS = MONTHS | {"early", "late", "mid"}


def contrast_clauses(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence that a word of contrast opens: one account each ("officials said 100
    were killed" | ", but the monitor said 10")."""
    starts = [0, *(found.start() for found in CONTRAST_CLAUSE.finditer(sentence))]
    return list(zip(starts, [*starts[1:], len(sentence)]))


def clause_sources(tokens: list[Token], names: list[Name], sentence: str, offset: int) -> list[tuple[int, str | None]]:
    """(start, source) of each clause of a sentence that a word of contrast opens ("officials said 100 were killed,
    but the monitor said 10"): each account's figures are its own source's. A clause whose verb of saying names no
    one readable has the source "" (someone else says it)."""
    spans = contrast_clauses(sentence)
    if len(spans) == 1:  # most sentences: one clause, read as a whole
        return [(offset, source_of(tokens, names, sentence, offset))]
    clauses = []
    for begin, end in spans:
        low, high = offset + begin, offset + end
        said = [token for token in tokens if low <= token.start < high]
        named = [name for name in names if low <= name.start < high]
        source = source_of(said, named, sentence[begin:end], low)
        clauses.append((low, source or ("" if any(token.lower in SAY_VERBS for token in said) else None)))
    return clauses


def source_at(clauses: list[tuple[int, str | None]], position: int) -> str | None:
    """The source of a figure at ``position``: its clause's, else one an earlier clause named (a source said before
    goes on), never a later clause's (that is another account)."""
    named = None
    for start, source in clauses:
        if start > position:
            break
        named = source if source is not None else named
    return named or None
