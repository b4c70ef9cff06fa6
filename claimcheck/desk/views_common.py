"""Helpers the desk's pages share: Jinja filters, links that keep the queue's filters, and each claim's source
described as a reader knows it (outlet, headline, date, link) rather than by a file path."""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlencode

from markupsafe import Markup

from ..ledger import REVIEW_STATUSES
from ..model import Claim, Document
from ..report.html import highlight


def install(environment) -> None:
    environment.filters["num"] = number
    environment.filters["interval"] = interval
    environment.globals["url_with"] = url_with
    environment.globals["chosen"] = chosen
    environment.globals["REVIEW_STATUSES"] = REVIEW_STATUSES


def number(value: float | None) -> str:
    if value is None:
        return "—"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return f"{value:,.6g}" if abs(value) < 1e15 else f"{value:.3g}"


def interval(claim: Claim) -> str:
    low = number(claim.low) if claim.low is not None else "−∞"
    high = number(claim.high) if claim.high is not None and not math.isinf(claim.high) else "∞"
    return f"{low} – {high}"


def url_with(params: list[tuple[str, str]], *, add: tuple[str, str] | None = None, remove: tuple[str, str] | None = None,
             drop: tuple[str, ...] = ("page",), **replace: str) -> str:
    """The queue's URL with one value added to or removed from a filter, or a parameter replaced."""
    kept = [(k, v) for k, v in params if k not in drop and (k, v) != remove and k not in replace]
    if add is not None and add not in kept:
        kept.append(add)
    kept += [(k, v) for k, v in replace.items() if v != ""]
    return "/?" + urlencode(kept) if kept else "/?q="


def chosen(params: list[tuple[str, str]], name: str, value: str) -> bool:
    return (name, value) in params


@dataclass
class Source:
    """A claim as the finding and fact pages show it: where it was published and the sentence it is in."""

    claim: Claim
    claim_id: int
    document_id: int
    document: Document | None
    sentence: Markup

    @property
    def outlet(self) -> str:
        return (self.document.outlet if self.document is not None and self.document.outlet else "") or "unknown outlet"

    @property
    def headline(self) -> str:
        return (self.document.title if self.document is not None and self.document.title else "") or self.claim.doc

    @property
    def link(self) -> str | None:
        return self.claim.doc if self.claim.doc.startswith(("http://", "https://")) else None

    @property
    def date(self) -> str | None:
        return (self.document.date if self.document is not None else None) or self.claim.date

    @property
    def event(self) -> str | None:
        """The event the source reports, when the data names one."""
        return getattr(self.document, "event", None) if self.document is not None else None


def sources(store, records) -> list[Source]:
    """Each claim record with its document (read once per document version) and its sentence highlighted."""
    documents: dict[int, Document | None] = {}
    found = []
    for record in records:
        if record.document_id not in documents:
            version = store.document_version(record.document_id)
            documents[record.document_id] = version[1] if version else None
        claim = record.claim
        found.append(Source(claim, record.id, record.document_id, documents[record.document_id], _sentence(claim)))
    return found


def _sentence(claim: Claim) -> Markup:
    """The claim's sentence with the claim highlighted (found by its text in the sentence)."""
    surface = " ".join(claim.text.split())
    position = claim.sentence.find(surface)
    if position < 0:
        return highlight(claim.sentence, [])
    marked = Claim(doc=claim.doc, start=position, end=position + len(surface), text=surface, sentence=claim.sentence,
                   value=claim.value, low=claim.low, high=claim.high, bound=claim.bound, unit=claim.unit,
                   measure=claim.measure)
    return highlight(claim.sentence, [marked])


def by_sentence(found: list[Source]) -> list[tuple[Source, Markup]]:
    """The sources grouped by sentence: each sentence once, every number of the finding in it highlighted."""
    groups: dict[tuple[int, str], list[Source]] = {}
    for source in found:
        groups.setdefault((source.document_id, source.claim.sentence), []).append(source)
    shown = []
    for (_, sentence), members in groups.items():
        marked, cursor = [], 0
        for member in sorted(members, key=lambda s: s.claim.start):
            surface = " ".join(member.claim.text.split())
            position = sentence.find(surface, cursor)
            if position < 0:
                continue
            c = member.claim
            marked.append(Claim(doc=c.doc, start=position, end=position + len(surface), text=surface, sentence=sentence,
                                value=c.value, low=c.low, high=c.high, bound=c.bound, unit=c.unit, measure=c.measure))
            cursor = position + len(surface)
        shown.append((members[0], highlight(sentence, marked)))
    return shown
