"""`create_app`: wire extensions and capabilities. Defines no routes."""

import importlib
import os
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from app import assets, compression, i18n, security
from app.config import CONFIGS, ROOT, Config
from app.core.capabilities import Capability, wire
from app.extensions import babel, csrf, current_language, db, htmx, limiter, migrate

# Each capability package exposes `capability()` (see app/core/capability.py). Adding one is a
# line here; the order is the order of blueprints, demo fillers and staff links.
CAPABILITIES = (
    "app.core",
    "app.pages",
    "app.site",
    "app.auth",
    "app.identity",
    "app.editor",
    "app.panel",
    "app.address",
    "app.booking",
)


def create_app(config: type[Config] | str | None = None) -> Flask:
    """Create the app: extensions, then every capability's declaration, in order."""
    if config is None or isinstance(config, str):
        config = CONFIGS[config or os.environ.get("LOKET_CONFIG", "development")]
    check = getattr(config, "check", None)
    if callable(check):
        check()
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_object(config)
    Path(app.instance_path).mkdir(exist_ok=True)
    if not app.config["SECRET_KEY"]:
        raise RuntimeError("SECRET_KEY is not set.")

    if app.config["PROXY_COUNT"]:
        n = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)  # type: ignore[method-assign]
    htmx.init_app(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=current_language)
    i18n.init_app(app)
    security.init_app(app)
    compression.init_app(app)
    assets.init_app(app)
    app.jinja_env.add_extension("jinja2.ext.do")
    for name in CAPABILITIES:
        declaration: Capability = importlib.import_module(name).capability()
        wire(app, declaration)
    return app


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:  # type: ignore[no-untyped-def]
    """WAL for safe concurrent reads; secure_delete so deleted personal data is overwritten."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()
