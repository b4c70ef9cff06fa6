"""Configuration: ``claimcheck.yaml`` or ``[tool.claimcheck]`` in ``pyproject.toml``, found by walking up
from the working directory (or given with ``--config``); every key can be overridden on the command line,
and ``claimcheck config show`` says where each value came from."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import InputError
from .yamlfiles import plain

CONFIG_FILES = ("claimcheck.yaml", ".claimcheck.yaml", "pyproject.toml")
PATH_KEYS = ("rules", "baseline", "suppressions", "cache_dir", "db")


@dataclass
class Settings:
    """Everything a run can be told; defaults first, then the config file, then the command line."""

    rules: list[str] = field(default_factory=list)
    bundled: bool = True
    format: str | None = None
    passing: bool = False
    fail_on: str = "error"
    jobs: int = 0  # 0: all cores
    cache: bool = True
    cache_dir: str = ".claimcheck-cache"
    baseline: str | None = None
    suppressions: str | None = None
    encoding: str | None = None
    approximate_band: float = 0.1
    near_band: float = 0.1
    text_columns: list[str] = field(default_factory=lambda: ["text"])
    id_column: str | None = None
    date_column: str | None = None
    source_column: str | None = None
    claim_columns: dict[str, dict[str, Any]] = field(default_factory=dict)
    db: str = "claimcheck.db"
    select: list[str] = field(default_factory=list)  # rule ids or kinds to report (empty: all)
    ignore: list[str] = field(default_factory=list)  # rule ids or kinds not to report
    max_document_mb: float = 32.0  # MB: a larger file (or stdin, or dataset row) is refused with a located error
    max_line_length: int = 2_000_000  # characters of one line of a document
    origins: dict[str, str] = field(default_factory=dict, repr=False)
    root: Path | None = field(default=None, repr=False)  # the project root: the config file's folder

    def set(self, key: str, value: Any, origin: str) -> None:
        setattr(self, key, value)
        self.origins[key] = origin

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("origins", "root")}


KEYS = [f.name for f in fields(Settings) if f.name not in ("origins", "root")]
_TYPES: dict[str, tuple[type, ...]] = {
    "rules": (list, str), "bundled": (bool,), "format": (str,), "passing": (bool,), "fail_on": (str,), "jobs": (int,),
    "cache": (bool,), "cache_dir": (str,), "baseline": (str,), "suppressions": (str,), "encoding": (str,),
    "approximate_band": (float, int), "near_band": (float, int), "text_columns": (list, str), "id_column": (str,),
    "date_column": (str,), "source_column": (str,), "claim_columns": (dict,), "db": (str,),
    "select": (list, str), "ignore": (list, str),
    "max_document_mb": (float, int), "max_line_length": (int,),
}
_CHOICES = {"fail_on": ("error", "warning", "info", "never"),
            "format": ("table", "json", "jsonl", "csv", "sarif", "junit", "github", "markdown", "html")}


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file at or above ``start`` (a pyproject.toml counts only with [tool.claimcheck])."""
    directory = (start or Path.cwd()).resolve()
    for folder in [directory, *directory.parents]:
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_section(candidate)):
                return candidate
    return None


def _has_tool_section(path: Path) -> bool:
    """Whether a pyproject.toml configures claimcheck; one that means to (it has ``[tool.claimcheck]``) but is not
    valid TOML is an error, not a run without its settings."""
    try:
        text = _text(path)
    except InputError:
        return False  # not readable as text: not ours to judge
    if "claimcheck" not in text:
        return False
    import re

    try:
        tool = _toml(text, path).get("tool", {})
    except InputError:
        if re.search(r"^\s*\[\s*tool\s*\.\s*claimcheck\b", text, re.M):
            raise  # meant for claimcheck: running on without its settings would check the wrong things
        return False  # another tool's broken file
    return isinstance(tool, dict) and "claimcheck" in tool


def _toml(text: str, path: Path) -> dict:
    import re
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error)) or "syntax error"
        raise InputError(f"not valid TOML: {message}", str(path), int(where.group(1)) if where else None,
                         int(where.group(2)) if where else None) from None
    except (ValueError, RecursionError):  # an integer of thousands of digits, nesting too deep
        raise InputError("not valid TOML: a value is too large or nested too deeply to read", str(path)) from None


def load_settings(config: str | Path | None = None, overrides: dict[str, Any] | None = None,
                  start: Path | None = None) -> Settings:
    """Defaults, then the config file (``config`` or the one discovered), then ``overrides`` (the command line)."""
    settings = Settings()
    for key in KEYS:
        settings.origins[key] = "default"
    path = Path(config) if config else (None if os.environ.get("CLAIMCHECK_NO_CONFIG") else find_config(start))
    if config and not Path(config).exists() and not Path(config).is_symlink():
        raise InputError("no such config file", str(config))
    if path is not None:
        settings.root = Path(os.path.realpath(path)).parent  # never raises, even for a link loop (reported by _read)
        for key, (value, line) in _read(path).items():
            if key in PATH_KEYS and value is not None:
                value = [_relative(path, v) for v in value] if isinstance(value, list) else _relative(path, value)
            settings.set(key, value, f"{path}:{line}" if line else str(path))
    for key, value in (overrides or {}).items():
        if value is not None and value != [] and value != {}:
            settings.set(key, value, f"--{key.replace('_', '-')}")
    return settings


def _relative(config: Path, value: str) -> str:
    candidate = Path(value)
    return str(candidate if candidate.is_absolute() else (config.parent / candidate))


def _read(path: Path) -> dict[str, tuple[Any, int | None]]:
    if path.suffix == ".toml":  # pyproject.toml, or any TOML file given with --config: [tool.claimcheck]
        section = _toml(_text(path), path).get("tool", {}).get("claimcheck", {})
        if not isinstance(section, dict):
            raise InputError("[tool.claimcheck] should be a table of settings", str(path))
        entries = {key: (value, None) for key, value in section.items()}
        where = "[tool.claimcheck]"
    else:
        from .yamlfiles import YamlError, load_yaml

        try:
            data = load_yaml(_text(path)) or {}
        except YamlError as error:
            raise InputError(error.message, str(path), error.line, error.column) from None
        if not isinstance(data, dict):
            raise InputError("a config file is a mapping of settings", str(path))
        entries = {str(key): (value, data.lc.key(key)[0] + 1) for key, value in data.items()}
        where = ""
    checked = {}
    for raw_key, (value, line) in entries.items():
        key = raw_key.replace("-", "_")
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(KEYS)})"
            raise InputError(f"{where + ' ' if where else ''}unknown key {raw_key!r}{hint}", str(path), line)
        checked[key] = (_coerce(key, plain(value), path, line), line)
    return checked


def _text(path: Path) -> str:
    from .inputs import read_setting_text

    return read_setting_text(path, "config")


def validate_claim_columns(value: Any, where: str, line: int | None = None) -> dict:
    """``{column: {measure, unit, bound, place, actor}}`` with units pint knows."""
    from .model import BOUNDS
    from .units import is_known_unit

    if not isinstance(value, dict):
        raise InputError("claim_columns should map column names to {measure, unit}", where, line)
    for column, spec in value.items():
        if not isinstance(spec, dict) or not str(spec.get("measure", column)).strip():
            raise InputError(f"claim column {column!r} should be a mapping with a measure (and a unit)", where, line)
        unknown = set(spec) - {"measure", "unit", "bound", "place", "actor"}
        if unknown:
            raise InputError(f"claim column {column!r}: unknown key(s) {', '.join(sorted(unknown))}", where, line)
        if "unit" in spec and not is_known_unit(str(spec["unit"])):
            raise InputError(f"claim column {column!r}: unknown unit {spec['unit']!r}", where, line)
        if spec.get("bound", "=") not in BOUNDS:
            raise InputError(f"claim column {column!r}: bound must be one of = ~ > >= < <=", where, line)
    return value


def _coerce(key: str, value: Any, path: Path, line: int | None) -> Any:
    types = _TYPES[key]
    if value is None:
        return None
    if types[0] is list and isinstance(value, str):
        value = [value]
    if types[0] is list and isinstance(value, list) and not all(isinstance(item, str) for item in value):
        raise InputError(f"{key} should be a list of strings", str(path), line)
    if not isinstance(value, types) or (types == (int,) and isinstance(value, bool)):
        raise InputError(f"{key} should be {' or '.join(t.__name__ for t in types)}, not {type(value).__name__}", str(path), line)
    if key in _CHOICES and value not in _CHOICES[key]:
        raise InputError(f"{key} must be one of {', '.join(_CHOICES[key])}, not {value!r}", str(path), line)
    if key in ("approximate_band", "near_band") and not 0 <= value <= 1:
        raise InputError(f"{key} is a fraction between 0 and 1, not {value!r}", str(path), line)
    if key in ("max_document_mb", "max_line_length") and not 0 < value < 10 ** 12:
        raise InputError(f"{key} must be a positive number, not {value!r}", str(path), line)
    if key == "jobs" and value < 0:
        raise InputError("jobs must be 0 (all cores) or more", str(path), line)
    if key == "claim_columns":
        validate_claim_columns(value, str(path), line)
    return value
