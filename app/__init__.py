"""Loket: the resident front-end of a Dutch municipality."""

import importlib
import os
from pathlib import Path

import yaml
from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from app import assets, compression, i18n, security
from app.config import CONFIGS, ROOT, Config
from app.extensions import (
    babel,
    csrf,
    current_language,
    db,
    htmx,
    limiter,
    migrate,
    wants_fragment,
)


def create_app(config: type[Config] | str | None = None) -> Flask:
    """Create the app: wire extensions, blueprints, content and commands. Defines no routes."""
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
    _register_blueprints(app)
    _load_content(app)
    _register_commands(app)
    _template_helpers(app)
    return app


# Each capability is a package with an `init_app(app)` that registers its blueprint, states and
# staff links. A new capability is one line here.
CAPABILITIES = ("app.pages", "app.site", "app.auth", "app.editor", "app.panel")


def _register_blueprints(app: Flask) -> None:
    for name in CAPABILITIES:
        importlib.import_module(name).init_app(app)
    from app import page_states  # noqa: F401 - example states of the core pages


def _load_content(app: Flask) -> None:
    from app.pages.content import load_content
    from app.pages.search import SearchIndex
    from app.site.texts import load_contact, load_site_pages

    content_dir = Path(app.config["CONTENT_DIR"])
    store = load_content(content_dir, Path(app.static_folder or ""))
    app.extensions["loket.content"] = store
    app.extensions["loket.search"] = SearchIndex(store, content_dir / "zoekwoorden.yaml")
    app.extensions["loket.site_pages"] = load_site_pages(content_dir)
    app.extensions["loket.contact"] = load_contact(content_dir)
    pictos = Path(app.static_folder or "") / "pictograms" / "pictograms.yaml"
    app.extensions["loket.pictograms"] = yaml.safe_load(pictos.read_text(encoding="utf-8"))


def _register_commands(app: Flask) -> None:
    from app.demo import demo_cli
    from app.readability.cli import taalcheck

    app.cli.add_command(demo_cli)
    app.cli.add_command(taalcheck)


def _template_helpers(app: Flask) -> None:
    from flask_babel import format_date

    from app.auth.menu import staff_links
    from app.auth.service import current_user
    from app.links import booking_url, resolve, resolve_html
    from app.pages.labels import KIND_LABELS, review_status
    from app.pages.life_events import LIFE_EVENTS
    from app.pages.views import prefers_easy_read
    from app.site.views import public_url

    app.jinja_env.globals.update(
        current_language=current_language,
        path_in=i18n.path_in,
        resolve_link=resolve,
        resolve_html=resolve_html,
        booking_url=booking_url,
        current_user=current_user,
        wants_fragment=wants_fragment,
        staff_links=staff_links,
        kind_labels=KIND_LABELS,
        life_event_titles={e.slug: e.title for e in LIFE_EVENTS},
        review_status=review_status,
        public_url=public_url,
        prefers_easy_read=prefers_easy_read,
    )
    app.jinja_env.filters["format_date_long"] = lambda d: format_date(d, "long")
    app.jinja_env.add_extension("jinja2.ext.do")

    @app.context_processor
    def contact() -> dict[str, object]:
        return {
            "contact": app.extensions["loket.contact"],
            "pictograms": app.extensions["loket.pictograms"],
        }


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:  # type: ignore[no-untyped-def]
    """WAL for safe concurrent reads; secure_delete so deleted personal data is overwritten."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()
