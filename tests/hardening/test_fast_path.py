"""The thin path (app/pages/replay.py) sends exactly what the full path sends.

For every content page state, in every language, and for every request trait that can change
the answer (encoding, easy-read cookie, a session of a resident or an editor, htmx, a
conditional request), the same request is answered once by the thin path and once by Flask's
full request handling: status, every header and the body must be the same. Search answers
differ only in the rate-limit count, which each of them must have moved by one.
"""

import itertools
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from app.pages import replay
from app.pages.replay import FastPath
from app.states import all_states
from tests.browse import demo_login, resident_login
from tests.conftest import migrated_app

BROWSER = "gzip, deflate, br"
LIMIT_HEADERS = ("X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After")
_addresses = itertools.count(1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    app = migrated_app(f"sqlite:///{tmp_path_factory.mktemp('fast') / 'fast.db'}")
    assert app.test_cli_runner().invoke(args=["demo", "vullen"]).exit_code == 0
    return app


def fast(app: Flask) -> FastPath:
    return app.extensions["loket.fast_path"]  # type: ignore[no-any-return]


def content_paths(app: Flask) -> list[str]:
    """Every page state (both languages) that Flask answers with a kept content page."""
    paths = []
    for state in all_states(app):
        if state.role or state.resident or state.before or state.submit:
            continue
        for lang in state.languages:
            path = state.url(lang)
            before = len(fast(app).answers)
            response = app.test_client().get(path, environ_base={"REMOTE_ADDR": address()})
            if response.status_code == 200 and len(fast(app).answers) > before:
                paths.append(path)
    return paths


def address() -> str:
    """A client address of its own, so the search limit (60/minute) never gets in the way."""
    n = next(_addresses)
    return f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"


_clients: dict[tuple[int, str, bool], FlaskClient] = {}


def client_of(app: Flask, who: str, easy: bool) -> FlaskClient:
    """A client signed in as `who` (once: the logins have rate limits of their own)."""
    key = (id(app), who, easy)
    if key not in _clients:
        client = app.test_client()
        if who == "fatima":
            resident_login(client, who)
        elif who == "redacteur":
            demo_login(client, who)
        elif who == "flash":  # a message waiting for the next page (and a CSRF token)
            with client.session_transaction() as session:
                session["_flashes"] = [("message", "Uw afspraak is gemaakt")]
                session["csrf_token"] = "a" * 40
        elif who == "forged":  # a session cookie that does not verify
            client.set_cookie(app.config["SESSION_COOKIE_NAME"], "eyJ4IjoxfQ.bad.signature")
        if easy:
            client.set_cookie("loket_makkelijk", "1")
        _clients[key] = client
    return _clients[key]


# (who is signed in, easy-read cookie, request headers): every trait, and mixes of them.
VARIANTS: tuple[tuple[str, bool, dict[str, str]], ...] = (
    ("anonymous", False, {"Accept-Encoding": BROWSER}),
    ("anonymous", False, {"Accept-Encoding": "gzip"}),
    ("anonymous", False, {}),
    ("anonymous", True, {"Accept-Encoding": BROWSER}),
    ("fatima", False, {"Accept-Encoding": BROWSER}),
    ("fatima", True, {"Accept-Encoding": "gzip"}),
    ("redacteur", False, {"Accept-Encoding": BROWSER}),
    ("flash", False, {"Accept-Encoding": BROWSER}),
    ("forged", True, {"Accept-Encoding": "gzip;q=0.5, br;q=0"}),
    ("anonymous", False, {"Accept-Encoding": "identity"}),
    ("anonymous", False, {"Accept-Encoding": BROWSER, "HX-Request": "true"}),
    ("fatima", True, {"HX-Request": "true", "HX-History-Restore-Request": "true"}),
    ("anonymous", False, {"Accept-Encoding": BROWSER, "If-None-Match": '"niet-dit"'}),
    ("anonymous", False, {"Accept-Encoding": BROWSER, "If-None-Match": "ETAG"}),
    ("redacteur", True, {"If-None-Match": "ETAG"}),
)


def both_paths(
    app: Flask, path: str, who: str, easy: bool, headers: dict[str, str]
) -> Iterator[tuple[TestResponse, TestResponse]]:
    """Yield (thin path, full path) answers to the same request."""
    anonymous = client_of(app, "anonymous", easy)
    if headers.get("If-None-Match") == "ETAG":
        plain = {k: v for k, v in headers.items() if k != "If-None-Match"}
        tag = anonymous.get(path, headers=plain, environ_base={"REMOTE_ADDR": address()})
        headers = {**headers, "If-None-Match": tag.headers["ETag"]}
    anonymous.get(path, headers=headers, environ_base={"REMOTE_ADDR": address()})  # kept now
    visitor = client_of(app, who, easy)
    where = {"REMOTE_ADDR": address()}
    replayed = fast(app).replayed
    thin = visitor.get(path, headers=headers, environ_base=where)
    assert fast(app).replayed == replayed + 1, f"{path} {who} {headers}: not replayed"
    fast(app).enabled = False
    try:
        full = visitor.get(path, headers=headers, environ_base=where)
    finally:
        fast(app).enabled = True
    yield thin, full


def test_both_paths_send_the_same_for_every_content_page_state(demo: Flask) -> None:
    paths = content_paths(demo)
    kinds = {"/", "/en", "/diensten/kwijtschelding", "/diensten/kwijtschelding/makkelijk-lezen"}
    assert kinds <= set(paths) and "/en/diensten/kwijtschelding" in paths
    assert any(p.startswith("/zoeken?") for p in paths)
    assert any(p.startswith("/en/zoeken?") for p in paths)
    compared = 0
    for path, (who, easy, headers) in itertools.product(paths, VARIANTS):
        for thin, full in both_paths(demo, path, who, easy, headers):
            label = f"{path} {who} easy={easy} {headers}"
            assert thin.status_code == full.status_code, label
            assert thin.data == full.data, label
            mine = [(k, v) for k, v in thin.headers.items() if k not in LIMIT_HEADERS]
            theirs = [(k, v) for k, v in full.headers.items() if k not in LIMIT_HEADERS]
            assert mine == theirs, label
            if "X-RateLimit-Remaining" in full.headers:  # search: each answer counted once
                assert [k for k, _ in thin.headers.items()] == [k for k, _ in full.headers.items()]
                remaining = int(thin.headers["X-RateLimit-Remaining"])
                assert int(full.headers["X-RateLimit-Remaining"]) == remaining - 1, label
                assert (
                    0
                    <= int(full.headers["X-RateLimit-Reset"])
                    - int(thin.headers["X-RateLimit-Reset"])
                    <= 60
                )
            compared += 1
    assert compared == len(paths) * len(VARIANTS)


def test_a_kept_search_answer_counts_against_the_limit(demo: Flask) -> None:
    client = demo.test_client()
    where = {"REMOTE_ADDR": "192.0.2.7"}
    replayed = fast(demo).replayed
    codes = [client.get("/zoeken?q=paspoort", environ_base=where).status_code for _ in range(61)]
    assert codes == [200] * 60 + [429]
    assert fast(demo).replayed - replayed == 59  # all but the first came from the thin path
    other = client.get("/zoeken?q=paspoort", environ_base={"REMOTE_ADDR": "192.0.2.8"})
    assert other.status_code == 200


@pytest.mark.parametrize(
    ("method", "extra"),
    [
        ("HEAD", {}),
        ("POST", {}),
        ("GET", {"headers": {"Host": "a..b"}}),
        ("GET", {"data": {"q": (b"x", "x.txt")}, "content_type": "multipart/form-data"}),
    ],
)
def test_what_is_not_a_plain_get_takes_the_full_path(
    client: FlaskClient, app: Flask, method: str, extra: dict[str, object]
) -> None:
    client.get("/diensten/kwijtschelding")
    replayed = fast(app).replayed
    response = client.open("/diensten/kwijtschelding", method=method, **extra)  # type: ignore[arg-type]
    assert fast(app).replayed == replayed
    assert response.status_code in (200, 400, 405)


def test_pages_that_are_not_content_pages_are_never_kept(client: FlaskClient, app: Flask) -> None:
    for path in ("/contact", "/health", "/login", "/diensten/bestaat-niet", "/redactie/taalcheck"):
        client.get(path)
        client.get(path)
    assert fast(app).replayed == 0 and not fast(app).answers


def test_a_new_content_version_is_served_at_once(client: FlaskClient, app: Flask) -> None:
    client.get("/diensten/kwijtschelding/makkelijk-lezen")
    client.get("/diensten/kwijtschelding/makkelijk-lezen")
    assert fast(app).replayed == 1
    with app.app_context():
        from app.panel import snapshot

        snapshot.version()
        app.extensions["loket.panel.snapshot"].version += 1  # as after recording a session
    client.get("/diensten/kwijtschelding/makkelijk-lezen")
    assert fast(app).replayed == 1  # the old answer was dropped, not sent


def test_the_store_of_answers_is_bounded(
    client: FlaskClient, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replay, "MAX_ANSWERS", 10)
    for n in range(30):
        client.get(f"/zoeken?q=woord{n}")
    assert len(fast(app).answers) == 10
    assert fast(app).size == sum(len(a.body) for a in fast(app).answers.values())


def test_the_store_is_bounded_in_bytes(
    client: FlaskClient, app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = len(client.get("/zoeken?q=woord").data)
    monkeypatch.setattr(replay, "MAX_BYTES", 3 * one + one // 2)
    for n in range(10):
        client.get(f"/zoeken?q=woord{n}")
    assert len(fast(app).answers) <= 3
    assert fast(app).size <= replay.MAX_BYTES


def test_equal_encodings_share_one_answer(client: FlaskClient, app: Flask) -> None:
    """Odd spellings of the same choice cost no memory: the key holds the chosen encoding."""
    for n in range(1, 10):
        client.get("/diensten/kwijtschelding", headers={"Accept-Encoding": f"gzip;q=0.{n}"})
    assert len(fast(app).answers) == 1 and fast(app).replayed == 8


def test_another_host_or_preference_is_never_sent_another_answer(
    client: FlaskClient, app: Flask
) -> None:
    client.get("/", base_url="http://a.example")
    client.get("/", base_url="http://b.example")
    client.get("/", base_url="https://a.example")
    client.set_cookie("loket_makkelijk", "1", domain="a.example")
    client.get("/", base_url="http://a.example")
    assert fast(app).replayed == 0
    client.get("/", base_url="http://a.example")
    assert fast(app).replayed == 1
