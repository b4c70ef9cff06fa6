"""Extraction scored on public quantity-extraction sets (claimcheck evaluate --sets)."""

import json

import pytest

from claimcheck.errors import InputError
from claimcheck.evaluation.set_units import gold_unit, same_head
from claimcheck.evaluation.sets import evaluate_sets, read_sets
from claimcheck.model import Claim

from conftest import ROOT

SETS = ROOT.parent / "shared" / "eval" / "extraction"
SET_NAMES = {"cogcomp_train", "measeval_train", "measeval_trial", "quantulum3_ambiguity", "quantulum3_tests",
             "rtxt_spec_number", "rtxt_spec_numberrange", "rtxt_spec_percent", "rtxt_spec_units"}


def claim(text: str, phrase: str, value: float, unit: str = "count", bound: str = "=", measure: str | None = None,
          low: float | None = None, high: float | None = None, is_range: bool = False) -> Claim:
    start = text.index(phrase)
    return Claim("<text>", start, start + len(phrase), phrase, text, value, low if low is not None else value,
                 high if high is not None else value, bound=bound, is_range=is_range, unit=unit, measure=measure)


def write_set(path, records) -> None:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")


def quantity(text: str, phrase: str, value, unit, **extra) -> dict:
    start = text.index(phrase)
    return {"value": value, "unit": unit, "surface": phrase, "start": start, "end": start + len(phrase), **extra}


def test_gold_units_are_spelled_the_way_claimcheck_writes_them():
    assert gold_unit("physical:kilometer ** 2").unit == "kilometer ** 2"
    assert gold_unit("physical:kilometre").unit == "kilometer"
    assert gold_unit("currency:GBP").unit == "GBP"
    assert (gold_unit("currency:cent").unit, gold_unit("currency:cent").scale) == ("USD", 0.01)
    assert gold_unit("currency:USD/hour").unit == "USD / hour"
    assert gold_unit("percent:%").unit == "percent"
    assert gold_unit("dimensionless:1").unit == "count"
    assert (gold_unit("noun:dozen").unit, gold_unit("noun:dozen").scale) == ("count", 12.0)
    assert gold_unit("noun:participant") == gold_unit("noun:participant")
    participant = gold_unit("noun:elderly participant")
    assert (participant.unit, participant.counted) == ("count", "participant")
    assert gold_unit("noun:lines of code").counted == "lines"
    assert gold_unit("noun:wt.%").unit == "percent"
    assert gold_unit("noun:bit").unit == "bit" and gold_unit("noun:bit").counted is None  # a unit, not a thing counted
    assert gold_unit("noun:rp").unit == "noun:rp" and gold_unit("noun:rp").counted is None
    assert gold_unit("noun:pairs per mm").counted is None
    assert gold_unit(None).unit is None


def test_a_measure_is_right_when_its_head_is_the_gold_head_singular_or_plural():
    assert same_head("cable", "undersea cables") and same_head("cables", "cable")
    assert same_head("child", "children") and same_head("people", "people") and same_head("man", "wounded men")
    assert same_head("carry", "carries") and same_head("vertice", "sdg vertices")
    assert not same_head("cable", "cable cuts") and not same_head("guard", None)


def test_a_full_set_is_scored_for_precision_and_recall(tmp_path):
    text = "About 20 people walked 5 km and paid £30, between 2 and 4 times."
    write_set(tmp_path / "mini.jsonl", [{
        "id": "a", "text": text, "annotation_scope": "full",
        "quantities": [quantity(text, "20 people", 20.0, "noun:person"), quantity(text, "5 km", 5.0, "physical:kilometer"),
                       quantity(text, "£30", 30.0, "currency:GBP"),
                       quantity(text, "between 2 and 4", 3.0, "dimensionless:1", range=[2.0, 4.0])]}])
    claims = [claim(text, "About 20", 20, bound="~", measure="people"),   # qualifier outside the gold span: right
              claim(text, "5 km", 5, unit="mile"),                        # value right, unit wrong
              claim(text, "30", 30, unit="GBP"),
              claim(text, "2 and 4", 3, low=2, high=4, is_range=True),
              claim(text, "paid", 1)]                                     # on no gold quantity
    scores = evaluate_sets(read_sets(tmp_path), lambda _: claims)
    summary = scores.summary()["sets"]["mini"]
    assert (summary["gold"], summary["claims"]) == (4, 5)
    assert summary["value"] == {"precision": 4 / 5, "recall": 1.0, "f1": pytest.approx(2 * 0.8 / 1.8)}
    assert summary["value+unit"]["recall"] == 3 / 4 and summary["value+unit"]["precision"] == 3 / 5
    assert summary["value+bound"]["recall"] == 1.0  # the set writes no bounds: 'About' lies outside its span
    assert summary["span overlap"] == {"precision": 4 / 5, "recall": 1.0, "f1": pytest.approx(2 * 0.8 / 1.8)}
    assert summary["measure_head"] == {"right": 1, "of": 1, "share": 1.0}
    assert [line.split("\t")[2] for line in scores.error_lines()] == ["unit", "spurious"]


def test_a_partial_set_counts_recall_only_and_says_so(tmp_path):
    text = "It rose by more than 40 and by 7."
    write_set(tmp_path / "ranges.jsonl", [{
        "id": "r", "text": text, "annotation_scope": "partial",
        "quantities": [quantity(text, "more than 40", 40.0, "dimensionless:1", bound=">"),
                       {"value": None, "unit": "percent:%", "surface": "It", "start": 0, "end": 2}]}])
    claims = [claim(text, "more than 40", 40, bound=">="), claim(text, "7", 7)]
    scores = evaluate_sets(read_sets(tmp_path / "ranges.jsonl"), lambda _: claims)
    summary = scores.summary()["sets"]["ranges"]
    assert summary["gold"] == 1 and summary["skipped_unit_words"] == 1  # a unit word without a number is no quantity
    assert summary["value"] == {"precision": None, "recall": 1.0, "f1": None}
    assert summary["value+bound"]["recall"] == 0.0  # the set writes '>' and the claim says '>='
    report = "\n".join(scores.report_lines())
    assert "recall only" in report and "R 1.000" in report
    assert all("spurious" not in line for line in scores.error_lines())


def test_a_spans_only_set_scores_span_overlap_units_and_dates(tmp_path):
    text = "On 3 May 530 participants lost 2 kg."
    write_set(tmp_path / "spans.jsonl", [{
        "id": "s", "text": text, "annotation_scope": "spans_only",
        "dates_excluded": [{"surface": "3 May", "start": 3, "end": 8}],
        "quantities": [quantity(text, "530 participants", None, "noun:participant"), quantity(text, "2 kg", None, "physical:kilogram")]}])
    claims = [claim(text, "3", 3), claim(text, "530", 530, measure="participants"), claim(text, "2 kg", 2, unit="gram")]
    summary = evaluate_sets(read_sets(tmp_path), lambda _: claims).summary()["sets"]["spans"]
    assert "value" not in summary and summary["span overlap"]["recall"] == 1.0 and summary["span overlap"]["precision"] == 2 / 3
    assert summary["unit_on_matched"] == {"right": 1, "of": 2, "share": 0.5}
    assert summary["measure_head"]["share"] == 1.0 and summary["dates_read_as_claims"]["right"] == 1


def test_a_bad_set_line_is_one_located_error(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "text": "x", "quantities": []}\n{"id": "b", "text": "x"}\n')
    with pytest.raises(InputError, match=r"bad\.jsonl:2: .*no 'quantities' field"):
        read_sets(tmp_path / "bad.jsonl")
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "text": "x", "quantities": [{"start": 0, "end": 5, "value": 1}]}\n')
    with pytest.raises(InputError, match=r"bad\.jsonl:1: .*outside the text"):
        read_sets(tmp_path / "bad.jsonl")
    with pytest.raises(InputError, match="no extraction set here"):
        read_sets(tmp_path / "missing")


def test_evaluate_sets_command_on_the_development_sets(cli):
    if not SETS.is_dir():
        pytest.skip("the extraction sets are not beside the repository (../shared/eval/extraction)")
    result = cli("evaluate", "--sets", "../shared/eval/extraction", "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert set(scores["sets"]) == SET_NAMES
    for name, summary in scores["sets"].items():
        assert summary["gold"] > 0 and summary["claims"] > 0, name
        if name.startswith("rtxt_spec_"):
            assert summary["scope"] == "partial" and summary["value"]["precision"] is None, name
    total = scores["total"]
    for key in ("value", "value+unit", "value+bound", "span overlap"):
        assert all(0.0 <= total[key][part] <= 1.0 for part in ("precision", "recall", "f1")), key
    # a little below the extractor's figures when these were written (0.639, 0.461, 0.618, 0.887, 26/27)
    assert total["value"]["f1"] >= 0.58
    assert total["value+unit"]["f1"] >= 0.41
    assert total["value+bound"]["f1"] >= 0.56
    assert total["span overlap"]["recall"] >= 0.84
    assert total["measure_head"]["of"] >= 25 and total["measure_head"]["share"] >= 0.85
    table = cli("evaluate", "--sets", "../shared/eval/extraction/rtxt_spec_percent.jsonl")
    assert table.returncode == 0 and "recall only" in table.stdout and "rtxt_spec_percent" in table.stdout
