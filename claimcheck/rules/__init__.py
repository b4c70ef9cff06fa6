"""Rule packs: YAML files of rules, validated, with their synonyms and defaults."""

from typing import Any

from .loader import bundled_rules_path, load_rules, resolve_rules
from .ruleset import Rule, RuleSet, Synonyms, Tolerance

__all__ = ["RULE_FILE_SCHEMA", "Rule", "RuleSet", "Synonyms", "Tolerance", "bundled_rules_path", "load_rules",
           "resolve_rules"]


def __getattr__(name: str) -> Any:  # the schema is built from the rule kinds on first use
    if name == "RULE_FILE_SCHEMA":
        from .schema import rule_file_schema

        return rule_file_schema()
    raise AttributeError(name)
