"""Conventions users bring from other linters (ruff, Vale, Semgrep): a cache folder that keeps out of git, help
screens in plain words with defaults and an example, shell completion."""

import re
import subprocess
import sys

import pytest

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
    assert (cache / ".gitignore").read_text() == "# claimcheck's cache: never commit it\n*\n"
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert git("status", "--porcelain", "--untracked-files=all", cwd=tmp_path) == "?? page.txt\n"
    assert len(list(cache.rglob("*.json"))) > 1  # the cache itself was written


def test_a_cache_folder_given_elsewhere_ignores_itself_too(cli, tmp_path):
    folder = tmp_path / "build" / "cc"
    cli("check", str(EXAMPLES / "strike-tally.txt"), "--cache-dir", str(folder), "--format", "json")
    assert (folder / ".gitignore").read_text().endswith("*\n")


COMMANDS = ["", "extract", "evaluate", "check", "report", "rules", "rules schema", "rules list", "rules show", "rules docs",
            "rules kinds", "rules test", "config", "config show", "track", "track add", "track facts", "track show",
            "review", "review list", "review set", "review history", "export", "export claimreview", "export facts",
            "export findings"]
#: how typer writes Python types into help screens
PYTHON_TYPES = re.compile(r"<(?:bool|str|int|float|path|list\[[^>]*\]|\w+ range|[\w-]+(?:\|[\w-]+)+)>|\{[a-z_]+\}|<\w+>\.\.\.")


def help_screen(cli, command: str) -> str:
    result = subprocess.run([sys.executable, "-m", "claimcheck", *command.split(), "--help"], capture_output=True,
                            text=True, env={"PATH": "/usr/bin:/bin", "COLUMNS": "200", "TERM": "dumb"})
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_screens_speak_plainly_and_show_an_example(cli, command):
    text = help_screen(cli, command)
    assert not PYTHON_TYPES.search(text), PYTHON_TYPES.search(text).group(0)
    examples = re.findall(r"\$ (claimcheck [^\n│]*?)\s*(?:│|\n)", text)
    assert len(examples) == 1 and examples[0].startswith(f"claimcheck {command}".strip()) or command in ("", "rules", "config", "track", "review", "export")


def test_check_help_shows_defaults_and_every_format(cli):
    text = " ".join(help_screen(cli, "check").split())
    assert "Usage: claimcheck check [OPTIONS] [PATHS...]" in text  # or --claims DIR
    for shown in ("table, json, jsonl, csv, sarif, junit, github, markdown or html. [default: table on a terminal, else json]",
                  "[default: error]", "[default: .claimcheck-cache]", "[default: 0.1]", "[default: stdout]",
                  "--output -o FILE", "--fail-on SEVERITY", "--select RULE", "--jobs -j N [x>=0]"):
        assert shown in text, shown
    assert not re.search(r" \.(\s|$)", text)  # no default removed and a stray " ." left behind
    export = " ".join(help_screen(cli, "export facts").split())
    assert "--output -o FILE Write here (atomically). [default: stdout]" in export
    assert "--format -f FORMAT csv or json. [default: csv]" in export


def test_shell_completion_is_on(cli):
    root = help_screen(cli, "")
    assert "--install-completion" in root and "--show-completion" in root
    # the script `--show-completion` prints, asked for by name: `--show-completion` alone guesses the shell from the
    # processes above it, which a test runner's may not tell
    script = subprocess.run([sys.executable, "-m", "claimcheck"], capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "_CLAIMCHECK_COMPLETE": "source_bash"})
    assert script.returncode == 0 and "_CLAIMCHECK_COMPLETE=complete_bash" in script.stdout
    completed = subprocess.run([sys.executable, "-m", "claimcheck"], capture_output=True, text=True,
                               env={"PATH": "/usr/bin:/bin", "_CLAIMCHECK_COMPLETE": "complete_bash",
                                    "COMP_WORDS": "claimcheck rules sh", "COMP_CWORD": "2"})
    assert completed.stdout.split() == ["show"]
