"""Exports from the desk: ClaimReview JSON-LD (author, rating scale and URL base from the desk's config), findings
and facts as CSV or JSON, and the static HTML report for one finding, one fact or one event."""

from __future__ import annotations

import io
import json

from starlette.responses import Response

from ..ledger.exports import claimreview, write_facts, write_findings_export
from ..report import render_html
from ..result import CheckResult
from .web import Context, guarded

TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'"


@guarded("viewer")
def exports_page(context: Context) -> Response:
    return context.render("exports.html.j2")


@guarded("viewer")
def claimreview_export(context: Context) -> Response:
    settings = context.desk.settings
    wanted = _ids(context.request.query_params.getlist("finding"))
    if wanted is False:
        return context.error(400, "finding: give finding numbers")
    reviews = claimreview(context.ledger, settings.base_url, author=settings.author, ratings=settings.ratings,
                          best=settings.best_rating, worst=settings.worst_rating, finding_ids=wanted or None)
    return _download(json.dumps(reviews, indent=2, ensure_ascii=False) + "\n", "application/ld+json; charset=utf-8",
                     "claimreview.json")


@guarded("viewer")
def table_export(context: Context) -> Response:
    kind, format = context.request.path_params["kind"], context.request.path_params["format"]
    if kind not in ("findings", "facts") or format not in TYPES:
        return context.error(404, "exports are findings or facts, as csv or json")
    stream = io.StringIO()
    (write_facts if kind == "facts" else write_findings_export)(context.ledger, stream, format)
    return _download(stream.getvalue(), TYPES[format], f"{kind}.{format}")


@guarded("viewer")
def report_export(context: Context) -> Response:
    """The self-contained HTML report, for one finding (``?finding=ID``), one fact (``?fact=ID``), one event
    (``?event=NAME``) or the whole ledger."""
    params = context.request.query_params
    result, reviews = context.ledger.result()
    findings, title = result.findings, "claimcheck ledger report"
    if "finding" in params:
        wanted = _ids([params["finding"]])
        record = context.store.finding(next(iter(wanted))) if wanted else None
        if record is None:
            return context.error(404, "no such finding")
        findings, title = [f for f in findings if f.fingerprint == record.fingerprint], f"Finding #{record.id}"
    elif "fact" in params:
        wanted = _ids([params["fact"]])
        fact = context.store.fact(next(iter(wanted))) if wanted else None
        if fact is None:
            return context.error(404, "no such fact")
        findings, title = [f for f in findings if f.fact == str(fact.key)], f"Fact #{fact.id}: {fact.key}"
        result.facts = [f for f in result.facts if f.id == fact.id]
    elif "event" in params:
        event = next((event for event in result.events if event.id == params["event"]), None)
        if event is None:
            return context.error(404, f"no event {params['event']!r} in this ledger")
        docs = set(event.documents)
        findings, title = [f for f in findings if {c.doc for c in f.claims} & docs], f"Event: {event.label or event.id}"
    if findings is not result.findings:
        docs = {claim.doc for finding in findings for claim in finding.claims}
        keys = {finding.fact for finding in findings if finding.fact}
        result = CheckResult([d for d in result.documents if d.id in docs], [c for c in result.claims if c.doc in docs],
                             result.facts if "fact" in params else [f for f in result.facts if str(f.key) in keys],
                             findings, events=result.events, checked=len({id(c) for f in findings for c in f.claims}))
    html = render_html(result.findings, result.facts, result.documents, result.claims, result.summary, reviews, title=title,
                       events=result.events)
    response = _download(html, "text/html; charset=utf-8", "report.html", attachment="download" in params)
    response.headers["content-security-policy"] = REPORT_CSP  # the report's own: its styles are inline, no scripts
    return response


def _ids(values: list[str]) -> set[int] | bool:
    try:
        return {int(value) for value in values}
    except ValueError:
        return False


def _download(body: str, media_type: str, filename: str, attachment: bool = True) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'} if attachment else {}
    return Response(body, media_type=media_type, headers=headers)
