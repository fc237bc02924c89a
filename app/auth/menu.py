"""The links on the staff overview: each capability adds its own pages for a role."""

from dataclasses import dataclass

from flask import url_for
from flask_babel.speaklater import LazyString

from app.auth.models import StaffUser


@dataclass(frozen=True)
class StaffLink:
    role: str
    endpoint: str
    label: LazyString


_links: list[StaffLink] = []


def add_staff_link(role: str, endpoint: str, label: LazyString) -> None:
    _links.append(StaffLink(role, endpoint, label))


def staff_links(user: StaffUser) -> list[dict[str, str]]:
    return [
        {"url": url_for(link.endpoint), "label": str(link.label)}
        for link in _links
        if user.has_role(link.role)
    ]
