"""Rule sets kept in the cache folder, so that a pack is parsed and validated once per content, not on every
run (parsing with positions, the JSON Schema and the unit registry cost more than an unchanged re-run's
whole check).

An entry is keyed by the content of every rule file, the versions of claimcheck and pint and claimcheck's own
source; the reference tables the packs read are compared by content before an entry is used. Entries are
pickles written atomically into the project's own cache folder (trusted like the project's files); an
unreadable or stale entry is simply loaded afresh.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from .. import __version__
from ..cache import ensure_cache_folder, write_entry
from .ruleset import RuleSet

_FORMAT = "1"
_PACKAGE = Path(__file__).resolve().parent.parent  # its whole source is in the key: any change loads afresh


def rule_set_entry(folder: str | Path, files: list[Path]) -> str | None:
    """Where the rule set loaded from exactly these files is kept; None when a file cannot be read (the loader
    reports it)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        pint = version("pint")
    except PackageNotFoundError:
        pint = "?"
    digest = hashlib.sha256(f"{_FORMAT}\0{__version__}\0{pint}".encode())
    try:
        for source in sorted(_PACKAGE.rglob("*.py")):
            digest.update(source.read_bytes())
        for file in files:
            digest.update(f"\0{os.path.realpath(file)}\0".encode("utf-8", "surrogateescape"))
            digest.update(file.read_bytes())
    except OSError:
        return None
    ensure_cache_folder(folder)
    return os.path.join(folder, f"rules-v{_FORMAT}", digest.hexdigest() + ".pickle")


def stored_rule_set(path: str) -> RuleSet | None:
    """The rule set kept at ``path`` (see :func:`rule_set_entry`), while the tables it read are unchanged."""
    try:
        with open(path, "rb") as stream:
            tables, rule_set = pickle.load(stream)
        if not isinstance(rule_set, RuleSet) or any(_digest(Path(table)) != digest for table, digest in tables):
            return None
    except Exception:  # a damaged or foreign entry: load afresh
        return None
    return rule_set


def store_rule_set(path: str, tables: list[Path], rule_set: RuleSet) -> None:
    try:
        data = pickle.dumps(([(str(table), _digest(table)) for table in tables], rule_set), protocol=pickle.HIGHEST_PROTOCOL)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return
    write_entry(path, data)


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
