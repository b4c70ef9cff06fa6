"""The Checker session and its executor, and what the refactorings behind them keep byte for byte."""

import json
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import claimcheck
from conftest import EXAMPLES, ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
SNAPSHOTS = ROOT / "tests" / "snapshots"


def as_dicts(result) -> list[dict]:
    return [finding.to_dict() for finding in result.findings]


def test_the_example_corpus_report_is_unchanged(cli):
    result = cli("check", "examples/corpus", "--format", "json", "--no-cache")
    assert result.returncode == 1
    assert result.stdout == (SNAPSHOTS / "corpus.json").read_text(encoding="utf-8")


def test_the_seeds_report_is_unchanged(cli):
    if not SEEDS.is_dir():
        pytest.skip("the seed pages are not beside the repository")
    result = cli("check", "../shared/seeds", "--format", "json", "--no-cache")
    report = json.loads(result.stdout)
    for finding in report["findings"]:  # the snapshot keeps figures and places, not the pages' sentences
        for claim in finding["claims"]:
            del claim["sentence"], claim["text"]
    expected = json.loads((SNAPSHOTS / "seeds.json").read_text(encoding="utf-8"))
    assert report == expected


def test_a_checker_keeps_its_settings_across_calls(tmp_path):
    checker = claimcheck.Checker(cache_dir=tmp_path / "cache", root=EXAMPLES.parent)
    first = checker.check([EXAMPLES])
    assert checker.rule_set is checker.rule_set  # loaded once
    again = checker.check([EXAMPLES])
    assert as_dicts(first) == as_dicts(again) == as_dicts(claimcheck.check_result([EXAMPLES], root=EXAMPLES.parent))
    assert [claim.to_dict() for claim in checker.extract([EXAMPLES])] == [claim.to_dict() for claim in first.claims]
    assert {"violated": 3, "changed": 1, "consistent": 8} == first.summary["findings"]


def test_one_off_calls_take_settings_by_keyword():
    with pytest.raises(TypeError):
        claimcheck.check_result([EXAMPLES], None)
    assert claimcheck.check([EXAMPLES], bundled=True) == claimcheck.check_result([EXAMPLES]).findings


def test_checking_claims_already_extracted_gives_the_same_findings():
    checker = claimcheck.Checker()
    documents = checker.read([EXAMPLES])
    assert as_dicts(checker.check_claims(documents, checker.extract(documents))) == as_dicts(checker.check(documents))


@pytest.mark.parametrize("make", [lambda: ThreadPoolExecutor(2), lambda: ProcessPoolExecutor(2)], ids=["threads", "processes"])
def test_an_executor_extracts_and_judges_facts_with_the_same_result(make):
    documents = claimcheck.read_documents([EXAMPLES]) * 1
    plain = claimcheck.Checker().check(documents)
    with make() as executor:
        spread = claimcheck.Checker(executor=executor).check(documents)
    assert as_dicts(spread) == as_dicts(plain)
    assert spread.summary == plain.summary


@pytest.mark.parametrize("make", [lambda: ThreadPoolExecutor(2), lambda: ProcessPoolExecutor(2)], ids=["threads", "processes"])
def test_facts_judged_elsewhere_read_their_pages_and_dates_as_one_process_does(make, tmp_path):
    day = "Tuesday, 3 March 2009\n\n"
    (tmp_path / "a.txt").write_text("Kabul bombing\n" + day + "A suicide bomber killed 12 people at a market in Kabul on "
                                    "Monday, injuring 30, police said.\n" + "Shops were shut.\n" * 5 + "It was the "
                                    "deadliest blast since a hotel bombing killed 40 people.\n")
    (tmp_path / "b.txt").write_text("Kabul blast\n" + day + "A suicide bombing at a Kabul market on "
                                    "Monday killed 15 people and injured 22, officials said.\n")
    plain = claimcheck.Checker().check([tmp_path])
    with make() as executor:
        spread = claimcheck.Checker(executor=executor).check([tmp_path])
    assert as_dicts(spread) == as_dicts(plain)
    # the hotel bombing's 40 is recalled below the lead: no account of the market's toll, wherever facts are judged
    assert sorted([claim.text for claim in finding.about] for finding in plain.findings if finding.status == "violated") \
        == [["12", "15"], ["30", "22"]]
