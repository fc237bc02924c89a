"""The generic wizard (app/core/wizard.py), on a small flow of its own: conditions, answers that
stop fitting, out-of-order URLs, "Wijzig" back to the review, a second tab."""

from collections.abc import Mapping
from typing import Any

import pytest
from flask import Blueprint, Flask
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import InputRequired

from app.core import flows
from app.core.wizard import Step, StepInvalid, Wizard
from tests.booking.walk import soup

bp = Blueprint("toy", __name__)


class NameForm(FlaskForm):
    name = StringField("Naam", validators=[InputRequired("Vul een naam in.")])


class PetForm(FlaskForm):
    pet = StringField("Dier", validators=[InputRequired("Vul een dier in.")])


class ReviewForm(FlaskForm):
    pass


def name_form(data: dict[str, Any], stored: Mapping[str, Any] | None) -> FlaskForm:
    return NameForm(data=stored)


def pet_form(data: dict[str, Any], stored: Mapping[str, Any] | None) -> FlaskForm:
    return PetForm(data=stored)


def pet_save(form: FlaskForm, flow: flows.Flow) -> dict[str, Any]:
    assert isinstance(form, PetForm)
    if form.pet.data == "draak":
        raise StepInvalid("pet", "Kies een dier dat bestaat.")
    return {"pet": form.pet.data}


def has_pet(data: dict[str, Any]) -> bool:
    return Wizard.answers(data).get("naam", {}).get("name") != "zonder"


def pet_fits(stored: dict[str, Any], data: dict[str, Any]) -> bool:
    return stored.get("pet") != "kat" or Wizard.answers(data).get("naam", {}).get("name") != "hond"


def done(form: FlaskForm, flow: flows.Flow) -> Any:
    return "klaar", 200


wizard = Wizard(
    "speelgoed",
    (
        Step("naam", "Hoe heet u?", name_form, "toy.html"),
        Step(
            "dier",
            "Welk dier?",
            pet_form,
            "toy.html",
            condition=has_pet,
            fits=pet_fits,
            save=pet_save,
        ),
        Step(
            "controleren",
            "Klopt het?",
            lambda d, s: ReviewForm(),
            "toy.html",
            save=done,
            review=True,
        ),
    ),
    endpoint="toy.step",
)


@bp.route("/speel/<step>", methods=["GET", "POST"])
def step(step: str) -> Any:
    return wizard.handle(step)


@pytest.fixture
def toy(app: Flask) -> Flask:
    from jinja2 import ChoiceLoader, DictLoader

    app.register_blueprint(bp)
    app.jinja_loader = ChoiceLoader(
        [
            DictLoader(
                {
                    "toy.html": (
                        '{% extends "base.html" %}{% block content %}<h1>{{ title }}</h1>'
                        "<p class=stap>{{ progress[0] }}/{{ progress[1] }}</p>"
                        '{% if back_url %}<a class=terug href="{{ back_url }}">Terug</a>{% endif %}'
                        '<form class=loket-form method=post action="{{ request.path }}">'
                        "{{ form.csrf_token }}"
                        "{% for f in form if f.name != 'csrf_token' %}{{ f }}{% endfor %}"
                        "</form>{% endblock %}"
                    )
                }
            ),
            app.jinja_loader,  # type: ignore[list-item]
        ]
    )
    app.config["WTF_CSRF_ENABLED"] = False
    return app


def send(client: Any, step_name: str, **data: str) -> Any:
    return client.post(f"/speel/{step_name}", data=data, follow_redirects=True)


def test_steps_in_order_with_progress(toy: Flask) -> None:
    client = toy.test_client()
    page = client.get("/speel/controleren", follow_redirects=True)
    assert page.request.path == "/speel/naam" and soup(page).select_one(".stap").text == "1/3"
    page = send(client, "naam", name="Eva")
    assert page.request.path == "/speel/dier" and soup(page).select_one(".stap").text == "2/3"
    assert soup(page).select_one(".terug")["href"] == "/speel/naam"
    page = send(client, "dier", pet="kat")
    assert (
        page.request.path == "/speel/controleren" and soup(page).select_one(".stap").text == "3/3"
    )
    assert send(client, "controleren").get_data(as_text=True) == "klaar"


def test_a_condition_leaves_a_step_out(toy: Flask) -> None:
    client = toy.test_client()
    page = send(client, "naam", name="zonder")
    assert (
        page.request.path == "/speel/controleren" and soup(page).select_one(".stap").text == "2/2"
    )
    assert client.get("/speel/dier").headers["Location"].endswith("/speel/controleren")


def test_an_answer_that_no_longer_fits_opens_its_step_again(toy: Flask) -> None:
    client = toy.test_client()
    send(client, "naam", name="Eva")
    send(client, "dier", pet="kat")
    page = send(client, "naam", name="hond")
    assert page.request.path == "/speel/dier"  # a cat no longer fits
    assert soup(page).select_one("input[name=pet]")["value"] == "kat"  # but it is still there


def test_errors_and_step_invalid_keep_what_was_typed(toy: Flask) -> None:
    client = toy.test_client()
    send(client, "naam", name="Eva")
    page = send(client, "dier", pet="draak")
    assert page.request.path == "/speel/dier"
    assert "Kies een dier dat bestaat." in page.get_data(as_text=True)
    assert soup(page).select_one("input[name=pet]")["value"] == "draak"
    assert soup(page).title.text.startswith("Fout: ")


def test_change_from_the_review_returns_to_it(toy: Flask) -> None:
    client = toy.test_client()
    send(client, "naam", name="Eva")
    send(client, "dier", pet="kat")
    page = client.get(wizard_url("naam", wijzig=1))
    assert soup(page).select_one(".terug")["href"] == "/speel/controleren"
    assert send(client, "naam", name="Ria").request.path == "/speel/controleren"


def wizard_url(name: str, **values: Any) -> str:
    query = "&".join(f"{k}={v}" for k, v in values.items())
    return f"/speel/{name}" + (f"?{query}" if query else "")


@pytest.mark.parametrize(
    "path", ["/speel/onbekend", "/speel/dier", "/speel/controleren", "/speel/bestaat-niet?wijzig=1"]
)
def test_out_of_order_and_unknown_steps_go_to_the_first_open_one(toy: Flask, path: str) -> None:
    client = toy.test_client()
    assert client.get(path, follow_redirects=True).request.path == "/speel/naam"
    assert (
        client.post(path, data={"pet": "kat"}, follow_redirects=True).request.path == "/speel/naam"
    )


def test_a_second_tab_that_saved_first_wins_without_an_error(toy: Flask) -> None:
    client = toy.test_client()
    send(client, "naam", name="Eva")
    with toy.test_request_context():
        with client.session_transaction() as session:
            flow_id = session["flows"]["speelgoed"]
        flow = flows.get(flow_id, "speelgoed")
        assert flow is not None
        flow.data["antwoorden"]["naam"] = {"name": "Tab twee"}
        flows.save(flow)
    # This tab loaded the old version; its save is refused (StaleFlow) and it carries on.
    page = send(client, "dier", pet="kat")
    assert page.status_code == 200


def test_the_last_step_must_be_the_review() -> None:
    with pytest.raises(ValueError):
        Wizard("fout", (Step("a", "A", name_form, "x.html"),), endpoint="x")
