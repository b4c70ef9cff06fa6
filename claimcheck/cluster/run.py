"""A check on a Dask cluster: the stages of :mod:`claimcheck.cluster.stages` and :mod:`claimcheck.cluster.events`
wired into Dask graphs, with shuffles (Dask's peer-to-peer shuffle, which spills to the workers' disks) where
claims or pairs of documents must meet.

1. leads: each partition's term frequencies, summed in a tree; the inline suppressions of every document;
2. events (see :mod:`claimcheck.cluster.events`): which documents share an event, and every event, written to the
   scratch folder;
3. documents: each partition is read and extracted, its documents' own rules run, and every claim keyed by its
   block of facts; the claims are shuffled by block and each block's facts judged; every finding is written to the
   scratch folder with a key that sorts as one run orders its findings, each partition's findings sorted by it
   (a partition of blocks writes its findings out as it goes, in sorted parts of ``SPILLED`` bytes);
4. the sorted parts of findings and of events are merged (by the workers, a few dozen parts at a time, while there
   are more than that) and the report is streamed from a merge of what is left (see
   :func:`claimcheck.cluster.storage.merge_parts`).

The client holds the plan (the files' names), the tallies and a row group of each part it merges; claims never
leave the workers, and documents only as the light copies the findings quote.
"""

from __future__ import annotations

import os
import pickle
import warnings
from dataclasses import dataclass, field, replace

from ..errors import InputError
from .events import (BLOCK_META, LINKED_META, LINKING, NODE_META, PAIR_META, EDGE_META, LABEL_META, STORED_META,
                     VECTOR_META, compares_all, component_stage, lead_stage, link_stage, lonely_stage,
                     pairs_stage, partitions_pair, shared_terms, similarity_stage, small_stage, summed, unique_pairs,
                     vector_stage)
from .sources import Part, Plan
from .blocks import block_stage
from .stages import RunSettings, Tally, document_number, forget, partition_stage
from .storage import ROW_GROUP, Scratch, Spill, empty, merge_parts, ordered, read_rows, rows_in, write_sorted

TOPIC = "claimcheck-progress"
FINDING_META = {"key": object, "state": object, "status": object, "payload": object}
CLAIM_META = {"block": object, "number": "int64", "index": "int64", "payload": object}
_FAN_IN = 8  # partitions' term counts summed per task
SPILLED = 8 << 20  # bytes of findings a block task holds before it writes them out


class Progress:
    """What a run reports as it goes (the command line shows a bar per stage): nothing, unless overridden."""

    def stage(self, name: str, total: int) -> None:
        """A stage of ``total`` partitions begins."""

    def done(self, name: str, part: int) -> None:
        """A partition of a stage is done (a partition run again after a worker was lost is reported again)."""

    def close(self) -> None:
        """The run is over."""


def report(stage: str, part: int) -> None:
    """Tell the client a partition is done (from a worker; nothing outside one)."""
    try:
        from distributed import get_worker

        get_worker().log_event(TOPIC, {"stage": stage, "part": part})
    except (ImportError, ValueError):
        pass


# ---- the tasks (module-level, so that workers unpickle them by name) ---------------------------------------------

def _leads(part: Part, settings: RunSettings):
    found = lead_stage(part, settings)
    report("leads", part.index)
    return found


def _vectors(part: Part, settings: RunSettings, frequencies: dict, total: int):
    frame = vector_stage(part, settings, frequencies, total)
    report("events", part.index)
    return frame


EVENT_META = {"number": "int64", "payload": object}


def _count(found) -> int:
    return found[1]


def _inline(found) -> list:
    return found[2]


def _documents(part: Part, settings: RunSettings, linked, inline: list, folder: str):
    """A partition's claims, for the shuffle by block; its documents' own findings (and its tally) are written to
    ``folder`` as a sorted part here, not returned: a result waits in the worker's memory until every task that
    reads it has run, and Dask would write these only after the shuffle, holding every partition's findings."""
    import pandas as pd

    mapping = {int(number): event for number, event in zip(linked.index, linked["event"])} if len(linked) else {}
    findings, claims, tally = partition_stage(part, settings, mapping, inline)
    forget()
    findings.append(_tally_row(tally))
    write_sorted(findings, f"{folder}/part.{part.index}.parquet", "key", _schema(FINDING_META))
    del findings
    report("documents", part.index)
    return pd.DataFrame(claims, columns=list(CLAIM_META)).astype(CLAIM_META)


def _blocks(frame, settings: RunSettings, inline: list, folder: str, budget: int, partition_info=None):
    """A partition's blocks of claims, judged: findings are written to ``folder`` as sorted parts whenever they hold
    ``budget`` bytes (a standing quantity's block has findings from the whole corpus); the rest, and the tally, are
    returned."""
    import pandas as pd

    spill = Spill(folder, str(partition_info["number"]), "key", _schema(FINDING_META), budget) \
        if partition_info is not None else None
    findings, tally = block_stage(zip(frame["block"], frame["number"], frame["index"], frame["payload"]), settings,
                                  inline, spill)
    forget()
    findings.append(_tally_row(tally))
    if partition_info is not None:
        report("facts", partition_info["number"])
    return pd.DataFrame(findings, columns=list(FINDING_META)).astype(FINDING_META)


def _tally_row(tally: Tally) -> dict:
    """A partition's or a block's tally travels with its findings (a row of its own), so that the stage is one
    graph without branches (Dask would run a stage once per branch that filters its output)."""
    return {"key": "", "state": "tally", "status": "", "payload": pickle.dumps(tally)}


def _take(frame, index: int, count: int):
    return frame.iloc[index::count]


# ---- the run --------------------------------------------------------------------------------------------------

@dataclass
class Ran:
    """What a run leaves for its report: the tally, counts, inline suppressions and where the sorted findings and
    events are (in the scratch folder)."""

    tally: Tally
    events: int
    inline: list
    scratch: Scratch
    findings_parts: list[str] = field(default_factory=list)
    events_parts: list[str] = field(default_factory=list)


def run(client, plan: Plan, settings: RunSettings, scratch: Scratch, progress: Progress | None = None) -> Ran:
    """Check the partitions of ``plan`` on the cluster ``client`` is connected to (see the module docstring)."""
    import dask

    from .profiler import profiler_paused

    progress = progress or Progress()
    parts = plan.parts
    handler = _Handler(progress)
    client.subscribe_topic(TOPIC, handler)
    try:
        with dask.config.set({"dataframe.convert-string": False}), profiler_paused(client):
            return _run(client, parts, settings, scratch, progress)
    finally:
        client.unsubscribe_topic(TOPIC)
        progress.close()


class _Handler:
    def __init__(self, progress: Progress):
        self.progress = progress

    def __call__(self, event) -> None:
        message = event[1] if isinstance(event, tuple) else event
        try:
            self.progress.done(message["stage"], message["part"])
        except Exception:  # noqa: BLE001 - a progress bar must never stop a run
            pass


def _run(client, parts: list[Part], settings: RunSettings, scratch: Scratch, progress: Progress) -> Ran:
    import dask.dataframe as dd
    from dask import delayed

    settings_f = client.scatter(settings, broadcast=True, hash=False)
    # 1. leads: term frequencies (summed in a tree), document counts, inline suppressions
    progress.stage("leads", len(parts))
    leads = [delayed(_leads, pure=False)(part, settings_f) for part in parts]
    level = leads
    while len(level) > 1:
        level = [delayed(summed)(*level[i:i + _FAN_IN]) for i in range(0, len(level), _FAN_IN)]
    frequencies = delayed(shared_terms)(level[0] if len(leads) > 1 else delayed(summed)(leads[0]))
    counts = [delayed(_count)(found) for found in leads]
    inlines = [delayed(_inline)(found) for found in leads]
    frequencies_f, counts_f, inlines_f = client.compute([frequencies, counts, inlines])
    total = sum(counts_f.result())
    if total == 0:
        frequencies_f.cancel()
        raise _nothing_read(client, parts, settings)
    inline = [suppression for found in inlines_f.result() for _, suppression in found]
    inline_f = client.scatter([inline], broadcast=True, hash=False)[0]  # one object, not a future per item
    if settings.rules.is_archive(total):  # as one process groups an archive's standing quantities: by decade
        settings = replace(settings, by_decade=True)
        settings_f.release()
        settings_f = client.scatter(settings, broadcast=True, hash=False)
    # 2. events
    progress.stage("events", len(parts))
    _events(client, parts, settings_f, frequencies_f, total, scratch)
    frequencies_f.release()
    mapping = dd.read_parquet(scratch.path("linked"), filters=[("kind", "==", "map")], columns=["number", "event"])
    divisions = [document_number(index, 0) for index in range(len(parts))] + [document_number(len(parts), 0) - 1]
    mapping = mapping.set_index("number", divisions=divisions)  # the linked documents of each partition, with it
    # 3. documents and facts, in one graph: each partition is read and extracted once
    progress.stage("documents", len(parts))
    staged = [delayed(_documents, pure=False)(part, settings_f, linked, inline_f, scratch.path("findings-own"))
              for part, linked in zip(parts, mapping.to_delayed())]
    claims = dd.from_delayed(staged, meta=empty(CLAIM_META), verify_meta=False)
    blocks = claims.shuffle("block").map_partitions(_blocks, delayed(settings_f), delayed(inline_f),
                                                    scratch.path("findings-spilled"), SPILLED, meta=empty(FINDING_META))
    progress.stage("facts", blocks.npartitions)
    _write(client, blocks.map_partitions(ordered, "key", meta=empty(FINDING_META)), scratch.path("findings-found"),
           FINDING_META, sorted_parts=True)
    found = scratch.parts("findings-own") + scratch.parts("findings-found") + scratch.parts("findings-spilled")
    tally = Tally()
    for path in found:
        for payload in read_rows(path, ["payload"], [("state", "==", "tally")])["payload"]:
            tally.add(pickle.loads(payload))
    # 4. the sorted parts of findings and events, merged down to a few
    progress.stage("sorting", 2)
    findings_parts = merge_parts(client, scratch, found, "findings", "key", _schema(FINDING_META), skip_tally=True)
    progress.done("sorting", 0)
    events_parts = merge_parts(client, scratch, scratch.parts("events-found"), "events", "number", _schema(EVENT_META))
    progress.done("sorting", 1)
    events = sum(rows_in(path) for path in events_parts)
    return Ran(tally, events, inline, scratch, findings_parts, events_parts)


def _events(client, parts: list[Part], settings_f, frequencies_f, total: int, scratch: Scratch) -> None:
    """Step 2, each step written to the scratch folder and read back by the next: ``linked`` (the event of each
    document that shares it, "map" rows; the events of components, "event" rows) and ``events-found`` (every
    event)."""
    import dask.dataframe as dd
    from dask import delayed

    def features():
        return dd.from_delayed([delayed(_vectors, pure=False)(part, settings_f, frequencies_f, total) for part in parts],
                               meta=empty(VECTOR_META), verify_meta=False)

    if compares_all(total):
        linked = dd.from_delayed([delayed(small_stage)(*features().to_delayed())], meta=empty(LINKED_META),
                                 verify_meta=False)
        _write(client, linked, scratch.path("linked"), LINKED_META)
        linked = dd.read_parquet(scratch.path("linked"), filters=[("kind", "==", "event")], columns=["number", "payload"])
        _write(client, linked.map_partitions(ordered, "number", meta=empty(EVENT_META)), scratch.path("events-found"),
               EVENT_META, sorted_parts=True)
        return
    # pairs of documents that share a distinctive term; each document's vector, lead and path, kept by partition
    found = features()
    postings = found[["number", "day", "top"]].explode("top").rename(columns={"top": "term"}).dropna(subset=["term"])
    pairs = postings.shuffle("term").map_partitions(pairs_stage, meta=empty(PAIR_META))
    pairs = pairs.shuffle(["first", "second"]).map_partitions(unique_pairs, meta=empty(PAIR_META))
    _write_all(client, [(found[list(STORED_META)], scratch.path("vectors"), STORED_META),
                        (pairs, scratch.path("pairs"), PAIR_META)])  # one graph: each partition's vectors made once
    # the similarity of each pair, weighed a pair of partitions at a time with their stored vectors
    spread = max(1, len(parts))
    pairs = dd.read_parquet(scratch.path("pairs")).map_partitions(partitions_pair, spread, meta=empty(BLOCK_META))
    _write(client, pairs.shuffle("block").map_partitions(similarity_stage, scratch.path("vectors"), spread,
                                                         meta=empty(EDGE_META)), scratch.path("edges"), EDGE_META)
    # the components of the linkable pairs (the one task over the whole corpus)
    edges = dd.read_parquet(scratch.path("edges"))
    strong = dd.read_parquet(scratch.path("edges"), filters=[("similarity", ">=", LINKING)], columns=["first", "second"])
    component = delayed(component_stage)(*strong.to_delayed())
    _write(client, dd.from_delayed([delayed(_take)(component, index, spread) for index in range(spread)],
                                   meta=empty(LABEL_META), verify_meta=False), scratch.path("labels"), LABEL_META)
    # each component clustered; every other document an event of its own
    labels = dd.read_parquet(scratch.path("labels"))
    found = dd.read_parquet(scratch.path("vectors"), columns=["number", "day", "lead", "path"])
    nodes = found.merge(labels, on="number", how="inner")
    nodes = nodes.assign(kind="node", second=-1, similarity=0.0)[list(NODE_META)]
    inside = edges.merge(labels.rename(columns={"number": "first", "component": "c1"}), on="first", how="inner")
    inside = inside.merge(labels.rename(columns={"number": "second", "component": "c2"}), on="second", how="inner")
    inside = inside[inside["c1"] == inside["c2"]]
    inside = inside.rename(columns={"first": "number", "c1": "component"}).assign(
        kind="edge", day=-1, lead=None, path=None)[list(NODE_META)]
    linked = dd.concat([nodes, inside]).shuffle("component").map_partitions(link_stage, meta=empty(LINKED_META))
    alone = found[["number", "lead", "path"]].merge(labels, on="number", how="left")
    alone = alone.map_partitions(lonely_stage, meta=empty(LINKED_META))
    _write(client, dd.concat([linked, alone]), scratch.path("linked"), LINKED_META)
    events = dd.read_parquet(scratch.path("linked"), filters=[("kind", "==", "event")], columns=["number", "payload"])
    _write(client, events.map_partitions(ordered, "number", meta=empty(EVENT_META)), scratch.path("events-found"),
           EVENT_META, sorted_parts=True)


def _write(client, frame, path: str, meta: dict, sorted_parts: bool = False) -> None:
    """Compute a frame into Parquet files at ``path`` (part.0, part.1, ... in partition order); ``sorted_parts`` in
    row groups small enough that a merge of many parts holds a row group of each."""
    _write_all(client, [(frame, path, meta)], sorted_parts)


def _write_all(client, frames: list[tuple], sorted_parts: bool = False) -> None:
    """:func:`_write` of several (frame, path, meta) in one graph: what they are made from is computed once. A worker
    lost while the scheduler closes the write can leave its last task cancelled rather than retried ("already
    forgotten"); the write is then run again, whole: each part file is written anew under the same name."""
    import dask
    from concurrent.futures import CancelledError

    for attempt in range(_WRITE_ATTEMPTS):
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="Computing mixed collections")
                dask.compute(*[frame.to_parquet(path, write_index=False, schema=_schema(meta), compute=False,
                                                **({"row_group_size": ROW_GROUP} if sorted_parts else {}))
                               for frame, path, meta in frames], scheduler=client)
            return
        except CancelledError:
            if attempt + 1 == _WRITE_ATTEMPTS:
                raise


_WRITE_ATTEMPTS = 3  # runs of one write a lost worker's cancelled tasks may take


def _schema(meta: dict):
    """The Parquet schema of rows the workers write: text, numbers and pickled payloads (binary)."""
    import pyarrow as pa

    types = {"int64": pa.int64(), "float64": pa.float64()}
    return pa.schema([(name, types.get(kind) or (pa.binary() if name in ("payload", "lead", "vector") else pa.string()))
                      for name, kind in meta.items()])




def _nothing_read(client, parts: list[Part], settings: RunSettings) -> InputError:
    """As one process says when no document could be read: the problem, or how many there were and the first."""
    from ..documents.readers import nothing_read
    from .sources import read_partition

    problems: list[str] = []
    for part in parts[:20]:
        problems.extend(client.submit(read_partition, part, settings.dataset, settings.encoding, settings.root,
                                      settings.limits, pure=False).result()[3])
    return nothing_read(problems)


# ---- extraction into a claims dataset ----------------------------------------------------------------------------

def _extract_part(part: Part, folder: str, options, dataset, encoding: str | None,
                  limits=None) -> tuple[int, int, list[str]]:
    """Read and extract one partition and write it as a part of the claims dataset at ``folder``."""
    from ..extraction import extract_claims
    from ..parquet import write_part
    from .sources import read_partition

    documents, _, _, notes = read_partition(part, dataset, encoding, os.getcwd(), limits)
    claims = []
    for document in documents:
        diagnostics = []
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                claims.extend(extract_claims(document, options, diagnostics))
        except Exception as error:  # noqa: BLE001 - one document that breaks extraction costs that document only
            notes.append(f"{document.id}: warning: claims could not be extracted ({type(error).__name__}: {error})")
        notes.extend(str(diagnostic) for diagnostic in diagnostics)
    write_part(folder, part.index, documents, claims)
    report("extracting", part.index)
    return len(documents), len(claims), notes


def extract_parts(client, parts: list[Part], folder: str, options, dataset, encoding: str | None,
                  progress: Progress, limits=None) -> tuple[int, int, list[str]]:
    """Every partition extracted and written by a worker; the documents and claims written, and the warnings."""
    from .profiler import profiler_paused

    client.subscribe_topic(TOPIC, _Handler(progress))
    progress.stage("extracting", len(parts))
    try:
        with profiler_paused(client):
            futures = client.map(_extract_part, parts, folder=folder, options=options, dataset=dataset,
                                 encoding=encoding, limits=limits, pure=False)
            done = client.gather(futures)
    finally:
        client.unsubscribe_topic(TOPIC)
        progress.close()
    return sum(found[0] for found in done), sum(found[1] for found in done), [note for found in done for note in found[2]]
