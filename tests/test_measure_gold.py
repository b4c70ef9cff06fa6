"""What counted claims count, scored on labelled real news (claimcheck evaluate --measures)."""

import json
from collections import Counter

import pytest

from claimcheck.errors import InputError
from claimcheck.evaluation.measures import evaluate_measures, read_measure_gold
from claimcheck.evaluation.set_units import same_head
from claimcheck.model import Claim

from conftest import GOLD, ROOT

SAMPLE = GOLD / "measures" / "ecb_sample.jsonl"
ECB = ROOT.parent / "shared" / "eval" / "realnews" / "ecb_dev"


def test_the_ecb_sample_is_300_counted_claims_across_clusters():
    labels = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    assert len(labels) == 300
    assert len({label["doc"].split("/")[0] for label in labels}) >= 15
    assert len({(label["doc"], label["line"], label["text"], label.get("occurrence", 1)) for label in labels}) == 300
    for label in labels:
        assert set(label) <= {"doc", "line", "text", "value", "measure", "head", "subject", "occurrence"}, label
        assert len(label["text"]) <= 20 and label["measure"] == label["measure"].lower(), label
        assert " " not in label["head"] and same_head(label["head"], label["measure"]), label
    heads = Counter(label["head"] for label in labels)
    assert heads["people"] >= 10 and heads["point"] >= 10 and sum(label["subject"] is not None for label in labels) >= 100


def _folder(tmp_path):
    docs = tmp_path / "docs" / "t99_ecb"
    docs.mkdir(parents=True)
    (docs / "99_1ecb.txt").write_text("Storm cuts power\nTwo linemen and a dozen volunteers worked all night.\n"
                                      "Crews restored 40 of the 55 lines by noon.\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(record) + "\n" for record in [
        {"doc": "t99_ecb/99_1ecb", "line": 2, "text": "Two", "value": 2, "measure": "linemen", "head": "lineman", "subject": None},
        {"doc": "t99_ecb/99_1ecb", "line": 2, "text": "a dozen", "value": 12, "measure": "volunteers", "subject": None},
        {"doc": "t99_ecb/99_1ecb", "line": 3, "text": "40", "value": 40, "measure": "lines", "subject": "the crews"},
        {"doc": "t99_ecb/99_1ecb", "line": 3, "text": "55", "value": 55, "measure": "lines", "subject": None}]), encoding="utf-8")
    return gold, tmp_path / "docs"


def test_measures_are_scored_on_the_claim_over_each_labelled_number(tmp_path):
    gold, docs = _folder(tmp_path)
    labels = read_measure_gold(gold, docs)
    text = labels.documents["t99_ecb/99_1ecb"].text
    assert [text[label.start:label.end] for label in labels.labels] == ["Two", "a dozen", "40", "55"]
    assert labels.labels[1].head == "volunteer"  # the head is the measure's last word when not given

    def extract(document):
        def claim(phrase, value, measure):
            start = document.text.index(phrase)
            return Claim(document.id, start, start + len(phrase), phrase, "", value, value, value, measure=measure)
        return [claim("Two", 2, "linemen"), claim("a dozen", 12, "night"), claim("40", 40, "lines")]

    scores = evaluate_measures(labels, extract)
    assert (scores.labelled, scores.found, scores.head_right, scores.value_right) == (4, 3, 2, 3)
    assert (scores.subjects, scores.subjects_scored, scores.subjects_right) == (1, 1, 0)  # the claim names no subject
    assert scores.clusters == {"t99_ecb": [4, 3, 2]}
    assert [line.split("\t")[2] for line in scores.error_lines()] == ["measure", "subject", "missed"]
    report = "\n".join(scores.report_lines())
    assert "2/3 of found (0.667); 2/4 of labelled (0.500)" in report


def test_a_label_that_does_not_fit_its_document_is_one_located_error(tmp_path):
    gold, docs = _folder(tmp_path)
    gold.write_text('{"doc": "t99_ecb/99_1ecb", "line": 2, "text": "forty", "value": 40, "measure": "lines"}\n')
    with pytest.raises(InputError, match=r"gold\.jsonl:1: 'forty' is not on line 2"):
        read_measure_gold(gold, docs)
    gold.write_text('{"doc": "t99_ecb/99_2ecb", "line": 2, "text": "Two", "value": 2, "measure": "linemen"}\n')
    with pytest.raises(InputError, match=r"gold\.jsonl:1: document 't99_ecb/99_2ecb' not found"):
        read_measure_gold(gold, docs)
    gold.write_text('{"doc": "t99_ecb/99_1ecb", "line": 2, "text": "Two", "value": "2", "measure": "linemen"}\n')
    with pytest.raises(InputError, match=r"gold\.jsonl:1: not a measure label \('value' is missing or not a number\)"):
        read_measure_gold(gold, docs)


def test_evaluate_measures_command_on_the_ecb_sample(cli):
    if not ECB.is_dir():
        pytest.skip("the ECB+ development texts are not beside the repository (../shared/eval/realnews/ecb_dev)")
    result = cli("evaluate", "--measures", "tests/gold/measures/ecb_sample.jsonl", "--docs", "../shared/eval/realnews/ecb_dev",
                 "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert (scores["labelled"], scores["clusters"], scores["subjects_labelled"]) == (300, 52, 145)
    # a little below today's figures (292 found; 255 of them right, 0.873 of found, 0.850 of labelled)
    assert scores["found_share"] >= 0.96
    assert scores["head_right_of_found"] >= 0.86 and scores["head_right_of_labelled"] >= 0.84
    errors = cli("evaluate", "--measures", "tests/gold/measures/ecb_sample.jsonl", "--docs", "../shared/eval/realnews/ecb_dev",
                 "--show-errors")
    assert errors.returncode == 0 and "measure head right:" in errors.stdout
    assert "t30_ecb" in errors.stdout and "\tmeasure\t" in errors.stdout
