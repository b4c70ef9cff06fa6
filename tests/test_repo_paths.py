"""Paths in the formats CI reads (SARIF, GitHub annotations, JUnit, JSON, CSV, Markdown) are relative to the
repository root, whatever the working directory: GitHub attaches annotations and alerts only by that path."""

import json
import shutil
import subprocess
import sys
from xml.etree import ElementTree

import pytest

from conftest import EXAMPLES, ROOT

DATASET = ROOT / "examples" / "dataset"
SARIF_SCHEMA = ROOT.parent / "shared" / "eval" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture
def repo(tmp_path):
    """A git repository whose dataset sits two folders down, as examples/dataset does in this one."""
    root = tmp_path / "repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    sub = root / "data" / "audit"
    sub.mkdir(parents=True)
    shutil.copy(DATASET / "articles.csv", sub / "articles.csv")
    config = (DATASET / "claimcheck.yaml").read_text()
    (sub / "claimcheck.yaml").write_text("\n".join(line for line in config.splitlines() if "suppressions" not in line))
    (root / "pages").mkdir()
    shutil.copy(EXAMPLES / "strike-tally-error.txt", root / "pages" / "tally.txt")
    return root


def run(*args, cwd, **env):
    return subprocess.run([sys.executable, "-m", "claimcheck", *args, "--no-cache"], capture_output=True, text=True,
                          cwd=cwd, env={"PATH": "/usr/bin:/bin", "CI": "1", "PYTHONIOENCODING": "utf-8", **env})


def test_github_annotations_name_files_from_the_repository_root(repo):
    result = run("check", "articles.csv", "--format", "github", cwd=repo / "data" / "audit")
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=data/audit/articles.csv,line=3,col=1,title=parts-sum-to-total::27 + 30 = 57")
    page = run("check", "../../pages/tally.txt", "--format", "github", cwd=repo / "data" / "audit")
    assert page.stdout.startswith("::error file=pages/tally.txt,line=5,col=38,title=parts-sum-to-total::")


def test_sarif_uris_are_relative_to_the_repository_root_and_valid(repo):
    jsonschema = pytest.importorskip("jsonschema")
    result = run("check", "articles.csv", "../../pages/tally.txt", "--format", "sarif", "--passing",
                 cwd=repo / "data" / "audit")
    log = json.loads(result.stdout)
    if SARIF_SCHEMA.exists():
        jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text()))
    artifacts = {location["physicalLocation"]["artifactLocation"]["uri"]
                 for entry in log["runs"][0]["results"]
                 for location in entry["locations"] + entry.get("relatedLocations", [])}
    assert artifacts == {"data/audit/articles.csv", "pages/tally.txt"}
    [located] = log["runs"][0]["results"][:1]
    assert located["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"


def test_junit_json_csv_and_markdown_name_documents_from_the_repository_root(repo):
    audit = repo / "data" / "audit"
    junit = ElementTree.fromstring(run("check", "articles.csv", "--format", "junit", cwd=audit).stdout)
    assert {case.get("name") for case in junit.iter("testcase")} == {
        f"data/audit/articles.csv#{row}" for row in ("cl-0926", "fd-0927", "wr-0929", "ml-0207", "fd-0207")}
    failures = [line for failure in junit.iter("failure") for line in failure.text.splitlines()]
    assert "data/audit/articles.csv:3 (column strikes_total): strikes_total = 55" in failures
    assert all(line.startswith("data/audit/articles.csv:") for line in failures)
    report = json.loads(run("check", "articles.csv", "--format", "json", cwd=audit).stdout)
    [agree] = [f for f in report["findings"] if f["rule"] == "strike-counts-agree"]
    assert {c["doc"] for c in agree["claims"]} == {f"data/audit/articles.csv#{row}" for row in ("cl-0926", "fd-0927", "wr-0929")}
    assert agree["message"].startswith("28 (data/audit/articles.csv#cl-0926) vs 30 (data/audit/articles.csv#fd-0927)")
    rows = run("check", "articles.csv", "--format", "csv", cwd=audit).stdout.splitlines()
    assert rows[1].split(",")[6] == "data/audit/articles.csv#fd-0927"
    markdown = run("check", "articles.csv", "--format", "markdown", cwd=audit).stdout
    assert r"data/audit/articles\.csv\:3 \(column strikes\_total\) 55" in markdown  # escaped: shown as written


def test_the_terminal_keeps_paths_as_typed(repo):
    result = run("check", "../../pages/tally.txt", "--format", "table", cwd=repo / "data" / "audit")
    assert "../../pages/tally.txt:5:38" in result.stdout


def test_github_workspace_is_the_root_when_set(repo):
    audit = repo / "data" / "audit"
    result = run("check", "articles.csv", "--format", "github", cwd=audit, GITHUB_WORKSPACE=str(repo / "data"))
    assert result.stdout.startswith("::error file=audit/articles.csv,line=3")


def test_a_file_outside_the_repository_keeps_its_path_as_given(repo, tmp_path):
    outside = tmp_path / "elsewhere.txt"
    shutil.copy(EXAMPLES / "strike-tally-error.txt", outside)
    absolute = run("check", str(outside), "--format", "json", cwd=repo / "pages")
    assert {c["doc"] for f in json.loads(absolute.stdout)["findings"] for c in f["claims"]} == {str(outside)}
    relative = run("check", "../../elsewhere.txt", "--format", "json", cwd=repo / "pages")
    assert {c["doc"] for f in json.loads(relative.stdout)["findings"] for c in f["claims"]} == {"../../elsewhere.txt"}
    sarif = json.loads(run("check", "../../elsewhere.txt", "--format", "sarif", cwd=repo / "pages").stdout)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": outside.as_uri()}


def test_without_a_repository_paths_are_relative_to_the_working_directory(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(EXAMPLES / "strike-tally-error.txt", tmp_path / "a" / "tally.txt")
    result = run("check", "a/tally.txt", "--format", "github", cwd=tmp_path)
    assert result.stdout.startswith("::error file=a/tally.txt,line=5")
    assert not any((parent / ".git").exists() for parent in [tmp_path, *tmp_path.parents]) or pytest.skip("tmp is in a repository")
