"""Easy-read pages for a screen-reader user: a pictogram next to a heading is decorative (the
heading says it), and the blocks of a page are parts of one article, not a list of landmarks."""

from flask import Flask
from flask.testing import FlaskClient

from app.pages.content import current_store
from tests.pagecheck import check_page


def easy_pages(app: Flask) -> list[str]:
    with app.app_context():
        return [f"/diensten/{p.slug}/makkelijk-lezen" for p in current_store().services("nl")]


def test_pictograms_are_decorative_next_to_their_heading(app: Flask, client: FlaskClient) -> None:
    for path in easy_pages(app):
        soup = check_page(client.get(path).data, "nl")
        pictograms = soup.select(".loket-easy__picto")
        assert pictograms, f"{path}: no pictograms"
        for img in pictograms:
            block = img.find_parent(class_="loket-easy__block")
            assert block is not None and block.find("h2") is not None, f"{path}: no heading"
            assert img["alt"] == "", f"{path}: {img['src']} repeats its heading as {img['alt']!r}"


def test_blocks_are_not_landmarks(app: Flask, client: FlaskClient) -> None:
    for path in easy_pages(app):
        soup = check_page(client.get(path).data, "nl")
        article = soup.select_one("article.loket-easy")
        blocks = article.select(".loket-easy__block")
        assert len(blocks) >= 3
        assert all(b.name != "section" and not b.has_attr("aria-labelledby") for b in blocks)
        # A named <section> is a region landmark: only "Praat met een mens" is one.
        regions = [
            s
            for s in article.find_all("section")
            if s.has_attr("aria-labelledby") or s.has_attr("aria-label")
        ]
        assert [s.get("class") for s in regions] == [["loket-person"]], path
