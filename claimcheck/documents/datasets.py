"""Datasets as documents: each row of a CSV, JSON Lines or Parquet file is a document ``FILE#ID``
(the id column's value, else the row number), its text the chosen text columns."""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..inputs import Limits, check_path, read_bytes
from ..model import Document
from .decoding import decode

DATASET_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


@dataclass(frozen=True)
class DatasetSpec:
    """Which columns hold the text, the row id, the date, the source, and numbers to read as claims."""

    text_columns: tuple[str, ...] = ("text",)
    id_column: str | None = None
    date_column: str | None = None
    source_column: str | None = None
    claim_columns: tuple[str, ...] = ()


def read_dataset(path: str | Path, spec: DatasetSpec | None = None, encoding: str | None = None,
                 limits: Limits | None = None) -> list[Document]:
    """Each row a document; a row's text is bounded by ``limits`` like a file's (located at the row's line)."""
    spec = spec or DatasetSpec()
    limits = limits or Limits()
    name = str(path)
    kind = DATASET_SUFFIXES[Path(path).suffix.lower()]
    frame, lines = _frame(Path(path), kind, encoding)
    _require_columns(name, list(frame.columns), spec)
    documents = []
    seen: dict[str, int] = {}
    for position, record in enumerate(frame.to_dict(orient="records")):
        line = lines[position] if lines else position + 1
        document = _document(name, record, line, spec, positional=spec.id_column is None)
        limits.check_row(document.text, name, line)
        if document.id in seen:  # a repeated id: keep both rows, the later one named FILE#ID~LINE
            import warnings

            from ..errors import ClaimcheckWarning

            warnings.warn(ClaimcheckWarning(f"{name}:{line}: id {document.id.rsplit('#', 1)[-1]!r} repeats the row at line "
                                            f"{seen[document.id]}; this row is {document.id}~{line}"))
            document.id = f"{document.id}~{line}"
        seen.setdefault(document.id, line)
        documents.append(document)
    return documents


def _frame(path: Path, kind: str, encoding: str | None):
    import pandas as pd

    name = str(path)
    if kind == "parquet":
        check_path(path, "dataset")
        try:
            return pd.read_parquet(path), None
        except Exception as error:  # pyarrow raises its own types for files that are not Parquet
            raise InputError(f"not a readable Parquet file ({type(error).__name__}: {str(error).splitlines()[0]})", name) from None
    text = decode(read_bytes(path, "dataset"), name, encoding)
    if kind == "jsonl":
        records, lines = [], []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"not valid JSON: {error.msg}", name, number, error.colno) from None
            except RecursionError:
                raise InputError("JSON nested too deeply to read (a row is an object of columns)", name, number) from None
            except ValueError:  # an integer too long for Python to convert
                digits = re.search(r"\d{4000,}", line)
                raise InputError("a number with thousands of digits: not a figure claimcheck can read; remove it or "
                                 "write it as text", name, number, digits.start() + 1 if digits else None) from None
            if not isinstance(record, dict):
                raise InputError("each line must be a JSON object", name, number)
            if "\\u" in line and not _encodable(record):
                escape = _LONE_SURROGATE.search(line)
                raise InputError("a \\u escape names half of a UTF-16 surrogate pair, not a character: fix the escape or "
                                 "re-export the file as UTF-8", name, number, escape.start() + 1 if escape else None)
            records.append(record)
            lines.append(number)
        return pd.DataFrame.from_records(records), lines
    csv.field_size_limit(64 * 1024 * 1024)  # long articles in one cell are normal in a news dataset
    reader = csv.reader(io.StringIO(text))
    body, lines = [], []
    try:
        header = next(reader, None)
        if header is None:
            return pd.DataFrame(), []
        for row in reader:
            if not row:
                continue
            if len(row) != len(header):
                raise InputError(f"row has {len(row)} fields but the header has {len(header)}: quote fields that "
                                 "contain commas", name, reader.line_num)
            body.append(row)
            lines.append(reader.line_num)
    except csv.Error as error:
        raise InputError(f"not valid CSV: {error}", name, reader.line_num) from None
    return pd.DataFrame(body, columns=header), lines


_LONE_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
                             r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _encodable(value) -> bool:
    """Whether every text in a parsed JSON value can be written as UTF-8 (no lone surrogates from \\u escapes)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_encodable(key) and _encodable(item) for key, item in value.items())
    if isinstance(value, list):
        return all(map(_encodable, value))
    return True


def _cell_text(value) -> str:
    """A cell as text: missing values are empty, lists are joined, integral floats lose their '.0'."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        return "\n".join(_cell_text(item) for item in (items if isinstance(items, list) else [items]))
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    return str(value)


def _require_columns(name: str, columns: list[str], spec: DatasetSpec) -> None:
    wanted = [*spec.text_columns, spec.id_column, spec.date_column, spec.source_column, *spec.claim_columns]
    for column in wanted:
        if column is not None and column not in columns:
            close = difflib.get_close_matches(column, columns, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"columns are: {', '.join(map(str, columns)) or 'none'}"
            raise InputError(f"no column {column!r} ({hint}); choose text columns with --text-column", name, 1)


def _document(name: str, record: dict, line: int, spec: DatasetSpec, positional: bool) -> Document:
    from .metadata import _parse

    parts, fields = [], {}
    offset = 0
    for column in spec.text_columns:
        text = _cell_text(record.get(column))
        fields[column] = offset
        parts.append(text)
        offset += len(text) + 2
    text = "\n\n".join(parts)
    row_id = (_cell_text(record[spec.id_column]) or str(line)) if spec.id_column else str(line)
    date_value = _cell_text(record.get(spec.date_column)) if spec.date_column else ""
    parsed = _parse(date_value) if date_value and re.search(r"\d{4}", date_value) else None
    values = {}
    for column in spec.claim_columns:
        try:
            number = float(str(record.get(column)).replace(",", ""))
        except (TypeError, ValueError):
            continue  # an empty or non-numeric cell states no claim
        if math.isfinite(number):  # a missing cell (NaN) or an overflow states no claim either
            values[column] = number
    identity = f"{name}#text:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}" if positional else None
    return Document(id=f"{name}#{row_id}", text=text, date=parsed.isoformat() if parsed else None,
                    outlet=_cell_text(record[spec.source_column]) or None if spec.source_column else None, path=name, format="row",
                    row=line, fields=fields, values=values, identity=identity)
