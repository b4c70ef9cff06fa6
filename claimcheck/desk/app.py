"""The desk as an ASGI application (Starlette, served by uvicorn): the routes, the static files served from the
package (no CDN), and the headers every response carries (a Content-Security-Policy that allows only the desk's own
scripts and styles, no framing, no sniffing)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import documents, exports, facts, findings, login, queue
from .settings import DeskSettings
from .web import Context, Desk, guarded

STATIC = Path(__file__).resolve().parent / "static"
THREADS = 16
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"x-frame-options", b"DENY"), (b"referrer-policy", b"same-origin"), (b"cache-control", b"no-store")]


class SecurityHeaders:
    """Adds the desk's security headers to every HTTP response (static files may be cached)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        static = scope["path"].startswith("/static/")

        async def sending(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if not (static and k == b"cache-control")]
                names = {k for k, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in names and not (static and k == b"cache-control")]
                if static:
                    headers.append((b"cache-control", b"public, max-age=3600"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, sending)


@guarded("viewer")
def audit_page(context: Context) -> Response:
    return context.render("audit.html.j2", entries=context.store.audit(200))


def create_app(location: str, settings: DeskSettings | None = None, rules: list[str] | None = None,
               bundled: bool = True, clock: Callable[[], datetime] | None = None, failure_delay: float = 1.0) -> Starlette:
    """The desk over the ledger at ``location`` (a file or a PostgreSQL URL). ``clock`` and ``failure_delay``
    are for tests (a fixed time; no wait after a wrong password)."""
    desk = Desk(location, settings or DeskSettings(), rules=rules, bundled=bundled, clock=clock,
                failure_delay=failure_delay)
    desk.ledger  # opens (and migrates) the ledger now: a bad --db fails before the server listens

    @asynccontextmanager
    async def lifespan(app):
        import anyio.to_thread

        # views run in worker threads, each with its own connection: 16 keep a PostgreSQL server's connections few
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield
        desk.close()

    routes = [
        Route("/", queue.queue),
        Route("/bulk", queue.bulk, methods=["POST"]),
        Route("/login", login.login, methods=["GET", "POST"]),
        Route("/logout", login.logout, methods=["POST"]),
        Route("/findings/{finding_id}", findings.show),
        Route("/findings/{finding_id}", findings.save, methods=["POST"]),
        Route("/facts", facts.fact_list),
        Route("/facts/{fact_id}", facts.fact_page),
        Route("/events", facts.event_list),
        Route("/events/{name:path}", facts.event_page),
        Route("/documents", documents.document_list),
        Route("/documents/{document_id}", documents.document_page),
        Route("/ingest", documents.ingest_form),
        Route("/ingest", documents.ingest, methods=["POST"]),
        Route("/exports", exports.exports_page),
        Route("/exports/claimreview.json", exports.claimreview_export),
        Route("/exports/report.html", exports.report_export),
        Route("/exports/{kind}.{format}", exports.table_export),
        Route("/audit", audit_page),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.desk = desk
    app.add_middleware(SecurityHeaders)
    return app


def app_from_environment() -> Starlette:
    """The desk as ``claimcheck serve --workers N`` starts it in each worker process: its ledger, settings and rule
    files are passed in CLAIMCHECK_DESK (JSON), since uvicorn starts workers from an import string."""
    import json
    import os
    from dataclasses import fields

    given = json.loads(os.environ["CLAIMCHECK_DESK"])
    values = given["settings"]
    values["ratings"] = {status: tuple(rating) for status, rating in values.get("ratings", {}).items()}
    settings = DeskSettings(**{f.name: values[f.name] for f in fields(DeskSettings) if f.name in values})
    return create_app(given["location"], settings, rules=given["rules"], bundled=given["bundled"])
