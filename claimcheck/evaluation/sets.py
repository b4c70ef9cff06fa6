"""Scoring extraction on public quantity-extraction sets converted to one JSONL per set
(``{"id", "text", "quantities": [{"value", "unit", "bound", "range", "start", "end", ...}], "annotation_scope"}``).

Claims are matched one to one to gold quantities by overlapping offsets (the largest overlap first). Per set:

- **value**, **value+unit**, **value+bound**: precision over claims, recall over gold quantities with a value;
  a range is right when the claim's value is its midpoint or the claim's ends are its ends;
- **span overlap**: the share of gold quantities whose span overlaps some claim (recall), and of claims that overlap
  some gold quantity (precision);
- **measure**: where gold's unit is a counted noun ("noun:participant"), whether the claim's measure has that head.

``annotation_scope`` decides what counts: ``full`` sets annotate every quantity (precision and recall);
``partial`` sets annotate one kind of quantity (numbers, ranges, percentages, units), so only recall means
anything there; ``spans_only`` sets give spans without values (value scores are left out; span overlap and, where
gold names one, the unit of matched claims are scored). How gold units become claimcheck's is in
:mod:`claimcheck.evaluation.set_units` and docs/gold-format.md.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Claim
from .set_units import GoldUnit, gold_unit, same_head

SCOPES = ("full", "partial", "spans_only")
METRICS = ("value", "value+unit", "value+bound", "span overlap")


@dataclass
class SetQuantity:
    start: int
    end: int
    surface: str
    value: float | None
    low: float | None
    high: float | None
    bound: str | None  # None: the set annotates no bounds (a plain number within its span is '=')
    unit: GoldUnit


@dataclass
class SetText:
    id: str
    text: str
    quantities: list[SetQuantity]
    excluded: list[tuple[int, int, str]] = field(default_factory=list)  # dates the set leaves out


@dataclass
class QuantitySet:
    name: str
    scope: str
    texts: list[SetText]
    skipped: int = 0  # unit words without a number ("the dollar") in sets that give values: not quantities


@dataclass
class Counts:
    """One metric: right claims of all claims (None where precision means nothing), right gold of all gold."""

    found_right: int = 0
    found: int | None = 0
    expected_right: int = 0
    expected: int = 0

    def add(self, other: "Counts") -> None:
        self.found_right += other.found_right if other.found is not None else 0
        self.found = (self.found or 0) + other.found if other.found is not None else self.found
        self.expected_right += other.expected_right
        self.expected += other.expected

    def scores(self) -> dict[str, float | None]:
        precision = (self.found_right / self.found if self.found else 0.0) if self.found is not None else None
        recall = self.expected_right / self.expected if self.expected else 0.0
        f1 = (2 * precision * recall / (precision + recall) if precision + recall else 0.0) if precision is not None else None
        return {"precision": precision, "recall": recall, "f1": f1}


@dataclass
class SetScore:
    name: str
    scope: str
    texts: int = 0
    gold: int = 0
    claims: int = 0
    skipped: int = 0
    metrics: dict[str, Counts] = field(default_factory=dict)  # only the metrics the set's gold supports
    unit_scored: int = 0  # matched quantities whose gold has a unit (reported where gold has no values)
    unit_right: int = 0
    measure_scored: int = 0
    measure_right: int = 0
    excluded: int = 0
    excluded_read: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        return {"scope": self.scope, "texts": self.texts, "gold": self.gold, "claims": self.claims,
                "skipped_unit_words": self.skipped,
                **{name: counts.scores() for name, counts in self.metrics.items()},
                "unit_on_matched": _share(self.unit_right, self.unit_scored),
                "measure_head": _share(self.measure_right, self.measure_scored),
                "dates_read_as_claims": _share(self.excluded_read, self.excluded)}


def _share(right: int, total: int) -> dict[str, float | int | None]:
    return {"right": right, "of": total, "share": right / total if total else None}


# ---- reading ------------------------------------------------------------------------------------------------

def read_sets(path: str | Path) -> list[QuantitySet]:
    """The sets in a ``.jsonl`` file, or in every ``*.jsonl`` of a folder (one set per file, named by its stem)."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files or not files[0].is_file():
        raise InputError("no extraction set here (expected a .jsonl file or a folder of them)", str(path))
    return [_read_set(file) for file in files]


def _read_set(file: Path) -> QuantitySet:
    records = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append((number, json.loads(line)))
            except ValueError as error:
                raise InputError(f"not JSON ({error})", str(file), number) from None
    # a set that never writes a bound leaves qualifiers outside its spans ("about [$14 million]")
    annotates_bounds = any(isinstance(record, dict) and "bound" in item for _, record in records
                           if isinstance(record.get("quantities") if isinstance(record, dict) else None, list)
                           for item in record["quantities"] if isinstance(item, dict))
    texts, scopes, skipped = [], set(), 0
    for number, record in records:
        try:
            if not isinstance(record, dict):
                raise TypeError("a line must be a JSON object")
            scope = record.get("annotation_scope", "full")
            if scope not in SCOPES:
                raise ValueError(f"annotation_scope {scope!r} is not one of {', '.join(SCOPES)}")
            scopes.add(scope)
            text = _text(record, scope, annotates_bounds)
        except KeyError as error:
            raise InputError(f"not an extraction-set record (no {error} field); see docs/gold-format.md", str(file), number) from None
        except (ValueError, TypeError, AttributeError) as error:
            raise InputError(f"not an extraction-set record ({error}); see docs/gold-format.md", str(file), number) from None
        skipped += len(record["quantities"]) - len(text.quantities)
        texts.append(text)
    if len(scopes) > 1:
        raise InputError(f"mixed annotation scopes {sorted(scopes)}: one set, one scope", str(file))
    return QuantitySet(file.stem, scopes.pop() if scopes else "full", texts, skipped)


def _text(record: dict, scope: str, annotates_bounds: bool) -> SetText:
    text = record["text"]
    if not isinstance(text, str):
        raise TypeError("text is not a string")
    quantities = []
    for item in record["quantities"]:
        start, end = int(item["start"]), int(item["end"])
        if not 0 <= start < end <= len(text):
            raise ValueError(f"offsets {start}-{end} outside the text")
        value = item.get("value")
        if value is None and scope != "spans_only":
            continue  # a unit word with no number: nothing a claim could state
        low = high = None
        if item.get("range"):
            low, high = (float(end_) for end_ in item["range"])
        quantities.append(SetQuantity(start, end, item.get("surface", text[start:end]),
                                      None if value is None else float(value), low, high,
                                      item.get("bound") or ("=" if annotates_bounds else None), gold_unit(item.get("unit"))))
    excluded = [(int(d["start"]), int(d["end"]), d.get("surface", "")) for d in record.get("dates_excluded") or []]
    return SetText(str(record["id"]), text, quantities, excluded)


# ---- scoring ------------------------------------------------------------------------------------------------

def evaluate_sets(sets: Iterable[QuantitySet], extract: Callable[[str], list[Claim]]) -> "SetScores":
    """Extract every text of every set with ``extract`` and score the claims against the set's gold."""
    return SetScores([score_set(one, extract) for one in sets])


def score_set(quantity_set: QuantitySet, extract: Callable[[str], list[Claim]]) -> SetScore:
    valued = quantity_set.scope != "spans_only"
    precise = quantity_set.scope != "partial"
    names = METRICS if valued else ("span overlap",)
    score = SetScore(quantity_set.name, quantity_set.scope, texts=len(quantity_set.texts), skipped=quantity_set.skipped,
                     metrics={name: Counts(found=0 if precise else None) for name in names})
    for item in quantity_set.texts:
        claims = extract(item.text)
        score.gold += len(item.quantities)
        score.claims += len(claims)
        _score_text(score, item, claims, valued, precise)
    return score


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return min(a_end, b_end) - max(a_start, b_start)


def _score_text(score: SetScore, item: SetText, claims: list[Claim], valued: bool, precise: bool) -> None:
    pairs = sorted(((_overlap(q.start, q.end, c.start, c.end), value_right(q, c), -c.start, qi, ci)
                    for qi, q in enumerate(item.quantities) for ci, c in enumerate(claims)
                    if _overlap(q.start, q.end, c.start, c.end) > 0), reverse=True)
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, _, qi, ci in pairs:
        if qi not in matched and ci not in taken:
            matched[qi] = ci
            taken.add(ci)
    metrics = score.metrics
    overlapped = {qi for *_, qi, _ in pairs}
    overlapping = {ci for *_, ci in pairs}
    span = metrics["span overlap"]
    span.expected += len(item.quantities)
    span.expected_right += len(overlapped)
    if precise:
        span.found += len(claims)
        span.found_right += len(overlapping)
    for name in ("value", "value+unit", "value+bound"):
        if name in metrics:
            metrics[name].expected += len(item.quantities)
            if precise:
                metrics[name].found += len(claims)
    for qi, quantity in enumerate(item.quantities):
        if qi not in matched:
            score.errors.append(f"{item.id}\tmissed\t{_gold(quantity)}")
            continue
        claim = claims[matched[qi]]
        if valued:
            _score_values(score, item.id, quantity, claim)
        elif quantity.unit.unit is not None:
            score.unit_scored += 1
            score.unit_right += quantity.unit.unit == claim.unit
            if quantity.unit.unit != claim.unit:
                score.errors.append(f"{item.id}\tunit\t{_gold(quantity)}\t=> {_claim(claim)}")
        if quantity.unit.counted is not None:
            score.measure_scored += 1
            right = same_head(quantity.unit.counted, claim.measure)
            score.measure_right += right
            if not right:
                score.errors.append(f"{item.id}\tmeasure\t{quantity.unit.counted!r} in {quantity.surface!r}\t=> {claim.measure!r}")
    for ci, claim in enumerate(claims):
        dates = [surface for start, end, surface in item.excluded if _overlap(start, end, claim.start, claim.end) > 0]
        if dates:
            score.errors.append(f"{item.id}\tdate\t{dates[0]!r}\t=> {_claim(claim)}")
        elif precise and ci not in taken:  # a claim on no gold quantity, or a second claim on one
            kind = "extra" if ci in overlapping else "spurious"
            score.errors.append(f"{item.id}\t{kind}\t\t=> {_claim(claim)}")
    score.excluded += len(item.excluded)
    score.excluded_read += sum(any(_overlap(start, end, c.start, c.end) > 0 for c in claims) for start, end, _ in item.excluded)


def _score_values(score: SetScore, text_id: str, quantity: SetQuantity, claim: Claim) -> None:
    metrics = score.metrics
    value_ok = value_right(quantity, claim)
    unit_ok = value_ok and quantity.unit.unit == claim.unit and value_right(quantity, claim, scaled_only=True)
    bound_ok = value_ok and bound_right(quantity, claim)
    for name, right in (("value", value_ok), ("value+unit", unit_ok), ("value+bound", bound_ok)):
        metrics[name].expected_right += right
        if metrics[name].found is not None:
            metrics[name].found_right += right
    kind = "value" if not value_ok else "unit" if not unit_ok else "bound" if not bound_ok else None
    if kind:
        score.errors.append(f"{text_id}\t{kind}\t{_gold(quantity)}\t=> {_claim(claim)}")


def value_right(quantity: SetQuantity, claim: Claim, scaled_only: bool = False) -> bool:
    """The claim states the gold value: as annotated or in claimcheck's unit (50 cents = 0.5 USD; a share claimcheck
    gives in percent, "one in five" = 20%, is gold's plain fraction 0.2); a range by its midpoint or by both ends.
    ``scaled_only``: in claimcheck's unit only (for value+unit)."""
    if quantity.value is None:
        return False
    scales = {quantity.unit.scale} if scaled_only else {1.0, quantity.unit.scale}
    if not scaled_only and claim.unit == "percent" and quantity.unit.unit == "count":
        scales.add(100.0)
    for scale in scales:
        if _close(claim.value, quantity.value * scale):
            return True
        if quantity.low is not None and quantity.high is not None and claim.is_range and claim.low is not None \
                and claim.high is not None and _close(claim.low, quantity.low * scale) and _close(claim.high, quantity.high * scale):
            return True
    return False


def bound_right(quantity: SetQuantity, claim: Claim) -> bool:
    """The claim's bound is gold's; where the set annotates no bounds, '=' or a qualifier in words outside the
    gold span (the set's "$14 million" in "about $14 million")."""
    if quantity.bound is not None:
        return claim.bound == quantity.bound
    return claim.bound == "=" or claim.start < quantity.start or claim.end > quantity.end


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-9)


def _gold(quantity: SetQuantity) -> str:
    value = "?" if quantity.value is None else f"{quantity.value:g}"
    return f"{quantity.surface!r} = {quantity.bound or '(=)'} {value} {quantity.unit.written or '-'}"


def _claim(claim: Claim) -> str:
    return f"{claim.text!r} = {claim.bound} {claim.value:g} {claim.unit} {claim.measure!r}"


# ---- reporting ----------------------------------------------------------------------------------------------

_SCOPE_NOTE = {"full": "full annotation", "partial": "partial annotation (one kind of quantity): recall only",
               "spans_only": "spans only (gold gives no values): span overlap and units of matched quantities"}


@dataclass
class SetScores:
    sets: list[SetScore]

    def total(self) -> SetScore:
        """Counts pooled over the sets: precision over the sets where it counts, recall over every set."""
        total = SetScore("total", "pooled", metrics={name: Counts(found=None) for name in METRICS})
        for one in self.sets:
            for name in ("texts", "gold", "claims", "skipped", "unit_scored", "unit_right", "measure_scored",
                         "measure_right", "excluded", "excluded_read"):
                setattr(total, name, getattr(total, name) + getattr(one, name))
            for name, counts in one.metrics.items():
                total.metrics[name].add(counts)
        return total

    def summary(self) -> dict:
        return {"sets": {one.name: one.summary() for one in self.sets}, "total": self.total().summary()}

    def report_lines(self) -> list[str]:
        lines: list[str] = []
        for one in [*self.sets, self.total()]:
            note = _SCOPE_NOTE.get(one.scope, "pooled: precision over full and spans-only sets, recall over all")
            lines += [f"{one.name} — {note}", f"  {one.texts} texts, {one.gold} gold quantities, {one.claims} claims"
                      + (f" ({one.skipped} unit words without a number left out)" if one.skipped else ""),
                      f"  {'':14}{'precision':>10}{'recall':>10}{'F1':>10}"]
            for name in METRICS:
                scores = one.metrics[name].scores() if name in one.metrics else {}
                lines.append(f"  {name:14}" + "".join(f"{_cell(scores.get(key)):>10}" for key in ("precision", "recall", "f1")))
            if one.unit_scored:
                lines.append(f"  unit right on matched quantities with a gold unit: {_ratio(one.unit_right, one.unit_scored)}")
            if one.measure_scored:
                lines.append(f"  measure head right where gold counts a noun:      {_ratio(one.measure_right, one.measure_scored)}")
            if one.excluded:
                lines.append(f"  dates read as claims:                             {_ratio(one.excluded_read, one.excluded)}")
            lines.append("")
        return lines + self.overview_lines()

    def overview_lines(self) -> list[str]:
        """One row per set: F1 where precision counts, else recall (marked R)."""
        header = (f"{'set':24} {'scope':10} {'texts':>5} {'gold':>5} {'claims':>6}  {'value':>7} {'+unit':>7} "
                  f"{'+bound':>7} {'span':>7}  {'measure':>9}")
        lines = [header, "-" * len(header)]
        for one in [*self.sets, self.total()]:
            cells = []
            for name in METRICS:
                scores = one.metrics[name].scores() if name in one.metrics else None
                if scores is None:
                    cells.append("—")
                elif name == "span overlap":
                    cells.append(f"R {scores['recall']:.3f}" if scores["f1"] is None else f"{scores['recall']:.3f}")
                else:
                    cells.append(f"{scores['f1']:.3f}" if scores["f1"] is not None else f"R {scores['recall']:.3f}")
            measure = f"{one.measure_right}/{one.measure_scored}" if one.measure_scored else "—"
            if one.name == "total":
                lines.append("-" * len(header))
            lines.append(f"{one.name:24} {one.scope:10} {one.texts:5} {one.gold:5} {one.claims:6}  "
                         + " ".join(f"{cell:>7}" for cell in cells) + f"  {measure:>9}")
        lines.append("value, +unit, +bound: F1 (R: recall only, partial sets); span: share of gold quantities a claim "
                     "overlaps; total: precision pooled over the sets where it counts, recall over all")
        return lines

    def error_lines(self) -> list[str]:
        return [f"{one.name}\t{line}" for one in self.sets for line in one.errors]


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _ratio(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.3f})" if total else "—"


__all__ = ["QuantitySet", "SetScore", "SetScores", "evaluate_sets", "read_sets", "score_set", "value_right"]
