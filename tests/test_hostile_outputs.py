"""Document text cannot inject formulas into spreadsheets, live links into Markdown, or escape sequences into a
terminal; a planted cache folder cannot run code or forge results; the ledger's fingerprints do not depend on the
order documents were ingested in (issue 11)."""

import csv
import io
import json
import os
import pickle
import random
import re
import shutil
import subprocess
import sys

import pytest

import claimcheck
from claimcheck.ledger import open_ledger
from claimcheck.output.safe import csv_cell, markdown_text, terminal_text
from conftest import EXAMPLES, ROOT

INJECTION = ("=HYPERLINK(\"http://evil.example\",\"click\") Officials said 27 strikes hit Iraq and 28 hit Syria, "
             "55 strikes in all.\n")
ENV = {"PATH": "/usr/bin:/bin", "CI": "1", "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(ROOT)}


def run(*args, cwd, timeout=120):
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env={**ENV, "HOME": str(cwd)})


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    assert [csv_cell(value) for value in ("=1+1", "+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx")] == [
        "'=1+1", "'+1", "'-2+3+cmd|' /C calc'!A0", "'@SUM(A1)", "'\tx", "'\rx"]
    assert [csv_cell(value) for value in ("ok", "", -5.0, 3, None)] == ["ok", "", -5.0, 3, None]


@pytest.fixture
def hostile_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "=cmd.txt").write_text("Tuesday, 4 March 2025\n\n" + INJECTION)
    (folder / "@b.txt").write_text("Tuesday, 4 March 2025\n\n-2+3+cmd|calc: officials said 27 strikes hit Iraq and 30 "
                                   "hit Syria, 55 strikes in all.\n")
    return folder


def _cells(text):
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_every_csv_written_has_no_cell_a_spreadsheet_would_run(hostile_corpus, tmp_path):
    found = run("check", "--no-cache", "corpus", "--format", "csv", "--passing", cwd=tmp_path)
    assert found.returncode == 1, found.stderr
    extracted = run("extract", "corpus", "--format", "csv", cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    assert run("track", "add", "corpus", "--db", "desk.db", cwd=tmp_path).returncode == 0
    finding = json.loads(run("review", "list", "--db", "desk.db", "--format", "json", cwd=tmp_path).stdout)[0]["id"]
    assert run("review", "set", str(finding), "--status", "confirmed", "--note", "=WEBSERVICE(\"http://evil\")",
               "--assignee", "@dana", "--db", "desk.db", cwd=tmp_path).returncode == 0
    facts = run("export", "facts", "--format", "csv", "--db", "desk.db", cwd=tmp_path)
    findings = run("export", "findings", "--format", "csv", "--db", "desk.db", cwd=tmp_path)
    for output in (found.stdout, extracted.stdout, facts.stdout, findings.stdout):
        cells = _cells(output)
        assert cells and not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")
                              and not re.fullmatch(r"=|-\d+(?:\.\d+)?(?:e[-+]?\d+)?|-inf", cell)]  # numbers and bounds
    assert "'-2+3+cmd|calc: officials said 27 strikes hit Iraq and 30 hit Syria, 55 strikes in all." in _cells(extracted.stdout)
    by_name = run("extract", "=cmd.txt", "@b.txt", "--format", "csv", cwd=hostile_corpus).stdout
    assert "'=cmd.txt" in _cells(by_name) and "'@b.txt" in _cells(by_name) and "=" in _cells(by_name)  # the bound stays
    assert "'=WEBSERVICE(\"http://evil\")" in _cells(findings.stdout) and "'@dana" in _cells(findings.stdout)


def test_markdown_shows_document_text_as_written_and_nothing_live():
    text = "[click](https://evil.example) ![x](http://e/x.png) <img src=x onerror=alert(1)> www.evil.com a@b.example\r*b*"
    escaped = markdown_text(text)
    for live in ("[click](", "![x](", "https://", "www.evil", "a@b", "\r", "*b*"):
        assert live not in escaped
    assert not re.search(r"(?<!\\)[<>\[\]()!*]", escaped)  # every character Markdown would read is escaped
    assert escaped.startswith("\\[click\\]\\(https\\:\u200b//evil\\.example\\)")


def test_markdown_report_escapes_links_from_documents(tmp_path):
    name = "![x](https:evil.example)<b>.txt"
    (tmp_path / name).write_text("Jets flew 55 sorties in all. Officials said 27 were in the north and 30 in the south.\r\n")
    done = run("check", "--no-cache", name, "--format", "markdown", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "](https" not in done.stdout and "![" not in done.stdout and "<b>" not in done.stdout
    assert "\\!\\[x\\]\\(https\\:evil\\.example\\)\\<b\\>\\.txt" in done.stdout


def test_terminal_output_loses_escape_sequences_from_documents_and_file_names(tmp_path):
    title, clear = "\x1b]0;pwned\x07", "\x1b[2J\x1b[H"
    (tmp_path / f"a{clear}.txt").write_text(f"Officials said 27 strikes{title} hit Iraq and 30 hit Syria, 55 strikes in all.{clear}\n")
    for args in (["check", "--no-cache", ".", "--format", "table", "--passing"], ["extract", ".", "--format", "table"],
                 ["extract", f"a{clear}.txt", "--max-line-length", "5"]):
        done = run(*args, cwd=tmp_path)
        assert "\x1b" not in done.stdout and "\x07" not in done.stdout and "\x1b" not in done.stderr, args
    assert "27" in run("extract", ".", "--format", "table", cwd=tmp_path).stdout
    assert terminal_text("a\x1b[31mred\x1b[0m\x9b2J\u202eb\tc\nd") == "ared" + "b\tc\nd"


# ---- the cache folder ------------------------------------------------------------------------------------------

class _Payload:
    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_cache_folder_runs_nothing_and_forges_nothing(tmp_path):
    """A .claimcheck-cache with pickles, forged entries, FIFOs and symbolic links, as a cloned repository could hold."""
    project = tmp_path / "project"
    shutil.copytree(EXAMPLES, project / "corpus")
    marker = tmp_path / "ran"
    payload = _Payload()
    payload.marker = marker
    cache = project / ".claimcheck-cache"
    clean = run("check", "corpus", "--format", "json", "--no-cache", cwd=project)
    assert run("check", "corpus", "--format", "json", cwd=project).stdout == clean.stdout  # fills the cache
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / ("0" * 64 + ".json")).write_text("{}")  # pruning must never delete here
    for entry in cache.rglob("*.json"):
        if entry.parent.name.startswith("rules-"):
            entry.write_bytes(pickle.dumps(payload))  # the old format: a pickle that runs a command when loaded
        elif entry.parent.name.startswith("runs-") and not entry.name.startswith("latest-"):
            forged = json.loads(entry.read_text())
            forged["findings"] = []  # a forged run hiding every finding, under another entry's key
            forged["key"] = "0" * 64
            entry.write_text(json.dumps(forged))
        elif entry.parent.parent.name.startswith("documents-"):
            os.unlink(entry)
            os.mkfifo(entry)  # reading it would block for ever
    for folder in [cache / "rules-v1", cache / "rules-v2"]:
        folder.mkdir(exist_ok=True)
        (folder / "planted.pickle").write_bytes(pickle.dumps(payload))
    facts = next(cache.glob("facts-v*"))
    shutil.rmtree(facts)
    facts.symlink_to(outside)
    again = run("check", "corpus", "--format", "json", cwd=project, timeout=300)
    assert not marker.exists()
    assert again.returncode == clean.returncode == 1 and again.stdout == clean.stdout, again.stderr
    assert (outside / ("0" * 64 + ".json")).exists() and len(list(outside.iterdir())) == 1
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*" and (cache / "CACHEDIR.TAG").exists()


def test_a_cache_folder_committed_to_the_repository_is_not_used(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    project = tmp_path / "project"
    shutil.copytree(EXAMPLES, project / "corpus")
    run("check", "corpus", "--format", "json", cwd=project)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", "."], cwd=project, check=True)
    subprocess.run([*git, "add", "-f", "corpus", ".claimcheck-cache"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "planted"], cwd=project, check=True)
    done = run("check", "corpus", "--format", "json", cwd=project)
    assert done.returncode == 1
    assert "the cache folder is tracked by git" in done.stderr and "not used" in done.stderr


def test_a_rule_set_comes_back_from_plain_data_as_it_was():
    from claimcheck.rules.stored import rule_set_from_data, rule_set_to_data

    rules = claimcheck.load_rules()
    data = json.loads(json.dumps(rule_set_to_data(rules)))
    again = rule_set_from_data(data)
    assert again.digest() == rules.digest() and repr(again.rules) == repr(rules.rules)
    data["rules"][0]["options"]["tolerance"] = "not a tolerance"
    with pytest.raises((TypeError, ValueError)):
        rule_set_from_data(data)


# ---- the ledger --------------------------------------------------------------------------------------------------

def test_fingerprints_do_not_depend_on_ingest_order(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    more = ["Monday, 3 March 2025\n\nFloods cut off 12 villages in the valley; 27 strikes hit Iraq.",
            "Tuesday, 4 March 2025\n\nFloods isolated 15 villages in the valley, and 28 strikes hit Iraq.",
            "Wednesday, 5 March 2025\n\nAbout 400 families returned; floods cut off 14 villages."]
    for number, text in enumerate(more):
        (corpus / f"extra{number}.txt").write_text(text + "\n")
    files = sorted(corpus.iterdir())
    fingerprints = []
    for seed, batches in ((None, 1), (1, 3), (2, len(files))):
        order = files[:]
        if seed is not None:
            random.Random(seed).shuffle(order)
        ledger = open_ledger(tmp_path / f"desk{seed}.db")
        size = -(-len(order) // batches)
        for start in range(0, len(order), size):
            ledger.ingest(order[start:start + size])
        fingerprints.append(sorted(record.fingerprint for record in ledger.store.findings() if record.present))
        ledger.close()
    assert fingerprints[0] and fingerprints[0] == fingerprints[1] == fingerprints[2]


def test_a_failed_first_ingest_leaves_no_ledger_file(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00 not text")
    done = run("track", "add", "bad.txt", "--db", "desk.db", cwd=tmp_path)
    assert done.returncode == 2 and not (tmp_path / "desk.db").exists()
    (tmp_path / "r.yaml").write_text("version: 1\nrules: 5\n")
    (tmp_path / "a.txt").write_text("Floods cut off 12 villages.\n")
    done = run("track", "add", "a.txt", "--rules", "r.yaml", "--db", "desk.db", cwd=tmp_path)
    assert done.returncode == 2 and not (tmp_path / "desk.db").exists()
