"""Paths as CI services want them: relative to the repository root, whatever folder the command ran in.

GitHub attaches an annotation or a code-scanning alert to a file only by its path from the repository root, so a
step with ``working-directory: examples/dataset`` that checks ``articles.csv`` must still say
``examples/dataset/articles.csv``. The root is ``$GITHUB_WORKSPACE`` when set, else the nearest folder above the
working directory holding ``.git`` (a folder, or a file in a worktree or submodule), else the working directory.
A file outside the root keeps its path as given (SARIF makes it an absolute ``file:`` URI); a document without a
file (stdin) keeps its name.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path, PurePath

from ..model import Document, Finding


def repository_root(start: str | Path | None = None) -> Path:
    """``$GITHUB_WORKSPACE``, else the git top level above ``start`` (the working directory), else ``start``."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace and os.path.isdir(workspace):
        return Path(workspace).resolve()
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


class RepoPaths:
    """Document ids and file paths rewritten relative to the repository root, for the formats CI reads."""

    def __init__(self, documents: Iterable[Document], root: str | Path | None = None):
        self.root = str(Path(root).resolve()) if root is not None else str(repository_root())
        self._paths: dict[str, str] = {}
        self._docs: dict[str, str] = {}
        for document in documents:
            if not document.path:
                continue
            relative = self.path(document.path)
            if document.id == document.path:
                renamed = relative
            elif document.id.startswith(document.path + "#"):  # a dataset row: FILE#ID
                renamed = relative + document.id[len(document.path):]
            else:
                continue
            if renamed != document.id:
                self._docs[document.id] = renamed

    def path(self, path: str) -> str:
        """A file path from the repository root (POSIX separators); a file outside it keeps the path as given."""
        known = self._paths.get(path)
        if known is None:
            absolute = os.path.abspath(path)
            relative = os.path.relpath(absolute, self.root)
            if relative.startswith(os.pardir):  # maybe reached through a symbolic link
                relative = os.path.relpath(os.path.realpath(absolute), os.path.realpath(self.root))
            known = path if relative.startswith(os.pardir) else PurePath(relative).as_posix()
            self._paths[path] = known
        return known

    def inside(self, path: str) -> bool:
        """Whether the file is in the repository (its :meth:`path` is then relative to the root)."""
        return self.path(path) != path or not (os.path.isabs(path) or path.startswith(os.pardir))

    def doc(self, doc: str) -> str:
        """A document id (a file, or a dataset row ``FILE#ID``) with its file relative to the repository root."""
        return self._docs.get(doc, doc)

    def message(self, finding: Finding) -> str:
        """The finding's message with the ids of the documents it quotes rewritten as :meth:`doc` writes them."""
        renamed = tuple(sorted({c.doc for c in finding.claims if c.doc in self._docs}, key=len, reverse=True))
        if not renamed:
            return finding.message
        return _rename_whole(finding.message, renamed, self._docs)

    def finding_dict(self, finding: Finding) -> dict:
        """``finding.to_dict()`` with document ids from the repository root."""
        data = finding.to_dict()
        if self._docs:
            data["message"] = self.message(finding)
            for claim in data["claims"]:
                claim["doc"] = self.doc(claim["doc"])
        return data


_BEFORE = re.compile(r"[\w./#~-]")  # a character that makes a match the tail of a longer path
_AFTER = re.compile(r"[\w#~/-]|\.\w")  # what makes it the head of a longer name


def _rename_whole(text: str, docs: tuple[str, ...], names: dict[str, str]) -> str:
    """``text`` with whole document ids only (not the tail of a longer path nor the head of a longer name) written
    as ``names`` says, longest ids first. Found with str.find: a pattern per set of ids cost a compile per finding."""
    taken: list[tuple[int, int, str]] = []
    for doc in docs:  # longest first
        start = text.find(doc)
        while start >= 0:
            end = start + len(doc)
            whole = ((start == 0 or not _BEFORE.match(text, start - 1)) and not _AFTER.match(text, end))
            if whole and not any(start < other_end and other_start < end for other_start, other_end, _ in taken):
                taken.append((start, end, names[doc]))
            start = text.find(doc, start + 1)
    parts, position = [], 0
    for start, end, name in sorted(taken):
        parts += [text[position:start], name]
        position = end
    return "".join(parts) + text[position:]
