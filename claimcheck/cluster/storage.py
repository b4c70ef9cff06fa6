"""The scratch folder of a run on a cluster, and sorting what the workers wrote there.

Workers write each stage's output as Parquet files in a folder the client reads too (a temporary folder for a local
cluster; a shared folder or fsspec URL for a remote one), so what a stage leaves waits on disk, not in the workers'
memory. Each partition's findings and events are written sorted; the report merges the sorted parts as it streams
(after the workers have merged them down to a few, when there are many).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter

from ..errors import InputError
from ..parquet import is_remote


@dataclass
class Scratch:
    """A folder the workers write and the client reads (a temporary folder on this machine for a local cluster;
    shared storage, a path or fsspec URL, for a remote one): sorted findings and events go through it."""

    location: str
    owned: bool = False

    @classmethod
    def create(cls, client, location: str | None = None) -> Scratch:
        if location is None:
            scratch = cls(tempfile.mkdtemp(prefix="claimcheck-scratch-"), owned=True)
        elif is_remote(location):
            scratch = cls(f"{location.rstrip('/')}/claimcheck-{uuid.uuid4().hex[:12]}", owned=True)
        else:
            if not os.path.isdir(location):
                raise InputError("no such directory: give a folder the workers and this machine share", location)
            scratch = cls(tempfile.mkdtemp(prefix="claimcheck-scratch-", dir=location), owned=True)
        if not is_remote(scratch.location):
            seen = client.run(os.path.isdir, scratch.location)
            if not all(seen.values()):
                scratch.remove()
                raise InputError("the workers cannot see this folder: give --scratch a folder (or fsspec URL) that "
                                 "the workers and this machine share", location or scratch.location)
        return scratch

    def path(self, name: str) -> str:
        return f"{self.location.rstrip('/')}/{name}"

    def parts(self, name: str) -> list[str]:
        """The Parquet files of a dataset Dask wrote, in partition order (part.0, part.1, ...)."""
        import fsspec

        fs, root = fsspec.core.url_to_fs(self.path(name))
        if not fs.exists(root):
            return []
        files = [path for path in fs.ls(root, detail=False) if path.endswith(".parquet")]
        files.sort(key=lambda path: int(os.path.basename(path).split(".")[1]))
        protocol = self.location.split("://", 1)[0] + "://" if is_remote(self.location) else ""
        return [protocol + path if protocol and "://" not in path else path for path in files]

    def remove(self) -> None:
        if not self.owned:
            return
        if is_remote(self.location):
            import fsspec

            fs, root = fsspec.core.url_to_fs(self.location)
            if fs.exists(root):
                fs.rm(root, recursive=True)
        else:
            shutil.rmtree(self.location, ignore_errors=True)


def read_rows(path: str, columns: list[str], filters: list | None = None) -> dict[str, list]:
    """Some columns of one Parquet file the workers wrote (the rows ``filters`` keep, as pyarrow reads them)."""
    import fsspec
    import pyarrow.parquet as pq

    fs, name = fsspec.core.url_to_fs(path)
    table = pq.read_table(name, columns=columns, filters=filters, filesystem=fs)
    return {name: table.column(name).to_pylist() for name in columns}


FAN_IN = 32  # sorted parts one merge reads at once (on a worker, or the report on the client)
ROW_GROUP = 256  # rows a sorted part is written and read in: what a merge holds of each part it reads
ROW_GROUP_BYTES = 1 << 20  # or fewer rows, once they hold this many bytes of text and payloads (see _write_rows)


def merge_parts(client, scratch: Scratch, parts: list[str], name: str, key: str, schema, skip_tally: bool = False
                ) -> list[str]:
    """The sorted ``parts`` the workers wrote (each partition's rows sorted by ``key``), merged on the
    workers, ``FAN_IN`` at a time, until no more than ``FAN_IN`` are left: the report merges those as it streams
    (:func:`merged`). A merge reads a row group of each part at a time (those written here hold about
    ``ROW_GROUP_BYTES`` at most), so neither a worker nor this machine holds more than ``FAN_IN`` row groups of
    rows, whatever the corpus; each row is rewritten once per round, and a round divides the number of parts by
    ``FAN_IN`` (a million partitions take four). ``skip_tally``: leave out the tally rows (``state`` "tally").
    Returns the parts, in no particular order (the merge orders their rows)."""
    files = [path for path in parts if rows_in(path)]
    level = 0
    while len(files) > FAN_IN:
        level += 1
        groups = [files[start:start + FAN_IN] for start in range(0, len(files), FAN_IN)]
        folder = scratch.path(f"{name}-merged-{level}")
        targets = [f"{folder}/part.{index}.parquet" for index in range(len(groups))]
        client.gather(client.map(merge_files, groups, targets, column=key, schema=schema, skip_tally=skip_tally,
                                 pure=False))
        files = [path for path in targets if rows_in(path)]
    return files


def merge_files(paths: list[str], target: str, column: str, schema, skip_tally: bool = False) -> str:
    """Merge parts sorted by ``column`` into one sorted part at ``target`` (a task of :func:`merge_parts`, on a
    worker; ``column``, not ``key``, which Dask's ``map`` keeps for itself)."""
    _write_rows(merged(paths, column, schema.names, skip_tally), target, schema)
    return target


def write_sorted(rows: list[dict], target: str, key: str, schema) -> None:
    """Rows (dicts with the schema's names) sorted by ``key`` and written as one sorted part at ``target``."""
    rows.sort(key=itemgetter(key))
    _write_rows((tuple(row[name] for name in schema.names) for row in rows), target, schema)


class Spill:
    """Rows (dicts with a ``payload``) that a task produces, written out as a sorted part whenever they hold ``budget``
    bytes of payload, so that the task holds at most that much of them whatever the corpus; the parts are merged
    with the others (:func:`merge_parts`). Parts are named by ``name`` and their number: a task run again (a worker
    lost) writes the same parts again."""

    def __init__(self, folder: str, name: str, key: str, schema, budget: int) -> None:
        self.folder, self.name, self.key, self.schema, self.budget = folder, name, key, schema, budget
        self.rows: list[dict] = []
        self.size = 0
        self.written = 0

    def append(self, row: dict) -> None:
        self.rows.append(row)
        self.size += len(row["payload"])
        if self.size >= self.budget:
            write_sorted(self.rows, f"{self.folder}/part.{self.name}.{self.written}.parquet", self.key, self.schema)
            self.rows, self.size, self.written = [], 0, self.written + 1


def _write_rows(rows: Iterator[tuple], target: str, schema) -> None:
    """Rows (tuples in the schema's order) written to a Parquet file in row groups of ``ROW_GROUP`` rows, or fewer
    once they hold ``ROW_GROUP_BYTES`` of text and payloads: a merge holds a row group of each part it reads, and a
    finding's payload quotes the documents of its claims (a standing quantity's, up to a hundred: about 60 KB).
    Such findings grow in number with the corpus, and so do the parts a block task spills them to: 256 rows made
    row groups of up to 12 MB, and a merge of 32 parts took a worker's memory up by about 100 MB at 20,000
    documents. A task run again (a worker lost) writes the whole file again."""
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = schema.names
    fs, name = fsspec.core.url_to_fs(target)
    fs.makedirs(name.rsplit("/", 1)[0], exist_ok=True)
    with fs.open(name, "wb") as stream, pq.ParquetWriter(stream, schema) as writer:
        batch: list[tuple] = []
        size = 0
        for row in rows:
            batch.append(row)
            size += sum(len(value) for value in row if isinstance(value, (bytes, str)))
            if len(batch) == ROW_GROUP or size >= ROW_GROUP_BYTES:
                writer.write_table(pa.Table.from_pylist([dict(zip(names, row)) for row in batch], schema=schema))
                batch, size = [], 0
        if batch:
            writer.write_table(pa.Table.from_pylist([dict(zip(names, row)) for row in batch], schema=schema))


def merged(paths: list[str], key: str, columns: list[str], skip_tally: bool = False) -> Iterator[tuple]:
    """The rows (``columns``, which include ``key``) of sorted parts in one sorted stream, read a row group of each
    part at a time (``heapq.merge``: keys are unique, so the order is the one sort of all rows would give)."""
    import heapq

    at = columns.index(key)
    return heapq.merge(*(_rows(path, columns, skip_tally) for path in paths), key=itemgetter(at))


def _rows(path: str, columns: list[str], skip_tally: bool) -> Iterator[tuple]:
    import fsspec
    import pyarrow.parquet as pq

    wanted = list(dict.fromkeys([*columns, *(["state"] if skip_tally else [])]))
    state = wanted.index("state") if skip_tally else -1
    with fsspec.open(path, "rb") as stream:
        parquet = pq.ParquetFile(stream)
        for group in range(parquet.num_row_groups):
            table = parquet.read_row_group(group, columns=wanted)
            values = [table.column(name).to_pylist() for name in wanted]
            del table
            for row in zip(*values):
                if not skip_tally or row[state] != "tally":
                    yield row[:len(columns)]


def ordered(frame, key: str):
    """A partition's rows sorted by ``key`` (what each partition does before it is written, to be merged)."""
    return frame.sort_values(key, kind="stable").reset_index(drop=True)


def rows_in(path: str) -> int:
    import fsspec
    import pyarrow.parquet as pq

    with fsspec.open(path, "rb") as stream:
        return pq.ParquetFile(stream).metadata.num_rows




def empty(meta: dict):
    """An empty frame of these columns and types (what Dask is told a stage returns)."""
    import pandas as pd

    return pd.DataFrame({name: pd.Series([], dtype=kind) for name, kind in meta.items()})
