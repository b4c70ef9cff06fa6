"""A per-document cache of extracted claims, keyed by content hash, extractor version and the settings
that change extraction. Entries are written to a temporary file and renamed into place, so concurrent runs
and interrupted runs never leave a half-written entry; an unreadable entry is simply recomputed."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, astuple
from pathlib import Path

from . import __version__
from .errors import Diagnostic
from .model import Claim, Document

CACHE_FORMAT = "2"  # claims stored as rows in field order


class ExtractionCache:
    def __init__(self, folder: str | Path, settings_key: str):
        self.folder = Path(folder) / f"claims-v{CACHE_FORMAT}"
        self.settings_key = settings_key
        self.hits = self.misses = 0

    def key(self, document: Document) -> str:
        digest = hashlib.sha256()
        for part in (self.settings_key, __version__, document.id, document.text, document.date or "", str(document.row or ""),
                     json.dumps(document.values, sort_keys=True)):
            digest.update(part.encode("utf-8", "surrogateescape"))
            digest.update(b"\0")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, document: Document) -> tuple[list[Claim], list[Diagnostic]] | None:
        try:
            data = json.loads(self._path(self.key(document)).read_text(encoding="utf-8"))
            claims = [Claim(*(float("inf") if v == "inf" else v for v in row)) for row in data["claims"]]
            diagnostics = [Diagnostic(**item) for item in data.get("diagnostics", [])]
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return claims, diagnostics

    def put(self, document: Document, claims: list[Claim], diagnostics: list[Diagnostic] = ()) -> None:
        path = self._path(self.key(document))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            items = [[("inf" if isinstance(v, float) and v == float("inf") else v) for v in astuple(c)] for c in claims]
            handle, temporary = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=path.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump({"claims": items, "diagnostics": [asdict(d) for d in diagnostics]}, stream)
            os.replace(temporary, path)
        except OSError:
            pass  # a cache that cannot be written only costs time
