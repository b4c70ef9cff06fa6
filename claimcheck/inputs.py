"""Reading input files with bounded work: only regular files (a FIFO would block for ever, /dev/zero never ends, a
socket or device is not a document), never more than a size limit, with a located error that says what to do.
Documents, datasets, rule files, reference tables, config, baselines and suppressions are all read through here.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

MB = 1_000_000
DEFAULT_MAX_DOCUMENT_MB = 32.0
DEFAULT_MAX_LINE_LENGTH = 2_000_000  # characters: a 1 MB single line is read (extraction is linear in line length)
SETTINGS_MAX_BYTES = 8 * MB  # rule files, config, baselines, suppressions, reference tables
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True)
class Limits:
    """How much one document may hold: bytes of a file (or of stdin, or characters of a dataset row) and characters
    of one line. Raised with ``--max-document-mb`` / ``--max-line-length`` (``max_document_mb`` and
    ``max_line_length`` in config)."""

    document_mb: float = DEFAULT_MAX_DOCUMENT_MB
    line_length: int = DEFAULT_MAX_LINE_LENGTH

    @property
    def document_bytes(self) -> int:
        return int(self.document_mb * MB)

    def check_text(self, text: str, path: str, first_line: int = 1) -> None:
        """Refuse a document text with a line longer than the limit (located at that line)."""
        if len(text) <= self.line_length:
            return
        for number, line in enumerate(text.split("\n"), first_line):
            if len(line) > self.line_length:
                raise InputError(f"line is {len(line):,} characters long, over the limit of {self.line_length:,}: "
                                 "raise it with --max-line-length (or max_line_length in config)", path, number, 1)

    def check_row(self, text: str, path: str, line: int) -> None:
        """Refuse a dataset row's text over the limits (located at the row's line)."""
        if len(text) > self.document_bytes:
            raise self.too_large(path, line)(len(text))
        if len(text) > self.line_length and max(map(len, text.split("\n"))) > self.line_length:
            raise InputError(f"the row's text has a line over the limit of {self.line_length:,} characters: raise it "
                             "with --max-line-length (or max_line_length in config)", path, line)

    def too_large(self, path: str, line: int | None = None) -> Callable[[int], InputError]:
        """The error for a document of ``size`` bytes over the limit."""
        return lambda size: InputError(f"document is {size / MB:,.1f} MB, over the limit of {self.document_mb:g} MB: "
                                       "raise it with --max-document-mb MB (or max_document_mb in config)", path, line)


def file_kind(mode: int) -> str | None:
    """What a file is when it is not a regular file ('a named pipe (FIFO)', ...), else None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_path(path: str | Path, what: str = "file") -> None:
    """Raise a located InputError unless ``path`` is a regular file (after symbolic links), saying what it is."""
    name = display_name(path)
    try:
        info = os.stat(path)
    except OSError as error:
        raise _open_error(error, name, what) from None
    kind = file_kind(info.st_mode)
    if kind is not None:
        raise InputError(f"{what} is {kind}, not a regular file: only regular files are read", name)


def read_bytes(path: str | Path, what: str = "file", limit: int | None = None,
               too_large: Callable[[int], InputError] | None = None) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them (else the error ``too_large(size)`` makes)."""
    too_large = too_large or (lambda size: InputError(f"{what} is {size / MB:,.1f} MB, over the limit of {limit / MB:g} MB",
                                                      display_name(path)))
    name = display_name(path)
    try:
        handle = os.open(path, os.O_RDONLY | _NONBLOCK)  # a FIFO opens at once instead of waiting for a writer
    except OSError as error:
        raise _open_error(error, name, what) from None
    try:
        info = os.fstat(handle)
        kind = file_kind(info.st_mode)
        if kind is not None:
            raise InputError(f"{what} is {kind}, not a regular file: only regular files are read", name)
        if limit is not None and info.st_size > limit:
            raise too_large(info.st_size)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read() if limit is None else stream.read(limit + 1)
    except OSError as error:
        raise InputError(f"cannot read {what}: {error.strerror or error}", name) from None
    finally:
        os.close(handle)
    if limit is not None and len(data) > limit:  # the file grew while it was read
        raise too_large(len(data))
    return data


def read_setting_text(path: str | Path, what: str) -> str:
    """A small text file claimcheck is configured with (rule file, config, baseline, suppressions): UTF-8, BOM or not."""
    data = read_bytes(path, what, SETTINGS_MAX_BYTES)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[:error.start]
        line, column = before.count(b"\n") + 1, error.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(f"{what} is not valid UTF-8 (byte 0x{data[error.start:error.start + 1].hex()}): re-save it as "
                         "UTF-8", display_name(path), line, column) from None


def display_name(path: str | Path) -> str:
    """A path as text that can always be printed and stored: undecodable bytes in file names become escapes."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _open_error(error: OSError, name: str, what: str) -> InputError:
    if error.errno == errno.ENOENT:
        if os.path.islink(name):
            return InputError(f"{what} is a broken symbolic link (its target {os.readlink(name)!r} does not exist)", name)
        return InputError("no such file or directory", name)
    if error.errno == errno.ELOOP:
        return InputError("symbolic link loop (the link points back at itself): fix or remove the link", name)
    if error.errno == errno.EISDIR:
        return InputError("is a directory", name)
    if error.errno == errno.ENXIO:
        return InputError(f"{what} is a socket, not a regular file: only regular files are read", name)
    if error.errno == errno.EACCES:
        return InputError(f"permission denied: cannot read this {what}", name)
    return InputError(f"cannot read {what}: {error.strerror or error}", name)
