"""Sign in as an editor, and walk through the reader panel like a facilitator."""

import re
from typing import Any

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from app.auth.service import create_user
from tests.browse import csrf_token
from tests.pagecheck import check_page

PASSWORD = "een-lang-wachtwoord-2026"
EASY = "nl/kwijtschelding/makkelijk"


def sign_in(app: Flask, client: FlaskClient, email: str, roles: list[str]) -> None:
    with app.app_context():
        create_user(email, "Test", PASSWORD, roles)
    token = csrf_token(client.get("/medewerker/inloggen").get_data(as_text=True))
    response = client.post(
        "/medewerker/inloggen", data={"email": email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302


@pytest.fixture
def editor(app: Flask, client: FlaskClient) -> FlaskClient:
    """The test client, signed in as a redacteur."""
    sign_in(app, client, "redacteur@nijmegen.example", ["redacteur"])
    return client


def post_form(client: FlaskClient, url: str, data: dict[str, object]) -> TestResponse:
    """Post to `url` with the CSRF token of the form on that page, like a browser."""
    token = csrf_token(client.get(url).get_data(as_text=True))
    return client.post(url, data={**data, "csrf_token": token})


def start(client: FlaskClient, page: str = EASY) -> int:
    """Start a session for `page` and return its id."""
    response = post_form(client, "/redactie/leespanel", {"page": page})
    assert response.status_code == 302, response.get_data(as_text=True)
    match = re.fullmatch(r"/redactie/leespanel/sessie/(\d+)/blok/1", response.location)
    assert match, response.location
    return int(match.group(1))


def errors(html: str) -> str:
    soup = check_page(html)
    summary = soup.select_one(".loket-error-summary")
    assert summary is not None, "no error summary"
    assert soup.title is not None and soup.title.get_text().startswith("Fout: ")
    for link in summary.find_all("a"):
        assert soup.select_one(str(link["href"])) is not None, "summary link to nowhere"
    return summary.get_text(" ", strip=True)


def parts(client: FlaskClient, query: str = "") -> list[BeautifulSoup]:
    """Every part of the table, following "Volgend deel" as an editor would."""
    found = []
    url: str | None = "/redactie" + query
    while url:
        soup = check_page(client.get(url).data)
        found.append(soup)
        following = soup.find("a", string="Volgend deel")
        url = following["href"] if following else None
    return found


def find_link(client: FlaskClient, **attrs: Any) -> Any:
    """The first link with these attributes in any part of the table."""
    for soup in parts(client):
        link = soup.find("a", **attrs)
        if link is not None:
            return link
    raise AssertionError(f"no link {attrs}")
