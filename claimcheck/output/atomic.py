"""Write-then-rename, so an interrupted run never leaves a half-written report behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def atomic_write(path: str | Path, encoding: str = "utf-8", newline: str | None = "") -> Iterator[TextIO]:
    """Open a temporary file beside ``path``; it replaces ``path`` only if the block finishes.

    A symbolic link is written through (its target is replaced); a device or pipe (``/dev/stdout``) is
    written directly, since it cannot be replaced. A write that fails (a full disk, ``/dev/full``) is an
    :class:`~claimcheck.errors.InputError` naming the path, and leaves the file as it was."""
    from ..errors import InputError

    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file() and not target.is_dir():
        try:
            with open(target, "w", encoding=encoding, newline=newline) as stream:
                yield stream
        except BrokenPipeError:
            raise
        except OSError as error:
            raise InputError(f"cannot write: {error.strerror or error}", str(path)) from None
        return
    if target.is_dir():
        raise InputError("is a directory: give a file name for the output", str(path))
    if not target.parent.is_dir():
        raise InputError(f"no such directory {str(target.parent)!r}: create it first", str(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise InputError(f"cannot write here: {error.strerror}", str(path)) from None
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the permissions open() would
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"cannot write: {error.strerror or error} (the file was left as it was)", str(path)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
