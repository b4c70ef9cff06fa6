"""Baselines and suppressions: what a team has already accepted stays quiet, and what it accepted that
is gone, or suppressions that no longer match anything, are reported."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .errors import InputError
from .model import Document, Finding
from .output.atomic import atomic_write

BASELINE_FORMAT = 1


def write_baseline(findings: list[Finding], path: str | Path) -> int:
    """Record today's violated findings by fingerprint; returns how many."""
    entries = sorted({f.fingerprint: {"fingerprint": f.fingerprint, "rule": f.rule, "docs": sorted({c.doc for c in f.claims}),
                                      "message": f.message} for f in findings if f.status == "violated"}.values(),
                     key=lambda entry: (entry["rule"], entry["fingerprint"]))
    with atomic_write(path) as stream:
        json.dump({"tool": "claimcheck", "format": BASELINE_FORMAT, "findings": entries}, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
    return len(entries)


def read_baseline(path: str | Path) -> dict[str, dict]:
    from .inputs import read_setting_text

    name = str(path)
    if not Path(path).exists() and not Path(path).is_symlink():
        raise InputError("no such baseline file (create one with --write-baseline)", name)
    try:
        data = json.loads(read_setting_text(path, "baseline"))
    except json.JSONDecodeError as error:
        raise InputError(f"baseline is not valid JSON: {error.msg}", name, error.lineno, error.colno) from None
    except (ValueError, RecursionError):
        raise InputError("baseline is not a claimcheck baseline (a number too long, or nesting too deep): re-create it "
                         "with --write-baseline", name) from None
    if not isinstance(data, dict) or data.get("tool") != "claimcheck" or not isinstance(data.get("findings"), list):
        raise InputError("not a claimcheck baseline (expected {\"tool\": \"claimcheck\", \"findings\": [...]})", name)
    if data.get("format") != BASELINE_FORMAT:
        raise InputError(f"baseline format {data.get('format')!r} is not supported (this claimcheck writes {BASELINE_FORMAT})", name)
    entries = {}
    for number, entry in enumerate(data["findings"], 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise InputError(f"baseline entry {number} has no fingerprint string: re-create it with --write-baseline", name)
        entries[entry["fingerprint"]] = entry
    return entries


@dataclass
class Suppression:
    reason: str
    fingerprint: str | None = None
    rule: str | None = None
    doc: str | None = None
    expires: date | None = None
    origin: str = ""
    used: int = 0
    inline: bool = False  # a claimcheck-ignore comment in the document

    def matches(self, finding: Finding) -> bool:
        if self.fingerprint:
            return finding.fingerprint == self.fingerprint
        docs = {claim.doc for claim in finding.claims} | {claim.doc.split("#")[0] for claim in finding.claims}
        return finding.rule == self.rule and (self.doc is None or self.doc in docs or any(d.endswith("/" + self.doc) for d in docs))


def read_suppressions(path: str | Path) -> list[Suppression]:
    """A YAML file: ``suppressions: [{fingerprint | rule (+ doc), reason, expires?}]``."""
    from .inputs import read_setting_text
    from .yamlfiles import YamlError, load_yaml

    name = str(path)
    if not Path(path).exists() and not Path(path).is_symlink():
        raise InputError("no such suppressions file", name)
    try:
        data = load_yaml(read_setting_text(path, "suppressions file")) or {}
    except YamlError as error:
        raise InputError(error.message, name, error.line, error.column) from None
    entries = data.get("suppressions") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError("a suppressions file is a mapping with a 'suppressions:' list", name)
    suppressions = []
    for index, entry in enumerate(entries):
        line = entries.lc.item(index)[0] + 1
        if not isinstance(entry, dict) or not entry.get("reason") or not (entry.get("fingerprint") or entry.get("rule")):
            raise InputError("each suppression needs a reason and a fingerprint or a rule", name, line)
        for key in ("fingerprint", "rule", "doc"):
            if entry.get(key) is not None and not isinstance(entry.get(key), str):
                raise InputError(f"{key} should be text, not {type(entry[key]).__name__}", name, line)
        expires = entry.get("expires")
        if isinstance(expires, datetime):
            expires = expires.date()
        elif isinstance(expires, str):
            try:
                expires = date.fromisoformat(expires)
            except ValueError:
                raise InputError(f"expires {expires!r} is not a date (YYYY-MM-DD)", name, line) from None
        elif expires is not None and not isinstance(expires, date):
            raise InputError(f"expires {expires!r} is not a date (YYYY-MM-DD)", name, line)
        suppressions.append(Suppression(str(entry["reason"]), entry.get("fingerprint"), entry.get("rule"),
                                        entry.get("doc"), expires, f"{name}:{line}"))
    return suppressions


@dataclass
class Triage:
    """Findings after baseline and suppressions: what is shown, and what was held back and why."""

    shown: list[Finding]
    baselined: list[Finding] = field(default_factory=list)
    gone: list[dict] = field(default_factory=list)
    suppressed: list[tuple[Finding, Suppression]] = field(default_factory=list)
    unused: list[Suppression] = field(default_factory=list)
    expired: list[Suppression] = field(default_factory=list)
    unknown: list[Suppression] = field(default_factory=list)  # naming a rule no loaded pack has
    baseline_file: str | None = None
    in_baseline: set[str] = field(default_factory=set)  # the baseline's fingerprints (a suppressed finding may be one)

    def held_back(self) -> list[tuple[Finding, str, str]]:
        """Each suppressed or baselined finding with how it was accepted, in SARIF's words: the suppression's
        ``kind`` (``inSource`` for a comment in the document, ``external`` otherwise) and its justification."""
        held = [(finding, "inSource" if suppression.inline else "external", suppression.reason)
                for finding, suppression in self.suppressed]
        where = f" ({self.baseline_file})" if self.baseline_file else ""
        return held + [(finding, "external", f"accepted in the baseline{where}") for finding in self.baselined]


def triage(findings: list[Finding], documents: list[Document], baseline: dict[str, dict] | None = None,
           suppressions: list[Suppression] | None = None, today: date | None = None,
           rules: Iterable[str] | None = None) -> Triage:
    """Split findings into shown, suppressed and baselined; with ``rules`` (the loaded rule ids), suppressions
    naming another rule are listed as ``unknown`` rather than unused."""
    today = today or date.today()
    inline = [Suppression(reason or "inline", rule=rule, doc=document.id, origin=_inline_origin(document, rule),
                          inline=True)
              for document in documents for rule, reason in document.ignores]
    active, expired = [], []
    for suppression in [*(suppressions or []), *inline]:
        (expired if suppression.expires and suppression.expires < today else active).append(suppression)
    result = Triage(shown=[], expired=expired, in_baseline=set(baseline or ()))
    for finding in findings:
        match = next((s for s in active if finding.status == "violated" and s.matches(finding)), None)
        if match is not None:
            match.used += 1
            result.suppressed.append((finding, match))
        elif baseline is not None and finding.status == "violated" and finding.fingerprint in baseline:
            result.baselined.append(finding)
        else:
            result.shown.append(finding)
    known = set(rules) if rules is not None else None
    result.unknown = [s for s in [*active, *expired] if known is not None and s.rule and s.rule not in known]
    unknown = {id(s) for s in result.unknown}
    result.unused = [s for s in active if not s.used and id(s) not in unknown]
    if baseline is not None:
        present = {f.fingerprint for f in findings if f.status == "violated"}
        result.gone = [entry for fingerprint, entry in baseline.items() if fingerprint not in present]
    return result


def _inline_origin(document: Document, rule: str) -> str:
    """``doc:line`` of a claimcheck-ignore comment (as read: HTML comments are gone from the extracted text)."""
    position = document.text.find(f"claimcheck-ignore {rule}")
    if position < 0:
        return f"{document.id} (inline)"
    return f"{document.id}:{document.line_column(position)[0]} (inline)"
