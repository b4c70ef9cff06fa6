"""Rendering the report: Jinja2 with autoescaping (document text is untrusted and is always escaped), charts
drawn by matplotlib as inline SVG with glyphs as paths (no text from documents reaches the markup unescaped),
no scripts and no network fetches."""

from __future__ import annotations

import io
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timezone

from markupsafe import Markup, escape

from ..model import Claim, Document, Event, Fact, Finding

_SEVERITY = {"error": 0, "warning": 1, "info": 2}
_STATUS = {"violated": 0, "changed": 1, "consistent": 2}
MAX_CHARTS = 40


def render_html(findings: Sequence[Finding], facts: Sequence[Fact], documents: Sequence[Document], claims: Sequence[Claim],
                summary: dict, reviews: dict[str, dict] | None = None, title: str = "claimcheck report",
                events: Sequence[Event] = ()) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(loader=PackageLoader("claimcheck", "report"), autoescape=select_autoescape(["j2", "html"]))
    template = environment.get_template("template.html.j2")
    ranked = sorted(findings, key=lambda f: (_STATUS[f.status], _SEVERITY[f.severity], f.rule))
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc].append(claim)
    known = {document.id: document for document in documents}
    anchors = {document.id: f"doc-{number}" for number, document in enumerate(documents, 1)}
    reported = {doc: event.label or event.id for event in events for doc in event.documents}  # document -> event
    charted = [fact for fact in facts if len(fact.claims) > 1][:MAX_CHARTS]
    fact_anchors = {str(fact.key): f"fact-{number}" for number, fact in enumerate(charted, 1)}
    items = [{"finding": f, "review": (reviews or {}).get(f.fingerprint), "sources": _sources(f.claims, known, anchors, reported),
              "fact_anchor": fact_anchors.get(f.fact or "")} for f in ranked]
    return template.render(
        title=title, inf=math.inf,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        summary=summary,
        groups=_groups(items),
        findings=items,
        facts=[{"fact": fact, "anchor": fact_anchors[str(fact.key)], "chart": Markup(_chart(fact)),
                "unit": common_unit(fact.claims), "claims": fact.claims,
                "sources": [_describe(claim.doc, known, anchors, reported) for claim in fact.claims]} for fact in charted],
        documents=[{"document": d, "anchor": anchors[d.id], "text": highlight(d.text, [c for c in by_doc.get(d.id, []) if c.end > c.start]),
                    "count": len(by_doc.get(d.id, []))} for d in documents],
    )


def _describe(doc: str, known: dict[str, Document], anchors: dict[str, str], reported: dict[str, str] | None = None) -> dict:
    """A source as a reader knows it: outlet, headline, date and link, the event it reports, and where it sits in
    the report."""
    document = known.get(doc)
    return {"outlet": (document.outlet if document is not None else None) or "unknown outlet",
            "headline": (document.title if document is not None else None) or doc,
            "date": document.date if document is not None else None,
            "link": doc if doc.startswith(("http://", "https://")) else None,
            "anchor": anchors.get(doc), "event": (reported or {}).get(doc)}


def _groups(items: list[dict]) -> list[dict]:
    """Findings grouped by the event their sources report (where the data names one), else by the fact they are
    about; within a group, consistent findings are set apart to be shown collapsed."""
    groups: dict[str, dict] = {}
    for item in items:
        finding = item["finding"]
        events = sorted({source["event"] for source in item["sources"] if source.get("event")})
        if events:
            title, kind = " + ".join(events), "event"
        elif finding.fact:
            title, kind = finding.fact, "fact"
        else:
            title, kind = ", ".join(dict.fromkeys(s["headline"] for s in item["sources"])), "document"
        group = groups.setdefault(f"{kind}\x1f{title}", {"title": title, "kind": kind, "open": [], "consistent": []})
        group["consistent" if finding.status == "consistent" else "open"].append(item)
    ordered = sorted(groups.values(), key=lambda g: (not g["open"], min((_STATUS[i["finding"].status], _SEVERITY[i["finding"].severity]) for i in g["open"] + g["consistent"]), g["title"]))
    for number, group in enumerate(ordered, 1):
        group["anchor"] = f"group-{number}"
    return ordered


def highlight(text: str, claims: Sequence[Claim]) -> Markup:
    """``text`` escaped, with each claim's span wrapped in <mark> (spans are offsets into the raw text)."""
    parts, cursor = [], 0
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.start < cursor:
            continue
        parts.append(escape(text[cursor:claim.start]))
        title = f"{claim.value:g} {claim.unit} · {claim.bound} · {claim.measure or ''}"
        parts.append(Markup('<mark title="{}">{}</mark>').format(title, text[claim.start:claim.end]))
        cursor = claim.end
    parts.append(escape(text[cursor:]))
    return Markup("").join(parts)


def _sources(claims: Sequence[Claim], known: dict[str, Document] | None = None,
             anchors: dict[str, str] | None = None, reported: dict[str, str] | None = None) -> list[dict]:
    """The finding's claims grouped by sentence: each source sentence once, all its numbers highlighted, with the
    outlet, headline, date and link of its document."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        groups.setdefault((claim.doc, claim.sentence), []).append(claim)
    sources = []
    for (doc, sentence), members in groups.items():
        marked, cursor = [], 0
        for claim in sorted(members, key=lambda c: c.start):
            surface = " ".join(claim.text.split())
            position = sentence.find(surface, cursor)
            if position < 0:
                continue
            marked.append(Claim(doc=doc, start=position, end=position + len(surface), text=surface, sentence=sentence,
                                value=claim.value, low=claim.low, high=claim.high, bound=claim.bound, unit=claim.unit,
                                measure=claim.measure))
            cursor = position + len(surface)
        first = members[0]
        sources.append({"where": f"{doc}:{first.line}:{first.column}", "date": first.date, "sentence": highlight(sentence, marked),
                        **{key: value for key, value in _describe(doc, known or {}, anchors or {}, reported).items()
                           if key != "date" or value}})
    return sources


def _chart(fact: Fact) -> str:
    """Reported values over time by source, with the interval each claim asserts as a bar."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.fonttype"] = "path"  # glyphs as paths: no document text enters the SVG as markup
    plt.rcParams["svg.hashsalt"] = "claimcheck"
    figure, axis = plt.subplots(figsize=(6.4, 2.6), dpi=100)
    sources = list(dict.fromkeys(claim.doc for claim in fact.claims))
    dated = all(chart_date(claim.date) for claim in fact.claims)
    unit = common_unit(fact.claims)  # one unit on the axis: "5 miles" is drawn at 8.05 next to "8 km"
    placed = [(claim, *(convert(v, claim.unit, unit) for v in (claim.value, claim.low, claim.high))) for claim in fact.claims]
    finite = [v for _, *values in placed for v in values if v is not None and math.isfinite(v)]
    top = max(finite) * 1.15 if finite else 1
    for index, source in enumerate(sources):
        mine = [entry for entry in placed if entry[0].doc == source]
        xs = [chart_date(c.date) if dated else sources.index(source) for c, *_ in mine]
        values = [value for _, value, _, _ in mine]
        lows = [value - (low if low is not None and math.isfinite(low) else 0) for _, value, low, _ in mine]
        highs = [(high if high is not None and math.isfinite(high) else top) - value for _, value, _, high in mine]
        axis.errorbar(xs, values, yerr=[lows, highs], fmt="o", capsize=4, label=f"source {index + 1}")
    axis.set_ylabel(unit)
    axis.grid(alpha=0.3)
    if not dated:
        axis.set_xticks(range(len(sources)), [f"source {i + 1}" for i in range(len(sources))])
    if dated:
        figure.autofmt_xdate()
    axis.legend(fontsize=7, loc="best")
    figure.tight_layout()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    svg = buffer.getvalue()
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)  # no dates or licence URIs from the plotting library
    return svg[svg.find("<svg"):]


def chart_date(text: str | None) -> datetime | None:
    """A claim's date (a day, a month or a year) as a point on a chart's time axis."""
    if not text:
        return None
    for form, width in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return datetime.strptime(text[:width], form)
        except ValueError:
            continue
    return None


def common_unit(claims: Sequence[Claim]) -> str:
    """The unit most of ``claims`` are written in: a chart's one axis unit."""
    from collections import Counter

    counts = Counter(claim.unit for claim in claims)
    return counts.most_common(1)[0][0] if counts else "count"


def convert(value: float | None, unit: str, target: str) -> float | None:
    """``value`` in ``unit`` expressed in ``target`` (as it is when the units are the same or do not convert)."""
    if value is None or unit == target or not math.isfinite(value):
        return value
    try:
        from ..units import get_registry

        return float(get_registry().Quantity(value, unit).to(target).magnitude)
    except Exception:  # noqa: BLE001 - pint's errors for units it cannot convert; the value stays as written
        return value
