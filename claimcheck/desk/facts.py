"""Fact and event pages: every reported value over time by source with its interval (a chart in the page), the
documents, and links back to the findings about them. An event is what a set of reports is about (one strike, one
earthquake); the ledger finds them as it ingests."""

from __future__ import annotations

from starlette.responses import Response

from ..ledger.store import QueueQuery
from .charts import chart, common_unit
from .views_common import sources
from .web import Context, guarded

PAGE_SIZE = 100
MAX_CHARTED = 300
MAX_FACTS = 20


@guarded("viewer")
def fact_list(context: Context) -> Response:
    search = context.request.query_params.get("q", "")[:300]
    facts = [fact for fact in context.store.facts() if search.lower() in str(fact.key).lower()]
    facts.sort(key=lambda fact: (-len(fact.claim_ids), fact.id))
    return context.render("facts.html.j2", facts=facts[:PAGE_SIZE], total=len(facts), search=search)


@guarded("viewer")
def fact_page(context: Context) -> Response:
    try:
        fact_id = int(context.request.path_params["fact_id"])
        page = max(1, int(context.request.query_params.get("page", "1") or "1"))
    except ValueError:
        return context.error(404, "no such fact")
    store = context.store
    fact = store.fact(fact_id)
    if fact is None:
        return context.error(404, f"no fact #{fact_id}")
    shown, total = store.fact_claims(fact_id, PAGE_SIZE, (page - 1) * PAGE_SIZE)  # thousands of reports: in pages
    pages = max(1, -(-total // PAGE_SIZE))
    found = sources(store, shown)
    latest, _ = store.fact_claims(fact_id, MAX_CHARTED, latest=True)  # the latest values: a chart stays readable
    charted = [record.claim for record in reversed(latest)]
    labels = {source.claim.doc: f"{source.outlet} — {source.headline}" for source in found}
    findings = store.findings_of_claims([record.id for record in shown])[:PAGE_SIZE]
    return context.render("fact.html.j2", fact=fact, sources=found, findings=findings, chart=chart(charted, labels),
                          unit=common_unit(charted), legend=list(dict.fromkeys(c.doc for c in charted))[:8], labels=labels,
                          page=page, pages=pages, total=total, charted=len(charted))


@guarded("viewer")
def event_list(context: Context) -> Response:
    events = sorted(context.store.events(), key=lambda event: (event.first_date or "", event.id), reverse=True)
    return context.render("events.html.j2", events=events)


@guarded("viewer")
def event_page(context: Context) -> Response:
    """An event: its documents, each fact its documents report (charted) and the findings about them."""
    event_id = context.request.path_params["name"]
    store = context.store
    event = next((event for event in store.events() if event.id == event_id), None)
    if event is None:
        return context.error(404, f"no event {event_id!r} in this ledger")
    documents = store.documents_of_event(event_id)
    fact_ids = {record.fact_id for document_id, _ in documents for record in store.claim_records(document_id=document_id)
                if record.fact_id is not None}  # the event's own facts, and measures compared across events
    facts = []
    for fact in sorted((f for f in map(store.fact, fact_ids) if f is not None), key=lambda f: (-len(f.claim_ids), f.id))[:MAX_FACTS]:
        latest, total = store.fact_claims(fact.id, MAX_CHARTED, latest=True)
        claims = [record.claim for record in reversed(latest)]
        facts.append({"fact": fact, "total": total, "chart": chart(claims) if len(claims) > 1 else "",
                      "unit": common_unit(claims), "claims": claims[-10:]})
    findings = store.queue(QueueQuery(filters={"event": [event_id]}, limit=PAGE_SIZE, facets=False))
    return context.render("event.html.j2", event=event, documents=documents, facts=facts, findings=findings)
