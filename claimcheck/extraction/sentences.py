"""Sentence boundaries, from pysbd, computed only for the paragraphs that hold a number."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import lru_cache

import pysbd

_LOCAL = threading.local()
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


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
    # pysbd reads control characters as spaces in some patterns and not in others (int('\x1e74') raised inside it):
    # it is given them as spaces, which keeps every offset
    paragraph = _CONTROL.sub(" ", paragraph)
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
    try:
        pieces = _segmenter().processor(paragraph).process()
    except (ValueError, IndexError, TypeError, RecursionError):  # a pysbd bug on odd text: one sentence, not a crash
        _LOCAL.segmenter = None
        return [(0, len(paragraph))]
    for piece in pieces:
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


#: The longest stretch of text handed to :func:`sentence_spans` at once (which cuts it further for pysbd). pysbd's work
#: grows with the square of its input (each abbreviation it meets rescans the whole text), so a longer unit (a page
#: with no line breaks, a 1 MB single line) is cut into windows of at most this many characters first: extraction
#: stays linear in line length. Real
#: paragraphs are far shorter, so their sentences are what they always were.
MAX_WINDOW = 10_000
#: The longest sentence read as one: the work of reading a sentence grows with the product of its numbers and names,
#: so a longer "sentence" (a list with no full stops, a run of abbreviations) is read in pieces of at most this
#: many characters. Sentences of real prose are a few hundred characters long.
MAX_SENTENCE = 2_000
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def windows(text: str, start: int, end: int, numbers: list[tuple[int, int]] = (),
            size: int = MAX_WINDOW) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive windows covering ``text[start:end]``, each at most ``size`` characters long, cut
    after a sentence end where there is one in a window's second half, else at a space, and never inside one of
    ``numbers`` ((start, end) spans, in order)."""
    position, index = start, 0
    while end - position > size:
        limit = position + size
        cut = _last(_SENTENCE_END, text, position + size // 2, limit) or _last(_SPACE, text, position + 1, limit) or limit
        while index < len(numbers) and numbers[index][1] <= cut:
            index += 1
        if index < len(numbers) and numbers[index][0] < cut:  # never split "2 million" across windows
            cut = numbers[index][0] if numbers[index][0] > position else numbers[index][1]
        yield position, cut
        position = cut
    yield position, end


def _last(pattern: re.Pattern[str], text: str, low: int, high: int) -> int | None:
    """The end of the last match of ``pattern`` inside ``text[low:high]``."""
    found = None
    for found in pattern.finditer(text, low, high):
        pass
    return found.end() if found is not None and found.end() > low else None
