"""YAML as claimcheck reads it: ruamel.yaml keeps line and column of every key (for located errors);
:func:`plain` turns its commented containers into the plain dicts and lists validators expect."""

from __future__ import annotations

from typing import Any


def plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(value) for value in node]
    return node
