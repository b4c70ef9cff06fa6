"""Grouping claims into facts: the claims that report one quantity.

First the figures that *could* be one quantity are gathered: the same kind of measure (after synonyms; counts of
people, whatever word names them, are one kind), the same event (unless a rule compares the measure across events:
then, in an archive, the same decade), type, outcome and unit dimension, a compatible actor and place (a claim that
names none matches any). Then the evidence that two of them are one quantity (:mod:`claimcheck.evidence`) splits such
a group into facts: figures join while the mean confidence between them stays above a threshold."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import DEMONYMS, GROUPED_OUTCOMES, SIDE_WORDS
from .measure_keys import canonical_name, claim_role, measure_class, measure_key
from .model import Claim, Fact, FactKey
from .rules.ruleset import Synonyms
from .places import canonical_city, cities_named, city_named, country_words, known_place
from .places import overlap as places_overlap
from .units import dimensionality as dimension


def totals_scope(claims: list[Claim], synonyms: Synonyms) -> dict[int, str]:
    """'55 air strikes: 27 in Syria and 28 in Iraq': in a document that splits a measure by place, a figure of that
    measure with no place is for all of them ("Iraq and Syria"), not a candidate for each one. Only places named
    near it count (within ``_TOTAL_LINES`` lines): a headline's toll is not the total of the other shootings a
    background paragraph lists."""
    places: dict[tuple[str, str | None], list[tuple[int, str, str | None]]] = defaultdict(list)
    for claim in claims:
        if claim.place:
            places[(claim.doc, measure_key(claim.measure, synonyms))] += [
                (claim.line, part, claim.outcome) for part in claim.place.split(" and ")]
    scopes = {}
    cities = top_cities(claims)
    for claim in claims:
        # the hurt of two towns are no split of the dead; a figure with no outcome may be any's ("27 killed in Sadr City
        # and 28 in Kadhimiya": the second figure's verb is the first's)
        told = places.get((claim.doc, measure_key(claim.measure, synonyms)), ())
        listed = [(line, place) for line, place, outcome in told
                  if None in (outcome, claim.outcome) or outcome == claim.outcome]
        if claim.place is None:
            named = {place for line, place in listed if abs(line - claim.line) <= _TOTAL_LINES}
            if len(named) >= 2:
                scopes[id(claim)] = " and ".join(sorted(named))
        elif (len(cities.get(claim.doc, ())) == 1 and not canonical_city(claim.place)
              and claim.place.lower() not in country_words() and not cities_named(claim.sentence) - cities[claim.doc]
              and {place for _, place in listed} <= {claim.place, *cities[claim.doc]}):
            # "killed about 80 people in Tayaran Square" on a page whose headline tells of Baghdad, and that gives
            # no other place of Baghdad a figure of this measure: Baghdad's toll
            scopes[id(claim)] = next(iter(cities[claim.doc]))
    return scopes


def top_cities(claims: list[Claim], synonyms: Synonyms | None = None) -> dict[str, set[str]]:
    """The cities each document's headline and first sentence name, not as a source; with ``synonyms``, also the
    place a figure there is told of, where it is a city."""
    from .evidence.pages import TOP_LINES

    cities: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.line <= TOP_LINES:
            cities[claim.doc] |= cities_named(claim.sentence, claim.source or "")
            place = canonical_name("place", claim.place, synonyms) if synonyms is not None and claim.place else None
            if place and (city := city_named(place)):
                cities[claim.doc].add(city)
    return cities


_TOTAL_LINES = 2  # lines from a figure within which the places of its parts are named


@dataclass
class _Forming:
    """Claims that could be one quantity, while they are gathered: it takes the first actor and place a joining
    claim names, and keeps every place its claims name (a claim joins only where its place overlaps them all)."""

    kind: str
    dimension: str
    outcome: str | None
    event: str | None
    period: str | None
    actor: str | None
    place: str | None
    claims: list[Claim] = field(default_factory=list)
    places: set[str] = field(default_factory=set)

    def fits(self, actor: str | None, place: str | None) -> bool:
        """Whether a claim of this actor and place may join: "Mexico City" and "Morelos" may each join "Mexico",
        not one another."""
        known = {other for other in self.places if known_place(other)}
        # a village no gazetteer knows constrains no one once a known place (its country) stands beside it
        return _actors_fit(self.actor, actor) and all(_places_fit(other, place) for other in (known or self.places))

    def fact(self, members: list[Claim], synonyms: Synonyms) -> Fact:
        """The fact of some of its claims, keyed by their most common measure."""
        measures = Counter(measure_key(claim.measure, synonyms) for claim in members)
        measure = max(measures, key=lambda key: (measures[key], key or ""))
        subject = (self.kind.split(" of ", 1)[1] if self.kind.startswith(("age of ", "magnitude of "))
                   else None)  # whose age; an aftershock's magnitude
        key = FactKey(measure=measure or self.kind, dimension=self.dimension, actor=self.actor, place=self.place,
                      outcome=self.outcome, event=self.event, period=self.period, subject=subject)
        return Fact(key=key, claims=members)


def build_facts(claims: Iterable[Claim], synonyms: Synonyms, events: dict[str, str | None] | None = None,
                standing: frozenset[str] = frozenset(), declared: frozenset[str] = frozenset(),
                scopes: dict[int, str] | None = None, pages: Counter | None = None,
                by_decade: bool = False) -> list[Fact]:
    """Facts of the claims. With ``events`` (document id -> event id), claims of different events are never one
    fact, except claims of a ``standing`` measure (measure keys a rule compares across events: "troops",
    "territory"), which are reported from event to event (``by_decade``, as in an archive: within a decade). Claims
    of a ``declared`` measure (one a rule names) are one fact by the rule's word; others are split by the evidence.
    ``scopes``: the places :func:`totals_scope` gave the claims, when they were worked out with the rest of their
    documents' claims (see :func:`fact_blocks`); ``pages``: the page figures of their documents
    (:func:`claimcheck.evidence.page_figures`), likewise."""
    return [fact for _, fact in formed_facts(claims, synonyms, events, standing, declared, scopes, pages, by_decade)]


def formed_facts(claims: Iterable[Claim], synonyms: Synonyms, events: dict[str, str | None] | None = None,
                 standing: frozenset[str] = frozenset(), declared: frozenset[str] = frozenset(),
                 scopes: dict[int, str] | None = None, pages: Counter | None = None,
                 by_decade: bool = False) -> Iterator[tuple[Claim, Fact]]:
    """The facts :func:`build_facts` makes, in its order, each with the claim that started its group of candidates
    (the facts split from one group follow each other): the facts of several blocks (:func:`fact_blocks`), grouped
    apart, are put in one run's order by where these claims stand."""
    from .evidence import page_figures

    events = events or {}
    claims = list(claims)
    pages = pages if pages is not None else page_figures(claims, synonyms)
    for forming in _candidates(claims, synonyms, events, standing, scopes, by_decade):
        for fact in forming_facts(forming, synonyms, events, declared, pages):
            yield forming.claims[0], fact


def forming_facts(forming: _Forming, synonyms: Synonyms, events: dict[str, str | None], declared: frozenset[str],
                  pages: Counter) -> Iterator[Fact]:
    """The facts of one group of candidates, in order. They depend on its claims only (with the events and page
    figures of their documents): a block's groups can be judged one at a time (see :func:`gathered`)."""
    keys = {measure_key(claim.measure, synonyms) for claim in forming.claims}
    if len(keys) == 1 and keys <= declared:
        yield forming.fact(forming.claims, synonyms)
        return
    for members in split_by_evidence(forming.claims, events, synonyms, pages):
        yield forming.fact(members, synonyms)


def fact_blocks(claims: list[Claim], synonyms: Synonyms, event: str | None, standing: frozenset[str] = frozenset(),
                by_decade: bool = False) -> tuple[list[tuple | None], dict[int, str]]:
    """Where one document's claims (all of them, in order; the document reports ``event``) are grouped into facts:
    for each claim, its block, the key of the candidates it can be grouped with (None: no fact), and the places the
    document's totals stand for (see :func:`totals_scope`). A fact never spans two blocks, so the claims of each block,
    gathered from every document in document order, give the facts of a whole run (with :func:`formed_facts`)."""
    scopes = totals_scope(claims, synonyms)
    blocks = []
    for claim in claims:
        place = scopes.get(id(claim), claim.place)
        within = grouped_within(claim, place, event, synonyms, standing, by_decade)
        blocks.append(_grouping(claim, place, within, synonyms)[0])
    return blocks, scopes


def grouped_within(claim: Claim, place: str | None, event: str | None, synonyms: Synonyms,
                   standing: frozenset[str], by_decade: bool = False) -> tuple[str | None, str | None]:
    """The event and the period a claim is grouped within: its document's ``event``, and no period; no event for a
    ``standing`` measure, reported from event to event ("the group has lost over 98% of its territory", "about 2,000
    US troops in Syria"), and, ``by_decade`` (in an archive, see :meth:`RuleSet.is_archive`), the decade its figure
    is told of ("2010s", from its date; none when undated). An archive's standing quantity is weighed a decade at a
    time, a rule's window telling its changes from contradictions within one, so that its groups hold ten years of
    news, not the whole archive. A count of people that names no force and no place is its event's, not a standing
    one: soldiers a storm's relief sends are that storm's ("some 2,000 soldiers were helping to clear roads")."""
    if measure_key(claim.measure, synonyms) not in standing:
        return event, None
    if measure_class(claim.measure, synonyms) == "person" and not (claim.actor or place or side(claim.measure)):
        return event, None
    return None, f"{claim.date[:3]}0s" if by_decade and claim.date and claim.date[:4].isdigit() else None


class Grouping:
    """A claim's group, actor and place as :func:`_candidates` finds them, memoized by what they depend on (claims
    repeat these). ``events``: document id -> event (read when the claim is met, so it may be filled as claims come);
    ``scopes``: the places :func:`totals_scope` gave the claims, by ``id``; ``by_decade``: see :func:`build_facts`."""

    def __init__(self, synonyms: Synonyms, events: dict[str, str | None], standing: frozenset[str],
                 scopes: dict[int, str] | None = None, by_decade: bool = False) -> None:
        self.synonyms, self.events, self.standing, self.scopes = synonyms, events, standing, scopes or {}
        self.by_decade = by_decade
        self._found: dict[tuple, tuple] = {}

    def __call__(self, claim: Claim, scope: str | None = None) -> tuple:
        """(group, actor, place) of a claim: group None when it can join no fact. ``scope``: the place
        :func:`totals_scope` gave it, where ``scopes`` does not hold it."""
        place = scope if scope is not None else self.scopes.get(id(claim), claim.place)
        signature = (claim.measure, claim.unit, claim.outcome, claim.type, claim.subject, claim.actor, place,
                     grouped_within(claim, place, self.events.get(claim.doc), self.synonyms, self.standing,
                                    self.by_decade))
        found = self._found.get(signature)
        if found is None:
            found = self._found[signature] = _grouping(claim, signature[6], signature[7], self.synonyms)
        return found


def _candidates(claims: list[Claim], synonyms: Synonyms, events: dict[str, str | None],
                standing: frozenset[str], scopes: dict[int, str] | None = None,
                by_decade: bool = False) -> list[_Forming]:
    """Groups of claims that could be one quantity (see the module's docstring), in the order of their first claims,
    each with its claims in order."""
    grouping = Grouping(synonyms, events, standing, totals_scope(claims, synonyms) if scopes is None else scopes,
                        by_decade)
    members: dict[tuple, list[tuple[int, Claim, str | None, str | None]]] = defaultdict(list)
    for index, claim in enumerate(claims):
        group, actor, place = grouping(claim)
        if group is not None:
            members[group].append((index, claim, actor, place))
    formed: list[tuple[int, _Forming]] = []
    for group, grouped in members.items():
        formed += gathered(group, grouped)
    formed.sort(key=lambda pair: pair[0])
    order = {id(claim): index for index, claim in enumerate(claims)}
    for _, forming in formed:
        forming.claims.sort(key=lambda claim: order[id(claim)])  # unplaced claims joined after the placed ones
    return [forming for _, forming in formed]


def gathered(group: tuple, grouped: list[tuple[int, object, str | None, str | None]],
             line_of: Callable[[object], tuple] = lambda claim: (claim.doc, claim.line)) -> list[tuple[int, _Forming]]:
    """The candidates of one group's claims, given as (index, claim, actor, place) in order: claims that name a place
    are grouped first; a claim that names none then joins the group most claims name (an unplaced crowd is the main
    crowd, not the one named first or last), else an unplaced group. Each with the index of its first claim; a
    forming's claims are in the order they joined it. Only indexes, actors and places are read, and ``line_of`` (a
    claim's document and line): a claim may be anything standing for one (the block stage of a cluster gathers
    positions, to read the claims a group at a time)."""
    placed = _gather(group, [member for member in grouped if member[3] is not None])
    lines = [Counter(line_of(claim) for claim in forming.claims) for _, forming in placed]  # each forming's lines
    unplaced = []
    for member in grouped:
        if member[3] is None and not _join_placed(member, placed, lines, line_of(member[1])):
            unplaced.append(member)
    return placed + _gather(group, unplaced)


def _gather(group: tuple, grouped: list[tuple[int, Claim, str | None, str | None]]) -> list[tuple[int, _Forming]]:
    """Claims of one group gathered into formings of compatible actor and place, in order (each forming with the index
    of its first claim); a forming takes the first actor and place a joining claim names."""
    formed: list[tuple[int, _Forming]] = []
    joined: dict[tuple, _Forming] = {}  # (actor, place) -> the forming they joined, while no forming has changed
    for index, claim, actor, place in grouped:
        forming = joined.get((actor, place))
        if forming is not None:
            forming.claims.append(claim)
            continue
        for _, forming in formed:
            if forming.fits(actor, place):
                forming.claims.append(claim)
                before = (forming.actor, forming.place, len(forming.places))
                forming.actor = forming.actor or actor
                forming.place = forming.place or place
                if place is not None:
                    forming.places.add(place)
                if (forming.actor, forming.place, len(forming.places)) != before:
                    joined.clear()  # a forming that took an actor or place may no longer match earlier ones
                joined[(actor, place)] = forming
                break
        else:
            forming = _Forming(kind=group[0], dimension=group[1], outcome=group[2], event=group[4], period=group[5],
                               actor=actor, place=place, claims=[claim], places={place} if place is not None else set())
            formed.append((index, forming))
            joined[(actor, place)] = forming
    return formed


def _join_placed(member: tuple[int, Claim, str | None, str | None], placed: list[tuple[int, _Forming]],
                 lines: list[Counter], line: tuple) -> bool:
    """Put a claim that names no place in the placed forming it most likely belongs to; False when none fits.
    ``lines``: how many claims each placed forming holds on each line; ``line``: the claim's."""
    _, claim, actor, _ = member
    fitting = [(forming, counted) for (_, forming), counted in zip(placed, lines)
               if _same_scope(forming.actor, actor, None, None)]
    if not fitting:
        return False
    # the one a figure of its paragraph is in ("OCHA stated that 9,000 people had evacuated the enclave ... SOHR
    # reported 1,400 people had evacuated the area"), else the first of the largest
    chosen, counted = max(fitting, key=lambda pair: (pair[1][line], len(pair[0].claims)))
    chosen.claims.append(claim)
    counted[line] += 1
    chosen.actor = chosen.actor or actor
    return True


#: what follows a surname without being one: "Anthony LaCalamita III" is LaCalamita
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def name_words(name: str) -> list[str]:
    """A person's name in lower-case words, without Jr or III ("Anthony LaCalamita III" -> anthony, lacalamita)."""
    words = [word for word in name.lower().replace(",", " ").split() if word not in NAME_SUFFIXES]
    return words or name.lower().split()


def person_key(name: str) -> str:
    """The surname a person's figures are grouped by ("Anthony LaCalamita III" -> "lacalamita")."""
    return name_words(name)[-1]


def _grouping(claim: Claim, place: str | None, within: tuple[str | None, str | None], synonyms: Synonyms) -> tuple:
    """(measure kind, dimension, grouped outcome, type, event, period), actor and place of a claim (``within``: its
    event and period, see :func:`grouped_within`); no group when it names no measure. Counts are grouped by whether
    they count people; other types by themselves (their dimension tells them apart), an age by whose age it is. Which
    of them are one quantity is for the evidence to say."""
    kind = measure_class(claim.measure, synonyms) if claim.type == "count" else claim.type
    if role := claim_role(claim, synonyms):
        kind, place = role, None  # an event's fall, a deal's price: wherever each page says it happened
    if claim.type == "age":  # one person's age, wherever each page says they were
        kind, place = (f"age of {person_key(claim.subject)}", None) if claim.subject else (None, place)
    elif claim.type == "count" and claim.subject and kind:  # "a mother of 12": her children, wherever she lived
        kind, place = f"{kind} of {person_key(claim.subject)}", None
    elif claim.type == "magnitude" and claim.subject:  # an aftershock's or a forecast's: not the quake's own
        kind = f"magnitude of {claim.subject}"
    if kind is None:
        return None, None, None
    outcome = claim.outcome if claim.outcome in GROUPED_OUTCOMES and claim.type == "count" else None  # an age is no toll
    # a quake's magnitude is the quake's, whichever agency measured it: the agency is its source, not its actor
    actor = None if claim.type == "magnitude" else canonical_name("actor", claim.actor, synonyms) or side(claim.measure)
    unit_dimension = "[money]" if claim.type == "money" else dimension(claim.unit)  # any currency, at the day's rate
    return (kind, unit_dimension, outcome, claim.type, *within), actor, canonical_name("place", place, synonyms)


#: mean confidence that figures are one quantity for them to stay in one fact
GROUPING = 0.5
_JUDGED_AT_MOST = 60  # claims of a group weighed all against all; a larger group is split by its measures first


def split_by_evidence(claims: list[Claim], events: dict[str, str | None], synonyms: Synonyms,
                      pages: Counter | None = None) -> list[list[Claim]]:
    """A group of claims that could be one quantity, split into the sets the evidence says are one (average
    linkage over the confidence of each pair a desk would compare)."""
    if len(claims) < 2:
        return [claims]
    if len(claims) > _JUDGED_AT_MOST:
        by_measure: dict[str | None, list[Claim]] = defaultdict(list)
        for claim in claims:
            by_measure[measure_key(claim.measure, synonyms)].append(claim)
        if len(by_measure) > 1:
            return [part for members in by_measure.values() for part in split_by_evidence(members, events, synonyms, pages)]
        return [claims]  # one measure stated many times: one fact, its pairs judged by value groups
    from .event_linkage import average_linkage
    from .evidence import FigureCounts, figures_per_source, weigh
    from .evidence.anchors import two_accounts

    figures = FigureCounts(figures_per_source(claims), pages or Counter())
    similarities = {}
    accounts = {}
    for first in range(len(claims)):
        for second in range(first + 1, len(claims)):
            evidence = weigh(claims[first], claims[second], events, figures, synonyms)
            # anchored: one quantity; vetoed (a part against a whole, another period, another person): never one
            similarities[(first, second)] = (0.0 if evidence.apart else 1.0 if evidence.strong
                                             else _quake_readings(claims[first], claims[second], evidence.confidence))
            if evidence.strong and two_accounts(evidence.anchors):
                accounts.setdefault(first, []).append(second)
                accounts.setdefault(second, []).append(first)
    return [[claims[i] for i in sorted(members)]
            for members in average_linkage(len(claims), _shared_with_accounts(similarities, accounts), GROUPING)]


def _quake_readings(first: Claim, second: Claim, confidence: float) -> float:
    """How alike two claims are (``confidence``: as their evidence says), for two magnitudes of one event as their
    values and years tell too: readings that differ by a few tenths ("7.2", BMKG; "6.9", USGS) are agencies' readings
    of one quake, whatever else their sentences tell; a magnitude told of a year ("In 2004, a magnitude 9.1 quake") is
    of another quake than one that names none (an aftershock is a whole magnitude or more below its quake, or told as
    one: its subject)."""
    if not (first.type == second.type == "magnitude" and first.subject is None and second.subject is None):
        return confidence
    years = {claim.date[:4] if claim.date else None for claim in (first, second)}
    if len(years) > 1 and any(claim.date and len(claim.date) == 4 for claim in (first, second)):
        return 0.0
    return max(confidence, _READINGS_ALIKE) if abs(first.value - second.value) <= _READINGS_APART else confidence


_READINGS_APART = 0.5  # magnitudes further apart than this are not agencies' readings of one quake
_READINGS_ALIKE = 0.75  # as alike as two pages' readings of one quake are at least (above GROUPING)


def _shared_with_accounts(similarities: dict[tuple[int, int], float],
                          accounts: dict[int, list[int]]) -> dict[tuple[int, int], float]:
    """Two sources' accounts of one thing on one page ("the commission put turnout at 58.9 percent. But the monitors
    said ... around 51 percent") are as close to a third figure as either is: another page's "58.9%" is the
    monitors' quantity too, however little their sentence shares with it. Pairs kept apart stay apart."""
    if not accounts:
        return similarities
    shared = dict(similarities)
    for (first, second), similarity in similarities.items():
        if similarity == 0.0:
            continue
        for one, other in ((first, second), (second, first)):
            for mate in accounts.get(one, ()):
                if mate != other:
                    tie = similarities[(min(mate, other), max(mate, other))]
                    shared[(first, second)] = max(shared[(first, second)], tie)
    return shared


def side(measure: str | None) -> str | None:
    """'pro-regime personnel', 'rebel fighters': the side a measure names, as an implicit actor."""
    first = (measure or "").split(" ")[0]
    if first.startswith(("pro-", "anti-")) or first in SIDE_WORDS:
        return first
    return None


def _same_scope(fact_actor: str | None, actor: str | None, fact_place: str | None, place: str | None) -> bool:
    """No conflicting actor or place: a claim that names none matches any; a place matches the places it lies in or
    that lie in it (see :func:`~claimcheck.places.overlap`)."""

    return _actors_fit(fact_actor, actor) and _places_fit(fact_place, place)


def _actors_fit(first: str | None, second: str | None) -> bool:
    """Whether two actors may be one claim's: either unnamed, the same, or one the other with more said."""
    return _unnamed_or_same(first, second) or _one_actor(first, second)


def _unnamed_or_same(first: str | None, second: str | None) -> bool:
    return first is None or second is None or first.lower() == second.lower()


def _places_fit(first: str | None, second: str | None) -> bool:
    """Whether two places may be one claim's: either unnamed, the same, or one in the other."""
    return _unnamed_or_same(first, second) or places_overlap(first, second)


def _one_actor(first: str, second: str) -> bool:
    """Whether one actor's name is the other's with more said ("Indian" and "Indian Navy"; "India" and "Indian naval
    forces"): a country's people, read by their demonym, and its forces are one side of a count."""
    words = _actor_words(first), _actor_words(second)
    shorter, longer = sorted(words, key=len)
    return len(shorter) < len(longer) and longer[:len(shorter)] == shorter


@lru_cache(maxsize=4096)
def _actor_words(name: str) -> tuple[str, ...]:
    words = name.replace(".", "").split()
    if words and words[0] in DEMONYMS and DEMONYMS[words[0]]:
        words[0] = DEMONYMS[words[0]]
    return tuple(word.lower() for word in words)
