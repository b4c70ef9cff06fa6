"""Events over a cluster, exactly as one process finds them (:func:`claimcheck.events.find_events`), without any
machine holding the corpus:

1. each partition counts in how many of its documents each term of their leads occurs; the counts are summed in a
   tree (what the client keeps is the vocabulary's terms that occur in two documents or more: a term in one
   document has the frequency every missing term has);
2. each partition weighs its documents' terms (TF-IDF with those frequencies) and lists its documents under their
   most distinctive terms;
3. the lists are shuffled by term, and documents that share a term (not too common, dated close together) make
   candidate pairs, shuffled again to drop pairs found under several terms;
4. each document's vector is kept in the scratch folder with its partition, and the pairs, shuffled by the two
   partitions their documents are in, are weighed a pair of partitions at a time (cosine similarity);
5. one task finds the connected components of the pairs similar enough to be linked at all (the one step that sees
   the whole corpus: it holds two numbers per linkable pair and one per linked document);
6. pairs and documents are shuffled by component, and each component is clustered by average linkage; every
   document outside a component is an event of its own.

A corpus of up to 300 documents (compared all with all by one process) is done in one task. The output: the
event of every document that shares its event with others (by document number) and every event, keyed by the
number of its first document, so that they can be listed in one run's order.
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Iterable

from ..event_days import document_day
from ..event_linkage import LINKING, component_groups, linked_groups
from ..events import (Lead, compares_all, lead, lead_terms, make_event, sharing, similarity, term_pairs, top_terms,
                      unit_vector, inverse_frequency)
from ..model import Event
from .sources import Part, read_partition
from .stages import RunSettings, document_number, partition_of

_NO_DAY = -1  # ordinal days start at 1


def lead_stage(part: Part, settings: RunSettings) -> tuple[Counter, int, list]:
    """In how many of the partition's documents each lead term occurs, how many documents there are, and the
    inline suppressions (``claimcheck-ignore`` comments) of its documents, in order, by document number."""
    from ..baseline import Suppression, _inline_origin

    documents, _, _, _ = read_partition(part, settings.dataset, settings.encoding, settings.root, settings.limits)
    frequencies: Counter = Counter()
    inline = []
    for position, document in enumerate(documents):
        frequencies.update(set(lead_terms(document)))
        for rule, reason in document.ignores:
            inline.append((document_number(part.index, position),
                           Suppression(reason or "inline", rule=rule, doc=document.id,
                                       origin=_inline_origin(document, rule), inline=True)))
    return frequencies, len(documents), inline


def summed(*parts: tuple[Counter, int, list] | Counter) -> Counter:
    """Term frequencies of several partitions (or of sums already made) added up."""
    total: Counter = Counter()
    for part in parts:
        total.update(part[0] if isinstance(part, tuple) else part)
    return total


def shared_terms(frequencies: Counter) -> dict[str, int]:
    """The terms in two documents or more (a term in one has the frequency an unknown term is given)."""
    return {term: seen for term, seen in frequencies.items() if seen > 1}


def vector_stage(part: Part, settings: RunSettings, frequencies: dict[str, int], total: int):
    """A row per document: its number, day, most distinctive terms, TF-IDF vector and lead (pickled), path."""
    import pandas as pd

    documents, identities, _, _ = read_partition(part, settings.dataset, settings.encoding, settings.root, settings.limits)

    def idf(term: str) -> float:
        return inverse_frequency(frequencies.get(term, 1), total)

    rows = []
    for position, (document, identity) in enumerate(zip(documents, identities)):
        terms = lead_terms(document)
        vector = unit_vector(Counter(terms), idf)
        when = document_day(document)
        rows.append({"number": document_number(part.index, position), "day": _NO_DAY if when is None else when,
                     "top": top_terms(vector), "vector": pickle.dumps(vector, protocol=pickle.HIGHEST_PROTOCOL),
                     "lead": pickle.dumps(lead(document, identity, terms), protocol=pickle.HIGHEST_PROTOCOL),
                     "path": document.path})
    return pd.DataFrame(rows, columns=list(VECTOR_META)).astype(VECTOR_META)


VECTOR_META = {"number": "int64", "day": "int64", "top": object, "vector": object, "lead": object, "path": object}
#: what of each document's row is kept in the scratch folder for the later steps (all but its terms)
STORED_META = {"number": "int64", "day": "int64", "vector": object, "lead": object, "path": object}
PAIR_META = {"first": "int64", "second": "int64"}
BLOCK_META = {"first": "int64", "second": "int64", "block": "int64"}
EDGE_META = {"first": "int64", "second": "int64", "similarity": "float64"}
LABEL_META = {"number": "int64", "component": "int64"}
MAPPING_META = {"number": "int64", "event": object}
EVENT_META = {"number": "int64", "payload": object}
LINKED_META = {"kind": object, "number": "int64", "event": object, "payload": object}
NODE_META = {"kind": object, "component": "int64", "number": "int64", "second": "int64", "similarity": "float64",
             "day": "int64", "lead": object, "path": object}


def _frame(rows: list[dict], meta: dict):
    import pandas as pd

    return pd.DataFrame(rows, columns=list(meta)).astype(meta)


def _day(value: int) -> int | None:
    return None if value == _NO_DAY else int(value)


def pairs_stage(postings):
    """Candidate pairs from documents listed under the same terms (``term``, ``number``, ``day`` rows; every
    document of a term is in the same partition), as one process pairs them (:func:`~claimcheck.events.term_pairs`)."""
    rows = set()
    for _, group in postings.groupby("term", sort=False):
        if len(group) < 2:
            continue
        group = group.sort_values("number")
        numbers = [int(number) for number in group["number"]]
        days = {int(number): _day(value) for number, value in zip(group["number"], group["day"])}
        rows.update(term_pairs(numbers, days))
    return _frame([{"first": first, "second": second} for first, second in sorted(rows)], PAIR_META)


def unique_pairs(pairs):
    return pairs.drop_duplicates(ignore_index=True)


def partitions_pair(pairs, spread: int):
    """The pairs (``first``, ``second``) with their ``block``: the two partitions their documents are in, as one
    number (``spread`` partitions in all)."""
    return pairs.assign(block=partition_of(pairs["first"].to_numpy()) * spread
                        + partition_of(pairs["second"].to_numpy()))


def similarity_stage(pairs, vectors: str, spread: int):
    """``first``, ``second`` and their ``block`` (see :func:`partitions_pair`) -> the pairs of some similarity (a
    negative one: two events' documents, see :func:`~claimcheck.events.similarity`). A block's pairs are weighed
    with the vectors of its two partitions, read from the folder ``vectors`` (part.0, part.1, ... as the documents'
    partitions): a task holds two partitions' vectors, where a copy of both vectors joined to each pair made it hold
    as many as the pairs, which grow faster than the corpus (a document is paired with more in a denser archive)."""
    rows = []
    loaded: dict[int, dict[int, dict]] = {}  # the vectors of the block's two partitions, by partition and number
    for block, found in pairs.groupby("block", sort=True):
        needed = {int(block) // spread, int(block) % spread}
        for index in set(loaded) - needed:
            del loaded[index]
        for index in needed - set(loaded):
            loaded[index] = _vectors_of(f"{vectors.rstrip('/')}/part.{index}.parquet")
        for first, second in zip(map(int, found["first"]), map(int, found["second"])):
            alike = similarity(loaded[partition_of(first)][first], loaded[partition_of(second)][second])
            if alike:
                rows.append({"first": first, "second": second, "similarity": alike})
    return _frame(rows, EDGE_META)


def _vectors_of(path: str) -> dict[int, dict]:
    """The vectors of a partition's documents, by number, from the Parquet file the vector stage's rows went to."""
    from .storage import read_rows

    rows = read_rows(path, ["number", "vector"])
    return {int(number): pickle.loads(vector) for number, vector in zip(rows["number"], rows["vector"])}


def component_stage(*edges):
    """The one step over the whole corpus: the connected components of the linkable pairs, as rows (document
    number, its component's smallest document number), as :func:`claimcheck.events.components` finds them. Held as
    numpy arrays (the pairs as two int32 arrays of node indices, a label per node: about 16 bytes a pair and 24 a
    linked document, where Python's dicts and tuples took over 100), so that this task stays small beside the
    partitions; labels are lowered to the smallest of each pair's and then to their own label's (pointer jumping)
    until nothing changes."""
    import numpy as np

    first = np.concatenate([frame["first"].to_numpy(np.int64) for frame in edges] or [np.empty(0, np.int64)])
    second = np.concatenate([frame["second"].to_numpy(np.int64) for frame in edges] or [np.empty(0, np.int64)])
    nodes, index = np.unique(np.concatenate([first, second]), return_inverse=True)
    del second
    index = index.astype(np.int32 if len(nodes) < 2 ** 31 else np.int64)
    a, b = index[:len(first)], index[len(first):]
    del first
    label = np.arange(len(nodes), dtype=index.dtype)  # a node's index; nodes are sorted, so a lower index is a lower number
    while True:
        lower = label.copy()
        low = np.minimum(label[a], label[b])
        np.minimum.at(lower, a, low)
        np.minimum.at(lower, b, low)
        lower = lower[lower]
        if np.array_equal(lower, label):
            break
        label = lower
    return _label_rows(nodes, nodes[label])


def _label_rows(numbers, components):
    """Rows of (document number, component) from two arrays."""
    import pandas as pd

    return pd.DataFrame({"number": numbers, "component": components}).astype(LABEL_META)


def link_stage(rows):
    """Rows of documents (``kind`` "node": component, number, day, lead, path) and of pairs ("edge": component,
    number as the first, second, similarity), all of each component in this partition -> the events of the
    components: "map" rows (number, event) for documents that share their event, "event" rows (number of its first
    document, payload)."""
    nodes: dict[int, list] = {}
    edges: dict[int, dict[tuple[int, int], float]] = {}
    for kind, component, number, second, value, when, lead_, path in zip(
            rows["kind"], rows["component"], rows["number"], rows["second"], rows["similarity"], rows["day"],
            rows["lead"], rows["path"]):
        if kind == "node":
            nodes.setdefault(int(component), []).append((int(number), _day(when), lead_, path))
        else:
            edges.setdefault(int(component), {})[(int(number), int(second))] = float(value)
    out = []
    for component, members in nodes.items():
        members.sort(key=lambda member: member[0])
        numbers = [member[0] for member in members]
        by_number = {member[0]: member for member in members}
        for group in component_groups(numbers, edges.get(component, {}), [member[1] for member in members]):
            group.sort()
            chosen = [by_number[number] for number in group]
            event = make_event([pickle.loads(member[2]) for member in chosen])
            if len(group) > 1:
                out.extend({"kind": "map", "number": number, "event": event.id, "payload": None} for number in group)
            out.append({"kind": "event", **_event_row(group[0], event, [member[3] for member in chosen])})
    return _frame(out, LINKED_META)


def lonely_stage(frame):
    """Documents in no component (``number``, ``lead``, ``path``, ``component`` missing): each its own event
    ("event" rows, as :func:`link_stage` gives them)."""
    rows = []
    for number, lead_, path, component in zip(frame["number"], frame["lead"], frame["path"], frame["component"]):
        if component != component or component is None:  # NaN: no component
            rows.append({"kind": "event", **_event_row(int(number), make_event([pickle.loads(lead_)]), [path])})
    return _frame(rows, LINKED_META)


def small_stage(*frames):
    """All the events of a corpus small enough to be compared all with all, in one task (as one process does)."""
    import pandas as pd

    rows = pd.concat(frames, ignore_index=True).sort_values("number") if frames else _frame([], VECTOR_META)
    numbers = [int(number) for number in rows["number"]]
    vectors = [pickle.loads(vector) for vector in rows["vector"]]
    days = [_day(value) for value in rows["day"]]
    leads: list[Lead] = [pickle.loads(value) for value in rows["lead"]]
    paths = list(rows["path"])
    similarities = {}
    for first, second in sharing(range(len(numbers)), days):
        alike = similarity(vectors[first], vectors[second])
        if alike:
            similarities[(first, second)] = alike
    out = []
    for group in sorted(linked_groups(range(len(numbers)), similarities, days), key=min):
        group.sort()
        event = make_event([leads[i] for i in group])
        if len(group) > 1:
            out.extend({"kind": "map", "number": numbers[i], "event": event.id, "payload": None} for i in group)
        out.append({"kind": "event", **_event_row(numbers[group[0]], event, [paths[i] for i in group])})
    return _frame(out, LINKED_META)


def _event_row(number: int, event: Event, paths: Iterable[str | None]) -> dict:
    return {"number": number, "payload": pickle.dumps((event, list(paths)), protocol=pickle.HIGHEST_PROTOCOL)}


def read_event(payload: bytes) -> tuple[Event, list[str | None]]:
    return pickle.loads(payload)


__all__ = ["LINKING", "compares_all", "lead_stage", "vector_stage", "summed", "shared_terms",
           "pairs_stage", "similarity_stage", "component_stage", "link_stage", "lonely_stage", "small_stage"]
