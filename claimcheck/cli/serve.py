"""The desk in a browser: ``claimcheck serve`` and ``claimcheck users``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..errors import InputError
from . import ConfigOption, RulesOption, app
from .desk import DbOption, _ledger

users_app = typer.Typer(help="The desk's users: who may read, review and publish in `claimcheck serve`.", no_args_is_help=True)
app.add_typer(users_app, name="users")


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="The user's login name.")],
    role: Annotated[str, typer.Option("--role", help="viewer (reads), reviewer (reads, reviews, ingests) or editor (also publishes).")],
    db: DbOption = None, config: ConfigOption = None,
) -> None:
    """Add a user (or change the role and password of one): the password is read from standard input."""
    from ..desk.auth import add_user

    if sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"password for {name}: ")
        if getpass.getpass("again: ") != password:
            raise InputError("the two passwords differ: nothing was changed")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    ledger, settings = _ledger(db, config, create=True)
    new = add_user(ledger.store, name, role, password)
    print(f"{'added' if new else 'updated'} {name} ({role}) in {ledger.store.location}")


@users_app.command("remove")
def users_remove(name: Annotated[str, typer.Argument(help="The user's login name.")], db: DbOption = None,
                 config: ConfigOption = None) -> None:
    """Remove a user: their sessions end at once; what they did stays in the history under their name."""
    from ..desk.auth import remove_user

    ledger, _ = _ledger(db, config)
    remove_user(ledger.store, name)
    print(f"removed {name} from {ledger.store.location}")


@users_app.command("list")
def users_list(db: DbOption = None, config: ConfigOption = None) -> None:
    """The desk's users and their roles."""
    ledger, _ = _ledger(db, config)
    for user in ledger.store.users():
        print(f"{user.name:20} {user.role:9} since {user.created_at}")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    rules: RulesOption = None,
    workers: Annotated[int, typer.Option("--workers", help="Server processes, to use more cores (each has its own connections; logins and sessions are in the ledger, so any worker serves any user).")] = 1,
    config: ConfigOption = None,
) -> None:
    """The desk in a browser: the review queue at /, findings, facts, documents, ingest and exports."""
    import uvicorn

    from ..desk import create_app, desk_settings

    if not 0 < port < 65536:
        raise InputError(f"--port {port}: give a port between 1 and 65535")
    if not 1 <= workers <= 64:
        raise InputError(f"--workers {workers}: give between 1 and 64 server processes")
    ledger, settings = _ledger(db, config, create=True)
    ledger.close()
    where = settings.origins.get("desk", "config")
    desk = desk_settings(settings.desk, where if where != "default" else "config")
    rule_files = [*settings.rules, *[str(r) for r in rules or []]]
    application = create_app(settings.db, desk, rules=rule_files, bundled=settings.bundled)
    if not ledger_has_users(settings.db) and not desk.public:
        print("warning: this desk has no users yet: add one with `claimcheck users add NAME --role editor`", file=sys.stderr)
    print(f"claimcheck desk on http://{host}:{port}/ over {application.state.desk.ledger.store.location}", file=sys.stderr)
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="warning", proxy_headers=False, server_header=False)
        return
    import json
    import os
    from dataclasses import asdict

    application.state.desk.close()
    os.environ["CLAIMCHECK_DESK"] = json.dumps({"location": settings.db, "settings": asdict(desk), "rules": rule_files,
                                                "bundled": settings.bundled})
    uvicorn.run("claimcheck.desk.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="warning", proxy_headers=False, server_header=False)


def ledger_has_users(location: str) -> bool:
    from ..ledger import open_ledger

    ledger = open_ledger(location)
    try:
        return bool(ledger.store.users())
    finally:
        ledger.close()
