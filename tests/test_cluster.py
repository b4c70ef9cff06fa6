"""Checking on a Dask cluster (``check --scheduler``): a real local cluster of worker processes gives the same report,
byte for byte, as one process, also when a worker is killed mid-run. Every run is a subprocess with a timeout."""

import importlib.util
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli


TIMEOUT = 300  # a hung cluster fails the test instead of hanging the suite


def _generate(folder, count: int, seed: int) -> None:
    spec = importlib.util.spec_from_file_location("incremental", ROOT / "benchmarks" / "incremental.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder.mkdir()
    module.generate(folder, count, seed)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=TIMEOUT, env={"PATH": "/usr/bin:/bin", "CI": "1", "PYTHONIOENCODING": "utf-8"})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """360 generated articles: more than are compared all with all, so events are found by shuffled terms too."""
    folder = tmp_path_factory.mktemp("cluster") / "corpus"
    _generate(folder, 360, seed=11)
    return folder


@pytest.fixture(scope="module")
def single(corpus):
    done = _cli("check", str(corpus), "--format", "json", "--no-cache")
    assert done.returncode == 1, done.stderr  # the corpus has sums that do not add up
    return done.stdout


def test_a_local_cluster_reports_what_one_process_reports(corpus, single):
    done = _cli("check", str(corpus), "--format", "json", "--scheduler", "local[2]", "--partition-size", "50")
    assert done.returncode == 1, done.stderr
    assert "Dask dashboard: http://" in done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["documents"] == 360
    assert report["summary"]["findings"]["violated"] > 0
    assert done.stdout == single  # same findings, fingerprints and order


def test_many_partitions_merged_on_the_workers_report_what_one_process_reports(corpus, single):
    """72 sorted parts of findings (36 partitions of documents and 36 of facts) are more than a merge reads at once:
    the workers merge them down to three before the report merges those; the report is still one process's."""
    from claimcheck.cluster.storage import FAN_IN

    assert 360 // 10 * 2 > 2 * FAN_IN
    done = _cli("check", str(corpus), "--format", "json", "--scheduler", "local[2]", "--partition-size", "10")
    assert done.returncode == 1, done.stderr
    assert done.stdout == single


def test_an_archive_is_grouped_by_decade_on_a_cluster_as_in_one_process(corpus, single, tmp_path):
    """With ``archive_from`` at 300 documents the corpus is an archive: its standing quantities' reports (ten years,
    2015 to 2024) are grouped by decade, in one process and on the workers alike."""
    rules = tmp_path / "archive.yaml"
    rules.write_text("version: 1\nname: archive\ndefaults:\n  archive_from: 300\nrules: []\n", encoding="utf-8")
    one = _cli("check", str(corpus), "--rules", str(rules), "--format", "json", "--no-cache")
    assert one.returncode == 1, one.stderr
    keys = {finding["fact"] for finding in json.loads(one.stdout)["findings"] if finding.get("fact")}
    assert any(key.endswith("as of 2010s | [count]") for key in keys), keys
    assert any(key.endswith("as of 2020s | [count]") for key in keys), keys
    assert json.loads(one.stdout)["summary"]["facts"] > json.loads(single)["summary"]["facts"]
    done = _cli("check", str(corpus), "--rules", str(rules), "--format", "json", "--scheduler", "local[2]",
                "--partition-size", "50")
    assert done.returncode == 1, done.stderr
    assert done.stdout == one.stdout


KILL = r"""
import os, signal, sys, threading
from distributed import Client, LocalCluster
from claimcheck.checker import Checker
from claimcheck.cluster import check_on_cluster
from claimcheck.cluster.report import write_streamed
from claimcheck.cluster.run import Progress

class KillOne(Progress):
    '''Kills a worker process when the first partition of documents is done: its results and running tasks are lost.'''
    def __init__(self, pids):
        self.pids, self.killed = pids, threading.Event()
    def done(self, name, part):
        if name == "documents" and not self.killed.is_set():
            self.killed.set()
            pid = self.pids[0]
            os.kill(pid, signal.SIGKILL)
            print(f"killed {pid}", file=sys.stderr, flush=True)

if __name__ == "__main__":
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        progress = KillOne(sorted(client.run(os.getpid).values()))
        result = check_on_cluster(Checker(), [sys.argv[1]], client, per_part=20, progress=progress)
        try:
            write_streamed(result, sys.stdout, "json", False, False)
        finally:
            result.close()
        assert progress.killed.is_set(), "no worker was killed"
"""


def test_a_worker_killed_mid_run_is_retried_and_the_findings_are_the_same(tmp_path):
    folder = tmp_path / "corpus"
    _generate(folder, 120, seed=5)
    expected = _cli("check", str(folder), "--format", "json", "--no-cache")
    script = tmp_path / "kill.py"
    script.write_text(KILL, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(folder)], capture_output=True, text=True, cwd=ROOT,
                          timeout=TIMEOUT, env={**os.environ, "CI": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert "killed " in done.stderr
    assert json.loads(done.stdout)["summary"]["documents"] == 120
    assert done.stdout == expected.stdout


SPILL = r"""
import sys
from distributed import Client, LocalCluster
import claimcheck.cluster.run as run
from claimcheck.checker import Checker
from claimcheck.cluster import check_on_cluster
from claimcheck.cluster.report import write_streamed

if __name__ == "__main__":
    run.SPILLED = 8192  # a few findings' worth: every block task writes out most of its findings as it goes
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        result = check_on_cluster(Checker(), [sys.argv[1]], client, per_part=60)
        try:
            print(len(result.ran.scratch.parts("findings-spilled")), file=sys.stderr)
            write_streamed(result, sys.stdout, "json", False, False)
        finally:
            result.close()
"""


def test_findings_a_block_task_writes_out_as_it_goes_are_reported_as_one_process_reports_them(corpus, single):
    """A block task writes its findings out as sorted parts whenever they hold ``SPILLED`` bytes (the block of a
    standing quantity has findings from the whole corpus); with a budget of a few findings, most are written so,
    and the report is still one process's, tally and all."""
    script = corpus.parent / "spill.py"
    script.write_text(SPILL, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(corpus)], capture_output=True, text=True, cwd=ROOT,
                          timeout=TIMEOUT, env={**os.environ, "CI": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert int(done.stderr.strip().splitlines()[-1]) > 20
    assert done.stdout == single


PROFILER = r"""
from distributed import Client, LocalCluster
from claimcheck.cluster.profiler import profiler_paused

def sampling(dask_worker):
    callbacks = dask_worker.periodic_callbacks
    return [name for name in ("profile", "profile-cycle") if callbacks[name].is_running()], \
        len(dask_worker.profile_history) + len(dask_worker.profile_keys_history), dask_worker.profile_recent["count"]

if __name__ == "__main__":
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        print(list(client.run(sampling).values())[0][0])
        with profiler_paused(client):
            client.submit(sum, range(10 ** 7), pure=False).result()
            print(list(client.run(sampling).values())[0])
        print(list(client.run(sampling).values())[0][0])
"""


def test_the_workers_profiler_keeps_no_samples_during_a_run_and_samples_again_after(tmp_path):
    """Dask's profiler keeps a call tree of every second of a worker's last 1,000 seconds: over a run, memory that
    grows with the corpus. Paused, a worker takes no sample and keeps none, whatever it runs; then it samples again."""
    script = tmp_path / "profiler.py"
    script.write_text(PROFILER, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT,
                          env={**os.environ, "CI": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.splitlines() == ["['profile', 'profile-cycle']", "([], 0, 0)", "['profile', 'profile-cycle']"]


def test_an_unreachable_scheduler_is_one_line_and_exit_2():
    done = run_cli("check", "examples/corpus", "--scheduler", "tcp://127.0.0.1:9")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach a Dask scheduler" in lines[0] and "tcp://127.0.0.1:9" in lines[0]


def test_a_malformed_scheduler_address_is_one_line_and_exit_2():
    done = run_cli("check", "examples/corpus", "--scheduler", "nowhere at all")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "not a scheduler address" in done.stderr


def test_documents_over_the_limits_are_skipped_on_a_cluster_as_in_one_process(tmp_path):
    folder = tmp_path / "corpus"
    _generate(folder, 40, seed=3)
    (folder / "scraped.txt").write_text("The convoy carried 120 tonnes of grain. " * 400, encoding="utf-8")
    (folder / "rows.csv").write_text("id,text\n1,Officials counted 30 trucks.\n2," + "Another 12 trucks arrived. " * 400
                                     + "\n", encoding="utf-8")
    limit = ["--max-line-length", "5000", "--format", "json", "--no-cache", "--fail-on", "never"]
    one = _cli("check", str(folder), *limit)
    spread = _cli("check", str(folder), *limit, "--scheduler", "local[1]")
    assert one.returncode == spread.returncode == 0, spread.stderr
    assert spread.stdout == one.stdout
    for done in (one, spread):
        assert "scraped.txt:1:1: line is 16,000 characters long, over the limit of 5,000" in done.stderr
        assert "rows.csv:3: the row's text has a line over the limit of 5,000 characters" in done.stderr
    assert json.loads(spread.stdout)["summary"]["documents"] == 40  # both refused, as one process refuses them


def test_the_components_of_linked_pairs_are_those_one_process_finds():
    """The one whole-corpus task (numpy arrays) labels each document with its component's smallest document number,
    as union-find over Python dicts does, whatever the pairs' order and however they are split into partitions."""
    import random

    pd = pytest.importorskip("pandas")
    from claimcheck.cluster.events import component_stage
    from claimcheck.event_linkage import components

    pairs = [(1, 2), (2, 3), (10, 11), (11, 10), (7, 1), ((5 << 32) | 4, 12), (12, 3), (40, 41)]
    frames = [pd.DataFrame({"first": [a for a, _ in pairs[i::3]], "second": [b for _, b in pairs[i::3]]}, dtype="int64")
              for i in range(3)]
    found = component_stage(*frames)
    assert dict(zip(found["number"], found["component"])) == {
        1: 1, 2: 1, 3: 1, 7: 1, 12: 1, (5 << 32) | 4: 1, 10: 10, 11: 10, 40: 40, 41: 40}
    assert len(component_stage()) == 0
    rng = random.Random(3)
    for _ in range(50):
        pairs = [(rng.randrange(200), rng.randrange(200)) for _ in range(rng.randint(1, 150))]
        frame = pd.DataFrame({"first": [a for a, _ in pairs], "second": [b for _, b in pairs]}, dtype="int64")
        found = component_stage(frame)
        assert dict(zip(found["number"], found["component"])) == components(pairs)


def test_pairs_weighed_a_pair_of_partitions_at_a_time_have_the_similarity_one_process_gives(tmp_path):
    """Each pair is weighed with the vectors its two partitions stored, whatever partitions hold the pairs."""
    pd = pytest.importorskip("pandas")
    import pickle

    from claimcheck.cluster.events import partitions_pair, similarity_stage
    from claimcheck.cluster.stages import document_number
    from claimcheck.events import similarity

    vectors = {document_number(0, 0): {"quake": 0.8, "van": 0.6}, document_number(0, 1): {"quake": 0.6, "van": 0.8},
               document_number(1, 0): {"quake": 0.8, "van": 0.6}, document_number(2, 0): {"strike": 1.0}}
    for part in range(3):
        numbers = [number for number in vectors if number >> 32 == part]
        pd.DataFrame({"number": numbers, "vector": [pickle.dumps(vectors[number]) for number in numbers]}).to_parquet(
            tmp_path / f"part.{part}.parquet")
    pairs = [(document_number(0, 0), document_number(0, 1)), (document_number(0, 0), document_number(1, 0)),
             (document_number(0, 1), document_number(1, 0)), (document_number(1, 0), document_number(2, 0))]
    frame = partitions_pair(pd.DataFrame({"first": [a for a, _ in pairs], "second": [b for _, b in pairs]},
                                         dtype="int64"), 3)
    assert list(frame["block"]) == [0, 1, 1, 5]
    found = similarity_stage(frame.iloc[::-1], str(tmp_path), 3)
    expected = {(a, b): similarity(vectors[a], vectors[b]) for a, b in pairs}
    assert {(a, b): alike for a, b, alike in zip(found["first"], found["second"], found["similarity"])} == {
        pair: alike for pair, alike in expected.items() if alike}
    assert len(found) == 3  # the quake pages are alike; the strike page is like none


def test_a_page_travels_once_with_each_of_its_blocks_and_the_facts_are_judged_as_before():
    """A claim row carries its page (figures, identity, event, light copy) only as the first of its document's
    claims in a block; the block stage still judges the facts of examples/corpus as it did with a page per claim."""
    import pickle
    from collections import Counter

    from claimcheck.checker import Checker
    from claimcheck.cluster.sources import plan
    from claimcheck.cluster.blocks import block_stage
    from claimcheck.cluster.stages import RunSettings, partition_stage

    checker = Checker()
    settings = RunSettings(checker.rule_set, checker.options, None, None, str(ROOT))
    _, claims, _ = partition_stage(plan([str(ROOT / "examples" / "corpus")], 500).parts[0], settings, {}, [])
    pages = Counter((row["number"], row["block"]) for row in claims if pickle.loads(row["payload"])[3] is not None)
    assert len(claims) == 30 and len(pages) == 19 and set(pages.values()) == {1}
    assert set(pages) == {(row["number"], row["block"]) for row in claims}
    found, tally = block_stage([(row["block"], row["number"], row["index"], row["payload"]) for row in claims],
                               settings, [])
    assert (tally.facts, tally.checked) == (20, 4)
    assert sorted(Counter(row["status"] for row in found).items()) == [("changed", 1), ("consistent", 4), ("violated", 1)]


def _whole_block_findings(rows, settings) -> list[tuple]:
    """Every block's facts judged with all its claims in memory at once and one context (as the block stage did
    before it judged a group of candidates at a time): (key, state, status, rule, message, quoted claims)."""
    import pickle
    from collections import Counter

    from claimcheck.checks.context import CheckContext
    from claimcheck.checks.runner import _across, _judge, fingerprint_all
    from claimcheck.facts import formed_facts
    from claimcheck.cluster.stages import Tally, claim_of, finding_row, triager

    rules, judge, tally, found = settings.rules, triager(settings, []), Tally(), []
    by_block = {}
    for block, number, index, payload in rows:
        by_block.setdefault(block, []).append((number, index, payload))
    for members in by_block.values():
        members.sort(key=lambda member: member[:2])
        claims, scopes, events, identities, documents, place, figures = [], {}, {}, {}, {}, {}, Counter()
        for number, index, payload in members:
            row, scope, _, page = pickle.loads(payload)
            claim = claim_of(row)
            if page is not None:
                if claim.doc not in events:
                    figures.update(page[3])
                events[claim.doc], identities[claim.doc] = page[1], page[0]
                documents.setdefault(claim.doc, page[2])
            claims.append(claim)
            place[id(claim)] = (number, index)
            if scope is not None:
                scopes[id(claim)] = scope
        context = CheckContext(documents=documents, claims=claims, rules=rules, known_events=events,
                               known_figures=figures)
        previous, split = None, 0
        for first, fact in formed_facts(claims, rules.synonyms, events, rules.standing_measures(),
                                        rules.declared_measures(), scopes, figures):
            split = split + 1 if first is previous else 0
            previous = first
            judged = _judge(_across(rules), context, fact)
            fingerprint_all(judged, identities)
            for position, finding in enumerate(judged):
                found.append(finding_row(finding, (1, *place[id(first)], split, position), documents, judge, None, tally))
    return sorted(_comparable(row) for row in found)


def _comparable(row: dict) -> tuple:
    import pickle

    finding, quoted, how = pickle.loads(row["payload"])
    return (row["key"], row["state"], row["status"], finding.rule, finding.message, finding.fingerprint,
            [claim.to_dict() for claim in finding.claims], sorted(quoted), how)


def test_a_block_judged_a_group_of_candidates_at_a_time_has_the_findings_of_the_whole_block(tmp_path):
    """The block of a standing quantity (strikes, troops: compared across events) holds its claims from every
    document; the block stage reads and judges one group of candidates (a place's strikes) at a time, and finds
    what judging the whole block at once finds, row for row."""
    import pickle
    from collections import Counter

    from claimcheck.checker import Checker
    from claimcheck.cluster.blocks import _formings, block_stage
    from claimcheck.cluster.run import FINDING_META, _schema
    from claimcheck.cluster.sources import plan
    from claimcheck.cluster.storage import Spill, read_rows
    from claimcheck.cluster.stages import RunSettings, partition_stage

    _generate(tmp_path / "corpus", 120, seed=5)
    checker = Checker()
    settings = RunSettings(checker.rule_set, checker.options, None, None, str(tmp_path))
    rows = []
    for part in plan([str(tmp_path / "corpus")], 60).parts:
        rows += [(row["block"], row["number"], row["index"], row["payload"])
                 for row in partition_stage(part, settings, {}, [])[1]]
    strikes = sorted((number, index, payload) for block, number, index, payload in rows
                     if block == "('thing', '[count]', None, 'count', None, None)")
    formings, pages = _formings(strikes, settings)
    assert (len(strikes), len(formings), len(pages)) == (279, 31, 93)
    assert max(len(forming.claims) for forming in formings) == 37
    assert all(pickle.loads(strikes[position][2])[3] is not None for found in pages.values() for position in found)
    found, tally = block_stage(rows, settings, [])
    assert sorted(_comparable(row) for row in found) == _whole_block_findings(rows, settings)
    spill = Spill(str(tmp_path / "spilled"), "0", "key", _schema(FINDING_META), 64 << 10)
    left, _ = block_stage(rows, settings, [], spill)
    parts = sorted((tmp_path / "spilled").iterdir())
    written, size, held = 0, 0, 0  # where the budget falls depends on the payloads' size, and so on the paths
    for row in found:
        size, held = size + len(row["payload"]), held + 1
        if size >= 64 << 10:
            written, size, held = written + 1, 0, 0
    assert written >= 15
    assert (spill.written, len(parts), len(left)) == (written, written, held)
    spilled = [read_rows(str(part), list(FINDING_META)) for part in parts]
    assert all(part["key"] == sorted(part["key"]) for part in spilled)
    rows_of = [dict(zip(FINDING_META, row)) for part in spilled for row in zip(*part.values())]
    assert sorted(_comparable(row) for row in rows_of + left) == sorted(_comparable(row) for row in found)
    assert (len(found), tally.facts) == (402, 1197)
    assert sorted(Counter(row["status"] for row in found).items()) == [("changed", 317), ("consistent", 66),
                                                                          ("violated", 19)]


def test_a_sorted_part_s_row_groups_end_at_a_number_of_rows_or_of_bytes_and_merge_to_the_sorted_rows(tmp_path):
    """A merge holds a row group of each part it reads, and a finding of a standing quantity quotes up to a hundred
    documents: a row group ends at ``ROW_GROUP`` rows or once it holds ``ROW_GROUP_BYTES`` of payloads, and the
    merged parts are still every row in order."""
    import pyarrow.parquet as pq

    from claimcheck.cluster.run import FINDING_META, _schema
    from claimcheck.cluster.storage import ROW_GROUP, ROW_GROUP_BYTES, merged, write_sorted

    large = ROW_GROUP_BYTES // 20
    rows = [{"key": f"{number:05d}", "state": "shown", "status": "violated",
             "payload": bytes([number % 251]) * (large if number < 600 else 100)} for number in range(1800)]
    paths = [str(tmp_path / f"part.{index}.parquet") for index in range(2)]
    for index, path in enumerate(paths):
        write_sorted(rows[index::2], path, "key", _schema(FINDING_META))
    for path in paths:
        metadata = pq.ParquetFile(path).metadata
        counts = [metadata.row_group(group).num_rows for group in range(metadata.num_row_groups)]
        assert counts[:2] == [20, 20] and ROW_GROUP in counts and max(counts) == ROW_GROUP
        assert sum(counts) == 900
    expected = [tuple(row.values()) for row in rows]
    assert list(merged(paths, "key", list(FINDING_META))) == expected


def test_a_claim_travels_to_its_block_as_its_values_and_comes_back_the_same():
    import pickle

    from claimcheck.cluster.stages import claim_of, claim_row
    from claimcheck.extraction import extract_claims
    from claimcheck.model import Document

    text = "Coalition aircraft flew 55 air strikes in Syria and Iraq this week, 27 in Syria and 28 in Iraq."
    claims = extract_claims(Document(id="a.txt", text=text))
    assert [claim.value for claim in claims] == [55, 27, 28]
    for claim in claims:
        row = claim_row(claim)
        assert claim_of(pickle.loads(pickle.dumps(row))) == claim
        assert len(pickle.dumps(row)) < len(pickle.dumps(claim)) * 0.6
    claims[0].__dict__["note"] = "kept"
    assert claim_of(claim_row(claims[0])).__dict__["note"] == "kept"
