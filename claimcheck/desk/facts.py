"""Fact and event pages: every reported value over time by source with its interval (a chart in the page), the
documents, and links back to the findings about them."""

from __future__ import annotations

from starlette.responses import Response

from .charts import chart, common_unit
from .views_common import sources
from .web import Context, guarded

PAGE_SIZE = 100
MAX_CHARTED = 300


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


def _events(context: Context) -> dict[str, list[tuple[int, object]]]:
    """Current documents by the event they report, where the data names one."""
    events: dict[str, list[tuple[int, object]]] = {}
    for document_id, document in context.store.documents(current_only=True):
        name = getattr(document, "event", None)
        if name:
            events.setdefault(str(getattr(name, "name", name)), []).append((document_id, document))
    return events


@guarded("viewer")
def event_list(context: Context) -> Response:
    events = _events(context)
    return context.render("events.html.j2", events=sorted(events.items()))


@guarded("viewer")
def event_page(context: Context) -> Response:
    name = context.request.path_params["name"]
    documents = _events(context).get(name)
    if not documents:
        return context.error(404, f"no event {name!r} in this ledger")
    store = context.store
    records = [record for document_id, _ in documents for record in store.claim_records(document_id=document_id)]
    by_fact: dict[int, list] = {}
    for record in records:
        if record.fact_id is not None:
            by_fact.setdefault(record.fact_id, []).append(record)
    facts = []
    for fact_id, members in sorted(by_fact.items(), key=lambda item: -len(item[1])):
        fact = store.fact(fact_id)
        found = sources(store, members)
        facts.append({"fact": fact, "chart": chart([s.claim for s in found]) if len(found) > 1 else "", "sources": found})
    findings = store.findings_of_claims([record.id for record in records])
    return context.render("event.html.j2", name=name, documents=documents, facts=facts, findings=findings)
