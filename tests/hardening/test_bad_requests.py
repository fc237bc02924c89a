"""What a client sends that the app must refuse calmly: a B1 page with a 4xx, never a 500."""

import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.browse import csrf_token
from tests.conftest import migrated_app
from tests.pagecheck import check_page


@pytest.fixture
def strict(app: Flask) -> Flask:
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a crash must show as a 500, not raise here
    return app


@pytest.mark.parametrize("host", ["a..b", "a" * 70 + ".nl", "x_y\x00"])
@pytest.mark.parametrize("path", ["/", "/diensten/kwijtschelding", "/bestaat-niet", "/en/contact"])
def test_a_bad_host_header_gets_a_b1_400(strict: Flask, host: str, path: str) -> None:
    response = strict.test_client().get(path, headers={"Host": host})
    assert response.status_code == 400
    soup = check_page(response.data, "en" if path.startswith("/en") else "nl")
    assert soup.h1 is not None and "14 024" in soup.get_text()


def test_hosts_outside_the_trusted_list_get_a_400(tmp_path: Path) -> None:
    app = migrated_app(
        f"sqlite:///{tmp_path / 't.db'}",
        TRUSTED_HOSTS=["loket.example"],
        PUBLIC_URL="https://loket.example",
    )
    client = app.test_client()
    assert client.get("/", headers={"Host": "loket.example"}).status_code == 200
    refused = client.get("/", headers={"Host": "kwaad.example"})
    assert refused.status_code == 400
    assert "kwaad.example" not in refused.get_data(as_text=True)
    check_page(refused.data)


def test_a_text_field_sent_as_a_file_gets_a_b1_400(strict: Flask) -> None:
    client = strict.test_client()
    token = csrf_token(client.get("/redactie/taalcheck").get_data(as_text=True))
    response = client.post(
        "/redactie/taalcheck",
        data={"csrf_token": token, "text": (io.BytesIO(b"Een tekst."), "a.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "Dit kunnen wij niet lezen" in check_page(response.data).get_text()


def test_a_huge_form_post_is_refused_before_it_is_read(strict: Flask) -> None:
    client = strict.test_client()
    token = csrf_token(client.get("/redactie/taalcheck").get_data(as_text=True))
    big = "a" * (strict.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/redactie/taalcheck", data={"csrf_token": token, "text": big})
    assert response.status_code == 413
    assert "Wat u stuurde is te groot" in check_page(response.data).get_text()
    # The longest text the checker takes still fits, in any script.
    text = "é" * 20_000
    ok = client.post("/redactie/taalcheck", data={"csrf_token": token, "text": text})
    assert ok.status_code == 200


def test_a_claimed_huge_body_is_not_read(strict: Flask) -> None:
    """Content-Length alone decides: the app answers 413 without reading 100 MB."""

    class Endless(io.RawIOBase):
        read_bytes = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
            self.read_bytes += len(buffer)
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    body = Endless()
    response = strict.test_client().post(
        "/redactie/taalcheck",
        environ_overrides={
            "wsgi.input": body,
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "CONTENT_LENGTH": str(100 * 1024 * 1024),
        },
    )
    assert response.status_code == 413
    assert body.read_bytes < 1024 * 1024


def test_error_fragments_vary_on_hx_request(client: FlaskClient) -> None:
    response = client.get("/bestaat-niet", headers={"HX-Request": "true"})
    assert response.status_code == 404
    assert "HX-Request" in response.headers["Vary"]
    assert "<html" not in response.get_data(as_text=True)
