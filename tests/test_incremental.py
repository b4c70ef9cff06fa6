"""Incremental checking: what a re-run reuses (documents, facts, whole runs, remembered library answers)
gives exactly what a run from scratch gives."""

import dataclasses
import json
import shutil

import pytest

import claimcheck
from claimcheck.cache import CACHE_FORMAT
from claimcheck.checks import registry
from claimcheck.memo import Memo
from conftest import EXAMPLES

WIRE = ("Monday, {day} March 2019\n\nAbout {troops} US troops remain in Syria, officials said on Monday. "
        "Aid agencies said 1,200 families had fled the town.\n")
TROOPS = [2000, 2000, 2200, 5200]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, folder)
    for number, troops in enumerate(TROOPS, 1):
        (folder / f"wire-{number}.txt").write_text(WIRE.format(day=number + 3, troops=f"{troops:,}"), encoding="utf-8")
    return folder


def snapshot(result):
    return [finding.to_dict() for finding in result.findings], result.summary


def cached_run(corpus, cache, **options):
    return claimcheck.check_result([corpus], cache_dir=cache, reuse_findings=True, root=corpus.parent, **options)


def fresh_run(corpus, **options):
    return claimcheck.check_result([corpus], root=corpus.parent, **options)


def count_agree_calls(monkeypatch) -> list:
    calls = []
    original = registry.rule_kinds()["agree"]

    def counted(rule, context, fact):
        calls.append(str(fact.key))
        return original.check(rule, context, fact)

    monkeypatch.setitem(registry.rule_kinds(), "agree", dataclasses.replace(original, check=counted))
    return calls


def test_an_unchanged_run_reports_the_stored_findings(corpus, tmp_path):
    cache = tmp_path / "cache"
    fresh = fresh_run(corpus)
    first = cached_run(corpus, cache)
    again = cached_run(corpus, cache)
    assert snapshot(first) == snapshot(again) == snapshot(fresh)
    assert len(fresh.findings) > 10 and any(f.status == "violated" for f in fresh.findings)
    assert first.claims and again.claims == [] and again.summary["claims"] == len(fresh.claims)
    runs = sorted(path.name.split("-")[0] for path in (cache / f"runs-v{CACHE_FORMAT}").glob("*.json"))
    assert len(runs) == 2 and runs[1] == "latest"  # the run, and the pointer to it for its corpus


def reword(corpus):
    page = corpus / "wire-2.txt"
    page.write_text(page.read_text().replace("officials said on Monday", "a spokesman told reporters on Monday"))


def correct_figure(corpus):
    page = corpus / "strike-tally.txt"
    page.write_text(page.read_text().replace("28 strikes in Iraq", "29 strikes in Iraq"))


def remove_page(corpus):
    (corpus / "wire-3.txt").unlink()


def add_page(corpus):
    (corpus / "wire-5.txt").write_text(WIRE.format(day=9, troops="9,000"), encoding="utf-8")


def edit(corpus, name, old, new):
    page = corpus / name
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_figure(corpus):  # a new claim of a measure other pages state
    edit(corpus, "wire-2.txt", "had fled the town.", "had fled the town. Another 300 families had fled the valley.")


def drop_figure(corpus):  # the first claim of the page goes, so every later claim moves up one place
    edit(corpus, "wire-3.txt", "About 2,200 US troops remain in Syria, officials said on Monday. ", "")


def rename_measure(corpus):  # the same number, now of another measure
    edit(corpus, "wire-4.txt", "1,200 families", "1,200 households")


def reorder_sentences(corpus):  # the same figures in another order: no fact changes, every claim moves
    edit(corpus, "wire-1.txt", "About 2,000 US troops remain in Syria, officials said on Monday. "
         "Aid agencies said 1,200 families had fled the town.",
         "Aid agencies said 1,200 families had fled the town. "
         "About 2,000 US troops remain in Syria, officials said on Monday.")


def redate_page(corpus):  # every claim of the page takes the new date
    edit(corpus, "wire-4.txt", "Monday, 7 March 2019", "Monday, 7 October 2019")


def edit_two_pages(corpus):
    correct_figure(corpus)
    edit(corpus, "wire-1.txt", "2,000 US troops", "2,600 US troops")


PATCHED_EDITS = [reword, correct_figure, add_figure, drop_figure, rename_measure, reorder_sentences, edit_two_pages]


@pytest.mark.parametrize("change", [*PATCHED_EDITS, remove_page, add_page, redate_page])  # a re-dated page may change events
def test_after_an_edit_the_cached_run_equals_a_fresh_one(corpus, tmp_path, change):
    cache = tmp_path / "cache"
    before = snapshot(cached_run(corpus, cache))
    change(corpus)
    after = cached_run(corpus, cache)
    assert snapshot(after) == snapshot(fresh_run(corpus))
    assert snapshot(after) != before
    # a few edited pages patch the last run (which leaves claims and facts uncounted one by one)
    assert (after.claims == []) == (change in PATCHED_EDITS)
    # and the patched run is itself a sound base for the next edit
    reword(corpus) if change is not reword else edit(corpus, "wire-1.txt", "officials said", "an officer said")
    assert snapshot(cached_run(corpus, cache)) == snapshot(fresh_run(corpus))


def test_rewording_a_page_judges_again_only_the_facts_of_the_reworded_sentence(corpus, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cached_run(corpus, cache)
    calls = count_agree_calls(monkeypatch)
    reword(corpus)  # who says so is part of the evidence that two figures are one quantity
    result = cached_run(corpus, cache)
    assert calls and all("troops" in key for key in calls)
    assert len(set(calls)) < len(fresh_run(corpus).facts)
    moved = [claim for claim in fresh_run(corpus).claims if claim.doc.endswith("wire-2.txt")]
    quoted = [claim for finding in result.findings for claim in finding.claims if claim.doc.endswith("wire-2.txt")]
    assert quoted and all(claim in moved for claim in quoted)  # findings quote the reworded sentence, not the old one
    assert any("spokesman" in claim.sentence for claim in quoted)


def test_correcting_a_figure_judges_only_its_facts_again(corpus, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cached_run(corpus, cache)
    calls = count_agree_calls(monkeypatch)
    correct_figure(corpus)
    result = cached_run(corpus, cache)
    assert calls and all("strike" in key for key in calls)
    assert len(set(calls)) < len(fresh_run(corpus).facts)
    assert any(f.rule == "parts-sum-to-total" and f.status == "violated" and f.message.startswith("27 + 29 = 56 ≠ 55")
               for f in result.findings)


def test_a_changed_rule_set_is_never_answered_from_the_cache(corpus, tmp_path):
    cache = tmp_path / "cache"
    cached_run(corpus, cache)
    rules = tmp_path / "strict.yaml"
    rules.write_text("version: 1\nrules:\n  - id: troops-exact\n    kind: agree\n    measures: [troops]\n    tolerance: {rel: 0}\n")
    cached = cached_run(corpus, cache, rules=[rules])
    assert snapshot(cached) == snapshot(fresh_run(corpus, rules=[rules]))
    assert any(finding.rule == "troops-exact" for finding in cached.findings)


def test_fingerprints_follow_the_project_root_not_the_cache(corpus, tmp_path):
    cache = tmp_path / "cache"
    cached_run(corpus, cache)
    elsewhere = claimcheck.check_result([corpus], cache_dir=cache, reuse_findings=True, root=corpus)
    assert snapshot(elsewhere) == snapshot(claimcheck.check_result([corpus], root=corpus))
    assert snapshot(elsewhere) != snapshot(fresh_run(corpus))


def test_damaged_entries_are_worked_out_again(corpus, tmp_path):
    cache = tmp_path / "cache"
    cached_run(corpus, cache)
    for entry in cache.rglob("*.json"):
        entry.write_text('{"claims": [[1, 2]], "findings": 3, "checks": {"rules": "x"}')
    reword(corpus)  # so that the run itself is not answered whole
    assert snapshot(cached_run(corpus, cache)) == snapshot(fresh_run(corpus))


def test_library_answers_are_remembered_across_runs(corpus, tmp_path):
    cache = tmp_path / "cache"
    cached_run(corpus, cache)
    lemmas = json.loads((cache / f"memos-v{CACHE_FORMAT}" / "simplemma-lemmas.json").read_text())
    assert lemmas["answers"]["caches"] == "cache" and "quantulum3" in lemmas["stamp"]
    units = json.loads((cache / f"memos-v{CACHE_FORMAT}" / "quantulum3-unit-readings.json").read_text())["answers"]
    assert ["kilometer ** 2", len(" square kilometers"), "physical"] in units.values()


def test_a_memo_learns_and_hands_over_what_it_worked_out():
    calls = []
    memo = Memo("test", lambda word: calls.append(word) or word.upper())
    memo.learn({"known": "KNOWN"})
    assert [memo("known"), memo("new"), memo("new")] == ["KNOWN", "NEW", "NEW"]
    assert calls == ["new"] and memo.drain() == {"new": "NEW"} and memo.drain() == {}


def test_a_memo_holds_a_bounded_table_and_answers_again_what_it_forgot():
    calls = []
    memo = Memo("test", lambda word: calls.append(word) or word.upper())
    memo.limit = 8
    assert [memo(str(number)) for number in range(20)] == [str(number) for number in range(20)]
    assert len(memo.known) <= 8 and "19" in memo.known and "0" not in memo.known
    assert memo("0") == "0" and calls.count("0") == 2  # forgotten, so worked out again


def test_quantulum3_is_imported_without_changing_typeguard():
    typeguard = pytest.importorskip("typeguard")
    original = typeguard.typechecked
    from claimcheck.extraction.quantulum import quantulum_parser

    quantity = quantulum_parser().parse("5 km")[0]
    assert quantity.unit.name == "kilometre" and quantity.value == 5
    assert typeguard.typechecked is original


def test_clearing_caches_forgets_remembered_answers():
    from claimcheck.extraction import clear_caches
    from claimcheck.measure_keys import singular

    assert singular("caches") == "cache" and "caches" in singular.known
    clear_caches()
    assert "caches" not in singular.known and singular.drain() == {}
