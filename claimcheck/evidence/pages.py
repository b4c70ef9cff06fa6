"""How many figures a source or a page gives: the evidence that one figure is *the* toll, crowd or tally of a page
(a chronicle of many incidents has none), and what a fact's sources say per place."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from ..extraction.dating import date_span
from ..extraction.scopes import HEDGE, PART_CUES
from ..facts import top_cities
from ..measure_keys import canonical_name, claim_role, head_key
from ..lexicon import OUTCOMES, ROLES, RUNNING_OUTCOMES, WEEKDAYS
from ..places import location, within
from ..model import Claim
from ..money import is_currency
from .agencies import an_agencys_reading
from .another import AFTERSHOCK, quake_words, told_of_another
from .days import days_named
from .features import before_figure, name_numbers, sentence_terms
from .gatherings import GATHERING_KINDS, gathering_kinds
from .revisions import revisions_told, told_as_preliminary, told_as_revised, told_as_risen

LEAD_LINES = 8  # lines of a document in which its event's main figures are told (background comes later)
#: lines of a document that hold its headline and first sentence (after a blank first line, as in a corpus): a deal's
#: price there is the page's own, whatever other deals its next lines recall ("Yankees land Teixeira with $180
#: million deal" above "... committed $423.5 million to three players")
TOP_LINES = 3
#: what befell people: the one count of it each page gives is its event's count; not those treated, which hospitals
#: tell hour by hour (it keeps them apart from the hurt, but ties no two pages' counts)
ANCHORED_OUTCOMES = OUTCOMES - {"treated"}
FIGURES_PER_PAGE = 3  # different counts of one outcome or measure a news page gives (a toll, its update, a part)
QUAKE_ROLES = ("magnitude", "depth")  # what each agency reads of a quake (see :mod:`.agencies`)
_READINGS = 3  # agencies' readings of one quake a page's lead gives at most (a national survey's, the USGS's, GFZ's)


def figures_per_source(claims: list[Claim]) -> Counter:
    """How many different figures of some claims each source states, per place it names: a source that gives two
    death tolls (of one place) leaves open which is meant; one that gives a crowd for Athens and another for
    Thessaloniki does not."""
    values: dict[tuple, set] = {}
    for claim in claims:
        if claim.scope not in ("conversion", "whole"):  # "20 km (12 miles)" states one figure; "two of the three" one
            values.setdefault(source_key(claim), set()).add(claim.value)
            if claim.scope != "part":  # "1,400 had fled, including dozens of militants" gives one count of the fled
                values.setdefault(paragraph_key(claim), set()).add(claim.value)
    for key, found in list(values.items()):
        if key[0] != "paragraph" and key[2] is not None:  # a figure with no place may be of any place the source names
            found |= values.get((key[0], key[1], None, key[3]), set())
    return Counter({key: len(found) for key, found in values.items()})


def page_figures(claims: list[Claim], synonyms) -> Counter:
    """How many different counts of people killed (injured, ...) and of each measure each document gives, whoever
    says them, and on how many lines it gives figures: a page that tells of many incidents (a long article, a chronicle) has no one toll or tally that
    another page's could contradict. Per place as well: a page that gives one crowd for each of five cities gives few
    for each city (its unplaced figures count for every one of them). Besides the counts, the death toll a page gives
    first is kept as itself (read it with :func:`top_toll`)."""
    values: dict[tuple, set] = {}
    placed: dict[tuple, dict[str | None, set]] = {}
    latest = _latest_days(claims)
    rates = _stated_rates(claims)
    first_readings: dict[tuple[str, str], list[Claim]] = {}
    by_sentence: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        if claim.scope == "conversion":
            continue
        figure = claim.value
        values.setdefault(("lines", claim.doc), set()).add(claim.line)
        if claim.line <= LEAD_LINES:  # who the page tells of (see lead_names)
            values.setdefault(("lead name", claim.doc), set()).update(name_numbers(sentence_terms(claim.sentence)[1]))
        if told_as_revised(claim):  # the page's other sentences with this figure tell of it as revised too
            values.setdefault(("revised", claim.doc, round(figure), claim.unit), set()).add(True)
        if told_as_preliminary(claim):  # a first estimate: the page's other sentences with this figure tell of it too
            values.setdefault(("preliminary", claim.doc, round(figure, 2), claim.unit), set()).add(True)
            first_readings.setdefault((claim.doc, claim.sentence), []).append(claim)
        by_sentence.setdefault((claim.doc, claim.sentence), []).append(claim)
        if told_as_risen(claim):  # ... and of a toll as risen to it: "Two dead" over "has risen to two"
            values.setdefault(("risen", claim.doc, round(figure)), set()).add(True)
            if claim.outcome in RUNNING_OUTCOMES:  # the least of them, for its higher counts (see above_the_risen)
                values.setdefault(("risen least", claim.doc, claim.outcome), set()).add(round(figure))
        # a page on an aftershock, not the quake: its headline tells of the aftershock first ("Aftershock kills two
        # in Erzincan, quake toll rises to 11"; not "Turkey quake: 11 dead as aftershock brings down homes")
        if claim.line <= TOP_LINES and (shock := AFTERSHOCK.search(claim.sentence)) and not any(
                start < shock.start() for start in quake_words(claim.sentence)):
            values.setdefault(("aftershock page", claim.doc), set()).add(True)
        if claim.line <= TOP_LINES:  # the weekdays and the kinds of gathering a page's headline and first sentence
            for kind in gathering_kinds(claim.sentence):  # tell of (see top_gatherings)
                values.setdefault(("gathering", claim.doc, kind), set()).add(True)
            weekdays, after = days_told(claim.sentence)
            for day in weekdays:
                values.setdefault(("weekday", claim.doc, day), set()).add(True)
            if after:
                values.setdefault(("days after", claim.doc), set()).add(True)
        if _background(claim, latest):
            continue  # "since it bought Compaq for $19 billion in 2002": not one of the page's own deals or tolls
        if claim.type != "count":
            if role := claim_role(claim, synonyms):  # a page that tells of two falls has no one fall
                values.setdefault(("measure", claim.doc, role), set()).add(figure)
                _own_figure(values, claim, role)  # ... unless its lead, or its top, tells of one
            continue
        if claim.outcome in ANCHORED_OUTCOMES:
            values.setdefault(("document", claim.doc, claim.outcome), set()).add(figure)
            if claim.outcome == "killed" and claim.line <= TOP_LINES and claim.scope is None:
                guess = claim.bound == "~" and claim.low != claim.high  # "hundreds feared dead"
                values.setdefault(("top toll", claim.doc), set()).add((claim.line, figure, guess))
            _own_figure(values, claim, claim.outcome)  # the lead's toll is the page's own, whatever it recalls later
            place = canonical_name("place", claim.place, synonyms) if claim.place else None
            placed.setdefault((claim.doc, claim.outcome), {}).setdefault(place, set()).add(figure)
        head = head_key(claim.measure, synonyms)
        if claim.outcome is None and claim.scope != "part" and (role := claim_role(claim, synonyms)):
            _own_figure(values, claim, role)  # "fixes 26 flaws" in the lead, a bulletin's five further down
        # "four robbers, two of them dressed as women" gives one count of the robbers: a part is no other
        if head and not (claim.scope == "part" and head in ROLES):
            values.setdefault(("measure", claim.doc, head), set()).add(figure)
            if _A_LIST.search(claim.sentence):  # "27 air strikes and ... 28", not "16 trapped, not 14"
                values.setdefault(_listed_key(claim, head), set()).add(figure)
            if claim.place:  # "27 air strikes in Syria and 28 in Iraq": a page that splits the measure by place
                values.setdefault(("places", claim.doc, head), set()).add(canonical_name("place", claim.place, synonyms))
    for (doc, outcome), by_place in placed.items():
        for place, found in by_place.items():
            if place is not None:
                values[("document", doc, outcome, place)] = found | by_place.get(None, set())
    counts = Counter({key: len(found) for key, found in values.items()})
    counts.update(revisions_told(first_readings, by_sentence))
    counts.update({key: round(rate * _RATE_SCALE) for key, rate in rates.items()})
    for doc, cities in top_cities([claim for claim in claims if claim.scope != "conversion"], synonyms).items():
        counts[("top places", doc)] = len(cities)  # and each city's location as a number: the table stays one of counts
        for index, city in enumerate(sorted(cities)):
            counts[("top place", doc, index)] = _as_number(location(city))
    for key, found in values.items():
        if key[0] == "risen least":
            counts[key] = min(found)
        if key[0] == "lead name":  # each name as a number, as the top places are
            for index, number in enumerate(sorted(found)):
                counts[(*key, index)] = number
        if key[0] == "lead day":  # the one day the lead tells its figures of, if one (see recalled_figure)
            counts[key] = next(iter(found)) if len(found) == 1 else 0
        if key[0] == "lead" and len(found) == 1:  # the lead's one figure itself (see recalled_figure)
            counts[(*key, "figure")] = round(next(iter(found)))
        if key[0] == "lead" and key[2] in QUAKE_ROLES:  # the lead's readings no agency is named for
            counts[("lead unattributed", *key[1:])] = len(found - values.get(("lead reading", *key[1:]), set()))
        if key[0] == "top toll":  # the toll of the first line that gives one (a headline's "kill 32" over the
            first = min(line for line, _, _ in found)  # lead's sources' "28 earlier" and "35, said a hospital")
            tolls = {figure for line, figure, _ in found if line == first}
            if len(tolls) > 1:  # a count before a guess: "kills 138, hundreds feared dead" tells of 138
                tolls = {figure for line, figure, guess in found if line == first and not guess} or tolls
            counts[key] = len(tolls)
            if len(tolls) == 1:  # the toll itself, for pages to be set against each other
                counts[(*key, "figure")] = round(next(iter(tolls)))
    return counts


def stated_rate(doc: str, source: str, target: str, figures: Counter | FigureCounts) -> float | None:
    """The rate from ``source`` to ``target`` currency a page gives by converting a sum ("85 million euros ($108
    million)"), or None."""
    if found := figures[("rate", doc, source, target)]:
        return found / _RATE_SCALE
    if found := figures[("rate", doc, target, source)]:
        return _RATE_SCALE / found
    return None


_RATE_SCALE = 1_000_000_000  # a rate is kept to a billionth, as a whole number, so that the table stays one of counts


def _stated_rates(claims: list[Claim]) -> dict[tuple, float]:
    """("rate", document, from, to) -> the first rate each page gives between two currencies, by a conversion
    right after a sum in its sentence."""
    rates: dict[tuple, float] = {}
    for previous, claim in zip(claims, claims[1:]):
        if (claim.scope == "conversion" and previous.doc == claim.doc and previous.sentence == claim.sentence
                and previous.unit != claim.unit and is_currency(previous.unit) and is_currency(claim.unit)
                and previous.value and claim.value):
            rates.setdefault(("rate", claim.doc, previous.unit, claim.unit), claim.value / previous.value)
    return rates


def top_places(doc: str, figures: Counter | FigureCounts) -> frozenset[tuple[float, float]]:
    """Where the cities a page's headline and first sentence name lie, (latitude, longitude) each: two pages whose
    cities all lie far apart tell of two places' events."""
    return frozenset(_as_location(figures[("top place", doc, index)]) for index in range(figures[("top places", doc)]))


def top_gatherings(doc: str, figures: Counter | FigureCounts) -> frozenset[str]:
    """The kinds of gathering a page's headline and first sentence tell of ("Thousands march ...": a protest)."""
    return frozenset(kind for kind in GATHERING_KINDS if figures[("gathering", doc, kind)])


def lead_names(doc: str, figures: Counter | FigureCounts) -> frozenset[int]:
    """The names the sentences of a page's lead give (as :func:`name_numbers`): whom a sentence of the page
    that names no one tells of."""
    return frozenset(figures[("lead name", doc, index)] for index in range(figures[("lead name", doc)]))


def _own_figure(values: dict[tuple, set], claim: Claim, key: str) -> None:
    """Count a figure among its page's lead's figures of ``key`` (a role or an outcome) and its headline and first
    sentence's: where either gives one, it is the page's own (see :func:`lead_figure`), whatever the page recalls
    further down or adds of a district ("most of the dead were in Central Aceh, where 12 died")."""
    if told_of_another(claim):  # "the Angels also agreed to a $77.5 million deal": another's
        return
    if claim.line <= LEAD_LINES:
        values.setdefault(("lead", claim.doc, key), set()).add(claim.value)
        if key in QUAKE_ROLES and an_agencys_reading(claim):
            values.setdefault(("lead reading", claim.doc, key), set()).add(claim.value)
        values.setdefault(("lead day", claim.doc, key), set()).add(_day_number(claim))
    if claim.line <= TOP_LINES:
        values.setdefault(("top", claim.doc, key), set()).add(claim.value)


def _day_number(claim: Claim) -> int:
    """The day a figure is told of, as an ordinal, when its date is one day; 0 when it is not."""
    span = date_span(claim.date)
    return span[0].toordinal() if span and span[0] == span[1] else 0


def _as_number(point: tuple[float, float]) -> int:
    """A (latitude, longitude) to a thousandth of a degree, as one whole number."""
    return round((point[0] + 90) * 1000) * 1_000_000 + round((point[1] + 180) * 1000)


def _as_location(number: int) -> tuple[float, float]:
    return number // 1_000_000 / 1000 - 90, number % 1_000_000 / 1000 - 180


def top_toll(doc: str, figures: Counter | FigureCounts) -> int | None:
    """The death toll a page gives first, in its headline or first sentence, if it gives one: two pages whose tolls
    differ were written at different hours (or disagree), so their other running counts may be of different hours too."""
    return figures[("top toll", doc, "figure")] if figures[("top toll", doc)] == 1 else None


#: days before a page's latest day a figure must be dated to be background, not one of the page's own figures
BACKGROUND_DAYS = 60


def _latest_days(claims: list[Claim]) -> dict[str, date]:
    """The latest day each document dates a figure to: the day it tells of (its own date, most often). A day after
    the one it dates most figures to is one it looks ahead to ("will visit on June 22"), not one it tells of."""
    days: dict[str, Counter] = {}
    for claim in claims:
        if claim.date and len(claim.date) == 10 and (span := date_span(claim.date)):
            days.setdefault(claim.doc, Counter())[span[0]] += 1
    latest: dict[str, date] = {}
    for doc, counted in days.items():
        most = max(counted, key=lambda day: (counted[day], day))
        latest[doc] = max(day for day in counted if day <= most)
    return latest


def _background(claim: Claim, latest: dict[str, date]) -> bool:
    """Whether a page dates the figure well before the days it tells of ("in 2002", "last year")."""
    span = date_span(claim.date) if claim.date and claim.doc in latest else None
    return span is not None and (latest[claim.doc] - span[1]).days > BACKGROUND_DAYS


def page_tolls(claim: Claim, figures: Counter | FigureCounts, synonyms) -> int:
    """How many different counts of the claim's outcome its page gives, for its place when it names one (of its role,
    for a fall or a deal's price: see ``[roles]`` in the lexicon)."""
    if role := claim_role(claim, synonyms):
        if lead_figure(claim, figures, role):
            return 1
        return figures[("measure", claim.doc, role)]
    if claim.outcome in ANCHORED_OUTCOMES and lead_figure(claim, figures, claim.outcome):
        return 1
    if claim.place:
        return figures[("document", claim.doc, claim.outcome, canonical_name("place", claim.place, synonyms))]
    return figures[("document", claim.doc, claim.outcome)]


class FigureCounts:
    """Counts from several tables read as their sum, without copying them: a fact's figures per source beside the
    page counts of the whole set (adding Counters copied the set's table once per fact)."""

    def __init__(self, *tables: Counter) -> None:
        self.tables = tables

    def __getitem__(self, key) -> int:
        total = 0
        for table in self.tables:
            total += table.get(key, 0)
        return total


def top_weekdays(doc: str, figures: Counter | FigureCounts) -> frozenset[str]:
    """The weekdays a page's headline and first sentence name ("struck on Tuesday", "officials said Friday"): what an
    undated page tells of the days of its figures."""
    return frozenset(day for day in _WEEKDAYS if figures[("weekday", doc, day)])


def lead_days(text: str) -> tuple[frozenset[str], bool]:
    """:func:`days_told` by a page's headline and first sentence, read from its text: a top line may tell them without
    a figure ("Residents were still sleeping in cars on Saturday, a day after the quake"). See
    :attr:`claimcheck.model.Document.lead_days`."""
    return days_told("\n".join(text.split("\n", TOP_LINES)[:TOP_LINES]))


def days_told(text: str) -> tuple[frozenset[str], bool]:
    """The weekdays a text names (in lower case), and whether it tells of a day some time after an event ("A week
    after the boat overturned")."""
    return frozenset(day.lower() for day in _WEEKDAY.findall(text)), bool(_DAYS_AFTER.search(text))


def told_days_after(doc: str, figures: Counter | FigureCounts) -> bool:
    """Whether a page's headline or first sentence tells of a day some time after its event ("A week after the boat
    overturned, 71 bodies have been recovered"): its running counts are later than those of the event's first reports."""
    return bool(figures[("days after", doc)])


#: "A week after", "Ten days after", "two months since": a page written some time after its event
_DAYS_AFTER = re.compile(r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|\d+)\s+"
                         r"(?:days?|weeks?|months?)\s+(?:after|since|on\s+from)\b", re.I)
_WEEKDAYS = tuple(sorted(WEEKDAYS))
_WEEKDAY = re.compile(rf"\b({'|'.join(_WEEKDAYS)})\b", re.I)


def lead_figure(claim: Claim, figures: Counter | FigureCounts, key: str | None) -> bool:
    """Whether the claim is the one figure of its role (or count of its outcome) its page's lead gives ("died after
    falling 150 metres" in the lead; "another climber fell 700 metres elsewhere" further down): the page's own,
    whatever the page adds later."""
    if key is None or (claim.line <= LEAD_LINES and told_of_another(claim)):
        return False  # "Including Cueto's six-year deal" in a lead that tells of one deal: another's, not the lead's
    if (claim.line <= LEAD_LINES and figures[("lead", claim.doc, key)] == 1) or (
            claim.line <= TOP_LINES and figures[("top", claim.doc, key)] == 1):
        return True
    # "measured at magnitude 7.2 by Indonesian authorities and 6.9 by the US Geological Survey": a lead that gives
    # each agency's reading of a quake gives one quake's, each reading the page's own
    return (key in QUAKE_ROLES and claim.line <= LEAD_LINES and figures[("lead", claim.doc, key)] <= _READINGS
            and figures[("lead unattributed", claim.doc, key)] <= 1)


def recalled_figure(claim: Claim, figures: Counter | FigureCounts, key: str | None) -> bool:
    """Whether the claim is a toll told below the lead of a page whose lead gives one toll of its outcome and which
    gives another further down ("the deadliest since a hotel blast killed 40"): recalled, not the page's own (when
    it restates the lead's figure, the lead's own mention stands for it). A source's figure further down is its
    account of the lead's toll, unless it is more than ten times that toll (a war's, told below a shelling's)."""
    if (key is None or claim.line <= LEAD_LINES or figures[("lead", claim.doc, key)] != 1
            or key not in RUNNING_OUTCOMES):
        return False  # a march's crowd in another city is its own
    if claim.source:  # "at least 20,000 have been killed, according to the WHO" below a shelling's 19
        lead, day = figures[("lead", claim.doc, key, "figure")], figures[("lead day", claim.doc, key)]
        # ... or told of another day than the lead's ("On Sunday, a strike on a petrol station killed 8, residents
        # said" below Tuesday's strike on a school)
        return (0 < lead * _A_TOTALS_TIMES < claim.value
                or (_day_number(claim) not in (0, day) and bool(days_named(claim.sentence))))
    return figures[("document", claim.doc, key)] >= 2


def aside_figure(claim: Claim, figures: Counter | FigureCounts, key: str | None) -> bool:
    """Whether the claim is a count of people killed or hurt told below the lead of a page whose lead tells of no one
    killed or hurt: an aside of a story about something else ("Ethnic clashes in 2010 killed more than 400 people"
    in an election story), not the page's own toll (a bank fire's lead tells of its dead, and its injured later)."""
    return (key in _TOLLS and claim.line > LEAD_LINES
            and not any(figures[("lead", claim.doc, toll)] for toll in _TOLLS))


_TOLLS = ("killed", "injured")  # a crowd is often told further down a story about a strike


#: times a page's lead toll a source's count further down must be to be another, larger count (a war's): two sources'
#: accounts of one toll differ up to tenfold ("officials said over 100 died; the monitor said 10")
_A_TOTALS_TIMES = 10


def a_places_share(claim: Claim, other: Claim, figures: Counter | FigureCounts, synonyms) -> bool:
    """Whether ``claim`` is one place's share of a measure its page splits by place ("27 air strikes in Syria and 28
    in Iraq"; "13 people died in Elazig and five in neighbouring Malatya") and ``other`` names no place or a place
    that holds it (Turkey): then ``other`` may be the whole, not an account of the share."""
    return (bool(claim.place) and (not other.place or (other.place != claim.place and within(claim.place, other.place)))
            and figures[("places", claim.doc, head_key(claim.measure, synonyms))] >= 2)


def a_listed_share(claim: Claim, figures: Counter | FigureCounts, synonyms) -> bool:
    """Whether a count is one of several figures of its measure its sentence's source lists ("Qadiri aircraft carried
    out 27 air strikes and Belthari jets 28"): a share of a whole another page may give, not an account of it."""
    return (claim.type == "count" and claim.scope != "total"
            and figures[_listed_key(claim, head_key(claim.measure, synonyms))] >= 2)


def _listed_key(claim: Claim, head: str | None) -> tuple:
    """The figures one source lists in one sentence of a page, of one measure and outcome, are counted under this."""
    return "listed", claim.doc, claim.line, claim.source, head, claim.outcome


_A_LIST = re.compile(r"\d[^.;:!?]*\band\b[^.;:!?]*\d")  # two figures a sentence joins by "and"


def few_on_page(claim: Claim, figures: Counter | FigureCounts, synonyms) -> bool:
    """Whether the claim's page gives few different figures of its measure (see :func:`page_figures`)."""
    tolls = figures[("document", claim.doc, claim.outcome)] if claim.outcome in ANCHORED_OUTCOMES else 0
    return max(tolls, figures[("measure", claim.doc, head_key(claim.measure, synonyms))]) <= FIGURES_PER_PAGE


#: lines with figures a page needs to be an article, not a headline or a one-line brief ("20 insurgents killed!")
ARTICLE_LINES = 3


def an_article(claim: Claim, figures: Counter | FigureCounts) -> bool:
    """Whether the claim's page is an article (figures on several lines), so that its only toll is *the* toll of
    what it tells; two undated headlines of one kind ("20 insurgents were killed!") tell of two incidents as often
    as of one."""
    return figures[("lines", claim.doc)] >= ARTICLE_LINES


def source_key(claim: Claim) -> tuple:
    """A source's figures of one place, the parts it tells of a whole apart: "killed 41, including nine children"
    gives one toll, and one count of children killed; "235,000 comments, at least 208,000 of which were form
    letters" one count of comments."""
    return claim.doc, claim.source, (claim.place or None), claim.scope == "part"


def included(claim: Claim) -> bool:
    """Whether a figure is a part told inside the whole before it: "killed 41 people, including nine children"."""
    position = claim.sentence.find(claim.text)
    return claim.scope == "part" and position > 0 and bool(_INCLUDED.search(claim.sentence, 0, position))


_INCLUDED = re.compile(rf"\b(?:{PART_CUES})\s+{HEDGE}$", re.I)


def paragraph_key(claim: Claim) -> tuple:
    """A source's figures in one paragraph: a long article cites a monitor many times, once in each paragraph."""
    return "paragraph", claim.doc, claim.source, claim.line


def own_and_sourced(first: Claim, second: Claim) -> bool:
    """Whether one paragraph gives one figure as its own and the other as a source's ("over 100 were reported killed.
    However, state media said 10 had been killed"): two accounts too."""
    return first.line == second.line and bool(first.source) != bool(second.source)


def set_against(first: Claim, second: Claim) -> bool:
    """Whether one sentence sets its later figure against its earlier one as another's account of it: "put the
    magnitude at 6.0, lower than the 6.3 reported by the international monitoring service"."""
    if first.sentence != second.sentence or first.doc != second.doc:
        return False
    later = max((first, second), key=lambda claim: claim.start)
    return bool(_SET_AGAINST.search(before_figure(later)[-60:])) and bool(later.source)


#: a comparison right before a figure another source gave: "lower than the 6.3 reported by", "far fewer than the
#: roughly 28,000 claimed by the union", "a higher toll than the 12 given by the army", "well above the ministry's
#: official toll of 17"
_SET_AGAINST = re.compile(r"(?:\b(?:lower|higher|less|more|greater|smaller|larger|fewer)\s+(?:[a-z]+\s+)?than|"
                          r"\b(?:above|below|beyond|exceeding|short\s+of))\s+the\s+"
                          r"(?:[\w'’]+\s+){0,3}?(?:(?:toll|count|figure|tally|estimate|number)\s+of\s+)?"
                          r"(?:roughly\s+|about\s+|some\s+|around\s+|nearly\s+|estimated\s+)?$", re.I)


def two_sources(first: Claim, second: Claim) -> bool:
    """Whether two figures are attributed to two different, named sources."""
    sources = [" ".join((claim.source or "").lower().split()) for claim in (first, second)]
    return all(sources) and sources[0] != sources[1] and sources[0] not in sources[1] and sources[1] not in sources[0]
