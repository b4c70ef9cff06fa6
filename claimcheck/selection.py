"""Which findings a run reports: ``--select`` / ``--ignore`` by rule id or kind, and ``--changed`` (findings that
involve a changed file, the changed files compared with the whole corpus).

Both narrow what is reported after checking, not what is checked: a fallback rule does not start judging pairs
that an ignored rule would have judged, and the changed files meet every other document they should be compared
with. Counts, exit codes and every format then follow from the narrowed result.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import InputError
from .model import Finding
from .result import CheckResult
from .rules import RuleSet


def selected_rules(rule_set: RuleSet, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> set[str] | None:
    """The ids of the rules to report (None: all). Each selector is a rule id or a kind, possibly several
    separated by commas; an unknown one is an input error with the closest known name."""
    rules = rule_set.rules
    chosen = _expand(rules, select, "--select")
    dropped = _expand(rules, ignore, "--ignore")
    if chosen is None and not dropped:
        return None
    return (chosen if chosen is not None else {rule.id for rule in rules}) - (dropped or set())


def _expand(rules, selectors: Iterable[str], option: str) -> set[str] | None:
    names = [name.strip() for selector in selectors for name in selector.split(",") if name.strip()]
    if not names:
        return None
    kinds = {rule.kind for rule in rules}
    ids = {rule.id for rule in rules}
    found: set[str] = set()
    for name in names:
        if name in ids:
            found.add(name)
        elif name in kinds:
            found |= {rule.id for rule in rules if rule.kind == name}
        else:
            close = difflib.get_close_matches(name, sorted(ids | kinds), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "see claimcheck rules list"
            raise InputError(f"{option} {name!r}: no rule or rule kind of that name ({hint})")
    return found


def keep(result: CheckResult, wanted: Callable[[Finding], bool], rules: set[str] | None = None) -> None:
    """Narrow a result to the findings ``wanted`` accepts (shown, suppressed and baselined alike) and, with
    ``rules``, to those rules (what SARIF and JUnit list)."""
    result.findings = [finding for finding in result.findings if wanted(finding)]
    if rules is not None:
        result.rules = [rule for rule in result.rules if rule in rules]
    triage = result.triage
    if triage is not None:
        triage.shown = [finding for finding in triage.shown if wanted(finding)]
        triage.baselined = [finding for finding in triage.baselined if wanted(finding)]
        triage.suppressed = [(finding, why) for finding, why in triage.suppressed if wanted(finding)]
        if rules is not None:  # an unselected rule's suppressions are neither used nor unused in this run
            triage.unused = [s for s in triage.unused if not s.rule or s.rule in rules]


# ---- --changed ------------------------------------------------------------------------------------------------

def changed_run(paths: list[str]) -> tuple[list[str], set[str]]:
    """What to read for ``check --changed PATHS``, and the real paths of the changed files: the files among
    ``paths`` are the changed ones, the folders the corpus they are compared with. Without a folder the corpus is
    the working directory: the documents git lists there (tracked or new, ignored ones left out), or every
    document in it outside git. Each document is read once, under the name it was given as changed, and in the
    corpus's order, so the findings are those of a whole run (changed files outside the corpus come last)."""
    from .documents.readers import SUPPORTED_SUFFIXES, document_files

    changed = [path for path in paths if not os.path.isdir(path)]
    if not changed:
        raise InputError("--changed needs the changed files (and, optionally, the corpus folders to compare them with)")
    folders = [path for path in paths if os.path.isdir(path)]
    corpus = [file for folder in folders for file in document_files(folder)] if folders else \
        _listed_by_git(".", SUPPORTED_SUFFIXES) or document_files(".")
    spelled = {os.path.realpath(path): path for path in changed}
    real = set(spelled)
    ordered = [spelled.pop(os.path.realpath(file), file) for file in corpus]  # the corpus order, as a whole run reads it
    return ordered + list(spelled.values()), real


def _listed_by_git(folder: str, suffixes) -> list[str] | None:
    try:
        listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=folder,
                                capture_output=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = [name for name in listed.decode("utf-8", "surrogateescape").split("\0") if name]
    return sorted({os.path.normpath(os.path.join(folder, name)) for name in files
                   if os.path.splitext(name)[1].lower() in suffixes
                   and not any(part.startswith(".") for part in Path(name).parts) and os.path.isfile(os.path.join(folder, name))},
                  key=lambda name: Path(name).parts)


def involves(result: CheckResult, changed: set[str]) -> Callable[[Finding], bool]:
    """Whether a finding quotes a claim of a changed file (a dataset row counts as its file)."""
    docs = {document.id for document in result.documents
            if document.path and os.path.realpath(document.path) in changed}
    return lambda finding: any(claim.doc in docs for claim in finding.claims)
