"""Recognising events: which documents of a set report the same happening.

A desk's folder of clippings often holds two similar events (two office shootings, two cable cuts); figures from
different sources are compared within an event only. Documents are compared by what they say near the top (TF-IDF
over their words and, counted three times, their names; cosine similarity) and grouped by average linkage: two groups
join while the mean similarity between their documents stays above a threshold. Two documents whose tops name two
kinds of one sort of event (a presidential election and a parliamentary one) count as far apart, whatever words
they share. Only documents that share one of their most distinctive terms, and whose dates (where known) are close,
are compared at all, so the work grows with the number of documents, not with its square.

TF-IDF is computed here rather than with scikit-learn: importing scikit-learn costs about a second, and where it is
installed quantulum3 changes how it reads units.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .event_days import days_apart, document_day
from .event_linkage import WINDOW_DAYS, linked_groups
from .lexicon import AUXILIARIES, CONJUNCTIONS, DETERMINERS, MONTHS, PREPOSITIONS, PRONOUNS, SAY_VERBS, WEEKDAYS, event_kinds
from .model import Document, Event

_LEAD = 4000  # characters of each document read: headline and the first paragraphs say what happened
_NAME_WEIGHT = 3  # times a name counts against a word: names tell two events of one kind apart
#: times a figure counts against a word: on the ECB+ topics, figures so weighted lift the precision of same-event
#: pairs from 0.965 to 0.992 (recall 0.764 to 0.756); two quakes of one country share words and names, not magnitudes
_FIGURE_WEIGHT = 3
_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?!\w)")
_TOP_TERMS = 40  # distinctive terms per document that other documents are looked up by
#: a marker term starts so: what tells two events of one kind apart outright, whatever else their pages share (see
#: :func:`markers`); a document's vector carries its markers first, at no weight
MARK = "!"
#: the similarity of two documents whose markers conflict: a group holding both would fall far below SIMILARITY
CONFLICT = -1.0
_ALL_PAIRS_UP_TO = 300  # documents of a set compared all with all; a larger set is blocked by distinctive terms
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:[ \t]+(?:(?:of|de|al|the|and)[ \t]+)?[A-Z][\w'’-]*)*")
_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
#: who wrote and edited a page ("By Catherine Mellor, Africa Correspondent", "(Reporting by Peter Lindqvist; Editing
#: by Louise Archer)"): one reporter files on many events
_CREDITS = re.compile(r"^[ \t(]*(?:(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|"
                      r"by\s+(?=(?-i:[A-Z][a-z]+\s+[A-Z])))[^\n\d]{0,120}$", re.M | re.I)
#: a sentence told of a year gone by ("In December 2003 a magnitude 6.6 quake destroyed Bam, killing 26,000"):
#: pages on two quakes in one region recall the same old one, which says nothing of their own
_A_PAST_YEARS = re.compile(r"(?:^|(?<=[.!?]\s))In\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|"
                           r"May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d\b"
                           r".*?(?:[.!?](?=\s|$)|$)", re.M)
#: the agency a dateline names ("KHARTOUM, April 24 (GPW) -"): who filed the story, nothing of its event
_AGENCY_TAG = re.compile(r"\([A-Z][\w .&'-]{1,30}\)(?=\s*[-–—:])")
_STOP = (DETERMINERS | PREPOSITIONS | CONJUNCTIONS | PRONOUNS | AUXILIARIES | SAY_VERBS | MONTHS | WEEKDAYS
         | {"also", "year", "years", "people", "told", "like", "just", "could", "would", "should", "new", "one", "two",
            "first", "said", "says"})


def find_events(documents: Sequence[Document], identities: dict[str, str] | None = None) -> list[Event]:
    """The events of a document set; each document's ``event`` is set to its event's id. An event's id is made
    from the identity of its first document (see :mod:`claimcheck.documents.identity`), so it stays the same from
    run to run while that document is in it."""
    if not documents:
        return []
    identities = identities or {}
    terms = [_terms(document.text[:_LEAD]) for document in documents]
    groups = _group(documents, terms) if len(documents) > 1 else [[0]]
    leads = [lead(document, identities.get(document.id, document.id), own) for document, own in zip(documents, terms)]
    events = []
    for members in sorted(groups, key=min):
        members.sort()
        event = make_event([leads[i] for i in members])
        for i in members:
            documents[i].event = event.id
        events.append(event)
    return events


def event_id(identity: str) -> str:
    return "e" + hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:6]


@dataclass(frozen=True)
class Lead:
    """What an event is made from, of each of its documents: its id and identity, date, title, the names its lead
    counts (``@name`` terms) and how it first writes each name it has (for the event's label)."""

    id: str
    identity: str
    date: str | None
    title: str | None
    names: frozenset[str]
    spellings: dict[str, str]


def lead(document: Document, identity: str, terms: list[str] | None = None) -> Lead:
    """A document's :class:`Lead` (``terms``: its :func:`lead_terms`, when already at hand)."""
    terms = lead_terms(document) if terms is None else terms
    spellings: dict[str, str] = {}
    for match in _NAME.finditer(document.text[:_LEAD]):
        spellings.setdefault("@" + " ".join(match.group().lower().split()), match.group())
    return Lead(document.id, identity, document.date, document.title,
                frozenset(term for term in terms if term.startswith("@")), spellings)


def make_event(members: Sequence[Lead]) -> Event:
    """The event of some documents (in document order): its id from the first identity, label, documents, dates."""
    dates = sorted(member.date for member in members if member.date)
    return Event(id=event_id(min(member.identity for member in members)), documents=[member.id for member in members],
                 label=_label(members), first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None)


def lead_terms(document: Document) -> list[str]:
    """What a document is compared by (see :func:`_terms`): the words and names near its top."""
    return _terms(document.text[:_LEAD])


def _group(documents: Sequence[Document], terms: list[list[str]]) -> list[list[int]]:
    vectors = tfidf(terms)
    days = [document_day(document) for document in documents]
    similarities = {}
    for first, second in _candidates(vectors, days):
        alike = similarity(vectors[first], vectors[second])
        if alike:
            similarities[(first, second)] = alike
    return linked_groups(range(len(documents)), similarities, days)


def tfidf(documents: list[list[str]]) -> list[dict[str, float]]:
    """Each document's terms weighted by 1 + log(count) times the smoothed inverse document frequency, normalised
    to unit length (scikit-learn's TfidfVectorizer with sublinear_tf)."""
    counts = [Counter(terms) for terms in documents]
    frequency = Counter(term for counted in counts for term in counted)
    total = len(documents)
    idf = {term: inverse_frequency(seen, total) for term, seen in frequency.items()}
    return [unit_vector(counted, idf.__getitem__) for counted in counts]


def inverse_frequency(seen: int, total: int) -> float:
    """The smoothed inverse document frequency of a term ``seen`` in that many of ``total`` documents."""
    return math.log((1 + total) / (1 + seen)) + 1


def unit_vector(counted: Counter, idf: Callable[[str], float]) -> dict[str, float]:
    """One document's TF-IDF vector from its term counts (in the order its terms first come), its markers first
    at no weight (see :data:`MARK`)."""
    marks = {term: 0.0 for term in counted if term.startswith(MARK)}
    weights = {term: (1 + math.log(count)) * idf(term) for term, count in counted.items() if term not in marks}
    norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
    return {**marks, **{term: weight / norm for term, weight in weights.items()}}


def cosine(first: dict[str, float], second: dict[str, float]) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(weight * second.get(term, 0.0) for term, weight in first.items())


def _terms(text: str) -> list[str]:
    """What a document is compared by: its content words, and its names and figures three times each (names tell two
    events of one kind apart, and so do the figures their stories share: a quake's magnitude, a toll, a time, a
    year). A name ends at a line's end (a headline's last word is not the dateline's first) and at a possessive
    ("Indonesia's Papua province" names Indonesia and Papua); "U.S." is one name."""
    from .measure_keys import POSSESSIVE, joined_initials

    text = joined_initials(_AGENCY_TAG.sub(" ", _CREDITS.sub(" ", _A_PAST_YEARS.sub(" ", text))))
    words = [POSSESSIVE.sub("", word) for word in _WORD.findall(text.lower())]
    words = [word for word in words if word not in _STOP]
    names = []
    for match in _NAME.finditer(text):
        for part in _POSSESSIVE_INSIDE.split(match.group()):
            name = " ".join(part.lower().split())
            if not name or (" " not in name and (name in _STOP or _sentence_start(text, match.start() + match.group().find(part)))):
                continue  # "The", "But", or any lone capitalised first word
            names.append("@" + name)
    figures = ["#" + figure.replace(",", "") for figure in _FIGURE.findall(text)]
    return words + names * _NAME_WEIGHT + figures * _FIGURE_WEIGHT + markers(text)


def markers(text: str) -> list[str]:
    """What tells a document's event apart from others of its kind outright: the kind of election its headline and
    first lines name (presidential, parliamentary ... from ``english.toml``'s ``[event_kinds]``:
    "!election=presidential"), and the named storm or operation they tell of ("Typhoon Haruka": "!storm=haruka").
    Its body may recall another election or storm. (A person's age is no such marker: on ECB+, pages of one shooting
    give its victim as 27 and 29.)"""
    top = "\n".join(text.splitlines()[:_MARKER_LINES])
    named = {(("operation" if match.group("operation") else "storm"), match.group("name").lower())
             for match in _NAMED_HAPPENING.finditer(top)}
    return sorted({f"{MARK}{family}={kind}" for family, kind in [*event_kinds(top), *named]})


#: a storm's or an operation's name, by its first word ("Hurricane Teodora", "Tropical Storm Marisol", "Operation
#: Northern Dawn"): a storm upgraded or downgraded keeps its name
_NAMED_HAPPENING = re.compile(r"\b(?:(?:Super\s+)?(?:Hurricane|Typhoon|Cyclone|Superstorm)|(?:Tropical\s+)?Storm|"
                              r"(?P<operation>Operation))\s+(?P<name>[A-Z][a-z]+)\b")


_MARKER_LINES = 4


def similarity(first: dict[str, float], second: dict[str, float]) -> float:
    """How alike two documents' vectors are: their cosine, or :data:`CONFLICT` when their markers tell of two
    events (each names one kind of election, and not the same)."""
    if _conflict(_marks(first), _marks(second)):
        return CONFLICT
    return cosine(first, second)


def _marks(vector: dict[str, float]) -> dict[str, set[str]]:
    """A vector's markers, by family: {"election": {"presidential"}}."""
    found: dict[str, set[str]] = {}
    for term in vector:
        if not term.startswith(MARK):
            break  # a vector's markers come first
        key, _, value = term[1:].partition("=")
        found.setdefault(key, set()).add(value)
    return found


def _conflict(first: dict[str, set[str]], second: dict[str, set[str]]) -> bool:
    """Whether two documents' markers tell of two events: of some family, each names one kind, and not the same."""
    return any(len(first[family]) == 1 == len(second[family]) and first[family] != second[family]
               for family in first.keys() & second.keys())


_POSSESSIVE_INSIDE = re.compile(r"['’]s?(?:\s+|$)")


def _sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 3):position].rstrip(" \"“'‘(")
    return not before or before[-1] in ".!?\n:"


def _candidates(vectors: list[dict[str, float]], days: list[int | None]) -> set[tuple[int, int]]:
    """Pairs of documents worth comparing, dated close together where both dates are known: in a small set every
    pair; in a large one, documents that share one of their most distinctive terms (see :func:`term_pairs`)."""
    count = len(vectors)
    if count <= _ALL_PAIRS_UP_TO:
        return set(sharing(range(count), days))
    postings: dict[str, list[int]] = defaultdict(list)
    for row, vector in enumerate(vectors):
        for term in top_terms(vector):
            postings[term].append(row)
    pairs = set()
    for rows in postings.values():
        pairs.update(term_pairs(rows, days))
    return pairs


def compares_all(count: int) -> bool:
    """Whether a set of ``count`` documents is compared all with all (else by shared distinctive terms)."""
    return count <= _ALL_PAIRS_UP_TO


#: documents within :data:`WINDOW_DAYS` of one another that may share a term for it still to pair them: a term
#: more of them share is too common in those days to tell their events apart (a country's name in a war)
COMMON = 20


def term_pairs(rows: Sequence[int], days) -> Iterator[tuple[int, int]]:
    """Pairs (in order) of the documents listed under one term (``rows``, in document order) that it is distinctive
    for. A term of at most :data:`COMMON` documents pairs all of them dated close enough (:func:`sharing`). A more
    common one pairs only dated documents close in time, each with at most :data:`COMMON` of the term's documents
    within the window of its day, those of no date or no year counted in (they may be of any day): the bound is on
    a term's documents in the days around each one, not in the corpus, so an archive of more years at the same
    density gives each document as many candidates (pairs grow with the documents, not with their square)."""
    if len(rows) <= COMMON:
        yield from sharing(rows, days)
        return
    dated = sorted((days[row], row) for row in rows if days[row] is not None and days[row] > 0)
    loose = len(rows) - len(dated)  # no date, or a dateline's day with no year
    ordered = [day for day, _ in dated]
    usable = [bisect_right(ordered, day + WINDOW_DAYS) - bisect_left(ordered, day - WINDOW_DAYS) + loose <= COMMON
              for day in ordered]
    for index, (day, row) in enumerate(dated):
        if not usable[index]:
            continue
        for later in range(index + 1, bisect_right(ordered, day + WINDOW_DAYS)):
            if usable[later]:
                other = dated[later][1]
                yield (row, other) if row < other else (other, row)


def top_terms(vector: dict[str, float]) -> list[str]:
    """A document's most distinctive terms, which other documents are looked up by."""
    return heapq.nlargest(_TOP_TERMS, (term for term in vector if not term.startswith(MARK)), key=vector.__getitem__)


def sharing(rows: Sequence[int], days) -> Iterator[tuple[int, int]]:
    """Pairs (in order) of documents that share a term, among ``rows`` (in document order), dated close enough;
    ``days[row]`` is a document's day (:func:`~claimcheck.event_days.document_day`) or None."""
    for index, first in enumerate(rows):
        a = days[first]
        for second in rows[index + 1:]:
            b = days[second]
            apart = days_apart(a, b)
            if apart is None or apart <= WINDOW_DAYS:
                yield first, second


def _label(members: Sequence[Lead]) -> str:
    """The names the event's documents share most (as the first of them writes them), else its first title."""
    counts: dict[str, int] = defaultdict(int)
    for member in members:
        for term in member.names:
            counts[term] += 1
    ranked = sorted(counts, key=lambda term: (-counts[term], -len(term), term))
    chosen = [term for term in ranked[:3] if counts[term] > (1 if len(members) > 1 else 0)]
    if not chosen:
        return members[0].title or members[0].id
    shown: dict[str, str] = {}
    for member in members:
        for term in chosen:
            if term in member.spellings:
                shown.setdefault(term, member.spellings[term])
        if all(term in shown for term in chosen):
            break
    return ", ".join(shown.get(term, term[1:]) for term in chosen)
