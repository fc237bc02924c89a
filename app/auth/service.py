"""Accounts: create, authenticate (throttled, never locked), and the current user. Only this
owns the table."""

import secrets
from dataclasses import dataclass
from functools import cache

from flask import current_app, g, session
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from app.auth import throttle
from app.auth.models import ROLES, StaffUser
from app.extensions import db


@cache
def _dummy_hash(method: str) -> str:
    """A real hash made the way accounts are, so an unknown e-mail address takes as long as a
    wrong password."""
    return generate_password_hash("not-a-real-password", method=method)


MIN_PASSWORD = 12


class AccountError(ValueError):
    """The account cannot be created as asked."""


@dataclass(frozen=True)
class LoginResult:
    user: StaffUser | None
    wait: int = 0  # seconds before this source may try again (0: at once)


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
        password_hash=generate_password_hash(
            password, method=current_app.config["PASSWORD_HASH_METHOD"]
        ),
        roles=",".join(sorted(set(roles))),
        session_nonce=secrets.token_hex(16),
    )
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(email: str, password: str) -> LoginResult:
    """Check a password, unless this source must wait (see `app.auth.throttle`).

    Real and unknown addresses take the same path: the same counters, the same waits, a password
    hash checked in both, so the answer and its timing never tell whether an account exists.
    """
    email = normalise_email(email)
    wait = throttle.refused(email)
    if wait:
        return LoginResult(None, wait=wait.seconds)
    user = db.session.scalar(select(StaffUser).where(StaffUser.email == email))
    if user is None or not check_password_hash(user.password_hash, password):
        if user is None:
            check_password_hash(
                _dummy_hash(current_app.config["PASSWORD_HASH_METHOD"]), password
            )  # as slow as a real check
        return LoginResult(None, wait=throttle.failed(email).seconds)
    throttle.succeeded(email)
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
