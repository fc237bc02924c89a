"""Residents' login through the broker (DigiD, Yivi, eHerkenning), kept server-side.

The `Resident` identity sits next to the staff account; `current_user()` returns either.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from app.core.capabilities import Capability


def check(app: "Flask") -> None:
    """Refuse to start with the demo login where it is switched off (production)."""
    from app.identity.broker import brokers

    if brokers.chosen(app.config) == "demo" and not app.config.get("DEMO_LOGIN"):
        raise RuntimeError(
            "The demo login is off here: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET."
        )


def capability() -> "Capability":
    from app.core.capabilities import Capability
    from app.identity import states
    from app.identity.contrib import demo  # noqa: F401 - registers the demo broker
    from app.identity.resident import current_resident, login_expires_at
    from app.identity.users import current_user
    from app.identity.views import bp

    return Capability(
        name="identity",
        blueprints=(bp,),
        states=states.STATES,
        setup=check,
        template_globals={
            "current_user": current_user,
            "current_resident": current_resident,
            "login_expires_at": login_expires_at,
        },
    )
