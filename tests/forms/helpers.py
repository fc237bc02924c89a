"""Fill in a form like a browser does: every field as the page shows it, plus what one types."""

from collections.abc import Mapping
from typing import Any

from bs4 import BeautifulSoup, Tag
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.browse import resident_login

__all__ = ["as_browser", "page", "resident_login", "send", "soup_of", "text_of"]


def soup_of(response: TestResponse) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def text_of(response: TestResponse) -> str:
    main = soup_of(response).find("main")
    return (main or soup_of(response)).get_text(" ", strip=True)


def as_browser(form: Tag) -> dict[str, Any]:
    """What a browser sends for `form` untouched: inputs with their values, checked choices."""
    data: dict[str, Any] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name:
            continue
        kind = field.get("type", "text")
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif kind in ("radio", "checkbox"):
            if field.has_attr("checked"):
                if kind == "checkbox":
                    data.setdefault(name, []).append(field.get("value", "on"))
                else:
                    data[name] = field.get("value", "on")
        elif kind in ("submit", "button", "file"):
            continue
        else:
            data[name] = field.get("value", "")
    return data


def page(client: FlaskClient, url: str) -> TestResponse:
    return client.get(url, follow_redirects=True)


def send(
    client: FlaskClient,
    url: str,
    changes: Mapping[str, Any] | None = None,
    *,
    selector: str = "form.loket-form",
    follow: bool = True,
    drop: tuple[str, ...] = (),
    files: Mapping[str, Any] | None = None,
) -> TestResponse:
    """Open `url`, change some fields (a list for checkboxes), send the form and follow on."""
    shown = client.get(url, follow_redirects=True)
    form = soup_of(shown).select_one(selector)
    assert form is not None, f"{url}: no {selector} in {text_of(shown)[:300]}"
    data = as_browser(form)
    data.update(changes or {})
    for name in drop:
        data.pop(name, None)
    if files:
        data.update(files)
    action = str(form.get("action") or shown.request.path)
    return client.post(
        action,
        data=data,
        follow_redirects=follow,
        content_type="multipart/form-data" if files else None,
    )
