"""The login form and logging out: an ordinary HTML form with a CSRF token; wrong passwords are slowed down (each
waits, and the user is locked out for a doubling time after each one in a row)."""

from __future__ import annotations

import asyncio
import secrets
from datetime import timedelta

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from .auth import (LOGIN_COOKIE, SESSION_COOKIE, dummy_verify, load_session, lock_seconds, parse_stamp, same,
                   start_session, stamp, verify_password)
from .web import Context, Desk, desk_of, guarded, safe_next


def _page(desk: Desk, request: Request, status: int = 200, message: str = "", name: str = "") -> HTMLResponse:
    token = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(32)
    html = desk.templates.get_template("login.html.j2").render(
        desk=desk.settings, user=None, csrf=token, message=message, name=name, path="/login",
        next=safe_next(request.query_params.get("next")))
    response = HTMLResponse(html, status_code=status)
    response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", path="/login",
                        secure=request.url.scheme == "https")
    return response


async def login(request: Request) -> Response:
    desk = desk_of(request)
    if request.method == "GET":
        user = await run_in_threadpool(lambda: load_session(desk.ledger.store, request.cookies.get(SESSION_COOKIE), desk.clock()))
        if user is not None:
            return RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
        return _page(desk, request)
    form = await request.form(max_files=0, max_fields=10, max_part_size=10000)
    name, password = str(form.get("name", "")).strip(), str(form.get("password", ""))
    if not same(str(form.get("csrf", "")), request.cookies.get(LOGIN_COOKIE, "")):
        return _page(desk, request, 403, "This login form is stale or did not come from this desk: try again.", name)
    outcome, wait = await run_in_threadpool(_check, desk, name, password)
    if outcome == "locked":
        response = _page(desk, request, 429, f"Too many wrong passwords for {name}: try again in {wait} seconds.", name)
        response.headers["Retry-After"] = str(wait)
        return response
    if outcome == "wrong":
        await asyncio.sleep(desk.failure_delay)
        return _page(desk, request, 401, "Wrong user name or password.", name)
    token = await run_in_threadpool(lambda: start_session(desk.ledger.store, name, desk.settings.session_hours, desk.clock()))
    response = RedirectResponse(safe_next(str(form.get("next", "")) or None), status_code=303)
    response.set_cookie(SESSION_COOKIE, token, max_age=int(desk.settings.session_hours * 3600), httponly=True,
                        samesite="lax", path="/", secure=request.url.scheme == "https")
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


def _check(desk: Desk, name: str, password: str) -> tuple[str, int]:
    """'ok', 'wrong' or 'locked' (with the seconds left) for a login attempt; failures are counted in the ledger,
    so every server process of a desk sees them."""
    store, now = desk.ledger.store, desk.clock()
    user = store.user(name) if name else None
    if user is None:
        dummy_verify(password)
        return "wrong", 0
    if user.locked_until and parse_stamp(user.locked_until) > now:
        return "locked", max(1, int((parse_stamp(user.locked_until) - now).total_seconds() + 0.999))
    if verify_password(user.password_hash, password):
        with store.transaction():
            store.record_login(name, True, None)
            store.add_audit(name, "logged in", None, None)
        return "ok", 0
    with store.transaction():
        failures = store.user(name).failed_logins + 1
        store.record_login(name, False, stamp(now + timedelta(seconds=lock_seconds(failures))))
    return "wrong", 0


@guarded("viewer", change=True)
def logout(context: Context) -> Response:
    with context.store.transaction():
        context.store.delete_session(context.user.token_hash)
        context.audit("logged out", None)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
