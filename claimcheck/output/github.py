"""GitHub Actions workflow commands: annotations, most severe first and within GitHub's per-step caps
(10 errors, 10 warnings, 10 notices); the full report goes to ``$GITHUB_STEP_SUMMARY`` when it is set."""

from __future__ import annotations

import os
from typing import TextIO

from .locations import locate
from .paths import RepoPaths

CAPS = {"error": 10, "warning": 10, "notice": 10}
_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    from .safe import terminal_text

    text = terminal_text(text.replace("\r", "\n"))  # the log shows escape sequences as colours and cursor moves
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(result, findings, stream: TextIO, paths: RepoPaths | None = None) -> None:
    paths = paths or RepoPaths(result.documents)
    documents = result.documents_by_id
    order = {"error": 0, "warning": 1, "info": 2}
    used = dict.fromkeys(CAPS, 0)
    left_out = 0
    ranked = sorted(findings, key=lambda f: (f.status != "violated", order[f.severity]))
    for finding in ranked:
        command = _COMMAND[finding.severity] if finding.status == "violated" else "notice"
        cap = CAPS[command] - (1 if command == "notice" else 0)  # keep one notice to say what was left out
        if used[command] >= cap:
            left_out += 1
            continue
        used[command] += 1
        where = locate(finding.claims[0], documents)
        position = "" if where.approximate else f",line={where.line},col={where.column}"
        properties = f"file={_escape_property(paths.path(where.path))}{position},title={_escape_property(finding.rule)}"
        stream.write(f"::{command} {properties}::{_escape_data(paths.message(finding))}\n")
    if left_out:
        stream.write(f"::notice::{left_out} more findings not annotated (GitHub shows at most 10 per kind and step); see the job summary\n")
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        from .findings import markdown

        try:
            with open(summary_path, "a", encoding="utf-8") as summary:
                held = result.triage.held_back() if result.triage is not None else ()
                summary.write(markdown(findings, result.summary, paths, documents, held))
        except OSError as error:
            import warnings

            from ..errors import ClaimcheckWarning

            warnings.warn(ClaimcheckWarning(f"{summary_path}: cannot write the job summary ({error.strerror})"))
