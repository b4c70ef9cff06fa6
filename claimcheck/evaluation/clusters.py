"""Scoring findings on real news clusters labelled the way ``LABELLING.md`` describes: which numbers report one
quantity (groups of mentions, by document, line and value) and which pairs of them disagree.

Each topic (the ``_ecb`` and ``_ecbplus`` clusters of an ECB+ topic: two similar but different events) is checked
as one folder, the way a desk checks a folder of clippings. A gold whose cluster has no folder of its own (a
Wikipedia article) is checked on its own documents. Claims are matched to gold mentions by document, line and
value; then

- a **violated** finding is right when two of the claims it compares are a labelled disagreeing pair;
- a labelled disagreement is **found** when some violated finding compares its two mentions;
- **same quantity**, pairwise over the claims matched to mentions: claims of one fact against mentions of one group;
- **same event**, pairwise over a topic's documents: documents of one event against documents of one cluster folder
  (each folder reports one event).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from ..errors import InputError
from ..checks.kinds.agree import says, sides
from ..model import Claim, Finding

_TOPIC = re.compile(r"^(?P<topic>.+?)_(?:ecb|ecbplus)$")


@dataclass(eq=False)  # each mention is itself: hashed by identity
class Mention:
    group: str  # cluster:group id
    index: int
    doc: str
    line: int
    value: float
    low: float | None = None
    high: float | None = None
    surface: str = ""
    unit: str | None = None  # as the gold writes it ("years"); a claim in another unit of its kind is converted


@dataclass
class Topic:
    name: str
    folders: list[Path] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    disagreements: dict[frozenset, str] = field(default_factory=dict)  # {mention, mention} -> major | minor


@dataclass
class TopicScore:
    name: str
    documents: int = 0
    violated: int = 0
    violated_right: int = 0
    disagreements: int = 0
    found: int = 0
    major: int = 0
    major_found: int = 0
    pairs_predicted: int = 0
    pairs_gold: int = 0
    pairs_both: int = 0
    mentions: int = 0
    mentions_matched: int = 0
    event_pairs_predicted: int = 0
    event_pairs_gold: int = 0
    event_pairs_both: int = 0
    false_alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


@dataclass
class ClusterScores:
    topics: list[TopicScore]

    def total(self) -> TopicScore:
        total = TopicScore("all")
        for topic in self.topics:
            for name in ("documents", "violated", "violated_right", "disagreements", "found", "major", "major_found",
                         "pairs_predicted", "pairs_gold", "pairs_both", "mentions", "mentions_matched",
                         "event_pairs_predicted", "event_pairs_gold", "event_pairs_both"):
                setattr(total, name, getattr(total, name) + getattr(topic, name))
        return total

    def summary(self) -> dict:
        total = self.total()
        return {"topics": len(self.topics), "documents": total.documents, "violated": total.violated,
                "violated_precision": _ratio(total.violated_right, total.violated),
                "disagreement_recall": _ratio(total.found, total.disagreements),
                "major_recall": _ratio(total.major_found, total.major),
                "violated_per_folder": total.violated / len(self.topics) if self.topics else 0.0,
                "same_quantity_precision": _ratio(total.pairs_both, total.pairs_predicted),
                "same_quantity_recall": _ratio(total.pairs_both, total.pairs_gold),
                "mentions_matched": _ratio(total.mentions_matched, total.mentions),
                "same_event_precision": _ratio(total.event_pairs_both, total.event_pairs_predicted),
                "same_event_recall": _ratio(total.event_pairs_both, total.event_pairs_gold)}

    def report_lines(self) -> list[str]:
        header = (f"{'topic':34} {'docs':>4} {'violated':>8} {'right':>5} {'prec':>5}  {'disagree':>8} {'found':>5}"
                  f" {'major':>5} {'found':>5}  {'same-qty P':>10} {'R':>5}  {'matched':>7}")
        lines = [header, "-" * len(header)]
        for topic in [*self.topics, self.total()]:
            if topic.name == "all":
                lines.append("-" * len(header))
            lines.append(f"{topic.name:34} {topic.documents:4} {topic.violated:8} {topic.violated_right:5} "
                         f"{_shown(topic.violated_right, topic.violated):>5}  {topic.disagreements:8} {topic.found:5} "
                         f"{topic.major:5} {topic.major_found:5}  {_shown(topic.pairs_both, topic.pairs_predicted):>10} "
                         f"{_shown(topic.pairs_both, topic.pairs_gold):>5}  {_shown(topic.mentions_matched, topic.mentions):>7}")
        summary = self.summary()
        lines += ["", f"precision of violated findings {_figure(summary['violated_precision'])}; recall of disagreements "
                      f"{_figure(summary['disagreement_recall'])} (major {_figure(summary['major_recall'])}); "
                      f"{summary['violated_per_folder']:.1f} violated findings per folder",
                  f"same quantity, pairwise over matched claims: precision {_figure(summary['same_quantity_precision'])}, "
                  f"recall {_figure(summary['same_quantity_recall'])}; gold mentions matched by a claim "
                  f"{_figure(summary['mentions_matched'])}",
                  f"same event, pairwise over the documents of topics with a folder per event: precision "
                  f"{_figure(summary['same_event_precision'])}, recall {_figure(summary['same_event_recall'])}"]
        return lines

    def error_lines(self) -> list[str]:
        lines = []
        for topic in self.topics:
            lines += [f"false alarm\t{topic.name}\t{line}" for line in topic.false_alarms]
            lines += [f"miss\t{topic.name}\t{line}" for line in topic.misses]
        return lines


def _ratio(part: int, whole: int) -> float | None:
    """part / whole; None when there is nothing to measure (no violated finding has no precision)."""
    return part / whole if whole else None


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _shown(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "—"


# ---- reading gold ------------------------------------------------------------------------------------------

def read_cluster_gold(gold: str | Path, docs: str | Path) -> list[Topic]:
    """The topics of the gold files under ``gold`` (``<cluster>.yaml``), with their documents under ``docs``."""
    from ruamel.yaml import YAML

    gold, docs = Path(gold), Path(docs)
    files = [gold] if gold.is_file() else sorted(gold.rglob("*.yaml"))
    if not files:
        raise InputError("no gold files (<cluster>.yaml) here", str(gold))
    if not docs.is_dir():
        raise InputError("no such documents folder", str(docs))
    by_stem: dict[str, Path] = {}
    for path in docs.rglob("*"):
        if path.is_file():
            by_stem.setdefault(path.stem, path)
    topics: dict[str, Topic] = {}
    for file in files:
        try:
            data = YAML(typ="safe", pure=True).load(file.read_text(encoding="utf-8")) or {}
            cluster = str(data["cluster"])
            groups = data.get("groups") or []
        except Exception as error:  # a malformed gold file: say which
            raise InputError(f"not a cluster gold file ({error})", str(file)) from None
        match = _TOPIC.match(cluster)
        name = match.group("topic") if match else cluster
        topic = topics.setdefault(name, Topic(name))
        folder = docs / cluster
        if folder.is_dir():
            topic.folders.append(folder)
        for group in groups:
            group_id = f"{cluster}:{group['id']}"
            mentions = []
            for index, item in enumerate(group.get("mentions") or []):
                mention = Mention(group_id, index, str(item["doc"]), int(item["line"]), float(item["value"]),
                                  _float(item.get("low")), _float(item.get("high")), str(item.get("surface", "")),
                                  item.get("unit"))
                mentions.append(mention)
                if not folder.is_dir():
                    path = by_stem.get(mention.doc)
                    if path is None:
                        raise InputError(f"document {mention.doc!r} of {group_id} not found under {docs}", str(file))
                    if path not in topic.files:
                        topic.files.append(path)
            topic.mentions += mentions
            for pair in group.get("disagree") or []:
                first, second = pair["pair"]
                topic.disagreements[frozenset((id(mentions[first]), id(mentions[second])))] = pair.get("severity", "major")
    return list(topics.values())


def _float(value) -> float | None:
    return None if value is None else float(value)


# ---- scoring ------------------------------------------------------------------------------------------------

def evaluate_clusters(topics: list[Topic], checker) -> ClusterScores:
    """Check each topic's documents with ``checker`` and score its findings and facts against the gold."""
    scores = []
    for topic in topics:
        result = checker.check([*topic.folders, *topic.files])
        scores.append(score_topic(topic, result))
    return ClusterScores(scores)


def score_topic(topic: Topic, result) -> TopicScore:
    score = TopicScore(topic.name, documents=len(result.documents), mentions=len(topic.mentions))
    matched = match_mentions(topic.mentions, result.claims)
    score.mentions_matched = len(matched)
    mention_of = {id(claim): mention for mention, claim in matched.items()}
    by_id = {id(mention): mention for mention in topic.mentions}
    found: set[frozenset] = set()
    for finding in result.findings:
        if finding.status != "violated":
            continue
        score.violated += 1
        hits = set()
        for left, right in compared_pairs(finding):
            first, second = mention_of.get(id(left)), mention_of.get(id(right))
            if first is not None and second is not None:
                pair = frozenset((id(first), id(second)))
                if pair in topic.disagreements:
                    hits.add(pair)
        if hits:
            score.violated_right += 1
            found |= hits
        else:
            score.false_alarms.append(_describe(finding, mention_of))
    for pair, severity in topic.disagreements.items():
        score.disagreements += 1
        score.major += severity == "major"
        if pair in found:
            score.found += 1
            score.major_found += severity == "major"
        else:
            first, second = (by_id[member] for member in pair)
            why = "not extracted" if first not in matched or second not in matched else "not flagged"
            score.misses.append(f"{severity}: {first.doc}:{first.line} {first.surface!r} vs {second.doc}:{second.line} "
                                f"{second.surface!r} ({why})")
    fact_of = {id(claim): index for index, fact in enumerate(result.facts) for claim in fact.claims}
    for (first, a), (second, b) in combinations(matched.items(), 2):
        predicted = id(a) in fact_of and fact_of.get(id(a)) == fact_of.get(id(b))
        gold = first.group == second.group
        score.pairs_predicted += predicted
        score.pairs_gold += gold
        score.pairs_both += predicted and gold
    _score_events(score, topic, result)
    return score


def _score_events(score: TopicScore, topic: Topic, result) -> None:
    """Same-event pairs of a topic's documents against its cluster folders (each folder is one event)."""
    if not topic.folders:
        return  # an article on its own: no folder says which event its pages report
    folder_of = {}
    for document in result.documents:
        path = Path(document.path or document.id).resolve()
        folder_of[document.id] = next((folder for folder in topic.folders if folder.resolve() in path.parents), None)
    for first, second in combinations([document for document in result.documents if folder_of[document.id]], 2):
        predicted = first.event is not None and first.event == second.event
        gold = folder_of[first.id] == folder_of[second.id]
        score.event_pairs_predicted += predicted
        score.event_pairs_gold += gold
        score.event_pairs_both += predicted and gold


def match_mentions(mentions: list[Mention], claims: list[Claim]) -> dict[Mention, Claim]:
    """Each gold mention with the claim on its document line whose value (or interval) is its value; where a line
    gives one value twice ("about three miles northwest ... and about 3 miles deep"), first the claim whose text the
    mention's surface holds."""
    by_line: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_line[(Path(claim.doc).stem, claim.line)].append(claim)
    matched: dict = {}
    used: set[int] = set()
    for by_surface in (True, False):
        for mention in mentions:
            if mention in matched:
                continue
            candidates = [claim for claim in by_line.get((mention.doc, mention.line), []) if id(claim) not in used]
            claim = next((claim for claim in candidates if _same_value(mention, claim)
                          and (not by_surface or claim.text.lower() in mention.surface.lower())), None)
            if claim is not None:
                matched[mention] = claim
                used.add(id(claim))
    return matched


def _same_value(mention: Mention, claim: Claim) -> bool:
    values = [claim.value]
    if claim.is_range and claim.low is not None and claim.high is not None and not math.isinf(claim.high):
        values += [claim.low, claim.high]
    values = _in_gold_unit(values, claim.unit, mention.unit)  # "three decades" is gold's 30 years
    targets = [mention.value] + [v for v in (mention.low, mention.high) if v is not None]
    return any(math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9) for a in values for b in targets)


def _in_gold_unit(values: list[float], unit: str | None, gold_unit: str | None) -> list[float]:
    """The claim's values restated in the gold's unit, where the two are units of one kind (not money, whose rate
    changes, nor a count); as they are where the gold names no unit pint knows ("seasons")."""
    from ..money import is_currency
    from ..units import convertible, is_known_unit, quantity

    if (not unit or not gold_unit or unit == gold_unit or is_currency(unit) or not is_known_unit(gold_unit)
            or not convertible(unit, gold_unit)):
        return values
    return [quantity(value, unit).to(gold_unit).magnitude for value in values]


def compared_pairs(finding: Finding) -> list[tuple[Claim, Claim]]:
    """The pairs of claims a finding sets against each other: for a comparison, every claim on one side against
    every claim on the other (the sides its rule quotes, :func:`claimcheck.checks.kinds.agree.sides`); for a
    figure repeated by two sources, the two; otherwise every pair."""
    if finding.about and len(finding.about) == 2:
        left, right = finding.about
        if says(left) != says(right):
            first, second = sides(finding)
            return [(a, b) for a in first for b in second]
        return [(left, right)]
    return list(combinations(finding.claims, 2))


def _describe(finding: Finding, mention_of: dict) -> str:
    parts = []
    for claim in finding.about or finding.claims:
        mention = mention_of.get(id(claim))
        tag = f" [{mention.group}]" if mention else " [unlabelled]"
        parts.append(f"{Path(claim.doc).stem}:{claim.line} {claim.text!r} ({claim.measure}){tag}")
    return f"{finding.rule}: " + " vs ".join(parts)


__all__ = ["ClusterScores", "Topic", "TopicScore", "evaluate_clusters", "read_cluster_gold", "score_topic"]
