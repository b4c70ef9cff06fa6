"""The cache folder as untrusted ground: its entries are data (JSON), read and written so that a folder planted in a
cloned repository, or shared with other users, can neither run code nor hang a run nor touch a file outside it.

- Only regular files are read, never through a symbolic link, and only up to :data:`MAX_ENTRY_BYTES`; an entry
  that is not JSON of the expected shape, or not written for the key it is read under, counts as missing.
- Entries are written to a temporary file and renamed into place; sub-folders that are symbolic links are neither
  written into nor pruned.
- A cache folder that git tracks was committed (planted, or added by mistake): it is not used at all, with a
  warning. A folder claimcheck makes holds a ``.gitignore`` (``*``) so that ``git add -A`` leaves it out, and a
  ``CACHEDIR.TAG`` so that backup tools skip it.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import tempfile
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

MAX_ENTRY_BYTES = 256 * 2 ** 20  # a document's claims are far smaller; anything larger is not an entry
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file marks claimcheck's cache folder (https://bford.info/cachedir/).\n"


def read_entry(path: str | Path) -> bytes | None:
    """The bytes of a cache entry, or None when there is none that may be read (missing, a symbolic link, a FIFO
    or device, too large, unreadable)."""
    try:
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(MAX_ENTRY_BYTES + 1)
        return data if len(data) <= MAX_ENTRY_BYTES else None
    except OSError:
        return None
    finally:
        os.close(handle)


def read_json(path: str | Path) -> Any:
    """A cache entry's JSON value, or None when it cannot be read or is not JSON (too deeply nested included)."""
    data = read_entry(path)
    if data is None:
        return None
    try:
        return json.loads(data)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None


def write_entry(path: str | Path, data: bytes, root: str | Path | None = None) -> None:
    """Write a cache entry atomically (temporary file, then rename); a cache that cannot be written only
    costs time, so failing to write is silent. Nothing is written through a symbolic link: not the entry, nor any
    folder between ``root`` (the cache folder) and it."""
    try:
        folder = os.path.dirname(path)
        if root is not None and not _no_links_below(str(root), folder):
            return
        os.makedirs(folder, exist_ok=True)
        if os.path.islink(folder) or os.path.islink(path) or (root is not None and not _no_links_below(str(root), folder)):
            return
        handle, temporary = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a cache that cannot be written only costs time


def _no_links_below(root: str, folder: str) -> bool:
    """Whether no folder from ``root`` (exclusive) down to ``folder`` is a symbolic link (missing ones are not)."""
    relative = os.path.relpath(folder, root)
    if relative.startswith(".."):
        return False
    path = root
    for part in [] if relative == "." else relative.split(os.sep):
        path = os.path.join(path, part)
        if os.path.islink(path):
            return False
    return True


def real_folder(path: str | Path) -> bool:
    """Whether ``path`` is a directory that is not a symbolic link (what pruning may delete entries in)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def mark_folder(root: str | Path) -> None:
    """Give a cache folder its ``CACHEDIR.TAG`` and a ``.gitignore`` that ignores everything in it."""
    for name, content in (("CACHEDIR.TAG", _TAG), (".gitignore", "# claimcheck's cache: never commit it\n*\n")):
        path = os.path.join(root, name)
        if not os.path.lexists(path):
            write_entry(path, content.encode(), root)


def usable(root: str | Path) -> bool:
    """Whether the cache folder may be used: not a file, and not tracked by git (a committed cache folder was planted
    or added by mistake; its entries are not this machine's). Warns once per folder when it may not."""
    return _usable(os.path.abspath(root))


@lru_cache(maxsize=16)
def _usable(root: str) -> bool:
    from .errors import ClaimcheckWarning

    if os.path.lexists(root) and not os.path.isdir(root):
        warnings.warn(ClaimcheckWarning(f"{root}: the cache folder is not a folder; running without a cache"))
        return False
    tracked = _tracked_files(root)
    if tracked:
        warnings.warn(ClaimcheckWarning(
            f"{root}: the cache folder is tracked by git ({tracked[0]}{' and more' if len(tracked) > 1 else ''}): a "
            "cache is never committed, so it is not used; remove it from the repository (git rm -r --cached) or "
            "choose another --cache-dir"))
        return False
    return True


def _tracked_files(root: str) -> list[str]:
    """Files git tracks inside ``root`` (none when it is not in a git work tree, or git is not installed). The index
    is looked at first (a few milliseconds); git is asked only when the folder's path is in it, or the index is not
    one that can be searched as bytes."""
    if not os.path.isdir(root):
        return []
    work_tree = _work_tree(root)
    if work_tree is None:
        return []
    index = _index(work_tree)
    if index is not None:
        relative = os.path.relpath(os.path.realpath(root), work_tree).replace(os.sep, "/").encode("utf-8", "surrogateescape")
        if relative + b"/" not in index:
            return []
    if shutil.which("git") is None:
        return []
    try:
        found = subprocess.run(["git", "-C", root, "ls-files", "-z", "--", "."], capture_output=True, timeout=30,
                               stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return []
    if found.returncode != 0:
        return []
    return [name.decode("utf-8", "backslashreplace") for name in found.stdout.split(b"\0") if name]


def _work_tree(folder: str) -> str | None:
    path = Path(os.path.realpath(folder))
    return next((str(parent) for parent in [path, *path.parents] if (parent / ".git").exists()), None)


def _index(work_tree: str) -> bytes | None:
    """The bytes of the work tree's git index when its paths are written out whole (index versions 2 and 3, up to
    8 MB); None when git has to be asked."""
    git = Path(work_tree) / ".git"
    try:
        if git.is_file():  # a linked worktree or submodule: "gitdir: PATH"
            line = git.read_text(encoding="utf-8").strip()
            if not line.startswith("gitdir:"):
                return None
            git = (Path(work_tree) / line.removeprefix("gitdir:").strip()).resolve()
        data = read_entry(git / "index")
    except OSError:
        return None
    if data is None:
        return b"" if not (git / "index").exists() else None  # no index yet: nothing is tracked
    if len(data) > 8 * 2 ** 20 or data[:4] != b"DIRC" or data[4:8] not in (b"\0\0\0\2", b"\0\0\0\3"):
        return None
    return data
