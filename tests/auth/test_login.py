"""Staff login: success, wrong password, growing waits (never a lock-out), logout, roles."""

import datetime as dt

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.auth.service import AccountError, create_user
from app.core.time import frozen_at
from tests.browse import csrf_token
from tests.conftest import both_databases, make_app
from tests.pagecheck import check_page

# Every test process shares one Redis server and these tests use it (one flushes it): one process.
pytestmark = pytest.mark.xdist_group("redis")

PASSWORD = "een-lang-wachtwoord-2026"


def add_user(app: Flask, email: str, roles: list[str]) -> None:
    with app.app_context():
        create_user(email, email.split("@")[0].title(), PASSWORD, roles)


def post_login(client: FlaskClient, email: str, password: str) -> object:
    token = csrf_token(client.get("/medewerker/inloggen").get_data(as_text=True))
    return client.post(
        "/medewerker/inloggen", data={"email": email, "password": password, "csrf_token": token}
    )


@both_databases()
def test_login_and_logout(app: Flask, client: FlaskClient) -> None:
    add_user(app, "Sanne@Nijmegen.example", ["redacteur"])
    response = post_login(client, "sanne@nijmegen.example", PASSWORD)
    assert response.status_code == 302 and response.location.endswith("/medewerker/")
    page = client.get("/medewerker/")
    assert "U bent ingelogd als Sanne" in check_page(page.data).get_text()
    old_cookie = client.get_cookie("loket_sessie").value
    token = csrf_token(page.get_data(as_text=True))
    assert client.post("/medewerker/uitloggen", data={"csrf_token": token}).status_code == 302
    assert client.get("/medewerker/").status_code == 302
    # A copy of the old cookie no longer works after logout.
    client.set_cookie("loket_sessie", old_cookie)
    assert client.get("/medewerker/").status_code == 302


def error(response: object) -> str:
    soup = check_page(response.data)  # type: ignore[attr-defined]
    field = soup.select_one(".loket-field-error")
    return field.get_text(" ", strip=True) if field else ""


def from_address(app: Flask, address: str) -> FlaskClient:
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker never sleeps to slow a guesser down: it answers at once with the wait."""

    def refuse(seconds: float) -> None:
        raise AssertionError(f"time.sleep({seconds}) in a request")

    monkeypatch.setattr("time.sleep", refuse)


@both_databases()
def test_waits_grow_after_repeated_failures(app: Flask, no_sleep: None) -> None:
    add_user(app, "piet@nijmegen.example", ["medewerker"])
    client = from_address(app, "10.0.0.1")
    free = app.config["LOGIN_FREE_FAILURES_ACCOUNT"]
    first = app.config["LOGIN_FIRST_WAIT_SECONDS"]
    with frozen_at(dt.datetime.now(dt.UTC)) as clock:
        for _ in range(free):
            assert "klopt niet" in error(post_login(client, "piet@nijmegen.example", "fout"))
        assert f"over {first} seconden" in error(post_login(client, "piet@nijmegen.example", "f"))
        # While this source waits, even the right password is not checked.
        clock.advance(dt.timedelta(seconds=5))
        waiting = post_login(client, "piet@nijmegen.example", PASSWORD)
        assert f"over {first - 5} seconden" in error(waiting)
        assert check_page(waiting.data).title.get_text().startswith("Fout: ")
        # After the wait, the next failure doubles it; the right password gets in.
        clock.advance(dt.timedelta(seconds=first))
        again = post_login(client, "piet@nijmegen.example", "fout")
        assert f"over {2 * first} seconden" in error(again)
        clock.advance(dt.timedelta(seconds=2 * first))
        assert post_login(client, "piet@nijmegen.example", PASSWORD).status_code == 302
        # The owner is in: the account's failures are forgotten.
        assert "klopt niet" in error(post_login(client, "piet@nijmegen.example", "fout"))


def test_the_owner_gets_in_from_a_clean_source_during_an_attack(app: Flask, no_sleep: None) -> None:
    """Lock-out is no weapon: guessing from elsewhere never keeps the owner out."""
    add_user(app, "piet@nijmegen.example", ["medewerker"])
    attacker = from_address(app, "10.6.6.6")
    for _ in range(app.config["LOGIN_FREE_FAILURES_ACCOUNT"] + 3):
        post_login(attacker, "piet@nijmegen.example", "raden")
    assert "Probeer het over" in error(post_login(attacker, "piet@nijmegen.example", PASSWORD))
    owner = from_address(app, "10.0.0.2")
    response = post_login(owner, "piet@nijmegen.example", PASSWORD)
    assert response.status_code == 302 and response.location.endswith("/medewerker/")
    # A second attacker address gets one guess, then waits with the first.
    second = from_address(app, "10.6.6.7")
    assert "klopt niet" in error(post_login(second, "piet@nijmegen.example", "raden"))


def test_a_source_that_guesses_across_accounts_waits(app: Flask, no_sleep: None) -> None:
    add_user(app, "echt@nijmegen.example", ["medewerker"])
    client = from_address(app, "10.0.0.9")
    for n in range(app.config["LOGIN_FREE_FAILURES_SOURCE"]):
        assert "klopt niet" in error(post_login(client, f"iemand{n}@nijmegen.example", "fout"))
    assert "Probeer het over" in error(post_login(client, "nieuw@nijmegen.example", "fout"))
    assert "Probeer het over" in error(post_login(client, "echt@nijmegen.example", PASSWORD))
    # Another address is not slowed down by this one.
    assert (
        post_login(from_address(app, "10.0.0.10"), "echt@nijmegen.example", PASSWORD).status_code
        == 302
    )


def test_unknown_address_behaves_like_a_real_account(app: Flask, no_sleep: None) -> None:
    """The login page must not tell which addresses have an account: not by its words, not by
    its waits, not after a wait has run out, not after the failures are forgotten."""
    add_user(app, "echt@nijmegen.example", ["medewerker"])
    app.config["LOGIN_FORGET_AFTER_SECONDS"] = 3600

    def answers(email: str, address: str) -> list[str]:
        client = from_address(app, address)
        texts = []
        for _ in range(app.config["LOGIN_FREE_FAILURES_ACCOUNT"] + 3):
            texts.append(error(post_login(client, email, "fout-wachtwoord")))
        return texts

    with frozen_at(dt.datetime.now(dt.UTC)) as clock:
        real, unknown = (
            answers("echt@nijmegen.example", "10.1.0.1"),
            answers("niemand@nijmegen.example", "10.1.0.2"),
        )
        assert real == unknown and "Probeer het over" in real[-1]
        clock.advance(dt.timedelta(seconds=app.config["LOGIN_MAX_WAIT_SECONDS"] + 1))
        assert answers("echt@nijmegen.example", "10.1.0.1") == answers(
            "niemand@nijmegen.example", "10.1.0.2"
        )
        # Once the store has expired the counters (forgotten), both start afresh alike.
        throttle_store(app).reset()
        again = answers("echt@nijmegen.example", "10.1.0.3")
        assert again == answers("niemand@nijmegen.example", "10.1.0.4") == real


def throttle_store(app: Flask):  # type: ignore[no-untyped-def]
    from app.auth.throttle import store

    with app.app_context():
        return store()


def test_failures_are_forgotten_after_the_window(app: Flask, no_sleep: None) -> None:
    """The store expires the counters by itself: the same for every address."""
    import time as real_time

    app.config["LOGIN_FORGET_AFTER_SECONDS"] = 1
    add_user(app, "echt@nijmegen.example", ["medewerker"])
    client = from_address(app, "10.2.0.1")
    for _ in range(app.config["LOGIN_FREE_FAILURES_ACCOUNT"] + 1):
        post_login(client, "echt@nijmegen.example", "fout")
    store = throttle_store(app)
    waiting = [k for k in store.storage if k.endswith(":failures")]  # type: ignore[attr-defined]
    assert waiting and all(store.get_expiry(k) <= real_time.time() + 1 for k in waiting)


def test_throttle_counts_in_the_shared_store(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Two workers (or machines) on one Redis see the same failures."""
    from tests.conftest import migrated_app, redis_url

    url = redis_url()
    first = migrated_app(f"sqlite:///{tmp_path / 'a.db'}", RATELIMIT_STORAGE_URI=url)
    second = make_app(f"sqlite:///{tmp_path / 'a.db'}", RATELIMIT_STORAGE_URI=url)
    throttle_store(first).reset()
    add_user(first, "piet@nijmegen.example", ["medewerker"])
    free = first.config["LOGIN_FREE_FAILURES_ACCOUNT"]
    for n in range(free):
        app = first if n % 2 else second
        post_login(from_address(app, "10.3.0.1"), "piet@nijmegen.example", "fout")
    assert "Probeer het over" in error(
        post_login(from_address(second, "10.3.0.1"), "piet@nijmegen.example", "fout")
    )
    assert "Probeer het over" in error(
        post_login(from_address(first, "10.3.0.1"), "piet@nijmegen.example", PASSWORD)
    )
    throttle_store(first).reset()


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("", "", "Vul uw e-mailadres in"),
        ("geen-adres", "x", "Vul een goed e-mailadres in"),
        ("a@b.nl", "", "Vul uw wachtwoord in"),
    ],
)
def test_bad_input_keeps_what_was_typed(
    client: FlaskClient, email: str, password: str, message: str
) -> None:
    response = post_login(client, email, password)
    soup = check_page(response.data)
    summary = soup.select_one(".loket-error-summary")
    assert summary is not None and message in summary.get_text()
    link = summary.find("a")
    assert link is not None and soup.select_one(str(link["href"])) is not None
    assert soup.find("input", attrs={"name": "email"}).get("value", "") == email


def test_role_is_enforced(app: Flask, client: FlaskClient) -> None:
    from flask import Blueprint

    from app.auth.decorators import role_required

    bp = Blueprint("probe", __name__)

    @bp.get("/probe-beheer")
    @role_required("beheerder")
    def probe() -> str:
        return "ok"

    app.register_blueprint(bp)
    add_user(app, "m@nijmegen.example", ["medewerker"])
    assert client.get("/probe-beheer").status_code == 302
    post_login(client, "m@nijmegen.example", PASSWORD)
    assert client.get("/probe-beheer").status_code == 403


def test_open_redirect_after_login_is_refused(app: Flask, client: FlaskClient) -> None:
    add_user(app, "r@nijmegen.example", ["redacteur"])
    token = csrf_token(client.get("/medewerker/inloggen").get_data(as_text=True))
    response = client.post(
        "/medewerker/inloggen?volgende=https://kwaad.example/",
        data={"email": "r@nijmegen.example", "password": PASSWORD, "csrf_token": token},
    )
    assert response.location == "/"


@pytest.mark.parametrize(
    ("roles", "password"), [(["koning"], PASSWORD), ([], PASSWORD), (["redacteur"], "kort")]
)
def test_create_user_refuses_bad_input(ctx: Flask, roles: list[str], password: str) -> None:
    with pytest.raises(AccountError):
        create_user("x@nijmegen.example", "X", password, roles)


def test_cli_creates_an_account(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=[
            "gebruikers",
            "aanmaken",
            "--email",
            "k@nijmegen.example",
            "--naam",
            "K",
            "--rol",
            "redacteur",
            "--rol",
            "medewerker",
            "--wachtwoord",
            PASSWORD,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "redacteur" in result.output
    again = app.test_cli_runner().invoke(
        args=[
            "gebruikers",
            "aanmaken",
            "--email",
            "k@nijmegen.example",
            "--naam",
            "K",
            "--rol",
            "redacteur",
            "--wachtwoord",
            PASSWORD,
        ],
    )
    assert again.exit_code != 0 and "al een account" in again.output


def test_demo_accounts_are_created_once(app: Flask) -> None:
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo", "vullen"]).exit_code == 0
    assert runner.invoke(args=["demo", "vullen"]).exit_code == 0
    out = runner.invoke(args=["demo", "accounts"]).output
    assert "redacteur@loket.example" in out
