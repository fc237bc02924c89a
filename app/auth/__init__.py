"""Staff and editor accounts: login with lock-out, roles, and the `flask gebruikers` command."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.auth.cli import users_cli
    from app.auth.views import bp

    app.register_blueprint(bp)
    app.cli.add_command(users_cli)
