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
    from claimcheck.events import components

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


def test_a_page_travels_once_with_each_of_its_blocks_and_the_facts_are_judged_as_before():
    """A claim row carries its page (figures, identity, event, light copy) only as the first of its document's
    claims in a block; the block stage still judges the facts of examples/corpus as it did with a page per claim."""
    import pickle
    from collections import Counter

    from claimcheck.checker import Checker
    from claimcheck.cluster.sources import plan
    from claimcheck.cluster.stages import RunSettings, block_stage, partition_stage

    checker = Checker()
    settings = RunSettings(checker.rule_set, checker.options, None, None, str(ROOT))
    _, claims, _ = partition_stage(plan([str(ROOT / "examples" / "corpus")], 500).parts[0], settings, {}, [])
    pages = Counter((row["number"], row["block"]) for row in claims if pickle.loads(row["payload"])[3] is not None)
    assert len(claims) == 30 and len(pages) == 19 and set(pages.values()) == {1}
    assert set(pages) == {(row["number"], row["block"]) for row in claims}
    found, tally = block_stage([(row["block"], row["number"], row["index"], row["payload"]) for row in claims],
                               settings, [])
    assert (tally.facts, tally.checked) == (21, 4)
    assert sorted(Counter(row["status"] for row in found).items()) == [("changed", 1), ("consistent", 4), ("violated", 1)]
