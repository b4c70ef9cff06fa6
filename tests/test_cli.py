"""The command line: formats, exit codes and one-line errors on stderr."""

import csv
import io
import json

from conftest import EXAMPLES


def test_extract_jsonl_has_every_field(cli):
    result = cli("extract", str(EXAMPLES / "strike-tally.txt"), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["value"], r["measure"], r["place"]) for r in rows] == [
        (55.0, "air strikes", "Iraq and Syria"), (27.0, "air strikes", "Syria"), (28.0, "strikes", "Iraq")]
    assert set(rows[0]) >= {"doc", "start", "end", "text", "sentence", "value", "low", "high", "bound", "is_range",
                            "unit", "measure", "place", "actor", "date"}


def test_extract_csv_and_directory(cli):
    result = cli("extract", str(EXAMPLES), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 30
    assert {r["doc"].rsplit("/", 1)[-1] for r in rows} == {
        "coalition-update.txt", "khusham-attack.md", "defensive-strikes.html", "strike-tally.txt",
        "weekly-roundup.txt", "strike-tally-error.txt"}


def test_extract_table(cli):
    result = cli("extract", str(EXAMPLES / "khusham-attack.md"), "--format", "table")
    assert result.returncode == 0
    assert "five miles" in result.stdout and "5 claims in 1 document(s)" in result.stdout


def test_stdin(cli):
    result = cli("extract", "-", "--format", "jsonl", input="Nearly 100 vehicles were inspected.\n")
    row = json.loads(result.stdout)
    assert (row["doc"], row["value"], row["bound"], row["low"], row["high"]) == ("-", 100.0, "<", 90.0, 100.0)


def test_output_file_is_written(cli, tmp_path):
    target = tmp_path / "claims.jsonl"
    result = cli("extract", str(EXAMPLES / "strike-tally.txt"), "--format", "jsonl", "--output", str(target))
    assert result.returncode == 0 and result.stdout == ""
    assert len(target.read_text().splitlines()) == 3


def test_output_dash_is_stdout(cli, tmp_path):
    result = cli("check", str(EXAMPLES), "--format", "json", "--output", "-", "--no-cache", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["summary"]["findings"]["violated"] == 3
    assert not (tmp_path / "-").exists()
    extracted = cli("extract", str(EXAMPLES / "strike-tally.txt"), "-f", "jsonl", "-o", "-", cwd=tmp_path)
    assert [json.loads(line)["value"] for line in extracted.stdout.splitlines()] == [55.0, 27.0, 28.0]
    assert not (tmp_path / "-").exists()


def test_missing_path_is_one_line_and_exit_2(cli):
    result = cli("extract", "no/such/dir")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: no/such/dir: no such file or directory"
    assert "Traceback" not in result.stderr


def test_invalid_utf8_alone_exits_2_and_among_others_warns(cli, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 40 meals")
    alone = cli("extract", str(bad))
    assert alone.returncode == 2 and f"{bad}:1:4: not valid UTF-8" in alone.stderr
    good = tmp_path / "good.txt"
    good.write_text("Pilots flew 12 sorties.", encoding="utf-8")
    mixed = cli("extract", str(bad), str(good), "--format", "jsonl")
    assert mixed.returncode == 0
    assert len(mixed.stdout.splitlines()) == 1
    assert mixed.stderr.startswith(f"warning: {bad}:1:4: not valid UTF-8")


def test_malformed_number_warning_on_stderr(cli, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Scheme To Cost 11,OOO Crore Per Year\n", encoding="utf-8")
    result = cli("extract", str(page), "--format", "jsonl")
    assert result.returncode == 0 and result.stdout == ""
    assert f"{page}:1:16: warning: malformed number '11,OOO'" in result.stderr


def test_empty_document_is_no_error(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = cli("extract", str(empty), "--format", "jsonl")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_bad_option_is_usage_error(cli):
    result = cli("extract", str(EXAMPLES), "--format", "xml")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_evaluate_prints_scores(cli):
    result = cli("evaluate", "tests/gold/extraction", "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["gold_claims"] >= 300 and scores["negatives"] >= 60
