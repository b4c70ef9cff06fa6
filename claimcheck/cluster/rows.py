"""Datasets split by rows for a cluster: a Parquet file by row groups, a JSON Lines or CSV file by runs of rows.

The client scans a JSON Lines or CSV file once, streaming (each row parsed, as one process parses the whole file),
and notes where each run of rows starts (byte and line), the columns the file has, and which rows repeat an earlier
row's id (one process names them ``FILE#ID~LINE``); a worker then reads only its run. A file that one process would
refuse (a bad row, a missing column) is left whole, so it is refused in the same words; so is a file that is not
UTF-8, or whose text has line breaks other than newlines (one process splits lines at those too).
"""

from __future__ import annotations

import csv
import json
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from ..documents import DatasetSpec
from ..documents.datasets import DATASET_SUFFIXES, _cell_text, _document, _require_columns, read_dataset
from ..errors import ClaimcheckWarning, InputError
from ..inputs import Limits
from ..model import Document
from ..parquet import is_remote
from .sources import Part, Source

_CSV_FIELD_LIMIT = 64 * 1024 * 1024  # as one process reads CSV: long articles in one cell are normal


@dataclass(frozen=True)
class _Run:
    rows: tuple[int, int]
    line: int
    offset: int


def dataset_parts(source: Source, per_part: int, spec: DatasetSpec | None, encoding: str | None) -> list[Part]:
    """Partitions of one dataset file (their ``index`` is set by the caller)."""
    spec = spec or DatasetSpec()
    kind = DATASET_SUFFIXES[os.path.splitext(source.name)[1].lower()]
    whole = [Part(0, (source,))]
    if is_remote(source.read) or (encoding and encoding.lower().replace("-", "") not in ("utf8", "utf8sig")):
        return whole
    try:
        scan = {"parquet": _parquet_runs, "jsonl": _jsonl_runs, "csv": _csv_runs}[kind]
        runs, renamed = scan(source, per_part, spec)
    except _Whole:
        return whole
    if len(runs) <= 1:
        return whole
    return [Part(0, (source,), run.rows, run.line, run.offset,
                 renamed=tuple((row, note) for row, note in renamed if run.rows[0] <= row < run.rows[1]))
            for run in runs]


class _Whole(Exception):
    """Read this file whole, as one process does (it may refuse it, and should say so in its own words)."""


def _renames(ids: Iterator[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(row, line of the earlier row) for rows whose id repeats an earlier row's; ``ids`` gives (row, line, id)."""
    seen: dict[str, int] = {}
    renamed = []
    for row, line, value in ids:
        if value in seen:
            renamed.append((row, seen[value]))
        else:
            seen[value] = line
    return renamed


def _parquet_runs(source: Source, per_part: int, spec: DatasetSpec) -> tuple[list[_Run], list[tuple[int, int]]]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(source.read)
        _require_columns(source.name, parquet.schema_arrow.names, spec)
    except Exception:  # noqa: BLE001 - not Parquet, or a missing column: one process says so in its words
        raise _Whole from None
    runs, start, rows = [], 0, 0
    count = parquet.metadata.num_row_groups
    for group in range(count):
        rows += parquet.metadata.row_group(group).num_rows
        if rows >= per_part or group == count - 1:
            runs.append(_Run((start, start + rows), start + 1, 0))
            start, rows = start + rows, 0
    renamed = []
    if spec.id_column is not None:
        column = parquet.read(columns=[spec.id_column]).column(0).to_pandas()
        renamed = _renames((row, row + 1, _cell_text(value) or str(row + 1)) for row, value in enumerate(column))
    return runs, renamed


_OTHER_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines also breaks a line


def _lines(path: str, splitlines: bool) -> Iterator[tuple[int, int, int, str]]:
    """(line number, byte offset, offset of the next line, text) of each line of a UTF-8 file. A byte that is not
    UTF-8 means the file is read whole; with ``splitlines``, so does a line break other than a newline (the reader
    of one process splits lines at those too)."""
    with open(path, "rb") as stream:
        offset = 0
        for number, raw in enumerate(stream, 1):
            try:
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise _Whole from None
            body = text[:-2] if text.endswith("\r\n") else text.rstrip("\n")
            if splitlines and any(character in body for character in _OTHER_BREAKS):
                raise _Whole
            yield number, offset, offset + len(raw), text
            offset += len(raw)


def _jsonl_runs(source: Source, per_part: int, spec: DatasetSpec) -> tuple[list[_Run], list[tuple[int, int]]]:
    columns: dict[str, None] = {}
    runs: list[_Run] = []
    ids = []
    row = 0
    for number, offset, _, text in _lines(source.read, splitlines=True):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError:
            raise _Whole from None
        if not isinstance(record, dict):
            raise _Whole
        columns.update(dict.fromkeys(record))
        if row % per_part == 0:
            runs.append(_Run((row, row), number, offset))
        if spec.id_column is not None:
            ids.append((row, number, _cell_text(record.get(spec.id_column)) or str(number)))
        row += 1
    try:
        _require_columns(source.name, list(columns), spec)
    except InputError:
        raise _Whole from None
    return _closed(runs, row), _renames(iter(ids))


def _csv_runs(source: Source, per_part: int, spec: DatasetSpec) -> tuple[list[_Run], list[tuple[int, int]]]:
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    starts: list[int] = [0]  # the byte offset each line starts at (and where the text ends)

    def lines() -> Iterator[str]:
        for _, _, following, text in _lines(source.read, splitlines=False):
            starts.append(following)
            yield text

    reader = csv.reader(lines())
    runs: list[_Run] = []
    ids = []
    try:
        header = next(reader, None)
        if header is None:
            raise _Whole
        _require_columns(source.name, header, spec)
        position = header.index(spec.id_column) if spec.id_column is not None else None
        row, consumed = 0, reader.line_num
        for fields in reader:
            if fields:
                if len(fields) != len(header):
                    raise _Whole
                if row % per_part == 0:
                    runs.append(_Run((row, row), consumed + 1, starts[consumed]))
                if position is not None:
                    ids.append((row, reader.line_num, fields[position] or str(reader.line_num)))
                row += 1
            consumed = reader.line_num
    except (csv.Error, InputError):
        raise _Whole from None
    return _closed(runs, row), _renames(iter(ids))


def _closed(runs: list[_Run], rows: int) -> list[_Run]:
    """Each run ends where the next starts (the last at the last row)."""
    ends = [run.rows[0] for run in runs[1:]] + [rows]
    return [_Run((run.rows[0], end), run.line, run.offset) for run, end in zip(runs, ends)]


# ---- on a worker ------------------------------------------------------------------------------------------------

def read_rows(source: Source, part: Part, spec: DatasetSpec | None, encoding: str | None,
              limits: Limits | None = None) -> list[Document]:
    """The documents of a partition of a dataset file (all of them when the partition is the whole file), each row
    bounded by ``limits`` as one process bounds it."""
    limits = limits or Limits()
    if part.rows is None:
        return read_dataset(source.read, spec, encoding, limits)
    spec = spec or DatasetSpec()
    kind = DATASET_SUFFIXES[os.path.splitext(source.name)[1].lower()]
    start, stop = part.rows
    if kind == "parquet":
        records, lines = _parquet_records(source, start, stop)
    elif kind == "jsonl":
        records, lines = _jsonl_records(source, part, stop - start, spec)
    else:
        records, lines = _csv_records(source, part, stop - start)
    renamed = dict(part.renamed)
    documents = []
    for offset, (record, line) in enumerate(zip(records, lines)):
        document = _document(source.read, record, line, spec, positional=spec.id_column is None)
        limits.check_row(document.text, source.read, line)
        if start + offset in renamed:
            warnings.warn(ClaimcheckWarning(f"{source.read}:{line}: id {document.id.rsplit('#', 1)[-1]!r} repeats the "
                                            f"row at line {renamed[start + offset]}; this row is {document.id}~{line}"))
            document.id = f"{document.id}~{line}"
        documents.append(document)
    return documents


def _parquet_records(source: Source, start: int, stop: int) -> tuple[list[dict], list[int]]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(source.read)
    groups, first, seen = [], None, 0
    for group in range(parquet.metadata.num_row_groups):
        rows = parquet.metadata.row_group(group).num_rows
        if seen + rows > start and seen < stop:
            groups.append(group)
            first = seen if first is None else first
        seen += rows
    frame = parquet.read_row_groups(groups).to_pandas()
    records = frame.to_dict(orient="records")[start - (first or 0):stop - (first or 0)]
    return records, list(range(start + 1, start + 1 + len(records)))


def _jsonl_records(source: Source, part: Part, count: int, spec: DatasetSpec) -> tuple[list[dict], list[int]]:
    import pandas as pd

    records, lines = [], []
    with open(source.read, "rb") as stream:
        stream.seek(part.offset)
        for number, raw in enumerate(stream, part.line):
            if len(records) == count:
                break
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            if text.strip():
                records.append(json.loads(text))
                lines.append(number)
    frame = pd.DataFrame.from_records(records)
    for column in (spec.id_column, spec.source_column):  # a column no row of this run has is missing, not absent
        if column is not None and column not in frame.columns:
            frame[column] = None
    return frame.to_dict(orient="records"), lines


def _csv_records(source: Source, part: Part, count: int) -> tuple[list[dict], list[int]]:
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    with open(source.read, "rb") as stream:
        header = next(csv.reader(_decoded(stream)))
        stream.seek(part.offset)
        reader = csv.reader(_decoded(stream))
        records, lines = [], []
        for fields in reader:
            if fields:
                records.append(dict(zip(header, fields)))
                lines.append(part.line - 1 + reader.line_num)
                if len(records) == count:
                    break
    return records, lines


def _decoded(stream) -> Iterator[str]:
    first = stream.tell() == 0
    for raw in stream:
        yield raw.decode("utf-8-sig" if first else "utf-8")
        first = False
