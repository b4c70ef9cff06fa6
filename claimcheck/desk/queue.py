"""The queue, the desk's home page: findings filtered, sorted and searched, counts per facet, bulk status changes.

Query parameters are read into a :class:`QueueQuery` and checked here (known sort keys, dates, sizes); the values
themselves only ever reach the database as bound parameters.
"""

from __future__ import annotations

import re

from starlette.responses import RedirectResponse, Response

from ..errors import InputError
from ..ledger import REVIEW_STATUSES
from ..ledger.store import QueueQuery, ReviewConflict
from ..ledger.store.base import QUEUE_FILTERS, QUEUE_SORTS
from .web import Context, guarded

PAGE_SIZE = 50
DEFAULT = [("status", "violated"), ("status", "changed")]  # the home page hides consistent findings until asked
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
FACET_TITLES = {"status": "Finding", "review": "Review", "severity": "Severity", "rule": "Rule", "event": "Event",
                "outlet": "Outlet", "assignee": "Assignee"}


def parse(params: list[tuple[str, str]]) -> tuple[QueueQuery, int]:
    """The query the parameters ask for, and the page number; a value the queue cannot use is one clear error."""
    filters: dict[str, list[str]] = {}
    params = [(name, value.replace("\x00", "\ufffd")) for name, value in params]  # no NUL reaches a database
    for name, value in params:
        if name in QUEUE_FILTERS:
            if len(value) > 300:
                raise InputError(f"{name}: a filter value is at most 300 characters")
            filters.setdefault(name, []).append(value)
    if any(len(values) > 100 for values in filters.values()):
        raise InputError("at most 100 values per filter")
    values = dict(params)
    search = values.get("q", "")
    if len(search) > 300:
        raise InputError("search: at most 300 characters")
    dates = {}
    for key in ("from", "to"):
        dates[key] = values.get(key, "").strip()
        if dates[key] and not _DATE.fullmatch(dates[key]):
            raise InputError(f"{key}: give a date as YYYY, YYYY-MM or YYYY-MM-DD, not {dates[key]!r}")
    sort = values.get("sort", "priority") or "priority"
    if sort not in QUEUE_SORTS:
        raise InputError(f"unknown sort {sort!r} (choose from {', '.join(QUEUE_SORTS)})")
    order = values.get("order", "asc") or "asc"
    if order not in ("asc", "desc"):
        raise InputError("order is asc or desc")
    try:
        page = int(values.get("page", "1") or "1")
    except ValueError:
        raise InputError("page is a number") from None
    if not 1 <= page <= 100000:
        raise InputError("page is between 1 and 100000")
    query = QueueQuery(filters=filters, search=search, date_from=dates["from"], date_to=dates["to"], sort=sort,
                       descending=order == "desc", limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return query, page


@guarded("viewer")
def queue(context: Context) -> Response:
    params = list(context.request.query_params.multi_items())
    if not params:
        params = list(DEFAULT)
    try:
        query, page = parse(params)
    except InputError as error:
        return context.error(400, str(error))
    result = context.store.queue(query, context.desk.counts.counts(query))
    pages = max(1, -(-result.total // PAGE_SIZE))
    shown_events = [value for value, _ in result.facets.get("event", [])] + query.filters.get("event", [])
    labels = {"event": context.store.event_labels(shown_events)}
    return context.render("queue.html.j2", result=result, params=params, query=query, page=page, pages=pages,
                          facet_titles=FACET_TITLES, sorts=QUEUE_SORTS, labels=labels,
                          notice=context.request.query_params.get("done"))


@guarded("reviewer", change=True)
def bulk(context: Context) -> Response:
    """Set the status of the ticked findings (each named with the review version the page showed)."""
    form = context.form
    status = str(form.get("status", ""))
    if status not in REVIEW_STATUSES:
        return context.error(400, f"unknown review status {status!r} (choose from {', '.join(REVIEW_STATUSES)})")
    if status == "published" and not context.user.can("editor"):
        return context.error(403, f"{context.user.name} is a {context.user.role}: only an editor publishes.")
    picked = []
    for value in form.getlist("pick"):
        try:
            finding_id, version = (int(part) for part in str(value).split(":"))
        except ValueError:
            return context.error(400, f"not a finding: {str(value)[:40]!r}")
        picked.append((finding_id, version))
    if not picked:
        return context.error(400, "tick at least one finding")
    if len(picked) > 500:
        return context.error(400, "at most 500 findings at once")
    note = str(form.get("note", "")).strip() or None
    changed, conflicts = [], []
    with context.store.transaction():
        for finding_id, version in picked:
            record = context.store.finding(finding_id)
            if record is None:
                continue
            if record.review == "published" and not context.user.can("editor"):
                conflicts.append(f"#{finding_id} is published (only an editor changes it)")
                continue
            try:
                context.store.set_review(finding_id, status, None, note, context.user.name, expected_version=version)
                changed.append((record, finding_id))
            except ReviewConflict:
                conflicts.append(f"#{finding_id} was changed by someone else")
        context.audit("bulk status", ", ".join(f"#{i}" for _, i in changed), f"to {status}")
    for before, finding_id in changed:
        context.reviewed(before, finding_id)
    back = str(form.get("back", "/")) or "/"
    if not back.startswith("/?") and back != "/":
        back = "/"
    message = f"{len(changed)} set to {status}" + (f"; not changed: {'; '.join(conflicts)}" if conflicts else "")
    if conflicts:
        return context.render("error.html.j2", status_code=409, status=409, message=message, back=back)
    separator = "&" if "?" in back else "?"
    return RedirectResponse(f"{back}{separator}done={len(changed)}", status_code=303)
