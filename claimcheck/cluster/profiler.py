"""Dask's statistical profiler, paused on the workers while a run uses them.

A worker samples the stack of its running task every 10 ms and keeps the call tree of each second for the last
``distributed.admin.low-level-log-length`` seconds (1,000 by default), twice: the worker's and each task prefix's.
Reading and extracting documents walks many deep call paths, so each second leaves trees of hundreds of small
dicts and their strings (about 0.2 MB); over a run they pile up at that rate for its first quarter of an hour, so
a worker's memory grew with the length of the run, i.e. with the corpus, not with its partition (one worker's
peak: 372 MiB at 2,000 documents, 493 MiB at 10,000; paused, 367 and 405). The findings never depended on it.
The dashboard's profile page shows nothing of the run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from distributed import WorkerPlugin

PLUGIN = "claimcheck-profiler-paused"
_SAMPLING = ("profile", "profile-cycle")  # the worker's periodic callbacks: take a sample, start a new second's tree


class PausedProfiler(WorkerPlugin):
    """On every worker (also one that joins during the run): stop sampling and let go of the trees kept so far;
    when the run is over, sample again where the worker did."""

    name = PLUGIN

    def setup(self, worker) -> None:
        self.paused = [name for name in _SAMPLING
                       if name in worker.periodic_callbacks and worker.periodic_callbacks[name].is_running()]
        for name in self.paused:
            worker.periodic_callbacks[name].stop()
        _forget_samples(worker)

    def teardown(self, worker) -> None:
        _forget_samples(worker)
        for name in getattr(self, "paused", ()):
            worker.periodic_callbacks[name].start()


def _forget_samples(worker) -> None:
    from distributed import profile

    worker.profile_history.clear()
    worker.profile_keys_history.clear()
    worker.profile_keys.clear()
    worker.profile_recent = profile.create()


@contextmanager
def profiler_paused(client) -> Iterator[None]:
    """Pause the workers' profiler for the time of the block (see the module docstring)."""
    client.register_plugin(PausedProfiler(), name=PLUGIN)
    try:
        yield
    finally:
        client.unregister_worker_plugin(PLUGIN)
