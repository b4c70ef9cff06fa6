"""The fact-checking desk: the ledger, review workflow, exports and the HTML report."""

import json
import re
import shutil
import sqlite3
import subprocess
import sys
import time

import pytest

import claimcheck
from claimcheck.ledger import open_ledger
from conftest import EXAMPLES, ROOT, count_rows, postgres_database


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, folder)
    return folder


@pytest.fixture
def ledger(ledger_location, corpus):
    opened = open_ledger(ledger_location)
    opened.ingest([corpus])
    yield opened
    opened.close()


def count(db, table):
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_ingesting_twice_adds_nothing(cli, ledger_location, corpus):
    db = ledger_location
    first = cli("track", "add", str(corpus), "--db", db)
    assert first.returncode == 0 and first.stdout.startswith("6 added, 0 revised, 0 unchanged"), first.stderr
    before = {table: count_rows(db, table) for table in ("documents", "claims", "findings", "reviews")}
    second = cli("track", "add", str(corpus), "--db", db)
    assert second.stdout.startswith("0 added, 0 revised, 6 unchanged") and "(0 new, 0 reopened)" in second.stdout
    assert {table: count_rows(db, table) for table in before} == before
    assert before["documents"] == 6 and before["claims"] == 30


def test_a_revised_document_is_kept_beside_the_earlier_one(ledger, corpus):
    page = corpus / "strike-tally-error.txt"
    page.write_text(page.read_text().replace("30 strikes in Iraq", "28 strikes in Iraq"))
    report = ledger.ingest([corpus])
    assert report.revised == ["corpus/strike-tally-error.txt"] and report.added == []
    versions = [row for row in ledger.store.document_versions() if row.doc == "corpus/strike-tally-error.txt"]
    assert [(row.current, row.previous_id is None) for row in versions] == [(False, True), (True, False)]
    assert versions[1].previous_id == versions[0].id
    sums = [r for r in ledger.findings() if r["rule"] == "parts-sum-to-total" and r["status"] == "violated"]
    assert sums == []  # the corrected version is what is checked now


def test_review_status_changes_are_recorded(ledger, cli):
    [broken] = [r for r in ledger.findings() if r["rule"] == "parts-sum-to-total" and r["status"] == "violated"]
    ledger.set_review(broken["id"], "needs-source", note="ask Centcom", assignee="dana", who="lee")
    ledger.set_review(broken["id"], "confirmed", note="Centcom confirms 28", who="dana")
    history = ledger.history(broken["id"])
    assert [(e["who"], e["from_status"], e["to_status"], e["note"]) for e in history] == [
        ("lee", "open", "needs-source", "ask Centcom"), ("dana", "needs-source", "confirmed", "Centcom confirms 28")]
    record = ledger.finding(broken["id"])
    assert (record["review"], record["assignee"]) == ("confirmed", "dana")
    assert [r["id"] for r in ledger.findings("confirmed")] == [broken["id"]]


def test_review_state_survives_reruns(ledger, corpus):
    [strikes] = [r for r in ledger.findings() if r["rule"] == "strike-counts-agree" and r["status"] == "violated"]
    ledger.set_review(strikes["id"], "dismissed", note="different periods", who="lee")
    other = corpus / "coalition-update.txt"
    other.write_text(other.read_text() + "\n\nEditor's note: figures checked on Monday.\n")
    report = ledger.ingest([corpus])
    assert report.revised == ["corpus/coalition-update.txt"] and report.reopened == 0
    assert ledger.finding(strikes["id"])["review"] == "dismissed"


def test_dismissed_finding_reopens_when_its_claims_change(ledger_location):
    a = claimcheck.read_text("Monday, 3 March 2025\n\nJets flew 27 air strikes in Syria this week.", id="a.txt")
    b = claimcheck.read_text("Tuesday, 4 March 2025\n\nAircraft carried out 29 airstrikes in Syria this week.", id="b.txt")
    ledger = open_ledger(ledger_location)
    ledger.ingest([a, b])
    [finding] = [r for r in ledger.findings() if r["status"] == "violated"]
    ledger.set_review(finding["id"], "dismissed", note="b counts sorties", who="lee")
    reworded = claimcheck.read_text("Tuesday, 4 March 2025\n\nAircraft carried out 29 airstrikes in Syria this week, officials said.", id="b.txt")
    assert ledger.ingest([reworded]).reopened == 0
    [carried] = [r for r in ledger.findings() if r["status"] == "violated"]
    assert carried["review"] == "dismissed" and carried["id"] != finding["id"]
    changed = claimcheck.read_text("Tuesday, 4 March 2025\n\nAircraft carried out 31 airstrikes in Syria this week, officials said.", id="b.txt")
    assert ledger.ingest([changed]).reopened == 1
    [reopened] = [r for r in ledger.findings() if r["status"] == "violated"]
    assert reopened["review"] == "open"
    [event] = ledger.history(reopened["id"])
    assert (event["from_status"], event["to_status"]) == ("dismissed", "open")
    assert event["note"] == f"reopened: the claims of dismissed finding #{carried['id']} changed"


def test_facts_list_every_value_over_time(ledger, cli, ledger_location):
    facts = ledger.facts()
    [troops] = [f for f in facts if f.measure == "troops"]
    assert [(c.date, c.value) for c in troops.claims] == [("2018-02-09", 2000.0), ("2019-01-08", 2000.0)]
    shown = cli("track", "show", "troops", "--db", ledger_location)
    assert shown.returncode == 0 and shown.stdout.startswith("troops | US | Syria")


def test_exports(ledger, cli, ledger_location):
    [broken] = [r for r in ledger.findings() if r["rule"] == "parts-sum-to-total" and r["status"] == "violated"]
    ledger.set_review(broken["id"], "confirmed", who="lee")
    db = ledger_location
    reviews = json.loads(cli("export", "claimreview", "--db", db, "--base-url", "https://desk.example/reviews").stdout)
    assert len(reviews) == 1
    review = reviews[0]
    assert review["@type"] == "ClaimReview" and review["reviewRating"]["alternateName"] == "Figures do not add up"
    assert review["url"] == f"https://desk.example/reviews/{broken['fingerprint']}"
    assert "55 air strikes" in review["claimReviewed"]
    assert review["itemReviewed"]["appearance"][0]["datePublished"] == "2014-09-27"
    assert "url" not in review["itemReviewed"]["appearance"][0]  # a local file is not a URL
    facts_csv = cli("export", "facts", "--db", db, "--format", "csv").stdout.splitlines()
    assert facts_csv[0].startswith("fact,key,date,doc,text,value")
    findings_json = json.loads(cli("export", "findings", "--db", db, "--format", "json").stdout)
    assert {f["review"] for f in findings_json} == {"open", "confirmed"}


def test_bad_ledger_input(cli, tmp_path, ledger, ledger_location):
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_text("this is not a database")
    result = cli("review", "list", "--db", str(corrupt))
    assert result.returncode == 2 and result.stderr.startswith(f"error: {corrupt}: not a claimcheck ledger")
    newer = tmp_path / "newer.db"
    open_ledger(newer).close()
    connection = sqlite3.connect(newer)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    before = count(newer, "documents")
    result = cli("track", "add", str(EXAMPLES / "strike-tally.txt"), "--db", str(newer))
    assert result.returncode == 2 and "schema version 99 is newer" in result.stderr
    assert count(newer, "documents") == before
    with sqlite3.connect(newer) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 99
    result = cli("review", "set", "4242", "--status", "confirmed", "--db", ledger_location)
    assert result.returncode == 2 and result.stderr.strip().startswith("error: no finding 4242")
    result = cli("review", "set", "1", "--status", "maybe", "--db", ledger_location)
    assert result.returncode == 2 and "unknown review status 'maybe'" in result.stderr


def test_a_kill_during_ingest_loses_nothing_committed(tmp_path):
    db = tmp_path / "desk.db"
    first = tmp_path / "first"
    shutil.copytree(EXAMPLES, first)
    open_ledger(db).ingest([first])
    bulk = tmp_path / "bulk"
    bulk.mkdir()
    for number in range(300):
        (bulk / f"report-{number:03d}.txt").write_text(f"Officials said about {number + 1000:,} troops and {number + 5} tanks moved.\n")
    child = subprocess.Popen([sys.executable, "-c", f"from claimcheck.ledger import open_ledger; open_ledger({str(db)!r}).ingest([{str(bulk)!r}])"],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3.0)
    child.kill()
    child.wait()
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert documents in (6, 306)  # all of the interrupted ingest or none of it
    ledger = open_ledger(db)
    assert len([d for d in ledger.documents() if d.id.startswith("first/")]) == 6
    assert any(r["rule"] == "parts-sum-to-total" for r in ledger.findings())


def test_check_writes_an_html_report(cli, tmp_path):
    report = tmp_path / "report.html"
    result = cli("check", str(EXAMPLES), "--format", "html", "--passing", "--output", str(report), "--no-cache")
    assert result.returncode == 1
    html = report.read_text()
    assert "27 + 30 = 57 ≠ 55 air strikes" in html and "<svg" in html
    assert not re.search(r"(?:src|href)=[\"']?https?:", html) and "<script" not in html


@pytest.fixture
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield launched
        launched.close()


def test_report_in_a_real_browser_shows_findings_and_escapes_hostile_text(browser, tmp_path, cli, corpus):
    (corpus / "hostile.html").write_text(
        "<html><head><title>Hostile page</title></head><body><article><p>Officials said about 2,000 troops remain in Syria. "
        "&lt;script&gt;window.pwned = 1; alert('x')&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt; appeared in the text.</p>"
        "</article></body></html>")
    (corpus / "hostile.txt").write_text("A note <script>window.pwned = 2</script> with 12 trucks <b>bold</b>.\n")
    db = tmp_path / "desk.db"
    assert cli("track", "add", str(corpus), "--db", str(db)).returncode == 0
    report = tmp_path / "report.html"
    assert cli("report", "--html", str(report), "--db", str(db)).returncode == 0
    page = browser.new_page()
    errors, dialogs, requests = [], [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    assert errors == [] and dialogs == []
    assert [url for url in requests if not url.startswith("file:")] == []
    assert page.locator("#findings article.violated").count() >= 3
    assert page.get_by_text("27 + 30 = 57 ≠ 55 air strikes", exact=False).first.is_visible()
    assert page.evaluate("typeof window.pwned") == "undefined"
    page.locator("details", has_text="hostile.txt").locator("summary").click()
    assert page.locator("pre.document", has_text="<script>window.pwned = 2</script>").is_visible()
    assert page.locator("#documents script").count() == 0
    page.close()


def test_same_file_twice_other_paths_and_restored_versions(cli, tmp_path, corpus):
    db = tmp_path / "desk.db"
    twice = cli("track", "add", str(corpus), str(corpus / "strike-tally.txt"), "--db", str(db))
    assert twice.returncode == 0 and twice.stdout.startswith("6 added")
    again = cli("track", "add", "corpus", "--db", "desk.db", cwd=tmp_path)
    assert again.stdout.startswith("0 added, 0 revised, 6 unchanged")
    page = corpus / "strike-tally-error.txt"
    original = page.read_text()
    page.write_text(original.replace("30 strikes in Iraq", "31 strikes in Iraq"))
    assert cli("track", "add", str(corpus), "--db", str(db)).stdout.startswith("0 added, 1 revised")
    page.write_text(original)
    assert cli("track", "add", str(corpus), "--db", str(db)).stdout.startswith("0 added, 1 revised")
    ledger = open_ledger(db)
    [current] = [d for d in ledger.documents(current_only=True) if d.id == "corpus/strike-tally-error.txt"]
    assert "30 strikes in Iraq" in current.text


def test_concurrent_ingests_on_a_new_ledger(ledger_location, corpus):
    db = ledger_location
    command = [sys.executable, "-m", "claimcheck", "track", "add", str(corpus), "--db", db]
    children = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = [child.communicate(timeout=300) + (child.returncode,) for child in children]
    assert [code for _, _, code in outcomes] == [0, 0], outcomes
    assert count_rows(db, "documents") == 6


def test_foreign_and_missing_databases_are_refused(cli, tmp_path):
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE inventory (item TEXT)")
    connection.commit()
    connection.close()
    result = cli("review", "list", "--db", str(other))
    assert result.returncode == 2 and "another program's database" in result.stderr
    assert count(other, "inventory") == 0 and "documents" not in str(sqlite3.connect(other).execute("SELECT name FROM sqlite_master").fetchall())
    missing = cli("review", "list", "--db", str(tmp_path / "typo.db"))
    assert missing.returncode == 2 and not (tmp_path / "typo.db").exists()


def test_facts_keep_their_ids_across_ingests(ledger, corpus, cli, ledger_location):
    before = {str(fact.key): fact.id for fact in ledger.facts()}
    troops = next(fact for fact in ledger.facts() if "troops" in str(fact.key))
    (corpus / "later.txt").write_text("Monday, 12 February 2018\n\nAbout 2,200 US troops are now in Syria, officials said.\n")
    ledger.ingest([corpus])
    after = {str(fact.key): fact.id for fact in ledger.facts()}
    assert {key: after[key] for key in before if key in after} == {key: before[key] for key in before if key in after}
    grown = ledger.fact(str(troops.id))
    assert grown.id == troops.id and len(grown.claims) == len(troops.claims) + 1
    shown = cli("track", "show", str(troops.id), "--db", ledger_location)
    assert shown.returncode == 0 and shown.stdout.splitlines()[0] == str(troops.key)
    assert count_rows(ledger_location, f"claims WHERE fact_id = {int(troops.id)}") == len(grown.claims)  # plain tables


def test_the_ledger_is_chosen_by_its_location(tmp_path, corpus):
    url = f"sqlite:///{tmp_path / 'url.db'}"
    ledger = open_ledger(url)
    assert ledger.ingest([corpus]).added and (tmp_path / "url.db").is_file()
    with pytest.raises(claimcheck.InputError, match="no ledger store for 'mongodb' URLs"):
        open_ledger("mongodb://localhost/desk")


def test_a_second_reviewer_saving_a_stale_review_gets_a_conflict(ledger):
    from claimcheck.ledger.store import ReviewConflict

    [broken] = [r for r in ledger.findings() if r["rule"] == "parts-sum-to-total" and r["status"] == "violated"]
    seen = ledger.finding(broken["id"])["version"]  # both reviewers opened the finding at this version
    ledger.set_review(broken["id"], "confirmed", note="Centcom confirms 28", who="lee", expected_version=seen)
    with pytest.raises(ReviewConflict, match=rf"finding #{broken['id']} was changed by someone else since you opened it; "
                                             r"confirmed by lee at .*: reload it and apply your change again"):
        ledger.set_review(broken["id"], "dismissed", note="not an error", who="dana", expected_version=seen)
    assert ledger.finding(broken["id"])["review"] == "confirmed"
    assert [(e["who"], e["to_status"]) for e in ledger.history(broken["id"])] == [("lee", "confirmed")]


def test_postgresql_ledgers_refuse_foreign_newer_and_unreachable_databases(cli, corpus):
    import psycopg

    for url in postgres_database():
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("CREATE TABLE inventory (item TEXT)")
        result = cli("review", "list", "--db", url)
        assert result.returncode == 2 and "another program's database" in result.stderr
        assert "documents" not in str(psycopg.connect(url).execute("SELECT table_name FROM information_schema.tables").fetchall())
    for url in postgres_database():
        assert cli("review", "list", "--db", url).stderr.strip().endswith(
            "no ledger in this database (create one with `claimcheck track add PATH --db URL`)")
        open_ledger(url).close()
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("UPDATE claimcheck_schema SET version = 99")
        result = cli("track", "add", str(corpus), "--db", url)
        assert result.returncode == 2 and "schema version 99 is newer" in result.stderr
        assert count_rows(url, "documents") == 0
    unreachable = "postgresql://desk:secret-password@/nowhere?host=/nonexistent/socket"
    result = cli("review", "list", "--db", unreachable)
    assert result.returncode == 2 and result.stderr.startswith("error: postgresql://desk@/nonexistent/socket/nowhere: cannot connect")
    assert "secret-password" not in result.stderr
