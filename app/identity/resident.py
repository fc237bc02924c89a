"""Who is logged in as a resident, kept server-side: the cookie holds only a flow-store id.

A login is a flow-store entry of kind "inlog" with a sliding expiry (15 minutes idle by default,
`RESIDENT_IDLE_MINUTES`). The BSN or KvK number never goes into the cookie.
"""

import contextlib
import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from flask import current_app, g, session

from app.core import flows
from app.core.time import aware, utcnow

LOGIN_KIND = "inlog"
METHODS = ("digid", "yivi", "eherkenning")


@dataclass(frozen=True)
class Representation:
    """Someone the logged-in person acts for, as the login broker reports it."""

    subject_type: str  # "bsn" or "kvk"
    subject: str
    name: str
    kind: str  # "machtiging" (DigiD Machtigen), "bewindvoerder", ...


@dataclass(frozen=True)
class Resident:
    """A resident (or business) logged in through the broker."""

    subject_type: str  # "bsn" (DigiD, Yivi) or "kvk" (eHerkenning)
    subject: str
    name: str
    method: str  # digid, yivi, eherkenning
    level: str  # the assurance level the broker reported (acr)
    acting_for: Representation | None = None
    logout_hint: str | None = None  # what the broker needs to end its own session

    kind = "resident"

    @property
    def display_name(self) -> str:
        return self.name

    @property
    def client(self) -> tuple[str, str]:
        """Whose affairs this session is about: the represented person, or the resident."""
        if self.acting_for is not None:
            return (self.acting_for.subject_type, self.acting_for.subject)
        return (self.subject_type, self.subject)

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Resident":
        raw = dict(data)
        acting = raw.pop("acting_for", None)
        return cls(**raw, acting_for=Representation(**acting) if acting else None)


def client_key(resident: Resident, purpose: str) -> str:
    """Return a keyed hash of whose affairs these are, to link records without the BSN.

    Bookings and notices made while logged in store this, never the BSN itself; `purpose`
    keeps the hashes of different uses apart.
    """
    from app.core.references import keyed_hash

    kind, subject = resident.client
    return keyed_hash(f"{kind}:{subject}", str(current_app.config["SECRET_KEY"]), purpose)


def idle_limit() -> dt.timedelta:
    return dt.timedelta(minutes=float(current_app.config.get("RESIDENT_IDLE_MINUTES", 15)))


def log_in_resident(resident: Resident) -> None:
    """Start a fresh session for `resident`, keeping the answers of flows already begun.

    The old session's contents are dropped (a new login id, a new CSRF token, no leftover
    keys), and every kept flow moves to a new id: a cookie copied before the login (on a
    shared computer, say) neither becomes a logged-in one nor reads the answers given after
    it. The session cookie ends with the browser (`permanent` off), unlike a staff session.
    """
    kept = session.get(flows.SESSION_KEY)
    old = session.get("resident")
    session.clear()
    session.permanent = False
    if isinstance(kept, dict):
        session[flows.SESSION_KEY] = _new_ids(kept)
    if isinstance(old, str):
        flows.delete_flow(old)
    login = flows.start(LOGIN_KIND, resident.to_data(), ttl=idle_limit(), remember=False)
    session["resident"] = login.id
    # Not personal: which broker session may still be open when Loket's login has ended.
    session["broker"] = resident.method
    g.pop("resident", None)


def _new_ids(ids: dict[str, object]) -> dict[str, str]:
    """Copy each flow to a fresh id and delete the old one; drop ids that lead nowhere."""
    fresh: dict[str, str] = {}
    for kind, old_id in ids.items():
        flow = flows.get(old_id, kind) if isinstance(old_id, str) else None
        if flow is None or kind == LOGIN_KIND:
            continue
        fresh[kind] = flows.start(kind, flow.data, ttl=flow.ttl, remember=False).id
        flows.delete_flow(flow.id)
    return fresh


def _login_flow() -> flows.Flow | None:
    login_id = session.get("resident")
    return flows.get(login_id, LOGIN_KIND) if isinstance(login_id, str) else None


def current_resident() -> Resident | None:
    """Return the logged-in resident, and keep the login alive (it ends after idle time)."""
    if "resident" in g:
        return g.resident  # type: ignore[no-any-return]
    resident = None
    if "resident" in session:
        login = _login_flow()
        if login is None:
            session.pop("resident", None)  # expired: answers of flows stay in the store
        else:
            resident = Resident.from_data(login.data)
            # A parallel request may touch it at the same moment: then it is alive anyway.
            with contextlib.suppress(flows.StaleFlow):
                flows.save(login, ttl=idle_limit())
    g.resident = resident
    return resident


def login_expires_at() -> dt.datetime | None:
    """Return when this login ends if nothing happens (for "u bent ingelogd tot ...")."""
    login = _login_flow()
    if login is None or login.expires_at is None:
        return None
    return aware(login.expires_at)  # SQLite gives the stored UTC time back without its zone


def seconds_left() -> int:
    ends = login_expires_at()
    return max(0, int((ends - utcnow()).total_seconds())) if ends else 0


def log_out_resident() -> tuple[Resident | None, str | None]:
    """End the login here; return who it was and the method whose broker session to end.

    The method is also returned when the login had already ended by idle time: the broker's
    own session may outlive Loket's. The caller ends that session (see `views.logout`).
    """
    resident = current_resident()
    login_id = session.pop("resident", None)
    broker_method = session.pop("broker", None)
    if isinstance(login_id, str):
        flows.delete_flow(login_id)
    g.pop("resident", None)
    return resident, broker_method if isinstance(broker_method, str) else None
