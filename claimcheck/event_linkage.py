"""Grouping documents into events by their similarities: average linkage (two groups join while the mean
similarity between their documents stays above a threshold), one connected component of the similar pairs at a time,
then the pages left alone placed with the event they are clearly most like. A cluster's workers group one component
each (:mod:`claimcheck.cluster.events`); one process groups them all (:func:`claimcheck.events.find_events`)."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable

from .event_days import Span

#: mean cosine similarity two groups of documents need to be taken as one event
SIMILARITY = 0.12
#: documents dated further apart than this are never one event
WINDOW_DAYS = 60


def components(edges: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Connected components (union-find): each node that has an edge -> the smallest node of its component."""
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for first, second in edges:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {node: root(node) for node in parent}




#: mean similarity at which a page left alone joins the event it is most like ...
STRAY_SIMILARITY = 0.08
#: ... when it is that much more like it than like any other: a follow-up that shares few words with its event's
#: first reports is still most like them, while a page as like two events as each other stays apart
_CLEARLY_MORE = 1.25
#: pages in a group that may be a stray: a follow-up and its copy on another site are as alone as one page; three
#: pages alike are more likely an event of their own
_STRAY_SIZE = 2
#: days within which two groups' dated pages all lie for the smaller to join the group it is clearly most like, at
#: any size: two outlets' reports of one collapse, a day apart, that share too few words for average linkage
_DAYS_OF_ONE_STORY = 7

#: similarity at or above which two documents can be linked at all: a page left alone joins the event it is clearly
#: most like from STRAY_SIMILARITY up, and average linkage joins two groups only when their mean similarity reaches
#: SIMILARITY (within the rounding its staleness test allows), so some pair between them is this alike
LINKING = STRAY_SIMILARITY - 1e-9


def linked_groups(nodes: Iterable[int], similarities: dict[tuple[int, int], float], days) -> list[list[int]]:
    """Average-linkage groups of ``nodes`` (see :func:`average_linkage`): computed one connected component of the
    pairs at :data:`LINKING` or more at a time, which gives the same groups (no group can span two components)
    in work that grows with the components, and lets each component be clustered apart (on another machine)."""
    found = components(pair for pair, similarity in similarities.items() if similarity >= LINKING)
    members: dict[int, list[int]] = defaultdict(list)
    for node in nodes:
        members[found.get(node, node)].append(node)
    inside: dict[int, dict[tuple[int, int], float]] = defaultdict(dict)
    for (first, second), similarity in similarities.items():
        component = found.get(first)
        if component is not None and component == found.get(second):
            inside[component][(first, second)] = similarity
    groups = []
    for component, nodes_of in members.items():
        groups.extend(component_groups(nodes_of, inside.get(component, {}), [days[node] for node in nodes_of]))
    return groups


def component_groups(nodes: list[int], similarities: dict[tuple[int, int], float],
                     days: list[int | None]) -> list[list[int]]:
    """Average-linkage groups of one component: ``nodes`` in document order with their ``days``, ``similarities``
    between them by node. Clustered under positions in ``nodes``, which keep the order of the nodes, so ties break
    as they would over the whole set."""
    if len(nodes) == 1:
        return [list(nodes)]
    position = {node: index for index, node in enumerate(nodes)}
    local = {(position[first], position[second]): similarity for (first, second), similarity in similarities.items()}
    groups = _with_strays_placed(average_linkage(len(nodes), local, SIMILARITY, days), local, days)
    groups = _dated_groups_joined(groups, local, days)
    return [[nodes[index] for index in group] for group in groups]


def _with_strays_placed(groups: list[list[int]], similarities: dict[tuple[int, int], float],
                        days: list[int | None]) -> list[list[int]]:
    """Groups after each stray (a page alone, or a page and its copy) has joined the larger group it is clearly most
    like, where their days allow. A page alone has no figure to be compared with."""
    links = _group_links(groups, similarities)
    placed = {index: list(group) for index, group in enumerate(groups) if len(group) > _STRAY_SIZE}
    kept = []
    for index, group in enumerate(groups):
        if index in placed:
            continue
        most_like = _clearly_most_like(sorted(((summed / (len(group) * len(groups[other])), other)
                                               for other, summed in links[index].items() if other in placed),
                                              reverse=True))
        if most_like is not None:
            target = placed[most_like]
            if _span(target, days).joined_within(_span(group, days), WINDOW_DAYS) is not None:
                target.extend(group)
                continue
        kept.append(group)
    return sorted([*(sorted(group) for group in placed.values()), *kept], key=min)


def _dated_groups_joined(groups: list[list[int]], similarities: dict[tuple[int, int], float],
                         days: list[int | None]) -> list[list[int]]:
    """Groups after each, smallest first, has joined the group it is clearly most like (see
    :data:`STRAY_SIMILARITY`) of those it could join: both dated, and all their dates within
    :data:`_DAYS_OF_ONE_STORY`. Of two groups it is as like, which are one story themselves (dated within the week,
    and alike), it joins the first. Undated groups stay apart: two events of one kind are told in like words, and only
    their days tell them apart."""
    if len(groups) < 2:
        return groups
    links = _group_links(groups, similarities)
    members = dict(enumerate(groups))
    spans = {index: _span(group, days) for index, group in members.items()}
    for index in sorted(members, key=lambda index: (len(members[index]), min(members[index]))):
        if spans[index].first is None:
            continue
        within = {other: span for other in links[index] if spans[other].first is not None
                  and (span := spans[other].joined_within(spans[index], _DAYS_OF_ONE_STORY)) is not None}
        means = sorted(((links[index][other] / (len(members[index]) * len(members[other])), other)
                        for other in within), reverse=True)
        target = _clearly_most_like(means)
        if target is None and len(means) > 1 and means[1][0] >= STRAY_SIMILARITY:
            # as like two groups that are one story themselves (dated within the week, and alike): either is its own
            first, second = means[0][1], means[1][1]
            mutual = links[first].get(second, 0.0) / (len(members[first]) * len(members[second]))
            if mutual >= STRAY_SIMILARITY and spans[first].joined_within(spans[second], _DAYS_OF_ONE_STORY):
                target = first
        if target is None:
            continue
        span = within[target]
        members[target] = members[target] + members.pop(index)
        spans[target] = span
        for other, summed in links.pop(index).items():
            links[other].pop(index, None)
            if other != target:
                links[target][other] += summed
                links[other][target] += summed
    return sorted((sorted(group) for group in members.values()), key=min)


def _clearly_most_like(means: list[tuple[float, int]]) -> int | None:
    """Of (mean similarity, group) pairs, best first, the group clearly most like: at :data:`STRAY_SIMILARITY` or
    more, and :data:`_CLEARLY_MORE` times the next best; None when there is none."""
    if not means or means[0][0] < STRAY_SIMILARITY:
        return None
    if len(means) > 1 and means[0][0] < _CLEARLY_MORE * means[1][0]:
        return None  # as like another group: not clearly this one's
    return means[0][1]


def _group_links(groups: list[list[int]], similarities: dict[tuple[int, int], float]) -> dict[int, dict[int, float]]:
    """The summed similarity between each two groups (by index in ``groups``) that any pair links: read once from
    the pairs, where a mean over every two of their members would look up each pair again for each group."""
    owner = {node: index for index, group in enumerate(groups) for node in group}
    links: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for (first, second), similarity in similarities.items():
        a, b = owner[first], owner[second]
        if a != b:
            links[a][b] += similarity
            links[b][a] += similarity
    return links


def _span(group: list[int], days: list[int | None]) -> Span:
    """The days of a group as it is (joined with no window: they are together already)."""
    span = Span()
    for index in group:
        span = span.joined_within(Span.of(days[index]), _NO_WINDOW)
    return span


_NO_WINDOW = 10 ** 9  # days


def average_linkage(count: int, similarities: dict[tuple[int, int], float], threshold: float,
                    days: list[int | None] | None = None, window: int = WINDOW_DAYS) -> list[list[int]]:
    """Average-linkage clustering over a sparse similarity graph (pairs not given count as 0): merge the two groups
    of highest mean similarity while it is at least ``threshold``. With ``days`` (an ordinal day or None for each
    item, see :func:`~claimcheck.event_days.document_day`), two groups whose dated members would span more than
    ``window`` days are never merged."""
    members = {i: [i] for i in range(count)}
    spans = {i: Span.of(day) for i, day in enumerate(days or [None] * count)}
    links: dict[int, dict[int, float]] = defaultdict(dict)  # group -> neighbour group -> summed similarity
    for (a, b), similarity in similarities.items():
        links[a][b] = links[b][a] = similarity
    heap = [(-similarity, a, b) for (a, b), similarity in similarities.items() if similarity >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members or b not in links[a]:
            continue
        mean = links[a][b] / (len(members[a]) * len(members[b]))
        if abs(mean + negative) > 1e-12:  # stale: the groups changed since this entry was pushed
            if mean >= threshold:
                heapq.heappush(heap, (-mean, a, b))
            continue
        span = spans[a].joined_within(spans[b], window)
        if span is None:
            continue  # dated too far apart to be one event
        if len(members[a]) < len(members[b]):
            a, b = b, a
        members[a].extend(members.pop(b))
        spans[a] = span
        for neighbour, summed in links.pop(b).items():
            links[neighbour].pop(b, None)
            if neighbour == a:
                continue
            links[a][neighbour] = links[neighbour][a] = links[a].get(neighbour, 0.0) + summed
        for neighbour, summed in links[a].items():
            mean = summed / (len(members[a]) * len(members[neighbour]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(a, neighbour), max(a, neighbour)))
    return list(members.values())
