"""The JSON Schema of a rule file (``claimcheck rules schema`` prints it for editors), built from the rule kinds'
declarations (:mod:`claimcheck.checks.registry`): each kind's options and their types."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_EXPECTATION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["status"],
    "properties": {"status": {"enum": ["violated", "consistent", "changed"]}, "count": {"type": "integer", "minimum": 0}},
}
_EXAMPLE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["expect"],
    "properties": {
        "text": {"type": "string"},
        "documents": {"type": "object", "additionalProperties": {"type": "string"}},
        "expect": {"type": "array", "items": _EXPECTATION},
    },
}


def kind_names() -> tuple[str, ...]:
    from ..checks.registry import rule_kinds

    return tuple(rule_kinds())


def common_keys() -> dict[str, dict]:
    """Keys every rule may have, whatever its kind."""
    from ..checks.registry import WORDS_SCHEMA

    return {
        "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
        "kind": {"enum": list(kind_names())},
        "severity": {"enum": ["error", "warning", "info"]},
        "description": {"type": "string"},
        "enabled": {"type": "boolean"},
        "measures": WORDS_SCHEMA,
        "units": WORDS_SCHEMA,
        "examples": {"type": "array", "items": _EXAMPLE},
    }


def kind_keys(kind: str) -> dict[str, dict]:
    """The option keys of one kind (aliases included) and their schemas."""
    from ..checks.registry import option_schema, rule_kinds

    declared = rule_kinds()[kind]
    types = declared.option_types()
    keys = {}
    for option_field in declared.option_fields():
        schema = option_schema(option_field, types[option_field.name])
        for key in (option_field.name, *option_field.metadata.get("aliases", ())):
            keys[key] = schema
    return keys


def _rule_schema(kind: str) -> dict:
    from ..checks.registry import rule_kinds

    return {
        "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
        "then": {
            "properties": {**common_keys(), **kind_keys(kind)},
            "additionalProperties": False,
            "required": ["id", "kind", *rule_kinds()[kind].required()],
        },
    }


@lru_cache(maxsize=1)
def rule_file_schema() -> dict:
    from ..checks.registry import DURATION_SCHEMA, TOLERANCE_SCHEMA, WORDS_SCHEMA

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://claimcheck.invalid/schema/rules-v1.json",
        "title": "claimcheck rule file",
        "type": "object",
        "additionalProperties": False,
        "required": ["version"],
        "properties": {
            "version": {"const": 1},
            "name": {"type": "string"},
            "description": {"type": "string"},
            "synonyms": {
                "type": "object",
                "additionalProperties": False,
                "properties": {key: {"type": "object", "additionalProperties": WORDS_SCHEMA} for key in ("measure", "actor", "place")},
            },
            "defaults": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"window": DURATION_SCHEMA, "tolerance": TOLERANCE_SCHEMA,
                               "archive_from": {"type": "integer", "minimum": 1,
                                                "description": "documents from which a run is an archive, whose "
                                                               "standing quantities are compared decade by decade"}},
            },
            "rules": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "kind"],
                    "properties": {"kind": {"enum": list(kind_names())}},
                    "allOf": [_rule_schema(kind) for kind in kind_names()],
                },
            },
        },
    }


def allowed_keys(kind: str | None) -> set[str]:
    keys = set(common_keys())
    if kind in kind_names():
        keys |= set(kind_keys(kind))
    return keys


TOP_LEVEL_KEYS = {"version", "name", "description", "synonyms", "defaults", "rules"}


def __getattr__(name: str) -> Any:  # RULE_FILE_SCHEMA is built on first use (it reads every rule kind)
    if name == "RULE_FILE_SCHEMA":
        return rule_file_schema()
    raise AttributeError(name)
