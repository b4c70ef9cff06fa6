"""Rule sets kept in the cache folder, so that a pack is parsed and validated once per content, not on every
run (parsing with positions, the JSON Schema and the unit registry cost more than an unchanged re-run's
whole check).

An entry is keyed by the content of every rule file, the versions of claimcheck and pint and claimcheck's own
source; the reference tables the packs read are compared by content before an entry is used. An entry is JSON:
a rule set written out field by field (:func:`rule_set_to_data`) and read back by the types the rule kinds declare
(:func:`rule_set_from_data`), so an entry in a cache folder planted in a cloned repository, or shared with others,
cannot run code. An entry names the cache format and its own key; an unreadable, foreign or stale entry is simply
loaded afresh. A rule set that does not come back exactly as it was written (a reference table holding dates, say)
is not stored.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import typing
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

from ..about import code_stamp
from ..cache_files import mark_folder, read_entry, read_json, usable, write_entry
from ..model.interval import Tolerance
from .ruleset import ARCHIVE_FROM, Rule, RuleSet, Synonyms

_FORMAT = "2"  # 1 was a pickle
_MARK = "claimcheck rule set"


def rule_set_entry(folder: str | Path, files: list[Path]) -> str | None:
    """Where the rule set loaded from exactly these files is kept; None when a file cannot be read (the loader
    reports it) or the cache folder may not be used."""
    from importlib.metadata import PackageNotFoundError, version

    if not usable(folder):
        return None
    try:
        pint = version("pint")
    except PackageNotFoundError:
        pint = "?"
    digest = hashlib.sha256(f"{_FORMAT}\0{code_stamp()}\0{pint}".encode())
    try:
        for file in files:
            if not file.is_file():
                return None  # a FIFO or device among the rule files: the loader refuses it
            digest.update(f"\0{os.path.realpath(file)}\0".encode("utf-8", "surrogateescape"))
            digest.update(file.read_bytes())
    except OSError:
        return None
    return os.path.join(folder, f"rules-v{_FORMAT}", digest.hexdigest() + ".json")


def stored_rule_set(path: str) -> RuleSet | None:
    """The rule set kept at ``path`` (see :func:`rule_set_entry`), while the tables it read are unchanged."""
    entry = read_json(path)
    if (not isinstance(entry, dict) or entry.get("cache") != _MARK or entry.get("format") != _FORMAT
            or entry.get("key") != _key(path)):
        return None
    try:
        if any(_digest(Path(table)) != digest for table, digest in entry["tables"]):
            return None
        return rule_set_from_data(entry["rule_set"])
    except (KeyError, TypeError, ValueError, AttributeError):  # a damaged or foreign entry: load afresh
        return None


def store_rule_set(path: str, tables: list[Path], rule_set: RuleSet) -> None:
    try:
        data = rule_set_to_data(rule_set)
        text = json.dumps({"cache": _MARK, "format": _FORMAT, "key": _key(path),
                           "tables": [(str(table), _digest(table)) for table in tables], "rule_set": data})
        if _state(rule_set_from_data(json.loads(text)["rule_set"])) != _state(rule_set):
            return  # something that JSON does not keep as it was: load afresh every time rather than differently
    except (TypeError, ValueError, KeyError, AttributeError):
        return
    root = os.path.dirname(os.path.dirname(path))
    mark_folder(root)
    write_entry(path, text.encode("utf-8", "surrogateescape"), root)


# ---- a rule set as plain data -----------------------------------------------------------------------------

def rule_set_to_data(rule_set: RuleSet) -> dict[str, Any]:
    """A rule set as JSON-ready data: every field written out, each rule's options by the types its kind declares."""
    return {
        "rules": [_rule_to_data(rule) for rule in rule_set.rules],
        "synonyms": {"measure": dict(rule_set.synonyms.measure), "actor": dict(rule_set.synonyms.actor),
                     "place": dict(rule_set.synonyms.place)},
        "window": _duration(rule_set.window),
        "default_tolerance": dataclasses.asdict(rule_set.default_tolerance),
        "files": list(rule_set.files),
        "archive_from": rule_set.archive_from,
    }


def rule_set_from_data(data: dict[str, Any]) -> RuleSet:
    """The rule set :func:`rule_set_to_data` wrote; raises TypeError, ValueError or KeyError for anything else."""
    synonyms = Synonyms()
    for kind in ("measure", "actor", "place"):
        table = data["synonyms"][kind]
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise TypeError(f"synonyms of {kind} are not names")
        getattr(synonyms, kind).update(table)
    return RuleSet(rules=[_rule_from_data(rule) for rule in data["rules"]], synonyms=synonyms,
                   window=_from_duration(data["window"]), default_tolerance=_tolerance(data["default_tolerance"]),
                   files=_strings(data["files"]), archive_from=_count(data.get("archive_from", ARCHIVE_FROM)))


def _rule_to_data(rule: Rule) -> dict[str, Any]:
    from ..checks.registry import rule_kinds

    kind = rule_kinds()[rule.kind]
    types = kind.option_types()
    options = {field.name: _option_to_data(getattr(rule.options, field.name), types[field.name])
               for field in kind.option_fields()}
    return {"id": rule.id, "kind": rule.kind, "severity": rule.severity, "options": options, "source": rule.source,
            "line": rule.line, "base_dir": None if rule.base_dir is None else str(rule.base_dir),
            "description": rule.description, "measures": rule.measures, "units": rule.units,
            "examples": _checked_plain(rule.examples), "enabled": rule.enabled}


def _rule_from_data(data: dict[str, Any]) -> Rule:
    from ..checks.registry import rule_kinds
    from ..model.finding import SEVERITIES

    kind = rule_kinds()[data["kind"]]
    types = kind.option_types()
    stored = data["options"]
    if not isinstance(stored, dict) or set(stored) != {field.name for field in kind.option_fields()}:
        raise ValueError(f"options of a {kind.name} rule do not match its kind")
    options = kind.options(**{name: _option_from_data(value, types[name]) for name, value in stored.items()})
    if data["severity"] not in SEVERITIES or type(data["line"]) is not int or not isinstance(data["enabled"], bool):
        raise ValueError("a stored rule's fields have the wrong types")
    return Rule(id=_string(data["id"]), kind=kind.name, severity=data["severity"], options=options,
                source=_string(data["source"]), line=data["line"],
                base_dir=None if data["base_dir"] is None else Path(_string(data["base_dir"])),
                description=_optional_string(data["description"]),
                measures=None if data["measures"] is None else _strings(data["measures"]),
                units=None if data["units"] is None else _strings(data["units"]),
                examples=_checked_plain(data["examples"]), enabled=data["enabled"])


def _option_to_data(value: Any, annotation: Any) -> Any:
    from ..checks.registry import Pattern, ReferenceTable, value_type

    wanted = value_type(annotation)
    if value is None:
        return None
    if wanted is Tolerance:
        return dataclasses.asdict(value)
    if wanted is timedelta:
        return _duration(value)
    if wanted is Pattern:
        return value.text
    if wanted is ReferenceTable:
        return {"name": value.name, "rows": _checked_plain(list(value.rows))}
    return _checked_plain(list(value) if isinstance(value, tuple) else value)


def _option_from_data(value: Any, annotation: Any) -> Any:
    from ..checks.registry import Pattern, ReferenceTable, Words, value_type

    wanted = value_type(annotation)
    if value is None:
        return None
    if wanted is Tolerance:
        return _tolerance(value)
    if wanted is timedelta:
        return _from_duration(value)
    if wanted is Pattern:
        return Pattern(_string(value))
    if wanted is ReferenceTable:
        rows = value["rows"]
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise TypeError("a reference table's rows are mappings")
        return ReferenceTable(_string(value["name"]), tuple(_checked_plain(rows)))
    if wanted == Words:
        return tuple(_strings(value))
    if typing.get_origin(wanted) is Literal and value not in typing.get_args(wanted):
        raise ValueError(f"{value!r} is not one of {typing.get_args(wanted)}")
    if wanted in (bool, str) and not isinstance(value, wanted):
        raise TypeError(f"expected {wanted.__name__}, not {type(value).__name__}")
    if wanted in (int, float) and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise TypeError(f"expected a number, not {type(value).__name__}")
    return _checked_plain(value)


def _tolerance(data: Any) -> Tolerance:
    if not isinstance(data, dict):
        raise TypeError("a tolerance is a mapping")
    tolerance = Tolerance(**data)
    numbers = (tolerance.rel, tolerance.abs, 0 if tolerance.points is None else tolerance.points)
    if not all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in numbers) or not (
            tolerance.abs_unit is None or isinstance(tolerance.abs_unit, str)):
        raise TypeError("a tolerance's fields have the wrong types")
    return tolerance


def _duration(value: timedelta) -> list[int]:
    return [value.days, value.seconds, value.microseconds]


def _from_duration(data: Any) -> timedelta:
    if not (isinstance(data, list) and len(data) == 3 and all(type(part) is int for part in data)):
        raise TypeError("a duration is [days, seconds, microseconds]")
    return timedelta(days=data[0], seconds=data[1], microseconds=data[2])


def _checked_plain(value: Any) -> Any:
    """JSON's own kinds of value, as they are (dictionaries with text keys): anything else cannot be kept."""
    if value is None or type(value) in (bool, int, float, str):
        return value
    if type(value) is list:
        return [_checked_plain(item) for item in value]
    if type(value) is dict and all(isinstance(key, str) for key in value):
        return {key: _checked_plain(item) for key, item in value.items()}
    raise TypeError(f"{type(value).__name__} is not kept in the rule-set cache")


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _optional_string(value: Any) -> str | None:
    return None if value is None else _string(value)


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise TypeError(f"not a count: {value!r}")
    return value


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise TypeError("expected a list of text")
    return [_string(item) for item in value]


def _state(rule_set: RuleSet) -> str:
    """Everything a rule set holds, as text: equal for a rule set and its round trip through JSON."""
    return repr((rule_set.rules, rule_set.synonyms.measure, rule_set.synonyms.actor, rule_set.synonyms.place,
                 rule_set.window, rule_set.default_tolerance, rule_set.files, rule_set.archive_from))


def _key(path: str | Path) -> str:
    return os.path.basename(str(path)).removesuffix(".json")


def _digest(path: Path) -> str:
    """A table's content digest ("" when it is not a regular file that can be read: never a FIFO or device)."""
    data = read_entry(path)
    return "" if data is None else hashlib.sha256(data).hexdigest()
