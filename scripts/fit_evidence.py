"""Fit the weights of the same-quantity evidence (claimcheck/evidence/) on labelled news clusters.

    python scripts/fit_evidence.py --clusters tests/gold/realnews/ecb --docs ../shared/eval/realnews/ecb_dev [--write]

Several labelled sets may be given (``--clusters A --docs A_DOCS --clusters B --docs B_DOCS``): their pairs are
pooled, and the held-out scores are printed for each set as well as for all.

Every pair of claims a fact would compare is a sample: its evidence features, and whether the gold puts the two
claims in one group. A logistic regression (Newton's method, L2) is fitted leaving one topic out at a time, so the
printed scores are for topics the weights never saw; with --write the weights fitted on every topic, and the
thresholds chosen from the held-out scores, go to claimcheck/evidence/evidence.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import claimcheck  # noqa: E402
from claimcheck.evaluation.clusters import match_mentions, read_cluster_gold  # noqa: E402
from claimcheck.checks.kinds.agree import comparable  # noqa: E402
from claimcheck.events import find_events  # noqa: E402
from claimcheck.evidence import features, figures_per_source, source_key  # noqa: E402
from claimcheck.facts import _candidates
from claimcheck.measure_keys import head_key  # noqa: E402


def samples(gold: Path, docs: Path) -> list[tuple[str, int, dict, bool, bool]]:
    """(topic, label, features, values differ, a labelled disagreement) for every pair facts would compare."""
    checker = claimcheck.Checker()
    rows = []
    for topic in read_cluster_gold(gold, docs):
        result = checker.check([*topic.folders, *topic.files])
        events = {document.id: document.event for document in result.documents}
        matched = match_mentions(topic.mentions, result.claims)
        group = {id(claim): mention.group for mention, claim in matched.items()}
        mention = {id(claim): mention for mention, claim in matched.items()}
        synonyms = checker.rule_set.synonyms
        for candidates in _candidates(result.claims, synonyms, events, checker.rule_set.standing_measures()):
            figures = figures_per_source(candidates.claims)
            for first, second in comparable(candidates.claims):
                values = features(first, second, events[first.doc] == events[second.doc],
                                  (figures[source_key(first)], figures[source_key(second)]),
                                  (head_key(first.measure, synonyms), head_key(second.measure, synonyms)))
                label = int(group.get(id(first)) is not None and group.get(id(first)) == group.get(id(second)))
                differ = not _agree(first, second)
                pair = frozenset((id(mention[id(first)]), id(mention[id(second)]))) if label else None
                rows.append((topic.name, label, values, differ, bool(pair and pair in topic.disagreements)))
    return rows


def _agree(first, second) -> bool:
    """Whether two figures agree, units converted (as the agree rule compares them, without extra tolerance)."""
    try:
        return first.interval.to(first.unit, second.unit).overlaps(second.interval)
    except Exception:  # units pint cannot convert: never the same quantity anyway
        return False


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    design = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(design.shape[1])
    penalty = np.r_[np.full(x.shape[1], l2), 0.0]
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty * w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(np.hstack([x, np.ones((len(x), 1))]) @ w)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=Path, action="append", help="a folder of cluster gold (repeatable)")
    parser.add_argument("--docs", type=Path, action="append", help="its documents (one for each --clusters)")
    parser.add_argument("--write", action="store_true", help="write the weights to claimcheck/evidence/evidence.json")
    arguments = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        golds = arguments.clusters or [ROOT / "tests" / "gold" / "realnews" / "ecb"]
        folders = arguments.docs or [ROOT.parent / "shared" / "eval" / "realnews" / "ecb_dev"]
        if len(golds) != len(folders):
            parser.error("give one --docs for each --clusters")
        rows = [(f"{gold}:{topic}", *rest) for gold, docs in zip(golds, folders)
                for topic, *rest in samples(gold, docs)]
    names = list(rows[0][2])
    x = np.array([[row[2][name] for name in names] for row in rows])
    y = np.array([row[1] for row in rows], dtype=float)
    topics = np.array([row[0] for row in rows])
    differ = np.array([row[3] for row in rows])
    disagreement = np.array([row[4] for row in rows])
    held_out = np.zeros(len(y))
    for topic in sorted(set(topics)):
        inside = topics == topic
        held_out[inside] = predict(fit(x[~inside], y[~inside]), x[inside])
    print(f"{len(y)} pairs a fact compares, {int(y.sum())} of one quantity; {int(differ.sum())} whose figures differ "
          f"({int(y[differ].sum())} of one quantity, {int(disagreement.sum())} labelled disagreements)")
    sets = np.array([topic.rsplit(":", 1)[0] for topic in topics])
    for name in ["all", *sorted(set(sets))] if len(set(sets)) > 1 else ["all"]:
        inside = np.ones(len(y), dtype=bool) if name == "all" else sets == name
        print(f"scores of topics left out of the fit ({name}):")
        print(f"{'threshold':>9}  {'same-quantity P':>15} {'R':>5}   {'differing: P':>12} {'R':>5} {'n':>5}")
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            chosen = (held_out >= threshold) & inside
            differing = chosen & differ
            print(f"{threshold:9.1f}  {_share(y[chosen]):15.3f} {y[chosen].sum() / max(y[inside].sum(), 1):5.3f}   "
                  f"{_share(y[differing]):12.3f} {y[differing].sum() / max(y[differ & inside].sum(), 1):5.3f} "
                  f"{int(differing.sum()):5}")
    weights = fit(x, y)
    print("weights (all topics):")
    for name, value in sorted(zip([*names, "bias"], weights), key=lambda item: -abs(item[1])):
        print(f"  {name:18} {value:+.3f}")
    if arguments.write:
        path = ROOT / "claimcheck" / "evidence" / "evidence.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["weights"] = {name: round(float(value), 4) for name, value in zip([*names, "bias"], weights)}
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path}")


def _share(values: np.ndarray) -> float:
    return float(values.mean()) if len(values) else 0.0


if __name__ == "__main__":
    main()
