"""Bad inputs, each with what claimcheck must say about it: the cases of tests/test_hostile_inputs.py, also run in
bulk (with generated variants) by benchmarks/bad_inputs.py.

A case lays out files in an empty folder (text, bytes, a FIFO, a socket, a symbolic link, a damaged ledger) and
runs one command there; claimcheck must exit 2 with one ``error:`` line that names the file (and the line where
there is one) and contains ``expect``.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIFO, SOCKET = object(), object()
RULE_HEAD = "version: 1\nrules:\n"
GOOD_RULE = RULE_HEAD + "  - id: mine\n    kind: range\n    measures: [villages]\n    min: 0\n"
DOCUMENT = "Monday, 3 March 2025\n\nFloods cut off 12 villages in the valley.\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(  # "billion laughs": 10 ** 9 values once expanded
    f"{name}: &{name} [{', '.join(['*' + previous] * 10)}]\n" for previous, name in zip("abcdefgh", "bcdefghi"))
DEEP = "[" * 5000 + "]" * 5000
HUGE = "9" * 5000


@dataclass
class Case:
    name: str
    files: dict[str, object]  # name -> str | bytes | FIFO | SOCKET | ("link", target) | callable(path)
    args: list[str]
    expect: str  # in the error line
    where: str  # the error line starts with "error: " + this
    input: bytes | None = None
    slow: bool = False  # would hang or exhaust memory without its fix: always run in a subprocess with a timeout
    extra: dict = field(default_factory=dict)


def _ledger(damage: Callable[[sqlite3.Connection], None]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        from claimcheck.ledger import open_ledger

        (path.parent / "corpus").mkdir(exist_ok=True)
        (path.parent / "corpus" / "a.txt").write_text(DOCUMENT)
        (path.parent / "corpus" / "b.txt").write_text(DOCUMENT.replace("12", "15"))
        ledger = open_ledger(path)
        ledger.ingest([path.parent / "corpus"])
        ledger.close()
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("PRAGMA journal_mode = DELETE")
        damage(connection)
        connection.close()
    return make


def _damaged_page(path: Path) -> None:
    _ledger(lambda connection: None)(path)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page + 100, min(len(data), 4 * page), 7):
        data[offset] = 0xA5  # scribble over the b-tree pages of the first tables
    path.write_bytes(bytes(data))


def _sql(*statements: str) -> Callable[[sqlite3.Connection], None]:
    def run(connection: sqlite3.Connection) -> None:
        for statement in statements:
            connection.execute(statement)
    return run


CASES: list[Case] = [
    # ---- documents --------------------------------------------------------------------------------------------
    Case("fifo document", {"pipe.txt": FIFO}, ["check", "--no-cache", "pipe.txt"], "named pipe (FIFO)", "pipe.txt:", slow=True),
    Case("/dev/zero", {}, ["check", "--no-cache", "/dev/zero"], "character device", "/dev/zero:", slow=True),
    Case("socket", {"sock.txt": SOCKET}, ["check", "--no-cache", "sock.txt"], "socket", "sock.txt:"),
    Case("symlink loop", {"loop.txt": ("link", "loop.txt")}, ["check", "--no-cache", "loop.txt"], "symbolic link loop", "loop.txt:"),
    Case("broken symlink", {"gone.txt": ("link", "nowhere.txt")}, ["extract", "gone.txt"], "broken symbolic link", "gone.txt:"),
    Case("document over the size limit", {"big.txt": DOCUMENT * 100}, ["check", "--no-cache", "--max-document-mb", "0.001", "big.txt"],
         "over the limit of 0.001 MB", "big.txt:"),
    Case("line over the length limit", {"long.txt": "x " * 1000 + "\n"}, ["extract", "--max-line-length", "1000", "long.txt"],
         "over the limit of 1,000", "long.txt:1:1:"),
    Case("stdin over the size limit", {}, ["check", "--no-cache", "--max-document-mb", "0.001", "-"], "over the limit",
         "<stdin>:", input=b"12 villages. " * 1000),
    Case("/dev/zero on stdin", {}, ["extract", "--max-document-mb", "1", "-"], "over the limit", "<stdin>:", slow=True,
         extra={"stdin": "/dev/zero"}),
    Case("utf-16 without a BOM", {"u16.txt": DOCUMENT.encode("utf-16-le")}, ["extract", "u16.txt"], "--encoding utf-16-le", "u16.txt:"),
    Case("binary file", {"bin.txt": b"\x00\x01\x02PK\x00" * 50}, ["extract", "bin.txt"], "binary file", "bin.txt:"),
    Case("invalid utf-8", {"bad.txt": b"Floods cut off 12 villages \xff\xfe in the valley."}, ["extract", "bad.txt"], "not valid UTF-8",
         "bad.txt:1:28:"),
    Case("jsonl lone surrogate", {"rows.jsonl": '{"text": "12 villages"}\n{"text": "bad \\ud800 escape"}\n'},
         ["check", "--no-cache", "rows.jsonl"], "surrogate", "rows.jsonl:2:"),
    Case("jsonl nested deeply", {"rows.jsonl": '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n"},
         ["check", "--no-cache", "rows.jsonl"], "nested too deeply", "rows.jsonl:1:"),
    Case("jsonl integer of 5000 digits", {"rows.jsonl": '{"text": "x", "n": ' + HUGE + "}\n"}, ["check", "--no-cache", "rows.jsonl"],
         "thousands of digits", "rows.jsonl:1:"),
    Case("jsonl line not an object", {"rows.jsonl": '[1, 2]\n'}, ["check", "--no-cache", "rows.jsonl"], "JSON object", "rows.jsonl:1:"),
    Case("fifo dataset", {"rows.csv": FIFO}, ["check", "--no-cache", "rows.csv"], "named pipe (FIFO)", "rows.csv:", slow=True),
    Case("csv row too long for the limit", {"rows.csv": "text\n" + "x" * 5000 + "\n"},
         ["check", "--no-cache", "--max-line-length", "1000", "rows.csv"], "line over the limit", "rows.csv:2:"),
    Case("parquet that is not parquet", {"rows.parquet": b"not parquet at all"}, ["check", "--no-cache", "rows.parquet"],
         "not a readable Parquet file", "rows.parquet:"),
    # ---- rule files ---------------------------------------------------------------------------------------------
    Case("rule pattern with a look-behind", {"r.yaml": RULE_HEAD + "  - id: mine\n    kind: range\n    pattern: '(?<=of )(?P<part>\\d+) of (?P<whole>\\d+)'\n"},
         ["check", "--no-cache", "--rules", "r.yaml", "-"], "cannot run on RE2", "r.yaml:5:", input=DOCUMENT.encode()),
    Case("rule pattern that does not compile", {"r.yaml": RULE_HEAD + "  - id: mine\n    kind: range\n    pattern: '(?P<part>\\d+ of (?P<whole>\\d+)'\n"},
         ["rules", "test", "r.yaml"], "pattern does not compile", "r.yaml:5:"),
    Case("rules: 5", {"r.yaml": "version: 1\nrules: 5\n"}, ["rules", "test", "r.yaml"], "is not of type 'array'", "r.yaml:2:"),
    Case("synonyms a list", {"r.yaml": GOOD_RULE + "synonyms: [a, b]\n"}, ["rules", "test", "r.yaml"], "synonyms", "r.yaml:"),
    Case("synonyms of the wrong shape", {"r.yaml": GOOD_RULE + "synonyms:\n  measure: [villages, hamlets]\n"}, ["rules", "test", "r.yaml"],
         "synonyms", "r.yaml:"),
    Case("alias bomb in a rule file", {"r.yaml": GOOD_RULE + "x:\n" + "".join("  " + line + "\n" for line in BOMB.splitlines())},
         ["rules", "test", "r.yaml"], "alias bomb", "r.yaml:", slow=True),
    Case("python tag in a rule file", {"r.yaml": GOOD_RULE.replace("kind: range", "kind: !!python/object/apply:os.system [id]")},
         ["rules", "test", "r.yaml"], "is not allowed", "r.yaml:4:"),
    Case("rule kind a list", {"r.yaml": GOOD_RULE.replace("kind: range", "kind: [range]")}, ["rules", "test", "r.yaml"],
         "unknown rule kind", "r.yaml:4:"),
    Case("rule kind empty", {"r.yaml": GOOD_RULE.replace("kind: range", "kind: &k")}, ["rules", "test", "r.yaml"],
         "kind is empty", "r.yaml:4:"),
    Case("rule file nested deeply", {"r.yaml": GOOD_RULE + "x: " + DEEP + "\n"}, ["rules", "test", "r.yaml"], "nested more than",
         "r.yaml:7:"),
    Case("NUL in a rule file", {"r.yaml": GOOD_RULE + "description: a\x00b\n"}, ["rules", "test", "r.yaml"], "U+0000", "r.yaml:7:"),
    Case("control character in a rule file", {"r.yaml": GOOD_RULE.replace("min: 0", "min: 0\n    description: \x1b[2J")},
         ["rules", "test", "r.yaml"], "U+001B", "r.yaml:7:"),
    Case("min of 5000 digits", {"r.yaml": GOOD_RULE.replace("min: 0", "min: " + HUGE)}, ["check", "--no-cache", "--rules", "r.yaml", "-"],
         "5,000 digits", "r.yaml:6:", input=DOCUMENT.encode()),
    Case("rule file is a FIFO", {"r.yaml": FIFO}, ["check", "--no-cache", "--rules", "r.yaml", "-"], "named pipe (FIFO)", "r.yaml",
         input=DOCUMENT.encode(), slow=True),
    Case("rule file is /dev/zero", {}, ["rules", "test", "/dev/zero"], "character device", "/dev/zero", slow=True),
    Case("rule file not UTF-8", {"r.yaml": GOOD_RULE.encode() + b"# caf\xe9\n"}, ["rules", "test", "r.yaml"], "not valid UTF-8", "r.yaml:7:"),
    Case("reference table is a FIFO", {"r.yaml": RULE_HEAD + "  - id: ref\n    kind: reference\n    table: refs.csv\n    pattern: 'size of (?P<key>[A-Z]\\w+)'\n",
                                       "refs.csv": FIFO},
         ["rules", "test", "r.yaml"], "named pipe (FIFO)", "r.yaml:5:", slow=True),
    Case("reference table alias bomb", {"r.yaml": RULE_HEAD + "  - id: ref\n    kind: reference\n    table: refs.yaml\n    pattern: 'size of (?P<key>[A-Z]\\w+)'\n",
                                        "refs.yaml": BOMB},
         ["rules", "test", "r.yaml"], "alias bomb", "refs.yaml:", slow=True),
    # ---- config -------------------------------------------------------------------------------------------------
    Case("config alias bomb", {"claimcheck.yaml": "rules: []\nx: &x 1\n" + BOMB, "a.txt": DOCUMENT}, ["check", "--no-cache", "a.txt"],
         "alias bomb", "claimcheck.yaml:", slow=True),
    Case("config jobs of 5000 digits", {"claimcheck.yaml": "jobs: " + HUGE + "\n", "a.txt": DOCUMENT}, ["check", "--no-cache", "a.txt"],
         "5,000 digits", "claimcheck.yaml:1:"),
    Case("NUL in config", {"claimcheck.yaml": "jobs: 1\nformat: js\x00on\n", "a.txt": DOCUMENT}, ["check", "--no-cache", "a.txt"], "U+0000",
         "claimcheck.yaml:2:"),
    Case("config nested deeply", {"claimcheck.yaml": "claim_columns: " + DEEP + "\n", "a.txt": DOCUMENT}, ["check", "--no-cache", "a.txt"],
         "nested more than", "claimcheck.yaml:1:"),
    Case("config not a mapping", {"claimcheck.yaml": "- jobs\n", "a.txt": DOCUMENT}, ["check", "--no-cache", "a.txt"], "mapping of settings",
         "claimcheck.yaml:"),
    Case("config value not a date", {"claimcheck.yaml": "cache_dir: 2020-13-45\n", "a.txt": DOCUMENT}, ["check", "--no-cache", "a.txt"],
         "2020-13-45", "claimcheck.yaml:1:"),
    Case("broken pyproject.toml", {"pyproject.toml": "[tool.claimcheck]\njobs = 1\nformat = \n", "a.txt": DOCUMENT},
         ["check", "--no-cache", "a.txt"], "not valid TOML", "pyproject.toml:3:"),
    Case("pyproject jobs of 5000 digits", {"pyproject.toml": "[tool.claimcheck]\njobs = " + HUGE + "\n", "a.txt": DOCUMENT},
         ["check", "--no-cache", "a.txt"], "too large", "pyproject.toml:"),
    Case("config file is a FIFO", {"c.yaml": FIFO, "a.txt": DOCUMENT}, ["check", "--no-cache", "--config", "c.yaml", "a.txt"],
         "named pipe (FIFO)", "c.yaml:", slow=True),
    Case("config file is a symlink loop", {"c.yaml": ("link", "c.yaml"), "a.txt": DOCUMENT},
         ["check", "--no-cache", "--config", "c.yaml", "a.txt"], "symbolic link loop", "c.yaml:"),
    Case("config max_line_length negative", {"claimcheck.yaml": "max_line_length: -1\n", "a.txt": DOCUMENT},
         ["check", "--no-cache", "a.txt"], "positive", "claimcheck.yaml:1:"),
    # ---- suppressions and baselines ------------------------------------------------------------------------------
    Case("suppressions syntax error", {"s.yaml": "suppressions:\n  - rule: x\n    reason: [unclosed\n", "a.txt": DOCUMENT},
         ["check", "--no-cache", "--suppressions", "s.yaml", "a.txt"], "not valid YAML", "s.yaml:4:"),
    Case("suppression expires 2020-13-45", {"s.yaml": "suppressions:\n  - rule: x\n    reason: y\n    expires: 2020-13-45\n", "a.txt": DOCUMENT},
         ["check", "--no-cache", "--suppressions", "s.yaml", "a.txt"], "2020-13-45", "s.yaml:4:"),
    Case("suppressions alias bomb", {"s.yaml": "suppressions: []\n" + BOMB, "a.txt": DOCUMENT},
         ["check", "--no-cache", "--suppressions", "s.yaml", "a.txt"], "alias bomb", "s.yaml:", slow=True),
    Case("suppressions: 5", {"s.yaml": "suppressions: 5\n", "a.txt": DOCUMENT}, ["check", "--no-cache", "--suppressions", "s.yaml", "a.txt"],
         "'suppressions:' list", "s.yaml:"),
    Case("suppression rule not text", {"s.yaml": "suppressions:\n  - rule: [x]\n    reason: y\n", "a.txt": DOCUMENT},
         ["check", "--no-cache", "--suppressions", "s.yaml", "a.txt"], "should be text", "s.yaml:2:"),
    Case("baseline nested deeply", {"b.json": DEEP.replace("[", "[", 1), "a.txt": DOCUMENT}, ["check", "--no-cache", "--baseline", "b.json", "a.txt"],
         "baseline", "b.json:"),
    Case("baseline integer of 5000 digits", {"b.json": '{"tool": "claimcheck", "format": ' + HUGE + "}", "a.txt": DOCUMENT},
         ["check", "--no-cache", "--baseline", "b.json", "a.txt"], "baseline", "b.json:"),
    Case("baseline is a FIFO", {"b.json": FIFO, "a.txt": DOCUMENT}, ["check", "--no-cache", "--baseline", "b.json", "a.txt"],
         "named pipe (FIFO)", "b.json:", slow=True),
    # ---- output ------------------------------------------------------------------------------------------------
    Case("check -o /dev/full", {"a.txt": DOCUMENT}, ["check", "--no-cache", "a.txt", "-f", "json", "-o", "/dev/full"], "No space left",
         "/dev/full:"),
    Case("extract -o /dev/full", {"a.txt": DOCUMENT}, ["extract", "a.txt", "-o", "/dev/full"], "No space left", "/dev/full:"),
    Case("output into a missing folder", {"a.txt": DOCUMENT}, ["extract", "a.txt", "-o", "no/such/out.jsonl"], "no such directory",
         "no/such/out.jsonl:"),
    Case("baseline written to /dev/full", {"a.txt": DOCUMENT}, ["check", "--no-cache", "a.txt", "--write-baseline", "/dev/full"],
         "No space left", "/dev/full:"),
    # ---- ledgers -----------------------------------------------------------------------------------------------
    Case("damaged ledger pages", {"desk.db": _damaged_page}, ["track", "facts", "--db", "desk.db"], "damaged", "desk.db:"),
    Case("lowered user_version", {"desk.db": _ledger(_sql("PRAGMA user_version = 1"))}, ["track", "facts", "--db", "desk.db"],
         "user_version", "desk.db:"),
    Case("user_version 0 on a ledger", {"desk.db": _ledger(_sql("PRAGMA user_version = 0"))}, ["review", "list", "--db", "desk.db"],
         "user_version", "desk.db:"),
    Case("ledger missing a table", {"desk.db": _ledger(_sql("PRAGMA foreign_keys = OFF", "DROP TABLE review_events"))},
         ["review", "list", "--db", "desk.db"], "no table 'review_events'", "desk.db:"),
    Case("ledger missing a column", {"desk.db": _ledger(_sql("DROP INDEX findings_lineage", "ALTER TABLE findings DROP COLUMN lineage"))},
         ["review", "list", "--db", "desk.db"], "lacks column(s) lineage", "desk.db:"),
    Case("hand-edited claim value", {"desk.db": _ledger(_sql("UPDATE claims SET value = 'twelve' WHERE id = 1"))},
         ["track", "facts", "--db", "desk.db"], "'twelve'", "desk.db:"),
    Case("hand-edited severity", {"desk.db": _ledger(_sql("UPDATE findings SET severity = 'fatal'"))},
         ["review", "list", "--db", "desk.db"], "'fatal'", "desk.db:"),
    Case("hand-edited review status", {"desk.db": _ledger(_sql("PRAGMA ignore_check_constraints = ON", "UPDATE reviews SET status = 'maybe'"))},
         ["export", "findings", "--db", "desk.db"], "CHECK constraint failed in reviews", "desk.db:"),
    Case("another program's database", {"desk.db": lambda path: sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()},
         ["track", "facts", "--db", "desk.db"], "another program's database", "desk.db:"),
    Case("ledger from a newer claimcheck", {"desk.db": _ledger(_sql("PRAGMA user_version = 99"))}, ["track", "facts", "--db", "desk.db"],
         "newer than this claimcheck", "desk.db:"),
    Case("ledger is a FIFO", {"desk.db": FIFO}, ["track", "facts", "--db", "desk.db"], "not a regular file", "desk.db:", slow=True),
]


def lay_out(case: Case, folder: Path) -> list:
    """Make the case's files in ``folder``; returns what must stay open while the command runs (sockets)."""
    keep = []
    for name, content in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is FIFO:
            os.mkfifo(path)
        elif content is SOCKET:
            server = socket.socket(socket.AF_UNIX)
            server.bind(str(path))
            keep.append(server)
        elif isinstance(content, tuple):
            os.symlink(content[1], path)
        elif callable(content):
            content(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return keep


def run_case(case: Case, folder: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the case's command in ``folder`` as a user would (a subprocess with a timeout)."""
    keep = lay_out(case, folder)
    stdin = open(case.extra["stdin"], "rb") if "stdin" in case.extra else None
    try:
        return subprocess.run([sys.executable, "-m", "claimcheck", *case.args], cwd=folder, stdin=stdin,
                              input=case.input if stdin is None else None, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout,
                              env={"PATH": "/usr/bin:/bin", "CI": "1", "PYTHONIOENCODING": "utf-8",
                                   "PYTHONPATH": str(ROOT), "HOME": str(folder)})
    finally:
        if stdin is not None:
            stdin.close()
        for item in keep:
            item.close()


def verdict(case: Case, done: subprocess.CompletedProcess) -> str | None:
    """None when claimcheck answered as it must; else what was wrong."""
    stderr = done.stderr.decode("utf-8", "replace") if isinstance(done.stderr, bytes) else done.stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    if done.returncode != 2:
        return f"exit {done.returncode}: {stderr.strip()[-300:]}"
    if "Traceback" in stderr or "internal error" in stderr:
        return f"traceback or internal error: {stderr.strip()[-300:]}"
    if len(errors) != 1:
        return f"{len(errors)} error lines: {stderr.strip()[-300:]}"
    location = errors[0].split(" ", 2)[1] if errors[0].count(" ") >= 2 else ""
    if not (errors[0].startswith("error: " + case.where) or location.startswith("/") and "/" + case.where in location):
        return f"not located at {case.where!r}: {errors[0]}"
    if case.expect not in errors[0]:
        return f"does not say {case.expect!r}: {errors[0]}"
    return None
