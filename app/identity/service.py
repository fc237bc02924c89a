"""Ending a resident's session: logging out (here and at the broker) and "Stoppen en wissen".

Only this module and `resident.py` change the session for the views.
"""

import datetime as dt
from typing import Any

from flask import session
from flask_babel import lazy_gettext as _l

from app.core import flows
from app.core.capabilities import wiring
from app.extensions import current_language
from app.i18n import path_in
from app.identity.broker import brokers
from app.identity.resident import LOGIN_KIND, Resident, log_out_resident
from app.site.views import public_url

LOGOUT_KIND = "uitloggen-broker"  # where the browser must go to end the broker's session
LOGOUT_TTL = dt.timedelta(minutes=10)
WIPED_KEY = "gewist"  # what "Stoppen en wissen" wiped, for the page after it (no answers)
# Kinds the login machinery keeps in the flow store; a resident would not call them answers.
INTERNAL_KINDS = {LOGIN_KIND, LOGOUT_KIND, "inlog-start", "inlog-democode"}
METHOD_NAMES = {"digid": "DigiD", "yivi": "Yivi", "eherkenning": "eHerkenning"}
LABELS_PROVIDER = "sessie.onderdelen"


def _end_at_broker(resident: Resident | None, method: str | None) -> bool:
    """Remember the broker's end-session address; GET /logout sends the browser there.

    Return whether there is a session at the broker to end.
    """
    if method is None:
        return False
    done = public_url() + path_in(current_language(), "/logout")
    url = brokers.get().logout_url(resident, done)
    if url:
        flows.start(
            LOGOUT_KIND,
            {"url": url, "method": METHOD_NAMES.get(method, method)},
            ttl=LOGOUT_TTL,
        )
    return bool(url)


def log_out() -> None:
    """End the login; the answers of flows stay (log in again to go on)."""
    resident, method = log_out_resident()
    _end_at_broker(resident, method)


def pending_broker_logout_exists() -> bool:
    return flows.load(LOGOUT_KIND) is not None


def pending_broker_logout() -> dict[str, Any] | None:
    """Return (once) where the browser must go to end the broker's session, or None."""
    pending = flows.load(LOGOUT_KIND)
    if pending is None:
        return None
    flows.discard(LOGOUT_KIND)
    if not session.get(flows.SESSION_KEY):
        session.pop(flows.SESSION_KEY, None)  # nothing left: let the cookie go
    return {"url": pending.data["url"], "method": pending.data["method"]}


def flow_labels() -> dict[str, Any]:
    """Return what each flow kind is called for a resident, as the capabilities declare it.

    A capability names its kinds with `providers={"sessie.onderdelen": lambda: {"afspraak":
    _l("Een afspraak maken")}}`.
    """
    labels: dict[str, Any] = {}
    for provide in wiring().providers_named(LABELS_PROVIDER):
        labels.update(provide())
    return labels


def flows_in_progress() -> list[str]:
    """Return the kinds of flow this session has answers in (not the login itself)."""
    return [k for k in flows.kinds_in_session() if k not in INTERNAL_KINDS and flows.load(k)]


def label(kind: str) -> Any:
    return flow_labels().get(kind) or _l("Iets anders wat u aan het invullen was")


def wipe() -> None:
    """Stop and wipe ("Stoppen en wissen"): forget every flow, log out here and at the broker.

    The session is emptied too (a staff session, the CSRF token, messages); what is left is a
    note of which kinds of answers were wiped, for the page that says so.
    """
    kinds = flows_in_progress()
    resident, method = log_out_resident()
    flows.discard_all()
    session.clear()
    at_broker = _end_at_broker(resident, method)
    session[WIPED_KEY] = {
        "kinds": kinds,
        "logged_in": resident is not None,
        "broker": method if at_broker else None,
    }


def wiped_summary() -> dict[str, Any]:
    """Return (once) what was wiped; an empty summary when the page is opened again."""
    raw = session.pop(WIPED_KEY, None)
    data = raw if isinstance(raw, dict) else {}
    method = data.get("broker")
    return {
        "items": [label(k) for k in data.get("kinds", []) if isinstance(k, str)],
        "logged_in": bool(data.get("logged_in")),
        "broker": METHOD_NAMES.get(method, method) if isinstance(method, str) else None,
        "fresh": bool(data),
    }
