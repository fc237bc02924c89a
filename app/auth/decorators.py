"""Access control for staff and editor pages."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import abort, redirect, request, url_for

from app.auth.service import current_user


def role_required(role: str | None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Let only signed-in accounts with `role` (or beheerder) through; others go to the login.

    With role None any signed-in account may pass (see `login_required`).
    """

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user = current_user()
            if user is None:
                return redirect(url_for("auth.login", volgende=request.script_root + request.path))
            if role is not None and not user.has_role(role):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_role = role  # type: ignore[attr-defined]
        return wrapped

    return decorator


login_required = role_required(None)
