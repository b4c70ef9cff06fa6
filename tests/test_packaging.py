"""What a user installs: every package of the source tree is in the distribution."""

import tomllib

from conftest import ROOT


def test_every_package_is_installed():
    configured = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "claimcheck").rglob("__init__.py")}
    assert found - configured == set()
