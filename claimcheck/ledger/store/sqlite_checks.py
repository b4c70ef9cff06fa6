"""What the SQLite store checks before it trusts a ledger file, and how a database error reaches the user.

A ledger is opened with ``PRAGMA quick_check`` (damaged pages) and a schema check (every table and column its
``user_version`` promises, and none that only a later version adds: a lowered ``user_version`` would make the
migrations run twice); values read back are checked for their types (a hand-edited ledger). Each problem is an
:class:`~claimcheck.errors.InputError` naming the ledger file and how to recover, never an internal error.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import Any

from ...errors import InputError
from .sqlite_schema import MIGRATIONS, SCHEMA_VERSION

RECOVER = ("recover what is left with `sqlite3 {path} .recover | sqlite3 recovered.db` and use --db recovered.db, "
           "or restore the file from a backup")


class LedgerError(InputError):
    """A ledger file that cannot be used as it is: damaged, foreign, edited by hand, or a database error."""


def damaged(path: str, what: str) -> LedgerError:
    return LedgerError(f"the ledger is damaged ({what}): {RECOVER.format(path=path)}", path)


def database_error(path: str, error: sqlite3.Error) -> LedgerError:
    """A database error as the user can act on it."""
    text = str(error)
    if isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return LedgerError(f"the ledger is busy ({text}): another claimcheck is writing it; try again", path)
    if "disk is full" in text or "disk I/O error" in text:
        return LedgerError(f"cannot write the ledger ({text}): free some space and run again; nothing was half-written",
                           path)
    if "readonly" in text or "read-only" in text:
        return LedgerError(f"cannot write the ledger ({text}): check the file's and its folder's permissions", path)
    if isinstance(error, (sqlite3.DatabaseError,)) and not isinstance(error, sqlite3.OperationalError):
        return damaged(path, text)
    return LedgerError(f"the ledger does not have the tables this claimcheck expects ({text}): it was edited by hand "
                       f"or damaged; {RECOVER.format(path=path)}", path)


def guarded(cls: type) -> type:
    """Class decorator: every public method turns an sqlite3 error into a :class:`LedgerError` naming the file."""
    for name, method in list(vars(cls).items()):
        if name.startswith("_") or not callable(method) or name == "transaction":
            continue
        setattr(cls, name, _guard(method))
    return cls


def _guard(method: Callable) -> Callable:
    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as error:
            raise database_error(self.path, error) from None

    return call


@functools.lru_cache(maxsize=None)
def expected_schema(version: int) -> dict[str, frozenset[str]]:
    """Table -> columns of a ledger at ``version``, as the migrations make it (built in memory)."""
    connection = sqlite3.connect(":memory:")
    try:
        for migration in MIGRATIONS[:version]:
            connection.executescript(migration)
        return schema_of(connection)
    finally:
        connection.close()


def schema_of(connection: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {table: frozenset(row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')) for table in tables}


def check_ledger(connection: sqlite3.Connection, path: str, version: int) -> None:
    """Raise a LedgerError when the file is damaged, or its tables are not those of its schema ``version``."""
    problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        raise damaged(path, "; ".join(map(str, problems[:3])))
    if version == 0:
        return
    actual = schema_of(connection)
    for later in range(version + 1, SCHEMA_VERSION + 1):
        if _added_by(later) and all(_present(actual, item) for item in _added_by(later)):
            raise LedgerError(f"the ledger's user_version says schema {version}, but its tables are those of version "
                              f"{later} or later (the version number was changed by hand): set it back with "
                              f"`sqlite3 {path} 'PRAGMA user_version = {_matching_version(actual)}'`", path)
    wanted = expected_schema(version)
    for table, columns in sorted(wanted.items()):
        if table not in actual:
            raise LedgerError(f"the ledger has no table {table!r} although its schema version {version} has one: it was "
                              f"edited by hand or damaged; {RECOVER.format(path=path)}", path)
        missing = sorted(columns - actual[table])
        if missing:
            raise LedgerError(f"the ledger's table {table!r} lacks column(s) {', '.join(missing)} that schema version "
                              f"{version} has: it was edited by hand or damaged; {RECOVER.format(path=path)}", path)


def _added_by(version: int) -> list[tuple[str, str | None]]:
    """(table, column) pairs that migration ``version`` adds (column None: the whole table)."""
    before, after = expected_schema(version - 1), expected_schema(version)
    added: list[tuple[str, str | None]] = []
    for table, columns in after.items():
        if table not in before:
            added.append((table, None))
        else:
            added.extend((table, column) for column in sorted(columns - before[table]))
    return added


def _present(actual: dict[str, frozenset[str]], item: tuple[str, str | None]) -> bool:
    table, column = item
    return table in actual and (column is None or column in actual[table])


def _matching_version(actual: dict[str, frozenset[str]]) -> int:
    found = 1
    for version in range(1, SCHEMA_VERSION + 1):
        if all(_present(actual, item) for item in _added_by(version)):
            found = version
    return found


# ---- values read back -------------------------------------------------------------------------------------------

def checked_row(path: str, table: str, row: sqlite3.Row, types: dict[str, tuple[type, ...]],
                choices: dict[str, tuple[Any, ...]] | None = None) -> None:
    """Raise a LedgerError when a stored value is not of its column's type (or not one of its choices)."""
    for column, allowed in types.items():
        value = row[column]
        if not isinstance(value, allowed) or isinstance(value, bool):
            raise _edited(path, table, row, column, value, " or ".join(t.__name__ for t in allowed if t is not type(None)))
    for column, allowed in (choices or {}).items():
        if row[column] not in allowed:
            raise _edited(path, table, row, column, row[column], "one of " + ", ".join(map(str, allowed)))


def _edited(path: str, table: str, row: sqlite3.Row, column: str, value: Any, wanted: str) -> LedgerError:
    identity = row["id"] if "id" in row.keys() else "?"
    shown = repr(value)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return LedgerError(f"the ledger's {table} row {identity} holds {shown} in column {column!r}, which should be {wanted} "
                       "(edited by hand?): correct the row with the sqlite3 shell, or restore the file from a backup",
                       path)


NUMBER = (int, float)
OPTIONAL_NUMBER = (int, float, type(None))
TEXT = (str,)
OPTIONAL_TEXT = (str, type(None))
INTEGER = (int,)
OPTIONAL_INTEGER = (int, type(None))
