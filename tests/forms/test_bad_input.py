"""Bad input never gives a 500: odd values on every field of every step, a request far too
large, a file where none is asked for."""

import io

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.forms.conftest import ANSWERS, RESIDENT, fill_in, step_name
from tests.forms.helpers import as_browser, resident_login, soup_of, text_of

ODD = ["", " ", "x" * 5000, "<script>alert(1)</script>", "١٢٣", "\u0000", "-1", "9" * 40, "☃"]


@pytest.mark.parametrize("slug", list(ANSWERS))
def test_odd_values_on_every_step_are_answered_at_the_field(
    app: Flask, client: FlaskClient, slug: str
) -> None:
    if RESIDENT[slug]:
        resident_login(client, RESIDENT[slug])
    response = client.get(f"/formulieren/{slug}/begin", follow_redirects=True)
    seen = 0
    while step_name(response) != "controleren" and seen < 12:
        seen += 1
        path = response.request.path
        form = soup_of(response).select_one("form.loket-form")
        assert form is not None, path
        good = as_browser(form)
        for odd in ODD:
            data = {k: (odd if k != "csrf_token" else v) for k, v in good.items()}
            for name in {i.get("name") for i in form.find_all(["input", "textarea"])} - {None}:
                if name != "csrf_token":
                    data[name] = odd
            bad = client.post(path, data=data)
            assert bad.status_code < 500, (path, odd)
            assert "<script>alert(1)</script>" not in bad.get_data(as_text=True)
        client.get("/formulieren/" + slug)  # nothing was saved by the odd values: go on properly
        from tests.forms.helpers import send

        response = send(client, path, ANSWERS[slug].get(step_name(response), {}))
    assert step_name(response) == "controleren"


def test_a_file_on_a_step_without_files_is_refused(client: FlaskClient) -> None:
    fill_in(client, "melding-openbare-ruimte", until="waar")
    page = client.get("/formulieren/melding-openbare-ruimte/waar")
    data = as_browser(soup_of(page).select_one("form.loket-form"))
    data["hoe"] = "adres"
    data["extra"] = (io.BytesIO(b"%PDF-1.4"), "x.pdf")
    refused = client.post(
        "/formulieren/melding-openbare-ruimte/waar", data=data, content_type="multipart/form-data"
    )
    assert refused.status_code == 400


def test_a_request_far_too_large_is_answered_on_the_step(database_url: str) -> None:
    from tests.conftest import make_app

    app = make_app(database_url, FORMS_REQUEST_MAX_BYTES=50_000)
    client = app.test_client()
    fill_in(client, "melding-openbare-ruimte", until="foto")
    page = client.get("/formulieren/melding-openbare-ruimte/foto")
    data = as_browser(soup_of(page).select_one("form.loket-form"))
    data["foto"] = (io.BytesIO(b"\xff\xd8\xff" + b"0" * 100_000), "groot.jpg")
    response = client.post(
        "/formulieren/melding-openbare-ruimte/foto",
        data=data,
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert step_name(response) == "foto" and "te groot" in text_of(response)
