"""YAML as claimcheck reads it: ruamel.yaml keeps line and column of every key (for located errors);
:func:`plain` turns its commented containers into the plain dicts and lists validators expect.

:func:`load_yaml` reads a file's text with bounded work: before anything is built, the parser's events are walked
once to refuse nesting deeper than :data:`MAX_DEPTH`, aliases that would expand to more than :data:`MAX_NODES`
nodes (a "billion laughs" file is a few lines long) or point back into themselves, and integers of thousands of
digits, and tags other than YAML's plain ones (``!!python/object``); a value that cannot be built (``2020-13-45``)
and every syntax error, control character included, is a :class:`YamlError` with its line and column.
"""

from __future__ import annotations

import re
from typing import Any

MAX_DEPTH = 100  # levels of nested mappings and lists: rule packs and configs use five or six
MAX_NODES = 200_000  # nodes of a file once every alias is expanded: the bundled packs hold a few thousand
_LONG_INTEGER = re.compile(r"[-+]?[0-9_]{1000,}")
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


class YamlError(Exception):
    """A YAML file that cannot be read: where (1-based line and column) and what is wrong."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        self.message, self.line, self.column = message, line, column
        super().__init__(f"{line}:{column}: {message}")


def load_yaml(text: str, typ: str = "rt") -> Any:
    """The data of a YAML document (round-trip containers with positions for ``typ="rt"``); raises YamlError."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    yaml = YAML(typ=typ, pure=True)
    try:
        _check_events(yaml.parse(text))
        yaml = YAML(typ=typ, pure=True)
        _locate_construction(yaml)
        return yaml.load(text)
    except YamlError:
        raise
    except ReaderError as error:  # a control character or NUL
        line, column = _position(text, error.position)
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        raise YamlError(f"character {character} is not allowed in YAML (a control character): remove it", line,
                        column) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlError(f"not valid YAML: {error.problem or error.context}", mark.line + 1 if mark else 1,
                        mark.column + 1 if mark else 1) from None
    except YAMLError as error:
        raise YamlError(f"not valid YAML: {error}") from None
    except RecursionError:
        raise YamlError(f"nested too deeply (more than {MAX_DEPTH} levels)") from None


class _Located(Exception):
    def __init__(self, mark: Any, message: str):
        self.mark, self.message = mark, message


def _check_events(events) -> None:
    """Walk the parser's events once: depth, expanded size (aliases counted at their full size) and long integers."""
    depth = 0
    stack: list[list] = []  # per open collection: [expanded size so far, its anchor]
    sizes: dict[str, int] = {}  # anchor -> expanded size of its node
    total = 0
    for event in events:
        kind = type(event).__name__
        mark = event.start_mark
        tag = getattr(event, "tag", None)
        if tag is not None and str(tag) not in _PLAIN_TAGS and str(tag) != "!":
            raise YamlError(f"tag {tag} is not allowed: claimcheck reads plain YAML values (text, numbers, lists, "
                            "mappings)", *_line_column(mark))
        if kind in ("MappingStartEvent", "SequenceStartEvent"):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlError(f"nested more than {MAX_DEPTH} levels deep", *_line_column(mark))
            stack.append([1, event.anchor])
            continue
        if kind in ("MappingEndEvent", "SequenceEndEvent"):
            depth -= 1
            size, anchor = stack.pop()
            if anchor:
                sizes[anchor] = size
        elif kind == "ScalarEvent":
            size = 1
            if event.style is None and len(event.value) >= 1000 and _LONG_INTEGER.fullmatch(event.value):
                raise YamlError(f"a number with {len(event.value):,} digits: not a value claimcheck can use",
                                *_line_column(mark))
            if event.anchor:
                sizes[event.anchor] = 1
        elif kind == "AliasEvent":
            if any(anchor == event.anchor for _, anchor in stack):
                raise YamlError(f"alias *{event.anchor} refers to a node that contains it (a recursive alias)",
                                *_line_column(mark))
            size = sizes.get(event.anchor, 1)  # an undefined alias is reported by the composer
        else:
            continue
        if stack:
            stack[-1][0] += size
            expanded = stack[0][0]
        else:
            expanded = size
        if total + expanded > MAX_NODES:
            raise YamlError(f"aliases expand this file to more than {MAX_NODES:,} values (an alias bomb?): "
                            "write the values out, or use fewer aliases", *_line_column(mark))
        if not stack:
            total += size


def _locate_construction(yaml) -> None:
    """Make a value that cannot be built (a date 2020-13-45) raise a YamlError at that value."""
    constructor = yaml.constructor
    construct = constructor.construct_object

    def located(node, deep=False):
        try:
            return construct(node, deep=deep)
        except (ValueError, OverflowError, TypeError, KeyError) as error:
            raise YamlError(f"value {getattr(node, 'value', '')!r} cannot be read: {error}"
                            if isinstance(getattr(node, "value", None), str) else f"value cannot be read: {error}",
                            *_line_column(node.start_mark)) from None

    constructor.construct_object = located


def _line_column(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _position(text: str, position: Any) -> tuple[int, int]:
    if not isinstance(position, int):
        return 1, 1
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(value) for value in node]
    if type(node) in (bool, int, float, str) or node is None:
        return node
    from ruamel.yaml.scalarbool import ScalarBoolean

    if isinstance(node, ScalarBoolean):  # an int underneath
        return bool(node)
    for kind in (int, float, str):  # ruamel's ScalarInt, ScalarFloat and string scalars as the built-in types
        if isinstance(node, kind):
            return kind(node)
    return node
