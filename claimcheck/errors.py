"""Errors and warnings a user can act on: each names where the problem is."""

from __future__ import annotations

from dataclasses import dataclass


class ClaimcheckError(Exception):
    """Base class: a problem with the user's input, not a bug in claimcheck."""


class InputError(ClaimcheckError):
    """A document, path or option that cannot be used (exit code 2 on the command line)."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None, column: int | None = None):
        self.path, self.line, self.column = path, line, column
        super().__init__(message)

    def __str__(self) -> str:
        location = ":".join(str(part) for part in (self.path, self.line, self.column) if part is not None)
        message = super().__str__()
        return f"{location}: {message}" if location else message


class ClaimcheckWarning(UserWarning):
    """Something in a document that was skipped or could not be read as written."""


@dataclass(frozen=True)
class Diagnostic:
    """A located message about a document: what `--format` writers leave out and stderr gets."""

    doc: str
    line: int
    column: int
    message: str
    severity: str = "warning"

    def __str__(self) -> str:
        return f"{self.doc}:{self.line}:{self.column}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int
    source_line: str = ""


class RuleFileError(ClaimcheckError):
    """One or more problems in rule files, each located and quoted; the run stops before any document is read."""

    def __init__(self, problems: list[tuple[Location, str]]):
        self.problems = problems
        super().__init__("\n".join(self.format(location, message) for location, message in problems))

    @staticmethod
    def format(location: Location, message: str) -> str:
        text = f"{location.path}:{location.line}:{location.column}: {message}"
        if location.source_line:
            text += f"\n    {location.line} | {location.source_line}"
        return text
