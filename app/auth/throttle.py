"""Slow down password guessing without locking anyone out: growing waits per source and per
account, kept in the shared rate-limit store (Redis in production), never a sleep in a worker.

- Every failed login counts against its source (the client's address) and its account (the
  address typed, real or not: unknown addresses are counted exactly like real ones, so neither
  the answer nor its timing tells which addresses have an account).
- After the free failures each new failure doubles the wait, up to a maximum. During a wait the
  password is not even checked; the page says how many seconds are left.
- A wait on an account holds only for sources that have failed themselves: the owner who types
  the right password from a clean address is always let in, whoever attacks the account.
- Failures are forgotten `LOGIN_FORGET_AFTER_SECONDS` after the first one; a successful login
  forgets the account's failures.

Only keyed hashes of the address and the source are stored, never the values themselves.
"""

from dataclasses import dataclass

from flask import current_app, request
from limits.storage import Storage, storage_from_string

from app.core.references import keyed_hash
from app.core.time import utcnow

PREFIX = "loket-login"


@dataclass(frozen=True)
class Wait:
    seconds: int  # 0: no wait

    def __bool__(self) -> bool:
        return self.seconds > 0


def store() -> Storage:
    """The app's own connection to the rate-limit store (RATELIMIT_STORAGE_URI)."""
    extensions = current_app.extensions
    if "loket.throttle" not in extensions:
        extensions["loket.throttle"] = storage_from_string(
            current_app.config["RATELIMIT_STORAGE_URI"]
        )
    return extensions["loket.throttle"]  # type: ignore[no-any-return]


def _key(kind: str, value: str) -> str:
    secret = str(current_app.config["SECRET_KEY"])
    return f"{PREFIX}:{kind}:{keyed_hash(value, secret, 'login-throttle')[:32]}"


def account_key(email: str) -> str:
    return _key("account", email)


def source_key() -> str:
    return _key("source", request.remote_addr or "unknown")


def _now() -> int:
    return int(utcnow().timestamp())


def remaining(key: str) -> Wait:
    """Seconds left of the wait on `key`."""
    until = store().get(f"{key}:until")
    return Wait(max(0, until - _now()) if until else 0)


def has_failed(key: str) -> bool:
    return store().get(f"{key}:failures") > 0


def _wait_after(failures: int, free: int) -> int:
    config = current_app.config
    if failures <= free:
        return 0
    first = int(config["LOGIN_FIRST_WAIT_SECONDS"])
    return int(min(first * 2 ** (failures - free - 1), config["LOGIN_MAX_WAIT_SECONDS"]))


def _fail(key: str, free: int) -> int:
    storage = store()
    forget = int(current_app.config["LOGIN_FORGET_AFTER_SECONDS"])
    failures = storage.incr(f"{key}:failures", forget)
    wait = _wait_after(failures, free)
    if wait:
        # The store only adds to counters: start the wait's key afresh with its end time.
        storage.clear(f"{key}:until")
        storage.incr(f"{key}:until", wait + 1, amount=_now() + wait)
    return wait


def refused(email: str) -> Wait:
    """The wait that applies to this login attempt before any password is checked."""
    source = source_key()
    wait = remaining(source)
    if wait:
        return wait
    account = account_key(email)
    if has_failed(source):
        return remaining(account)
    return Wait(0)


def failed(email: str) -> Wait:
    """Count a failed login against the source and the account; return the wait it starts."""
    config = current_app.config
    source = _fail(source_key(), int(config["LOGIN_FREE_FAILURES_SOURCE"]))
    account = _fail(account_key(email), int(config["LOGIN_FREE_FAILURES_ACCOUNT"]))
    return Wait(max(source, account))


def succeeded(email: str) -> None:
    """The owner got in: forget the account's failures (the source's stay)."""
    account = account_key(email)
    store().clear(f"{account}:failures")
    store().clear(f"{account}:until")
