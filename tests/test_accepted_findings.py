"""Suppressed and baselined findings: results with ``suppressions`` in SARIF (valid against the official schema),
skipped cases in JUnit, listed apart in Markdown and the job summary, counted alike everywhere; suppressions that
name no loaded rule are warned about."""

import json
import shutil
from xml.etree import ElementTree

import pytest

from conftest import EXAMPLES, ROOT

SARIF_SCHEMA = ROOT.parent / "shared" / "eval" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """The example corpus with each violated finding accepted one way: an inline comment (size comparison),
    the suppressions file (strike counts) and the baseline (the sum); plus a misspelt rule in each kind of suppression."""
    from conftest import run_cli

    root = tmp_path_factory.mktemp("desk")
    corpus = root / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    page = corpus / "coalition-update.txt"
    page.write_text(page.read_text() + "\n<!-- claimcheck-ignore size-comparison-reference: area is the peak extent -->\n"
                    "<!-- claimcheck-ignore no-such-rule: typo -->\n")
    (root / "suppressions.yaml").write_text(
        "suppressions:\n  - rule: strike-counts-agree\n    doc: strike-tally-error.txt\n    reason: correction pending\n"
        "  - rule: strike-count-agree\n    reason: misspelt\n")
    written = run_cli("check", "corpus", "--write-baseline", "all.json", "--no-cache", cwd=root)
    assert written.returncode == 0, written.stderr
    entries = json.loads((root / "all.json").read_text())
    entries["findings"] = [entry for entry in entries["findings"] if entry["rule"] == "parts-sum-to-total"]
    (root / "baseline.json").write_text(json.dumps(entries))
    return root


def check(desk, *args):
    from conftest import run_cli

    return run_cli("check", "corpus", "--suppressions", "suppressions.yaml", "--baseline", "baseline.json",
                   "--no-cache", *args, cwd=desk)


def test_sarif_keeps_accepted_results_with_their_suppressions(desk):
    jsonschema = pytest.importorskip("jsonschema")
    result = check(desk, "--format", "sarif")
    assert result.returncode == 0, result.stderr
    log = json.loads(result.stdout)
    if SARIF_SCHEMA.exists():
        jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text()))
    accepted = {entry["ruleId"]: (entry["suppressions"], entry.get("baselineState"), entry["level"])
                for entry in log["runs"][0]["results"]}
    assert accepted == {
        "size-comparison-reference": ([{"kind": "inSource", "status": "accepted", "justification": "area is the peak extent"}],
                                      "new", "warning"),
        "strike-counts-agree": ([{"kind": "external", "status": "accepted", "justification": "correction pending"}],
                                "new", "warning"),
        "parts-sum-to-total": ([{"kind": "external", "status": "accepted",
                                 "justification": "accepted in the baseline (baseline.json)"}], "unchanged", "error"),
    }


def test_a_suppressed_finding_that_is_also_in_the_baseline_is_unchanged(desk, tmp_path):
    from conftest import run_cli

    result = run_cli("check", "corpus", "--suppressions", "suppressions.yaml", "--baseline", "all.json", "--format", "sarif",
                     "--no-cache", cwd=desk)
    states = {entry["ruleId"]: entry["baselineState"] for entry in json.loads(result.stdout)["runs"][0]["results"]}
    assert states == {"parts-sum-to-total": "unchanged", "size-comparison-reference": "unchanged",
                      "strike-counts-agree": "unchanged"}


def test_sarif_marks_new_findings_against_the_baseline(desk):
    log = json.loads(check(desk, "--format", "sarif", "--passing").stdout)
    results = log["runs"][0]["results"]
    counts = json.loads(check(desk, "--format", "json").stdout)["summary"]["findings"]
    assert sum("suppressions" not in entry for entry in results) == counts["changed"] + counts["consistent"] >= 2
    assert all("baselineState" not in entry for entry in results if entry["kind"] != "fail")


def test_junit_skips_cases_whose_findings_were_accepted(desk):
    root = ElementTree.fromstring(check(desk, "--format", "junit").stdout)
    assert (root.get("failures"), root.get("skipped")) == ("0", "5")
    skipped = {(case.get("classname"), case.get("name").rsplit("/", 1)[-1]): case.find("skipped").get("message")
               for case in root.iter("testcase") if case.find("skipped") is not None}
    assert skipped == {
        ("claimcheck.parts-sum-to-total", "strike-tally-error.txt"): "accepted: accepted in the baseline (baseline.json)",
        ("claimcheck.size-comparison-reference", "coalition-update.txt"): "accepted: area is the peak extent",
        ("claimcheck.strike-counts-agree", "strike-tally-error.txt"): "accepted: correction pending",
        ("claimcheck.strike-counts-agree", "strike-tally.txt"): "accepted: correction pending",
        ("claimcheck.strike-counts-agree", "weekly-roundup.txt"): "accepted: correction pending",
    }
    suite = next(suite for suite in root.iter("testsuite") if suite.get("name") == "strike-counts-agree")
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("6", "0", "3")


def test_every_format_counts_what_it_shows(desk):
    from conftest import run_cli

    everything = json.loads(run_cli("check", "corpus", "--format", "json", "--no-cache", cwd=desk).stdout)["summary"]
    changed, consistent = everything["findings"]["changed"], everything["findings"]["consistent"]
    summary = json.loads(check(desk, "--format", "json").stdout)["summary"]
    assert summary["findings"] == {"violated": 0, "changed": changed, "consistent": consistent}
    assert (summary["suppressed"], summary["baselined"], summary["violated_by_severity"]) == (
        2, 1, {"error": 0, "warning": 0, "info": 0})
    markdown = check(desk, "--format", "markdown").stdout
    counts = f"Findings: 0 violated, {changed} changed, {consistent} consistent; 3 accepted (2 suppressed, 1 baselined)."
    assert counts in markdown and "No violated findings." in markdown
    accepted = markdown.split("### Accepted (not failing)")[1]
    assert accepted.count("\n| `") == 3 and "| correction pending |" in accepted
    table = check(desk, "--format", "table").stdout
    assert f"0 violated, {changed} changed, {consistent} consistent; 3 accepted (2 suppressed, 1 baselined)" in table


def test_the_job_summary_agrees_with_the_annotations(desk, tmp_path):
    import subprocess
    import sys

    step = tmp_path / "summary.md"
    result = subprocess.run([sys.executable, "-m", "claimcheck", "check", "corpus", "--suppressions", "suppressions.yaml",
                             "--format", "github", "--no-cache"], capture_output=True, text=True, cwd=desk,
                            env={"PATH": "/usr/bin:/bin", "CI": "1", "GITHUB_STEP_SUMMARY": str(step)})
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert len(annotations) == 1 and "title=parts-sum-to-total" in annotations[0]
    text = step.read_text()
    assert "Findings: 1 violated (1 error), " in text and "; 2 accepted (2 suppressed)." in text
    assert text.count("| violated | error | `parts-sum-to-total` |") == 1


def test_suppressions_naming_no_loaded_rule_are_warned_about(desk):
    stderr = check(desk, "--format", "json").stderr
    assert "warning: suppressions.yaml:5: suppression names no loaded rule 'strike-count-agree' (did you mean " \
           "'strike-counts-agree'?)" in stderr
    assert "warning: corpus/coalition-update.txt:" in stderr and "(inline): suppression names no loaded rule 'no-such-rule'" in stderr
    assert "unused suppression (strike-count-agree" not in stderr
