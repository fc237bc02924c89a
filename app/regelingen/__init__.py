"""The minima schemes as rules (one set, two uses: the regelingencheck and the notices) and the
regelingencheck itself (`/regelingencheck`, no login, stores nothing). See README.md."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from app.core.capabilities import Capability


def _exempt_from_csrf(app: "Flask") -> None:
    """The check changes nothing that belongs to a person and carries no session-bound token
    (INTERFACES.md): an Origin check and a rate limit protect it instead (views.py)."""
    from app.extensions import csrf
    from app.regelingen.views import bp

    csrf.exempt(bp)


def capability() -> "Capability":
    from app.core.capabilities import Capability
    from app.regelingen import states
    from app.regelingen.views import bp

    return Capability(
        name="regelingen",
        blueprints=(bp,),
        states=states.STATES,
        exempt=states.EXEMPT,
        setup=_exempt_from_csrf,
        public_paths=lambda: ["/regelingencheck", "/regelingencheck/makkelijk-lezen"],
    )
