import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
GOLD = ROOT / "tests" / "gold"


def run_cli(*args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True,
                          input=input, cwd=cwd or ROOT, env={"PATH": "/usr/bin:/bin", "CI": "1", "PYTHONIOENCODING": "utf-8"})


@pytest.fixture
def cli():
    return run_cli


def violated_pairs(folder: Path, pages: dict[str, str]) -> list[list[tuple[str, str]]]:
    """What the violated findings of a check of ``pages`` (name -> text, written into ``folder``) set against each
    other: for each finding, its figures as (file name, text), sorted."""
    import claimcheck

    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    found = claimcheck.Checker().check([folder]).findings
    return sorted(sorted((claim.doc.rsplit("/", 1)[-1], claim.text) for claim in finding.about)
                  for finding in found if finding.status == "violated")


POSTGRES = os.environ.get("CLAIMCHECK_TEST_POSTGRES")
POSTGRES_MISSING = ("CLAIMCHECK_TEST_POSTGRES is not set: the PostgreSQL ledger tests need a server "
                    "(`export CLAIMCHECK_TEST_POSTGRES=\"$(bash .ci/postgres)\"` starts one; .ci/run does)")


def postgres_database():
    """A new, empty database on the test server, dropped afterwards; yields its URL."""
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    if not POSTGRES:
        pytest.skip(POSTGRES_MISSING)
    name = f"claimcheck_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(POSTGRES)
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(POSTGRES, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_location(request, tmp_path, monkeypatch):
    """Where a test's ledger lives: a file, and a PostgreSQL database (document paths are relative to the ledger
    file's folder, and to the working directory on a server: both are ``tmp_path`` here)."""
    monkeypatch.chdir(tmp_path)
    if request.param == "sqlite":
        yield str(tmp_path / "desk.db")
    else:
        yield from postgres_database()


def count_rows(location: str, table: str) -> int:
    """Rows in a ledger table, read with the database's own client library."""
    if location.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(location) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    import sqlite3

    with sqlite3.connect(location) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium driven by Playwright (skipped when either is missing)."""
    import shutil

    playwright_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
