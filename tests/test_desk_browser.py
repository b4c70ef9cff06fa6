"""The desk in a real browser: `claimcheck serve` on loopback, driven by Playwright in Debian's Chromium."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import EXAMPLES

PASSWORDS = {"vic": "viewer password", "dana": "reviewer password", "ed": "editor password"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A desk over the example set plus a page with a script in its text, with a viewer, a reviewer and an editor."""
    folder = tmp_path_factory.mktemp("desk")
    corpus = folder / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    (corpus / "hostile.txt").write_text("A note <script>window.pwned = 2</script> with 12 trucks <b>bold</b>.\n")
    db = str(folder / "desk.db")
    run = lambda *args, **kw: subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=folder, capture_output=True,
                                             text=True, timeout=300, **kw)
    assert run("track", "add", str(corpus), "--db", db, "--by", "lee").returncode == 0
    for name, role in (("vic", "viewer"), ("dana", "reviewer"), ("ed", "editor")):
        added = run("users", "add", name, "--role", role, "--db", db, input=PASSWORDS[name] + "\n")
        assert added.returncode == 0 and added.stdout.startswith(f"added {name} ({role})"), added.stderr
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "claimcheck", "serve", "--db", db, "--port", str(port)], cwd=folder,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):  # up to 30 s for the server to listen
        try:
            urllib.request.urlopen(base + "/login", timeout=1)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"claimcheck serve exited: {process.stderr.read()}")
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    opened = context.new_page()
    opened.errors = []
    opened.on("console", lambda message: opened.errors.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.on("dialog", lambda dialog: (opened.errors.append("dialog: " + dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def log_in(page, base, name):
    page.goto(base + "/")
    assert page.url.startswith(base + "/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORDS[name])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/")


def test_a_reviewer_confirms_a_finding_with_a_note(server, page):
    log_in(page, server, "dana")
    page.get_by_role("link", name="Clear all filters").click()
    page.wait_for_url("**/?q=")
    assert page.locator("#total").inner_text() == "12"
    page.locator('[data-facet="status"] a[data-value="violated"]').click()
    page.wait_for_url("**status=violated**")
    assert page.locator("#total").inner_text() == "3"
    assert set(page.locator("table.findings .badge").all_inner_texts()) == {"violated"}
    page.locator("tr", has_text="parts-sum-to-total").locator("a.open-finding").click()
    page.wait_for_url("**/findings/*")
    assert page.locator("#computation").inner_text().startswith("27 + 30 = 57 ≠ 55 air strikes")
    assert page.locator(".source mark").count() >= 3
    page.locator("#status").select_option("confirmed")
    page.locator("#note-input").fill("Centcom confirms 28 in Iraq")
    page.locator("#save").click()
    page.wait_for_url("**saved=1")
    assert page.locator("#review-status").inner_text() == "confirmed"
    entry = page.locator("#history li").last
    assert entry.locator(".who").inner_text() == "dana"
    assert "open → confirmed" in entry.inner_text() and "Centcom confirms 28 in Iraq" in entry.inner_text()
    assert page.errors == []


def test_keyboard_shortcuts_set_a_status(server, page):
    log_in(page, server, "dana")
    page.goto(server + "/?status=changed")
    page.locator("a.open-finding").first.click()
    page.wait_for_url("**/findings/*")
    page.keyboard.press("e")
    page.keyboard.type("waiting for the ministry")
    page.keyboard.press("Escape")
    page.keyboard.press("n")
    page.wait_for_url("**saved=1")
    assert page.locator("#review-status").inner_text() == "needs-source"
    assert "waiting for the ministry" in page.locator("#history li").last.inner_text()
    assert page.errors == []


def test_a_viewer_cannot_change_a_status(server, page):
    log_in(page, server, "vic")
    page.goto(server + "/?status=violated")
    assert page.locator('input[name="pick"]').count() == 0
    page.locator("a.open-finding").first.click()
    page.wait_for_url("**/findings/*")
    assert page.locator("#review-form").count() == 0
    finding = page.url.rsplit("/", 1)[1]
    csrf = page.locator('header input[name="csrf"]').get_attribute("value")
    status = page.locator("#review-status").inner_text()
    reply = page.request.post(f"{server}/findings/{finding}", form={"status": "dismissed", "version": "0", "csrf": csrf})
    assert reply.status == 403 and "vic is a viewer" in reply.text()
    page.reload()
    assert page.locator("#review-status").inner_text() == status
    assert page.errors == []


def test_a_logged_out_visitor_sees_only_the_login_page(server, page):
    for path in ("/", "/findings/1", "/facts/1", "/documents/1", "/exports/findings.csv"):
        page.goto(server + path)
        assert page.url.startswith(server + "/login?next=")
        assert page.locator("form input[name=password]").count() == 1
        assert "air strikes" not in page.content()
    assert page.errors == []


def test_a_document_with_a_script_shows_it_as_text(server, page):
    log_in(page, server, "vic")
    page.goto(server + "/documents")
    page.get_by_role("link", name="corpus/hostile.txt").first.click()
    page.wait_for_url("**/documents/*")
    text = page.locator("#text")
    assert "<script>window.pwned = 2</script>" in text.inner_text() and "<b>bold</b>" in text.inner_text()
    assert page.locator("main script").count() == 0 and page.locator("#text b").count() == 0
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.errors == []


def test_reading_works_with_scripts_disabled(server, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, server, "vic")
    assert int(page.locator("#total").inner_text()) == 4
    page.locator("a.open-finding").first.click()
    page.wait_for_url("**/findings/*")
    assert page.locator("#computation").inner_text() and page.locator(".source").count() >= 1
    page.locator("a[href^='/facts/']").first.click()
    page.wait_for_url("**/facts/*")
    assert page.locator("svg.chart circle").count() >= 2
    context.close()


def test_the_search_box_updates_the_queue_as_one_types(server, page):
    log_in(page, server, "vic")
    page.goto(server + "/?q=")
    assert page.locator("#total").inner_text() == "12"
    page.locator("#search").fill("Britain")
    page.wait_for_url("**q=Britain**")
    page.wait_for_function("document.getElementById('total').textContent !== '12'")
    assert 0 < int(page.locator("#total").inner_text()) == len(page.locator("a.open-finding").all()) < 12
    assert page.locator('#queue-body [data-facet="rule"]').count() == 1  # the facets are counted again too
    assert page.errors == []


def test_the_report_of_a_finding_opens_styled_from_the_desk(server, page):
    log_in(page, server, "vic")
    page.goto(server + "/?status=violated")
    page.locator("a.open-finding").first.click()
    page.wait_for_url("**/findings/*")
    page.get_by_role("link", name="This finding as a static HTML report").click()
    page.wait_for_url("**/exports/report.html?finding=*")
    assert page.locator("article.finding").count() == 1
    assert page.evaluate("getComputedStyle(document.querySelector('article.finding')).borderLeftWidth") == "6px"
    assert page.errors == []
