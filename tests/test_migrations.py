"""Migrations run up and down on SQLite and PostgreSQL and match the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from app.extensions import db
from tests.conftest import both_databases


@both_databases()
def test_migrations_match_the_models(ctx: Flask) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
    assert diff == [], f"models and migrations differ: {diff}"


@both_databases()
def test_downgrade_and_upgrade_again(ctx: Flask) -> None:
    downgrade(revision="base")
    assert "staff_user" not in inspect(db.engine).get_table_names()
    upgrade()
    assert "staff_user" in inspect(db.engine).get_table_names()
