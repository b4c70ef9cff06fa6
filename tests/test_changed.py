"""``claimcheck check --changed FILES... [CORPUS...]`` and the pre-commit hook that runs it: findings only when they
involve a changed file, the changed files compared with the whole corpus."""

import json
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES, ROOT

GIT_ENV = {"PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@b",
           "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@b"}


@pytest.fixture
def repo(tmp_path):
    """A repository with the example pages committed, an ignored folder holding a conflicting copy, and a README."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True, env={**GIT_ENV, "HOME": str(tmp_path)})
    shutil.copytree(EXAMPLES, tmp_path / "pages")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "tally.txt").write_text((EXAMPLES / "strike-tally.txt").read_text().replace("28 strikes", "29 strikes"))
    (tmp_path / ".gitignore").write_text("build/\n")
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True, env={**GIT_ENV, "HOME": str(tmp_path)})
    return tmp_path


def changed(cwd, *args):
    result = subprocess.run([sys.executable, "-m", "claimcheck", "check", "--changed", *args, "--format", "json", "--no-cache"],
                            capture_output=True, text=True, cwd=cwd, env={"PATH": "/usr/bin:/bin", "CI": "1"})
    report = json.loads(result.stdout) if result.stdout else None
    return result, report


def rules_and_docs(report):
    return sorted((f["rule"], tuple(sorted({c["doc"] for c in f["claims"]}))) for f in report["findings"])


def whole_run(repo, *args):
    result = subprocess.run([sys.executable, "-m", "claimcheck", "check", "pages", "--format", "json", "--no-cache", *args],
                            capture_output=True, text=True, cwd=repo, env={"PATH": "/usr/bin:/bin", "CI": "1"})
    return json.loads(result.stdout)


def involving(report, page):
    return [f for f in report["findings"] if any(c["doc"] == page for c in f["claims"])]


def test_a_changed_page_is_compared_with_the_untouched_ones(repo):
    result, report = changed(repo, "pages/strike-tally-error.txt")
    assert result.returncode == 1, result.stderr
    assert ("parts-sum-to-total", ("pages/strike-tally-error.txt",)) in rules_and_docs(report)
    assert ("strike-counts-agree", ("pages/strike-tally-error.txt", "pages/strike-tally.txt", "pages/weekly-roundup.txt")) \
        in rules_and_docs(report)  # compared with pages the commit did not touch
    assert report["findings"] == involving(whole_run(repo), "pages/strike-tally-error.txt")
    assert report["summary"]["documents"] == 6  # the ignored build/ copy is not part of the corpus


def test_findings_about_untouched_pages_only_are_left_out(repo):
    result, report = changed(repo, "pages/khusham-attack.md")
    assert result.returncode == 0 and report["findings"] == []  # the sum and strike findings involve other pages
    _, passing = changed(repo, "pages/khusham-attack.md", "--passing")
    assert passing["findings"] == involving(whole_run(repo, "--passing"), "pages/khusham-attack.md")
    assert {"troop-numbers-agree", "figures-agree-across-sources"} <= {f["rule"] for f in passing["findings"]}
    assert len(passing["findings"]) < len(whole_run(repo, "--passing")["findings"])


def test_corpus_folders_given_are_the_corpus(repo):
    (repo / "other").mkdir()
    shutil.copy(EXAMPLES / "strike-tally.txt", repo / "other" / "strike-tally.txt")
    shutil.copy(EXAMPLES / "strike-tally-error.txt", repo / "other" / "strike-tally-error.txt")
    _, report = changed(repo, "other/strike-tally-error.txt", "other")
    assert report["summary"]["documents"] == 2
    assert {rule for rule, _ in rules_and_docs(report)} == {"parts-sum-to-total", "strike-counts-agree"}
    _, ignored = changed(repo, "pages/strike-tally-error.txt", "build")  # a folder given is read, ignored or not
    assert ("strike-counts-agree", ("build/tally.txt", "pages/strike-tally-error.txt")) in rules_and_docs(ignored)


def test_changed_needs_a_file(repo):
    result, _ = changed(repo, "pages")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: --changed needs the changed files (and, optionally, the corpus folders to compare them with)"


def pre_commit_command(files):
    """What pre-commit runs for the hook: its entry, its args, then the staged files its filters let through."""
    [hook] = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text())
    passed = [name for name in files if re.search(hook["files"], name)]
    return shlex.split(hook["entry"]) + hook["args"] + passed


def test_the_pre_commit_hook_fails_a_commit_that_breaks_a_figure_against_other_pages(repo):
    command = pre_commit_command(["pages/strike-tally-error.txt", "setup.cfg"])
    assert command[:3] == ["claimcheck", "check", "--changed"] and command[-1] == "pages/strike-tally-error.txt"
    result = subprocess.run([sys.executable, "-m", "claimcheck", *command[1:]], capture_output=True, text=True, cwd=repo,
                            env={"PATH": "/usr/bin:/bin", "CI": "1"})
    assert result.returncode == 1
    assert "✗ violated  error  parts-sum-to-total (sum)" in result.stdout
    assert "30 (pages/strike-tally-error.txt) vs 28 (pages/strike-tally.txt)" in result.stdout
    assert (repo / ".claimcheck-cache" / ".gitignore").exists()
    quiet = subprocess.run([sys.executable, "-m", "claimcheck", *pre_commit_command(["pages/khusham-attack.md"])[1:]],
                           capture_output=True, text=True, cwd=repo, env={"PATH": "/usr/bin:/bin", "CI": "1"})
    assert quiet.returncode == 0, quiet.stdout
