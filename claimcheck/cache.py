"""Results of earlier runs, so that a re-run does only the work its changes call for.

Two kinds of entry live in the cache folder:

- per document, keyed by its content, the extractor version and the settings that change extraction:
  its claims and diagnostics, and the findings of the document-local rules (with the digest of the
  rule set that produced them);
- per run, keyed by every document's key and identity, the rule set and the extraction settings: the
  findings of the whole run, which an unchanged re-run reports without reading a claim.

Entries are JSON written to a temporary file and renamed into place, so concurrent and interrupted runs never
leave a half-written entry; an unreadable entry, or one not written for the key it is read under, is simply
recomputed. Nothing in the folder can run code or make a run hang (see :mod:`claimcheck.cache_files`), and every
claim and finding read from it is checked for its fields' types.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import operator
import os
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .about import code_stamp
from .errors import Diagnostic
from .cache_files import mark_folder, read_json, real_folder, write_entry
from .memo import answer_fits, memos
from .model import CLAIM_FIELDS, Claim, Document, Event, Finding
from .model.finding import SEVERITIES, STATUSES

CACHE_FORMAT = "10"  # claims as rows in field order (infinite bounds as Infinity); findings refer to claims by position;
#                     a run's document rows name the measures each document states, and its events; every entry names
#                     its key
_MEMO_LIMIT = 50_000  # answers kept per memo
_RUNS_KEPT = 8  # run entries kept (most recent first): one per corpus and configuration a project checks


@dataclass
class StoredRun:
    """A run as the cache keeps it: enough to report it again, or to patch it when documents were only reworded."""

    findings: list[Finding]
    diagnostics: list[Diagnostic]
    counts: dict[str, int]  # claims, claims_checked, facts
    #: per document, in order: [key, digest of its compared claims, claims, positions read by rules within
    #: the document, positions read by rules across documents, the measures it states figures of]
    documents: list[list]
    where: dict[int, tuple[int, int]]  # id(quoted claim) -> (document position, position among its claims)
    events: list[Event] = field(default_factory=list)


#: written into a new cache folder, as ruff does: the folder never shows in ``git status`` and backup tools skip it
class ResultCache:
    def __init__(self, folder: str | Path, settings_key: str):
        self.root = str(folder)
        self.folder = Path(folder) / f"documents-v{CACHE_FORMAT}"
        self._folder = str(self.folder)
        self.runs = Path(folder) / f"runs-v{CACHE_FORMAT}"
        self.facts = Path(folder) / f"facts-v{CACHE_FORMAT}"
        self.settings_key = settings_key
        self.hits = self.misses = 0
        self._entries: dict[str, dict] = {}  # document entries read or written in this run
        self._keys: dict[int, tuple[Document, str]] = {}
        self._stored_answers: dict[str, int] = {}  # memo name -> answers its file held when recalled  # id(document) -> (document, key), for this run
        self._marked = False

    # ---- documents ------------------------------------------------------------------------------------
    def key(self, document: Document) -> str:
        known = self._keys.get(id(document))
        if known is not None and known[0] is document:
            return known[1]
        key = self._key(document)
        self._keys[id(document)] = (document, key)
        return key

    def _key(self, document: Document) -> str:
        digest = hashlib.sha256()
        for part in (self.settings_key, code_stamp(), document.id, document.text, document.date or "", document.outlet or "",
                     str(document.row or ""), json.dumps(document.values, sort_keys=True) if document.values else ""):
            digest.update(part.encode("utf-8", "surrogateescape"))
            digest.update(b"\0")
        return digest.hexdigest()

    def has(self, document: Document) -> bool:
        """Whether an entry was stored for this document (it may still turn out unreadable)."""
        key = self.key(document)
        found = key in self._entries or os.path.isfile(self._path(key))
        self.misses += not found
        return found

    def get(self, document: Document) -> tuple[list[Claim], list[Diagnostic]] | None:
        """The claims and diagnostics extracted from this document before, or None."""
        return self._claims(self.key(document))

    def claim_rows(self, document: Document) -> list[list] | None:
        """This document's claims as stored: rows of fields in :data:`CLAIM_FIELDS` order (for a caller that
        builds only the few claims it needs)."""
        rows = self._entry(self.key(document)).get("claims")
        measure = CLAIM_FIELDS.index("measure")
        return rows if isinstance(rows, list) and all(isinstance(row, list) and len(row) == len(CLAIM_FIELDS)
                                                      and isinstance(row[measure], (str, type(None))) for row in rows) else None

    def stored_claims(self, key: str) -> list[Claim] | None:
        """The claims stored under a document key (of an earlier version of a document, say), or None."""
        found = self._claims(key)
        return found[0] if found is not None else None

    def _claims(self, key: str) -> tuple[list[Claim], list[Diagnostic]] | None:
        entry = self._entry(key)
        try:
            claims = [claim_from_row(row) for row in entry["claims"]]
            diagnostics = [_diagnostic(item) for item in entry.get("diagnostics", [])]
        except (KeyError, TypeError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return claims, diagnostics

    def put(self, document: Document, claims: list[Claim], diagnostics: list[Diagnostic] = ()) -> None:
        key = self.key(document)
        entry = {"key": key, "claims": [claim_row(claim) for claim in claims], "diagnostics": [asdict(d) for d in diagnostics]}
        self._entries[key] = entry
        self._write_json(self._path(key), entry)

    def local_findings(self, document: Document, rules: str, claims: list[Claim]) -> tuple[list[Finding], list[Claim]] | None:
        """The document-local findings and checked claims stored for the rule set with digest ``rules``."""
        checks = self._entry(self.key(document)).get("checks")
        if not isinstance(checks, dict) or checks.get("rules") != rules:
            return None
        return _decode_checks(checks, claims)

    def put_local_findings(self, document: Document, rules: str, claims: list[Claim], findings: list[Finding],
                           checked: list[Claim]) -> None:
        key = self.key(document)
        entry = self._entry(key)
        checks = _encode_checks(claims, findings, checked)
        if "claims" in entry and checks is not None:
            entry["checks"] = {"rules": rules, **checks}
            self._write_json(self._path(key), entry)

    # ---- facts ----------------------------------------------------------------------------------------
    def fact_key(self, fact: str, rules: str, claims: list[Claim]) -> str:
        """A fact's claims as the rules across documents read them (where in the text they sit is left out:
        an edit elsewhere in a document does not change what its figures say)."""
        digest = hashlib.sha256(f"{code_stamp()}\0{rules}\0{fact}".encode("utf-8", "surrogateescape"))
        # marshal format 2 writes every value out (no back-references that depend on object identity)
        digest.update(marshal.dumps(tuple(map(compared, claims)), 2))
        return digest.hexdigest()

    def fact_findings(self, key: str, claims: list[Claim]) -> tuple[list[Finding], list[Claim]] | None:
        path = self.facts / key[:2] / f"{key}.json"
        stored = read_json(path)
        if not isinstance(stored, dict) or stored.get("key") != key:
            return None
        _touch(path)  # recently used: kept when entries no run has used lately are pruned
        return _decode_checks(stored, claims)

    def put_fact_findings(self, key: str, claims: list[Claim], findings: list[Finding], checked: list[Claim]) -> None:
        checks = _encode_checks(claims, findings, checked)
        if checks is not None:
            self._write_json(self.facts / key[:2] / f"{key}.json", {"key": key, **checks})

    def _entry(self, key: str) -> dict:
        entry = self._entries.get(key)
        if entry is None:
            entry = read_json(self._path(key))
            if not isinstance(entry, dict) or entry.get("key") != key:
                entry = {}
            self._entries[key] = entry
        return entry

    def _write_json(self, path: str | Path, data: Any) -> None:
        if not self._marked:  # the first entry of this run: the folder gets its .gitignore and CACHEDIR.TAG
            try:
                os.makedirs(self.root, exist_ok=True)
            except OSError:
                pass  # a cache that cannot be written only costs time
            mark_folder(self.root)
            self._marked = True
        write_entry(path, json.dumps(data).encode("utf-8", "surrogateescape"), self.root)  # one call to the C encoder

    def _path(self, key: str) -> str:
        return os.path.join(self._folder, key[:2], key + ".json")  # plain strings: thousands are built per run

    # ---- remembered answers of slow libraries ----------------------------------------------------------
    def recall_memos(self) -> None:
        """Teach the process's memos (see :mod:`claimcheck.memo`) what earlier runs worked out."""
        for name, found in memos().items():
            self._stored_answers[name] = 0
            stored = read_json(self._memo_path(name))
            if (isinstance(stored, dict) and stored.get("stamp") == _library_stamp() and stored.get("memo") == name
                    and isinstance(stored.get("answers"), dict)):
                answers = {question: answer for question, answer in stored["answers"].items() if answer_fits(name, answer)}
                found.learn(answers)
                self._stored_answers[name] = len(answers)

    def keep_memos(self) -> None:
        """Store what the memos worked out in this run, beside what was stored before (up to a limit)."""
        for name, found in memos().items():
            new = found.drain()
            if name in self._stored_answers and (new or len(found.known) > self._stored_answers[name]):
                answers = dict(list(found.known.items())[-_MEMO_LIMIT:])
                self._write_json(self._memo_path(name), {"memo": name, "stamp": _library_stamp(), "answers": answers})

    def _memo_path(self, name: str) -> str:
        return os.path.join(self.root, f"memos-v{CACHE_FORMAT}", f"{name}.json")

    # ---- runs -----------------------------------------------------------------------------------------
    def run_key(self, documents: list[Document], identities: dict[str, str], rules: str) -> str:
        digest = hashlib.sha256(f"{self.settings_key}\0{code_stamp()}\0{rules}".encode())
        for document in documents:
            digest.update(f"\0{identities.get(document.id, document.id)}\0{self.key(document)}".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    def corpus_key(self, documents: list[Document], identities: dict[str, str], rules: str) -> str:
        """The same documents (by identity, whatever they say), rules and settings: runs that can be patched."""
        digest = hashlib.sha256(f"{self.settings_key}\0{code_stamp()}\0{rules}".encode())
        for document in documents:
            digest.update(f"\0{identities.get(document.id, document.id)}".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    def get_run(self, key: str, documents: list[list] | None = None) -> StoredRun | None:
        """A run's findings as :meth:`put_run` stored them (``documents`` as :meth:`latest_documents` gave them)."""
        path = self.runs / f"{key}.json"
        stored = read_json(path)
        if not isinstance(stored, dict) or stored.get("key") != key:
            return None
        _touch(path)  # recently used: kept when older runs are pruned
        try:
            claims = [claim_from_row(row) for row in stored["claims"]]
            counts = {str(name): int(count) for name, count in dict(stored["counts"]).items()}
            where = [(int(document), int(position)) for document, position in stored["where"]]
            return StoredRun(decode_findings(stored["findings"], claims),
                             [_diagnostic(item) for item in stored["diagnostics"]], counts,
                             documents or [], {id(claim): at for claim, at in zip(claims, where, strict=True)},
                             [Event(**dict(item)) for item in stored.get("events", [])])
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None

    def latest_documents(self, corpus: str) -> tuple[str, list[list]] | None:
        """The key of the last run stored for this corpus key, and what it knew of each document (small: read
        before deciding whether that run's findings are worth loading)."""
        latest = read_json(self.runs / f"latest-{corpus}.json")
        if not isinstance(latest, dict) or latest.get("key") != corpus:
            return None
        try:
            documents = list(latest["documents"])
            if not all(_document_row(row) for row in documents):
                return None
            return str(latest["run"]), documents
        except (KeyError, TypeError):
            return None

    def put_run(self, key: str, corpus: str, run: StoredRun) -> None:
        quoted: dict[int, Claim] = {}
        for finding in run.findings:
            for claim in [*finding.claims, *(finding.about or [])]:
                quoted.setdefault(id(claim), claim)
        if not all(identity in run.where for identity in quoted):
            return
        encoded = encode_findings(run.findings, {identity: i for i, identity in enumerate(quoted)})
        self._write_json(self.runs / f"{key}.json", {
            "key": key, "claims": [claim_row(claim) for claim in quoted.values()], "where": [run.where[i] for i in quoted],
            "findings": encoded, "diagnostics": [asdict(d) for d in run.diagnostics], "counts": run.counts,
            "events": [event.to_dict() for event in run.events]})
        self._write_json(self.runs / f"latest-{corpus}.json", {"key": corpus, "run": key, "documents": run.documents})
        self._prune_runs()

    def _prune_runs(self) -> None:
        """Keep the most recent runs, and the fact entries they (or any later run) used."""
        if not real_folder(self.runs):
            return  # pruning deletes files: never through a symbolic link
        try:
            entries = sorted((path for path in self.runs.glob("*.json") if _ENTRY_NAME.fullmatch(path.name)),
                             key=lambda path: path.stat().st_mtime, reverse=True)
            for path in entries[_RUNS_KEPT:]:
                path.unlink(missing_ok=True)
            if len(entries) >= _RUNS_KEPT and real_folder(self.facts):
                oldest = entries[_RUNS_KEPT - 1].stat().st_mtime
                for folder in self.facts.iterdir():
                    if not (_PREFIX.fullmatch(folder.name) and real_folder(folder)):
                        continue
                    for path in folder.glob("*.json"):
                        if _ENTRY_NAME.fullmatch(path.name) and path.lstat().st_mtime < oldest:
                            path.unlink(missing_ok=True)
        except OSError:
            pass  # another run pruned first


@lru_cache(maxsize=1)
def _library_stamp() -> str:
    """Remembered answers hold for these versions only (and this code: a unit's dimension depends on its definitions)."""
    from importlib.metadata import PackageNotFoundError, version

    versions = [code_stamp()]
    for package in ("quantulum3", "simplemma", "pint"):
        try:
            versions.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            versions.append(f"{package} ?")
    return "; ".join(versions)


# ---- encoding -------------------------------------------------------------------------------------------

claim_row = operator.attrgetter(*CLAIM_FIELDS)  # a claim's fields as a tuple of scalars (infinite bounds: Infinity)


def claim_from_row(row: list) -> Claim:
    """A claim from its stored row; a row whose fields do not have a claim's types is refused (TypeError)."""
    if len(row) != len(_ROW_CHECKS) or not all(map(isinstance, row, _ROW_CHECKS)):
        raise TypeError("a stored claim's fields have the wrong types")
    return Claim(*row)


#: The claim fields the rules across documents read (not where the claim sits in its text).
compared = operator.attrgetter("doc", "text", "value", "low", "high", "bound", "is_range", "unit", "measure", "place",
                                "actor", "date", "outcome", "qualifier", "type", "subject", "source", "scope", "sentence")


def compared_digest(claims: list[Claim]) -> str:
    """What a document's claims say, leaving out where they sit: equal before and after a rewording."""
    return hashlib.sha256(marshal.dumps(tuple(map(compared, claims)), 2)).hexdigest()


def _encode_checks(claims: list[Claim], findings: list[Finding], checked: list[Claim]) -> dict | None:
    positions = {id(claim): i for i, claim in enumerate(claims)}
    encoded = encode_findings(findings, positions)
    if encoded is None:
        return None
    return {"findings": encoded, "checked": [positions[id(claim)] for claim in checked]}


def _decode_checks(stored: dict, claims: list[Claim]) -> tuple[list[Finding], list[Claim]] | None:
    try:
        return decode_findings(stored["findings"], claims), [claims[i] for i in stored["checked"]]
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def encode_findings(findings: list[Finding], positions: dict[int, int]) -> list[list] | None:
    """Findings as rows whose claims are positions in a claims table; None when a claim is not in it."""
    try:
        return [[f.rule, f.kind, f.status, f.severity, f.message, f.fact, f.fingerprint,
                 [positions[id(claim)] for claim in f.claims],
                 None if f.about is None else [positions[id(claim)] for claim in f.about]] for f in findings]
    except KeyError:
        return None


def decode_findings(rows: list[list], claims: list[Claim]) -> list[Finding]:
    findings = []
    for rule, kind, status, severity, message, fact, fingerprint, quoted, about in rows:
        if (status not in STATUSES or severity not in SEVERITIES or not all(isinstance(part, str) for part in (rule, kind, message, fingerprint))
                or not (fact is None or isinstance(fact, str))):
            raise TypeError("a stored finding's fields have the wrong types")
        findings.append(Finding(rule, kind, status, severity, message, [claims[i] for i in quoted], fact, fingerprint,
                                None if about is None else [claims[i] for i in about]))
    return findings


def _touch(path: Path) -> None:
    try:
        os.utime(path, follow_symlinks=False)
    except (OSError, NotImplementedError):
        pass


_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.json")  # the only files pruning deletes
_PREFIX = re.compile(r"[0-9a-f]{2}")
_ROW_TYPES = {"doc": (str,), "start": (int,), "end": (int,), "text": (str,), "sentence": (str,), "value": (float, int),
              "low": (float, int, type(None)), "high": (float, int, type(None)), "bound": (str,), "is_range": (bool,),
              "unit": (str,), "line": (int,), "column": (int,)}
_ROW_CHECKS = tuple(_ROW_TYPES.get(name, (str, type(None))) for name in CLAIM_FIELDS)


def _document_row(row: Any) -> bool:
    """[key, digest, claim count, positions read within, positions read across, measures, event id] with those
    types."""
    if not (isinstance(row, list) and len(row) == 7 and isinstance(row[0], str) and isinstance(row[1], str)
            and type(row[2]) is int and isinstance(row[5], list) and all(isinstance(measure, str) for measure in row[5])
            and (row[6] is None or isinstance(row[6], str))):
        return False
    return all(isinstance(positions, list) and all(type(i) is int and 0 <= i < row[2] for i in positions)
               for positions in row[3:5])


def _diagnostic(item: Any) -> Diagnostic:
    if not isinstance(item, dict):
        raise TypeError("a diagnostic is a mapping")
    diagnostic = Diagnostic(**item)
    if not (isinstance(diagnostic.doc, str) and isinstance(diagnostic.message, str) and isinstance(diagnostic.line, int)
            and isinstance(diagnostic.column, int) and isinstance(diagnostic.severity, str)):
        raise TypeError("a diagnostic's fields have the wrong types")
    return diagnostic
