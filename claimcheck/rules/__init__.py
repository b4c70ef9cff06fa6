"""Rule packs: YAML files of rules, validated, with their synonyms and defaults."""

from .loader import bundled_rules_path, load_rules, resolve_rules
from .ruleset import Rule, RuleSet, Synonyms, Tolerance
from .schema import RULE_FILE_SCHEMA

__all__ = ["RULE_FILE_SCHEMA", "Rule", "RuleSet", "Synonyms", "Tolerance", "bundled_rules_path", "load_rules", "resolve_rules"]
