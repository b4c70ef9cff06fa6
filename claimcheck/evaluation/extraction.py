"""Scoring extraction against annotated gold: precision, recall and F1 for value, value+unit, bound and
measure, and how often dates, times and page chrome come out as claims."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Claim
from ..units import canonical_unit, is_known_unit


@dataclass
class GoldClaim:
    start: int
    end: int
    value: float
    unit: str
    bound: str
    measure: str | None
    span: str


@dataclass
class GoldPassage:
    id: str
    text: str
    claims: list[GoldClaim]
    negatives: list[tuple[int, int, str]]


@dataclass
class Mismatch:
    passage: str
    kind: str  # missed | spurious | value | unit | bound | measure | negative
    expected: str
    found: str


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_correct: int = 0
    value_unit_correct: int = 0
    bound_correct: int = 0
    measure_scored: int = 0
    measure_correct: int = 0
    negatives: int = 0
    negatives_hit: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        return {
            "gold_claims": self.gold,
            "predicted_claims": self.predicted,
            "matched": self.matched,
            "value": precision_recall_f1(self.value_correct, self.predicted, self.value_correct, self.gold),
            "value+unit": precision_recall_f1(self.value_unit_correct, self.predicted, self.value_unit_correct, self.gold),
            "bound_accuracy": self.bound_correct / self.matched if self.matched else 0.0,
            "measure_head_accuracy": self.measure_correct / self.measure_scored if self.measure_scored else 0.0,
            "negatives": self.negatives,
            "negatives_read_as_claims": self.negatives_hit,
            "false_claim_rate_on_negatives": self.negatives_hit / self.negatives if self.negatives else 0.0,
            "false_claims_share_of_predicted": self.negatives_hit / self.predicted if self.predicted else 0.0,
        }


    def report_lines(self) -> list[str]:
        summary = self.summary()
        lines = [f"gold claims {summary['gold_claims']}, predicted {summary['predicted_claims']}, matched {summary['matched']}",
                 f"{'':14}{'precision':>10}{'recall':>10}{'F1':>10}"]
        for key in ("value", "value+unit"):
            row = summary[key]
            lines.append(f"{key:14}{row['precision']:>10.3f}{row['recall']:>10.3f}{row['f1']:>10.3f}")
        lines += [f"bound right on matched claims:        {summary['bound_accuracy']:.3f}",
                  f"measure head noun right on matched:   {summary['measure_head_accuracy']:.3f}",
                  f"negatives read as claims:             {summary['negatives_read_as_claims']}/{summary['negatives']}"
                  f" ({summary['false_claim_rate_on_negatives']:.3f}; {summary['false_claims_share_of_predicted']:.3f} of predicted claims)"]
        return lines

    def error_lines(self) -> list[str]:
        return [f"{m.passage}\t{m.kind}\t{m.expected}\t=> {m.found}" for m in self.mismatches]


def precision_recall_f1(correct_found: int, found: int, correct_expected: int, expected: int) -> dict[str, float]:
    precision = correct_found / found if found else 0.0
    recall = correct_expected / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def read_gold(path: str | Path) -> list[GoldPassage]:
    """Passages from a gold JSONL file (or every ``*.jsonl`` in a directory)."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files or not all(file.exists() for file in files):
        raise InputError("no gold file here (expected a .jsonl file or a directory of them)", str(path))
    passages = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                passages.append(_passage(line, str(file), number))
    return passages


def _passage(line: str, file: str, number: int) -> GoldPassage:
    try:
        record = json.loads(line)
        text = record["text"]
        claims = []
        for claim in record["claims"]:
            start = _locate(text, claim["span"], claim.get("occurrence", 1))
            unit = claim["unit"]
            if not is_known_unit(unit):
                raise ValueError(f"unknown unit {unit!r}")
            claims.append(GoldClaim(start, start + len(claim["span"]), float(claim["value"]), canonical_unit(unit),
                                    claim["bound"], claim.get("measure"), claim["span"]))
        negatives = []
        for negative in record.get("negatives", []):
            start = _locate(text, negative, 1)
            negatives.append((start, start + len(negative), negative))
        return GoldPassage(record["id"], text, claims, negatives)
    except (ValueError, KeyError, TypeError) as error:
        raise InputError(f"bad gold record: {error}", file, number) from None


def _locate(text: str, span: str, occurrence: int) -> int:
    position = -1
    for _ in range(occurrence):
        position = text.find(span, position + 1)
        if position < 0:
            raise ValueError(f"span {span!r} (occurrence {occurrence}) not in text")
    return position


def head_noun(measure: str | None) -> str | None:
    return measure.split()[-1].lower() if measure else None


def evaluate(passages: Iterable[GoldPassage], extract: Callable[[str], list[Claim]]) -> Scores:
    scores = Scores()
    for passage in passages:
        predicted = extract(passage.text)
        scores.gold += len(passage.claims)
        scores.predicted += len(predicted)
        unmatched = list(predicted)
        for gold in passage.claims:
            candidates = [c for c in unmatched if c.start < gold.end and gold.start < c.end]
            if not candidates:
                scores.mismatches.append(Mismatch(passage.id, "missed", _describe_gold(gold), ""))
                continue
            claim = max(candidates, key=lambda c: min(c.end, gold.end) - max(c.start, gold.start))
            unmatched.remove(claim)
            _score_pair(scores, passage.id, gold, claim)
        for start, end, surface in passage.negatives:
            hits = [c for c in predicted if c.start < end and start < c.end]
            if hits:
                scores.negatives_hit += 1
                scores.mismatches.append(Mismatch(passage.id, "negative", surface, _describe(hits[0])))
            scores.negatives += 1
        for claim in unmatched:
            if not any(c.start < claim.end and s < claim.end and claim.start < e for s, e, _ in passage.negatives for c in [claim]):
                scores.mismatches.append(Mismatch(passage.id, "spurious", "", _describe(claim)))
    return scores


def _score_pair(scores: Scores, passage: str, gold: GoldClaim, claim: Claim) -> None:
    scores.matched += 1
    value_ok = math.isclose(gold.value, claim.value, rel_tol=1e-6, abs_tol=1e-9)
    unit_ok = gold.unit == claim.unit
    scores.value_correct += value_ok
    scores.value_unit_correct += value_ok and unit_ok
    scores.bound_correct += gold.bound == claim.bound
    if not value_ok:
        scores.mismatches.append(Mismatch(passage, "value", _describe_gold(gold), _describe(claim)))
    elif not unit_ok:
        scores.mismatches.append(Mismatch(passage, "unit", _describe_gold(gold), _describe(claim)))
    if gold.bound != claim.bound:
        scores.mismatches.append(Mismatch(passage, "bound", _describe_gold(gold), _describe(claim)))
    if gold.measure:
        scores.measure_scored += 1
        if head_noun(gold.measure) == head_noun(claim.measure):
            scores.measure_correct += 1
        else:
            scores.mismatches.append(Mismatch(passage, "measure", f"{gold.measure!r} in {gold.span!r}", repr(claim.measure)))


def _describe_gold(gold: GoldClaim) -> str:
    return f"{gold.span!r} = {gold.value:g} {gold.unit} {gold.bound} {gold.measure!r}"


def _describe(claim: Claim) -> str:
    return f"{claim.text!r} = {claim.value:g} {claim.unit} {claim.bound} {claim.measure!r}"
