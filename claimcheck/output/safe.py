"""Document text made harmless for where it is written: spreadsheets (formula injection), Markdown (links,
images and HTML from a document would be live) and terminals (escape sequences set titles, clear screens)."""

from __future__ import annotations

import re
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# ESC sequences (CSI, OSC, DCS, ...), then any other C0 or C1 control character but tab and newline, DEL, and the
# bidirectional overrides that make text display in another order than it is stored
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|.?)"
                              r"|\x9b[0-?]*[ -/]*[@-~]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_AUTOLINK = re.compile(r"(:(?=//)|(?i:www)(?=\.)|@)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:@&\"'=$%^])")


def csv_cell(value: Any) -> Any:
    """A value for a CSV cell that a spreadsheet shows as text, never runs as a formula: text beginning with
    ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading apostrophe (OWASP's rule). Numbers are numbers,
    and the bound ``=`` alone stays as it is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and value != "=":  # a lone "=" (a bound) runs nothing
        return "'" + value
    return value


def csv_row(values: list[Any]) -> list[Any]:
    return [csv_cell(value) for value in values]


def csv_record(record: dict[str, Any]) -> dict[str, Any]:
    return {key: csv_cell(value) for key, value in record.items()}


def terminal_text(text: str) -> str:
    """Text with escape sequences and control characters taken out (tabs and newlines kept)."""
    if text.isprintable():
        return text
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def markdown_text(text: str) -> str:
    """Text that Markdown (GitHub's included) shows as written on one line: every character Markdown could read
    as syntax is backslash-escaped, so no link, image, autolink, HTML or emphasis comes from it; line breaks and
    control characters become spaces."""
    flat = _CONTROL.sub(" ", _ESCAPE_SEQUENCE.sub("", text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")))
    # GitHub links bare addresses ("https://...", "www.example.com", "name@example.com") in text itself, escaped or
    # not: a zero-width space where each would be recognised keeps it plain text
    flat = _AUTOLINK.sub("\\1\u200b", flat)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
