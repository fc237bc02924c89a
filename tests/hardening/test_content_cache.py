"""Content pages are rendered once and kept; they show nothing per person."""

import gzip

import brotli
import pytest
from flask import Flask, flash, template_rendered
from flask.testing import FlaskClient

from tests.browse import demo_login, resident_login
from tests.conftest import migrated_app

CONTENT_PATHS = (
    "/",
    "/diensten",
    "/diensten/kwijtschelding",
    "/diensten/kwijtschelding/makkelijk-lezen",
    "/en/diensten/verhuizen",
    "/zoeken?q=afval",
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    app = migrated_app(f"sqlite:///{tmp_path_factory.mktemp('kept') / 'kept.db'}")
    assert app.test_cli_runner().invoke(args=["demo", "vullen"]).exit_code == 0

    @app.get("/test-flash")
    def leave_a_flash() -> str:
        flash("Persoonlijk bericht voor Fatima", "ok")
        return "ok"

    return app


def renders(app: Flask) -> list[str]:
    seen: list[str] = []
    template_rendered.connect(lambda _, template, **kw: seen.append(template.name), app, weak=False)
    return seen


@pytest.mark.parametrize("who", ["redacteur", "fatima"])
@pytest.mark.parametrize("path", CONTENT_PATHS)
def test_a_visitor_with_a_session_gets_the_same_page(demo: Flask, path: str, who: str) -> None:
    """No flash message, login name or token of one visitor reaches the page of another."""
    signed_in = demo.test_client()
    if who == "fatima":
        resident_login(signed_in, who)
    else:
        demo_login(signed_in, who)
    signed_in.get("/test-flash")
    anonymous = demo.test_client()
    first = signed_in.get(path)  # rendered now, for the visitor with a session
    second = anonymous.get(path)
    assert first.status_code == second.status_code == 200
    assert first.data == second.data and first.headers["ETag"] == second.headers["ETag"]
    text = first.get_data(as_text=True)
    assert "Persoonlijk bericht" not in text and "Fatima" not in text
    assert 'name="csrf_token"' not in text and "Demo Redacteur" not in text
    assert "Set-Cookie" not in first.headers
    assert "public" in first.headers["Cache-Control"]
    # The flash is still there for the visitor's next page of their own.
    assert "Persoonlijk bericht" in signed_in.get("/contact").get_data(as_text=True)


def test_pages_are_rendered_once_and_kept(client: FlaskClient, app: Flask) -> None:
    seen = renders(app)
    for _ in range(3):
        assert client.get("/diensten/kwijtschelding").status_code == 200
    assert seen.count("pages/service.html") == 1
    client.get("/en/diensten/kwijtschelding")
    assert seen.count("pages/service.html") == 2  # each language once


def test_kept_bytes_come_compressed_with_a_strong_etag(client: FlaskClient) -> None:
    plain = client.get("/diensten/kwijtschelding")
    gz = client.get("/diensten/kwijtschelding", headers={"Accept-Encoding": "gzip"})
    br = client.get("/diensten/kwijtschelding", headers={"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in plain.headers
    assert gz.headers["Content-Encoding"] == "gzip" and br.headers["Content-Encoding"] == "br"
    assert gzip.decompress(gz.data) == plain.data == brotli.decompress(br.data)
    tags = {r.headers["ETag"] for r in (plain, gz, br)}
    assert len(tags) == 3 and not any(t.startswith("W/") for t in tags)
    for response in (plain, gz, br):
        assert "Accept-Encoding" in response.headers["Vary"]
        assert response.headers["Cache-Control"].startswith("public, max-age=")
    again = client.get(
        "/diensten/kwijtschelding",
        headers={"Accept-Encoding": "gzip", "If-None-Match": gz.headers["ETag"]},
    )
    assert again.status_code == 304 and not again.data


def test_the_easy_read_preference_gets_its_own_page(client: FlaskClient) -> None:
    normal = client.get("/")
    client.set_cookie("loket_makkelijk", "1")
    easy = client.get("/")
    assert "Cookie" in normal.headers["Vary"] and "Cookie" in easy.headers["Vary"]
    assert "/makkelijk-lezen" in easy.get_data(as_text=True)
    assert normal.headers["ETag"] != easy.headers["ETag"]
    # A service page does not look at the preference: one kept copy, no Vary: Cookie.
    assert "Cookie" not in client.get("/diensten/kwijtschelding").headers["Vary"]


def test_a_new_content_store_drops_the_kept_pages(client: FlaskClient, app: Flask) -> None:
    import copy

    first = client.get("/diensten/kwijtschelding").get_data(as_text=True)
    store = copy.deepcopy(app.extensions["loket.content"])
    page = store.pages[("nl", "kwijtschelding", "b1")]
    store.pages[("nl", "kwijtschelding", "b1")] = type(page)(
        **{**page.__dict__, "title": "Kwijtschelding (nieuwe versie)"}
    )
    app.extensions["loket.content"] = store
    second = client.get("/diensten/kwijtschelding").get_data(as_text=True)
    assert "nieuwe versie" not in first and "nieuwe versie" in second


def test_a_new_panel_snapshot_drops_the_kept_pages(client: FlaskClient, app: Flask) -> None:
    seen = renders(app)
    client.get("/diensten/kwijtschelding/makkelijk-lezen")
    with app.app_context():
        from app.panel import snapshot

        snapshot.version()  # the snapshot exists
        app.extensions["loket.panel.snapshot"].version += 1  # as after recording a session
    client.get("/diensten/kwijtschelding/makkelijk-lezen")
    assert seen.count("pages/service_easy.html") == 2


def test_a_content_template_that_uses_the_session_fails_loudly(app: Flask) -> None:
    from flask import session

    from app.pages.cache import PersonalContent, content_page

    @app.get("/test-persoonlijke-inhoud")
    def leaks() -> object:
        return content_page(lambda: f"<p>{session.get('staff')}</p>")

    with pytest.raises(PersonalContent):
        app.test_client().get("/test-persoonlijke-inhoud")


def test_search_results_are_kept_per_query_in_a_bounded_store(app: Flask) -> None:
    from app.pages.cache import SIZES

    app.config["RATELIMIT_ENABLED"] = False
    client = app.test_client()
    seen = renders(app)
    client.get("/zoeken?q=afval")
    client.get("/zoeken?q=afval")
    assert seen.count("pages/search.html") == 1
    limit = SIZES["loket.search_cache"][0]
    for n in range(limit + 20):
        client.get(f"/zoeken?q=woord{n}")
    assert len(app.extensions["loket.search_cache"].entries) == limit


def test_search_fragments_are_kept_apart_from_full_pages(client: FlaskClient) -> None:
    full = client.get("/zoeken?q=afval")
    fragment = client.get("/zoeken?q=afval", headers={"HX-Request": "true"})
    assert "<html" in full.get_data(as_text=True)
    assert "<html" not in fragment.get_data(as_text=True)
    assert "HX-Request" in full.headers["Vary"] and "HX-Request" in fragment.headers["Vary"]
