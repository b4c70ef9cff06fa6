"""Sentence boundaries, from pysbd, computed only for the paragraphs that hold a number."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import pysbd

_LOCAL = threading.local()


def _segmenter() -> pysbd.Segmenter:
    """One segmenter per thread: pysbd keeps the text it is segmenting on the segmenter."""
    segmenter = getattr(_LOCAL, "segmenter", None)
    if segmenter is None:
        segmenter = _LOCAL.segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    return segmenter


#: pysbd's time grows with the square of the text it is given (its abbreviation pass), so a long paragraph (a scraped
#: page is often one line) is first cut where a sentence surely ends, and pysbd reads only the pieces that may hold
#: another boundary, none longer than about this many characters
WINDOW = 2000
#: a sure end: a lower-case word of three letters or more that is no abbreviation pysbd knows ("Capt.", "etc."), then
#: a full stop, question or exclamation mark and a capital
_SURE_END = re.compile(r"\b(?P<word>[a-z]*[a-z]{3})[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z])")
#: what may end a sentence inside a piece (as in the extractor: a mark, a space and what can start a sentence)
_MAY_END = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(\[]*[A-Z0-9]")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from pysbd.lang.english import English

    return frozenset(English.Abbreviation.ABBREVIATIONS)


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``paragraph``; spans cover the paragraph without gaps."""
    if len(paragraph) < 40 or not any(mark in paragraph[:-1] for mark in ".!?"):
        return [(0, len(paragraph))]
    if len(paragraph) <= WINDOW:
        return _segment(paragraph)
    spans: list[tuple[int, int]] = []
    start = 0
    abbreviations = _abbreviations()
    for end in [match.end() for match in _SURE_END.finditer(paragraph)
                if match.group("word").lower() not in abbreviations] + [len(paragraph)]:
        while end - start > WINDOW:  # no sure end for long: cut after a space, past half a window
            cut = paragraph.find(" ", start + WINDOW // 2)
            if cut < 0 or cut >= end:
                break
            spans.extend(_piece(paragraph, start, cut + 1))
            start = cut + 1
        if end > start:
            spans.extend(_piece(paragraph, start, end))
            start = end
    return spans


def _piece(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    piece = paragraph[start:end]
    if len(piece) < 40 or not _MAY_END.search(piece.rstrip()):
        return [(start, end)]
    return [(start + low, start + high) for low, high in _segment(piece)]


def _segment(paragraph: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    # the segmenter's processor gives the sentences as written; Segmenter.segment would also find each one in the text
    # with a pattern compiled per sentence (a third of its time), and its offsets can drift on repeated sentences, so
    # each piece is found from the cursor instead
    for piece in _segmenter().processor(paragraph).process():
        position = paragraph.find(piece.strip(), cursor)
        if position < 0:
            continue
        end = position + len(piece.strip())
        spans.append((cursor, end))
        cursor = end
    if cursor < len(paragraph):
        if spans:
            spans[-1] = (spans[-1][0], len(paragraph))
        else:
            spans.append((0, len(paragraph)))
    return spans
