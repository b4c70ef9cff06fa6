"""Extraction quality on the project's own annotated gold (tests/gold/extraction), held to its floors."""

import pytest

import claimcheck
from claimcheck.evaluation import evaluate, read_gold
from conftest import GOLD


@pytest.fixture(scope="module")
def scores():
    return evaluate(read_gold(GOLD / "extraction"), claimcheck.extract_text).summary()


def test_gold_is_large_enough(scores):
    assert scores["gold_claims"] >= 300
    assert scores["negatives"] >= 60


def test_value_f1(scores):
    assert scores["value"]["f1"] >= 0.95


def test_value_and_unit_f1(scores):
    assert scores["value+unit"]["f1"] >= 0.95


def test_bound_right_on_matched_claims(scores):
    assert scores["bound_accuracy"] >= 0.95


def test_measure_head_noun(scores):
    assert scores["measure_head_accuracy"] >= 0.85


def test_dates_times_and_chrome_rarely_become_claims(scores):
    assert scores["false_claim_rate_on_negatives"] <= 0.02
