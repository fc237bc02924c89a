"""`create_app`: wire extensions and capabilities. Defines no routes."""

import importlib
import os
import secrets
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from app import assets, i18n, security
from app.config import CONFIGS, ROOT, Config
from app.core import filememo
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
    "app.cases",
    "app.payment",
    "app.editor",
    "app.panel",
    "app.notify",
    "app.address",
    "app.booking",
    "app.forms",
    "app.mijn",
    "app.notices",
    "app.regelingen",
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
        static_folder=None,  # no static view: WhiteNoise serves the built files (app/assets.py)
        template_folder=str(ROOT / "templates"),
        instance_path=str(getattr(config, "INSTANCE_DIR", ROOT / "instance")),
    )
    app.static_folder = str(ROOT / "app" / "static")  # read by loaders (pictograms)
    app.jinja_options = {**app.jinja_options, "bytecode_cache": filememo.TEMPLATES}
    app.config.from_object(config)
    for name in ("SECRET_KEY", "PUBLIC_URL"):  # set in the environment after the import
        if not app.config.get(name) and os.environ.get(name):
            app.config[name] = os.environ[name]
    Path(app.instance_path).mkdir(exist_ok=True)
    if not app.config["SECRET_KEY"] and app.config.get("SECRET_KEY_FILE"):
        app.config["SECRET_KEY"] = instance_secret(Path(app.instance_path))
    if len(str(app.config["SECRET_KEY"] or "")) < 32 and not app.testing:
        raise RuntimeError(
            "SECRET_KEY is not set (at least 32 random characters): outside development the app"
            " needs its own secret, e.g. python -c 'import secrets; print(secrets.token_hex(32))'."
        )

    # WSGI layers, innermost first: the Host check sees the host the proxy passed on.
    security.init_app(app)
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
    assets.init_app(app)  # outermost: static files never reach Flask
    app.jinja_env.add_extension("jinja2.ext.do")
    for name in CAPABILITIES:
        declaration: Capability = importlib.import_module(name).capability()
        wire(app, declaration)
    return app


def instance_secret(instance: Path) -> str:
    """Return the development server's own secret key, written on the first start."""
    path = instance / "secret_key"
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(32), encoding="ascii")
    return path.read_text(encoding="ascii").strip()


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:  # type: ignore[no-untyped-def]
    """WAL for safe concurrent reads; secure_delete so deleted personal data is overwritten."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()
