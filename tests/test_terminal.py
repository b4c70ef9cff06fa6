"""The terminal report of ``claimcheck check``: summary first, findings grouped by event and fact under plain
headings, whole paths, ``--quiet``, ``--statistics``, ``--select``/``--ignore``, warnings printed once with a count."""

import io
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass

import pytest

from claimcheck.model import Claim, FactKey, Finding
from claimcheck.output.terminal import fact_heading, parse_fact_key, write_table
from claimcheck.result import CheckResult
from conftest import EXAMPLES


def table(cli, *args, cwd=None, columns=None):
    if columns is None:
        return cli("check", *args, "--format", "table", "--no-cache", cwd=cwd)
    return subprocess.run([sys.executable, "-m", "claimcheck", "check", *args, "--format", "table", "--no-cache"],
                          capture_output=True, text=True, cwd=cwd,
                          env={"PATH": "/usr/bin:/bin", "CI": "1", "PYTHONIOENCODING": "utf-8", "COLUMNS": str(columns)})


@pytest.mark.parametrize("key, heading", [
    (FactKey("strikes", "[count]", place="Iraq"), "strikes in Iraq (count)"),
    (FactKey("air strikes", "[count]", place="Iraq"), "air strikes in Iraq (count)"),
    (FactKey("troops", "[count]", actor="US", place="Syria"), "US troops in Syria (count)"),
    (FactKey("fighters", "[count]", actor="pro-government", outcome="killed"), "pro-government fighters killed (count)"),
    (FactKey("area", "[length] ** 2", place="United Kingdom"), "area in United Kingdom"),
    (FactKey("distance", "[length]"), "distance (length)"),
    (FactKey("aid", "[currency_USD]", actor="EU"), "EU aid (USD)"),
    (FactKey("magnitude", "dimensionless", subject="the quake", scope="cumulative", period="2024-09"),
     "magnitude of the quake, cumulative, as of 2024-09 (number)"),
])
def test_fact_keys_read_as_plain_words(key, heading):
    assert fact_heading(key) == heading
    assert fact_heading(parse_fact_key(str(key))) == heading  # as a finding written from the cache names it


def test_a_share_is_a_percent():
    assert fact_heading(FactKey("territory", "dimensionless", place="Syria"), ["percent", "percent"]) == "territory in Syria (percent)"


def test_the_summary_comes_first_and_the_counts_again_at_the_end(cli):
    result = table(cli, str(EXAMPLES), "--passing")
    lines = result.stdout.splitlines()
    report = json.loads(cli("check", str(EXAMPLES), "--format", "json", "--passing", "--no-cache").stdout)
    summary, counts = report["summary"], report["summary"]["findings"]
    assert result.returncode == 1
    assert (summary["documents"], summary["claims"]) == (6, 30)
    assert lines[0] == (f"6 documents, 30 claims: {summary['claims_checked']} checked by some rule, "
                        f"{summary['claims_unchecked']} that no rule looked at; {summary['facts']} facts.")
    assert lines[1].startswith(f"Findings: {counts['violated']} violated (1 error, {summary['violated_by_severity']['warning']} "
                               f"warnings), {counts['changed']} changed, {counts['consistent']} consistent")
    assert lines[2].split()[-1] == "rule" and lines[2].split()[:3] == ["violated", "changed", "consistent"]
    per_rule = {line.split()[-2]: [int(n) for n in line.split()[:3]] for line in lines[3:lines.index("")]}
    assert sum(per_rule.values(), []) and per_rule["parts-sum-to-total"] == [1, 0, 2]
    for status, column in (("violated", 0), ("changed", 1), ("consistent", 2)):
        assert sum(row[column] for row in per_rule.values()) == counts[status]
    expected = {f["rule"]: sum(1 for g in report["findings"] if g["rule"] == f["rule"]) for f in report["findings"]}
    assert {rule: sum(row) for rule, row in per_rule.items()} == expected
    headings = [line.strip("─ ") for line in lines if line.startswith("── ")]
    assert headings[:3] == [f"{EXAMPLES}/strike-tally-error.txt: air strikes", f"{EXAMPLES}/coalition-update.txt: area",
                            "strikes in Iraq (count)"]
    assert {"US troops in Syria (count)", "territory in Syria (percent)", "pro-government fighters killed (count)"} <= set(headings)
    assert lines[-1] == lines[1][:-1] + "; all findings listed."
    assert "--passing lists all" in table(cli, str(EXAMPLES)).stdout.splitlines()[-1]


def test_each_finding_shows_its_sources_under_its_location(cli):
    lines = table(cli, "examples/corpus/strike-tally-error.txt").stdout.splitlines()
    at = lines.index("✗ violated  error  parts-sum-to-total (sum)")
    assert lines[at + 1:at + 3] == ["    27 + 30 = 57 ≠ 55 air strikes: the parts exceed the total by 2",
                                    "    examples/corpus/strike-tally-error.txt:5:38"]
    assert lines[at + 3].startswith("        BAGHDAD - US-led aircraft have flown 55 air strikes")


def test_long_paths_are_never_broken_inside(cli, tmp_path):
    deep = tmp_path / ("a-rather-long-folder-name-for-the-reports-of-" + "x" * 40) / "and-another-level-below-it"
    deep.mkdir(parents=True)
    for name in ("strike-tally.txt", "strike-tally-error.txt"):
        shutil.copy(EXAMPLES / name, deep / name)
    result = table(cli, str(deep), columns=60)
    page = str(deep / "strike-tally-error.txt")
    lines = result.stdout.splitlines()
    assert len(page) > 100
    assert f"    {page}:5:38" in lines and f"    ({page})" in lines  # a location, and a path in a message
    assert lines[lines.index("✗ violated  error  parts-sum-to-total (sum)") + 1:][:2] == [
        "    27 + 30 = 57 ≠ 55 air strikes: the parts exceed the", "    total by 2"]
    assert all(len(line) <= 60 or len(line.split()) == 1 or line.startswith("── ") for line in lines), lines


def _finding(status: str) -> tuple[Finding, Claim]:
    claim = Claim(doc="a.txt", start=0, end=2, text="55", sentence="Jets flew 55 sorties.", value=55.0, low=55.0, high=55.0,
                  unit="count", measure="sorties", line=1, column=11)
    return Finding("sorties-agree", "agree", status, "info", "55 vs 55 (a.txt): the same quantity",
                   [claim], fact="sorties | * | * | [count]"), claim


def test_a_status_this_version_does_not_know_is_still_shown():
    from claimcheck.model import Document
    from claimcheck.output import write_report

    finding, claim = _finding("same-quantity")
    result = CheckResult([Document(id="a.txt", text="Jets flew 55 sorties.", path="a.txt")], [claim], [], [finding])
    assert result.summary["findings"] == {"violated": 0, "changed": 0, "consistent": 0, "same-quantity": 1}
    stream = io.StringIO()
    write_table(result, [finding], stream, passing=True)
    text = stream.getvalue()
    assert "Findings: 0 violated, 0 changed, 0 consistent, 1 same-quantity." in text
    assert "── sorties (count) " in text and "• same-quantity  info  sorties-agree (agree)" in text
    sarif = io.StringIO()
    write_report(result, sarif, "sarif", passing=True)
    [entry] = json.loads(sarif.getvalue())["runs"][0]["results"]
    assert (entry["kind"], entry["level"], entry["properties"]["status"]) == ("informational", "none", "same-quantity")


def test_findings_are_grouped_by_event_when_fact_keys_name_one():
    from claimcheck.model import Fact

    @dataclass(frozen=True)
    class EventKey(FactKey):
        event: str | None = None

    key = EventKey("sorties", "[count]", event="Khusham attack")
    finding, claim = _finding("violated")
    finding.fact = str(key)
    result = CheckResult([], [claim], [Fact(key, [claim])], [finding])
    stream = io.StringIO()
    write_table(result, [finding], stream)
    lines = stream.getvalue().splitlines()
    event = next(i for i, line in enumerate(lines) if line.startswith("══ event: Khusham attack "))
    assert lines[event + 1].startswith("── sorties (count) ─")


def test_quiet_lists_violated_findings_one_line_each_without_warnings(cli, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    (corpus / "typo.txt").write_text("Scheme To Cost 11,OOO Crore Per Year\n")
    result = cli("check", "corpus", "--format", "table", "--no-cache", "--quiet", "--passing", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == ("corpus/strike-tally-error.txt:5:38: error parts-sum-to-total: 27 + 30 = 57 ≠ 55 air strikes: "
                        "the parts exceed the total by 2")
    report = json.loads(cli("check", "corpus", "--format", "json", "--no-cache", "-q", "--passing", cwd=tmp_path).stdout)
    assert {f["status"] for f in report["findings"]} == {"violated"}
    assert lines == [f"{f['claims'][0]['doc']}:{f['claims'][0]['line']}:{f['claims'][0]['column']}: {f['severity']} "
                     f"{f['rule']}: {f['message']}" for f in report["findings"]]


def test_statistics_count_findings_per_rule(cli):
    text = cli("check", str(EXAMPLES), "--statistics", "--format", "table", "--no-cache")
    assert text.returncode == 1
    assert text.stdout.splitlines()[:3] == ["violated  changed  consistent  rule",
                                            "       1        0           3  strike-counts-agree (agree)",
                                            "       1        0           2  parts-sum-to-total (sum)"]
    rows = json.loads(cli("check", str(EXAMPLES), "--statistics", "--format", "json", "--no-cache", "--select", "sum").stdout)
    assert rows == [{"rule": "parts-sum-to-total", "kind": "sum", "violated": 1, "changed": 0, "consistent": 2}]
    wrong = cli("check", str(EXAMPLES), "--statistics", "--format", "sarif", "--no-cache")
    assert wrong.returncode == 2 and wrong.stderr.strip() == "error: --statistics prints a table or json, not sarif"


def test_select_and_ignore_by_rule_id_or_kind(cli, tmp_path):
    def rules(*args, cwd=None):
        result = cli("check", str(EXAMPLES), "--format", "json", "--passing", "--no-cache", *args, cwd=cwd)
        return result.returncode, sorted({f["rule"] for f in json.loads(result.stdout)["findings"]})

    assert rules("--select", "sum") == (1, ["parts-sum-to-total"])
    assert rules("--select", "sum,size-comparison-reference") == (1, ["parts-sum-to-total", "size-comparison-reference"])
    assert rules("--select", "agree", "--ignore", "strike-counts-agree") == (0, [
        "casualty-figures-agree", "figures-agree-across-sources", "territory-shares-agree", "troop-numbers-agree"])
    # narrowing what is reported does not make the fallback rule judge the strike counts instead
    assert rules("--ignore", "strike-counts-agree", "--select", "figures-agree-across-sources")[1] == [
        "figures-agree-across-sources"]
    assert rules("--ignore", "agree,sum") == (0, ["size-comparison-reference"])
    (tmp_path / "claimcheck.yaml").write_text("ignore: [reference, agree]\n")
    assert rules(cwd=tmp_path) == (1, ["parts-sum-to-total"])
    unknown = cli("check", str(EXAMPLES), "--select", "strike-count-agree", "--no-cache")
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == ("error: --select 'strike-count-agree': no rule or rule kind of that name "
                                      "(did you mean 'strike-counts-agree'?)")


def test_selection_narrows_sarif_and_junit_rules_too(cli):
    log = json.loads(cli("check", str(EXAMPLES), "--format", "sarif", "--select", "sum", "--no-cache").stdout)
    assert [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]] == ["parts-sum-to-total"]
    from xml.etree import ElementTree

    junit = ElementTree.fromstring(cli("check", str(EXAMPLES), "--format", "junit", "--ignore", "agree", "--no-cache").stdout)
    assert {suite.get("name") for suite in junit.iter("testsuite")} == {
        "parts-sum-to-total", "share-within-0-100", "count-not-negative", "part-not-above-whole", "shares-sum-to-100",
        "change-arithmetic", "conversion-restates-figure", "size-comparison-reference"}


def test_a_warning_repeated_in_many_places_is_printed_once_with_a_count(cli, tmp_path):
    for number in range(6):
        (tmp_path / f"page{number}.txt").write_text(f"Scheme {number} To Cost 11,OOO Crore Per Year\n")
    result = cli("check", str(tmp_path), "--format", "json", "--no-cache")
    lines = result.stderr.splitlines()
    assert lines == [f"{tmp_path}/page0.txt:1:18: warning: malformed number '11,OOO' (letter O for zero?) not read as a claim",
                     f"warning: 5 more like this not shown: {lines[0]}"]
