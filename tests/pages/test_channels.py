"""Channels on service pages (issue 7): a link is an action box; anything else is plain text in
plain style, and a digital channel whose page does not exist yet says so."""

from collections.abc import Callable

import pytest
from bs4 import Tag
from flask import Flask
from flask.testing import FlaskClient

from app.pages.content import current_store
from tests.pagecheck import check_page
from tests.pages.conftest import build

NOT_YET = {
    "nl": "Dit kan nog niet via deze website.",
    "en": "This is not possible on this website yet.",
}


def service_paths(app: Flask) -> list[tuple[str, str]]:
    with app.app_context():
        slugs = [p.slug for p in current_store().services("nl")]
    return [
        path
        for slug in slugs
        for path in (
            ("nl", f"/diensten/{slug}"),
            ("en", f"/en/diensten/{slug}"),
            ("nl", f"/diensten/{slug}/makkelijk-lezen"),
        )
    ]


def check_channels(client: FlaskClient, lang: str, path: str) -> list[Tag]:
    soup = check_page(client.get(path).data, lang)
    channels = soup.select(".loket-channel")
    assert channels, f"{path}: no channels"
    for item in channels:
        links = item.find_all("a")
        text = item.get_text(" ", strip=True)
        if "loket-channel--text" in item["class"]:
            assert not links, f"{path}: {text!r} is plain text with a link"
        else:
            assert len(links) == 1, f"{path}: action box {text!r} must be one link"
            href = links[0]["href"]
            if href.startswith("/"):
                assert client.get(href).status_code < 400, f"{path}: {href} leads nowhere"
    return channels


def test_every_channel_is_a_link_box_or_plain_text(app: Flask, client: FlaskClient) -> None:
    for lang, path in service_paths(app):
        check_channels(client, lang, path)


def test_a_page_that_is_not_there_yet_is_not_promised(
    client: FlaskClient, not_built: Callable[..., None]
) -> None:
    not_built("/formulieren", "/afspraak")
    for lang, path in (("nl", "/diensten/kwijtschelding"), ("en", "/en/diensten/kwijtschelding")):
        channels = check_channels(client, lang, path)
        texts = [c for c in channels if "loket-channel--text" in c["class"]]
        online = [c for c in texts if "DigiD" in c.get_text()]
        assert online, "the online form is not a link while /formulieren does not exist"
        assert all(NOT_YET[lang] in c.get_text() for c in online)
        post = [c for c in texts if "Postbus 9105" in c.get_text()]
        assert post and NOT_YET[lang] not in post[0].get_text(), "a letter is always possible"
        assert not any(
            a["href"] == "/contact"
            for c in channels
            for a in c.find_all("a")
            if "afspraak" in a.get_text().lower() or "appointment" in a.get_text()
        ), "an online booking channel must not lead to the contact page"


@pytest.mark.parametrize(
    "path", ["/diensten/kwijtschelding", "/diensten/kwijtschelding/makkelijk-lezen"]
)
def test_a_flow_that_exists_becomes_a_link(app: Flask, path: str) -> None:
    build(app, "/formulieren/<slug>")
    client = app.test_client()
    soup = check_page(client.get(path).data)
    assert soup.select_one(
        '.loket-channel:not(.loket-channel--text) a[href="/formulieren/kwijtschelding"]'
    )
