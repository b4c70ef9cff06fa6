"""Checking claims: the rule kinds (one module each in ``kinds/``, declared in :mod:`.registry`), what they read
(:mod:`.context`) and running a rule set over a document set (:mod:`.runner`)."""

from .context import CheckContext
from .registry import RuleKind, rule_kinds, runs_per

__all__ = ["CheckContext", "RuleKind", "rule_kinds", "runs_per"]
