"""The outbox: every message Loket sends to a resident (e-mail, SMS, letter) goes through it.

Callers use `app.notify.outbox` (enqueue, messages_about, delete_about); the worker
`flask berichten versturen` delivers. See README.md in this folder.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.capabilities import Capability


def capability() -> "Capability":
    from flask_babel import lazy_gettext as _l

    from app.core.capabilities import Capability, StaffLink
    from app.notify import states
    from app.notify.cli import messages_cli
    from app.notify.demo import fill_messages
    from app.notify.mail import demo as _mail_demo  # noqa: F401 - registers "demo"
    from app.notify.mail import smtp as _smtp  # noqa: F401 - registers "smtp"
    from app.notify.retention import purge_old_messages
    from app.notify.sms import demo as _sms_demo  # noqa: F401 - registers "demo"
    from app.notify.sms import messagebird as _messagebird  # noqa: F401 - registers it
    from app.notify.views import bp

    return Capability(
        name="notify",
        blueprints=(bp,),
        states=states.STATES,
        exempt=states.EXEMPT,
        commands=(messages_cli,),
        demo_fillers=(fill_messages,),
        staff_links=(
            StaffLink("medewerker", "notify.letters", _l("Brieven voor de post")),
            StaffLink("medewerker", "notify.messages", _l("Berichten aan inwoners")),
        ),
        providers={"opslag.opschonen": purge_old_messages},
    )
