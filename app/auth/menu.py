"""The links on the staff overview: each capability declares its own pages for a role."""

from flask import url_for

from app.auth.models import StaffUser
from app.core.capabilities import wiring


def staff_links(user: StaffUser) -> list[dict[str, str]]:
    return [
        {"url": url_for(link.endpoint), "label": str(link.label)}
        for link in wiring().staff_links()
        if user.has_role(link.role)
    ]
