"""What a worker does with its share of a run: the same code as a run in one process (document rules with
:func:`~claimcheck.checks.runner.check_document`; facts with :func:`~claimcheck.checks.runner.check_forming`, in
:mod:`claimcheck.cluster.blocks`), on a partition of documents or a block of claims, with what is needed to put the
findings in one run's order.

One run orders its findings by :func:`~claimcheck.result.sort_key`, and findings that tie in it as they were
found: every document's own findings in document order, then every fact's findings in the order of the facts.
Each finding here carries that whole order as a string that sorts the same way (:func:`order_key`): documents are
numbered by partition and place in it, and a fact by the claim that started its group and its place among the facts
split from that group. Nothing here imports Dask: :mod:`claimcheck.cluster.run` calls these on workers.
"""

from __future__ import annotations

import functools
import pickle
import struct
import sys
import warnings
from collections import Counter
from dataclasses import dataclass, field

from ..checks.runner import check_document, fingerprint_all
from ..documents import DatasetSpec
from ..errors import ClaimcheckWarning, Diagnostic
from ..inputs import Limits
from ..events import event_id
from ..extraction import ExtractionOptions
from ..evidence import page_figures
from ..facts import fact_blocks
from ..model import Claim, Document, Finding
from ..model.claim import CLAIM_FIELDS
from ..result import SEVERITY_ORDER, STATUS_ORDER
from ..rules import RuleSet
from .sources import Part, read_partition

_SHIFT = 32  # a document's number: its partition's, shifted, and its place in the partition
NOTES_PER_PART = 200  # warnings a partition reports word for word; the rest are counted


def document_number(part: int, position: int) -> int:
    return (part << _SHIFT) | position


def partition_of(number: int) -> int:
    return number >> _SHIFT


@dataclass
class RunSettings:
    """What every worker of a run is given once: the rules, how documents are read and extracted, the project root
    (identities are relative to it), and what decides which findings are shown (suppressions, baseline, selection)."""

    rules: RuleSet
    options: ExtractionOptions
    dataset: DatasetSpec | None
    encoding: str | None
    root: str
    suppressions: list = field(default_factory=list)  # active suppressions of a file, in its order
    baseline: frozenset[str] | None = None  # fingerprints
    reported: frozenset[str] | None = None  # rule ids --select/--ignore leave (None: all)
    limits: Limits = field(default_factory=Limits)  # how much one document may hold, as for one process
    by_decade: bool = False  # the run is an archive (RuleSet.is_archive): standing quantities grouped by decade


# ---- a worker's memory between tasks ----------------------------------------------------------------------------

_MEMO = 4096  # an lru_cache this large memoizes per sentence or per claim; smaller ones hold loaded data or names


def forget() -> None:
    """Empty claimcheck's per-sentence memo caches (``lru_cache`` of 4096 entries or more: the sentence terms, slots
    and near words the evidence reads, normalised texts) and hand freed heap back to the system, after a partition
    or a block is done. One process keeps them for the whole run; a worker that did the same would grow with every
    partition it is given until each cache is full (65,536 sentences each, some hundreds of MiB), so its memory would
    depend on the corpus, not on the partition. Memoization only: findings are the same."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("claimcheck") or module is None:
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper) and (value.cache_info().maxsize or 0) >= _MEMO:
                value.cache_clear()
    _trim()


def _trim() -> None:
    """Return the C heap's free pages to the system (glibc's malloc_trim; nothing elsewhere)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


# ---- the order of findings ----------------------------------------------------------------------------------------

def order_key(finding: Finding, origin: tuple[int, ...]) -> str:
    """A string that sorts as (:func:`~claimcheck.result.sort_key`, where the finding was found) sorts: a document's
    finding ``(0, document, index)``, a fact's ``(1, document, claim, split, index)``."""
    first = finding.claims[0] if finding.claims else None
    parts = [struct.pack(">BB", STATUS_ORDER.get(finding.status, len(STATUS_ORDER)), SEVERITY_ORDER.get(finding.severity, 3)),
             _text(finding.rule), _text(first.doc if first else ""),
             struct.pack(">Q", (first.start if first else 0) + (1 << 63)), struct.pack(">B", origin[0]),
             *(struct.pack(">Q", value) for value in origin[1:])]
    return b"".join(parts).hex()


def _text(value: str) -> bytes:
    """Text that sorts as Python sorts strings (code point order, which UTF-8 keeps), ended by a byte below all."""
    return value.encode("utf-8", "surrogatepass") + b"\0"


# ---- triage: which findings are shown -------------------------------------------------------------------------

@dataclass
class Triager:
    """Decides per finding, as :func:`claimcheck.baseline.triage` decides over all of them: the first matching
    suppression (those of the file, then the documents' inline ones in document order) holds a violated finding
    back, else the baseline does. Records which suppressions were used and which baselined fingerprints were met."""

    external: list
    inline: list
    baseline: frozenset[str] | None
    used: set[tuple[str, int]] = field(default_factory=set)
    present: set[str] = field(default_factory=set)  # violated fingerprints that are in the baseline

    def state(self, finding: Finding) -> tuple[str, str | None]:
        """("shown" | "suppressed" | "baselined", how it was accepted: SARIF's kind and the reason)."""
        if finding.status != "violated":
            return "shown", None
        if self.baseline is not None and finding.fingerprint in self.baseline:
            self.present.add(finding.fingerprint)
        for kind, suppressions in (("external", self.external), ("inline", self.inline)):
            for index, suppression in enumerate(suppressions):
                if suppression.matches(finding):
                    self.used.add((kind, index))
                    return "suppressed", f"{'inSource' if suppression.inline else 'external'}\x1f{suppression.reason}"
        if self.baseline is not None and finding.fingerprint in self.baseline:
            return "baselined", None
        return "shown", None


def triager(settings: RunSettings, inline: list) -> Triager:
    return Triager(settings.suppressions, inline, settings.baseline)


# ---- rows ---------------------------------------------------------------------------------------------------------

@dataclass
class Tally:
    """Counts a partition or a block adds to the run's summary."""

    documents: int = 0
    claims: int = 0
    checked: int = 0
    facts: int = 0
    statuses: Counter = field(default_factory=Counter)  # shown findings by status
    violated: Counter = field(default_factory=Counter)  # shown violated findings by severity
    held: Counter = field(default_factory=Counter)  # suppressed / baselined
    by_rule: Counter = field(default_factory=Counter)  # (rule, status of a shown finding, or "accepted")
    used: set = field(default_factory=set)
    present: set = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    more_notes: int = 0

    def add(self, other: Tally) -> Tally:
        self.documents += other.documents
        self.claims += other.claims
        self.checked += other.checked
        self.facts += other.facts
        self.statuses.update(other.statuses)
        self.violated.update(other.violated)
        self.held.update(other.held)
        self.by_rule.update(other.by_rule)
        self.used |= other.used
        self.present |= other.present
        self.notes.extend(other.notes)
        self.more_notes += other.more_notes
        return self

    def note(self, text: str) -> None:
        if len(self.notes) < NOTES_PER_PART:
            self.notes.append(text)
        else:
            self.more_notes += 1


def finding_row(finding: Finding, origin: tuple[int, ...], documents: dict[str, Document], judge: Triager,
                reported: frozenset[str] | None, tally: Tally) -> dict | None:
    """A finding as a row of the run's findings (None when --select/--ignore leave its rule out), counted."""
    state, how = judge.state(finding)
    if reported is not None and finding.rule not in reported:
        return None
    if state == "shown":
        tally.statuses[finding.status] += 1
        tally.by_rule[(finding.rule, finding.status)] += 1
        if finding.status == "violated":
            tally.violated[finding.severity] += 1
    else:
        tally.held[state] += 1
        tally.by_rule[(finding.rule, "accepted")] += 1
    quoted = {claim.doc: documents[claim.doc] for claim in finding.claims if claim.doc in documents}
    return {"key": order_key(finding, origin), "state": state, "status": finding.status,
            "payload": pickle.dumps((finding, quoted, how), protocol=pickle.HIGHEST_PROTOCOL)}


def read_finding(payload: bytes) -> tuple[Finding, dict[str, Document], str | None]:
    return pickle.loads(payload)


# ---- claims as they travel to their blocks ------------------------------------------------------------------------

def claim_row(claim: Claim) -> tuple:
    """A claim as the values of its fields, in order (and any other attribute it was given): pickled, about half the
    size of the claim pickled whole, which repeats every field's name. Every claim of a corpus is shuffled to its
    block, and the block of a standing quantity holds that measure's claims from the whole corpus."""
    extra = {name: value for name, value in vars(claim).items() if name not in _CLAIM_FIELD_SET}
    values = tuple(getattr(claim, name) for name in CLAIM_FIELDS)
    return (values, extra) if extra else values


def claim_of(row: tuple) -> Claim:
    """The claim :func:`claim_row` gave the values of."""
    if len(row) == 2 and isinstance(row[1], dict):
        claim = Claim(*row[0])
        vars(claim).update(row[1])
        return claim
    return Claim(*row)


_CLAIM_FIELD_SET = frozenset(CLAIM_FIELDS)


# ---- the partition stage: documents, their claims, their own rules, and their claims' blocks ----------------------

def partition_stage(part: Part, settings: RunSettings, linked: dict[int, str], inline: list) -> tuple[list[dict], list[dict], Tally]:
    """Read a partition, extract its documents' claims (or take those stored with them), run the rules within each
    document, and key every claim by the block of facts it can join. ``linked``: the event of each document of the
    partition that shares its event with others (by number; any other document is an event of its own). Returns
    the findings rows, the claims rows (``block``, ``number``, ``index``, ``payload``) and the partition's tally."""
    from ..extraction import extract_claims

    documents, identities, stored, notes = read_partition(part, settings.dataset, settings.encoding, settings.root, settings.limits)
    tally = Tally(documents=len(documents))
    for note in notes:
        tally.note(note)
    by_document: dict[str, list[Claim]] = {}
    if stored is not None:
        for claim in stored:
            by_document.setdefault(claim.doc, []).append(claim)
    rules = settings.rules
    judge = triager(settings, inline)
    standing = rules.standing_measures()
    findings, claims_rows = [], []
    for position, (document, identity) in enumerate(zip(documents, identities)):
        number = document_number(part.index, position)
        document.event = linked.get(number) or event_id(identity)
        if stored is None:
            diagnostics: list[Diagnostic] = []
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    own = extract_claims(document, settings.options, diagnostics)
            except Exception as error:  # noqa: BLE001 - one document that breaks extraction costs that document only
                tally.note(f"{document.id}: warning: claims could not be extracted ({type(error).__name__}: {error}); "
                           "the document is checked without them")
                own = []
            for diagnostic in diagnostics:
                tally.note(str(diagnostic))
        else:
            own = by_document.get(document.id, [])
        tally.claims += len(own)
        light = document.without_text()
        found, looked_at = check_document(document, own, rules)
        fingerprint_all(found, {document.id: identity})
        for index, finding in enumerate(found):
            row = finding_row(finding, (0, number, index), {document.id: light}, judge, settings.reported, tally)
            if row is not None:
                findings.append(row)
        within = {id(claim) for claim in looked_at}
        tally.checked += len(within)
        blocks, scopes = fact_blocks(own, rules.synonyms, document.event, standing, settings.by_decade)
        # what a block needs of the page (its figures: of the whole page, a block holds only some of its claims),
        # carried by the page's first claim in each block only, not pickled again with every claim
        page = (identity, document.event, light, page_figures(own, rules.synonyms))
        keys: set[str] = set()
        for index, (claim, block) in enumerate(zip(own, blocks)):
            if block is not None:
                key = repr(block)
                payload = (claim_row(claim), scopes.get(id(claim)), id(claim) in within, None if key in keys else page)
                keys.add(key)
                claims_rows.append({"block": key, "number": number, "index": index,
                                    "payload": pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)})
    tally.used, tally.present = judge.used, judge.present
    return findings, claims_rows, tally


def warn_notes(tally: Tally) -> None:
    """The warnings workers met, as one process warns them (stderr counts repeats)."""
    for note in tally.notes:
        warnings.warn(ClaimcheckWarning(note), stacklevel=2)
    if tally.more_notes:
        warnings.warn(ClaimcheckWarning(f"{tally.more_notes} more warnings from the workers not shown"), stacklevel=2)
