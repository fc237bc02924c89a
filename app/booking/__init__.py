"""Book a conversation with a person ("Praat met een mens"): the flow, capacity, changes
without an account, the waiting list, written questions, the staff day view. See README.md."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

    from app.core.capabilities import Capability


def booking_url(topic: str | None = None) -> str:
    """`app.links.booking_url`, except inside the booking flow itself.

    There "Praat met een mens" would lead back to the step the resident is on (/afspraak
    continues the flow), so it leads to the contact page: call, or come by.
    """
    from flask import request, url_for

    from app.links import booking_url as link

    if request.endpoint in ("booking.step", "booking.reschedule_step"):
        return url_for("site.contact")
    return link(topic)


def _globals() -> dict[str, Any]:
    from app.booking.formatting import day_words, hours_lines, when_words
    from app.booking.steps import time_value
    from app.booking.topics import CHANNEL_HINTS

    def opening_hours(agenda: Any) -> list[str]:
        from app.extensions import current_language

        return hours_lines(
            [(h.weekday, h.opens, h.closes) for h in agenda.hours], current_language()
        )

    return {
        "booking_url": booking_url,
        "channel_hints": CHANNEL_HINTS,
        "day_words": day_words,
        "when_words": when_words,
        "time_value": time_value,
        "opening_hours": opening_hours,
    }


def _setup(app: "Flask") -> None:
    app.config.setdefault("BOOKING_RETENTION_DAYS", 30)
    app.config.setdefault("BOOKING_HORIZON_DAYS", 56)
    app.config.setdefault("BOOKING_HOLD_MINUTES", 120)
    app.config.setdefault("BOOKING_MIN_NOTICE_MINUTES", 60)
    app.config.setdefault("BOOKING_LETTER_WORKING_DAYS", 3)
    app.config.setdefault("BOOKING_INTERPRETER_WORKING_DAYS", 2)
    app.config.setdefault("BOOKING_LOOKUP_LIMIT", "8 per hour")
    app.config.setdefault("OMBUDSMAN_URL", "https://www.nationaleombudsman.nl/")


def capability() -> "Capability":
    from flask_babel import lazy_gettext as _l

    from app.booking import states, views, views_admin, views_manage, views_question, views_staff  # noqa: F401
    from app.booking.cli import bookings_cli
    from app.booking.demo import fill_capacity, fill_demo_bookings
    from app.core.capabilities import Capability, StaffLink

    return Capability(
        name="booking",
        blueprints=(views.bp,),
        states=states.STATES,
        exempt=states.EXEMPT,
        commands=(bookings_cli,),
        demo_fillers=(fill_capacity, fill_demo_bookings),
        staff_links=(
            StaffLink("medewerker", "booking.day", _l("Afspraken van vandaag")),
            StaffLink("medewerker", "booking.questions_list", _l("Vragen van inwoners")),
            StaffLink("beheerder", "booking.capacity_overview", _l("Capaciteit voor afspraken")),
        ),
        template_globals=_globals(),
        setup=_setup,
        public_paths=lambda: ["/afspraak", "/afspraak/wijzigen", "/contact/vraag"],
    )
