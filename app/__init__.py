"""Loket: the resident front-end of a Dutch municipality.

`create_app` lives in `app.factory`; it is imported only when called, so that pure-Python parts
such as `app.readability` import without Flask, SQLAlchemy or flask-babel.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask


def create_app(config: Any = None) -> "Flask":
    """Create the app (see `app.factory.create_app`)."""
    from app.factory import create_app as factory

    return factory(config)
