"""Static files: content-hashed names, compressed at build time, served by WhiteNoise.

`scripts/build-assets.mjs` writes every file under `app/static/dist/` with its content hash in
its name, next to a gzip and a brotli copy, and `dist/manifest.json` from plain to hashed names.
`asset_url("dist/loket.css")` gives the hashed URL; WhiteNoise answers it before Flask sees the
request, with `Cache-Control: max-age=315360000, public, immutable` (a changed file gets a new
name), the compressed copy the browser takes, and the same security headers as every page.
"""

import json
import re
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from whitenoise import WhiteNoise

from app.security import security_headers

STATIC = Path(__file__).resolve().parent / "static"
MANIFEST = STATIC / "dist" / "manifest.json"
# loket.2a828b54c227.css (our build) or source-sans-3-latin-400-normal.QJ4BPJSY.woff2 (esbuild)
HASHED = re.compile(r"\.([0-9a-f]{12}|[0-9A-Z]{8})\.[a-z0-9]+$")


def load_manifest(path: Path = MANIFEST) -> dict[str, str]:
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make setup` to build the assets")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def asset_url(filename: str) -> str:
    """Return the language-neutral, content-hashed URL of a static file (a plain name in)."""
    manifest: dict[str, str] = current_app.extensions["loket.assets"]
    try:
        return "/static/" + manifest[filename]
    except KeyError:
        raise FileNotFoundError(
            f"{filename} is not in {MANIFEST}: add it to scripts/build-assets.mjs and run"
            " `make setup`"
        ) from None


def is_immutable(path: str, url: str) -> bool:
    return bool(HASHED.search(url))


def init_app(app: Flask) -> None:
    """Wrap the app in WhiteNoise (outermost: static files never reach Flask)."""
    app.extensions["loket.assets"] = load_manifest()
    app.jinja_env.globals["asset_url"] = asset_url
    headers = security_headers(bool(app.config.get("HSTS")))

    def add_headers(response_headers: Any, path: str, url: str) -> None:
        for name, value in headers:
            response_headers[name] = value

    app.wsgi_app = WhiteNoise(  # type: ignore[method-assign]
        app.wsgi_app,
        root=str(STATIC / "dist"),
        prefix="static/dist/",
        max_age=3600,
        immutable_file_test=is_immutable,
        add_headers_function=add_headers,
    )
