"""Whether two sources' sentences are one sentence copied, with the figure in the same place: the same word and the
same name right before both figures, and no other figures that set them apart ("53 catches for 605 yards" is no copy of
"eight catches for 101 yards")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import DISCOURSE, FUNCTION_WORDS, MONTHS, NUMBER_WORDS, OPENERS, TIME_WORDS, WEEKDAYS
from ..model import Claim
from .features import TOKEN, slot

#: a figure as written: digits, or a number word
FIGURE = r"(?:\d[\d,.]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"


def other_figures_apart(first: Claim, second: Claim) -> bool:
    """Whether both sentences give other figures and none in common: "He has 53 catches for 605 yards and five
    touchdowns" is no copy of "He wound up with eight catches for 101 yards" (a season's line and a game's); a copy
    that changes one figure keeps the others."""
    others = [_figures_besides(claim.sentence, claim.text) for claim in (first, second)]
    if bool(others[0] and others[1]) and not others[0] & others[1]:
        return True
    # "EDS shares rose ... to $23.27, while HP shares gained ... to $45.32" is no copy of "... HP shares gained 0.8
    # percent to 45.32 dollars" at 23.27: each figure is another place's in the other sentence
    own = [_figures_in(claim.text) for claim in (first, second)]
    return bool(own[0] & others[1]) or bool(own[1] & others[0])


@lru_cache(maxsize=65536)
def _figures_besides(sentence: str, text: str) -> frozenset[str]:
    position = sentence.find(text)
    return _figures_in(sentence[:position] + " " + sentence[position + len(text):] if position >= 0 else sentence)


def _figures_in(text: str) -> frozenset[str]:
    """The figures a text writes, as written (digits without commas, or number words in lower case)."""
    return frozenset(figure.lower().replace(",", "") for figure in re.findall(rf"\b{FIGURE}\b", text, re.I))


def same_word_before(first: Claim, second: Claim) -> bool:
    """Whether the word right before both figures is the same ("served four months" and "served five months";
    not "is averaging 15.5 points" and "is down almost five points")."""
    before = slot(first.sentence, first.text)[0][-1:], slot(second.sentence, second.text)[0][-1:]
    return before[0] == before[1]


def same_name_before(first: Claim, second: Claim) -> bool:
    """Whether the figures are said of the same name, where both sentences name someone just before them ("Miller
    is averaging 15.5 points" is no copy of "Dalembert is averaging 5 points")."""
    names = _name_before(first.sentence, first.text), _name_before(second.sentence, second.text)
    return not all(names) or names[0] == names[1]


@lru_cache(maxsize=65536)
def _name_before(sentence: str, text: str) -> str | None:
    position = sentence.find(" ".join(text.split()))
    if position <= 0:
        return None
    words = TOKEN.findall(sentence[:position])[-6:]
    capitalised = [word for index, word in enumerate(words) if word[:1].isupper()
                   and (index or position > 40 or word.lower() not in _NOT_NAMES)]  # "IBM will pay", not "The"
    return capitalised[-1].lower() if capitalised else None


#: capitalised words that open a sentence without naming anyone: "The", "But", "Its", "In"
_NOT_NAMES = FUNCTION_WORDS | OPENERS | DISCOURSE | TIME_WORDS | MONTHS | WEEKDAYS
