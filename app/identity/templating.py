"""What the session components show: who is logged in, for whom, and until when."""

from typing import Any

from flask import current_app
from flask_babel import gettext as _
from markupsafe import Markup

from app.core.time import local
from app.extensions import current_language
from app.i18n import path_in
from app.identity.resident import current_resident, login_expires_at, seconds_left
from app.identity.service import METHOD_NAMES


def _acting_for(resident: Any) -> str | None:
    acting = resident.acting_for
    if acting is None:
        return None
    how = {
        "machtiging": _("met een machtiging"),
        "bewindvoerder": _("als bewindvoerder"),
        "curator": _("als curator"),
        "mentor": _("als mentor"),
    }.get(acting.kind, _("met een machtiging"))
    name = acting.name or _("iemand anders")
    return _("U regelt dit namens %(name)s, %(how)s.", name=name, how=how)


def session_context() -> dict[str, Any] | None:
    """Return what components/session_status.html needs, or None when nobody is logged in."""
    resident = current_resident()
    ends = login_expires_at()
    if resident is None or ends is None:
        return None
    method = METHOD_NAMES.get(resident.method, resident.method)
    who = (
        _("U bent ingelogd als %(name)s.", name=resident.display_name)
        if resident.display_name
        else _("U bent ingelogd met %(method)s.", method=method)
    )
    idle = float(current_app.config.get("RESIDENT_IDLE_MINUTES", 15))
    return {
        "resident": resident,
        "who": who,
        "acting_for": _acting_for(resident),
        "until": local(ends).strftime("%H:%M"),
        # The script changes only the time when the resident stays logged in.
        "until_html": Markup("<span data-session-until>{}</span>").format(
            local(ends).strftime("%H:%M")
        ),
        "seconds": seconds_left(),
        "warn_seconds": int(current_app.config.get("RESIDENT_WARNING_SECONDS", 120)),
        "idle_minutes": round(idle) if idle >= 1 else 1,
        "here": path_in(current_language()),
    }
