"""The desk's own settings: the ``desk`` mapping of the config file (``claimcheck.yaml`` beside the ledger), so each
desk sets who may read without logging in, how long a login lasts, and how its ClaimReview exports are signed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError

DEFAULT_RATINGS = {"violated": (1, "Inconsistent"), "changed": (3, "Changed over time"), "consistent": (5, "Consistent")}


@dataclass
class DeskSettings:
    """``public``: anyone may read without logging in (changes still need a login). ``session_hours``: how long a
    login lasts. ``claimreview``: the author, URL base and rating scale of ClaimReview exports."""

    public: bool = False
    session_hours: float = 12.0
    author: str = "claimcheck fact-checking desk"
    base_url: str | None = None
    ratings: dict[str, tuple[int, str]] = field(default_factory=lambda: dict(DEFAULT_RATINGS))
    best_rating: int = 5
    worst_rating: int = 1
    max_upload_mb: float = 20.0
    title: str = "claimcheck desk"


def desk_settings(value: dict[str, Any] | None, where: str = "config") -> DeskSettings:
    """Read the ``desk`` mapping; a wrong key or type is one clear error naming it."""
    settings = DeskSettings()
    value = value or {}
    known = {"public", "session_hours", "claimreview", "max_upload_mb", "title"}
    unknown = set(value) - known
    if unknown:
        raise InputError(f"desk: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(known))})", where)
    if "public" in value:
        settings.public = _typed(value["public"], bool, "desk.public", where)
    if "session_hours" in value:
        settings.session_hours = float(_typed(value["session_hours"], (int, float), "desk.session_hours", where))
        if not 0 < settings.session_hours <= 24 * 90:
            raise InputError("desk.session_hours must be between 0 and 2160 (90 days)", where)
    if "max_upload_mb" in value:
        settings.max_upload_mb = float(_typed(value["max_upload_mb"], (int, float), "desk.max_upload_mb", where))
    if "title" in value:
        settings.title = _typed(value["title"], str, "desk.title", where)
    review = value.get("claimreview") or {}
    if not isinstance(review, dict):
        raise InputError("desk.claimreview should be a mapping (author, base_url, best, worst, ratings)", where)
    unknown = set(review) - {"author", "base_url", "best", "worst", "ratings"}
    if unknown:
        raise InputError(f"desk.claimreview: unknown key(s) {', '.join(sorted(unknown))}", where)
    if "author" in review:
        settings.author = _typed(review["author"], str, "desk.claimreview.author", where)
    if "base_url" in review:
        settings.base_url = _typed(review["base_url"], str, "desk.claimreview.base_url", where)
    if "best" in review:
        settings.best_rating = _typed(review["best"], int, "desk.claimreview.best", where)
    if "worst" in review:
        settings.worst_rating = _typed(review["worst"], int, "desk.claimreview.worst", where)
    for status, rating in (review.get("ratings") or {}).items():
        if status not in DEFAULT_RATINGS or not isinstance(rating, dict) or set(rating) != {"value", "name"}:
            raise InputError(f"desk.claimreview.ratings.{status}: give one of {', '.join(DEFAULT_RATINGS)} a mapping "
                             "{value: NUMBER, name: TEXT}", where)
        settings.ratings[status] = (_typed(rating["value"], int, f"desk.claimreview.ratings.{status}.value", where),
                                    _typed(rating["name"], str, f"desk.claimreview.ratings.{status}.name", where))
    return settings


def _typed(value: Any, types, name: str, where: str):
    if not isinstance(value, types) or (types is int and isinstance(value, bool)):
        expected = " or ".join(t.__name__ for t in types) if isinstance(types, tuple) else types.__name__
        raise InputError(f"{name} should be {expected}, not {type(value).__name__}", where)
    return value
