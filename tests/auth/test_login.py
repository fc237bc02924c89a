"""Staff login: success, wrong password, lock-out, logout, roles; on SQLite and PostgreSQL."""

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.auth.service import AccountError, create_user
from tests.browse import csrf_token
from tests.conftest import both_databases
from tests.pagecheck import check_page

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


@both_databases()
def test_lockout_after_repeated_failures(app: Flask, client: FlaskClient) -> None:
    add_user(app, "piet@nijmegen.example", ["medewerker"])
    for _ in range(app.config["LOGIN_MAX_FAILURES"] - 1):
        body = post_login(client, "piet@nijmegen.example", "fout").get_data(as_text=True)
        assert "klopt niet" in body
    body = post_login(client, "piet@nijmegen.example", "fout").get_data(as_text=True)
    assert "op slot" in body
    # Even the right password is refused while locked.
    body = post_login(client, "piet@nijmegen.example", PASSWORD).get_data(as_text=True)
    assert "op slot" in body
    soup = check_page(body)
    assert soup.title.get_text().startswith("Fout: ")


def test_unknown_address_behaves_like_a_real_account(app: Flask, client: FlaskClient) -> None:
    """The login page must not tell which addresses have an account, also not by lock-out."""
    add_user(app, "echt@nijmegen.example", ["medewerker"])

    def messages(email: str) -> list[str]:
        texts = []
        for _ in range(app.config["LOGIN_MAX_FAILURES"] + 1):
            soup = check_page(post_login(client, email, "fout-wachtwoord").data)
            texts.append(soup.select_one(".loket-field-error").get_text(" ", strip=True))
        return texts

    assert messages("echt@nijmegen.example") == messages("niemand@nijmegen.example")
    assert "op slot" in messages("niemand2@nijmegen.example")[-1]


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
