"""The editors' language checker (/redactie/taalcheck)."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.editor.views import bp

    app.register_blueprint(bp)
