"""What a run on a cluster reads, in partitions: files and folders (read in the order one process reads them), glob
patterns, fsspec URLs (``s3://bucket/news/*.txt``, where the filesystem package is installed), datasets split by
rows (Parquet by row groups, JSON Lines and CSV by runs of rows) and the parts of a claims dataset.

The client only lists what there is; a worker reads its partition. Documents keep the names the user gave (a
relative path stays relative, as in a run in one process) while a worker reads them by absolute path, so a
cluster whose workers see the same folders (a shared disk) reads them from anywhere.
"""

from __future__ import annotations

import glob
import os
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..documents import DatasetSpec
from ..documents.datasets import DATASET_SUFFIXES
from ..documents.identity import document_identity
from ..documents.readers import SUPPORTED_SUFFIXES, _walk, display_name, read_document, read_text
from ..errors import InputError
from ..inputs import Limits
from ..model import Document
from ..parquet import dataset_parts, is_remote, read_part as read_claims_part

#: documents per partition unless told (about half a minute of extraction on one core for news articles)
PER_PART = 500
_GLOB = set("*?[")


@dataclass(frozen=True)
class Source:
    """A file as the user named it (what its documents are called) and where a worker reads it."""

    name: str
    read: str


@dataclass(frozen=True)
class Part:
    """One partition: whole files; or rows ``start``-``stop`` of one dataset file (Parquet: row groups); or one
    part of a claims dataset (documents with their claims, extracted before)."""

    index: int
    sources: tuple[Source, ...] = ()
    rows: tuple[int, int] | None = None
    line: int = 1  # for a JSON Lines or CSV run of rows: the line its first row starts on
    offset: int = 0  # ...and the byte it starts at (after the header, for CSV)
    claims: str | None = None  # the claims dataset
    claims_part: str | None = None
    renamed: tuple[tuple[int, str], ...] = ()  # rows whose id repeats an earlier row's: (row, new id)


@dataclass
class Plan:
    """The partitions of a run and what could not be read while listing them (warned, or the error when nothing
    at all can be read)."""

    parts: list[Part]
    problems: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def plan(paths: Iterable[str], per_part: int = PER_PART, dataset: DatasetSpec | None = None,
         encoding: str | None = None) -> Plan:
    """Partitions of ``paths`` (files, folders, glob patterns, URLs), in the order one process reads them."""
    from .rows import dataset_parts as row_parts

    result = Plan([])
    pending: list[Source] = []

    def flush() -> None:
        for start in range(0, len(pending), per_part):
            result.parts.append(Part(len(result.parts), tuple(pending[start:start + per_part])))
        pending.clear()

    for source in _expand(paths, result.problems):
        if os.path.splitext(source.name)[1].lower() in DATASET_SUFFIXES:
            flush()
            try:
                found = row_parts(source, per_part, dataset, encoding)
            except InputError as problem:
                result.problems.append(problem)
                continue
            for part in found:
                result.parts.append(replace(part, index=len(result.parts)))
        else:
            pending.append(source)
    flush()
    return result


def claims_plan(location: str) -> Plan:
    """The partitions of a claims dataset: one per part."""
    return Plan([Part(index, claims=location, claims_part=name) for index, name in enumerate(dataset_parts(location))])


def _expand(paths: Iterable[str], problems: list[InputError]) -> Iterable[Source]:
    for path in paths:
        name = str(path)
        if name == "-":
            raise InputError("standard input cannot be spread over a cluster: give files, folders or a dataset", "-")
        if is_remote(name):
            yield from _remote(name, problems)
            continue
        if _GLOB & set(name) and not os.path.exists(name):
            found = sorted(glob.glob(name, recursive=True))
            if not found:
                problems.append(InputError("no file matches this pattern", name))
            for match in found:
                yield from _local(match, problems)
            continue
        yield from _local(name, problems)


def _local(name: str, problems: list[InputError]) -> Iterable[Source]:
    if not os.path.exists(name):
        problems.append(InputError("no such file or directory", name))
    elif os.path.isdir(name):
        found = _walk(name)
        if not found:
            problems.append(InputError(
                f"no readable documents in this directory (looked for {', '.join(sorted(SUPPORTED_SUFFIXES))})", name))
        for file in found:
            yield Source(file, os.path.abspath(file))
    else:
        yield Source(name, os.path.abspath(name))


def _remote(url: str, problems: list[InputError]) -> Iterable[Source]:
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(url)
        protocol = url.split("://", 1)[0]
        if _GLOB & set(root):
            found = sorted(fs.glob(root))
        elif fs.isdir(root):
            found = sorted(path for path in fs.find(root) if os.path.splitext(path)[1].lower() in SUPPORTED_SUFFIXES
                           and not any(part.startswith(".") for part in path[len(root):].split("/")))
        else:
            found = [root] if fs.exists(root) else []
    except ImportError as error:
        raise InputError(f"cannot read this URL: {error} (install the package for its filesystem)", url) from None
    except (OSError, ValueError) as error:
        problems.append(InputError(f"cannot list: {error}", url))
        return
    if not found:
        problems.append(InputError("nothing found at this URL", url))
    for path in found:
        full = f"{protocol}://{path}" if "://" not in path else path
        yield Source(full, full)


# ---- on a worker ------------------------------------------------------------------------------------------------

def read_partition(part: Part, dataset: DatasetSpec | None, encoding: str | None, root: str,
                   limits: Limits | None = None) -> tuple[list[Document], list[str], list, list[str]]:
    """A partition's documents in order, each document's identity (what findings are fingerprinted by), the claims
    stored with them (a claims dataset's; else None) and the warnings reading them gave (as one process words
    them)."""
    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if part.claims is not None:
            documents, claims = read_claims_part(part.claims, part.claims_part)
            identities = [_identity(document, None, root) for document in documents]
            stored = claims
        else:
            documents, identities, stored = [], [], None
            for source in part.sources:
                try:
                    found = _read_source(source, part, dataset, encoding, limits or Limits())
                except InputError as problem:
                    notes.append(f"{_renamed_text(str(problem), source)} (skipped)")
                    continue
                for document in found:
                    identities.append(_identity(document, source, root))
                    documents.append(_rename(document, source))
    for warning in caught:
        text = str(warning.message)
        notes.append(text if not part.sources else _renamed_text(text, part.sources[0]))
    return documents, identities, stored, notes


def _read_source(source: Source, part: Part, dataset: DatasetSpec | None, encoding: str | None,
                 limits: Limits) -> list[Document]:
    suffix = os.path.splitext(source.name)[1].lower()
    if suffix in DATASET_SUFFIXES:
        from .rows import read_rows

        return read_rows(source, part, dataset, encoding, limits)
    if is_remote(source.read):
        import fsspec

        from ..documents.decoding import decode

        try:
            with fsspec.open(source.read, "rb") as stream:
                data = stream.read(limits.document_bytes + 1)
        except (OSError, ValueError) as error:
            raise InputError(f"cannot read: {error}", source.name) from None
        if len(data) > limits.document_bytes:
            raise limits.too_large(source.name)(len(data))
        document = read_text(decode(data, source.name, encoding), id=source.name,
                             format=SUPPORTED_SUFFIXES.get(suffix, "text"), path=source.name)
        limits.check_text(document.text, source.name)
        return [document]
    return [read_document(source.read, encoding, limits)]


def _identity(document: Document, source: Source | None, root: str) -> str:
    """The identity one process gives the document, worked out where the file is (its path as read)."""
    if source is not None and is_remote(source.read):
        suffix = ("#" + (document.identity or document.id).rsplit("#", 1)[-1]) if document.format == "row" else ""
        return source.name + suffix
    from pathlib import Path

    return document_identity(document, Path(root))


def _rename(document: Document, source: Source) -> Document:
    """The document under the name the user gave its file (it was read by absolute path)."""
    read, name = display_name(source.read), display_name(source.name)
    if read == name:
        return document
    for attribute in ("id", "path", "identity"):
        value = getattr(document, attribute)
        for prefix in (read, source.read):
            if value is not None and (value == prefix or value.startswith(prefix + "#")):
                setattr(document, attribute, (name if prefix == read else source.name) + value[len(prefix):])
                break
    return document


def _renamed_text(text: str, source: Source) -> str:
    return text.replace(display_name(source.read), display_name(source.name)) if source.read != source.name else text
