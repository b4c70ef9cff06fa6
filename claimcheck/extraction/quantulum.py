"""quantulum3, imported without the 2-second start-up cost of its ``inflect`` dependency.

inflect decorates its engine with typeguard's ``@typechecked``, which re-parses and recompiles each
decorated method when inflect is imported (jaraco/inflect#212, agronholm/typeguard#468). Those run-time
type checks only guard inflect's own arguments, which quantulum3 always passes as strings, so inflect is
imported once with ``typechecked`` standing in as the identity; typeguard itself is left as it was.
"""

from __future__ import annotations

import sys
from types import ModuleType


def _identity(target=None, **_options):
    return target if target is not None else _identity


def _import_inflect() -> None:
    if "inflect" in sys.modules:
        return
    try:
        import typeguard
    except ImportError:  # an inflect that does not use typeguard
        import inflect  # noqa: F401
        return
    original = typeguard.typechecked
    typeguard.typechecked = _identity
    try:
        import inflect  # noqa: F401
    finally:
        typeguard.typechecked = original


def _quiet() -> None:
    """quantulum3's log (its doubts about units) is not for users: errors only. Where scikit-learn is installed,
    quantulum3 would disambiguate units with a classifier pickled by another scikit-learn version (which fails to
    load, and would make readings depend on what else is installed): its rule-based disambiguation is used always."""
    import logging

    from quantulum3 import classifier

    logging.getLogger("quantulum3").setLevel(logging.ERROR)
    classifier.USE_CLF = False


def quantulum_parser() -> ModuleType:
    _import_inflect()
    _quiet()
    from quantulum3 import parser

    return parser


def quantulum_load() -> ModuleType:
    _import_inflect()
    _quiet()
    from quantulum3 import load

    return load
