"""Who may use the desk: users with roles (argon2 password hashes), sessions that expire, CSRF tokens, and logins
slowed down after wrong passwords.

A session is a random token in an HttpOnly, SameSite cookie; the ledger keeps only its SHA-256 (a copied database
does not hold live logins) with the session's CSRF token, which every change must send back. Before login, the
form's CSRF token is a cookie of its own (double submit), so a login cannot be forged from another site either.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..errors import InputError
from ..ledger.store import ROLES, Store

ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}
SESSION_COOKIE = "claimcheck_session"
LOGIN_COOKIE = "claimcheck_login"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
MIN_PASSWORD = 8


@dataclass
class User:
    """Who is asking: a signed-in user with a role and a CSRF token, or an anonymous reader of a public desk."""

    name: str
    role: str
    csrf: str = ""
    token_hash: str = ""

    @property
    def anonymous(self) -> bool:
        return not self.token_hash

    def can(self, role: str) -> bool:
        """At least ``role``: viewer < reviewer < editor (an anonymous reader only reads)."""
        return not self.anonymous and ROLE_RANK[self.role] >= ROLE_RANK[role]


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_DUMMY_HASH: list[str] = []


def dummy_verify(password: str) -> None:
    """Spend the time a real check takes, so a wrong user name answers as slowly as a wrong password."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_password(secrets.token_urlsafe(16)))
    verify_password(_DUMMY_HASH[0], password)


def add_user(store: Store, name: str, role: str, password: str) -> bool:
    """Add a user (or set the role and password of one that exists); True when new. Refuses bad names, unknown
    roles and short passwords with one clear message."""
    if not _NAME.fullmatch(name):
        raise InputError(f"user name {name!r}: use 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
    if role not in ROLES:
        raise InputError(f"unknown role {role!r} (choose from {', '.join(ROLES)})")
    if len(password) < MIN_PASSWORD:
        raise InputError(f"the password is shorter than {MIN_PASSWORD} characters: choose a longer one")
    with store.transaction():
        new = store.add_user(name, role, hash_password(password))
        store.add_audit("claimcheck users", "user added" if new else "user changed", name, f"role {role}")
    return new


def remove_user(store: Store, name: str) -> None:
    """Remove a user (their sessions end; their name stays in the history of what they did)."""
    with store.transaction():
        if not store.remove_user(name):
            raise InputError(f"no user {name!r} (see `claimcheck users list`)")
        store.add_audit("claimcheck users", "user removed", name, None)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


def same(a: str, b: str) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(a.encode("utf-8", "surrogateescape"), b.encode("utf-8", "surrogateescape"))


def start_session(store: Store, name: str, hours: float, now: datetime) -> str:
    """A new session for ``name``; returns the cookie token (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    with store.transaction():
        store.delete_expired_sessions(stamp(now))
        store.add_session(token_hash(token), name, secrets.token_urlsafe(32), stamp(now + timedelta(hours=hours)))
    return token


def load_session(store: Store, token: str | None, now: datetime) -> User | None:
    """The user of a session cookie, or None when there is none, it is unknown or it has expired."""
    if not token or len(token) > 200:
        return None
    record = store.session(token_hash(token))
    if record is None or record.expires_at <= stamp(now):
        return None
    return User(record.user, record.role, record.csrf, record.token_hash)


def lock_seconds(failures: int) -> int:
    """How long a user is locked out after ``failures`` wrong passwords in a row: 1 s, 2 s, 4 s ... 15 min."""
    return min(2 ** max(failures - 1, 0), 900)


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text)
