"""The rule kinds, each declared once where its check lives (``checks/kinds/<kind>.py``): its name, whether it
runs a document or a fact at a time, its default severity, a typed dataclass of its options and its
documentation. The rule-file schema, the loader's conversions and the kinds table in ``docs/rules.md`` are
all read off these declarations, so a new kind is one new file.

Option fields are typed; the type says how a rule file writes the option and how the loader reads it:
``bool``, ``int``, ``float``, ``str``, a ``Literal`` of choices, :data:`Words` (a list of phrases),
:class:`~claimcheck.model.Tolerance`, ``timedelta`` (a duration such as ``30d``), :class:`Pattern` (a regular
expression, with the named groups the check needs) or :class:`ReferenceTable` (a CSV or YAML file beside the
rule file). ``Optional`` types may be left out of a rule.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property
from typing import Any, Literal

from ..model.interval import Tolerance

Words = tuple[str, ...]
Within = Literal["sentence", "paragraph", "document"]  # the passage a rule looks for related claims in


@dataclass(frozen=True)
class Pattern:
    """A regular expression in a rule file, compiled once by RE2 (google-re2): its matching time is linear in the
    text, so no pattern a rule file holds can backtrack catastrophically and hang a run. Python's syntax
    (``(?P<name>...)``, ``\\b``, ``(?i)``) is RE2's; look-arounds and back-references are not (the loader says so)."""

    text: str

    @cached_property
    def compiled(self) -> RulePattern:
        return RulePattern(compile_rule_pattern(self.text))


def compile_rule_pattern(text: str):
    """``text`` compiled by RE2, quietly (RE2 would log its own errors to stderr); raises ValueError with RE2's
    reason when RE2 cannot express it."""
    import re2

    options = re2.Options()
    options.log_errors = False
    try:
        return re2.compile(text, options)
    except re2.error as error:
        reason = error.args[0] if error.args else error
        raise ValueError(reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)) from None


class RulePattern:
    """An RE2 pattern whose matches take group names wherever :mod:`re`'s do (``span("part")``)."""

    def __init__(self, compiled):
        self.compiled = compiled
        self.groupindex = dict(compiled.groupindex)

    def finditer(self, text: str):
        return (_RuleMatch(match, self.groupindex) for match in self.compiled.finditer(text))

    def search(self, text: str):
        match = self.compiled.search(text)
        return None if match is None else _RuleMatch(match, self.groupindex)


class _RuleMatch:
    __slots__ = ("match", "names")

    def __init__(self, match, names: dict[str, int]):
        self.match, self.names = match, names

    def group(self, *groups):
        return self.match.group(*groups)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self.match.span(self.names[group] if isinstance(group, str) else group)

    def start(self, group: int | str = 0) -> int:
        return self.span(group)[0]

    def end(self, group: int | str = 0) -> int:
        return self.span(group)[1]


@dataclass(frozen=True)
class ReferenceTable:
    """A reference table a rule reads (rows with ``key``, ``value``, ``unit``, ``as_of``, ``source``)."""

    name: str
    rows: tuple[dict, ...] = ()


def option(default: Any = dataclasses.MISSING, doc: str = "", *, minimum: float | None = None,
           groups: tuple[str, ...] = (), aliases: tuple[str, ...] = ()) -> Any:
    """A field of a kind's options: its default, a line of documentation, and for numbers a ``minimum``, for
    patterns the named ``groups`` it must have, and other ``aliases`` a rule file may write it as."""
    metadata = {"doc": doc, "minimum": minimum, "groups": groups, "aliases": aliases}
    if isinstance(default, (list, set)):
        default = tuple(default)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class RuleKind:
    """One kind of rule."""

    name: str
    runs_per: Literal["document", "fact"]  # a document's claims at a time, or one fact's claims across documents
    severity: str  # the default severity of its violated findings
    options: type  # a frozen dataclass of the options a rule of this kind takes
    summary: str  # what it checks, for the docs table (Markdown)
    statuses: tuple[str, ...]  # the statuses its findings can have
    check: Callable  # check(rule, context) per document, or check(rule, context, fact) per fact

    def option_fields(self) -> list[dataclasses.Field]:
        return list(dataclasses.fields(self.options))

    def option_types(self) -> dict[str, Any]:
        return typing.get_type_hints(self.options)

    def required(self) -> list[str]:
        return [f.name for f in self.option_fields() if f.default is dataclasses.MISSING]

    def keys(self) -> dict[str, str]:
        """Every key a rule file may write for an option (aliases included) -> the option's name."""
        names = {}
        for option_field in self.option_fields():
            names[option_field.name] = option_field.name
            for alias in option_field.metadata.get("aliases", ()):
                names[alias] = option_field.name
        return names


_KINDS: dict[str, RuleKind] = {}
_DISCOVERED = False  # every module of checks/kinds imported (one imported directly registers only itself)


def rule_kind(name: str, *, runs_per: Literal["document", "fact"], severity: str, options: type, summary: str,
              statuses: tuple[str, ...] = ("consistent", "violated")) -> Callable[[Callable], Callable]:
    """Decorator: declare the check function below it as the rule kind ``name``."""

    def register(check: Callable) -> Callable:
        _KINDS[name] = RuleKind(name, runs_per, severity, options, summary.strip(), statuses, check)
        return check

    return register


def rule_kinds() -> dict[str, RuleKind]:
    """Every rule kind, by name (the modules of ``claimcheck.checks.kinds`` are imported on first call)."""
    global _DISCOVERED
    if not _DISCOVERED:
        package = importlib.import_module(f"{__package__}.kinds")
        for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda module: module.name):
            importlib.import_module(f"{package.__name__}.{module.name}")
        _DISCOVERED = True
    return _KINDS


def runs_per(kind: str) -> str | None:
    """"document" for kinds whose findings each come from one document's claims (run a document at a time, so that
    an unchanged document's findings can be reused), "fact" for kinds that compare one fact's claims across
    documents (run a fact at a time, so that an unchanged fact is not judged again); None for an unknown kind."""
    declared = rule_kinds().get(kind)
    return declared.runs_per if declared else None


# ---- what the schema and the docs are built from ------------------------------------------------------------

TOLERANCE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "rel": {"type": "number", "minimum": 0, "description": "relative: 0.05 is 5% of the larger value"},
        "abs": {"type": ["number", "string"], "description": "absolute, in the claims' unit or as a quantity ('2 km')"},
        "points": {"type": "number", "minimum": 0, "description": "percentage points, for percentages"},
    },
}
WORDS_SCHEMA = {"type": "array", "items": {"type": "string", "minLength": 1}}
DURATION_SCHEMA = {"type": "string", "pattern": r"^\d+\s*[dwmy]$", "description": "e.g. 30d, 12w, 6m, 1y"}


def value_type(annotation: Any) -> Any:
    """The type an option holds when given (``X | None`` -> ``X``)."""
    arguments = [argument for argument in typing.get_args(annotation) if argument is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, getattr(__import__("types"), "UnionType", None)) and len(arguments) == 1:
        return arguments[0]
    return annotation


def option_schema(option_field: dataclasses.Field, annotation: Any) -> dict:
    """The JSON Schema of one option, from its type."""
    kind = value_type(annotation)
    minimum = option_field.metadata.get("minimum")
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer", **({"minimum": minimum} if minimum is not None else {})}
    if kind is float:
        return {"type": "number", **({"minimum": minimum} if minimum is not None else {})}
    if kind in (str, Pattern, ReferenceTable):
        return {"type": "string"}
    if kind == Words:
        return WORDS_SCHEMA
    if kind is Tolerance:
        return TOLERANCE_SCHEMA
    if kind is timedelta:
        return DURATION_SCHEMA
    if typing.get_origin(kind) is Literal:
        return {"enum": list(typing.get_args(kind))}
    raise TypeError(f"option {option_field.name!r} has a type rule files cannot write: {annotation!r}")


def describe_type(annotation: Any) -> str:
    """How a rule file writes an option, for the docs."""
    kind = value_type(annotation)
    if typing.get_origin(kind) is Literal:
        return " \\| ".join(f"`{choice}`" for choice in typing.get_args(kind))
    return {bool: "true/false", int: "integer", float: "number", str: "text", Pattern: "regular expression",
            ReferenceTable: "table file", Tolerance: "tolerance", timedelta: "duration"}.get(kind) or (
        "list of phrases" if kind == Words else str(kind))


def kinds_table() -> str:
    """The Markdown table of rule kinds in ``docs/rules.md``."""
    rows = ["| kind | runs per | default severity | what it checks | status |", "|---|---|---|---|---|"]
    for kind in rule_kinds().values():
        rows.append(f"| `{kind.name}` | {kind.runs_per} | {kind.severity} | {' '.join(kind.summary.split())} | "
                    f"{' / '.join(f'`{status}`' for status in kind.statuses)} |")
    return "\n".join(rows)


def options_table() -> str:
    """The Markdown table of every kind's options in ``docs/rules.md``."""
    rows = ["| kind | option | type | default | what it does |", "|---|---|---|---|---|"]
    for kind in rule_kinds().values():
        types = kind.option_types()
        for option_field in kind.option_fields():
            default = option_field.default
            if default is dataclasses.MISSING:
                shown = "required"
            elif default is None:
                shown = "—"
            elif isinstance(default, bool):
                shown = f"`{str(default).lower()}`"
            elif isinstance(default, tuple):
                shown = f"{len(default)} phrases" if len(default) > 3 else ", ".join(default)
            elif isinstance(default, Tolerance):  # as a rule file writes it: {rel: 0.1}
                shown = "`{" + ", ".join(f"{name}: {value:g}" for name, value in (
                    ("rel", default.rel), ("abs", default.abs), ("points", default.points)) if value) + "}`"
            else:
                shown = f"`{default}`"
            aliases = option_field.metadata.get("aliases")
            name = f"`{option_field.name}`" + (f" (or `{'`, `'.join(aliases)}`)" if aliases else "")
            rows.append(f"| `{kind.name}` | {name} | {describe_type(types[option_field.name])} | {shown} | "
                        f"{option_field.metadata.get('doc', '')} |")
    return "\n".join(rows)
