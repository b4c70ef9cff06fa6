"""Load on the desk: 20 simulated reviewers against `claimcheck serve` over a ledger of 5,000 documents, on loopback,
for a bounded time, on SQLite and (with --postgres URL or CLAIMCHECK_TEST_POSTGRES) on PostgreSQL.

    python benchmarks/desk_load.py [--documents 5000] [--reviewers 20] [--seconds 30] [--think 1.0] [--workers 1]
                                   [--no-warm-up] [--postgres URL]

The server first opens each queue view once (a running desk has counted them before; --no-warm-up measures from
cold). Each reviewer logs in (logins are timed apart, before the measured window), then loops, pausing to read between pages (--think seconds on average, 0 for none): the queue (default view, filtered by status, rule or outlet, searched, sorted, a
later page), a finding page from it, now and then a fact page and a review saved with the version it read (a 409
conflict when another reviewer saved the same finding first is counted apart: it is the desk working, not an
error). Prints requests per second, median and 95th-percentile latency per page kind, and errors (any other
status than expected, or a failed request). Floor: no errors, p95 under 300 ms for queue and finding pages on SQLite.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from incremental import generate  # noqa: E402  (the same generated news-length documents)

OUTLETS = ["Capital Despatch", "Frontier Times", "Valley Herald", "Coast Courier", "Northern Post", "Daily Ledger"]
SEARCHES = ["air strikes", "troops", "displaced", "schools", "bridges", "Syria", "families", "miles"]
PASSWORD = "load test password"


def build_ledger(location: str, folder: Path, count: int, cache: Path) -> float:
    """Ingest ``count`` generated documents (each with an outlet) into the ledger at ``location``; seconds taken."""
    from claimcheck.checker import Checker
    from claimcheck.desk.auth import add_user
    from claimcheck.ledger import open_ledger

    rng = random.Random(11)
    documents = []
    for path in generate(folder, count) if not any(folder.iterdir()) else sorted(folder.glob("*.txt")):
        from claimcheck.documents.readers import read_document

        document = read_document(path)
        document.outlet = rng.choice(OUTLETS)
        document.id, document.path = f"news/{path.name}", None
        documents.append(document)
    start = time.perf_counter()
    ledger = open_ledger(location)
    ledger.ingest(documents, Checker(cache_dir=str(cache)), who="loader")
    for number in range(20):
        add_user(ledger.store, f"reviewer{number}", "reviewer", PASSWORD)
    ledger.close()
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(location: str, cwd: Path, workers: int) -> tuple[subprocess.Popen, str]:
    import urllib.request

    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "claimcheck", "serve", "--db", location, "--port", str(port),
                                "--workers", str(workers)],
                               cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/login", timeout=2)
            return process, base
        except OSError:
            if process.poll() is not None:
                raise SystemExit(f"claimcheck serve exited: {process.stderr.read()}")
            time.sleep(0.2)
    process.kill()
    raise SystemExit("claimcheck serve did not start within 60 s")


class Reviewer(threading.Thread):
    def __init__(self, number: int, base: str, window: dict, start: threading.Barrier, max_requests: int, results: dict,
                 lock: threading.Lock, think: float):
        super().__init__(daemon=True)
        self.number, self.base, self.window, self.gate = number, base, window, start
        self.max_requests, self.think = max_requests, think
        self.results, self.lock = results, lock
        self.rng = random.Random(number)

    def timed(self, kind: str, method: str, path: str, expected: tuple[int, ...] = (200,), **kwargs):
        if self.think and kind != "login":
            time.sleep(self.rng.uniform(0.5, 1.5) * self.think)  # reading the page before the next click
        start = time.perf_counter()
        try:
            reply = self.client.request(method, self.base + path, **kwargs)
            status = reply.status_code
        except Exception as error:  # noqa: BLE001 - a failed request is an error to count, not to stop on
            reply, status = None, f"{type(error).__name__}"
        elapsed = time.perf_counter() - start
        with self.lock:
            if status == 409:
                self.results["conflicts"].append(elapsed)
            elif status in expected:
                self.results[kind].append(elapsed)
            else:
                self.results["errors"].append(f"{method} {path}: {status}")
        return reply if status in expected else None

    def run(self) -> None:
        import httpx

        with httpx.Client(follow_redirects=False, timeout=30) as self.client:
            form = self.timed("login", "GET", "/login")
            token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
            logged_in = self.timed("login", "POST", "/login", (303,), data={"name": f"reviewer{self.number}",
                                                                            "password": PASSWORD, "csrf": token})
            self.gate.wait()  # everyone logged in: the measured window starts
            if not logged_in:
                return
            done = 0
            while time.monotonic() < self.window["until"] and done < self.max_requests:
                queue = self.timed("queue", "GET", self.queue_path())
                done += 1
                ids = re.findall(r'class="open-finding">#(\d+)<', queue.text) if queue is not None else []
                if not ids:
                    continue
                finding = self.rng.choice(ids)
                page = self.timed("finding", "GET", f"/findings/{finding}")
                done += 1
                if page is None:
                    continue
                if self.rng.random() < 0.3:
                    fact = re.search(r'href="/facts/(\d+)"', page.text)
                    if fact:
                        self.timed("fact", "GET", f"/facts/{fact.group(1)}")
                        done += 1
                if self.rng.random() < 0.2:
                    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
                    version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
                    status = self.rng.choice(["confirmed", "dismissed", "needs-source", "open"])
                    self.timed("save", "POST", f"/findings/{finding}", (303,), data={
                        "csrf": csrf, "version": version, "status": status, "note": f"checked by reviewer {self.number}"})
                    done += 1

    def queue_path(self) -> str:
        choice = self.rng.random()
        if choice < 0.3:
            return "/"
        if choice < 0.45:
            return "/?status=violated&severity=error"
        if choice < 0.6:
            return f"/?q={self.rng.choice(SEARCHES).replace(' ', '+')}"
        if choice < 0.7:
            return f"/?status=violated&outlet={self.rng.choice(OUTLETS).replace(' ', '+')}"
        if choice < 0.8:
            return "/?status=violated&sort=date&order=desc"
        if choice < 0.9:
            return "/?rule=parts-sum-to-total&review=open"
        return f"/?q=&page={self.rng.randint(2, 20)}"


def queue_views() -> list[str]:
    """Every queue view the reviewers open (pages of one view share its counts)."""
    return (["/", "/?status=violated&severity=error", "/?status=violated&sort=date&order=desc",
             "/?rule=parts-sum-to-total&review=open", "/?q="]
            + [f"/?q={term.replace(' ', '+')}" for term in SEARCHES]
            + [f"/?status=violated&outlet={outlet.replace(' ', '+')}" for outlet in OUTLETS])


def warm_up(base: str, workers: int) -> float:
    """Open each queue view, as the desk's first readers would: a running desk has counted them before (each
    server process keeps its own counts, so every view is opened by as many clients at once as there are)."""
    import httpx

    def reader() -> None:
        with httpx.Client(follow_redirects=False, timeout=120) as client:
            form = client.get(base + "/login")
            token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
            client.post(base + "/login", data={"name": "reviewer0", "password": PASSWORD, "csrf": token})
            for path in queue_views():
                client.get(base + path)

    start = time.perf_counter()
    readers = [threading.Thread(target=reader) for _ in range(2 * workers)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join()
    return time.perf_counter() - start


def drive(base: str, reviewers: int, seconds: float, max_requests: int, think: float) -> tuple[dict, float]:
    results: dict = defaultdict(list)
    lock = threading.Lock()
    window: dict = {}
    began: list[float] = []

    def open_window() -> None:
        window["until"] = time.monotonic() + seconds
        began.append(time.perf_counter())

    start = threading.Barrier(reviewers, action=open_window, timeout=120)
    threads = [Reviewer(number, base, window, start, max_requests, results, lock, think) for number in range(reviewers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 240)
    return results, time.perf_counter() - began[0]


def report(name: str, results: dict, elapsed: float) -> bool:
    kinds = ["queue", "finding", "fact", "save", "login"]
    total = sum(len(results[k]) for k in kinds if k != "login") + len(results["conflicts"])
    print(f"{name}: {total} requests in {elapsed:.1f} s (after logging in) = {total / elapsed:.1f} requests/s; "
          f"errors {len(results['errors'])}; conflicts (409, expected) {len(results['conflicts'])}")
    ok = not results["errors"]
    for kind in kinds:
        samples = sorted(results[kind])
        if not samples:
            continue
        median = statistics.median(samples) * 1000
        p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))] * 1000
        print(f"  {kind:8} {len(samples):6} requests  median {median:7.1f} ms  p95 {p95:7.1f} ms")
        if name.startswith("SQLite") and kind in ("queue", "finding") and p95 >= 300:
            ok = False
    for error in results["errors"][:10]:
        print(f"  error: {error}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds a reviewer reads a page (0: none)")
    parser.add_argument("--workers", type=int, default=1, help="claimcheck serve --workers (each keeps its own counts)")
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                        help="start measuring on a server that has not opened the queue views yet")
    parser.add_argument("--max-requests", type=int, default=5000, help="per reviewer, a bound besides the time")
    parser.add_argument("--postgres", default=os.environ.get("CLAIMCHECK_TEST_POSTGRES"),
                        help="a PostgreSQL URL whose database may be emptied (default: $CLAIMCHECK_TEST_POSTGRES)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the corpus and ledger here (reused when present)")
    arguments = parser.parse_args()
    work = arguments.workdir or Path(tempfile.mkdtemp(prefix="desk-load-"))
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    backends = [("SQLite", str(work / "desk.db"))]
    if arguments.postgres:
        backends.append(("PostgreSQL", _fresh_postgres(arguments.postgres)))
    else:
        print("PostgreSQL: skipped (give --postgres URL or set CLAIMCHECK_TEST_POSTGRES)")
    passed = True
    for name, location in backends:
        if name == "PostgreSQL" or not Path(location).exists():
            took = build_ledger(location, corpus, arguments.documents, work / "cache")
            print(f"{name}: ledger of {arguments.documents} documents built in {took:.0f} s")
        process, base = serve(location, work, arguments.workers)
        try:
            if arguments.warm_up:
                took = warm_up(base, arguments.workers)
                print(f"{name}: warm-up, each of {len(queue_views())} queue views opened by {2 * arguments.workers} readers"
                      f" in {took:.1f} s")
            results, elapsed = drive(base, arguments.reviewers, arguments.seconds, arguments.max_requests, arguments.think)
        finally:
            process.terminate()
            process.wait(timeout=30)
        passed = report(f"{name} ({arguments.reviewers} reviewers, {arguments.seconds:.0f} s, think {arguments.think:g} s,"
                        f" {arguments.workers} workers)",
                        results, elapsed) and passed
    print("floor met" if passed else "floor NOT met (errors, or p95 >= 300 ms for queue or finding pages on SQLite)")
    sys.exit(0 if passed else 1)


def _fresh_postgres(url: str) -> str:
    """A new database beside the one in ``url`` (the benchmark's own, emptied each run)."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS claimcheck_desk_load WITH (FORCE)")
        admin.execute("CREATE DATABASE claimcheck_desk_load")
    return urlunsplit(urlsplit(url)._replace(path="/claimcheck_desk_load"))


if __name__ == "__main__":
    main()
