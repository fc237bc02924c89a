"""Content pages (services in B1 and easy-read), the home page by life events, and search."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.pages.views import bp

    app.register_blueprint(bp)
