"""Findings: what a rule concluded about some claims, and the fingerprint that follows a finding across runs."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .claim import FINDING_CLAIM_FIELDS, Claim

STATUSES = ("violated", "consistent", "changed")
SEVERITIES = ("error", "warning", "info")


@dataclass
class Finding:
    """What a rule concluded about some claims, with the arithmetic that shows why."""

    rule: str
    kind: str
    status: str
    severity: str
    message: str
    claims: list[Claim]
    fact: str | None = None
    fingerprint: str = ""
    #: the claims the finding is about, when ``claims`` also quotes sources that only repeat them; the
    #: fingerprint is taken from these, so a new source repeating a figure does not make a new finding
    about: list[Claim] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.fingerprint:
            self.fingerprint = fingerprint(self.rule, self.about or self.claims)

    def to_dict(self) -> dict[str, Any]:
        claims = [claim.fields_dict(FINDING_CLAIM_FIELDS) for claim in self.claims]
        return {"rule": self.rule, "kind": self.kind, "status": self.status, "severity": self.severity,
                "message": self.message, "fact": self.fact, "fingerprint": self.fingerprint, "claims": claims}


@lru_cache(maxsize=65536)  # many claims share a sentence
def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


def fingerprint(rule: str, claims: list[Claim], identities: dict[str, str] | None = None) -> str:
    """Stable across runs and reflowing: rule, document identities (a row without an id column is known by
    its text, not its position) and the claims' normalised sentences and texts."""
    identities = identities or {}
    parts = sorted(f"{identities.get(claim.doc, claim.doc)}\x1f{_normalised(claim.sentence)}\x1f{_normalised(claim.text)}"
                   for claim in claims)
    digest = hashlib.sha256("\x1e".join([rule, *parts]).encode("utf-8", "surrogateescape")).hexdigest()
    return digest[:16]
