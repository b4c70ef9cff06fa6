"""Remembered answers of slow pure functions (quantulum3's reading of a unit phrase, simplemma's lemma of
a word), kept for the process and, through the result cache, from one run to the next: a run that extracts
one edited document then rarely pays quantulum3's or simplemma's start-up.

Answers must be JSON values (the cache stores them as such).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any

_MEMOS: dict[str, Memo] = {}


class Memo:
    """The answers of one function, at most ``limit`` of them: past it, the oldest quarter is forgotten (a pure
    function answers again what it forgot), so that a long run over a large vocabulary holds a bounded table."""

    limit = 200_000

    def __init__(self, name: str, function: Callable[[str], Any]):
        self.name = name
        self.function = function
        self.known: dict[str, Any] = {}
        self.new: dict[str, Any] = {}  # answers worked out since the last drain(): not yet stored

    def __call__(self, argument: str) -> Any:
        try:
            return self.known[argument]
        except KeyError:
            answer = self.known[argument] = self.new[argument] = self.function(argument)
            if len(self.known) > self.limit:
                self._forget_oldest()
            return answer

    def learn(self, answers: dict[str, Any], new: bool = False) -> None:
        self.known.update(answers)
        if new:
            self.new.update(answers)
        if len(self.known) > self.limit:
            self._forget_oldest()

    def _forget_oldest(self) -> None:
        for table in (self.known, self.new):  # an answer not yet stored is one the cache will not hold
            for argument in list(islice(table, max(0, len(table) - self.limit * 3 // 4))):
                del table[argument]

    def forget(self) -> None:
        self.known.clear()
        self.new.clear()

    def drain(self) -> dict[str, Any]:
        new, self.new = self.new, {}
        return new


def memo(name: str) -> Callable[[Callable[[str], Any]], Memo]:
    """Decorator: remember the function's answers under ``name``."""

    def register(function: Callable[[str], Any]) -> Memo:
        _MEMOS[name] = found = Memo(name, function)
        return found

    return register


def memos() -> dict[str, Memo]:
    return _MEMOS


def drain_all() -> dict[str, dict[str, Any]]:
    """New answers of every memo (a worker process sends these back with its results)."""
    return {name: found.drain() for name, found in _MEMOS.items()}


def learn_all(answers: dict[str, dict[str, Any]], new: bool = False) -> None:
    for name, known in answers.items():
        if name in _MEMOS:
            _MEMOS[name].learn(known, new)


#: What a stored answer of each memo looks like (answers read back from the cache folder are checked against it).
_SHAPES: dict[str, Callable[[Any], bool]] = {
    "pint-dimensions": lambda answer: isinstance(answer, str),
    "simplemma-lemmas": lambda answer: isinstance(answer, str),
    "quantulum3-unit-readings": lambda answer: answer is None or _unit_reading(answer),
    "pint-unit-readings": lambda answer: answer is None or _unit_reading(answer),
    "geonames-cities": lambda answer: answer is None or (isinstance(answer, list) and len(answer) == 3
                                                         and isinstance(answer[0], str) and isinstance(answer[1], str)
                                                         and type(answer[2]) is int),
}


def _unit_reading(answer: Any) -> bool:
    return (isinstance(answer, list) and len(answer) == 3 and isinstance(answer[0], str) and type(answer[1]) is int
            and answer[1] >= 0 and isinstance(answer[2], str))


def answer_fits(name: str, answer: Any) -> bool:
    """Whether a stored answer has the shape the memo ``name`` gives (unknown memos: plain strings only)."""
    return _SHAPES.get(name, lambda found: isinstance(found, str))(answer)
