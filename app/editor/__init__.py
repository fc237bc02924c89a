"""The editors' language checker (/redactie/taalcheck)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.capabilities import Capability


def capability() -> "Capability":
    from flask_babel import lazy_gettext as _l

    from app.core.capabilities import Capability, StaffLink
    from app.editor import states
    from app.editor.views import bp
    from app.readability.cli import taalcheck

    return Capability(
        name="editor",
        blueprints=(bp,),
        states=states.STATES,
        commands=(taalcheck,),
        staff_links=(
            StaffLink("redacteur", "editor.taalcheck", _l("Taal van een tekst controleren")),
        ),
    )
