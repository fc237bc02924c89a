"""Payments behind a connector: a demo provider (Testomgeving) now, a real PSP later.

Only `app/payment/service.py` calls the provider; see README.md.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.capabilities import Capability


def capability() -> "Capability":
    from app.core.capabilities import Capability
    from app.payment import (
        service,  # noqa: F401 - registers the demo provider
        states,
    )
    from app.payment.views import bp

    return Capability(name="payment", blueprints=(bp,), states=states.STATES)
