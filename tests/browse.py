"""Reach every page state with the test client: sign in, fill and submit forms like a person."""

import gzip

from bs4 import BeautifulSoup, Tag
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from app.auth.cli import DEMO_ACCOUNTS
from app.states import PageState, Visit


def demo_login(client: FlaskClient, role: str) -> None:
    email, _, _, password = next(a for a in DEMO_ACCOUNTS if a[2] == role)
    page = client.get("/medewerker/inloggen")
    token = csrf_token(page.get_data(as_text=True))
    response = client.post(
        "/medewerker/inloggen", data={"email": email, "password": password, "csrf_token": token}
    )
    assert response.status_code == 302, "demo login failed"


def resident_login(client: FlaskClient, key: str, method: str = "digid") -> None:
    """Log in as a demo resident through the demo broker, the way a resident does."""
    response = submit(
        client, Visit(f"/login?method={method}", "#demo-inloggen", (("person", key),))
    )
    assert response.status_code == 200, f"demo resident login as {key} failed"
    assert "resident" in ((client.get_cookie("loket_sessie") and _session(client)) or {})


def _session(client: FlaskClient) -> dict[str, object]:
    with client.session_transaction() as session:
        return dict(session)


def csrf_token(html: str) -> str:
    field = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "csrf_token"})
    return str(field["value"]) if field else ""


def form_data(form: Tag, fill: tuple[tuple[str, str], ...]) -> dict[str, str | list[str]]:
    """Return what a browser would send: hidden fields, what is already chosen, and `fill`."""
    data: dict[str, str | list[str]] = {}
    for field in form.find_all("input"):
        name, kind = field.get("name"), field.get("type", "text")
        if not name:
            continue
        if kind == "hidden" or (kind in ("radio", "checkbox") and field.has_attr("checked")):
            data[str(name)] = str(field.get("value", "on"))
    chosen: dict[str, list[str]] = {}
    for name, value in fill:
        chosen.setdefault(name, []).append(value)
    for name, values in chosen.items():
        data[name] = values if len(values) > 1 else values[0]
    return data


def submit(client: FlaskClient, visit: Visit, lang: str = "nl") -> TestResponse:
    """Open a page (following redirects), fill in its form and send it; follow the answer."""
    url = PageState("", visit.path).url(lang)
    page = client.get(url, follow_redirects=True)
    if not visit.submit:
        return page
    html = page.get_data()
    if page.headers.get("Content-Encoding") == "gzip":  # a content page, asked for compressed
        html = gzip.decompress(html)
    soup = BeautifulSoup(html.decode(), "html.parser")
    form = soup.select_one(visit.submit)
    assert form is not None, f"{url}: no form {visit.submit}"
    action = str(form.get("action") or page.request.path)
    method = str(form.get("method") or "get").lower()
    data = form_data(form, visit.fill)
    if method == "get":
        return client.get(action, query_string=data, follow_redirects=True)
    return client.post(action, data=data, follow_redirects=True)


def prepare(client: FlaskClient, state: PageState, lang: str) -> None:
    """Sign in as the state asks and go through the steps before its page."""
    if state.role:
        demo_login(client, state.role)
    if state.resident:
        resident_login(client, state.resident)
    for visit in state.before:
        submit(client, visit, lang)


def reach(client: FlaskClient, state: PageState, lang: str) -> TestResponse:
    """Return the response a person sees in `state`."""
    prepare(client, state, lang)
    if state.submit:
        return submit(client, Visit(state.path, state.submit, state.fill), lang)
    return client.get(state.url(lang), follow_redirects=True)
