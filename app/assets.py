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

from app.core.filememo import read_once
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


def _settings(hsts: bool) -> dict[str, Any]:
    headers = security_headers(hsts)

    def add_headers(response_headers: Any, path: str, url: str) -> None:
        for name, value in headers:
            response_headers[name] = value

    return {
        "max_age": 3600,
        "immutable_file_test": is_immutable,
        "add_headers_function": add_headers,
    }


def _static_files(hsts: bool) -> dict[str, Any]:
    """WhiteNoise's table of the built files with their headers, made once per process (and
    again when a file changes): scanning and reading 430 files was half of `create_app`."""
    root = STATIC / "dist"

    def scan() -> dict[str, Any]:
        files: dict[str, Any] = WhiteNoise(
            None, root=str(root), prefix="static/dist/", **_settings(hsts)
        ).files
        return files

    return read_once(f"static:{hsts}", (root,), scan)


def init_app(app: Flask) -> None:
    """Wrap the app in WhiteNoise (outermost: static files never reach Flask)."""
    app.extensions["loket.assets"] = load_manifest()
    app.jinja_env.globals["asset_url"] = asset_url
    hsts = bool(app.config.get("HSTS"))
    served = WhiteNoise(app.wsgi_app, **_settings(hsts))
    served.files = _static_files(hsts)  # only read while serving (autorefresh is off)
    app.wsgi_app = served  # type: ignore[method-assign]
