"""The ``claimcheck`` command: a thin layer over the Python API (one module per group of commands).

Exit codes: 0 success, 1 findings at or above --fail-on, 2 usage, input or rule-file errors,
3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import os
import re
import sys
import warnings
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import __version__
from ..errors import ClaimcheckError, ClaimcheckWarning, InputError, RuleFileError

app = typer.Typer(
    name="claimcheck",
    help="Numeric claims in documents: extracted with their context, checked for consistency.",
    epilog="Example:\n\n  $ claimcheck check examples/corpus",
    no_args_is_help=True,
    add_completion=True,  # claimcheck --install-completion / --show-completion, as typer provides
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class ClaimFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def _stderr(message: str) -> None:
    from ..output.safe import terminal_text

    print(terminal_text(message), file=sys.stderr)  # file names and document text may hold escape sequences


def default(text: str, value: str) -> str:
    """Help text ending in '[default: VALUE]' (escaped, or rich would read the brackets as markup and drop them)."""
    return f"{text} \\[default: {value}]"


def example(*commands: str) -> str:
    """A command's help epilog: one example (or a few) of it in use."""
    return "Example:\n\n" + "\n\n".join(f"  $ {command}" for command in commands)


class _WarningLog:
    """Warnings on stderr, each kind once: a warning that differs from one already printed only in where it is and
    in its numbers and quoted words is counted instead, and the counts are printed at the end."""

    _LOCATION = re.compile(r"^(?:warning: )?(?:\S+?:\d+(?::\d+)?: )?(?:warning: )?")
    _DETAILS = re.compile(r"'[^']*'|\"[^\"]*\"|\d+")

    def __init__(self) -> None:
        self.quiet = False
        self.first: dict[str, str] = {}
        self.repeats: Counter = Counter()

    def show(self, message, category, filename, lineno, file=None, line=None) -> None:
        if self.quiet:
            return
        text = _format_warning(str(message))
        shape = self._DETAILS.sub("…", self._LOCATION.sub("", text))
        if shape in self.first:
            self.repeats[shape] += 1
        else:
            self.first[shape] = text
            _stderr(text)

    def close(self) -> None:
        for shape, count in self.repeats.items():
            _stderr(f"warning: {count} more like this not shown: {self.first[shape]}")
        self.repeats.clear()


_warnings = _WarningLog()
_show_warning = _warnings.show


def hush_warnings() -> None:
    """--quiet: no warnings on stderr (errors still are)."""
    _warnings.quiet = True


def _format_warning(message: str) -> str:
    # "path:line:col: warning: ..." stays as it is; anything else gets a "warning:" prefix
    return message if ": warning:" in message else f"warning: {message}"


def progress_enabled() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _version(value: bool) -> None:
    if value:
        print(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    """claimcheck reads documents, extracts every quantity with its context, and checks them."""


RulesOption = Annotated[Optional[list[Path]], typer.Option("--rules", "-r", metavar="FILE_OR_DIR", help="A rule file or folder of them (repeatable); added to the bundled packs.")]
NoBundledOption = Annotated[bool, typer.Option("--no-bundled", help="Do not load the bundled rule packs.")]
MaxDocumentOption = Annotated[Optional[float], typer.Option("--max-document-mb", metavar="MB", help=default("Refuse a document (file, stdin or dataset row) larger than this many megabytes.", "32"), min=0.001)]
MaxLineOption = Annotated[Optional[int], typer.Option("--max-line-length", metavar="CHARS", help=default("Refuse a document with a line longer than this many characters.", "2,000,000"), min=1)]
ConfigOption = Annotated[Optional[Path], typer.Option("--config", metavar="FILE", help="Use this config file instead of the one found by walking up from here.")]


def exit_code(findings, fail_on: str) -> int:
    """1 when a violated finding is at or above ``fail_on``; severities rank error > warning > info."""
    if fail_on == "never":
        return EXIT_OK
    rank = {"error": 0, "warning": 1, "info": 2}
    threshold = rank[fail_on]
    return EXIT_FINDINGS if any(f.status == "violated" and rank[f.severity] <= threshold for f in findings) else EXIT_OK


def _with_progress(items, total: int | None = None, description: str = "Extracting"):
    """A rich progress bar on stderr for long runs on a terminal; nothing in CI or in a pipe."""
    total = len(items) if total is None else total
    if not progress_enabled() or total < 20:
        yield from items
        return
    from rich.progress import Progress

    with Progress(transient=True, console=_stderr_console()) as progress:
        task = progress.add_task(description, total=total)
        for item in items:
            yield item
            progress.advance(task)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def main() -> None:
    """Entry point: no traceback reaches a user; errors are one line on stderr with an exit code."""
    from .helpscreens import plain_help

    warnings.showwarning = _show_warning
    warnings.simplefilter("always", ClaimcheckWarning)  # each one reaches the log, which counts repeats
    warnings.filterwarnings("ignore", message="Classifier dependencies not installed")
    try:
        command = typer.main.get_command(app)
        plain_help(command)
        try:
            command(prog_name="claimcheck")  # click reports its own usage errors (exit 2) and exits
        finally:
            _flush_stdout()
    except RuleFileError as error:
        for location, message in error.problems:
            _stderr(f"error: {RuleFileError.format(location, message)}")
        sys.exit(EXIT_USAGE)
    except ClaimcheckError as error:
        _stderr(f"error: {error}")
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        _silence_stdout()
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except OSError as error:  # the machine, not claimcheck: a full disk, a device that refuses writes
        _silence_stdout()
        where = error.filename if error.filename is not None else "<stdout>"
        _stderr(f"error: {where}: cannot write or read: {error.strerror or error}")
        sys.exit(EXIT_USAGE)
    except Exception as error:
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        _stderr(f"internal error: {type(error).__name__}: {error} (set CLAIMCHECK_DEBUG=1 for a traceback; please report it)")
        sys.exit(EXIT_INTERNAL)
    finally:
        _warnings.close()





def _flush_stdout() -> None:
    """Write out what is buffered for stdout now, so that a failure (a full disk) is reported like any other."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OSError(error.errno, error.strerror, "<stdout>") from None
    except ValueError:
        pass  # stdout already closed


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush of what could not be written fails quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# the command modules register themselves on ``app``
from . import extract as _extract  # noqa: E402,F401  (extract, evaluate)
from . import check as _check  # noqa: E402,F401  (check, config, rules)
from . import desk as _desk  # noqa: E402,F401  (track, review, report, export)
from . import serve as _serve  # noqa: E402,F401  (serve, users)
