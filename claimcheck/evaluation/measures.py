"""Scoring what counted claims count (their ``measure``) and whose they are (their subject) on real news.

The gold is a JSON Lines file of labelled numbers in documents kept outside the repository, one object per line:
``{"doc": "t18_ecb/18_3ecb", "line": 4, "text": "a dozen", "value": 12, "measure": "employees",
"head": "employee", "subject": null}`` (``occurrence``: which of several equal phrases on the line, from 1). The
document is ``<docs>/<doc>.txt``; the number phrase is found on its line, and the claim whose span overlaps it most
is the one scored. A measure is right when its head noun (its last word) is the gold head (by default the
singular of the gold measure's head), singular or plural.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..measure_keys import singular
from ..model import Claim, Document
from .set_units import head_of, same_head

_REQUIRED = {"doc": str, "line": int, "text": str, "value": (int, float), "measure": str}


@dataclass
class MeasureLabel:
    doc: str  # <cluster>/<document>
    line: int
    text: str
    value: float
    measure: str
    head: str
    subject: str | None
    start: int  # the phrase's offsets in the document's text
    end: int


@dataclass
class MeasureGold:
    labels: list[MeasureLabel]
    documents: dict[str, Document]


@dataclass
class MeasureScores:
    labelled: int = 0
    documents: int = 0
    clusters: dict[str, list[int]] = field(default_factory=dict)  # cluster -> [labelled, found, head right]
    found: int = 0
    head_right: int = 0
    value_right: int = 0
    subjects: int = 0  # labels that name a subject
    subjects_scored: int | None = None  # None: claims carry no subject
    subjects_right: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        return {"labelled": self.labelled, "documents": self.documents, "clusters": len(self.clusters),
                "found": self.found, "found_share": _share(self.found, self.labelled),
                "head_right": self.head_right, "head_right_of_found": _share(self.head_right, self.found),
                "head_right_of_labelled": _share(self.head_right, self.labelled),
                "value_right_of_found": _share(self.value_right, self.found),
                "subjects_labelled": self.subjects, "subjects_scored": self.subjects_scored,
                "subject_right": _share(self.subjects_right, self.subjects_scored or 0)}

    def report_lines(self) -> list[str]:
        header = f"{'cluster':16} {'labelled':>8} {'found':>6} {'head right':>10} {'share':>6}"
        lines = [header, "-" * len(header)]
        for cluster, (labelled, found, right) in sorted(self.clusters.items()):
            lines.append(f"{cluster:16} {labelled:8} {found:6} {right:10} {_shown(right, found):>6}")
        lines += ["-" * len(header),
                  f"{self.labelled} labelled counted claims in {self.documents} documents of {len(self.clusters)} clusters",
                  f"found (a claim on the labelled number):  {self.found}/{self.labelled} ({_shown(self.found, self.labelled)})",
                  f"measure head right:                      {self.head_right}/{self.found} of found "
                  f"({_shown(self.head_right, self.found)}); {self.head_right}/{self.labelled} of labelled "
                  f"({_shown(self.head_right, self.labelled)})",
                  f"value right on found:                    {self.value_right}/{self.found} ({_shown(self.value_right, self.found)})"]
        if self.subjects_scored is None:
            lines.append(f"subject: {self.subjects} labelled; claims carry no subject, so none is scored")
        else:
            lines.append(f"subject right:                           {self.subjects_right}/{self.subjects_scored} "
                         f"({_shown(self.subjects_right, self.subjects_scored)})")
        return lines

    def error_lines(self) -> list[str]:
        return self.errors


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _shown(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "—"


# ---- reading ------------------------------------------------------------------------------------------------

def read_measure_gold(path: str | Path, docs: str | Path) -> MeasureGold:
    """The labels in ``path`` with their documents read from ``docs`` (``<docs>/<cluster>/<document>.txt``)."""
    from ..documents import read_document

    path, docs = Path(path), Path(docs)
    if not path.is_file():
        raise InputError("no such measure gold file (expected a .jsonl of labelled numbers)", str(path))
    if not docs.is_dir():
        raise InputError("no such documents folder", str(docs))
    labels, documents = [], {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("a line must be a JSON object")
            for key, kind in _REQUIRED.items():
                if not isinstance(record.get(key), kind) or isinstance(record.get(key), bool):
                    raise ValueError(f"{key!r} is missing or not a {getattr(kind, '__name__', 'number')}")
            if not isinstance(record.get("occurrence", 1), int) or record.get("occurrence", 1) < 1:
                raise ValueError("'occurrence' must be a whole number from 1")
            if record["line"] < 1 or not record["text"]:
                raise ValueError("'line' counts from 1 and 'text' must not be empty")
        except ValueError as error:
            raise InputError(f"not a measure label ({error}); see docs/gold-format.md", str(path), number) from None
        doc = record["doc"]
        if doc not in documents:
            file = docs / f"{doc}.txt"
            if not file.is_file():
                raise InputError(f"document {doc!r} not found under {docs}", str(path), number)
            documents[doc] = read_document(file)
        start = _locate(documents[doc].text, record, str(path), number)
        measure = record["measure"].strip().lower()
        labels.append(MeasureLabel(doc, record["line"], record["text"], float(record["value"]), measure,
                                   str(record.get("head") or singular(head_of(measure))).lower(), record.get("subject") or None,
                                   start, start + len(record["text"])))
    if not labels:
        raise InputError("no labels in the measure gold file", str(path))
    return MeasureGold(labels, documents)


def _locate(text: str, record: dict, file: str, number: int) -> int:
    """Where the record's phrase is in the document: its ``occurrence``-th place on its line."""
    lines = text.split("\n")
    if not 1 <= record["line"] <= len(lines):
        raise InputError(f"line {record['line']} is not in {record['doc']} ({len(lines)} lines)", file, number)
    offset = sum(len(line) + 1 for line in lines[: record["line"] - 1])
    position = -1
    for _ in range(int(record.get("occurrence", 1))):
        position = lines[record["line"] - 1].find(record["text"], position + 1)
        if position < 0:
            raise InputError(f"{record['text']!r} is not on line {record['line']} of {record['doc']}"
                             f" (occurrence {record.get('occurrence', 1)})", file, number)
    return offset + position


# ---- scoring ------------------------------------------------------------------------------------------------

def evaluate_measures(gold: MeasureGold, extract: Callable[[Document], list[Claim]] | None = None) -> MeasureScores:
    """Extract each labelled document once and score the claim on each labelled number."""
    if extract is None:
        from ..api import extract_document as extract
    claims_of = {doc: extract(document) for doc, document in gold.documents.items()}
    scores = MeasureScores(labelled=len(gold.labels), documents=len(gold.documents))
    clusters: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    has_subjects = any(hasattr(claim, "subject") for claims in claims_of.values() for claim in claims)
    scores.subjects_scored = 0 if has_subjects else None
    for label in gold.labels:
        cluster = clusters[label.doc.split("/")[0]]
        cluster[0] += 1
        scores.subjects += label.subject is not None
        where = f"{label.doc}:{label.line}\t{label.text!r}"
        claim = _claim_on(label, claims_of[label.doc])
        if claim is None:
            scores.errors.append(f"{where}\tmissed\t{label.measure!r}")
            continue
        scores.found += 1
        cluster[1] += 1
        scores.value_right += _same_value(label.value, claim)
        if same_head(label.head, claim.measure):
            scores.head_right += 1
            cluster[2] += 1
        else:
            scores.errors.append(f"{where}\tmeasure\t{label.measure!r}\t=> {claim.measure!r}")
        if has_subjects and label.subject is not None:
            scores.subjects_scored += 1
            found = getattr(claim, "subject", None)
            if found and same_head(head_of(label.subject.lower()), found):
                scores.subjects_right += 1
            else:
                scores.errors.append(f"{where}\tsubject\t{label.subject!r}\t=> {found!r}")
    scores.clusters = dict(clusters)
    return scores


def _claim_on(label: MeasureLabel, claims: list[Claim]) -> Claim | None:
    overlapping = [c for c in claims if c.start < label.end and label.start < c.end]
    if not overlapping:
        return None
    return max(overlapping, key=lambda c: (min(c.end, label.end) - max(c.start, label.start), _same_value(label.value, c)))


def _same_value(value: float, claim: Claim) -> bool:
    return math.isclose(value, claim.value, rel_tol=1e-6, abs_tol=1e-9)


__all__ = ["MeasureGold", "MeasureLabel", "MeasureScores", "evaluate_measures", "read_measure_gold"]
