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
    """One ClaimReview per confirmed (or published) finding: what was claimed, where it appeared, the verdict."""
    documents = {document.id: document for document in ledger.documents()}
    reviews = []
    for record, finding in ledger.as_findings():
        if record["review"] not in ("confirmed", "published"):
            continue
        first = finding.claims[0] if finding.claims else None
        appearances = []
        for doc in dict.fromkeys(claim.doc for claim in finding.claims):
            document = documents.get(doc)
            appearance = {"@type": "CreativeWork", "url": doc}
            if document is not None and document.date:
                appearance["datePublished"] = document.date
            if document is not None and document.title:
                appearance["headline"] = document.title
            if document is not None and document.outlet:
                appearance["publisher"] = {"@type": "Organization", "name": document.outlet}
            appearances.append(appearance)
        url = f"{base_url.rstrip('/')}/{finding.fingerprint}" if base_url else f"urn:claimcheck:finding:{finding.fingerprint}"
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": url,
            "datePublished": date.today().isoformat(),
            "author": {"@type": "Organization", "name": author},
            "claimReviewed": first.sentence if first else finding.message,
            "reviewBody": finding.message + (f" Desk note: {record['note']}" if record.get("note") else ""),
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


def write_facts(ledger: Ledger, stream: TextIO, format: str) -> None:
    rows = []
    for number, fact in enumerate(ledger.facts(), 1):
        for claim in fact.claims:
            rows.append({"fact": number, "key": fact.key, "date": claim.date, "doc": claim.doc, "text": claim.text,
                         "value": claim.value, "low": claim.to_dict()["low"], "high": claim.to_dict()["high"],
                         "bound": claim.bound, "unit": claim.unit, "sentence": claim.sentence})
    _write(rows, stream, format)


def write_findings_export(ledger: Ledger, stream: TextIO, format: str) -> None:
    rows = []
    for record, finding in ledger.as_findings():
        rows.append({**record, "claims": "; ".join(f"{c.doc}:{c.line}:{c.column} {c.text}" for c in finding.claims)})
    _write(rows, stream, format)


def _write(rows: list[dict], stream: TextIO, format: str) -> None:
    if format == "json":
        json.dump(rows, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        return
    writer = csv.DictWriter(stream, fieldnames=list(rows[0]) if rows else ["fact"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
