"""The finding page: the sources side by side with the numbers highlighted and the arithmetic, why they are taken
to report one quantity, and the review (status, assignee, note, history) with its form and keyboard shortcuts."""

from __future__ import annotations

from starlette.responses import RedirectResponse, Response

from ..ledger import REVIEW_STATUSES
from ..ledger.store import ReviewConflict
from .views_common import by_sentence, sources
from .web import Context, guarded


def _finding_id(context: Context) -> int | None:
    try:
        return int(context.request.path_params["finding_id"])
    except (KeyError, ValueError):
        return None


def finding_page(context: Context, finding_id: int, status_code: int = 200, **extra) -> Response:
    store = context.store
    record = store.finding(finding_id)
    if record is None:
        return context.error(404, f"no finding #{finding_id}")
    claim_records = store.claim_records(claim_ids=store.finding_claim_ids(finding_id))
    found = sources(store, claim_records)
    fact_ids = list(dict.fromkeys(r.fact_id for r in claim_records if r.fact_id is not None))
    facts = [fact for fact in (store.fact(i) for i in fact_ids) if fact is not None]
    events = sorted(store.event_labels(sorted({source.event for source in found if source.event})).items(),
                    key=lambda item: item[1])
    history = store.review_events(finding_id)
    statuses = [s for s in REVIEW_STATUSES if s != "published" or context.user.can("editor") or record.review == s]
    return context.render("finding.html.j2", status_code=status_code, record=record, sources=found,
                          sentences=by_sentence(found), facts=facts,
                          events=events, history=history, statuses=statuses, **extra)


@guarded("viewer")
def show(context: Context) -> Response:
    finding_id = _finding_id(context)
    if finding_id is None:
        return context.error(404, "no such finding")
    return finding_page(context, finding_id)


@guarded("reviewer", change=True)
def save(context: Context) -> Response:
    """Save the review form: refused with a conflict when the review changed since the form was loaded."""
    finding_id = _finding_id(context)
    record = context.store.finding(finding_id) if finding_id is not None else None
    if record is None:
        return context.error(404, "no such finding")
    form = context.form
    status = str(form.get("status", "")) or record.review
    if status not in REVIEW_STATUSES:
        return context.error(400, f"unknown review status {status!r} (choose from {', '.join(REVIEW_STATUSES)})")
    if "published" in (status, record.review) and status != record.review and not context.user.can("editor"):
        return context.error(403, f"{context.user.name} is a {context.user.role}: only an editor publishes "
                                  "(or takes a published finding back).")
    try:
        version = int(str(form.get("version", "")))
    except ValueError:
        return context.error(400, "the form has no review version: reload the finding and try again")
    note = str(form.get("note", "")).strip() or None
    assignee = str(form.get("assignee", record.assignee or "")).strip()
    if len(assignee) > 100 or (note and len(note) > 10000):
        return context.error(400, "the assignee is at most 100 characters and a note at most 10,000")
    try:
        context.ledger.set_review(finding_id, status, note=note, assignee=assignee, who=context.user.name,
                                  expected_version=version)
    except ReviewConflict as conflict:
        return finding_page(context, finding_id, status_code=409, conflict=str(conflict),
                            draft={"status": status, "note": note or "", "assignee": assignee})
    context.reviewed(record, finding_id)
    return RedirectResponse(f"/findings/{finding_id}?saved=1", status_code=303)
