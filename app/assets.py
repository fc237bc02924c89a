"""Versioned URLs for built static files, so browsers may cache them for a year."""

import hashlib
from functools import cache
from pathlib import Path

from flask import Flask, request, url_for

STATIC = Path(__file__).resolve().parent / "static"


@cache
def _version(filename: str) -> str:
    path = STATIC / filename
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make setup` to build the assets")
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def asset_url(filename: str) -> str:
    """Return the language-neutral URL of a static file with its content hash."""
    return url_for("static", filename=filename, v=_version(filename)).removeprefix(
        request.script_root
    )


def init_app(app: Flask) -> None:
    app.jinja_env.globals["asset_url"] = asset_url

    def max_age(filename: str | None) -> int:
        return 31536000 if request.args.get("v") else 3600

    app.get_send_file_max_age = max_age  # type: ignore[method-assign]
