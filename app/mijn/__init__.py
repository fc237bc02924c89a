"""Mijn Loket: a resident's own overview, cases, appointments, register data and settings.

Everything shown is read live through the connectors and kept nowhere; the one thing stored
is the contact preference the resident chose (`contact.py`). Status changes of a case reach
the resident through the outbox (`case_messages.py`). See README.md.
"""

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.capabilities import Capability


def day_words(moment: dt.datetime) -> str:
    """The Amsterdam day of a UTC moment, in the page's language ("3 november 2026")."""
    from flask_babel import format_date

    from app.core.time import local

    return str(format_date(local(moment).date(), "long"))


def capability() -> "Capability":
    from app.core.capabilities import Capability
    from app.mijn import (
        labels,
        models,  # noqa: F401 - the contact preferences table
        states,
    )
    from app.mijn.appointments import link_demo_booking
    from app.mijn.case_messages import tell_resident
    from app.mijn.status_views import bp as status_bp
    from app.mijn.views import bp

    return Capability(
        name="mijn",
        blueprints=(bp, status_bp),
        states=states.STATES,
        exempt=states.EXEMPT,
        demo_fillers=(link_demo_booking,),
        template_globals={"mijn_day": day_words, "mijn_labels": labels},
        providers={"zaken.status": tell_resident},
    )
