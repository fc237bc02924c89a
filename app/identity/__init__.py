"""Residents' login through the broker (DigiD, Yivi, eHerkenning), kept server-side.

The `Resident` identity sits next to the staff account; `current_user()` returns either. The
session components (`components/session_status.html`, `components/session_stop.html`) are
for flow and Mijn pages; see README.md.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from app.core.capabilities import Capability


def check(app: "Flask") -> None:
    """Refuse to start with the demo login where it is switched off (production), or with an
    OIDC broker that is configured only half."""
    from app.identity.broker import brokers

    chosen = brokers.chosen(app.config)
    if chosen == "demo" and not app.config.get("DEMO_LOGIN"):
        raise RuntimeError(
            "The demo login is off here: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET."
        )
    if chosen == "oidc":
        from app.core.connectors import ConnectorError

        try:
            brokers.create(app.config)  # checks the settings; contacts nobody
        except (ConnectorError, ValueError) as error:
            raise RuntimeError(f"The OIDC login is not set up right: {error}") from None


def capability() -> "Capability":
    from app.core.capabilities import Capability
    from app.identity import states
    from app.identity.contrib import demo, oidc  # noqa: F401 - register the brokers
    from app.identity.resident import current_resident, login_expires_at
    from app.identity.session_views import bp as session_bp
    from app.identity.templating import session_context
    from app.identity.users import current_user
    from app.identity.views import bp

    return Capability(
        name="identity",
        blueprints=(bp, session_bp),
        states=states.STATES,
        exempt=states.EXEMPT,
        setup=check,
        template_globals={
            "current_user": current_user,
            "current_resident": current_resident,
            "login_expires_at": login_expires_at,
            "session_component": session_context,
        },
    )
