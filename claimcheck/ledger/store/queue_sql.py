"""The desk's queue as SQL: filters, search, sort and facet counts over findings, built once for every backend.

Every value a user gives is a bound parameter; column names, sort expressions and operators come only from the
fixed tables below, so nothing typed in a filter or search box reaches the SQL text. A backend passes its
dialect: its parameter mark (``?`` or ``%s``) and its literal for true.

What a finding is searched and sorted by is kept beside it when it is saved (``finding_index``: its latest source
date and outlets; ``finding_search``: its text in lower case; ``finding_outlets``, ``finding_events``: one row per
outlet or event of its sources), so a queue
page reads small tables (and a covering index of findings) instead of joining every claim. Facet counts come from one grouped query (a few hundred combinations of status,
review, severity, rule and assignee) and one each for outlets and events, counted here with the usual rule: each facet
counts the findings the *other* filters let through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .base import QUEUE_FILTERS, QUEUE_SORTS, QueueQuery


@dataclass(frozen=True)
class Dialect:
    mark: str  # the parameter placeholder
    true: str  # the literal stored for true
    in_ids: str  # "f.id is one of a list given as one parameter"
    ids: Callable[[list[int]], object]  # that parameter from a list of ids
    first: str  # a join whose left table is read first (SQLite's CROSS JOIN; PostgreSQL's planner chooses itself)


_BASE = "FROM findings f JOIN reviews r ON r.finding_id = f.id"
_INDEX = " LEFT JOIN finding_index x ON x.finding_id = f.id"
_SOURCE_TABLES = {"outlet": ("finding_outlets", "outlet"), "event": ("finding_events", "event")}  # several per finding
SOURCE_FACETS = list(_SOURCE_TABLES)
_COLUMNS = {"status": "f.status", "review": "r.status", "severity": "f.severity", "rule": "f.rule", "kind": "f.kind",
            "assignee": "r.assignee", "fact": "f.fact"}
#: the facets counted from the grouped query (outlet and event have a query each; kind and fact are filters only: a
#: rule has one kind, and grouping by the facts' long keys would double the query's time)
DIMENSIONS = ["status", "review", "severity", "rule", "assignee"]
_SEVERITY = "CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END"
_STATUS = "CASE f.status WHEN 'violated' THEN 0 WHEN 'changed' THEN 1 ELSE 2 END"
_REVIEW = ("CASE r.status WHEN 'open' THEN 0 WHEN 'needs-source' THEN 1 WHEN 'confirmed' THEN 2 "
           "WHEN 'published' THEN 3 ELSE 4 END")
_DATE = "x.date"  # '' when undated
_ORDER = {
    "priority": [_STATUS, _REVIEW, _SEVERITY, f"{_DATE} DESC", "f.id DESC"],
    "date": ["x.date", "x.finding_id"],  # read in the order of the date index
    "updated": ["r.updated_at", "f.id"],
    "severity": [_SEVERITY, _STATUS, "f.id"],
    "status": [_STATUS, _SEVERITY, "f.id"],
    "rule": ["f.rule", "f.id"],
    "review": [_REVIEW, "f.id"],
    "assignee": ["COALESCE(r.assignee, '')", "f.id"],
    # a finding quoting several outlets (events) sorts under the first by name; one with none last
    "outlet": ["COALESCE((SELECT MIN(o.outlet) FROM finding_outlets o WHERE o.finding_id = f.id), '~')", "f.id"],
    "event": ["COALESCE((SELECT MIN(o.event) FROM finding_events o WHERE o.finding_id = f.id), '~')", "f.id"],
    "id": ["f.id"],
}
assert set(_ORDER) == set(QUEUE_SORTS)
FACET_LIMIT = 25
SELECT = ("f.id, f.fingerprint, f.rule, f.kind, f.status, f.severity, f.message, f.fact, f.claims_digest, f.present,"
          " f.first_seen, f.last_seen, f.lineage, r.status AS review, r.assignee, r.note, r.updated_at, r.version")


def like_pattern(text: str) -> str:
    """``text`` as a LIKE pattern matching it anywhere, literally (``%``, ``_`` and ``\\`` escaped)."""
    return "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def source(query: QueueQuery, index: bool = False, dialect: Dialect | None = None) -> str:
    """The FROM clause: findings and reviews, with the index when the query needs it (sorted by date, read from
    the index's date order, so a page of the newest findings stops after a page of rows)."""
    if query.sort == "date" and dialect is not None:
        return (f"FROM finding_index x {dialect.first} findings f ON f.id = x.finding_id"
                f" {dialect.first} reviews r ON r.finding_id = f.id")
    return _BASE + (_INDEX if index or query.date_from or query.date_to else "")


def search(query: QueueQuery, dialect: Dialect) -> tuple[str, list] | None:
    """The ids of the findings whose text has every word searched for (None: no search). A queue page runs this
    once and its other queries take the ids, instead of each reading every finding's text again."""
    terms = query.search.split()
    if not terms:
        return None
    return ("SELECT finding_id FROM finding_search WHERE " + " AND ".join(f"text LIKE {dialect.mark} ESCAPE '\\'" for _ in terms),
            [like_pattern(term) for term in terms])


def where(query: QueueQuery, dialect: Dialect, without: str | tuple[str, ...] = (),
          hits: list[int] | None = None) -> tuple[str, list]:
    """The WHERE clause (and its parameters) for ``query``: what is kept, the search (the ids ``hits`` it found),
    the dates and the facet filters (but those named in ``without``)."""
    without = (without,) if isinstance(without, str) else without
    m = dialect.mark
    conditions = [f"(f.present = {dialect.true} OR r.status IN ('confirmed', 'published', 'needs-source'))"]
    parameters: list = []
    if hits is not None:
        conditions.append(dialect.in_ids)
        parameters.append(dialect.ids(hits))
    if query.date_from:
        conditions.append(f"x.date >= {m}")
        parameters.append(query.date_from)
    if query.date_to:
        conditions.append(f"x.date <> '' AND x.date <= {m}")
        parameters.append(query.date_to + "~")  # "2018-02" takes in every day of February
    for name in QUEUE_FILTERS:
        values = [str(value) for value in query.filters.get(name, [])]
        if not values or name in without:
            continue
        marks = ", ".join(m for _ in values)
        if name in _SOURCE_TABLES:
            table, column = _SOURCE_TABLES[name]
            found = f"EXISTS (SELECT 1 FROM {table} o WHERE o.finding_id = f.id AND o.{column} IN ({marks}))"
            conditions.append(found if "" not in values else
                              f"({found} OR NOT EXISTS (SELECT 1 FROM {table} o WHERE o.finding_id = f.id))")
        else:
            conditions.append(f"COALESCE({_COLUMNS[name]}, '') IN ({marks})")
        parameters.extend(values)
    return " WHERE " + " AND ".join(conditions), parameters


def rows(query: QueueQuery, dialect: Dialect, hits: list[int] | None = None,
         combos: list[tuple] | None = None) -> tuple[str, list]:
    """One page of rows. In the default order, ``combos`` (the grouped counts) say which tiers of status, review
    and severity the page falls in, so only those are sorted (the first page of 60,000 findings sorts a few
    thousand); the offset is taken within them."""
    clause, parameters = where(query, dialect, hits=hits)
    offset, tiers = int(query.offset), []
    if combos is not None and query.sort == "priority" and not query.descending:
        tiers, offset = page_tiers(combos, query)
        if not tiers:
            return f"SELECT {SELECT}, x.date AS date, x.outlets AS outlets {source(query, True, dialect)} WHERE 1 = 0", []
        m = dialect.mark
        clause += " AND (" + " OR ".join(f"(f.status = {m} AND r.status = {m} AND f.severity = {m})" for _ in tiers) + ")"
        parameters += [value for tier in tiers for value in tier]
    order = list(_ORDER[query.sort])
    if query.descending:
        order = [f"{part} DESC" if not part.endswith(" DESC") else part[:-5] for part in order]
    tables = source(query, True, dialect)
    narrowed = query.search.split() or any(query.filters.get(name) for name in ("outlet", "event", "kind", "fact"))
    if combos is not None and query.sort == "priority" and not query.descending and len(tiers) == 1 and not narrowed:
        # one tier: newest first is the date index read backwards, which stops after a page of rows (a narrower
        # filter would make that read long: then the tier's rows are sorted instead)
        tables = (f"FROM finding_index x {dialect.first} findings f ON f.id = x.finding_id"
                  f" {dialect.first} reviews r ON r.finding_id = f.id")
        order = ["x.date DESC", "x.finding_id DESC"]
    sql = (f"SELECT {SELECT}, x.date AS date, x.outlets AS outlets {tables}{clause}"
           f" ORDER BY {', '.join(order)}"
           f" LIMIT {int(query.limit)} OFFSET {offset}")
    return sql, parameters


_RANKS = {"status": {"violated": 0, "changed": 1}, "review": {"open": 0, "needs-source": 1, "confirmed": 2, "published": 3},
          "severity": {"error": 0, "warning": 1}}


def page_tiers(combos: list[tuple], query: QueueQuery) -> tuple[list[tuple[str, str, str]], int]:
    """The (status, review, severity) tiers a page of the default order falls in, and its offset within them."""
    wanted = {name: set(query.filters.get(name, [])) for name in DIMENSIONS}
    sizes: dict[tuple[str, str, str], int] = {}
    for *values, n in combos:
        if all(not wanted[name] or values[i] in wanted[name] for i, name in enumerate(DIMENSIONS)):
            tier = (values[0], values[1], values[2])
            sizes[tier] = sizes.get(tier, 0) + n
    ordered = sorted(sizes, key=lambda t: (_RANKS["status"].get(t[0], 2), _RANKS["review"].get(t[1], 4),
                                           _RANKS["severity"].get(t[2], 2), t))
    start, chosen, first = 0, [], None
    for tier in ordered:
        end = start + sizes[tier]
        if end > query.offset and start < query.offset + query.limit:
            chosen.append(tier)
            first = start if first is None else first
        start = end
    return chosen, query.offset - (first or 0)


def combinations(query: QueueQuery, dialect: Dialect, hits: list[int] | None = None) -> tuple[str, list]:
    """Counts per combination of the facet columns among the findings the search, the dates and the filters on
    other columns (outlet, kind, fact) let through."""
    clause, parameters = where(query, dialect, without=tuple(DIMENSIONS), hits=hits)
    columns = ", ".join(f"COALESCE({_COLUMNS[name]}, '')" for name in DIMENSIONS)
    return f"SELECT {columns}, count(*) {source(query)}{clause} GROUP BY {columns}", parameters


def source_facet(name: str, query: QueueQuery, dialect: Dialect, hits: list[int] | None = None) -> tuple[str, list]:
    """Findings per outlet (or event) among those every other filter lets through (a finding counts under each of
    its sources' outlets; findings without one under '')."""
    table, column = _SOURCE_TABLES[name]
    clause, parameters = where(query, dialect, without=name, hits=hits)
    return (f"SELECT COALESCE(o.{column}, ''), count(*) {source(query)} LEFT JOIN {table} o ON o.finding_id = f.id"
            f"{clause} GROUP BY COALESCE(o.{column}, '')", parameters)


def count(combos: list[tuple], source_counts: dict[str, list[tuple]], query: QueueQuery) -> tuple[int, dict[str, list[tuple[str, int]]]]:
    """The total and the facet counts from the grouped rows: each facet counts what the other filters let through."""
    wanted = {name: set(query.filters.get(name, [])) for name in DIMENSIONS}

    def passes(values: tuple, skip: str | None) -> bool:
        return all(not wanted[name] or values[i] in wanted[name] for i, name in enumerate(DIMENSIONS) if name != skip)

    facets: dict[str, dict[str, int]] = {name: {} for name in DIMENSIONS}
    total = 0
    for *values, n in combos:
        values = tuple(values)
        if passes(values, None):
            total += n
        for i, name in enumerate(DIMENSIONS):
            if passes(values, name):
                facets[name][values[i]] = facets[name].get(values[i], 0) + n
    for name, counts in source_counts.items():
        facets[name] = dict(counts)
    return total, {name: sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:FACET_LIMIT]
                   for name, counts in facets.items()}
