"""Sentence boundaries, from pysbd, computed only for the paragraphs that hold a number."""

from __future__ import annotations

import threading

import pysbd

_LOCAL = threading.local()


def _segmenter() -> pysbd.Segmenter:
    """One segmenter per thread: pysbd keeps the text it is segmenting on the segmenter."""
    segmenter = getattr(_LOCAL, "segmenter", None)
    if segmenter is None:
        segmenter = _LOCAL.segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return segmenter


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``paragraph``; spans cover the paragraph without gaps."""
    if len(paragraph) < 40 or not any(mark in paragraph[:-1] for mark in ".!?"):
        return [(0, len(paragraph))]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _segmenter().segment(paragraph):
        # pysbd's own offsets can drift on repeated sentences; find each piece from the cursor instead
        position = paragraph.find(piece.sent.strip(), cursor)
        if position < 0:
            continue
        end = position + len(piece.sent.strip())
        spans.append((cursor, end))
        cursor = end
    if cursor < len(paragraph):
        if spans:
            spans[-1] = (spans[-1][0], len(paragraph))
        else:
            spans.append((0, len(paragraph)))
    return spans
