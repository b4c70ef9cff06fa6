"""Measuring claimcheck against annotated gold: extraction (claims) and rules (findings)."""

from .extraction import Scores, evaluate, read_gold
from .findings import FindingScores, evaluate_findings, read_findings_gold

__all__ = ["FindingScores", "Scores", "evaluate", "evaluate_findings", "read_findings_gold", "read_gold"]
