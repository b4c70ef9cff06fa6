"""The scratch folder of a run on a cluster, and sorting what the workers wrote there.

Workers write each stage's output as Parquet files in a folder the client reads too (a temporary folder for a local
cluster; a shared folder or fsspec URL for a remote one), so what a stage leaves waits on disk, not in the workers'
memory, and the report is read back a sorted part at a time.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass

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


def sort_parts(client, scratch: Scratch, found: str, name: str, key: str, meta: dict, write,
               filters: list | None = None) -> list[str]:
    """Sort what the workers wrote under ``found`` by ``key`` into ``name`` (a range of keys per part, each part
    sorted); the sorted files, in order. The ranges come from samples of every part's keys; each row is given the
    number of its range, and Dask moves each range to the part of that number."""
    import dask.dataframe as dd
    from dask import delayed

    files = [path for path in scratch.parts(found) if rows_in(path)]
    if files:
        samples = client.gather(client.map(_sample, files, column=key, filters=filters, pure=False))
        bounds = _bounds(samples, len(files))
        frame = dd.read_parquet(scratch.path(found), filters=filters)
        if filters:
            frame = frame[frame["state"] != "tally"]  # filters skip row groups; rows are filtered here
        ranged = frame.map_partitions(_ranged, key, delayed(bounds), meta=empty({**meta, "range": "int64"}))
        ranged = ranged.set_index("range", divisions=list(range(len(bounds) + 2)))
        write(ranged.map_partitions(_ordered, key, meta=empty(meta)), scratch.path(name), meta)
    return [path for path in scratch.parts(name) if rows_in(path)]


_SAMPLE = 64  # keys each part offers to choose the ranges from


def _sample(path: str, column: str, filters: list | None) -> tuple[int, list]:
    """How many rows a part has and some of its keys (``column``), evenly spaced in order."""
    rows = read_rows(path, [column, *(["state"] if filters else [])], filters)
    keys = sorted(value for index, value in enumerate(rows[column]) if not filters or rows["state"][index] != "tally")
    step = max(1, len(keys) // _SAMPLE)
    return len(keys), keys[step // 2::step]


def _bounds(samples: list[tuple[int, list]], parts: int) -> list:
    """Keys that cut the rows into about ``parts`` ranges of equal size (each sampled key stands for its share)."""
    weighted = sorted((value, count / len(keys)) for count, keys in samples if keys for value in keys)
    total = sum(weight for _, weight in weighted)
    bounds, seen, target = [], 0.0, total / max(parts, 1)
    for value, weight in weighted:
        seen += weight
        if seen >= target * (len(bounds) + 1) and len(bounds) < parts - 1 and (not bounds or value > bounds[-1]):
            bounds.append(value)
    return bounds


def _ranged(frame, key: str, bounds: list):
    import bisect

    return frame.assign(range=[bisect.bisect_right(bounds, value) for value in frame[key]])


def _ordered(frame, key: str):
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
