"""YAML as claimcheck reads it: ruamel.yaml keeps line and column of every key (for located errors);
:func:`plain` turns its commented containers into the plain dicts and lists validators expect."""

from __future__ import annotations

from typing import Any


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
