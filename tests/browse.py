"""Reach every page state with the test client: sign in, fill and submit forms like a person."""

from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from app.auth.cli import DEMO_ACCOUNTS
from app.states import PageState


def demo_login(client: FlaskClient, role: str) -> None:
    email, _, _, password = next(a for a in DEMO_ACCOUNTS if a[2] == role)
    page = client.get("/medewerker/inloggen")
    token = csrf_token(page.get_data(as_text=True))
    response = client.post(
        "/medewerker/inloggen", data={"email": email, "password": password, "csrf_token": token}
    )
    assert response.status_code == 302, "demo login failed"


def csrf_token(html: str) -> str:
    field = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "csrf_token"})
    return str(field["value"]) if field else ""


def reach(client: FlaskClient, state: PageState, lang: str) -> TestResponse:
    """Return the response a person sees in `state`."""
    if state.role:
        demo_login(client, state.role)
    url = state.url(lang)
    response = client.get(url)
    if not state.submit:
        return response
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    form = soup.select_one(state.submit)
    assert form is not None, f"{url}: no form {state.submit}"
    data = {
        str(i["name"]): str(i.get("value", ""))
        for i in form.find_all("input", attrs={"type": "hidden"})
        if i.get("name")
    }
    data.update(dict(state.fill))
    action = str(form.get("action") or url)
    return client.post(action, data=data)
