"""Flask extensions, created here and bound to the app in `create_app`."""

from flask import current_app, g, request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from htmx_flask import Htmx
from htmx_flask import request as htmx_request
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
babel = Babel()
htmx = Htmx()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


@limiter.request_filter
def _limits_switched_off() -> bool:
    """Honour RATELIMIT_ENABLED per app: the Limiter object is shared by every app in a process."""
    return not current_app.config.get("RATELIMIT_ENABLED", True)


def current_language() -> str:
    """Return the page language: set by the URL prefix (see `i18n.LanguagePrefix`)."""
    try:
        return str(request.environ.get("loket.lang", "nl"))
    except RuntimeError:  # outside a request (CLI, tests): Dutch
        return "nl"


def wants_fragment() -> bool:
    """Return True when htmx asks for part of a page.

    A history restore (the Back button after hx-push-url) also carries HX-Request, but needs
    the whole page. Asking is enough for the response to carry `Vary: HX-Request` (added in
    `app.security`), so no view or error page can forget it.
    """
    g.loket_varies_on_htmx = True
    return bool(htmx_request.htmx) and not htmx_request.htmx.history_restore_request
