"""What a document is known by across runs: its path relative to the project root (and a dataset row's id)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..model import Document


def document_identity(document: Document, root: Path | None = None) -> str:
    """What findings are fingerprinted by: the file relative to the project root (so running from another
    folder changes nothing), and for a dataset row its id, or its text when the row has no id column."""
    if not document.path:
        return document.id
    try:
        path = os.path.relpath(_real_path(document.path), _real_directory(str(root or Path.cwd())))
    except ValueError:  # another drive on Windows
        path = document.path
    if document.format == "row":
        suffix = (document.identity or document.id).rsplit("#", 1)[-1]
        return f"{path}#{suffix}"
    return path


def document_identities(documents: list[Document], root: Path | None = None) -> dict[str, str]:
    return {document.id: document_identity(document, root) for document in documents}


@lru_cache(maxsize=1024)
def _real_directory(path: str) -> str:
    return os.path.realpath(path)


def _real_path(path: str) -> str:
    """os.path.realpath, resolving each folder once (thousands of files share a few folders)."""
    if os.path.islink(path):
        return os.path.realpath(path)
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(_real_directory(folder), name)
