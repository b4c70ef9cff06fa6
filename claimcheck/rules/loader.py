"""Reading rule packs: YAML parsed with positions (ruamel.yaml), validated against the JSON Schema
(jsonschema) and by meaning (units pint knows, tolerances of the right dimension, patterns that compile,
reference tables with every column). Every problem is reported as file:line:col with the line quoted."""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

from ..errors import InputError, Location, RuleFileError
from ..units import get_registry, is_known_unit
from ..inputs import check_path, read_setting_text
from ..yamlfiles import YamlError, load_yaml, plain
from .ruleset import Rule, RuleSet, Synonyms, Tolerance
from .schema import TOP_LEVEL_KEYS, allowed_keys, kind_names, rule_file_schema

REFERENCE_COLUMNS = ("key", "value", "unit", "as_of", "source")
RULE_SUFFIXES = (".yaml", ".yml")


def bundled_rules_path() -> Path:
    """The packs shipped with claimcheck (the top-level ``rules/`` folder of the source tree)."""
    try:
        import importlib.resources

        return Path(str(importlib.resources.files("claimcheck.bundled_rules")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent.parent / "rules"


def resolve_rules(rules: RuleSet | Iterable[str | Path] | None, bundled: bool = True,
                  cache_dir: str | Path | None = None) -> RuleSet:
    """A rule set as given, or loaded from rule files and folders (plus the bundled packs)."""
    if isinstance(rules, RuleSet):
        return rules
    return load_rules(list(rules or []), bundled=bundled, cache_dir=cache_dir)


def rule_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        entry = Path(path)
        if entry.is_dir():
            files.extend(sorted(f for f in entry.glob("*") if f.suffix in RULE_SUFFIXES and f.is_file()))
        elif entry.is_file():
            files.append(entry)
        elif not entry.exists() and not entry.is_symlink():
            raise InputError("no such rule file or directory", str(path))
        else:
            check_path(entry, "rule file")  # a FIFO, device, broken link or link loop: says which
            files.append(entry)
    return files


def load_rules(paths: Iterable[str | Path] | None = None, bundled: bool = True,
               cache_dir: str | Path | None = None) -> RuleSet:
    """The bundled packs (unless ``bundled`` is False) and the rule files or folders in ``paths``;
    a user rule with the id of a bundled one replaces it. With ``cache_dir``, packs already loaded with
    the same content are not parsed and validated again."""
    from .stored import rule_set_entry, store_rule_set, stored_rule_set

    files = (rule_files([bundled_rules_path()]) if bundled else []) + rule_files(paths or [])
    entry = rule_set_entry(cache_dir, files) if cache_dir is not None else None
    if entry is not None and (stored := stored_rule_set(entry)) is not None:
        return stored
    problems: list[tuple[Location, str]] = []
    rule_set = RuleSet(rules=[], synonyms=Synonyms())
    by_id: dict[str, Rule] = {}
    tables: list[Path] = []
    for file in files:
        reader = _RuleFile(file, problems)
        for rule in reader.load(rule_set):
            by_id[rule.id] = rule
        rule_set.files.append(str(file))
        tables += reader.tables
    if problems:
        raise RuleFileError(problems)
    rule_set.rules = [rule for rule in by_id.values() if rule.enabled]
    if entry is not None:
        store_rule_set(entry, tables, rule_set)
    return rule_set


class _RuleFile:
    def __init__(self, path: Path, problems: list[tuple[Location, str]]):
        self.path = path
        self.problems = problems
        self.lines: list[str] = []
        self.tables: list[Path] = []  # reference tables read: a stored rule set holds while they are unchanged

    # ---- locating -------------------------------------------------------------------------------
    def location(self, line: int, column: int) -> Location:
        source = self.lines[line].rstrip() if 0 <= line < len(self.lines) else ""
        return Location(str(self.path), line + 1, column + 1, source)

    def at(self, node: Any, path: Iterable[Any], key: bool = False) -> Location:
        """Where the value (or, with ``key``, the key) at ``path`` inside ``node`` is written."""
        line, column = getattr(getattr(node, "lc", None), "line", 0) or 0, getattr(getattr(node, "lc", None), "col", 0) or 0
        steps = list(path)
        for index, step in enumerate(steps):
            last = index == len(steps) - 1
            try:
                if hasattr(node, "lc") and isinstance(step, int) and isinstance(node, list):
                    line, column = node.lc.item(step)
                elif hasattr(node, "lc") and step in node:
                    line, column = node.lc.key(step) if (key and last) else node.lc.value(step)
                node = node[step]
            except (KeyError, IndexError, TypeError, AttributeError):
                break
        return self.location(line, column)

    def problem(self, location: Location, message: str) -> None:
        self.problems.append((location, message))

    # ---- loading --------------------------------------------------------------------------------
    def load(self, rule_set: RuleSet) -> list[Rule]:
        try:
            text = read_setting_text(self.path, "rule file")
        except InputError as error:
            self.problem(Location(str(self.path), error.line or 1, error.column or 1), error.args[0])
            return []
        self.lines = text.splitlines()
        try:
            document = load_yaml(text)
        except YamlError as error:
            self.problem(self.location(error.line - 1, error.column - 1), error.message)
            return []
        if not isinstance(document, dict):
            self.problem(Location(str(self.path), 1, 1), "a rule file is a mapping with 'version: 1' and 'rules:'")
            return []
        before = len(self.problems)
        self.check_keys(document)
        self.check_schema(document)
        if len(self.problems) > before:
            return []
        self.read_header(document, rule_set)
        rules = []
        seen: set[str] = set()
        for index, entry in enumerate(document.get("rules") or []):
            if entry["id"] in seen:
                self.problem(self.at(document, ["rules", index, "id"]), f"duplicate rule id {entry['id']!r} in this file")
                continue
            seen.add(entry["id"])
            rule = self.build_rule(document, index, entry, rule_set)
            if rule is not None:
                rules.append(rule)
        return rules

    def check_keys(self, document: dict) -> None:
        for key in document:
            if key not in TOP_LEVEL_KEYS:
                self.problem(self.at(document, [key], key=True), _unknown("key", key, TOP_LEVEL_KEYS))
        for index, entry in enumerate(_list(document.get("rules"))):
            if not isinstance(entry, dict):
                continue
            kind = entry.get("kind")
            if kind is None and "kind" in entry:
                self.problem(self.at(document, ["rules", index, "kind"]),
                             f"a rule's kind is empty (expected one of: {', '.join(sorted(kind_names()))})")
                continue
            if not isinstance(kind, (str, type(None))):
                self.problem(self.at(document, ["rules", index, "kind"]), _unknown("rule kind", str(kind), kind_names()))
                continue
            if kind is not None and kind not in kind_names():
                self.problem(self.at(document, ["rules", index, "kind"]), _unknown("rule kind", kind, kind_names()))
                continue
            for key in entry:
                if key not in allowed_keys(kind):
                    self.problem(self.at(document, ["rules", index, key], key=True),
                                 _unknown(f"key for a {kind} rule" if kind else "key", key, allowed_keys(kind)))

    def check_schema(self, document: dict) -> None:
        from jsonschema import Draft202012Validator

        validator = Draft202012Validator(rule_file_schema())
        reported = {(p.line, p.column) for p, _ in self.problems}
        for error in sorted(validator.iter_errors(plain(document)), key=lambda e: list(map(str, e.absolute_path))):
            steps = list(error.absolute_path)
            if error.validator in ("if", "allOf") or (error.validator == "additionalProperties" and (
                    not steps or (steps[0] == "rules" and len(steps) == 2))):
                continue  # unknown keys of the file and of its rules were reported above, with a suggestion
            if error.validator == "enum" and list(error.absolute_path)[-1:] == ["kind"]:
                continue
            location = self.at(document, error.absolute_path)
            if (location.line, location.column) in reported:
                continue
            where = "/".join(str(step) for step in error.absolute_path) or "(top level)"
            self.problem(location, f"{where}: {error.message}")

    def read_header(self, document: dict, rule_set: RuleSet) -> None:
        for kind, groups in (document.get("synonyms") or {}).items():
            rule_set.synonyms.add(kind, {str(k): [str(name) for name in v] for k, v in groups.items()})
        defaults = document.get("defaults") or {}
        if "window" in defaults:
            rule_set.window = parse_duration(defaults["window"])
        if "archive_from" in defaults:
            rule_set.archive_from = defaults["archive_from"]
        if "tolerance" in defaults:
            tolerance = self.tolerance(document, ["defaults", "tolerance"], None)
            if tolerance:
                rule_set.default_tolerance = tolerance

    def build_rule(self, document: dict, index: int, entry: dict, rule_set: RuleSet) -> Rule | None:
        from ..checks.registry import rule_kinds

        path = ["rules", index]
        values = plain(entry)
        kind = rule_kinds()[entry["kind"]]
        before = len(self.problems)
        units = []
        for position, unit in enumerate(values.get("units") or []):
            if not is_known_unit(unit):
                self.problem(self.at(document, [*path, "units", position]),
                             f"unknown unit {unit!r} (pint does not know it; e.g. 'count', 'percent', 'kilometer', 'USD')")
            else:
                units.append(unit)
        options = {}
        types = kind.option_types()
        for key, name in kind.keys().items():
            if key in values:
                options[name] = self.option(document, [*path, key], values[key], types[name], _field(kind, name),
                                            units or None)
        if len(self.problems) > before:
            return None
        return Rule(id=entry["id"], kind=kind.name, severity=entry.get("severity") or kind.severity,
                    options=kind.options(**options), source=str(self.path), line=self.at(document, path).line,
                    base_dir=self.path.parent, description=values.get("description"), measures=values.get("measures"),
                    units=units or None, examples=values.get("examples") or [], enabled=values.get("enabled", True))

    def option(self, document: dict, path: list, value: Any, annotation: Any, option_field, units):
        """An option's value as its type says: tolerances, durations, patterns and tables are read and checked."""
        from ..checks.registry import Pattern, ReferenceTable, value_type

        wanted = value_type(annotation)
        if wanted is Tolerance:
            return self.tolerance(document, path, units)
        if wanted is timedelta:
            return parse_duration(value)
        if wanted is Pattern:
            self.compile(document, path, value, option_field.metadata.get("groups", ()))
            return Pattern(value)
        if wanted is ReferenceTable:
            return ReferenceTable(value, tuple(self.reference_table(document, path, value) or ()))
        if isinstance(value, list):
            return tuple(value)
        return value

    def tolerance(self, document: dict, path: list, units: list[str] | None) -> Tolerance | None:
        raw = plain(self.node(document, path))
        absolute, absolute_unit = raw.get("abs", 0), None
        if isinstance(absolute, str):
            if not units:
                self.problem(self.at(document, [*path, "abs"]),
                             f"tolerance {absolute!r} has a unit, so the rule needs 'units:' of that dimension "
                             "(or give the tolerance as a plain number in the claims' units)")
                return None
            registry = get_registry()
            try:
                quantity = registry.Quantity(absolute)
            except Exception:
                self.problem(self.at(document, [*path, "abs"]), f"tolerance {absolute!r} is not a quantity pint can read (e.g. '2 km')")
                return None
            for unit in units or []:
                if not quantity.is_compatible_with(registry.Unit(unit)):
                    self.problem(self.at(document, [*path, "abs"]),
                                 f"tolerance {absolute!r} has dimension {quantity.dimensionality} but the rule's unit "
                                 f"{unit!r} has {registry.Unit(unit).dimensionality}: use a tolerance in {unit!r}'s dimension")
                    return None
            absolute, absolute_unit = float(quantity.magnitude), str(quantity.units)
        if raw.get("points") is not None and units and any(u not in ("percent", "percentage_point") for u in units):
            self.problem(self.at(document, [*path, "points"]),
                         "a tolerance in percentage points only applies to percentages; use 'rel' or 'abs' for these units")
            return None
        return Tolerance(rel=float(raw.get("rel", 0)), abs=float(absolute), abs_unit=absolute_unit, points=raw.get("points"))

    def compile(self, document: dict, path: list, pattern: str, needed: tuple[str, ...]) -> None:
        location = self.at(document, path)
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            position = error.pos or 0
            quoted = location.source_line[location.column - 1:location.column] in ("'", '"')
            self.problem(Location(location.path, location.line, location.column + position + quoted, location.source_line),
                         f"pattern does not compile: {error.msg} at position {position}")
            return
        from ..checks.registry import compile_rule_pattern

        try:
            compiled = compile_rule_pattern(pattern)
        except ValueError as error:
            self.problem(location, f"pattern cannot run on RE2 ({error}): rule patterns are matched by RE2, whose "
                         "time is linear in the text, so look-arounds (?=...) (?<=...), back-references \\1 and "
                         "possessive or atomic groups are not available; rewrite the pattern without them")
            return
        missing = set(needed) - set(compiled.groupindex)
        if missing:
            self.problem(location, f"pattern needs the named group(s) {', '.join(f'(?P<{g}>...)' for g in sorted(missing))}")

    def reference_table(self, document: dict, path: list, name: str) -> list[dict] | None:
        location = self.at(document, path)
        table_path = (self.path.parent / name)
        self.tables.append(table_path)
        if not table_path.exists() and not table_path.is_symlink():
            self.problem(location, f"reference table {name!r} not found (looked in {table_path.parent})")
            return None
        try:
            text = read_setting_text(table_path, "reference table")
            if table_path.suffix in RULE_SUFFIXES:
                data = load_yaml(text, typ="safe") or []
                if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
                    raise ValueError("a YAML reference table is a list of mappings")
                rows = [dict(row) for row in data]
                header = set().union(*(row.keys() for row in rows)) if rows else set()
                first_data_line = 1
            else:
                import io

                reader = csv.DictReader(io.StringIO(text, newline=""))
                header = set(reader.fieldnames or [])
                rows = list(reader)
                first_data_line = 2
        except YamlError as error:
            self.problem(Location(str(table_path), error.line, error.column), error.message)
            return None
        except InputError as error:
            self.problem(location, f"reference table {name!r} cannot be read: {error.args[0]}")
            return None
        except (ValueError, TypeError, csv.Error) as error:  # a malformed table: report it where the rule names it
            self.problem(location, f"reference table {name!r} cannot be read: {error}")
            return None
        missing = [column for column in REFERENCE_COLUMNS if column not in header]
        if missing:
            self.problem(Location(str(table_path), 1, 1), f"reference table is missing column(s) {', '.join(missing)} "
                         f"(needs {', '.join(REFERENCE_COLUMNS)})")
            return None
        for number, row in enumerate(rows, first_data_line):
            absent = [column for column in ("key", "value", "unit") if row.get(column) in (None, "")]
            if absent:
                self.problem(Location(str(table_path), number, 1), f"row has no {', '.join(absent)}")
                continue
            try:
                row["value"] = float(str(row["value"]).replace(",", ""))
            except ValueError:
                self.problem(Location(str(table_path), number, 1), f"value {row['value']!r} is not a number")
            if not is_known_unit(str(row["unit"])):
                self.problem(Location(str(table_path), number, 1), f"unknown unit {row['unit']!r}")
        return rows

    @staticmethod
    def node(document: dict, path: list) -> Any:
        for step in path:
            document = document[step]
        return document


def _list(value: Any) -> list:
    """A list as written, or nothing (``rules: 5`` is reported by the schema, not iterated)."""
    return value if isinstance(value, list) else []


def _field(kind, name: str):
    return next(option_field for option_field in kind.option_fields() if option_field.name == name)


def _unknown(what: str, value: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(value), sorted(allowed), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else f" (expected one of: {', '.join(sorted(allowed))})"
    return f"unknown {what} {value!r}{hint}"


MAX_WINDOW_DAYS = 100 * 365


def parse_duration(text: str) -> timedelta:
    """'90d', '12w', '6m', '1y' (capped at a century: longer windows mean 'never a change over time')."""
    number, unit = int(re.match(r"\d+", text).group()), text.strip()[-1]
    return timedelta(days=min(number * {"d": 1, "w": 7, "m": 30, "y": 365}[unit], MAX_WINDOW_DAYS))
