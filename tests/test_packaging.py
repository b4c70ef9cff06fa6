"""What a user installs: every package of the source tree is in the distribution, and every documented install
line names this project's own distribution (``claimcheck`` on PyPI is an unrelated project)."""

import re
import shlex
import tomllib
from importlib.metadata import distribution

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from claimcheck.about import DISTRIBUTION
from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
#: where install instructions are written for users
DOCUMENTED = ["README.md", "examples/README.md", "examples/dataset/README.md", "examples/ci/github-workflow.yml",
              ".pre-commit-hooks.yaml", *[str(p.relative_to(ROOT)) for p in sorted((ROOT / "docs").rglob("*.md"))]]
_INSTALL = re.compile(r"pip install\b(?P<args>[^\n&|;#`)]*)")


def install_lines() -> list[tuple[str, str]]:
    """(file, requirement) for every ``pip install`` argument that is not an option."""
    found = []
    for name in DOCUMENTED:
        path = ROOT / name
        if not path.exists():
            continue
        for match in _INSTALL.finditer(path.read_text(encoding="utf-8")):
            found += [(name, word) for word in shlex.split(match.group("args")) if not word.startswith("-")]
    return found


def test_every_package_is_installed():
    configured = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "claimcheck").rglob("__init__.py")}
    assert found - configured == set()


def test_the_distribution_name_is_the_one_the_code_and_the_installed_metadata_use():
    assert PYPROJECT["project"]["name"] == DISTRIBUTION == "claimcheck-news"
    scripts = {entry.name: entry.value for entry in distribution(DISTRIBUTION).entry_points if entry.group == "console_scripts"}
    assert scripts == {"claimcheck": "claimcheck.cli:main"}


def test_documented_install_lines_name_this_distribution():
    lines = install_lines()
    by_name = [(name, word) for name, word in lines if not word.startswith((".", "/"))]
    assert ("README.md", "claimcheck-news") in by_name
    assert ("examples/ci/github-workflow.yml", "claimcheck-news") in by_name
    for name, word in by_name:
        assert canonicalize_name(Requirement(word).name) == canonicalize_name(DISTRIBUTION), f"{name}: pip install {word}"
    for name, word in lines:  # a path installs this source tree: the repository root, with extras at most
        if word.startswith((".", "/")):
            assert re.fullmatch(r"\.(\[[a-z,]+\])?", word), f"{name}: pip install {word}"


def test_the_pre_commit_hook_runs_this_distributions_command():
    from ruamel.yaml import YAML

    [hook] = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["language"] == "python"  # pre-commit installs this repository, so the distribution of pyproject.toml
    assert shlex.split(hook["entry"])[0] == "claimcheck"
