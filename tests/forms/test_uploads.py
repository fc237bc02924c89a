"""Files with a form: the photo of a report and evidence. Checked for what they really are,
limited in size, stored without metadata (no GPS), never under a public path."""

import io
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy import select

from app.extensions import db
from app.forms.models import FormUpload
from tests.conftest import make_app
from tests.forms.conftest import ANSWERS, errors_on, fill_in, step_name, submit_review
from tests.forms.helpers import resident_login, send, text_of

MOR = "/formulieren/melding-openbare-ruimte"
KW = "/formulieren/kwijtschelding"
GPS_IFD = 0x8825


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Voorbeeld Camera"  # Make
    exif[0x0131] = "Telefoon 1.0"  # Software
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 50.0, 30.0), 3: "E", 4: (5.0, 51.0, 50.0)})
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def upload_photo(client: FlaskClient, data: bytes, name: str = "lamp.jpg"):  # type: ignore[no-untyped-def]
    fill_in(client, "melding-openbare-ruimte", until="foto")
    return send(client, f"{MOR}/foto", files={"foto": (io.BytesIO(data), name)})


def test_a_photo_is_stored_without_its_gps_position(app: Flask, client: FlaskClient) -> None:
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test photo has GPS
    after = upload_photo(client, original)
    assert step_name(after) == "bericht", errors_on(after)
    with app.app_context():
        stored = db.session.scalars(select(FormUpload)).one()
        data = stored.data
        assert stored.content_type == "image/jpeg" and stored.filename == "lamp.jpg"
    again = Image.open(io.BytesIO(data))
    assert again.size == (64, 48)
    assert not again.getexif()  # no EXIF at all: no GPS, no camera, no software
    assert b"Voorbeeld Camera" not in data and b"GPS" not in data
    review = fill_in(client, "melding-openbare-ruimte")
    assert "lamp.jpg" in text_of(review)
    submit_review(client, "melding-openbare-ruimte")
    with app.app_context():
        assert db.session.scalars(select(FormUpload)).one().submission_id is not None


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (
            b"Dit is geen foto, maar tekst.",
            "lamp.jpg",
            "Wij kunnen dit bestand niet gebruiken als foto",
        ),
        (pdf(), "lamp.pdf", "Wij kunnen dit bestand niet gebruiken als foto"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 200, "kapot.jpg", "Wij kunnen dit bestand niet openen"),
        (b"", "leeg.jpg", "Dit bestand is leeg"),
        (b"", "", None),  # no file chosen (what a browser sends): no photo, that is allowed
    ],
)
def test_a_file_that_is_not_a_usable_photo_is_refused_at_the_field(
    app: Flask, client: FlaskClient, data: bytes, name: str, message: str | None
) -> None:
    after = upload_photo(client, data, name)
    if message is None:
        assert step_name(after) == "bericht"
        return
    assert step_name(after) == "foto"
    assert any(message in e for e in errors_on(after)), errors_on(after)
    with app.app_context():
        assert db.session.scalars(select(FormUpload)).all() == []


@pytest.fixture
def small_limit(database_url: str) -> Iterator[Flask]:
    app = make_app(database_url, FORMS_UPLOAD_MAX_BYTES=2000)
    yield app
    with app.app_context():
        db.engine.dispose()


def test_a_photo_that_is_too_large_is_refused(small_limit: Flask) -> None:
    client = small_limit.test_client()
    image = Image.effect_noise((200, 200), 90).convert("RGB")
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=95)
    assert len(out.getvalue()) > 2000
    after = upload_photo(client, out.getvalue())
    assert step_name(after) == "foto"
    assert any("te groot" in e for e in errors_on(after)), errors_on(after)


def test_evidence_is_sent_with_the_application_and_listed_in_the_case(
    app: Flask, client: FlaskClient
) -> None:
    from app.cases import service as cases
    from tests.forms.conftest import reference_on

    resident_login(client, "jan")
    answers = {
        "gegevens": {"aanslag": "2026-0100021"},
        "inkomen": {"spaargeld": "0", "netto": "2100,00"},
        "kosten": {"woonlasten": "700,00", "auto": "ja"},
        "bericht": ANSWERS["kwijtschelding"]["bericht"],
    }
    fill_in(client, "kwijtschelding", answers, until="bewijs")
    after = send(
        client,
        f"{KW}/bewijs",
        {"stukken": "nu"},
        files={"stukken_bestanden": (io.BytesIO(pdf()), "../../loonstrook.pdf")},
    )
    assert step_name(after) == "bericht", errors_on(after)
    review = fill_in(client, "kwijtschelding", answers)
    assert "loonstrook.pdf" in text_of(review)
    reference = reference_on(text_of(submit_review(client, "kwijtschelding")))
    with app.test_request_context():
        data = cases.submissions(reference)[0].data
    assert data["bijlagen"] == ["loonstrook.pdf"]


def test_evidence_sent_later_is_listed_as_missing(app: Flask, client: FlaskClient) -> None:
    resident_login(client, "jan")
    answers = {
        "gegevens": {"aanslag": "2026-0100021"},
        "inkomen": {"spaargeld": "0", "netto": "2100,00"},
        "kosten": {"woonlasten": "700,00", "auto": "ja"},
        "bewijs": {"stukken": "later"},
        "bericht": ANSWERS["kwijtschelding"]["bericht"],
    }
    review = fill_in(client, "kwijtschelding", answers)
    assert "Wat wij nog van u nodig hebben" in text_of(review)
    done = submit_review(client, "kwijtschelding")
    assert "Stuur dit op naar Gemeente Nijmegen, Postbus 9105" in text_of(done)


def test_uploads_are_not_under_any_public_path(app: Flask) -> None:
    rules = [r.rule for r in app.url_map.iter_rules()]
    assert not any("upload" in r or "bestand" in r or "bijlage" in r for r in rules)
