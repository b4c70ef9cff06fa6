"""Checking a generated corpus on one machine and on a Dask cluster: throughput and peak memory.

    python benchmarks/scale.py [--docs 2000 10000] [--workers 1 2] [--runs one cores dask]

For each corpus size (articles from benchmarks/incremental.py, about 2 KB each) it times `claimcheck check` run as
one process (--jobs 1), on one machine with every core (--jobs 0), and with --scheduler on a cluster of 1 and 2
worker processes (a `dask scheduler` and `dask worker --nthreads 1` started here, on the loopback address). Peak
memory: the resident set of the command (the client, which also plans and streams the report) from its VmHWM (not
wait4's ru_maxrss, which counts this process's own size at the fork), and of
each worker process from getrusage inside it (the workers are restarted before each run). The machine may be shared:
each run also shows the CPU seconds its own processes used and those the rest of the machine used meanwhile (from
/proc/stat), i.e. how many of the cores the run really had. No cache is used, and
every run's JSON Lines report is compared with the single-process one (or, without it, with the first cluster
run's). --runs leaves some runs out: `--runs one dask` skips the run on every core, which the issue's floors do
not need. Ratios: each run's speed against one process, and 2 workers against 1 worker.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from incremental import generate  # noqa: E402  (the same generated articles)


def _claimcheck(args: list[str], output: Path) -> tuple[float, int, float, float]:
    """Run the command; its wall-clock seconds, peak resident memory (MiB), CPU seconds, and the CPU seconds the whole
    machine was busy meanwhile."""
    busy = _busy()
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "claimcheck", "check", *args, "--format", "jsonl", "--output",
                                str(output), "--fail-on", "never", "--no-cache", "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "CI": "1"})
    peak = 0
    while True:  # the command's own peak, VmHWM: wait4's ru_maxrss also counts this process's size when it forked
        peak = max(peak, _high_water(process.pid))
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"claimcheck {' '.join(args)} failed: {process.stderr.read().decode()[-2000:]}")
    return seconds, peak or usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime, _busy() - busy


def _high_water(pid: int) -> int:
    """A process's peak resident memory so far (MiB; 0 where /proc does not say)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError):
        pass
    return 0


def _busy() -> float:
    """CPU seconds all the machine's cores have been busy since boot (/proc/stat; 0 where there is none)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except OSError:
        return 0.0
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # all but idle and iowait


def _peak() -> tuple[int, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """A scheduler and N single-threaded worker processes on the loopback address, as a real deployment runs them."""

    def __init__(self, workers: int) -> None:
        from distributed import Client

        bin_dir = Path(sys.executable).parent
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.processes = [subprocess.Popen([bin_dir / "dask", "scheduler", "--host", "127.0.0.1", "--port",
                                            self.address.rsplit(":", 1)[1], "--no-dashboard"], **quiet)]
        self.processes.append(subprocess.Popen([bin_dir / "dask", "worker", self.address, "--nworkers", str(workers),
                                                "--nthreads", "1", "--no-dashboard"], **quiet))
        self.client = Client(self.address, timeout=60)
        self.client.wait_for_workers(workers, timeout=120)
        self.workers = workers

    def fresh(self) -> None:
        """Restart the worker processes, so that their peak memory is this run's."""
        self.client.restart(wait_for_workers=True)
        self.client.wait_for_workers(self.workers, timeout=120)

    def peaks(self) -> list[tuple[int, float]]:
        """Each worker's peak memory (MiB) and CPU seconds since it was restarted."""
        return sorted(self.client.run(_peak).values())

    def close(self) -> None:
        self.client.close()
        for process in reversed(self.processes):
            process.terminate()
            process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[2000], help="corpus sizes (default: 2000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="cluster sizes (default: 1 2)")
    parser.add_argument("--partition-size", type=int, default=500)
    parser.add_argument("--runs", nargs="+", choices=["one", "cores", "dask"], default=["one", "cores", "dask"],
                        help="which runs: one process, every core of one machine, the clusters (default: all)")
    arguments = parser.parse_args()
    print(f"{'docs':>7} {'run':<18} {'seconds':>8} {'docs/s':>7} {'vs one':>6} {'client MiB':>10}  worker MiB")
    for count in arguments.docs:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch) / "corpus"
            folder.mkdir()
            generate(folder, count)
            expected: Path | None = None
            times: dict[str, float] = {}
            for key, label, args in [("one", "one process", ["--jobs", "1"]),
                                     ("cores", "one machine -j 0", ["--jobs", "0"])]:
                if key not in arguments.runs:
                    continue
                out = Path(scratch) / f"{key}.jsonl"
                seconds, client, cpu, busy = _claimcheck([str(folder), *args], out)
                times[label] = seconds
                expected = expected or out
                with out.open(encoding="utf-8") as lines:
                    violated = sum(1 for _ in lines)
                print(f"{count:>7} {label:<18} {seconds:>8.1f} {count / seconds:>7.1f} {_ratio(times, seconds):>6} "
                      f"{client:>10}  ({violated / count:.1f} violated findings a document; {_cpu(seconds, cpu, busy)})",
                      flush=True)
            for workers in (arguments.workers if "dask" in arguments.runs else []):
                cluster = Cluster(workers)
                try:
                    cluster.fresh()
                    output = Path(scratch) / f"dask-{workers}.jsonl"
                    seconds, client, cpu, busy = _claimcheck([str(folder), "--scheduler", cluster.address,
                                                              "--partition-size", str(arguments.partition_size)], output)
                    peaks = cluster.peaks()
                finally:
                    cluster.close()
                label = f"dask, {workers} worker(s)"
                times[label] = seconds
                if expected is None:
                    expected, same = output, "the first cluster run"
                else:
                    same = "same findings" if filecmp.cmp(output, expected, shallow=False) else "FINDINGS DIFFER"
                print(f"{count:>7} {label:<18} {seconds:>8.1f} {count / seconds:>7.1f} {_ratio(times, seconds):>6} "
                      f"{client:>10}  {', '.join(str(peak) for peak, _ in peaks)}  ({same}; "
                      f"{_cpu(seconds, cpu + sum(used for _, used in peaks), busy)}, workers "
                      f"{' + '.join(f'{used:.0f}' for _, used in peaks)} CPU s)", flush=True)
            if "dask, 1 worker(s)" in times and "dask, 2 worker(s)" in times:
                print(f"{count:>7} 2 workers against 1: {times['dask, 1 worker(s)'] / times['dask, 2 worker(s)']:.2f}x",
                      flush=True)


def _cpu(seconds: float, ours: float, busy: float) -> str:
    """The CPU seconds a run's processes used, and the cores the rest of the machine kept busy on average."""
    return f"{ours:.0f} CPU s, others used {max(busy - ours, 0) / seconds:.1f} cores"


def _ratio(times: dict[str, float], seconds: float) -> str:
    """How much faster than one process (blank without that run)."""
    one = times.get("one process")
    return f"{one / seconds:.2f}x" if one else ""


if __name__ == "__main__":
    main()
