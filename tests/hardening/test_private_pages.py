"""One rule decides who may keep a response: pages with a login, a CSRF token or personal data
are `no-store` and never compressed (BREACH); content pages are cacheable and compressed.

The rule reads the request (session touched, token made, staff view, not a GET), so these tests
run over every page state: a new capability's pages are checked without being listed.
"""

import pytest
from flask import Flask

from app.states import PageState
from tests.browse import demo_login
from tests.pagewalk import GROUP, Walk, every_state

BUDGET = 14 * 1024  # uncompressed: these pages are never compressed
CONTENT = {"pages.home", "pages.services", "pages.service", "pages.service_easy", "pages.search"}
pytestmark = GROUP


@pytest.mark.parametrize(("state", "lang"), every_state(), ids=lambda v: getattr(v, "path", v))
def test_who_may_keep_each_page(walk: Walk, state: PageState, lang: str) -> None:
    seen = walk(state, lang)  # asked for with gzip, as a browser does
    html = seen.html
    private = bool(state.role or state.resident or state.submit or 'name="csrf_token"' in html)
    control = seen.headers.get("Cache-Control", "")
    if private:
        assert control == "no-store", f"{state.path}: {control!r}"
        assert "Content-Encoding" not in seen.headers, state.path
        assert "ETag" not in seen.headers, state.path
        size = len(html.encode())
        assert size <= BUDGET, f"{state.path}: {size} bytes"
    elif state.endpoint in CONTENT:
        assert "public" in control and "no-store" not in control, f"{state.path}: {control!r}"
        assert seen.headers["Content-Encoding"] in ("gzip", "br"), state.path


def test_the_login_page_is_private_and_uncompressed(walk: Walk) -> None:
    client = walk.app.test_client()
    response = client.get(
        "/medewerker/inloggen?volgende=/medewerker/", headers={"Accept-Encoding": "gzip"}
    )
    assert response.headers["Cache-Control"] == "no-store"
    assert "Content-Encoding" not in response.headers
    assert "Vary" in response.headers and "Cookie" in response.headers["Vary"]


def test_a_content_page_stays_cacheable_for_a_signed_in_editor(walk: Walk) -> None:
    client = walk.app.test_client()
    demo_login(client, "redacteur")
    response = client.get("/diensten/kwijtschelding", headers={"Accept-Encoding": "gzip"})
    assert "public" in response.headers["Cache-Control"]
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Set-Cookie" not in response.headers


def test_a_view_may_mark_itself_personal(app: Flask) -> None:
    from app.security import personal

    @app.get("/test-persoonlijk")
    def shows_a_case() -> str:
        personal()
        return "<p>" + "zaak " * 200 + "</p>"

    response = app.test_client().get("/test-persoonlijk", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Cache-Control"] == "no-store"
    assert "Content-Encoding" not in response.headers


def test_staff_only_views_are_private_even_without_the_session(app: Flask) -> None:
    """Decided by the view's role, not by whether it happened to read the session."""
    from app.security import is_private

    view = app.view_functions["auth.overview"]
    assert hasattr(view, "required_role")
    with app.test_request_context("/medewerker/"):
        from flask import request

        request.url_rule = next(
            r for r in app.url_map.iter_rules() if r.endpoint == "auth.overview"
        )
        assert is_private(app.response_class("x"))
