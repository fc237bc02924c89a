"""Shared fixtures: an app on a fresh database (SQLite, and PostgreSQL where asked), its client."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from flask_migrate import downgrade, upgrade
from hypothesis import settings
from sqlalchemy import create_engine, text

from app import create_app
from app.config import TestConfig
from app.extensions import db

settings.register_profile("ci", max_examples=60, deadline=None)
settings.register_profile("fuzz", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def postgres_url() -> str:
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("TEST_POSTGRES_URL is not set: CI must run the PostgreSQL tests")
        pytest.skip("PostgreSQL is not running (make test starts it)")
    return url


def reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


def make_app(database_url: str, **overrides: object) -> Flask:
    config = type("Config", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": database_url, **overrides})
    return create_app(config)


@pytest.fixture(params=["sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The database of a test; tests that must also run on PostgreSQL parametrize this."""
    if request.param == "postgres":
        url = postgres_url()
        reset_postgres(url)
        yield url
    else:
        yield f"sqlite:///{tmp_path / 'test.db'}"


def migrated_app(database_url: str, **overrides: object) -> Flask:
    app = make_app(database_url, **overrides)
    with app.app_context():
        upgrade()
    return app


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    """A migrated app. No app context stays pushed: each request gets its own `g`, like live."""
    app = migrated_app(database_url)
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


def both_databases() -> pytest.MarkDecorator:
    """Run a test on SQLite and on PostgreSQL."""
    return pytest.mark.parametrize("database_url", ["sqlite", "postgres"], indirect=True)


__all__ = ["both_databases", "downgrade", "make_app", "migrated_app"]
