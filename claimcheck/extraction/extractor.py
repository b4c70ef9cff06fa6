"""Reading every claim of a document: numbers, their qualifiers and units, and what they are about."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..errors import Diagnostic
from ..model import Claim, Document
from ..money import page_unit
from ..units import convertible, dimensionality
from . import measures, phrases, roles, scopes, sources
from ..lexicon import (CROWD_PEOPLE, DEMONYMS, DIMENSION_MEASURES, FUNCTION_WORDS, GATHERING_NOUNS, OUTCOME_VERBS,
                       OUTCOME_WORDS, PERSON_NOUNS, ROLES, STRUCTURE_NOUNS, TIME_UNITS, TOLL_WORDS)
from .neighbours import (aftershocks_told_before, another_account_of_a_total, coordinated_parts, headline_from_lead,
                         inherit_measures, part_outcomes, risen_increments)
from .nonclaims import ExclusionIndex, find_excluded, not_a_claim, page_furniture
from .numerals import Numeral, find_numerals
from .qualifiers import Bands, Qualifier, approximately, interval, qualifier_after, qualifier_before
from .sentences import MAX_SENTENCE, sentence_spans, windows
from .dollars import dollars_named_after, page_dollars
from .dating import OtherNumbers, claim_date, context_year, paragraph_date
from .spans import Span, is_score, join_ranges, span_values
from .unit_reading import UnitReading, read_unit

EXTRACTOR_VERSION = "170"
_CONVERTED = re.compile(r"\s*\(\s*$")  # "more than 100 km (60 miles)": the figure restated right after it
_TEMPERATURE_WORDS = {"temperature", "temperatures", "outside temperatures", "outside temperature"}
#: words of a sentence that tells of cold, where "minus 40" is a temperature
_COLD = re.compile(r"\b(?:temperatures?|wind[\s-]?chills?|chill|cold|colder|coldest|freez\w*|frost\w*|degrees?|"
                   r"thermometers?|mercury|sub-?zero|frigid|icy|lows?)\b", re.I)


@dataclass(frozen=True)
class ExtractionOptions:
    """Settings that change what is extracted (part of any cache key)."""

    bands: Bands = field(default_factory=Bands)
    #: dataset columns read as claims: column -> {"measure", "unit", "bound", "place", "actor"}
    claim_columns: dict = field(default_factory=dict, hash=False)

    def cache_key(self) -> str:
        import json

        return json.dumps({"version": EXTRACTOR_VERSION, "bands": [self.bands.approximate, self.bands.near],
                           "claim_columns": self.claim_columns}, sort_keys=True)


def extract_claims(document: Document, options: ExtractionOptions | None = None,
                   diagnostics: list[Diagnostic] | None = None) -> list[Claim]:
    """Every claim in ``document``; located warnings (malformed numbers) are appended to ``diagnostics``."""
    options = options or ExtractionOptions()
    text = document.text
    if not text.strip():
        return column_claims(document, options)
    excluded_spans = find_excluded(text)
    excluded = ExclusionIndex(excluded_spans)
    if diagnostics is not None:
        for span in excluded_spans:
            if span.reason == "malformed":
                line, column = document.line_column(span.start)
                diagnostics.append(Diagnostic(document.id, line, column,
                                              f"malformed number {text[span.start:span.end]!r} (letter O for zero?) not read as a claim"))
    numerals = [n for n in find_numerals(text) if not excluded.overlapping(n.number_start, n.end)]
    claims: list[Claim] = []
    for sentence_start, sentence_end, members in _by_sentence(text, numerals):
        sentence_claims = list(_sentence_claims(document, sentence_start, sentence_end, members, options))
        claims.extend(sentence_claims)
    inherit_measures(claims, text)
    coordinated_parts(claims, text)
    part_outcomes(claims, text)
    risen_increments(claims, text)
    another_account_of_a_total(claims, text)
    aftershocks_told_before(claims, text)
    headline_from_lead(claims)
    page_dollars(claims)
    return [claim for claim in claims if not page_furniture(claim)] + column_claims(document, options)


def column_claims(document: Document, options: ExtractionOptions) -> list[Claim]:
    """Numbers a dataset states in declared columns ("strikes_total is a count of air strikes")."""
    claims = []
    for column, value in document.values.items():
        spec = options.claim_columns.get(column, {})
        unit = spec.get("unit", "count")
        claims.append(Claim(
            doc=document.id, start=0, end=0, text=f"{value:g}", sentence=f"{column} = {value:g}", value=value,
            low=value, high=value, bound=spec.get("bound", "="), unit=unit, measure=spec.get("measure", column),
            place=spec.get("place"), actor=spec.get("actor"), date=document.date, qualifier=None,
            line=document.row or 0, column=0))
    return claims


def _by_sentence(text: str, numerals: list[Numeral]) -> Iterator[tuple[int, int, list[Numeral]]]:
    """Group numerals by sentence, segmenting only the text units (see :func:`_units`) that hold one; a long unit
    is segmented a window at a time (see :func:`~claimcheck.extraction.sentences.windows`)."""
    index = 0
    units = _units(text)
    unit_index = 0
    while index < len(numerals):
        while units[unit_index][1] <= numerals[index].start:
            unit_index += 1
        unit_start, unit_end = units[unit_index]
        members = []
        while index < len(numerals) and numerals[index].start < unit_end:
            members.append(numerals[index])
            index += 1
        member, numbers = 0, [(n.start, n.end) for n in members]
        for window_start, window_end in windows(text, unit_start, unit_end, numbers):
            if member >= len(members) or members[member].start >= window_end:
                continue  # no number in this window
            window = text[window_start:window_end].replace("\n", " ")
            for sentence_start, sentence_end in (sentence_spans(window) if _MAY_END_SENTENCE.search(window.rstrip())
                                                 else [(0, len(window))]):
                sentence_start, sentence_end = window_start + sentence_start, window_start + sentence_end
                for start, end in windows(text, sentence_start, sentence_end, numbers, MAX_SENTENCE):
                    inside = []
                    while member < len(members) and members[member].start < end:
                        inside.append(members[member])
                        member += 1
                    if inside:
                        yield start, end, inside


#: a full stop, question or exclamation mark (and any closing quote or bracket) followed by a space and what can start a
#: sentence: a paragraph without one is one sentence, and the sentence splitter (the slow part of extraction) is not asked
_MAY_END_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(\[]*[A-Z0-9]")
#: a death toll right before its figure: "the toll hits 42", "death toll rose to 35", "toll climbed to at least 24"
_TOLL_BEFORE = re.compile(r"\b(?:death\s+)?toll\s+(?:[\w'’-]+\s+){0,3}?(?:to|at|hits|hit|tops|topped|reaches|reached|"
                          r"nears|passes|passed|of|is|was|stood at|stands at)\s+(?:at\s+least\s+|about\s+|some\s+|"
                          r"nearly\s+|more\s+than\s+|over\s+)?$", re.I)
#: a sentence whose subject is a death toll told of at length (initials' stops too: "in the U.S. state of"), its figure
#: right after the verb: "The death toll of the twin earthquakes which jolted Iran's northwestern province on Saturday
#: has risen to 306"
_TOLL_SUBJECT = re.compile(r"\bdeath\s+toll\b(?:[^\d.;:]|(?<=\b[A-Z])\.|\b\d{1,2}\s+(?=[A-Z][a-z]{2,})){0,160}?"
                           # "The official death toll from the 9 July earthquake stands at 31": a day of a month is no
                           # figure between the toll and its verb
                           r"\b(?:has\s+|had\s+)?(?:risen|rose|climbed|jumped|reached|hit|topped|passed|stands\s+at|"
                           r"stood\s+at|remains\s+at|remained\s+at)\s+(?:to\s+)?"
                           r"(?:at\s+least\s+|about\s+|some\s+|nearly\s+|more\s+than\s+|over\s+)?$", re.I)
_HURT_WORDS = re.compile(r"injur|wound|hurt|casualt", re.I)
#: a headline's count told as a noun passing it: "17 dead as cases pass 450", "evacuees top 18,000" (the noun is what
#: the figure counts, whatever befell others earlier in the sentence)
_NOUN_PASSES = re.compile(r"\b([a-z][a-z-]+s)\s+(?:pass|passes|passed|top|tops|topped|near|nears|exceed|exceeds|"
                          r"surpass|surpasses|(?:rise|rises|climb|climbs|jump|jumps|soar|soars)\s+to)\s+"
                          r"(?:more\s+than\s+|over\s+|nearly\s+|almost\s+)?$", re.I)
_HARD_BREAK_END = re.compile(r"[.!?:;\"”’)]\s*$")


def _line_per_sentence(lines: list[str]) -> bool:
    """Whether a text gives a sentence (or a paragraph) per line, as wire copy and corpora do: most of its lines end
    as a sentence does. Then a line that does not (a headline: "AMD to buy ATI for $5.4 billion") ends there too,
    rather than running into the dateline below it as a hard-wrapped line runs into the next."""
    filled = [line for line in lines if line.strip()]
    return len(filled) >= 4 and sum(bool(_HARD_BREAK_END.search(line)) for line in filled) >= 0.6 * len(filled)


def _units(text: str) -> list[tuple[int, int]]:
    """Spans of text in which sentences can run across line breaks: hard-wrapped prose is joined
    (a line that is long and unfinished, or a next line that starts in lower case), while titles,
    datelines and page chrome stay units of their own."""
    units: list[tuple[int, int]] = []
    start = 0
    lines = text.split("\n")
    position = 0
    wrapped = not _line_per_sentence(lines)
    for number, line in enumerate(lines):
        end = position + len(line)
        following = lines[number + 1] if number + 1 < len(lines) else ""
        soft = bool(following.strip()) and line.strip() and (
            following.lstrip()[:1].islower()
            or (wrapped and len(line.strip()) >= 50 and not _HARD_BREAK_END.search(line)))
        if not soft:
            units.append((start, end + 1))
            start = end + 1
        position = end + 1
    if start < len(text):
        units.append((start, len(text) + 1))
    return units or [(0, len(text) + 1)]


@dataclass
class _Sentence:
    """A sentence being read: its place in the document, its tokens (and their starts), names and numbers."""

    document: Document
    start: int
    end: int
    numerals: list[Numeral]

    def __post_init__(self) -> None:
        self.text = self.document.text[self.start:self.end]
        self.tokens = phrases.tokenize(self.text, self.start)
        self.starts = [token.start for token in self.tokens]
        self.names = phrases.names(self.tokens)
        self.victims: str | None = None  # the people an earlier figure of the sentence counts

    @cached_property
    def clause_sources(self) -> list[tuple[int, str | None]]:
        return sources.clause_sources(self.tokens, self.names, self.text, self.start)

    def source_at(self, position: int) -> str | None:
        """The source of the figure at ``position`` (see :func:`sources.source_at`)."""
        return sources.source_at(self.clause_sources, position)

    @cached_property
    def year(self) -> int | None:
        """The year the sentence's paragraph names before it (see :func:`context_year`)."""
        return context_year(self.document.text, self.start)

    @cached_property
    def paragraph_date(self) -> str | None:
        """The day the sentence's paragraph tells of first (see :func:`paragraph_date`)."""
        return paragraph_date(self.document.text, self.start, self.document.date, self.year)


def _sentence_claims(document: Document, sentence_start: int, sentence_end: int, numerals: list[Numeral],
                     options: ExtractionOptions) -> Iterator[Claim]:
    sentence = _Sentence(document, sentence_start, sentence_end, numerals)
    spans = join_ranges(document.text, numerals)
    previous = None
    for position, span in enumerate(spans):
        limit = spans[position + 1].first.start if position + 1 < len(spans) else sentence_end
        claim = _claim(sentence, span, limit, options)
        if claim is not None:
            if claim.type == "money":
                claim.unit = page_unit(claim.unit, claim.text, document.text)  # "Rs 1 million" in a Pakistani story
            if (claim.unit == "count" and claim.measure and claim.measure != "people"
                    and claim.measure.split()[-1].split("-")[-1] in PERSON_NOUNS):
                sentence.victims = claim.measure
            if (previous is not None and claim.scope == "conversion"
                    and _CONVERTED.match(document.text, previous.end, claim.start) and convertible(claim.unit, previous.unit)):
                _measured_like(claim, previous)  # "fell about 60 metres (200 feet)": 200 feet is the fall too
                if claim.bound == "=" and previous.bound != "=":
                    _bound_like(claim, previous, options)  # "more than 100 km (60 miles)": more than 60 miles too
            previous = claim
            yield claim


def _measured_like(claim: Claim, converted: Claim) -> None:
    """A conversion measures what the figure it restates measures, of the same thing."""
    claim.measure, claim.type, claim.subject, claim.outcome = (converted.measure, converted.type, converted.subject,
                                                               converted.outcome)


def _bound_like(claim: Claim, converted: Claim, options: ExtractionOptions) -> None:
    claim.bound, claim.qualifier = converted.bound, converted.qualifier
    claim.low, claim.high = interval(claim.value, claim.bound, claim.qualifier, options.bands,
                                     float("-inf") if claim.unit.startswith("degree") else 0.0,
                                     claim.low if claim.is_range else None, claim.high if claim.is_range else None)


#: a sentence at sea, where "nm" is the nautical mile, not the nanometre of chips and light
_AT_SEA = re.compile(r"\b(?:off|offshore|coast|sea|ship|vessel|tanker|port|harbou?r|navy|naval|pirates?|km|miles|"
                     r"nautical|south|north|east|west)\b", re.I)
_SMALL_THINGS = re.compile(r"\b(?:chip|processor|transistor|wavelength|laser|lithography|process|wafer|"
                           r"semiconductor)s?\b", re.I)


def _claim(read: _Sentence, span: Span, limit: int, options: ExtractionOptions) -> Claim | None:
    document, sentence, sentence_start, sentence_end = read.document, read.text, read.start, read.end
    tokens, sentence_names, sentence_numerals, starts = read.tokens, read.names, read.numerals, read.starts
    text = document.text
    first, last = span.first, span.last
    after_number = text[last.end:min(limit, sentence_end)]
    unit = (UnitReading("percent", 0, "percent") if first.kind == "fraction"
            else UnitReading(last.unit, 0, "physical") if last.unit
            else read_unit(after_number, last.currency or first.currency, last.magnitude))
    if (unit.unit == "nanometer" and after_number[:unit.length].strip().lower() == "nm" and _AT_SEA.search(sentence)
            and not _SMALL_THINGS.search(sentence)):
        unit = UnitReading("nautical_mile", unit.length, unit.kind)  # "about 74 km (40 nm) south of Brass"
    unit_end = last.end + unit.length
    if unit.unit == "USD" and (own := dollars_named_after(text, first.start, unit_end, sentence_end)):
        unit = replace(unit, unit=own[0], length=unit.length + own[1] - unit_end)  # "$5.5-billion (Canadian)"
        unit_end = own[1]
    before_start = max(sentence_start, first.start - 160)  # qualifiers and year context sit just before the number
    before = text[before_start:first.start]
    qualifier = qualifier_before(before)
    suffix = qualifier_after(text[unit_end:min(limit, sentence_end)])
    bound, phrase = qualifier.bound, qualifier.phrase
    if phrase == "over" and unit.unit in TIME_UNITS:
        bound, phrase = "=", None  # "over three years": a span of time, not a lower bound
        qualifier = Qualifier("=", None, len(before))
    end = unit_end
    if suffix and bound == "=":
        bound, phrase, end = suffix.bound, suffix.phrase, unit_end + suffix.length_after

    after_end = bisect.bisect_left(starts, end)
    after_tokens = tokens[after_end:bisect.bisect_left(starts, limit)]  # up to the next figure
    following_tokens = tokens[after_end:]  # the rest of the sentence
    before_tokens = tokens[:bisect.bisect_left(starts, before_start + qualifier.start)]
    measure_phrase = _measure(unit, after_tokens,
                              [t for t in before_tokens[-40:] if t.end <= before_start + qualifier.start],
                              following_tokens)
    if (first.kind == "fraction" and measure_phrase.text is None and after_tokens and after_tokens[0].is_word
            and not phrases.looks_verbal(after_tokens[0].text)):
        measure_phrase = phrases.noun_phrase(after_tokens, max_words=3)  # "one in five adults": a share of adults
    if bound == "=" and measure_phrase.words:  # "100 rifles or more"
        late = qualifier_after(text[measure_phrase.words[-1].end:min(limit, sentence_end)])
        if late:
            bound, phrase = late.bound, late.phrase
    if not_a_claim(text, span, unit, measure_phrase, before, after_tokens):
        return None

    score = is_score(text, span)
    if score:
        span = Span(first, first)
    low_value, high_value, value, is_range = span_values(span)
    if first.kind == "vague" or last.kind == "vague" or (first.kind == "words" and "dozen" in text[first.start:first.end].lower()):
        bound = "~" if bound == "=" else bound
    if unit.scale != 1.0:  # "75 cents": 0.75 USD
        low_value, high_value, value = low_value * unit.scale, high_value * unit.scale, value * unit.scale
    if unit.kind == "count" and value < 0 and _COLD.search(sentence):  # "wind chill values near minus 40"
        unit = UnitReading("degree_unspecified", 0, "physical")  # a count is never below zero: a temperature is
    floor = float("-inf") if unit.unit.startswith("degree") else 0.0
    ranged = is_range or first.kind == "vague"
    if bound == "~" and ranged:
        low, high = approximately(low_value, high_value, options.bands.approximate)
        if first.kind == "vague":
            low, high = low_value, high_value
    else:
        low, high = interval(value, bound, phrase, options.bands, floor, low_value if ranged else None,
                             high_value if ranged else None)

    start = before_start + qualifier.start if qualifier.phrase and phrase == qualifier.phrase else first.start
    measure = measure_phrase.text
    if unit.kind == "age":
        measure = "age"
    elif unit.kind == "count" and measure in _TEMPERATURE_WORDS:  # "temperatures were minus 20"
        unit = UnitReading("degree_unspecified", 0, "physical")
    if unit.unit == "degree_unspecified":
        measure = "temperature"
    elif measure is None and unit.kind == "physical":
        measure = DIMENSION_MEASURES.get(dimensionality(unit.unit))
    exclude = set(measure_phrase.names)
    landmark = measures.reference_distance(after_tokens) if unit.kind == "physical" and measure == "distance" else None
    if landmark:
        measure = landmark[0]
        exclude |= {n.text for n in sentence_names if end <= n.start < landmark[1]}
    told = measure or ("percent" if unit.kind == "percent" else None)  # "27 percent more than the closing price"
    measure = roles.role_of(text[sentence_start:start], told, text[end:sentence_end],  # "fell 150 m": a fall
                            money=unit.kind == "currency", count=unit.kind == "count",
                            percent=unit.kind == "percent") or measure
    if measure in ROLES and unit.unit in ROLES[measure].get("never_in", ()):
        measure = told  # "services were suspended for about 30 minutes": no athlete's ban is told in minutes
    if measure == "deal" and unit.kind == "currency" and unit.scale < 1:
        measure = "share_price"  # "agreeing a 420p deal": a sum in pence or cents is a price per share, no firm's
    elif unit.unit in TIME_UNITS and ((measure and measure.lower() in _AGREEMENTS)
                                      or _WORTH_THEN_AGREEMENT.match(text, end, sentence_end)):
        measure = "term"  # "a five-year contract", "a seven-year, $133 million contract": how long it runs
    if measure == "depth" and (owner := _DEPTH_OF.search(text[max(sentence_start, start - 30):start])) \
            and owner.group(1).lower() not in _OWN_DEPTHS | _NO_THING:
        measure = f"depth of {owner.group(1).lower()}"  # "a tunnel 14 metres below the surface": the tunnel's
    elif measure == "depth" and (water := _DEPTH_OF_NATURE.search(text[sentence_start:start])) \
            and not _QUAKE_WORDS.search(text[sentence_start:sentence_end]):
        measure = f"depth of {water.group(1).lower()}"  # "The canyon itself, at about 4,000 metres deep": no quake's
    if (unit.kind == "percent" and measure_phrase.words and _OF_A_WHOLE.match(text, end)
            and roles.territory_share(text[sentence_start:start], measure_phrase,
                                      text[measure_phrase.words[-1].end:sentence_end])):
        measure = "territory"  # "controlled about 70% of Raqqa": ground held, of which the rules compare shares
    named = next((name for name in measure_phrase.names if phrases.is_name(name.split()[0])), None)
    agent = phrases.actor_after(after_tokens, sentence_names) or phrases.subject_actor(tokens, sentence_names, first.start)
    actor = named or agent
    if actor:
        exclude.add(actor)
    source = (sources.bracketed_source(text[end:sentence_end])  # "around 400 (according to local troops)"
              or sources.according_after(text[end:sentence_end])  # "2,300 according to the police"
              or sources.owned_source(text[sentence_start:start])  # "well above the ministry's official toll of 17"
              or sources.sized_source(text[sentence_start:start])  # "police put the march at 30,000"
              or sources.clause_source(text[sentence_start:start])  # "...; the monitor had other figures, reporting 135"
              or read.source_at(first.start))
    if source:  # "local news in Michigan reported two dead": where the source is, not where they died
        exclude |= {name.text for name in sentence_names if _says_word(source, name.text)}
        if actor and _says_word(source, actor):
            actor = None  # "the UN agency said 40 were killed, while Gaza medics put the toll at 45": who says, not who
    if (apposed := _A_SOURCE_OF_A_PLACE.search(text, sentence_start, start)) is not None:
        exclude.add(apposed["place"])  # "Brightline Labs, a security company in Hamburg, said it counted 6,000"
    place = phrases.choose_place(sentence_names, start, end, phrases.place_reach(text, end, limit, sentence_end),
                                 sentence_start, exclude)
    window = tokens[max(0, bisect.bisect_left(starts, start) - 6):bisect.bisect_left(starts, start)]
    outcome = phrases.outcome(window, following_tokens)
    if outcome and measure in _THING_ROLES:
        outcome = None  # "released nine bulletins fixing 26 vulnerabilities": flaws fixed, not people released
    if outcome == "destroyed" and (measure is None or measure.split()[-1].lower() not in STRUCTURE_NOUNS):
        # "buried 32 houses": what befell buildings; "buried 160 bodies" tells of the dead by its noun
        outcome = phrases.outcome(window, following_tokens, but="destroyed")
    if outcome == "captured" and measure and measure.split()[-1].lower() in _HELD_NOUNS:
        # "two prisoners were killed": what befell the prisoners, not their being held
        outcome = phrases.outcome(window, following_tokens, but="captured") or outcome
    if outcome and (_EITHER_OUTCOME.match(text, end, min(sentence_end, end + 60))
                    or _EITHER_OUTCOME_BEFORE.search(text, max(sentence_start, start - 40), start)):
        outcome = None  # "six gunmen were killed or captured": not all of them killed, nor all captured
    if outcome in _HELD and named in DEMONYMS:  # "Indian commandos arrested 26 Somali pirates": the captor's count
        actor = agent
    sized = sources.sized_noun(text[sentence_start:start])  # "put the march at 30,000", "estimated the cost at $5bn"
    if sized:
        outcome = outcome or OUTCOME_WORDS.get(sized)
        if measure is None or (measure_phrase.words and measure_phrase.words[-1].end <= start):
            measure = None if sized in OUTCOME_WORDS else sized  # "organisers put the crowd at 50,000": people
            # "put the amount stolen at 9.2 million euros": the haul
            measure = roles.role_of(text[sentence_start:start], measure, text[end:sentence_end],
                                    money=unit.kind == "currency") or measure
    if (unit.kind == "count" and (toll := _TOLL_BEFORE.search(text[max(sentence_start, start - 40):start])
                                  or _TOLL_SUBJECT.search(text[sentence_start:start]))
            and not _HURT_WORDS.search(toll.group())):
        measure, outcome = "people", "killed"  # "toll hits 42 as search for missing ends": the dead, not the missing
    elif unit.kind == "count" and (passing := _NOUN_PASSES.search(text[max(sentence_start, start - 40):start])):
        noun = passing.group(1).lower()
        measure, outcome = ("people", OUTCOME_WORDS[noun]) if noun in OUTCOME_WORDS else (noun, None)
    if (measure and source and measure.lower() == source.lower()
            and measure.lower() not in text[end:sentence_end].lower()):
        measure = None  # "witnesses said there were more than 50,000": who says it, not what is counted
    if unit.kind == "count" and measure and measure.split()[-1].lower() in _ARRESTS:
        outcome = "captured"  # "made 26 arrests ..., as demonstrators defied the curfew": people arrested, no crowd
    is_age, subject = (False, None) if score else roles.age_of(text, first.start, end, sentence_names, unit, value,
                                                                measure_phrase.text is not None)
    if is_age:
        measure = "age"
    elif score:
        subject = roles.holder_of(text, first.start, sentence_names)  # "Klitschko (52-3, 46 KOs)"
    elif unit.kind == "count" and (parent := roles.parent_of(text, first.start, sentence_names, measure)):
        measure, subject = parent  # "a mother of 12": her children
        outcome = None  # "a mother of 12 was killed": she was, not they
    elif unit.kind == "count" and (holder := roles.tally_holder(text, first.start, sentence_names, measure)):
        subject = holder  # "McDermott now has 2,129 points": his
    elif unit.kind == "count" and measure and len(words := measure.lower().split()) == 2 and words[1] in TOLL_WORDS \
            and words[0] in OUTCOME_WORDS:
        measure, outcome = "people", OUTCOME_WORDS[words[0]]  # "the death toll rose to seven": seven people killed
    elif (unit.kind == "count" and outcome is None
          and ((measure and (measure.lower() in TOLL_WORDS or measure.lower().endswith(" toll")))
               or ((measure is None or measure.lower() in FUNCTION_WORDS)  # "... in Maluku has passed 20": "has"
                   and _TOLL_GROWN_TO.search(text[sentence_start:start])))):
        measure, outcome = "people", "killed"  # "the toll from the blast climbed to 31", "quake toll rises to 24"
    elif unit.kind == "count" and measure and measure.split()[-1].lower() in (_GATHERINGS | _STRIKES):
        outcome = None  # "rallying in two separate demonstrations": two demonstrations, not two people who rallied;
        # "two powerful earthquakes struck ..., killing at least 87": what killed, not who died
    elif unit.kind == "count" and outcome and (measure is None or measure.split()[-1] in OUTCOME_WORDS
                                                 or measure.split()[-1] in OUTCOME_VERBS or measure in _BARE_COUNTS) \
            and not (measure is None and _OF_THE_COUNTED.match(text, end)):  # "two of the four villages": villages
        # "the attack killed 12", "200,000 protest in Athens": people, whom the verb says; "shot three co-workers,
        # killing two": the co-workers an earlier figure of the sentence that something happened to names
        # a crowd is no one's victims: "two women were killed ... by tens of thousands who marched" counts people
        measure = (read.victims if measure is None and outcome != "gathered" else None) or "people"
    if (unit.kind == "count" and outcome is None and value >= _A_CROWD and (measure in (None, "people")
                                                                             or measure in _BARE_COUNTS)
            and (source or sized) and _CROWD_WORDS.search(text[sentence_start:sentence_end])
            and not _A_VOTE.search(text[sentence_start:sentence_end])  # "5,727,000 took part": voters, no crowd
            and not _ON_BEHALF_OF.search(text[max(sentence_start, start - 20):start])):
        measure, outcome = "people", "gathered"  # "police counted 120,000 people in the capital, while organisers
        # claimed 450,000": a source's count of a crowd the sentence tells of, not people something else befell
    if (outcome == "gathered" and value < _A_CROWD and _CROWD_PEOPLE.match(text, end, sentence_end)
            and not _GATHERING_VERBS.search(text[sentence_start:sentence_end])):
        outcome = None  # "Eight demonstrators remained in hospital": a few of the crowd, not the crowd
    if score:
        end = max(end, last.end)
    quantity_type = "score" if score else roles.quantity_type(unit, is_age, first.kind)
    after_figure = text[last.end:min(limit, sentence_end)]
    if quantity_type == "count" and (typed := roles.typed_count(text[before_start:first.start], after_figure,
                                                                text[first.start:last.end])):
        quantity_type, measure = typed[0], typed[1] or measure  # "a four-cylinder engine", "a magnitude 6.1 quake"
    elif quantity_type == "count" and measure == "magnitude":
        quantity_type = "magnitude"  # "put the magnitude at 5.9", "the magnitude was 5.9"
    if quantity_type in ("magnitude", "measurement", "duration"):
        outcome = None  # "a magnitude 6.8 quake struck ..., killing 18": the quake killed, not its magnitude; "was
        # seized some 260 nautical miles east of Aden": the ship was, not the distance
    if quantity_type == "magnitude" and subject is None:
        subject = roles.shock_of(text[sentence_start:start], after_figure)
    others = OtherNumbers(sentence_numerals, first.start, sentence_start)
    line, column = document.line_column(start)
    return Claim(
        doc=document.id, start=start, end=end, text=text[start:end], sentence=" ".join(sentence.split()),
        value=value, low=low, high=high, bound=bound, is_range=ranged, measure=measure,
        unit="year" if is_age and unit.unit == "count" else unit.unit,  # "Smith, 61" is 61 years, as "61-year-old"
        place=place, actor=actor, date=claim_date(sentence, start - sentence_start, end - sentence_start, others, document.date,
                                                   read.year, read.paragraph_date),
        outcome=outcome, qualifier=phrase,
        line=line, column=column, type=quantity_type, subject=subject,
        source=source, scope=None if quantity_type == "magnitude"  # one quake's, never a total or a part of one:
        # "the magnitude 5.0 quake was the biggest shake in the valley in nine years"
        else scopes.scope_of(text[sentence_start:start], text[end:sentence_end], unit.unit in TIME_UNITS,
                             unit.kind == "physical")
        or (scopes.crowds_scope(text[sentence_start:start], text[end:sentence_end], place) if outcome == "gathered"
            else None),
    )


def _says_word(text: str, words: str) -> bool:
    """Whether ``text`` has ``words`` as words of its own ("the UN agency" names the UN; "UNICEF" does not)."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def _measure(unit: UnitReading, after_tokens, before_tokens, rest_tokens=()) -> phrases.NounPhrase:
    """What a figure measures; ``rest_tokens``: the sentence's words after it, past any figure that follows."""
    dimension = dimensionality(unit.unit) if unit.kind == "physical" else None
    if unit.kind == "currency" and after_tokens and after_tokens[0].text == "(":
        after_tokens = _past_conversion(list(rest_tokens))  # "32 million euros ($43.5 million) of jewellery"
    found = measures.measure_after(after_tokens, unit.kind, dimension)
    if found.text is None and unit.kind in ("count", "percent", "currency"):
        found = measures.measure_before(before_tokens, clause_subject=unit.kind != "count")
    if found.text is None and unit.kind == "currency":
        return phrases.NounPhrase([phrases.Token("money", 0, 0)], found.names)
    return found


def _past_conversion(tokens: list) -> list:
    """The words after a bracket right after a sum that restates it in another currency ("($43.5 million)"): what
    the sum is of follows the bracket."""
    if not tokens or tokens[0].text != "(":
        return tokens
    closing = next((index for index, token in enumerate(tokens[:8]) if token.text == ")"), None)
    if closing is None or not any(token.text[:1].isdigit() for token in tokens[1:closing]):
        return tokens
    return tokens[closing + 1:]


_OF_A_WHOLE = re.compile(r"\s+of\b", re.I)  # "70% of Raqqa": the whole a share is of follows it
#: a sentence that tells of a crowd, and the least count a crowd is told by (see where they are read)
_CROWD_WORDS = re.compile(r"\b(?:crowds?|march(?:es|ed)?|marchers|rall(?:y|ies|ied)|protests?|protesters|protestors|"
                          r"demonstrations?|demonstrators|took\s+part)\b", re.I)
_A_CROWD = 100
#: a sentence that tells of a vote, where those who "took part" voted
_A_VOTE = re.compile(r"\b(?:voters?|vot(?:e|es|ed|ing)|ballots?|electorate|elections?|voter\s+rolls)\b", re.I)
#: where a source is, told between commas before its word of saying: not where its figure is of
_A_SOURCE_OF_A_PLACE = re.compile(r",\s+(?:a|an|the)\s+[\w\s'’-]{0,40}?\b(?:in|of|from|based\s+in)\s+"
                                  r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s*,\s+(?:said|says|told|"
                                  r"reported|reports|estimated|estimates|counted|put|puts)\b")
#: whom a march is for, not who marched: '"We march for the 500,000 people who have no work," he told the crowd'
_ON_BEHALF_OF = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
#: words for the people of a crowd, and the verbs that say a count of them is of the crowd ("About 50 protesters
#: gathered outside parliament")
_CROWD_PEOPLE = re.compile(rf"\s+(?:[a-z-]+\s+)?(?:{'|'.join(sorted(CROWD_PEOPLE))})\b", re.I)
_GATHERING_VERBS = re.compile(r"\b(?:gathered|marched|rallied|protested|demonstrated|took\s+part|attended|joined|"
                              r"turned\s+out)\b", re.I)
#: words of the outcome "gathered" that count gatherings, not the people in them
_GATHERINGS = GATHERING_NOUNS - {"march", "rally", "protest"}  # ("200,000 protest": a verb)
#: words for what strikes: a count of them is never a count of the dead or hurt, whatever verb follows
_STRIKES = frozenset({"earthquakes", "quakes", "tremors", "aftershocks", "blasts", "explosions", "bombs", "rockets",
                      "missiles", "shells", "attacks", "airstrikes"})
#: a thing named right before a depth is what lies that deep ("a tunnel 14 metres below the surface", "limestone
#: about 80 feet underground"), not the depth of the event's hole, mine or quake, unless it is that hole, mine or
#: quake ("a longwall panel 1,050 metres below the surface")
_DEPTH_OF = re.compile(r"\b([a-z]{3,})\s+$")
#: a place in nature that has a depth of its own, named before the figure: "The canyon itself, at about 4,000
#: metres deep"
_DEPTH_OF_NATURE = re.compile(r"\b(canyon|gorge|valley|lake|river|sea|ocean|bay|harbou?r|reservoir|lagoon|fjord)s?\b"
                              r"[^.;:]{0,40}$", re.I)
_QUAKE_WORDS = re.compile(rf"\b(?:{roles.QUAKES}s?|shocks?|epicent(?:re|er)|hypocent(?:re|er)|focus|seismic)\b", re.I)
#: the event's own hole, mine or quake, or the wreck it went down with
_OWN_DEPTHS = frozenset({"quake", "earthquake", "tremor", "temblor", "aftershock", "shock", "epicentre", "epicenter",
                         "hypocentre", "hypocenter", "focus", "sinkhole", "hole", "crater", "pit", "shaft", "trench",
                         "cavity", "chasm", "mine", "colliery", "longwall", "stope", "adit", "panel", "section",
                         "seam", "level", "gallery", "face", "workings", "chamber", "cave", "well", "wreck",
                         "wreckage", "submarine", "vessel"})
#: words before a depth that name no thing lying that deep: its own noun, a qualifier, a verb
#: what an agreement is worth between its length and its name: "a seven-year, $133 million contract"
_WORTH_THEN_AGREEMENT = re.compile(r"\s*,\s*(?:US)?[$€£]\s?\d[\d.,]*\s*(?:million|billion|m|bn)?\s+(?:[\w-]+\s+)?"
                                   r"(?:contract|deal|extension|agreement)\b", re.I)
_AGREEMENTS = frozenset({"contract", "deal", "extension", "contract extension", "agreement", "lease", "loan deal"})
_NO_THING = frozenset({"depth", "depths", "of", "at", "to", "and", "than", "some", "about", "the", "around", "roughly",
                       "nearly", "almost", "just", "only", "over", "under", "least", "was", "were", "is", "are",
                       "lies", "lay", "sits", "struck", "hit", "occurred", "located", "centred", "centered", "buried",
                       "trapped", "stuck", "found", "reached", "drilled", "dug", "fell", "plunged", "dropped", "sank",
                       "sunk", "lying", "situated", "striking", "hitting"})
_BARE_COUNTS = frozenset({"number", "total", "count", "figure"})  # "the number of dead rose to 25": 25 people
#: a partitive whose whole is counted after it ("Evacuees from two of the four villages"): the figure counts what that
#: whole counts, not the people its verb befell
_OF_THE_COUNTED = re.compile(r"\s+of\s+(?:the|those|these|its|their)\s+(?:\d|(?:two|three|four|five|six|seven|eight|"
                             r"nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty|hundred)\b)", re.I)
_HELD = frozenset({"captured"})  # people someone holds: their count is the captor's, whatever people they are
_HELD_NOUNS = frozenset({"prisoners", "detainees", "captives"})  # people held, whom something else may befall
#: a toll told as the subject of its clause that has grown to the figure, however much lies between ("The death toll
#: from Tuesday's magnitude 6.6 earthquake in Maluku has passed 20")
_TOLL_GROWN_TO = re.compile(r"^\W*(?:the\s+)?(?:death\s+)?toll(?:\s+(?:from|in|after)\b[^;:!?]{0,100}?)?\s+"
                            r"(?:has\s+|had\s+|have\s+)?(?:passed|topped|exceeded|surpassed|reached|hit|risen\s+to|"
                            r"rose\s+to|climbed\s+to|jumped\s+to|stood\s+at|stands\s+at)\s+(?:about|nearly|"
                            r"more\s+than|over|at\s+least|some)?\s*$", re.I)
#: roles whose figures count things that no outcome of people befalls (the flaws an update fixes, the shots fired)
_THING_ROLES = frozenset(name for name, spec in ROLES.items() if spec["type"] == "count" and spec.get("measures")
                         and not any(word in PERSON_NOUNS for word in spec["measures"]))
#: two outcomes either of which befell each one counted: "six gunmen were killed or captured"
_OUTCOMES_OR = (r"(?:killed|dead|died|captured|arrested|detained|injured|wounded|hurt|missing)\s+(?:or|and/or)\s+"
                r"(?:killed|dead|captured|arrested|detained|injured|wounded|hurt|missing)\b")
_EITHER_OUTCOME = re.compile(rf"[^.;:,]{{0,40}}?\b{_OUTCOMES_OR}", re.I)
_EITHER_OUTCOME_BEFORE = re.compile(rf"\b{_OUTCOMES_OR}\s+(?:[\w-]+\s+){{0,2}}$", re.I)
#: nouns that count people arrested: "26 arrests" are 26 people captured
_ARRESTS = frozenset({"arrests", "detentions"})
