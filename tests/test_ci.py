"""CI-grade audits: datasets, config discovery, output formats, baselines, suppressions, cache, bad input."""

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

import claimcheck
from claimcheck.cache import ResultCache
from claimcheck.documents import DatasetSpec
from claimcheck.extraction import ExtractionOptions
from conftest import EXAMPLES, ROOT

SARIF_SCHEMA = ROOT.parent / "shared" / "eval" / "sarif" / "sarif-schema-2.1.0.json"
DATASET = ROOT / "examples" / "dataset"
ROWS = [
    ("a1", "2014-09-26", "Ledger", "Coalition jets flew 55 air strikes in Iraq and Syria, 27 in Syria and 28 in Iraq."),
    ("a2", "2014-09-27", "Post", "Officials said 27 air strikes hit Syria and 30 air strikes hit Iraq over the same days."),
    ("a3", "2014-09-27", "Wire", "The US keeps about 2,000 troops in Syria."),
]


def write_csv(path: Path, rows=ROWS) -> Path:
    import csv

    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "published", "outlet", "body"])
        writer.writerows(rows)
    return path


def dataset_args(*extra):
    return ["--text-column", "body", "--id-column", "id", "--date-column", "published", "--source-column", "outlet",
            "--no-cache", *extra]


def test_dataset_audit_finds_a_disagreement_across_rows(cli, tmp_path):
    data = write_csv(tmp_path / "articles.csv")
    result = cli("check", str(data), "--format", "json", *dataset_args())
    findings = json.loads(result.stdout)["findings"]
    [strikes] = [f for f in findings if f["rule"] == "strike-counts-agree"]
    assert [c["doc"] for c in strikes["claims"]] == [f"{data}#a1", f"{data}#a2"]
    assert strikes["message"].startswith("28 (") and " vs 30 (" in strikes["message"]
    assert result.returncode == 0  # a warning, and --fail-on defaults to error


@pytest.mark.parametrize("kind", ["jsonl", "parquet"])
def test_jsonl_and_parquet_datasets(tmp_path, kind):
    import pandas as pd

    frame = pd.DataFrame(ROWS, columns=["id", "published", "outlet", "body"])
    path = tmp_path / f"articles.{kind}"
    if kind == "jsonl":
        frame.to_json(path, orient="records", lines=True)
    else:
        frame.to_parquet(path)
    spec = DatasetSpec(("body",), "id", "published", "outlet")
    documents = claimcheck.read_documents([path], dataset=spec)
    assert [(d.id, d.date, d.outlet) for d in documents] == [
        (f"{path}#a1", "2014-09-26", "Ledger"), (f"{path}#a2", "2014-09-27", "Post"), (f"{path}#a3", "2014-09-27", "Wire")]
    findings = claimcheck.check(documents)
    assert any(f.rule == "strike-counts-agree" and f.status == "violated" for f in findings)


def test_numeric_columns_are_claims_compared_with_text(cli):
    result = cli("check", "articles.csv", "--format", "json", "--no-cache", cwd=DATASET)
    findings = json.loads(result.stdout)["findings"]
    [total] = [f for f in findings if f["rule"] == "parts-sum-to-total"]
    assert total["message"] == "27 + 30 = 57 ≠ 55 air strikes: the parts exceed the total by 2"
    assert total["claims"][0]["text"] == "55" and total["claims"][0]["sentence"] == "strikes_total = 55"
    assert result.returncode == 1  # the example config sets fail_on: warning


def test_sarif_validates_against_the_official_schema(cli, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    if not SARIF_SCHEMA.exists():
        pytest.skip("SARIF schema not available beside the repository")
    report = tmp_path / "report.sarif"
    result = cli("check", str(EXAMPLES), "--format", "sarif", "--passing", "--output", str(report), "--no-cache")
    assert result.returncode == 1
    log = json.loads(report.read_text())
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text()))
    run = log["runs"][0]
    assert {rule["id"] for rule in run["tool"]["driver"]["rules"]} >= {"parts-sum-to-total", "troop-numbers-agree"}
    [broken] = [r for r in run["results"] if r["ruleId"] == "parts-sum-to-total" and r["level"] == "error"]
    region = broken["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 38)
    assert broken["partialFingerprints"]["claimcheckFinding/v1"]
    assert len(broken["relatedLocations"]) == 2


def test_junit_has_a_testcase_per_rule_and_document(cli):
    result = cli("check", str(EXAMPLES), "--format", "junit", "--no-cache")
    root = ElementTree.fromstring(result.stdout)
    rules = len(claimcheck.load_rules().rules)
    assert int(root.get("tests")) == rules * 6
    failing = [case.get("name") for case in root.iter("testcase") if case.find("failure") is not None]
    assert any(name.endswith("strike-tally-error.txt") for name in failing)


def test_github_annotations_and_step_summary(cli, tmp_path, monkeypatch):
    import subprocess
    import sys

    summary = tmp_path / "summary.md"
    result = subprocess.run([sys.executable, "-m", "claimcheck", "check", str(EXAMPLES), "--format", "github", "--no-cache"],
                            capture_output=True, text=True, cwd=ROOT,
                            env={"PATH": "/usr/bin:/bin", "CI": "1", "GITHUB_STEP_SUMMARY": str(summary)})
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=") and "title=parts-sum-to-total::27 + 30 = 57" in lines[0]
    assert all(line.startswith(("::error", "::warning", "::notice")) for line in lines)
    assert summary.read_text().startswith("## claimcheck")


def test_markdown_jsonl_and_csv_formats(cli):
    markdown = cli("check", str(EXAMPLES), "--format", "markdown", "--no-cache").stdout
    assert "| violated | error | `parts-sum-to-total` |" in markdown
    lines = cli("check", str(EXAMPLES), "--format", "jsonl", "--no-cache").stdout.splitlines()
    assert all(json.loads(line)["status"] == "violated" for line in lines) and len(lines) == 3
    table = cli("check", str(EXAMPLES), "--format", "csv", "--no-cache").stdout.splitlines()
    assert table[0] == "rule,kind,status,severity,message,fingerprint,docs,locations,claim_texts" and len(table) == 4


def test_baseline_survives_reflowing_and_catches_a_new_inconsistency(cli, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    baseline = tmp_path / "baseline.json"
    written = cli("check", str(corpus), "--write-baseline", str(baseline), "--format", "json", "--no-cache")
    assert written.returncode == 0 and len(json.loads(baseline.read_text())["findings"]) == 3
    page = corpus / "strike-tally-error.txt"
    page.write_text("Correction appended below.\n\n" + page.read_text().replace("27 air strikes in Syria and ", "27 air strikes in Syria\nand "))
    quiet = cli("check", str(corpus), "--baseline", str(baseline), "--format", "json", "--no-cache")
    assert (quiet.returncode, json.loads(quiet.stdout)["findings"]) == (0, [])
    tally = corpus / "strike-tally.txt"
    tally.write_text(tally.read_text().replace("28 strikes in Iraq", "26 strikes in Iraq"))
    loud = cli("check", str(corpus), "--baseline", str(baseline), "--format", "json", "--no-cache")
    new = json.loads(loud.stdout)["findings"]
    assert loud.returncode == 1
    assert any(f["rule"] == "parts-sum-to-total" and f["message"].startswith("27 + 26 = 53") for f in new)
    assert "baseline: gone (no longer found): strike-counts-agree" in loud.stderr


def test_baseline_of_rows_without_ids_survives_a_row_added_above(cli, tmp_path):
    rows = [(None, *row[1:]) for row in ROWS]
    data = tmp_path / "rows.csv"
    write_csv(data, [("", *row[1:]) for row in rows])
    baseline = tmp_path / "baseline.json"
    args = ["--text-column", "body", "--date-column", "published", "--no-cache"]
    cli("check", str(data), "--write-baseline", str(baseline), *args)
    write_csv(data, [("", "2014-09-20", "Early", "Aid agencies delivered 12 convoys."), *[("", *row[1:]) for row in rows]])
    result = cli("check", str(data), "--baseline", str(baseline), "--format", "json", *args)
    assert json.loads(result.stdout)["findings"] == []
    assert "gone" not in result.stderr


def test_suppressions_file_and_inline_comments(cli, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    page = corpus / "coalition-update.txt"
    page.write_text(page.read_text() + "\n<!-- claimcheck-ignore size-comparison-reference: area is the peak extent -->\n")
    suppressions = tmp_path / "suppressions.yaml"
    suppressions.write_text("suppressions:\n  - rule: strike-counts-agree\n    doc: strike-tally-error.txt\n"
                            "    reason: correction pending\n  - rule: shares-sum-to-100\n    reason: not used\n")
    result = cli("check", str(corpus), "--suppressions", str(suppressions), "--format", "json", "--no-cache")
    data = json.loads(result.stdout)
    assert [f["rule"] for f in data["findings"]] == ["parts-sum-to-total"]
    assert data["summary"]["suppressed"] == 2 and data["summary"]["unused_suppressions"] == 1
    assert f"{suppressions}:5: unused suppression (shares-sum-to-100: not used)" in result.stderr


def test_config_discovery_origins_and_overrides(cli, tmp_path):
    project = tmp_path / "project"
    (project / "deep" / "er").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.claimcheck]\nfail-on = "never"\ntext_columns = ["body"]\n')
    shown = cli("config", "show", cwd=project / "deep" / "er")
    assert f'fail_on           "never"  ({project / "pyproject.toml"})' in shown.stdout
    assert 'text_columns      ["body"]' in shown.stdout
    (project / "claimcheck.yaml").write_text("fail_on: info\n")
    yaml_shown = cli("config", "show", cwd=project / "deep")
    assert f'fail_on           "info"  ({project / "claimcheck.yaml"}:1)' in yaml_shown.stdout
    shutil.copy(EXAMPLES / "strike-tally-error.txt", project / "deep")
    assert cli("check", "strike-tally-error.txt", "--format", "json", "--no-cache", cwd=project / "deep").returncode == 1
    assert cli("check", "strike-tally-error.txt", "--format", "json", "--no-cache", "--fail-on", "never",
               cwd=project / "deep").returncode == 0


def test_bad_config_is_a_located_error(cli, tmp_path):
    (tmp_path / "claimcheck.yaml").write_text("fail_on: error\ntext_colums: [body]\n")
    result = cli("config", "show", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'claimcheck.yaml'}:2: unknown key 'text_colums' (did you mean 'text_columns'?)"


def test_cache_reextracts_only_the_edited_document(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    options = ExtractionOptions()
    first = ResultCache(tmp_path / "cache", options.cache_key())
    claims = claimcheck.check_result([corpus], cache_dir=None).claims
    from claimcheck.extraction.batch import extract_many

    assert extract_many(claimcheck.read_documents([corpus]), options, cache=first) == claims
    assert (first.hits, first.misses) == (0, 6)
    page = corpus / "weekly-roundup.txt"
    page.write_text(page.read_text().replace("two servicemen", "three servicemen"))
    second = ResultCache(tmp_path / "cache", options.cache_key())
    again = extract_many(claimcheck.read_documents([corpus]), options, cache=second)
    assert (second.hits, second.misses) == (5, 1)
    assert [c.value for c in again if c.measure == "servicemen"] == [3.0]


def test_parallel_extraction_gives_the_same_claims(tmp_path):
    documents = [claimcheck.read_text(f"Day {i}: jets flew {i + 10} sorties and about {i * 100 + 50} troops moved.", id=f"d{i}")
                 for i in range(60)]
    from claimcheck.extraction.batch import extract_many

    assert extract_many(documents, jobs=2) == extract_many(documents, jobs=1)


BAD_INPUT = {
    "ragged": ("ragged.csv", "id,body\na1,Jets flew 12 sorties\na2,Jets flew 13 sorties,extra\n", ["--text-column", "body"],
               "error: {path}:3: row has 3 fields but the header has 2"),
    "column": ("articles.csv", "id,text_body\na1,Jets flew 12 sorties\n", ["--text-column", "body"],
               "error: {path}:1: no column 'body' (did you mean 'text_body'?)"),
    "encoding": ("latin.csv", None, ["--text-column", "body"], "error: {path}:2:7: not valid UTF-8 (byte 0xe9)"),
    "parquet": ("fake.parquet", "id,body\na1,not parquet\n", ["--text-column", "body"], "error: {path}: not a readable Parquet file"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_dataset_is_one_located_line_and_no_output(cli, tmp_path, case):
    name, text, args, expected = BAD_INPUT[case]
    path = tmp_path / name
    if text is None:
        path.write_bytes("id,body\na1,Caf\xe9 served 40 meals\n".encode("cp1252"))
    else:
        path.write_text(text)
    report = tmp_path / "report.json"
    result = cli("check", str(path), *args, "--format", "json", "--output", str(report), "--no-cache")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith(expected.format(path=path))
    assert not report.exists() and "Traceback" not in result.stderr


@pytest.mark.parametrize("content, message", [
    ("{not json", "baseline is not valid JSON"),
    ('{"tool": "other", "findings": []}', "not a claimcheck baseline"),
])
def test_unreadable_or_foreign_baseline(cli, tmp_path, content, message):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content)
    report = tmp_path / "report.json"
    report.write_text("previous report")
    result = cli("check", str(EXAMPLES), "--baseline", str(baseline), "--output", str(report), "--no-cache")
    assert result.returncode == 2 and message in result.stderr and str(baseline) in result.stderr
    assert report.read_text() == "previous report"


def test_output_paths_that_cannot_be_written_are_usage_errors(cli, tmp_path):
    missing = cli("check", str(EXAMPLES), "--output", str(tmp_path / "no" / "report.json"), "--no-cache")
    assert missing.returncode == 2 and "no such directory" in missing.stderr
    folder = cli("check", str(EXAMPLES), "--output", str(tmp_path), "--no-cache")
    assert folder.returncode == 2 and "is a directory" in folder.stderr
    target = tmp_path / "target.json"
    target.write_text("old")
    (tmp_path / "link.json").symlink_to(target)
    cli("check", str(EXAMPLES), "--format", "json", "--output", str(tmp_path / "link.json"), "--no-cache")
    assert (tmp_path / "link.json").is_symlink() and json.loads(target.read_text())["summary"]["documents"] == 6


def test_repeated_ids_and_missing_cells(cli, tmp_path):
    data = tmp_path / "rows.csv"
    data.write_text("id,text,total\n1,\"The coalition carried out 55 air strikes: 27 in Syria and 30 in Iraq.\",\n"
                    "1,Officials said 40 troops were there.,\n")
    result = cli("check", str(data), "--id-column", "id", "--claim-column", "total=air strikes", "--format", "json", "--no-cache")
    findings = json.loads(result.stdout)["findings"]
    assert [f["message"] for f in findings if f["rule"] == "parts-sum-to-total"] == [
        "27 + 30 = 57 ≠ 55 air strikes: the parts exceed the total by 2"]
    assert f"{data}:3: id '1' repeats the row at line 2; this row is {data}#1~3" in result.stderr
    assert "nan" not in result.stdout.lower()


@pytest.mark.parametrize("config, message", [
    ("claim_columns: {total: 5}\n", "claim column 'total' should be a mapping"),
    ("claim_columns: {total: {measure: troops, unit: furlongz}}\n", "unknown unit 'furlongz'"),
    ("approximate_band: 5\n", "approximate_band is a fraction between 0 and 1"),
])
def test_config_values_are_validated(cli, tmp_path, config, message):
    (tmp_path / "claimcheck.yaml").write_text(config)
    result = cli("config", "show", cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr


def test_baseline_survives_a_new_source_repeating_a_figure(cli, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("strike-tally.txt", "strike-tally-error.txt"):
        shutil.copy(EXAMPLES / name, corpus / name)
    baseline = tmp_path / "baseline.json"
    cli("check", str(corpus), "--write-baseline", str(baseline), "--no-cache")
    shutil.copy(EXAMPLES / "weekly-roundup.txt", corpus / "weekly-roundup.txt")
    result = cli("check", str(corpus), "--baseline", str(baseline), "--format", "json", "--no-cache")
    assert json.loads(result.stdout)["findings"] == [] and "gone" not in result.stderr


def test_sarif_passing_results_have_no_level_and_junit_stays_valid_xml(cli, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    page = corpus / "strike-tally-error.txt"
    page.write_text(page.read_text().replace("In its breakdown,", "In its \x1b[31mbreakdown\x01,"))
    log = json.loads(cli("check", str(corpus), "--format", "sarif", "--passing", "--no-cache").stdout)
    assert {r["level"] for r in log["runs"][0]["results"] if r["kind"] != "fail"} == {"none"}
    junit = cli("check", str(corpus), "--format", "junit", "--no-cache").stdout
    assert int(ElementTree.fromstring(junit).get("failures")) >= 3  # parses: control characters were replaced
