"""The JSON Schema of a rule file (``claimcheck rules schema`` prints it for editors)."""

from __future__ import annotations

KINDS = ("sum", "agree", "range", "partition", "change", "reference")
SCOPES = ("sentence", "paragraph", "document")

_TOLERANCE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "rel": {"type": "number", "minimum": 0, "description": "relative: 0.05 is 5% of the larger value"},
        "abs": {"type": ["number", "string"], "description": "absolute, in the claims' unit or as a quantity ('2 km')"},
        "points": {"type": "number", "minimum": 0, "description": "percentage points, for percentages"},
    },
}
_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_DURATION = {"type": "string", "pattern": r"^\d+\s*[dwmy]$", "description": "e.g. 30d, 12w, 6m, 1y"}
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

COMMON_KEYS = {
    "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
    "kind": {"enum": list(KINDS)},
    "severity": {"enum": ["error", "warning", "info"]},
    "description": {"type": "string"},
    "enabled": {"type": "boolean"},
    "measures": _WORDS,
    "units": _WORDS,
    "examples": {"type": "array", "items": _EXAMPLE},
}
KIND_KEYS: dict[str, dict] = {
    "sum": {"scope": {"enum": list(SCOPES)}, "tolerance": _TOLERANCE, "total_cues": _WORDS, "min_parts": {"type": "integer", "minimum": 2}},
    "agree": {"tolerance": _TOLERANCE, "percent_tolerance": _TOLERANCE, "window": _DURATION, "fallback": {"type": "boolean"},
              "within_document": {"type": "boolean"}},
    "range": {"min": {"type": "number"}, "max": {"type": "number"}, "pattern": {"type": "string"},
              "exclude_words": _WORDS},
    "partition": {"scope": {"enum": list(SCOPES)}, "complete_cues": _WORDS, "min_parts": {"type": "integer", "minimum": 2}},
    "change": {"increase_words": _WORDS, "decrease_words": _WORDS, "tolerance": _TOLERANCE},
    "reference": {"table": {"type": "string"}, "pattern": {"type": "string"}, "tolerance": _TOLERANCE},
}
REQUIRED_KEYS = {"reference": ["table", "pattern"]}


def _rule_schema(kind: str) -> dict:
    return {
        "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
        "then": {
            "properties": {**COMMON_KEYS, **KIND_KEYS[kind]},
            "additionalProperties": False,
            "required": ["id", "kind", *REQUIRED_KEYS.get(kind, [])],
        },
    }


RULE_FILE_SCHEMA: dict = {
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
            "properties": {key: {"type": "object", "additionalProperties": _WORDS} for key in ("measure", "actor", "place")},
        },
        "defaults": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"window": _DURATION, "tolerance": _TOLERANCE},
        },
        "rules": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "kind"],
                "properties": {"kind": {"enum": list(KINDS)}},
                "allOf": [_rule_schema(kind) for kind in KINDS],
            },
        },
    },
}


def allowed_keys(kind: str | None) -> set[str]:
    keys = set(COMMON_KEYS)
    if kind in KIND_KEYS:
        keys |= set(KIND_KEYS[kind])
    return keys


TOP_LEVEL_KEYS = set(RULE_FILE_SCHEMA["properties"])
