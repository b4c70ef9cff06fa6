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

from ..model import Claim, Document, Fact, Finding

_SEVERITY = {"error": 0, "warning": 1, "info": 2}
_STATUS = {"violated": 0, "changed": 1, "consistent": 2}
MAX_CHARTS = 40


def render_html(findings: Sequence[Finding], facts: Sequence[Fact], documents: Sequence[Document], claims: Sequence[Claim],
                summary: dict, reviews: dict[str, dict] | None = None, title: str = "claimcheck report") -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(loader=PackageLoader("claimcheck", "report"), autoescape=select_autoescape(["j2", "html"]))
    template = environment.get_template("template.html.j2")
    ranked = sorted(findings, key=lambda f: (_STATUS[f.status], _SEVERITY[f.severity], f.rule))
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc].append(claim)
    charted = [fact for fact in facts if len(fact.claims) > 1][:MAX_CHARTS]
    return template.render(
        title=title, inf=math.inf,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        summary=summary,
        findings=[{"finding": f, "review": (reviews or {}).get(f.fingerprint), "sources": _sources(f.claims)} for f in ranked],
        facts=[{"fact": fact, "chart": Markup(_chart(fact)), "claims": fact.claims} for fact in charted],
        documents=[{"document": d, "text": highlight(d.text, [c for c in by_doc.get(d.id, []) if c.end > c.start]),
                    "count": len(by_doc.get(d.id, []))} for d in documents],
    )


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


def _sources(claims: Sequence[Claim]) -> list[dict]:
    """The finding's claims grouped by sentence: each source sentence once, all its numbers highlighted."""
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
        sources.append({"where": f"{doc}:{first.line}:{first.column}", "date": first.date, "sentence": highlight(sentence, marked)})
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
    dated = all(_date(claim.date) for claim in fact.claims)
    finite = [v for claim in fact.claims for v in (claim.value, claim.low, claim.high) if v is not None and math.isfinite(v)]
    top = max(finite) * 1.15 if finite else 1
    for index, source in enumerate(sources):
        mine = [claim for claim in fact.claims if claim.doc == source]
        xs = [_date(c.date) if dated else sources.index(source) for c in mine]
        values = [c.value for c in mine]
        lows = [c.value - (c.low if c.low is not None and math.isfinite(c.low) else 0) for c in mine]
        highs = [(c.high if c.high is not None and math.isfinite(c.high) else top) - c.value for c in mine]
        axis.errorbar(xs, values, yerr=[lows, highs], fmt="o", capsize=4, label=f"source {index + 1}")
    axis.set_ylabel(fact.claims[0].unit)
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


def _date(text: str | None):
    if not text:
        return None
    for form, width in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return datetime.strptime(text[:width], form)
        except ValueError:
            continue
    return None
