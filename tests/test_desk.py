"""The desk in a browser, over HTTP: logins, roles, CSRF, conflicts, the queue's filters (and SQL injection attempts
in every one of them), ingest and exports, on SQLite and on PostgreSQL."""

import json
import re
import shutil
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import pytest

from claimcheck.desk import DeskSettings, create_app
from claimcheck.desk.auth import add_user
from claimcheck.ledger import open_ledger
from conftest import EXAMPLES, count_rows

starlette_testclient = pytest.importorskip("starlette.testclient")
PASSWORDS = {"vic": "viewer password", "dana": "reviewer password", "ed": "editor password"}


class Clock:
    """A clock the test moves by hand: lock-outs and session expiry are checked without waiting."""

    def __init__(self):
        self.now = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)

    def __call__(self):
        return self.now


@pytest.fixture
def desk(ledger_location, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    ledger = open_ledger(ledger_location)
    ledger.ingest([corpus])
    for name, role in (("vic", "viewer"), ("dana", "reviewer"), ("ed", "editor")):
        add_user(ledger.store, name, role, PASSWORDS[name])
    ledger.close()
    clock = Clock()
    settings = DeskSettings(author="Desk Example", base_url="https://desk.example/checks",
                            ratings={"violated": (1, "False"), "changed": (3, "Misleading"), "consistent": (5, "True")})
    app = create_app(ledger_location, settings, clock=clock, failure_delay=0)
    app.state.clock = clock
    app.state.location = ledger_location
    app.state.reader = open_ledger(ledger_location)  # the test's own view of the ledger (one connection)
    yield app
    app.state.reader.close()
    app.state.desk.close()


def client(app):
    return starlette_testclient.TestClient(app, follow_redirects=False)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def login(app, name, password=None):
    browser = client(app)
    form = browser.get("/login")
    reply = browser.post("/login", data={"name": name, "password": password or PASSWORDS[name], "csrf": csrf_of(form.text),
                                         "next": "/"})
    assert reply.status_code == 303 and reply.headers["location"] == "/", reply.text
    return browser


def violated_sum(app) -> int:
    ledger = open_ledger(app.state.location)
    try:
        [record] = [r for r in ledger.findings() if r["rule"] == "parts-sum-to-total" and r["status"] == "violated"]
        return record["id"]
    finally:
        ledger.close()


def review_form(browser, finding_id):
    page = browser.get(f"/findings/{finding_id}")
    assert page.status_code == 200
    return csrf_of(page.text), re.search(r'name="version" value="(\d+)"', page.text).group(1)


def test_a_logged_out_visitor_is_sent_to_the_login_page(desk):
    browser = client(desk)
    for path in ("/", "/findings/1", "/facts", "/facts/1", "/documents", "/documents/1", "/events", "/exports",
                 "/exports/findings.csv", "/exports/claimreview.json", "/exports/report.html", "/audit", "/ingest",
                 "/?status=violated"):
        reply = browser.get(path)
        assert reply.status_code == 303 and reply.headers["location"].startswith("/login?next="), path
    assert browser.post("/findings/1", data={"status": "confirmed"}).status_code == 401
    assert browser.post("/bulk", data={"status": "confirmed", "pick": "1:0"}).status_code == 401
    page = browser.get("/login")
    assert page.status_code == 200 and 'name="password"' in page.text and "air strikes" not in page.text
    assert browser.get("/static/htmx.min.js").status_code == 200


def test_a_public_desk_is_readable_but_not_changeable_without_login(desk):
    desk.state.desk.settings.public = True
    browser = client(desk)
    assert browser.get("/").status_code == 200 and "27 + 30 = 57" in browser.get("/?q=").text
    finding_id = violated_sum(desk)
    page = browser.get(f"/findings/{finding_id}")
    assert page.status_code == 200 and 'id="review-form"' not in page.text
    refused = browser.post(f"/findings/{finding_id}", data={"status": "confirmed", "version": "0", "csrf": ""})
    assert refused.status_code == 403
    assert desk.state.reader.finding(finding_id)["review"] == "open"


def test_session_cookies_are_httponly_and_samesite_and_expire(desk):
    browser = client(desk)
    form = browser.get("/login")
    assert re.search(r"claimcheck_login=[^;]+; HttpOnly; Path=/login; SameSite=strict", form.headers["set-cookie"])
    reply = browser.post("/login", data={"name": "dana", "password": PASSWORDS["dana"], "csrf": csrf_of(form.text)})
    cookie = next(c for c in reply.headers.get_list("set-cookie") if c.startswith("claimcheck_session="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=43200" in cookie
    assert browser.get("/").status_code == 200
    assert "default-src 'none'; script-src 'self'" in browser.get("/").headers["content-security-policy"]
    desk.state.clock.now += timedelta(hours=12, seconds=1)
    assert browser.get("/").status_code == 303  # expired: back to the login page


def test_a_new_password_or_removal_ends_a_users_sessions(desk):
    from claimcheck.desk.auth import remove_user

    browser = login(desk, "dana")
    assert browser.get("/").status_code == 200
    add_user(desk.state.reader.store, "dana", "reviewer", "a brand new password")
    assert browser.get("/").status_code == 303
    browser = login(desk, "dana", "a brand new password")
    remove_user(desk.state.reader.store, "dana")
    assert browser.get("/").status_code == 303


def test_wrong_passwords_are_slowed_down(desk):
    browser = client(desk)
    token = csrf_of(browser.get("/login").text)

    def attempt(password):
        return browser.post("/login", data={"name": "dana", "password": password, "csrf": token})

    wrong = attempt("guess one")
    assert wrong.status_code == 401 and "Wrong user name or password." in wrong.text
    locked = attempt(PASSWORDS["dana"])  # even the right password waits out the lock
    assert locked.status_code == 429 and locked.headers["retry-after"] == "1"
    assert "Too many wrong passwords for dana: try again in 1 seconds." in locked.text
    desk.state.clock.now += timedelta(seconds=1)
    assert attempt("guess two").status_code == 401
    assert attempt("guess three").headers["retry-after"] == "2"  # each failure in a row doubles the wait
    desk.state.clock.now += timedelta(seconds=2)
    assert attempt("guess three").status_code == 401
    reply = browser.post("/login", data={"name": "nobody", "password": "x", "csrf": token})
    assert reply.status_code == 401 and "Wrong user name or password." in reply.text  # as for a wrong password
    assert desk.state.reader.store.user("dana").failed_logins == 3
    desk.state.clock.now += timedelta(seconds=4)
    assert attempt(PASSWORDS["dana"]).status_code == 303
    assert desk.state.reader.store.user("dana").failed_logins == 0  # a good login clears the count


def test_changes_without_a_csrf_token_are_refused(desk):
    browser = login(desk, "dana")
    finding_id = violated_sum(desk)
    token, version = review_form(browser, finding_id)
    for data in ({"status": "confirmed", "version": version},
                 {"status": "confirmed", "version": version, "csrf": "forged"},
                 {"status": "confirmed", "version": version, "csrf": token + "x"}):
        reply = browser.post(f"/findings/{finding_id}", data=data)
        assert reply.status_code == 403 and "no valid CSRF token" in reply.text
    assert browser.post("/bulk", data={"status": "dismissed", "pick": f"{finding_id}:{version}"}).status_code == 403
    assert browser.post("/logout").status_code == 403
    assert browser.post("/ingest", files={"files": ("a.txt", b"12 trucks.")}).status_code == 403
    other = client(desk)  # a login form posted from elsewhere has no login cookie to match
    assert other.post("/login", data={"name": "dana", "password": PASSWORDS["dana"], "csrf": "x"}).status_code == 403
    assert desk.state.reader.finding(finding_id)["review"] == "open"
    reply = browser.post(f"/findings/{finding_id}", data={"status": "confirmed", "version": version}, headers={"X-CSRF-Token": token})
    assert reply.status_code == 303  # htmx sends the token as a header


def test_roles_are_enforced_on_the_server(desk):
    finding_id = violated_sum(desk)
    viewer = login(desk, "vic")
    page = viewer.get(f"/findings/{finding_id}")
    assert 'id="review-form"' not in page.text and "As a viewer you can read this finding" in page.text
    refused = viewer.post(f"/findings/{finding_id}", data={"status": "confirmed", "version": "0", "csrf": csrf_of(page.text)})
    assert refused.status_code == 403 and "vic is a viewer: this needs a reviewer or above." in refused.text
    assert viewer.get("/ingest").status_code == 403
    reviewer = login(desk, "dana")
    token, version = review_form(reviewer, finding_id)
    assert "published" not in re.search(r'<select name="status" id="status">(.*?)</select>', reviewer.get(f"/findings/{finding_id}").text).group(1)
    refused = reviewer.post(f"/findings/{finding_id}", data={"status": "published", "version": version, "csrf": token})
    assert refused.status_code == 403 and "only an editor publishes" in refused.text
    editor = login(desk, "ed")
    token, version = review_form(editor, finding_id)
    assert editor.post(f"/findings/{finding_id}", data={"status": "published", "version": version, "csrf": token}).status_code == 303
    ledger = desk.state.reader
    assert ledger.finding(finding_id)["review"] == "published"
    assert [(e["who"], e["to_status"]) for e in ledger.history(finding_id)] == [("ed", "published")]


def test_concurrent_reviewers_see_a_conflict_not_an_overwrite(desk):
    finding_id = violated_sum(desk)
    dana, ed = login(desk, "dana"), login(desk, "ed")
    dana_form, ed_form = review_form(dana, finding_id), review_form(ed, finding_id)
    first = dana.post(f"/findings/{finding_id}", data={"status": "confirmed", "note": "Centcom confirms 28",
                                                      "version": dana_form[1], "csrf": dana_form[0]})
    assert first.status_code == 303
    second = ed.post(f"/findings/{finding_id}", data={"status": "dismissed", "note": "not an error", "version": ed_form[1],
                                                     "csrf": ed_form[0]})
    assert second.status_code == 409
    message = re.search(r'id="conflict">(.*?)</p>', second.text).group(1)
    assert message.startswith(f"finding #{finding_id} was changed by someone else since you opened it; confirmed by dana at ")
    assert "not an error" in second.text  # the draft is kept in the form to apply again
    ledger = desk.state.reader
    assert ledger.finding(finding_id)["review"] == "confirmed"
    assert [(e["who"], e["note"]) for e in ledger.history(finding_id)] == [("dana", "Centcom confirms 28")]


def test_the_queue_filters_sorts_counts_and_bulk_changes(desk):
    browser = login(desk, "dana")
    home = browser.get("/").text
    assert re.search(r'id="total">(\d+)<', home).group(1) == "4"  # violated and changed; consistent ones wait
    assert "consistent" not in re.findall(r'<span class="badge (\w+)">', home)
    everything = browser.get("/?q=").text
    assert re.search(r'id="total">(\d+)<', everything).group(1) == "12"
    facet = re.search(r'data-facet="status">(.*?)</section>', everything, re.S).group(1)
    assert re.findall(r'data-value="(\w+)">\w+</a> <span class="count">(\d+)', facet) == [
        ("consistent", "8"), ("violated", "3"), ("changed", "1")]
    violated = browser.get("/?status=violated&severity=error").text
    assert re.findall(r'class="open-finding">#(\d+)<', violated) == [str(violated_sum(desk))]
    searched = browser.get("/?q=troops").text
    assert int(re.search(r'id="total">(\d+)<', searched).group(1)) >= 1
    by_rule = re.findall(r"<td>([a-z-]+)</td>\s*<td class=\"review\">", browser.get("/?q=&sort=rule").text)
    assert by_rule == sorted(by_rule)
    page = browser.get("/?status=violated")
    picks = re.findall(r'name="pick" value="(\d+:\d+)"', page.text)
    reply = browser.post("/bulk", data={"status": "needs-source", "note": "ask the ministry", "pick": picks[:2],
                                         "csrf": csrf_of(page.text), "back": "/?status=violated"})
    assert reply.status_code == 303 and reply.headers["location"] == "/?status=violated&done=2"
    ledger = desk.state.reader
    changed = [int(p.split(":")[0]) for p in picks[:2]]
    assert [ledger.finding(i)["review"] for i in changed] == ["needs-source", "needs-source"]
    assert [e["who"] for i in changed for e in ledger.history(i)] == ["dana", "dana"]
    assert ledger.store.audit(1)[0].action == "bulk status" and ledger.store.audit(1)[0].who == "dana"
    stale = browser.post("/bulk", data={"status": "dismissed", "pick": picks[:1], "csrf": csrf_of(page.text)})
    assert stale.status_code == 409 and "was changed by someone else" in stale.text


INJECTIONS = ["' OR '1'='1", "x' OR 1=1 --", "\"; DROP TABLE findings; --", "1) UNION SELECT name, password_hash FROM users --",
              "%", "_", "\\", "'; DELETE FROM reviews; --", "\x00"]


def test_filter_and_search_parameters_cannot_inject_sql(desk):
    from claimcheck.ledger.store.base import QUEUE_FILTERS

    browser = login(desk, "vic")
    location = desk.state.location
    before = {table: count_rows(location, table) for table in ("findings", "reviews", "users", "claims")}
    for payload in INJECTIONS:
        for name in QUEUE_FILTERS:
            reply = browser.get("/", params={name: payload})
            assert reply.status_code == 200, (name, payload)
            assert re.search(r'id="total">(\d+)<', reply.text).group(1) == "0", (name, payload)
        for name in ("from", "to", "sort", "order", "page"):
            reply = browser.get("/", params={name: payload})
            assert reply.status_code == 400 and 'id="message"' in reply.text, (name, payload)
        for path in ("/facts", "/documents"):
            assert browser.get(path, params={"q": payload}).status_code == 200
        quoted = quote(payload, safe="")
        for path in (f"/findings/{quoted}", f"/facts/{quoted}", f"/documents/{quoted}", f"/events/{quoted}"):
            assert browser.get(path).status_code in (404, 400), path
    ledger = open_ledger(location)
    searchable = [(f.message + " " + f.rule + " " + " ".join(c.sentence + " " + c.text for c in f.claims)).lower()
                  for _, f in ledger.as_findings()]
    for payload in INJECTIONS + ["air strikes", "AIR", "99%"]:
        reply = browser.get("/", params={"q": payload})
        expected = sum(all(term.lower().replace("\x00", "\ufffd") in text for term in payload.split()) for text in searchable)
        assert re.search(r'id="total">(\d+)<', reply.text).group(1) == str(expected), payload
    assert {table: count_rows(location, table) for table in before} == before


def test_ingest_from_the_browser_updates_the_queue(desk):
    browser = login(desk, "dana")
    form = browser.get("/ingest")
    before = int(re.search(r'id="total">(\d+)<', browser.get("/?q=").text).group(1))
    page = ("<html><head><title>Tally</title></head><body><article><p>BAGHDAD - US-led aircraft have flown 25 air strikes "
            "on Islamic State targets in Syria and Iraq this week, according to figures released by US Central Command.</p>"
            "<p>In its breakdown, the command listed 12 air strikes in Syria and 9 strikes in Iraq.</p>"
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p></article></body></html>")
    reply = browser.post("/ingest", data={"csrf": csrf_of(form.text), "url": "https://news.example/tally", "html": page},
                         files={"files": ("note <b>.txt", b"A note <script>window.pwned = 1</script> with 12 trucks.\n")})
    assert reply.status_code == 200 and "2 added, 0 revised" in reply.text
    after = int(re.search(r'id="total">(\d+)<', browser.get("/?q=").text).group(1))
    assert after > before
    assert "12 + 9 = 21 ≠ 25 air strikes" in browser.get("/?q=&rule=parts-sum-to-total").text
    [(page_id, _)] = [(i, d) for i, d in desk.state.reader.store.documents() if d.id == "https://news.example/tally"]
    assert '<a href="https://news.example/tally" rel="noopener noreferrer">original</a>' in browser.get(f"/documents/{page_id}").text
    ledger = desk.state.reader
    [(document_id, document)] = [(i, d) for i, d in ledger.store.documents() if d.id == "uploads/note-b-.txt"]
    shown = browser.get(f"/documents/{document_id}").text
    assert "A note &lt;script&gt;window.pwned = " in shown and "&lt;/script&gt; with" in shown and "<script>window" not in shown
    assert ledger.store.audit(5)[0].who == "dana" and ledger.store.audit(5)[0].action == "ingest"


def test_exports_use_the_desks_settings(desk):
    finding_id = violated_sum(desk)
    ledger = desk.state.reader
    ledger.set_review(finding_id, "confirmed", who="dana")
    browser = login(desk, "vic")
    [review] = json.loads(browser.get("/exports/claimreview.json").text)
    assert review["author"] == {"@type": "Organization", "name": "Desk Example"}
    assert review["url"] == f"https://desk.example/checks/{ledger.finding(finding_id)['fingerprint']}"
    assert {k: review["reviewRating"][k] for k in ("ratingValue", "bestRating", "worstRating", "name")} == {
        "ratingValue": 1, "bestRating": 5, "worstRating": 1, "name": "False"}
    csv_lines = browser.get("/exports/findings.csv").text.splitlines()
    assert csv_lines[0].startswith("id,fingerprint,rule") and len(csv_lines) == 13
    report = browser.get(f"/exports/report.html?finding={finding_id}").text
    assert "27 + 30 = 57 ≠ 55 air strikes" in report and report.count('class="finding ') == 1


def test_fact_charts_are_drawn_in_one_unit(desk):
    browser = login(desk, "vic")
    ledger = desk.state.reader
    [distance] = [fact for fact in ledger.facts() if fact.measure.startswith("distance")]
    assert sorted(c.unit for c in distance.claims) == ["kilometer", "mile"]
    page = browser.get(f"/facts/{distance.id}").text
    assert "the chart is drawn in kilometer" in page
    titles = sorted(re.findall(r"<title>source \d+: ([^<]+)</title>", page))
    assert titles == ["five miles (8.05 kilometer)", "some eight kilometers (8 kilometer)"]


def test_the_static_report_has_contents_links_outlets_groups_and_collapsed_consistent_findings(cli, tmp_path):
    from claimcheck.report.html import convert

    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    (corpus / "wire.html").write_text(
        "<html><head><title>Strikes tallied</title><meta property='og:site_name' content='Frontier Times'>"
        "<meta name='date' content='2014-09-28'></head><body><article><p>BAGHDAD - US-led aircraft have flown 55 air "
        "strikes on Islamic State targets in Syria and Iraq since Friday, according to US Central Command.</p>"
        "</article></body></html>")
    db = tmp_path / "desk.db"
    assert cli("track", "add", str(corpus), "--db", str(db)).returncode == 0
    assert cli("report", "--html", str(tmp_path / "r.html"), "--db", str(db)).returncode == 0
    html = (tmp_path / "r.html").read_text()
    contents = html[html.index('<nav id="contents"'):html.index("</nav>")]
    assert '<a href="#findings">Findings</a>' in contents and '<a href="#group-1">' in contents
    assert re.search(r'<a href="#group-1">event: US Central Command, Islamic State, Khorasan Group</a> \(2 to review, 5 consistent\)',
                     contents)
    assert '<div class="outlet"><strong>Frontier Times</strong>' in html
    assert 'examples/corpus' not in re.sub(r'<div class="computation">.*?</div>', "", html)  # no paths beside the sources
    group = re.search(r'<section class="group" id="group-1">\s*<h3 class="group-title">event: US Central Command, Islamic '
                      r'State, Khorasan Group</h3>(.*?)</section>', html, re.S).group(1)
    assert group.count('<article class="finding violated"') == 2
    assert '<details class="consistent"><summary>5 consistent findings</summary>' in group
    assert re.search(r'<a href="#(doc-\d+)">Air campaign against Islamic State: the latest Centcom figures</a>', html)
    anchor = re.search(r'<a href="#(doc-\d+)">Air campaign against Islamic State', html).group(1)
    assert f'<details id="{anchor}">' in html
    assert "Drawn in kilometer; other units converted." in html
    assert round(convert(5, "mile", "kilometer"), 3) == 8.047


def test_users_and_who_on_the_command_line(cli, tmp_path):
    db = str(tmp_path / "desk.db")
    assert cli("track", "add", str(EXAMPLES), "--db", db, "--by", "lee").returncode == 0
    added = cli("users", "add", "dana", "--role", "reviewer", "--db", db, input="a long password\n")
    assert added.returncode == 0 and added.stdout == f"added dana (reviewer) in {db}\n"
    again = cli("users", "add", "dana", "--role", "editor", "--db", db, input="another long password\n")
    assert again.stdout == f"updated dana (editor) in {db}\n"
    assert cli("users", "list", "--db", db).stdout.split()[:2] == ["dana", "editor"]
    removed = cli("users", "remove", "dana", "--db", db)
    assert removed.returncode == 0 and removed.stdout == f"removed dana from {db}\n"
    assert cli("users", "remove", "dana", "--db", db).stderr == "error: no user 'dana' (see `claimcheck users list`)\n"
    assert cli("users", "add", "dana", "--role", "editor", "--db", db, input="another long password\n").returncode == 0
    bad_role = cli("users", "add", "kim", "--role", "admin", "--db", db, input="a long password\n")
    assert bad_role.returncode == 2 and bad_role.stderr == "error: unknown role 'admin' (choose from viewer, reviewer, editor)\n"
    short = cli("users", "add", "kim", "--role", "viewer", "--db", db, input="short\n")
    assert short.returncode == 2 and "shorter than 8 characters" in short.stderr
    bad_name = cli("users", "add", "kim lee", "--role", "viewer", "--db", db, input="a long password\n")
    assert bad_name.returncode == 2 and "user name 'kim lee'" in bad_name.stderr
    ledger = open_ledger(db)
    finding_id = [r for r in ledger.findings() if r["status"] == "violated"][0]["id"]
    assert cli("review", "set", str(finding_id), "--status", "confirmed", "--by", "dana", "--db", db).returncode == 0
    assert [e["who"] for e in ledger.history(finding_id)] == ["dana"]
    assert [(e.who, e.action) for e in ledger.store.audit(10)][::-1] == [
        ("lee", "ingest"), ("claimcheck users", "user added"), ("claimcheck users", "user changed"),
        ("claimcheck users", "user removed"), ("claimcheck users", "user added")]
    empty_by = cli("review", "set", str(finding_id), "--status", "open", "--by", " ", "--db", db)
    assert empty_by.returncode == 2 and "--by names who makes the change" in empty_by.stderr
    missing = cli("serve", "--db", str(tmp_path / "folder-not-file"), "--port", "0")
    assert missing.returncode == 2 and missing.stderr.startswith("error: --port 0: give a port between 1 and 65535")
    (tmp_path / "claimcheck.yaml").write_text("desk:\n  public: yes please\n")
    config = cli("serve", "--db", db, cwd=tmp_path)
    assert config.returncode == 2 and config.stderr.startswith("error: ") and "desk.public should be bool, not str" in config.stderr


def test_review_list_puts_violated_findings_first_and_filters_by_result(cli, tmp_path):
    db = str(tmp_path / "desk.db")
    assert cli("track", "add", str(EXAMPLES), "--db", db).returncode == 0
    listed = json.loads(cli("review", "list", "--status", "open", "--format", "json", "--db", db).stdout)
    assert [r["status"] for r in listed] == ["violated"] * 3 + ["changed"] * 1 + ["consistent"] * 8
    assert [r["severity"] for r in listed[:3]] == ["error", "warning", "warning"]
    queue = json.loads(cli("review", "list", "--status", "open", "--finding", "violated", "--format", "json", "--db", db).stdout)
    assert queue == listed[:3]
    table = cli("review", "list", "--finding", "violated,changed", "--severity", "warning,info", "--db", db).stdout
    assert [line.split()[2:4] for line in table.splitlines()] == [["violated", "warning"]] * 2 + [["changed", "info"]]
    by_rule = json.loads(cli("review", "list", "--rule", "parts-sum-to-total", "--format", "json", "--db", db).stdout)
    assert [(r["status"], r["rule"]) for r in by_rule] == [("violated", "parts-sum-to-total")] + [("consistent", "parts-sum-to-total")] * 2
    wrong = cli("review", "list", "--finding", "broken", "--db", db)
    assert wrong.returncode == 2 and wrong.stderr == (
        "error: --finding: unknown value 'broken' (choose from violated, consistent, changed)\n")
    empty = cli("review", "list", "--severity", " , ", "--db", db)
    assert empty.returncode == 2 and empty.stderr == "error: --severity needs a value\n"


def test_a_fact_reported_many_times_is_read_in_pages(tmp_path):
    import claimcheck

    ledger = open_ledger(tmp_path / "desk.db")
    documents = [claimcheck.read_text(f"Monday, {1 + n % 28} March 2025\n\nAbout {2000 + n * 10:,} US troops remain in Syria, "
                                      "officials said.\n", id=f"report-{n:03d}.txt") for n in range(105)]
    ledger.ingest(documents)
    add_user(ledger.store, "vic", "viewer", PASSWORDS["vic"])
    [troops] = [fact for fact in ledger.facts() if fact.measure == "troops"]
    assert len(troops.claims) == 105
    app = create_app(str(tmp_path / "desk.db"), failure_delay=0)
    browser = login(app, "vic")
    first = browser.get(f"/facts/{troops.id}").text
    assert "Every value reported for this quantity (105)" in first and "page 1 of 2" in first
    assert first.count("<tr><td>2025-03-") == 100
    second = browser.get(f"/facts/{troops.id}?page=2").text
    assert second.count("<tr><td>2025-03-") == 5 and "2025-03-28" in second  # the latest dates come last
    assert len(re.findall(r"<circle cx=\"[\d.]+\" cy=\"[\d.]+\" r=\"5\"", first)) == 105
    app.state.desk.close()
    ledger.close()


def test_events_in_the_queue_the_finding_page_and_their_own_pages(desk):
    browser = login(desk, "vic")
    events = {event.label: event for event in desk.state.reader.store.events()}
    strikes = events["US Central Command, Khorasan Group, Islamic State"]
    assert sorted(strikes.documents) == ["corpus/strike-tally-error.txt", "corpus/strike-tally.txt", "corpus/weekly-roundup.txt"]
    everything = browser.get("/?q=").text
    facet = re.search(r'data-facet="event">(.*?)</section>', everything, re.S).group(1)
    assert f'data-value="{strikes.id}">US Central Command, Khorasan Group, Islamic State</a> <span class="count">7<' in facet
    filtered = browser.get("/", params={"event": strikes.id}).text
    assert re.search(r'id="total">(\d+)<', filtered).group(1) == "7"
    finding_id = violated_sum(desk)
    page = browser.get(f"/findings/{finding_id}").text
    assert re.search(rf'<p id="events">Reported in the event: <a href="/events/{strikes.id}">US Central Command, Khorasan '
                     r'Group, Islamic State</a></p>', page)
    listing = browser.get("/events").text
    assert f'<a href="/events/{strikes.id}">US Central Command, Khorasan Group, Islamic State</a>' in listing
    assert "2014-09-26 – 2014-09-29" in listing
    event_page = browser.get(f"/events/{strikes.id}").text
    assert event_page.count('<a href="/documents/') == 3 and "Air campaign against Islamic State" in event_page
    assert re.search(r'Findings <span class="count">7</span>', event_page) and "27 + 30 = 57" in event_page
    assert "<svg" in event_page and browser.get("/events/e000000").status_code == 404
    report = browser.get(f"/exports/report.html?event={strikes.id}").text
    assert "<title>Event: US Central Command, Khorasan Group, Islamic State</title>" in report
    assert report.count('<article class="finding ') == 7


def test_queue_counts_follow_this_servers_changes_at_once(desk):
    browser = login(desk, "dana")

    def review_facet(url):
        page = browser.get(url).text
        facet = re.search(r'data-facet="review">(.*?)</section>', page, re.S).group(1)
        return dict(re.findall(r'data-value="([\w-]+)">[\w-]+</a> <span class="count">(\d+)', facet))

    assert review_facet("/") == {"open": "4"} and review_facet("/?q=strikes") == {"open": "9"}  # counted, then kept
    assert review_facet("/?q=Britain") == {"open": "1"}
    finding_id = violated_sum(desk)
    token, version = review_form(browser, finding_id)
    assert browser.post(f"/findings/{finding_id}", data={"status": "confirmed", "version": version, "csrf": token}).status_code == 303
    assert review_facet("/") == {"open": "3", "confirmed": "1"}  # the kept counts, moved
    assert review_facet("/?q=strikes") == {"open": "8", "confirmed": "1"}  # the finding is among those found
    assert review_facet("/?q=Britain") == {"open": "1"}  # ... and not among these
    page = browser.get("/?status=violated").text
    picks = [p for p in re.findall(r'name="pick" value="(\d+:\d+)"', page) if not p.startswith(f"{finding_id}:")]
    assert browser.post("/bulk", data={"status": "dismissed", "pick": picks, "csrf": csrf_of(page)}).status_code == 303
    assert review_facet("/") == {"open": "1", "confirmed": "1", "dismissed": "2"}


def test_the_queue_sorts_by_date_both_ways(desk):
    browser = login(desk, "vic")

    def dates(url):
        return re.findall(r'<td class="review">[\w-]+</td>\s*<td>[^<]*</td>\s*<td>([\d-]*)</td>', browser.get(url).text)

    newest = dates("/?q=&sort=date&order=desc")
    assert len(newest) == 12 and newest == sorted(newest, reverse=True) and newest[0] == "2019-01-08"
    assert dates("/?q=&sort=date") == newest[::-1]
    in_2018 = dates("/?q=&from=2018&to=2018-12")
    assert set(in_2018) == {"2018-02-09"} and len(in_2018) == newest.count("2018-02-09") > 0



def test_the_queue_sorts_by_outlet_and_event(desk):
    browser = login(desk, "vic")
    page = browser.get("/?q=&sort=outlet").text
    outlets = re.findall(r'<td class="review">[\w-]+</td>\s*<td>[^<]*</td>\s*<td>[\d-]*</td>\s*<td>([^<]*)</td>', page)
    assert len(outlets) == 12
    firsts = [min(o.split(", ")) if o else "~" for o in outlets]  # a finding sorts under its first outlet by name
    assert firsts == sorted(firsts)
    assert browser.get("/?q=&sort=event").status_code == 200
    assert len(re.findall(r'class="open-finding">#(\d+)<', browser.get("/?q=&sort=event&order=desc").text)) == 12

def test_kept_counts_match_fresh_counts_after_review_changes(desk):
    from claimcheck.ledger.store import QueueQuery

    queries = [QueueQuery(), QueueQuery(filters={"status": ["violated"]}), QueueQuery(filters={"review": ["open"]}),
               QueueQuery(filters={"review": ["confirmed", "dismissed"], "severity": ["warning"]}),
               QueueQuery(search="strikes"), QueueQuery(filters={"assignee": ["dana"]}), QueueQuery(date_from="2014"),
               QueueQuery(filters={"event": [desk.state.reader.store.events()[0].id]}),
               QueueQuery(filters={"outlet": [""], "kind": ["agree"]})]
    cache = desk.state.desk.counts
    for query in queries:
        cache.counts(query)  # counted once, then kept
    browser = login(desk, "dana")
    for finding_id, status, assignee in ((violated_sum(desk), "confirmed", "dana"), (violated_sum(desk), "dismissed", ""),
                                         (2, "needs-source", "lee"), (5, "published", "")):
        if status == "published":
            browser = login(desk, "ed")
        token, version = review_form(browser, finding_id)
        reply = browser.post(f"/findings/{finding_id}", data={"status": status, "assignee": assignee, "version": version,
                                                              "csrf": token})
        assert reply.status_code == 303
    for query in queries:
        kept, fresh = cache.counts(query), desk.state.reader.store.queue_counts(query)
        assert (kept.total, kept.facets) == (fresh.total, fresh.facets), query
