"""The web font: self-hosted, small, swapped in, preloaded."""

import re

from flask import Flask
from flask.testing import FlaskClient

from app.assets import STATIC, load_manifest
from tests.pagecheck import check_page


def test_one_small_self_hosted_font_family() -> None:
    manifest = load_manifest()
    fonts = {name: hashed for name, hashed in manifest.items() if hashed.endswith(".woff2")}
    assert fonts, "the font files are built"
    assert sum((STATIC / hashed).stat().st_size for hashed in fonts.values()) <= 40 * 1024
    css = (STATIC / manifest["dist/loket.css"]).read_text(encoding="utf-8")
    faces = re.findall(r"@font-face\{[^}]*\}", css)
    assert len(faces) == len(fonts)
    assert all("font-display:swap" in f and 'font-family:"Source Sans 3"' in f for f in faces)
    assert all(f.count("url(") == 1 and "woff2" in f for f in faces)  # no fallback formats
    assert re.search(r'--utrecht-document-font-family:\s*"Source Sans 3"', css)


def test_pages_preload_the_regular_weight(client: FlaskClient, app: Flask) -> None:
    soup = check_page(client.get("/contact").data)
    preload = soup.find("link", rel="preload")
    assert preload is not None and preload["as"] == "font" and preload.has_attr("crossorigin")
    font = client.get(preload["href"])
    assert font.status_code == 200 and font.mimetype == "font/woff2"
    assert "immutable" in font.headers["Cache-Control"]
    font.close()
