"""Exports from the ledger: schema.org ClaimReview JSON-LD for confirmed findings; facts and findings as CSV/JSON."""

from __future__ import annotations

import csv
import json
from datetime import date
from typing import TextIO

from .ledger import Ledger

RATINGS = {"violated": "Inconsistent with other reporting", "changed": "Changed over time", "consistent": "Consistent"}
ARITHMETIC = {"sum": "Figures do not add up", "partition": "Shares do not add up to 100%", "change": "Change misstated",
              "range": "Impossible figure", "reference": "Inconsistent with reference data"}


def claimreview(ledger: Ledger, base_url: str | None = None, author: str = "claimcheck fact-checking desk") -> list[dict]:
    """One ClaimReview per confirmed (or published) finding: the claim reviewed, where it appeared (the documents
    that carry that figure, earliest first), the verdict, and when the desk reached it."""
    documents = {document.id: document for document in ledger.documents()}
    reviews = []
    for record, finding in ledger.as_findings():
        if record["review"] not in ("confirmed", "published"):
            continue
        first = finding.claims[0] if finding.claims else None
        carrying = [c for c in finding.claims if first is not None and c.value == first.value and c.unit == first.unit]
        appearances = [_appearance(doc, documents.get(doc)) for doc in dict.fromkeys(c.doc for c in carrying)]
        appearances.sort(key=lambda a: a.get("datePublished") or "9999")
        decided = [e["at"][:10] for e in ledger.history(record["id"]) if e["to_status"] in ("confirmed", "published")]
        url = f"{base_url.rstrip('/')}/{finding.fingerprint}" if base_url else f"urn:claimcheck:finding:{finding.fingerprint}"
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": url,
            "datePublished": decided[0] if decided else date.today().isoformat(),
            "author": {"@type": "Organization", "name": author},
            "claimReviewed": first.sentence if first else finding.message,
            "reviewBody": finding.message,
            "reviewRating": {"@type": "Rating", "alternateName": ARITHMETIC.get(finding.kind, RATINGS[finding.status])
                             if finding.status == "violated" else RATINGS.get(finding.status, finding.status)},
            "itemReviewed": {
                "@type": "Claim",
                "appearance": appearances,
                **({"datePublished": first.date} if first and first.date else {}),
                **({"firstAppearance": appearances[0]} if appearances else {}),
            },
        })
    return reviews


def _appearance(doc: str, document) -> dict:
    appearance: dict = {"@type": "CreativeWork", "name": document.title if document is not None and document.title else doc}
    if doc.startswith(("http://", "https://")):
        appearance["url"] = doc
    if document is not None and document.date:
        appearance["datePublished"] = document.date
    if document is not None and document.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": document.outlet}
    return appearance


FACT_COLUMNS = ["fact", "key", "date", "doc", "text", "value", "low", "high", "bound", "unit", "sentence"]
FINDING_COLUMNS = ["id", "fingerprint", "rule", "kind", "status", "severity", "message", "fact", "review", "assignee",
                   "note", "updated_at", "first_seen", "last_seen", "claims"]


def write_facts(ledger: Ledger, stream: TextIO, format: str) -> None:
    rows = []
    for fact in ledger.facts():
        for claim in fact.claims:
            rows.append({"fact": fact.id, "key": str(fact.key), "date": claim.date, "doc": claim.doc, "text": claim.text,
                         "value": claim.value, "low": claim.to_dict()["low"], "high": claim.to_dict()["high"],
                         "bound": claim.bound, "unit": claim.unit, "sentence": claim.sentence})
    _write(rows, stream, format, FACT_COLUMNS)


def write_findings_export(ledger: Ledger, stream: TextIO, format: str) -> None:
    rows = []
    for record, finding in ledger.as_findings():
        rows.append({**record, "claims": "; ".join(f"{c.doc}:{c.line}:{c.column} {c.text}" for c in finding.claims)})
    _write(rows, stream, format, FINDING_COLUMNS)


def _write(rows: list[dict], stream: TextIO, format: str, columns: list[str]) -> None:
    if format == "json":
        json.dump(rows, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        return
    from ..output.safe import csv_record

    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(map(csv_record, rows))  # a sentence, file name, note or assignee never runs as a formula
