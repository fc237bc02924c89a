"""Accounts: create, authenticate with lock-out, and the current user. Only this owns the table."""

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from flask import current_app, g, session
from limits import RateLimitItem, parse
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from app.auth.models import ROLES, StaffUser
from app.core.time import utcnow
from app.extensions import db, limiter

# A real hash, so an unknown e-mail address takes as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not-a-real-password")
MIN_PASSWORD = 12


class AccountError(ValueError):
    """The account cannot be created as asked."""


@dataclass(frozen=True)
class LoginResult:
    user: StaffUser | None
    locked: bool = False


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_user(email: str, name: str, password: str, roles: list[str]) -> StaffUser:
    """Create an account.

    :param roles: one or more of redacteur, medewerker, beheerder.
    :raises AccountError: on an unknown role, a short password or an existing address.
    """
    unknown = [r for r in roles if r not in ROLES]
    if unknown or not roles:
        raise AccountError(
            f"Onbekende rol: {', '.join(unknown) or '(geen)'}. Kies uit {', '.join(ROLES)}."
        )
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Het wachtwoord moet minstens {MIN_PASSWORD} tekens hebben.")
    email = normalise_email(email)
    if db.session.scalar(select(StaffUser).where(StaffUser.email == email)):
        raise AccountError(f"Er is al een account met {email}.")
    user = StaffUser(
        email=email,
        name=name.strip(),
        password_hash=generate_password_hash(password),
        roles=",".join(sorted(set(roles))),
        session_nonce=secrets.token_hex(16),
    )
    db.session.add(user)
    db.session.commit()
    return user


def _failure_window() -> RateLimitItem:
    config = current_app.config
    return parse(f"{config['LOGIN_MAX_FAILURES']} per {config['LOGIN_LOCK_MINUTES']} minutes")


def _unknown_address_failed(email: str) -> bool:
    """Count a failed login for an address without an account; True once it would be locked.

    An unknown address answers exactly like a locked-out account, so the login page does not
    tell anyone which addresses have an account. Only a hash of the address is kept, in the
    rate-limit store, for the lock-out period.
    """
    key = hashlib.sha256(email.encode()).hexdigest()
    window = _failure_window()
    if not limiter.limiter.test(window, "login-unknown", key):
        return True
    limiter.limiter.hit(window, "login-unknown", key)
    return not limiter.limiter.test(window, "login-unknown", key)


def authenticate(email: str, password: str) -> LoginResult:
    """Check a password; lock the account for a while after repeated failures."""
    email = normalise_email(email)
    user = db.session.scalar(select(StaffUser).where(StaffUser.email == email))
    if user is None:
        check_password_hash(_DUMMY_HASH, password)  # as slow as a real check
        return LoginResult(None, locked=_unknown_address_failed(email))
    now = utcnow()
    locked_until = user.locked_until
    if locked_until is not None and locked_until.tzinfo is None:  # SQLite drops the zone
        locked_until = locked_until.replace(tzinfo=dt.UTC)
    if locked_until is not None and locked_until > now:
        check_password_hash(_DUMMY_HASH, password)  # as slow as a real check
        return LoginResult(None, locked=True)
    if not check_password_hash(user.password_hash, password):
        user.failed_logins += 1
        locked = user.failed_logins >= current_app.config["LOGIN_MAX_FAILURES"]
        if locked:
            minutes = current_app.config["LOGIN_LOCK_MINUTES"]
            user.locked_until = now + dt.timedelta(minutes=minutes)
            user.failed_logins = 0
        db.session.commit()
        return LoginResult(None, locked=locked)
    user.failed_logins = 0
    user.locked_until = None
    user.session_nonce = secrets.token_hex(16)
    db.session.commit()
    return LoginResult(user)


def log_in(user: StaffUser) -> None:
    """Start a fresh session holding only the account id and its nonce."""
    session.clear()
    session["staff"] = [user.id, user.session_nonce]
    session.permanent = True


def log_out() -> None:
    user = current_user()
    if user is not None:
        user.session_nonce = secrets.token_hex(16)
        db.session.commit()
    session.clear()


def current_user() -> StaffUser | None:
    if "staff_user" in g:
        return g.staff_user  # type: ignore[no-any-return]
    user = None
    raw = session.get("staff")
    if isinstance(raw, list) and len(raw) == 2:
        candidate = db.session.get(StaffUser, raw[0])
        if candidate is not None and secrets.compare_digest(candidate.session_nonce, str(raw[1])):
            user = candidate
    g.staff_user = user
    return user
