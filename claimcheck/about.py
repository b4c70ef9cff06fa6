"""What users install and where they read about it: the distribution's name on PyPI (``claimcheck`` there is
another project, so this one is ``claimcheck-news``; the import package and the command stay ``claimcheck``)
and the documentation links declared in ``pyproject.toml``."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

#: the name to ``pip install``; pyproject.toml's ``[project] name`` (a test keeps the two equal)
DISTRIBUTION = "claimcheck-news"
PYPI_URL = f"https://pypi.org/project/{DISTRIBUTION}/"


@lru_cache(maxsize=1)
def project_urls() -> dict[str, str]:
    """``[project.urls]`` of the installed distribution (empty when claimcheck runs from an uninstalled tree)."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata(DISTRIBUTION).get_all("Project-URL") or []
    except PackageNotFoundError:
        return {}
    return dict(entry.split(", ", 1) for entry in entries if ", " in entry)


def rule_docs_url(rule_id: str) -> str | None:
    """Where the page of a bundled rule is published (``docs/rules/<id>.md`` under the Documentation URL)."""
    base = project_urls().get("Documentation")
    return f"{base.rstrip('/')}/rules/{rule_id}.md" if base else None


_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """claimcheck's version and a digest of its own source and data (word lists, unit index, evidence weights):
    what a cache entry holds for. A checkout between two releases never reads what another checkout computed."""
    from . import __version__

    digest = hashlib.sha256(__version__.encode())
    for pattern in ("*.py", "*.json", "*.toml"):
        for source in sorted(_PACKAGE.rglob(pattern)):
            if "__pycache__" not in source.parts:
                digest.update(f"\0{source.relative_to(_PACKAGE).as_posix()}\0".encode())
                digest.update(source.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"
