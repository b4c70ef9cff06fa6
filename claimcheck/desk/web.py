"""What every page of the desk shares: the ledger opened once per worker thread, the templates, who is asking,
and the guard that checks the login, the role and (for every change) the CSRF token before a view runs."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ..errors import ClaimcheckError
from ..ledger import Ledger, open_ledger
from .auth import LOGIN_COOKIE, SESSION_COOKIE, User, load_session, same
from .settings import DeskSettings

MAX_FORM_FIELDS = 2000


class Desk:
    """The running desk: where its ledger is, its settings, and one open ledger per worker thread (SQLite
    connections and psycopg connections are not shared between threads)."""

    def __init__(self, location: str, settings: DeskSettings, rules: list[str] | None = None, bundled: bool = True,
                 clock: Callable[[], datetime] | None = None, failure_delay: float = 1.0):
        self.location, self.settings = location, settings
        self.rules, self.bundled = rules or [], bundled
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self.failure_delay = failure_delay  # seconds every wrong password waits, on top of the lock-out
        self._local = threading.local()
        self._opened: list[Ledger] = []
        self._lock = threading.Lock()
        self._rule_set = None
        from jinja2 import Environment, PackageLoader, select_autoescape

        self.templates = Environment(loader=PackageLoader("claimcheck.desk", "templates"),
                                     autoescape=select_autoescape(["j2", "html"]), trim_blocks=True, lstrip_blocks=True)
        from . import views_common
        from .counts import CountCache

        views_common.install(self.templates)
        self.counts = CountCache(lambda query: self.ledger.store.queue_counts(query))

    @property
    def ledger(self) -> Ledger:
        ledger = getattr(self._local, "ledger", None)
        if ledger is None:
            ledger = self._local.ledger = open_ledger(self.location, create=True)
            with self._lock:
                self._opened.append(ledger)
        return ledger

    @property
    def rule_set(self):
        """The rule packs, loaded once (ingests from the browser check with them)."""
        with self._lock:
            if self._rule_set is None:
                from ..rules import load_rules

                self._rule_set = load_rules(self.rules, bundled=self.bundled)
            return self._rule_set

    def close(self) -> None:
        self.counts.close()
        with self._lock:
            for ledger in self._opened:
                try:
                    ledger.close()
                except Exception:  # noqa: BLE001 - closing at shutdown; another thread's connection may be gone
                    pass
            self._opened.clear()


@dataclass
class Context:
    """One request as a view sees it."""

    request: Request
    desk: Desk
    user: User
    form: Any = None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def ledger(self) -> Ledger:
        return self.desk.ledger

    @property
    def store(self):
        return self.desk.ledger.store

    def render(self, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
        page = self.desk.templates.get_template(template)
        html = page.render(user=self.user, desk=self.desk.settings, path=self.request.url.path,
                           **values)
        return HTMLResponse(html, status_code=status_code)

    def error(self, status_code: int, message: str) -> HTMLResponse:
        return self.render("error.html.j2", status_code=status_code, status=status_code, message=message)

    def audit(self, action: str, target: str | None, detail: str | None = None) -> None:
        self.store.add_audit(self.user.name, action, target, detail)

    def reviewed(self, before, finding_id: int) -> None:
        """Tell the queue's kept counts that a finding's review changed."""
        after = self.store.finding(finding_id)
        self.desk.counts.reviewed(before, after, self.store.finding_sources(finding_id))


def desk_of(request: Request) -> Desk:
    return request.app.state.desk


def current_user(request: Request, desk: Desk) -> User | None:
    user = load_session(desk.ledger.store, request.cookies.get(SESSION_COOKIE), desk.clock())
    if user is None and desk.settings.public:
        return User("anonymous", "viewer")
    return user


def guarded(role: str = "viewer", change: bool = False, upload: bool = False):
    """A view for users of at least ``role``. Reading needs a login (unless the desk is public); a change needs a
    login with the role, a POST, and the session's CSRF token in the form (or the X-CSRF-Token header)."""

    def decorate(view: Callable[[Context], Response]):
        @functools.wraps(view)
        async def endpoint(request: Request) -> Response:
            form = None
            if request.method == "POST":
                limit = int(desk_of(request).settings.max_upload_mb * 1024 * 1024)
                try:
                    form = await request.form(max_files=200 if upload else 0, max_fields=MAX_FORM_FIELDS,
                                              max_part_size=limit if upload else 1024 * 1024)
                except Exception as error:  # noqa: BLE001 - multipart's errors (too large, malformed) are the sender's
                    return HTMLResponse(f"bad form: {error}", status_code=400)
            try:
                return await run_in_threadpool(_run, view, request, form, role, change)
            finally:
                if form is not None:
                    await form.close()

        endpoint.view = view
        return endpoint

    return decorate


def _run(view, request: Request, form, role: str, change: bool) -> Response:
    desk = desk_of(request)
    user = current_user(request, desk)
    if user is None:
        if request.method == "GET":
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
        return HTMLResponse("log in first", status_code=401)
    context = Context(request, desk, user, form)
    if change:
        token = (form.get("csrf") if form is not None else None) or request.headers.get("x-csrf-token", "")
        if request.method != "POST" or user.anonymous or not same(str(token), user.csrf):
            return context.error(403, "this change was refused: its form is stale or did not come from this desk "
                                      "(no valid CSRF token). Reload the page and try again.")
    if not user.can(role) and not (role == "viewer" and user.anonymous):
        return context.error(403, f"{user.name} is a {user.role}: this needs a {role} or above.")
    try:
        return view(context)
    except ClaimcheckError as error:
        return context.error(400, str(error))


def login_token(request: Request) -> str:
    return request.cookies.get(LOGIN_COOKIE, "")


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this desk only (never another site)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
