"""Rule quality on the project's own document sets with expected findings (tests/gold/findings)."""

import claimcheck
from claimcheck.evaluation import evaluate_findings, read_findings_gold
from conftest import GOLD


def test_finding_precision_and_recall():
    sets = read_findings_gold(GOLD / "findings")
    assert len(sets) >= 10 and sum(len(expected) for expected in sets.values()) >= 35
    scores = evaluate_findings(sets, claimcheck.load_rules()).summary()
    assert scores["precision"] >= 0.9, scores
    assert scores["recall"] >= 0.95, scores  # 38 of the 40: a rule that loses one of them shows here


def test_evaluate_command(cli):
    result = cli("evaluate", "--findings", "tests/gold/findings")
    assert result.returncode == 0
    assert result.stdout.startswith("expected findings ")
