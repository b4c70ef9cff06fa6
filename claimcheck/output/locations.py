"""Where a claim is, as CI formats want it: the file, its line and column (a dataset row: the row's line
in the file, and the column it was read from)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Claim, Document


@dataclass(frozen=True)
class SourceLocation:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    field: str | None = None  # the dataset column, for a row
    approximate: bool = False  # lines of HTML's extracted text, not of the file: give the file, not a line

def locate(claim: Claim, documents: dict[str, Document]) -> SourceLocation:
    document = documents.get(claim.doc)
    if document is not None and document.format == "row":
        column = document.field_at(claim.start) if claim.end > claim.start else None
        return SourceLocation(document.path or claim.doc.split("#")[0], document.row or 1, 1, document.row or 1, 1,
                              column or claim.sentence.split(" = ")[0])
    path = document.path if document is not None and document.path else claim.doc
    end_line, end_column = document.line_column(claim.end) if document is not None else (claim.line, claim.column)
    approximate = document is not None and document.format == "html"
    return SourceLocation(path, max(claim.line, 1), max(claim.column, 1), max(end_line, 1), max(end_column, 1),
                          approximate=approximate)


def where_text(claim: Claim, documents: dict[str, Document], paths=None) -> str:
    """``path:line:column`` of a claim in its file (a dataset row: ``path:line (column NAME)``), the path from the
    repository root when ``paths`` (a :class:`~claimcheck.output.paths.RepoPaths`) is given."""
    where = locate(claim, documents)
    document = documents.get(claim.doc)
    path = where.path if document is not None and document.path else claim.doc
    if paths is not None:
        path = paths.path(path) if document is not None and document.path else paths.doc(path)
    return f"{path}:{where.line} (column {where.field})" if where.field else f"{path}:{where.line}:{where.column}"
