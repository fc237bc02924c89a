"""Reader panels: test pages with readers, record it honestly, and the editors' dashboard."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the blueprint, the `flask leespanel` commands, staff links and page states."""
    from app.panel import states  # noqa: F401 - declares the example states of these pages
    from app.panel.cli import leespanel_cli
    from app.panel.views import bp

    app.register_blueprint(bp)
    app.cli.add_command(leespanel_cli)
