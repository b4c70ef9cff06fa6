"""Conventions users bring from other linters (ruff, Vale, Semgrep): a cache folder that keeps out of git, help
screens in plain words with defaults and an example, shell completion."""

import subprocess

from conftest import EXAMPLES


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True,
                          env={"PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd)}).stdout


def test_the_cache_folder_ignores_itself_in_git(cli, tmp_path):
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "page.txt").write_text((EXAMPLES / "strike-tally-error.txt").read_text())
    result = cli("check", "page.txt", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    cache = tmp_path / ".claimcheck-cache"
    assert (cache / ".gitignore").read_text() == "# Automatically created by claimcheck.\n*\n"
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert git("status", "--porcelain", "--untracked-files=all", cwd=tmp_path) == "?? page.txt\n"
    assert len(list(cache.rglob("*.json"))) > 1  # the cache itself was written


def test_a_cache_folder_given_elsewhere_ignores_itself_too(cli, tmp_path):
    folder = tmp_path / "build" / "cc"
    cli("check", str(EXAMPLES / "strike-tally.txt"), "--cache-dir", str(folder), "--format", "json")
    assert (folder / ".gitignore").read_text().endswith("*\n")
