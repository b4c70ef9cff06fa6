"""Files, directories and stdin to Documents; HTML main text and metadata come from trafilatura."""

from __future__ import annotations

import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..errors import ClaimcheckWarning, InputError
from ..inputs import Limits, check_path, display_name, read_bytes
from ..model import Document
from .datasets import DATASET_SUFFIXES, DatasetSpec, read_dataset
from .decoding import decode
from .metadata import text_metadata

SUPPORTED_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
                      ".htm": "html", **{suffix: "dataset" for suffix in DATASET_SUFFIXES}}
STDIN = "-"
_IGNORE = re.compile(r"<!--\s*claimcheck-ignore\s+(?P<rule>[a-z0-9-]+)\s*(?::\s*(?P<reason>.*?))?\s*-->")


def read_text(text: str, id: str = "<text>", format: str = "text", path: str | None = None) -> Document:
    """A Document from text already in memory (HTML is reduced to its main text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    ignores = [(m.group("rule"), (m.group("reason") or "").strip()) for m in _IGNORE.finditer(text)]
    if format == "html":
        document = _from_html(text, id, path)
    else:
        title, date, outlet = text_metadata(text, markdown=format == "markdown")
        document = Document(id=id, text=text, title=title, date=date, outlet=outlet, path=path, format=format)
    document.ignores = ignores
    return document


def read_document(path: str | Path, encoding: str | None = None, limits: Limits | None = None) -> Document:
    """One file (or ``-`` for stdin); raises InputError when it cannot be read as a text document: not a regular
    file (a FIFO, device or socket), larger than ``limits`` allow, or not text."""
    limits = limits or Limits()
    name = display_name(path)
    if name == STDIN:
        data = sys.stdin.buffer.read(limits.document_bytes + 1)
        if len(data) > limits.document_bytes:
            raise limits.too_large("<stdin>")(len(data))
        text = decode(data, "<stdin>", encoding)
        format = "html" if text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")) else "text"
        document = read_text(text, id=STDIN, format=format)
        limits.check_text(document.text, "<stdin>")
        return document
    data = read_bytes(path, "document", limits.document_bytes, limits.too_large(name))
    format = SUPPORTED_SUFFIXES.get(os.path.splitext(name)[1].lower(), "text")
    document = read_text(decode(data, name, encoding), id=name, format=format, path=name)
    limits.check_text(document.text, name)
    return document


def read_documents(paths: Iterable[str | Path], encoding: str | None = None,
                   dataset: DatasetSpec | None = None, limits: Limits | None = None) -> list[Document]:
    """Every readable document under ``paths`` (directories are walked recursively, in sorted order).

    A file that cannot be read is a :class:`ClaimcheckWarning` and the rest are read; when nothing
    at all can be read the first problem is raised as an :class:`InputError`. ``limits`` bound what one
    document may hold.
    """
    documents: list[Document] = []
    problems: list[InputError] = []
    for file in _expand(paths, problems):
        try:
            if os.path.splitext(file)[1].lower() in DATASET_SUFFIXES and file != STDIN:
                check_path(file, "dataset")
                documents.extend(read_dataset(file, dataset, encoding, limits))
            else:
                documents.append(read_document(file, encoding, limits))
        except InputError as problem:
            problems.append(problem)
    if not documents and problems:
        raise nothing_read(problems)
    for problem in problems:
        warnings.warn(ClaimcheckWarning(f"{problem} (skipped)"), stacklevel=2)
    return documents


def nothing_read(problems: Sequence[InputError | str], otherwise: str = "no document could be read") -> InputError:
    """The error when no document could be read: the one problem as it was, or how many there were and the first
    (``problems`` as errors or as the warnings they gave, "... (skipped)"); ``otherwise`` when there were none."""
    if not problems:
        return InputError(otherwise)
    first = problems[0]
    if len(problems) == 1 and isinstance(first, InputError):
        return first
    text = str(first).removesuffix(" (skipped)")
    return InputError(text) if len(problems) == 1 else InputError(
        f"no document could be read ({len(problems)} problems; first: {text})")


def _expand(paths: Iterable[str | Path], problems: list[InputError]) -> Iterator[str]:
    for path in paths:
        name = str(path)
        if name == STDIN:
            yield STDIN
            continue
        entry = Path(path)
        if not entry.exists():
            try:
                check_path(path, "document")  # says why: a broken link, a link loop, no such file
            except InputError as problem:
                problems.append(problem)
        elif entry.is_dir():
            found = _walk(name)
            if not found:
                problems.append(InputError(
                    f"no readable documents in this directory (looked for {', '.join(sorted(SUPPORTED_SUFFIXES))})", name))
            yield from found
        else:
            yield name


def document_files(folder: str | Path) -> list[str]:
    """The files ``read_documents`` reads from a folder, in its order ("./a.md" written "a.md")."""
    return [os.path.normpath(path) for path in _walk(str(folder))]


def _walk(folder: str) -> list[str]:
    """Supported files under ``folder`` in sorted order (by path components), hidden files and folders skipped."""
    found = []
    for directory, folders, files in os.walk(str(Path(folder))):  # "./corpus/" is read as "corpus"
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(os.path.join(directory, name) for name in files
                     if not name.startswith(".") and os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES)
    return sorted(found, key=lambda path: Path(path).parts)


def _from_html(html: str, id: str, path: str | None) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    if extracted is None or not (extracted.text or "").strip():
        return Document(id=id, text="", path=path, format="html")
    return Document(
        id=id,
        text=extracted.text,
        title=extracted.title,
        date=extracted.date,
        outlet=extracted.sitename,
        path=path,
        format="html",
    )
