"""``agree``: claims of one fact in different sources agree within tolerance, units converted with pint; a
disagreement between documents dated further apart than the window is a change over time.

A fact only says that two figures *could* be one quantity (same measure, event, dimension). Each pair is judged
with the evidence that it is (:mod:`claimcheck.evidence`): a disagreement is ``violated`` only when that evidence is
strong, and every finding says what the evidence is."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from ...evidence import (LEAD_LINES, Evidence, FigureCounts, a_listed_share, a_places_share, few_on_page,
                         figures_per_source, headline_and_lead, one_event, own_and_sourced, thresholds, weigh)
from ...evidence.agencies import two_readings
from ...evidence.anchors import two_accounts
from ...evidence.revisions import revision_told
from ...lexicon import RUNNING_MEASURES, RUNNING_OUTCOMES, RUNNING_ROLES
from ...measure_keys import a_tally
from ...model import Claim, Fact, Finding, Tolerance
from ...money import is_currency
from ...model.interval import quantity_text
from ...rules.ruleset import Rule
from ..comparison import LOWER, Comparison, compare, gap, message as comparison_message, restates
from ..context import CheckContext
from ..registry import option, rule_kind
from ..times import risen_in_either, running, times_apart


@dataclass(frozen=True)
class AgreeOptions:
    tolerance: Tolerance | None = option(None, "how far apart two figures may be (default: the pack's `defaults.tolerance`)")
    percent_tolerance: Tolerance | None = option(None, "the tolerance for percentages, when it differs")
    window: timedelta | None = option(None, "sources dated further apart than this that disagree are a change over time "
                                            "(default: the pack's `defaults.window`)")
    fallback: bool = option(False, "judge only pairs no more specific agree rule has judged")
    within_document: bool = option(False, "also compare figures for different places within one document")
    across_events: bool = option(False, "compare the rule's `measures` across events too: standing quantities (troop "
                                        "levels, territory held) reported from event to event (in an archive, "
                                        "`defaults.archive_from` documents or more, within a decade); a count of "
                                        "people that names no force and no place stays its own event's")
    one_quantity: bool = option(True, "the rule's `measures` are one quantity within an event by the rule's word (two "
                                      "pages that each give few figures of it are compared without more evidence); "
                                      "false: the evidence decides, as for any figure (a quake's magnitude, when a "
                                      "story may tell of two quakes)")
    confidence: float | None = option(None, "how sure the evidence must be that two figures are one quantity for a "
                                            "disagreement to be violated without an anchor (0–1; default: only anchored "
                                            "pairs are violated)", minimum=0)
    growing: bool = option(False, "the rule's `measures` change as an event goes on (ground an offensive has taken): "
                                  "pages of one event that tell of different days, undated, give two days' figures")
    minor: float = option(0.1, "a violated pair less than this share apart is a minor disagreement, reported at info "
                               "severity (0: every disagreement is the rule's severity, as for a quake's magnitude, "
                               "where 5.2 against 5.6 is no small difference)", minimum=0)


_QUOTED_PER_SIDE = 50  # pages quoted for each side of a finding: every page of a folder, not every page of an archive
_NAMED_IN_MESSAGE = 5  # of those, the pages a message names (the rest are counted)
#: value groups of one event's fact compared all against all; more are compared in date order, as are those of a
#: standing quantity's fact (troops, strikes: reported from event to event, a series told in time)
_ALL_PAIRS_UP_TO, _ALL_PAIRS_OF_STANDING_UP_TO = 24, 12
#: claims of one value group whose evidence is weighed against the other group's: a fact told in few figures
#: weighs more of each figure's sources (an earlier page does not crowd out the pair whose evidence ties them)
_REPRESENTATIVES = 3
_FEW_FIGURES, _REPRESENTATIVES_OF_FEW = 4, 6


@rule_kind("agree", runs_per="fact", severity="warning", options=AgreeOptions,
           statuses=("consistent", "violated", "changed"), summary="""
pairs of claims of one fact from different documents (or from one document, attributed to different sources): intervals
overlap after `tolerance` (`rel`, `abs` in the claim's unit, or `points` for percentages), units converted with pint.
Two bounds in the same direction ("over 98%", "more than 99%") never contradict each other. A disagreement is violated
only when the evidence that the two figures report one quantity is strong (same event, names and words in common, a
specific measure, the same subject and scope): each finding says what that evidence is and how confident it is.
Documents dated further apart than `window` that disagree are a change over time.""")
def check_agree(rule: Rule, context: CheckContext, fact: Fact) -> list[Finding]:
    """Findings of one agree rule on one fact; a fallback rule skips pairs a specific rule has judged."""
    options: AgreeOptions = rule.options
    findings: list[Finding] = []
    window = options.window or context.rules.window
    applicable = context.applicable(rule)
    claims = [claim for claim in fact.claims if id(claim) in applicable]
    if len(claims) < 2:
        return findings
    groups = _groups(claims)
    ties: list[Finding] = []  # findings whose two figures are surely one quantity
    figures = FigureCounts(figures_per_source(fact.claims), context.page_figures)
    events = context.events
    conversions = [claim for claim in fact.claims if claim.scope == "conversion"]  # quoted beside what they restate
    all_pairs_up_to = _ALL_PAIRS_UP_TO if fact.key.event is not None else _ALL_PAIRS_OF_STANDING_UP_TO
    for candidates in _pairs(claims, groups, options.within_document, all_pairs_up_to):
        pairs = [frozenset((id(first), id(second))) for first, second in candidates]
        if options.fallback and any(pair in context.judged_pairs for pair in pairs):
            continue
        judged = []
        for first, second in candidates:
            evidence = weigh(first, second, events, figures, context.rules.synonyms)
            if (rule.measures and options.one_quantity and not options.fallback and not evidence.strong
                    and _declared_pair(rule, first, second, figures, context)):
                if one_event(events, first, second):  # one event's accounts: of one time, unless their days say not
                    caveats = times_apart(context, first, second, figures, growing=options.growing)
                else:
                    undated = not (context.as_of(first) and context.as_of(second))
                    caveats = ("one of them undated (it may be of any time)",) if undated else ()
                evidence = replace(evidence, anchors=(f"rule {rule.id} compares {', '.join(rule.measures)}",),
                                   caveats=caveats)
            elif evidence.strong and first.doc != second.doc:
                evidence = replace(evidence, caveats=(*evidence.caveats, *times_apart(context, first, second, figures)))
            judged.append((evidence.conclusive, evidence.strong, evidence.confidence, first, second, evidence))
        best = max(judged, key=lambda item: item[:3])
        evidence = best[5]  # the best evidence any two of their sources give
        on_one_page = evidence.conclusive and best[3].doc == best[4].doc
        # two sources set against each other on one page are one day's accounts, whatever another page tells as risen
        if (evidence.conclusive and not (on_one_page and two_accounts(evidence.anchors))
                and (risen := risen_in_either(context, candidates, figures))):
            evidence = replace(evidence, caveats=risen)
        first, second = candidates[0]  # shown and fingerprinted by the first sources: a new source changes neither ...
        shown_apart = _days_between((context.as_of(first), context.as_of(second)))
        if on_one_page and shown_apart:
            first, second = best[3], best[4]  # ... but two sources' accounts on one page are one day's, not a change
        elif (evidence.conclusive and running(first) and shown_apart is None
              and _days_between((context.as_of(best[3]), context.as_of(best[4])))):
            # ... and the dated pages whose evidence ties the figures tell the days apart that an undated page cannot
            # (37 hurt on an undated page of Tuesday's and on a page of Wednesday's, 44 on Thursday's: an update)
            first, second = best[3], best[4]
        elif _two_currencies(first, second) and _compared(rule, context, first, second) is None:
            # two currencies of undated pages: shown by the first two sources one of whose pages gives the rate
            first, second = next(((one, other) for one, other in candidates
                                  if _compared(rule, context, one, other) is not None), (first, second))
        finding = _judge(rule, context, fact, first, second, window, evidence)
        if finding is None:
            continue
        if finding.status == "violated" and (revision := revision_told(first, second, figures)):
            # "upgraded to 5.6 from an initial 5.4" on some page: the other page's 5.4 is out of date, not wrong
            finding.severity = "info"
            finding.message += f"; {revision}"
        context.judged_pairs.update(pairs)
        # quote every source that says the same as each side (a few at most)
        left, right = finding.claims
        finding.about = [left, right]
        quoted = _sources(left, groups, against=[right])
        finding.claims = (_with_conversions(quoted, conversions)
                          + _with_conversions(_sources(right, groups, against=quoted), conversions))
        named = {left.doc, right.doc}
        repeated = []
        for claim in finding.claims:  # each other page once, however many times it says its figure
            if claim.doc not in named:
                named.add(claim.doc)
                repeated.append(f"{claim.doc} ({quantity_text(claim.value, claim.unit, claim.bound)})")
        if repeated:
            more = len(repeated) - _NAMED_IN_MESSAGE
            finding.message += (f"; the same figures also in {', '.join(repeated[:_NAMED_IN_MESSAGE])}"
                                + (f" and {more} more page{'s' if more != 1 else ''}" if more > 0 else ""))
        findings.append(finding)
        if evidence.conclusive:
            ties.append(finding)
    _side_with_accounts(rule, context, ties, groups, window)
    return findings


def _side_with_accounts(rule: Rule, context: CheckContext, ties: list[Finding], groups: dict[tuple, list[Claim]],
                        window) -> None:
    """Quote, in each violated finding, the other figures that side with one of its two: figures surely one quantity
    with them (tied by conclusive evidence, directly or through other figures so tied) that agree with one side and
    contradict the other. Where one account says ~150 m and another 200 ft, the sources that say ~60 m are on the
    second's side, and a desk sees the two accounts whole, not one pair of pages. Only quotes are added: a finding's
    status, fingerprint and the pairs judged do not change. A side's claims come first in ``claims``, the second's
    from its first figure on (:func:`sides`)."""
    parent: dict[tuple, tuple] = {}

    def root(key: tuple) -> tuple:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for finding in ties:
        left, right = finding.about
        parent[root(says(left))] = root(says(right))
    members: dict[tuple, list[tuple]] = {}
    for key in parent:
        members.setdefault(root(key), []).append(key)
    shown = {frozenset(map(says, finding.about)) for finding in ties if finding.status == "violated"}
    for finding in ties:
        if finding.status != "violated":
            continue
        left, right = finding.about
        tied = [key for key in members[root(says(left))] if key not in (says(left), says(right))
                and not shown & {frozenset((key, says(left))), frozenset((key, says(right)))}]  # its own finding
        added: tuple[list[Claim], list[Claim]] = ([], [])
        quoted = {id(claim) for claim in finding.claims}
        for key in tied:
            figure = groups[key][0]
            side = _side(rule, context, figure, left, right, window)
            if side is None:
                continue
            for claim in _sources(figure, groups):
                if id(claim) not in quoted:
                    added[side].append(claim)
                    quoted.add(id(claim))
        if not (added[0] or added[1]):
            continue
        first, second = sides(finding)
        finding.claims = [*first, *added[0], *second, *added[1]]
        for side, figure in ((0, left), (1, right)):
            if added[side]:
                finding.message += (f"; on the side of {quantity_text(figure.value, figure.unit, figure.bound)}, "
                                    f"figures surely one quantity with these: {_listed(added[side])}")


def _side(rule: Rule, context: CheckContext, figure: Claim, left: Claim, right: Claim, window) -> int | None:
    """0 when ``figure`` agrees with ``left`` and contradicts ``right`` (dated within the window), 1 the other way."""
    compared = (_compared(rule, context, figure, left), _compared(rule, context, figure, right))
    if None in compared:
        return None
    for side, other in ((0, 1), (1, 0)):
        contradicted = (left, right)[other]
        apart = _days_apart(context, figure, contradicted)
        if (compared[side].agrees and not compared[other].agrees and not compared[other].same_direction
                and not (apart is not None and apart > window.days)):
            return side
    return None


def _two_currencies(first: Claim, second: Claim) -> bool:
    """Whether two figures are sums of different currencies: the only figures a comparison may be unable to set side
    by side (no rate for an undated page), so the only ones asked whether it can before they are judged."""
    return first.unit != second.unit and is_currency(first.unit) and is_currency(second.unit)


def _days_apart(context: CheckContext, first: Claim, second: Claim) -> int | None:
    """Days between the days two figures hold on, or None when either is undated."""
    return _days_between((context.as_of(first), context.as_of(second)))


def _days_between(dates: tuple) -> int | None:
    return abs((dates[0] - dates[1]).days) if all(dates) else None


def _a_birthday_apart(first: Claim, second: Claim) -> bool:
    return first.type == second.type == "age" and abs(first.value - second.value) == 1


def _a_running_count_apart(first: Claim, second: Claim) -> bool:
    """Whether two figures are two pages' counts of a toll that changes by the hour (the dead, the hurt, the held)."""
    return (first.doc != second.doc and first.outcome in RUNNING_OUTCOMES and first.outcome == second.outcome
            and first.type == second.type == "count")


def _listed(claims: list[Claim]) -> str:
    """Figures and the pages that give them: "~60 m (a.txt, b.txt), ~200 ft (c.txt)"."""
    pages: dict[str, list[str]] = {}
    for claim in claims:
        docs = pages.setdefault(quantity_text(claim.value, claim.unit, claim.bound), [])
        if claim.doc not in docs:
            docs.append(claim.doc)
    return ", ".join(f"{figure} ({', '.join(docs)})" for figure, docs in pages.items())


def sides(finding: Finding) -> tuple[list[Claim], list[Claim]]:
    """The claims a comparison quotes for each of its two figures (``about``): the first's side, then the
    second's, from the second figure on."""
    left, right = finding.about
    split = next((index for index, claim in enumerate(finding.claims) if claim is right), len(finding.claims))
    return finding.claims[:split], finding.claims[split:]


def comparable(claims: list[Claim], within_document: bool = False) -> list[tuple[Claim, Claim]]:
    """Every pair of claims a desk would set side by side: from different documents, or from one document when it
    attributes them to different sources, or one paragraph gives one figure as its own and another as a source's
    ("over 100 were reported killed; state media said 10") (or, ``within_document``, names different places for
    them)."""
    return [(first, second) for index, first in enumerate(claims) for second in claims[index + 1:]
            if _sides(first, second, within_document)]


def _sides(first: Claim, second: Claim, within_document: bool, differ: bool = False) -> bool:
    """Whether a desk sets two claims side by side (``differ``: they say different figures; a page's headline and
    lead are set side by side only then: one agreeing with the other is no news)."""
    if first.doc != second.doc:
        return True
    readings = two_readings(first, second)  # "BMKG has it at M7.2, 10 km deep; USGS has M6.9"
    if first.sentence == second.sentence and first.source == second.source and not readings:
        return within_document and first.place != second.place
    different_sources = readings or bool(first.source and second.source and first.source.lower() != second.source.lower())
    return (different_sources or own_and_sourced(first, second) or (within_document and first.place != second.place)
            or (differ and headline_and_lead(first, second)))  # "Quake kills 20" over "killing at least 25"


def says(claim: Claim) -> tuple:
    """What a figure says: its value, bound and unit (the figures of one value group)."""
    return claim.value, claim.bound, claim.unit


def _groups(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    groups: dict[tuple, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(says(claim), []).append(claim)
    return groups


def _sources(claim: Claim, groups: dict[tuple, list[Claim]], against: list[Claim] = ()) -> list[Claim]:
    """The claim and, for each other document saying the same (not already quoted), its first claim; then the other
    places where the quoted documents say it (a headline and its lead), so that each quoted page is quoted whole. A
    page quoted for the other figure (``against``) is quoted for this one too only where it gives the two as two
    sources' accounts ("the USGS put it at 7.6, while the BMG measured 7.2")."""
    other_side: dict[str, list[Claim]] = {}
    for quoted in against:
        other_side.setdefault(quoted.doc, []).append(quoted)

    def admitted(other: Claim) -> bool:
        quoted_there = other_side.get(other.doc, ())
        return not quoted_there or any(_sides(quoted, other, within_document=False) for quoted in quoted_there)

    chosen, seen = [claim], {claim.doc}
    group = groups.get(says(claim), [])
    for other in group:
        if other.doc not in seen and len(chosen) < _QUOTED_PER_SIDE and admitted(other):
            chosen.append(other)
            seen.add(other.doc)
    quoted = {id(member) for member in chosen}
    pages = {member.doc for member in chosen}
    return chosen + [other for other in group if other.doc in pages and id(other) not in quoted and admitted(other)]


def _with_conversions(side: list[Claim], conversions: list[Claim]) -> list[Claim]:
    """A side's claims, each followed by the conversion (of ``conversions``, the fact's) its sentence gives right
    after it ("83 km (52 miles)"): the bracketed figure restates the one compared and stands or falls with it, so it
    is quoted with it (it is never compared on its own, see :func:`claimcheck.evidence.vetoes`)."""
    quoted = {id(claim) for claim in side}
    with_conversions = []
    for claim in side:
        with_conversions.append(claim)
        for other in conversions:
            if id(other) not in quoted and restates(other, claim):
                with_conversions.append(other)
                quoted.add(id(other))
    return with_conversions


def _pairs(claims: list[Claim], groups: dict[tuple, list[Claim]], within_document: bool,
           all_pairs_up_to: int = _ALL_PAIRS_UP_TO) -> list[list[tuple[Claim, Claim]]]:
    """Claims of one fact grouped by what they say (value, bound, unit): each group once against each other group
    (through a few of its claims, from different sources: the pairs to weigh), and a group repeated by several sources
    once against itself. A title repeating its own body is not a second source."""
    found = []
    per_group = _REPRESENTATIVES_OF_FEW if len(groups) <= _FEW_FIGURES else _REPRESENTATIVES
    representatives = {}
    for key, members in groups.items():
        chosen, seen = [], set()
        for claim in members:
            if (claim.doc, claim.source) not in seen and len(chosen) < per_group:
                chosen.append(claim)
                seen.add((claim.doc, claim.source))
        representatives[key] = chosen
        repeated = comparable(chosen, within_document)
        if repeated:
            found.append(repeated)
    keys = list(groups)
    by_page = {key: _by_document(members) for key, members in groups.items()}
    if len(keys) > all_pairs_up_to:
        keys.sort(key=lambda key: (groups[key][0].date or "", groups[key][0].doc))
        candidates = list(zip(keys, keys[1:]))
    else:
        candidates = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]]
    for a, b in candidates:
        pairs = [(first, second) for first in representatives[a] for second in representatives[b]
                 if _sides(first, second, within_document, differ=True)]
        # two sources' figures on one page are weighed whatever other pages say them first ("the committee put the
        # toll at 19, but provincial officials said 23 had died")
        pairs += [(first, second) for first in groups[a] for second in by_page[b].get(first.doc, ())
                  if (first, second) not in pairs and _sides(first, second, within_document, differ=True)]
        if pairs:
            found.append(pairs)
    return found


def _by_document(claims: list[Claim]) -> dict[str, list[Claim]]:
    """Claims by the document they are on, each document's in order."""
    found: dict[str, list[Claim]] = {}
    for claim in claims:
        found.setdefault(claim.doc, []).append(claim)
    return found


def _declared_pair(rule: Rule, first: Claim, second: Claim, figures, context: CheckContext) -> bool:
    """Whether a rule's word that its measure is one quantity across sources holds for this pair: two pages, each
    giving few figures of it (a chronicle of many incidents does not say which is meant), each naming a measure the
    rule names ("air strikes", not a general strike's "joined strike")."""
    synonyms = context.rules.synonyms
    return (first.doc != second.doc and context.names_measure(rule, first) and context.names_measure(rule, second)
            and context.keys(first)[0] == context.keys(second)[0]  # fighters with fighters, not with civilians
            and (first.scope == second.scope or not {first.scope, second.scope} & {"total", "part"})  # 1,100 against 42
            and few_on_page(first, figures, synonyms) and few_on_page(second, figures, synonyms)
            and not a_places_share(first, second, figures, synonyms)  # "27 in Syria" may be a part of "55 air strikes"
            and not a_places_share(second, first, figures, synonyms)
            # "27 air strikes and ... 28" may be shares of "55 air strikes"
            and a_listed_share(first, figures, synonyms) == a_listed_share(second, figures, synonyms))


def _compared(rule: Rule, context: CheckContext, first: Claim, second: Claim) -> Comparison | None:
    options: AgreeOptions = rule.options
    return compare(context, first, second, options.tolerance, options.percent_tolerance)


def _judge(rule: Rule, context: CheckContext, fact: Fact, first: Claim, second: Claim, window,
           evidence: Evidence) -> Finding | None:
    options: AgreeOptions = rule.options
    if evidence.confidence < thresholds()["compare"] and not evidence.strong:
        return None  # too little in common to be set side by side
    compared = _compared(rule, context, first, second)
    if compared is None:
        return None  # a currency the reference rates do not cover
    first, second, agrees, same_direction = compared.first, compared.second, compared.agrees, compared.same_direction
    basis = f"both are {'lower' if first.bound in LOWER else 'upper'} bounds, which never contradict each other" \
        if same_direction else ""
    dates = (context.as_of(first), context.as_of(second))
    status = "consistent" if agrees else "violated"
    apart = _days_between(dates)
    if not agrees and apart is not None and apart > window.days:
        if not evidence.strong and not same_direction:
            return None  # a change of one quantity needs the evidence that it is one, as a contradiction does
        status = "changed"
    elif same_direction:
        status = "consistent"
    elif not agrees and apart and _an_update(first, second, dates) and evidence.strong:
        status = "changed"  # a toll reported a day later and higher, a day's arrests: an update, not a contradiction
    elif not agrees and not (evidence.conclusive or (options.confidence is not None and evidence.confidence >= options.confidence)):
        return None  # they differ, but too little says they are one quantity
    elif not agrees and apart is None and _a_birthday_apart(first, second):
        return None  # 27 and 26: a birthday between two pages, one of them undated, is as likely as an error
    elif (not agrees and apart is None and _a_running_count_apart(first, second)
          and gap(compared.first_value, compared.second_value) < options.minor):
        return None  # 39 and 41 dead on two pages, one undated: an update an hour later is as likely as an error
    message = comparison_message(first, second, compared.first_value, compared.second_value, compared.unit, compared.tolerance,
                       agrees, basis, status, apart, compared.reported, compared.rate, dates)
    finding = context.finding(rule, status, f"{message}; {evidence.describe()}", [first, second], fact=str(fact.key))
    exact_rule = options.tolerance is not None and not (options.tolerance.rel or options.tolerance.abs)  # {abs: 0}
    if status == "violated" and not exact_rule and gap(compared.first_value, compared.second_value) < options.minor:
        finding.severity = "info"  # a minor disagreement (40 against 42), unless the rule asks for exact figures
    return finding


def _a_rate(claim: Claim) -> bool:
    """Whether a figure is a rate (the lexicon's ``running_measures``): "a case fatality rate of 2.5 percent"."""
    return claim.type == "percent" and bool(claim.measure) and claim.measure.lower().split()[-1] in RUNNING_MEASURES


def _an_update(first: Claim, second: Claim, dates: tuple) -> bool:
    """Whether two figures of different days are a running count and its update: the injured, the held, the
    displaced and the missing rise and fall from day to day (a riot's arrests each night); the dead only rise, so a
    later toll is an update when it is higher and told in its page's lead (further down, a page tells what was first
    reported: "news originally reported two died"). A rate (of deaths to cases, of jobless) is a running ratio: two
    days' rates are two stages of it."""
    if dates[0] != dates[1] and all(_a_rate(claim) for claim in (first, second)):
        return True
    if dates[0] != dates[1] and first.measure == second.measure and first.measure in RUNNING_ROLES:
        return True  # the area a fire had burned by Sunday, and by Monday
    if dates[0] != dates[1] and first.subject and a_tally(first.measure) and a_tally(second.measure):
        earlier, later = (first, second) if dates[0] < dates[1] else (second, first)
        return later.value >= earlier.value  # a player's career points before a game and after it: they only grow
    if (first.outcome not in RUNNING_OUTCOMES or first.outcome != second.outcome or dates[0] == dates[1]
            or not first.type == second.type == "count"):  # "a 15-year-old killed": an age, not a toll
        return False
    if first.outcome != "killed":
        return True
    earlier, later = (first, second) if dates[0] < dates[1] else (second, first)
    return later.low >= earlier.low and later.value > earlier.value and later.line <= LEAD_LINES
