"""Site-wide pages: contact, accessibility, privacy, sitemap, security.txt, health, errors."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.site import errors
    from app.site.views import bp

    app.register_blueprint(bp)
    errors.init_app(app)
