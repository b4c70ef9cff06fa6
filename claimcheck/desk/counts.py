"""The queue's counts (the total, the counts per facet and the findings a search found), kept per query.

Counting is the costly part of a queue page on a large ledger (every finding is read to count 60,000 of them); the
rows of a page are cheap and are always read afresh. Counts are kept per query (filters, search, dates) and:

- a review changed through this server patches them at once (the finding moves from one group to another, and
  its outlets and events in or out of their counts where a filter on review or assignee takes it in or out); an
  ingest drops them all;
- after ``fresh`` seconds a read is served the kept counts while they are counted again in the background, so a
  change made elsewhere (the command line, another server process) shows within half a minute;
- readers asking for counts nobody has yet wait for one count, not one each.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from ..ledger.store import FindingRecord, QueueCounts, QueueQuery
from ..ledger.store import queue_sql

KEPT = ("confirmed", "published", "needs-source")  # gone findings the queue still lists


@dataclass
class Entry:
    query: QueueQuery
    counts: QueueCounts
    stamp: float
    sources: dict[str, list[tuple]] | None = None


def _key(query: QueueQuery) -> tuple:
    return (tuple(sorted((name, tuple(values)) for name, values in query.filters.items() if values)), query.search,
            query.date_from, query.date_to, query.facets)


def _member(query: QueueQuery, counts: QueueCounts, record: FindingRecord, where: dict) -> bool:
    """Whether a finding is among those the query's search, dates and non-grouped filters let through (which a
    review change does not alter). ``where``: its outlets, events and date."""
    if counts.hits is not None and record.id not in set(counts.hits):
        return False
    if query.date_from and not (where["date"] and where["date"] >= query.date_from):
        return False
    if query.date_to and not (where["date"] and where["date"] <= query.date_to + "~"):
        return False
    for name in ("outlet", "event"):
        wanted = set(query.filters.get(name, []))
        if wanted and not (set(where[name]) & wanted or ("" in wanted and not where[name])):
            return False
    for name, value in (("kind", record.kind), ("fact", record.fact or "")):
        if query.filters.get(name) and value not in query.filters[name]:
            return False
    return True


def _passes(query: QueueQuery, record: FindingRecord) -> bool:
    """Whether a finding passes the grouped filters (status, review, severity, rule, assignee) and is listed."""
    values = {"status": record.status, "review": record.review, "severity": record.severity, "rule": record.rule,
              "assignee": record.assignee or ""}
    listed = record.present or record.review in KEPT
    return listed and all(not query.filters.get(name) or values[name] in query.filters[name] for name in queue_sql.DIMENSIONS)


class CountCache:
    def __init__(self, count, fresh: float = 30.0, size: int = 256):
        self._count = count  # query -> QueueCounts, in the calling thread (each has its own connection)
        self.fresh, self.size = fresh, size
        self._entries: OrderedDict[tuple, Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._pending: dict[tuple, Future] = {}  # counted again in the background
        self._counting: dict[tuple, Future] = {}  # counted for the first time, in a reader's thread
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimcheck-counts")

    def counts(self, query: QueueQuery) -> QueueCounts:
        key = _key(query)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                if time.monotonic() - entry.stamp > self.fresh and key not in self._pending:
                    self._pending[key] = self._pool.submit(self._refresh, key, entry.query)
                return entry.counts
            counting = self._counting.get(key)
            if counting is None:
                counting = self._counting[key] = Future()
                mine = True
            else:
                mine = False
        if not mine:
            return counting.result()
        try:
            counts = self._count(query)
        except BaseException as error:
            counting.set_exception(error)
            raise
        finally:
            with self._lock:
                self._counting.pop(key, None)
        self._store(key, query, counts)
        counting.set_result(counts)
        return counts

    def _refresh(self, key: tuple, query: QueueQuery) -> None:
        try:
            self._store(key, query, self._count(query))
        finally:
            with self._lock:
                self._pending.pop(key, None)

    def settle(self) -> None:
        """Wait for the counts being counted again in the background (for tests)."""
        with self._lock:
            pending = list(self._pending.values())
        for future in pending:
            future.result()

    def _store(self, key: tuple, query: QueueQuery, counts: QueueCounts) -> None:
        with self._lock:
            self._entries[key] = Entry(query, counts, time.monotonic())
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def changed(self) -> None:
        """The ledger changed in a way counts cannot follow (an ingest): count again on the next read."""
        with self._lock:
            self._entries.clear()

    def reviewed(self, before: FindingRecord, after: FindingRecord, where: dict) -> None:
        """A finding's review changed: move it between the kept groups (and its outlets and events in or out of
        their counts). ``where``: its outlets, events and date."""
        with self._lock:
            for entry in self._entries.values():
                query, counts = entry.query, entry.counts
                if not _member(query, counts, after, where):
                    continue
                combos = {tuple(values): n for *values, n in counts.combos}
                for record, step in ((before, -1), (after, 1)):
                    if record.present or record.review in KEPT:
                        group = (record.status, record.review, record.severity, record.rule, record.assignee or "")
                        combos[group] = combos.get(group, 0) + step
                rows = [(*group, n) for group, n in combos.items() if n > 0]
                step = _passes(query, after) - _passes(query, before)
                sources = {}
                for name in queue_sql.SOURCE_FACETS:
                    if name in counts.facets:
                        tally = dict(counts.facets[name])
                        for value in where[name] or [""]:
                            if value in tally:
                                tally[value] += step
                        sources[name] = [(value, n) for value, n in tally.items() if n > 0]
                total, facets = queue_sql.count(rows, sources, query)
                entry.counts = QueueCounts(total, facets, rows, counts.hits)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
