"""Every data file the package reads at run time is declared as package data, so a non-editable install has it."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "claimcheck"


def test_every_data_file_in_the_package_is_installed():
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    declared = settings["package-data"]
    packages = set(settings["packages"])
    missing = []
    for path in PACKAGE.rglob("*"):
        if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(ROOT)
        owners = [".".join(relative.parts[:index]) for index in range(len(relative.parts) - 1, 0, -1)]
        owner = next(name for name in owners if name in packages)
        inside = Path(*relative.parts[len(owner.split(".")):]).as_posix()
        if not any(fnmatch(inside, pattern) for pattern in declared.get(owner, [])):
            missing.append(relative.as_posix())
    assert missing == []
