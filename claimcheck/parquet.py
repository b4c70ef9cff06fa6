"""Claims as a Parquet dataset: the documents and the claims extracted from them, in parts that can be written and
read apart (by the workers of a cluster, by pandas, DuckDB or Spark), so a corpus is extracted once and checked
again without extracting (``claimcheck check --claims DIR``). The layout and every column are described in
``docs/claims-dataset.md``::

    DIR/claimcheck-claims.json          written last: a dataset without it is incomplete and is not read
    DIR/documents/part-00000.parquet    one row per document
    DIR/claims/part-00000.parquet       one row per claim, in document order

A folder on this machine is written beside the target and moved into place when complete, so an interrupted run
leaves the earlier dataset as it was; on other storage (``s3://...``, read and written through fsspec) the parts
are written in place and the marker file last.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from .errors import InputError
from .model import Claim, Document

if TYPE_CHECKING:
    import pyarrow

FORMAT = "claimcheck-claims"
VERSION = 1
MARKER = "claimcheck-claims.json"
CLAIM_COLUMNS = tuple(f.name for f in fields(Claim))


def _schemas() -> tuple[pyarrow.Schema, pyarrow.Schema]:
    import pyarrow as pa

    text = pa.string()
    documents = pa.schema([
        ("part", pa.int32()), ("position", pa.int32()), ("id", text), ("path", text), ("format", text),
        ("row", pa.int64()), ("identity", text), ("title", text), ("date", text), ("outlet", text),
        ("text", pa.large_string()), ("fields", pa.map_(text, pa.int64())), ("values", pa.map_(text, pa.float64())),
        ("ignores", pa.list_(pa.struct([("rule", text), ("reason", text)]))),
    ])
    types = {"start": pa.int64(), "end": pa.int64(), "value": pa.float64(), "low": pa.float64(), "high": pa.float64(),
             "is_range": pa.bool_(), "line": pa.int32(), "column": pa.int32()}
    claims = pa.schema([("part", pa.int32()), ("position", pa.int32()), ("index", pa.int32()),
                        *((name, types.get(name, text)) for name in CLAIM_COLUMNS)])
    return documents, claims


def is_remote(location: str) -> bool:
    """A URL fsspec reads (``s3://``, ``gs://``, ``file://``), not a path as the operating system names it."""
    return "://" in location


def _filesystem(location: str):
    import fsspec

    return fsspec.core.url_to_fs(location)


def part_name(index: int) -> str:
    return f"part-{index:05d}"


# ---- writing ----------------------------------------------------------------------------------------------------

def write_part(folder: str, index: int, documents: Sequence[Document], claims: Sequence[Claim]) -> tuple[int, int]:
    """Write one part (documents in order, and their claims in order) into ``folder``; returns the counts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    document_schema, claim_schema = _schemas()
    positions = {document.id: position for position, document in enumerate(documents)}
    rows = [{"part": index, "position": position, "id": d.id, "path": d.path, "format": d.format, "row": d.row,
             "identity": d.identity, "title": d.title, "date": d.date, "outlet": d.outlet, "text": d.text,
             "fields": list(d.fields.items()), "values": list(d.values.items()),
             "ignores": [{"rule": rule, "reason": reason} for rule, reason in d.ignores]}
            for position, d in enumerate(documents)]
    numbered: dict[str, int] = {}
    claim_rows = []
    for claim in claims:
        number = numbered[claim.doc] = numbered.get(claim.doc, -1) + 1
        claim_rows.append({"part": index, "position": positions[claim.doc], "index": number,
                           **{name: getattr(claim, name) for name in CLAIM_COLUMNS}})
    fs, root = _filesystem(folder)
    for table, rows_of, schema in (("documents", rows, document_schema), ("claims", claim_rows, claim_schema)):
        fs.makedirs(f"{root}/{table}", exist_ok=True)
        with fs.open(f"{root}/{table}/{part_name(index)}.parquet", "wb") as stream:
            pq.write_table(pa.Table.from_pylist(rows_of, schema=schema), stream, compression="zstd")
    return len(documents), len(claims)


@dataclass
class DatasetWriter:
    """Writes a claims dataset at ``location``: parts go to a staging folder (on this machine) or in place (other
    storage); :meth:`finish` writes the marker and moves the dataset into place."""

    location: str
    staging: str = ""

    def __post_init__(self) -> None:
        if is_remote(self.location):
            self.staging = self.location.rstrip("/")
            fs, root = _filesystem(self.staging)
            if fs.exists(f"{root}/{MARKER}"):
                fs.rm(f"{root}/{MARKER}")  # the dataset there is replaced: incomplete until the new marker
            return
        target = os.path.abspath(self.location)
        if os.path.exists(target) and not os.path.isdir(target):
            raise InputError("is a file: give a folder for the Parquet dataset", self.location)
        if os.path.isdir(target) and os.listdir(target) and not os.path.exists(os.path.join(target, MARKER)):
            raise InputError("is a folder that holds something other than a claims dataset: give a new or empty "
                             "folder", self.location)
        parent = os.path.dirname(target)
        if not os.path.isdir(parent):
            raise InputError(f"no such directory {parent!r}: create it first", self.location)
        try:
            self.staging = tempfile.mkdtemp(prefix=f".{os.path.basename(target)}.", suffix=".partial", dir=parent)
        except OSError as error:
            raise InputError(f"cannot write here: {error.strerror}", self.location) from None

    def finish(self, parts: Sequence[int], documents: int, claims: int, extraction: dict | None = None) -> None:
        """Mark the dataset complete (the parts written, counts, how claims were extracted) and put it in place."""
        from . import __version__

        fs, root = _filesystem(self.staging)
        marker = {"format": FORMAT, "version": VERSION, "claimcheck": __version__,
                  "parts": [part_name(index) for index in sorted(parts)], "documents": documents, "claims": claims,
                  "extraction": extraction or {}}
        with fs.open(f"{root}/{MARKER}", "w") as stream:
            json.dump(marker, stream, indent=2)
        if is_remote(self.location):
            return
        target = os.path.abspath(self.location)
        old = None
        if os.path.isdir(target):
            old = tempfile.mkdtemp(prefix=f".{os.path.basename(target)}.", suffix=".old", dir=os.path.dirname(target))
            os.rmdir(old)
            os.rename(target, old)
        os.rename(self.staging, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        """An interrupted run: the staging folder goes, whatever was at the target stays."""
        if not is_remote(self.location) and self.staging and os.path.isdir(self.staging):
            shutil.rmtree(self.staging, ignore_errors=True)


def write_dataset(location: str, documents: Sequence[Document], claims: Sequence[Claim], per_part: int = 1000,
                  extraction: dict | None = None) -> int:
    """Documents and their claims as a claims dataset of parts of ``per_part`` documents; returns the parts."""
    writer = DatasetWriter(location)
    try:
        by_document: dict[str, list[Claim]] = {}
        for claim in claims:
            by_document.setdefault(claim.doc, []).append(claim)
        parts = []
        for index, start in enumerate(range(0, max(len(documents), 1), per_part)):
            chunk = documents[start:start + per_part]
            write_part(writer.staging, index, chunk, [c for d in chunk for c in by_document.get(d.id, [])])
            parts.append(index)
        writer.finish(parts, len(documents), len(claims), extraction)
    except BaseException:
        writer.abandon()
        raise
    return len(parts)


# ---- reading ----------------------------------------------------------------------------------------------------

def read_marker(location: str) -> dict:
    """The dataset's marker file; a missing, incomplete or foreign dataset is a located input error."""
    fs, root = _filesystem(location.rstrip("/"))
    try:
        if not fs.isdir(root):
            raise InputError("no such claims dataset (write one with claimcheck extract --format parquet --output DIR)",
                             location)
        with fs.open(f"{root}/{MARKER}", "r") as stream:
            marker = json.load(stream)
    except FileNotFoundError:
        if not fs.exists(f"{root}/documents"):
            raise InputError(f"not a claims dataset (no {MARKER}); documents to check are given as PATHS", location) from None
        raise InputError(f"not a complete claims dataset: {MARKER} is missing (an interrupted extract? run it again)",
                         location) from None
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read {MARKER}: {error}", location) from None
    if not isinstance(marker, dict) or marker.get("format") != FORMAT or not isinstance(marker.get("parts"), list):
        raise InputError(f"{MARKER} does not describe a claims dataset", location)
    if marker.get("version") != VERSION:
        raise InputError(f"claims dataset version {marker.get('version')!r} is not supported (this claimcheck reads "
                         f"{VERSION}): extract again", location)
    return marker


def dataset_parts(location: str) -> list[str]:
    """The part names of a complete claims dataset, in order."""
    return [str(name) for name in read_marker(location)["parts"]]


def read_part(location: str, part: str, with_claims: bool = True) -> tuple[list[Document], list[Claim]]:
    """One part's documents (in order) and claims (in document order)."""
    import pyarrow.parquet as pq

    fs, root = _filesystem(location.rstrip("/"))
    name = f"{root}/documents/{part}.parquet"
    try:
        with fs.open(name, "rb") as stream:
            rows = pq.read_table(stream).to_pylist()
        claim_rows = []
        if with_claims:
            with fs.open(f"{root}/claims/{part}.parquet", "rb") as stream:
                claim_rows = pq.read_table(stream).to_pylist()
    except (OSError, ValueError) as error:  # pyarrow's errors for damaged files derive from these
        raise InputError(f"cannot read part {part}: {type(error).__name__}: {str(error).splitlines()[0]}", location) from None
    documents = [Document(id=row["id"], text=row["text"] or "", title=row["title"], date=row["date"],
                          outlet=row["outlet"], path=row["path"], format=row["format"] or "text", row=row["row"],
                          fields=dict(row["fields"] or []), values=dict(row["values"] or []), identity=row["identity"],
                          ignores=[(entry["rule"], entry["reason"]) for entry in row["ignores"] or []])
                 for row in rows]
    claim_rows.sort(key=lambda row: (row["position"], row["index"]))
    claims = [Claim(**{name: _finite_or_none(name, row[name]) for name in CLAIM_COLUMNS}) for row in claim_rows]
    return documents, claims


def _finite_or_none(name: str, value):
    return value if name not in ("low", "high") or value is None or not math.isnan(value) else None


def read_dataset(location: str, with_claims: bool = True) -> Iterator[tuple[list[Document], list[Claim]]]:
    """Every part of a claims dataset, in order."""
    for part in dataset_parts(location):
        yield read_part(location, part, with_claims)
