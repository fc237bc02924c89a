"""Shared fixtures: an app on a fresh database (SQLite, and PostgreSQL where asked), its client.

Migrating takes far longer than copying: each database kind is migrated once per run into a
template, and every test gets a copy (a file copy on SQLite, `CREATE DATABASE ... TEMPLATE` on
PostgreSQL).
"""

import atexit
import itertools
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from flask_migrate import downgrade, upgrade
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from werkzeug.routing.rules import Rule

from app import create_app
from app.config import TestConfig
from app.extensions import db

settings.register_profile("ci", max_examples=60, deadline=None)
settings.register_profile("fuzz", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _share_url_builders() -> None:
    """Build each route's URL builder once per process, not once per app.

    Werkzeug generates and compiles a Python function per route when a blueprint is registered;
    with an app per test that was a third of `create_app`. The function depends only on the
    rule text, its parts, its defaults and whether unknown arguments are appended (see
    `Rule._compile_builder`), so rules that agree on those get the same function, bound to
    each rule as Werkzeug itself binds it. Tests only: a live worker builds its app once.
    """
    original = Rule._compile_builder
    built: dict[tuple[object, ...], object] = {}

    def compile_builder(self: Rule, append_unknown: bool = True):  # type: ignore[no-untyped-def]
        defaults = self.defaults or {}
        key = (
            self.rule,
            tuple(self._trace),
            tuple(
                sorted(
                    (k, self._converters[k].to_url(v) if k in self._converters else repr(v))
                    for k, v in defaults.items()
                )
            ),
            append_unknown,
        )
        if key not in built:
            built[key] = original(self, append_unknown)
        return built[key]

    Rule._compile_builder = compile_builder  # type: ignore[method-assign]


_share_url_builders()

_sqlite_template: Path | None = None
_postgres_template: str | None = None
_postgres_numbers = itertools.count(1)


def postgres_url() -> str:
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("TEST_POSTGRES_URL is not set: CI must run the PostgreSQL tests")
        pytest.skip("PostgreSQL is not running (make test starts it)")
    return url


def redis_url() -> str:
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("TEST_REDIS_URL is not set: CI must run the Redis tests")
        pytest.skip("Redis is not running (make test starts it)")
    return url


def make_app(database_url: str, **overrides: object) -> Flask:
    config = type("Config", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": database_url, **overrides})
    return create_app(config)


def _migrate(database_url: str) -> None:
    app = make_app(database_url)
    with app.app_context():
        upgrade()
        db.session.remove()
        db.engine.dispose()


def sqlite_template() -> Path:
    """Return a migrated SQLite file, made once per test run."""
    global _sqlite_template
    if _sqlite_template is None:
        folder = Path(tempfile.mkdtemp(prefix="loket-template-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        path = folder / "template.db"
        _migrate(f"sqlite:///{path}")
        with sqlite3.connect(path) as conn:  # fold the write-ahead log into the file
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _sqlite_template = path
    return _sqlite_template


def fresh_sqlite(path: Path) -> str:
    """Copy the migrated template to `path` and return its URL."""
    shutil.copyfile(sqlite_template(), path)
    return f"sqlite:///{path}"


def _admin_engine(url: str):  # type: ignore[no-untyped-def]
    return create_engine(
        make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=None
    )


def fresh_postgres() -> str:
    """Return the URL of a new PostgreSQL database copied from a migrated template."""
    global _postgres_template
    base = make_url(postgres_url())
    admin = _admin_engine(str(base))
    try:
        with admin.connect() as conn:
            if _postgres_template is None:
                # One template per test process: parallel workers (xdist) each make their own,
                # so none drops a template another is copying from.
                template = f"{base.database}_template_{os.getpid()}"
                conn.execute(text(f'DROP DATABASE IF EXISTS "{template}"'))
                conn.execute(text(f'CREATE DATABASE "{template}"'))
                _migrate(base.set(database=template).render_as_string(hide_password=False))
                _postgres_template = template
            name = f"{base.database}_{os.getpid()}_{next(_postgres_numbers)}"
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_postgres_template}"'))
    finally:
        admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def drop_postgres(url: str) -> None:
    admin = _admin_engine(url)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(params=["sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The database of a test; tests that must also run on PostgreSQL parametrize this."""
    if request.param == "postgres":
        url = fresh_postgres()
        yield url
        drop_postgres(url)
    else:
        yield fresh_sqlite(tmp_path / "test.db")


def migrated_app(database_url: str, **overrides: object) -> Flask:
    """An app on a migrated database: a new SQLite file is copied from the template."""
    url = make_url(database_url)
    if url.drivername.startswith("sqlite") and url.database and not Path(url.database).exists():
        fresh_sqlite(Path(url.database))
    else:
        _migrate(database_url)
    return make_app(database_url, **overrides)


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    """A migrated app. No app context stays pushed: each request gets its own `g`, like live."""
    app = make_app(database_url)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def ctx(app: Flask) -> Iterator[Flask]:
    """An app context, for tests that call services directly."""
    with app.app_context():
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def walk(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Every page state, reached once per test process on one demo app (tests/pagewalk.py)."""
    from tests.pagewalk import Walk

    # Every signed-in state logs in again: the login's rate limit is tested elsewhere.
    db_url = f"sqlite:///{tmp_path_factory.mktemp('walk') / 'walk.db'}"
    app = migrated_app(db_url, RATELIMIT_ENABLED=False)
    assert app.test_cli_runner().invoke(args=["demo", "vullen"]).exit_code == 0
    return Walk(app)


def both_databases() -> pytest.MarkDecorator:
    """Run a test on SQLite and on PostgreSQL."""
    return pytest.mark.parametrize("database_url", ["sqlite", "postgres"], indirect=True)


__all__ = ["both_databases", "downgrade", "make_app", "migrated_app", "redis_url"]
