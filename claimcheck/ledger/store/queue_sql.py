"""The desk's queue as SQL: filters, search, sort and facet counts over findings, built once for every backend.

Every value a user gives is a bound parameter; column names, sort expressions and operators come only from the
fixed tables below, so nothing typed in a filter or search box reaches the SQL text. A backend passes its
dialect: its parameter mark (``?`` or ``%s``), its case-insensitive LIKE and its literal for true.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import QUEUE_FILTERS, QUEUE_SORTS, QueueQuery


@dataclass(frozen=True)
class Dialect:
    mark: str  # the parameter placeholder
    ilike: str  # a case-insensitive LIKE
    true: str  # the literal stored for true


_BASE = "FROM findings f JOIN reviews r ON r.finding_id = f.id"
_SOURCES = ("finding_claims fc JOIN claims c ON c.id = fc.claim_id JOIN documents d ON d.id = c.document_id")
_COLUMNS = {"status": "f.status", "review": "r.status", "severity": "f.severity", "rule": "f.rule", "kind": "f.kind",
            "assignee": "r.assignee", "fact": "f.fact"}
DATE = f"(SELECT max(d.date) FROM {_SOURCES} WHERE fc.finding_id = f.id)"
_SEVERITY = "CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END"
_STATUS = "CASE f.status WHEN 'violated' THEN 0 WHEN 'changed' THEN 1 ELSE 2 END"
_REVIEW = ("CASE r.status WHEN 'open' THEN 0 WHEN 'needs-source' THEN 1 WHEN 'confirmed' THEN 2 "
           "WHEN 'published' THEN 3 ELSE 4 END")
_ORDER = {
    "priority": [_STATUS, _REVIEW, _SEVERITY, "date DESC", "f.id"],
    "date": ["date", "f.id"],
    "updated": ["r.updated_at", "f.id"],
    "severity": [_SEVERITY, _STATUS, "f.id"],
    "status": [_STATUS, _SEVERITY, "f.id"],
    "rule": ["f.rule", "f.id"],
    "review": [_REVIEW, "f.id"],
    "assignee": ["COALESCE(r.assignee, '')", "f.id"],
    "id": ["f.id"],
}
assert set(_ORDER) == set(QUEUE_SORTS)
FACET_LIMIT = 40
SELECT = ("f.id, f.fingerprint, f.rule, f.kind, f.status, f.severity, f.message, f.fact, f.claims_digest, f.present,"
          " f.first_seen, f.last_seen, f.lineage, r.status AS review, r.assignee, r.note, r.updated_at, r.version")


def _escape_like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where(query: QueueQuery, dialect: Dialect, without: str | None = None) -> tuple[str, list]:
    """The WHERE clause (and its parameters) for ``query``, leaving out the filter named ``without``."""
    m = dialect.mark
    conditions = [f"(f.present = {dialect.true} OR r.status IN ('confirmed', 'published', 'needs-source'))"]
    parameters: list = []
    for name in QUEUE_FILTERS:
        values = [str(value) for value in query.filters.get(name, [])]
        if name == without or not values:
            continue
        marks = ", ".join(m for _ in values)
        if name == "outlet":
            conditions.append(f"EXISTS (SELECT 1 FROM {_SOURCES} WHERE fc.finding_id = f.id"
                              f" AND COALESCE(d.outlet, '') IN ({marks}))")
        else:
            conditions.append(f"COALESCE({_COLUMNS[name]}, '') IN ({marks})")
        parameters.extend(values)
    for term in query.search.split():
        pattern = _escape_like(term)
        like = f"{dialect.ilike} {m} ESCAPE '\\'"
        conditions.append(f"(f.message {like} OR f.rule {like} OR EXISTS (SELECT 1 FROM finding_claims fc"
                          f" JOIN claims c ON c.id = fc.claim_id WHERE fc.finding_id = f.id"
                          f" AND (c.sentence {like} OR c.text {like})))")
        parameters.extend([pattern] * 4)
    if query.date_from:
        conditions.append(f"{DATE} >= {m}")
        parameters.append(query.date_from)
    if query.date_to:
        conditions.append(f"{DATE} <= {m}")
        parameters.append(query.date_to + "~")  # "2018-02" takes in every day of February
    return " WHERE " + " AND ".join(conditions), parameters


def rows(query: QueueQuery, dialect: Dialect) -> tuple[str, list]:
    clause, parameters = where(query, dialect)
    order = list(_ORDER[query.sort])
    if query.descending:
        order = [f"{part} DESC" if not part.endswith(" DESC") else part[:-5] for part in order[:-1]] + ["f.id DESC"]
    sql = (f"SELECT {SELECT}, {DATE} AS date {_BASE}{clause} ORDER BY {', '.join(order)}"
           f" LIMIT {int(query.limit)} OFFSET {int(query.offset)}")
    return sql, parameters


def total(query: QueueQuery, dialect: Dialect) -> tuple[str, list]:
    clause, parameters = where(query, dialect)
    return f"SELECT count(*) {_BASE}{clause}", parameters


def facet(name: str, query: QueueQuery, dialect: Dialect) -> tuple[str, list]:
    """Counts of each value of ``name`` among the findings the other filters let through."""
    clause, parameters = where(query, dialect, without=name)
    if name == "outlet":
        return (f"SELECT COALESCE(d.outlet, '') AS value, count(DISTINCT f.id) AS n {_BASE}"
                " JOIN finding_claims fc ON fc.finding_id = f.id JOIN claims c ON c.id = fc.claim_id"
                f" JOIN documents d ON d.id = c.document_id{clause} GROUP BY COALESCE(d.outlet, '') ORDER BY n DESC, value"
                f" LIMIT {FACET_LIMIT}", parameters)
    column = _COLUMNS[name]
    return (f"SELECT COALESCE({column}, '') AS value, count(*) AS n {_BASE}{clause} GROUP BY COALESCE({column}, '')"
            f" ORDER BY n DESC, value LIMIT {FACET_LIMIT}", parameters)


def outlets(finding_ids: list[int], dialect: Dialect) -> tuple[str, list]:
    marks = ", ".join(dialect.mark for _ in finding_ids)
    return (f"SELECT DISTINCT fc.finding_id, d.outlet FROM {_SOURCES} WHERE fc.finding_id IN ({marks})"
            " AND d.outlet IS NOT NULL ORDER BY fc.finding_id, d.outlet", list(finding_ids))
