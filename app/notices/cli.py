"""`flask meldingen versturen`: notices to everyone the selection names (see sending.py)."""

import click
from flask.cli import AppGroup

from app.core.connectors import ConnectorError

meldingen_cli = AppGroup(
    "meldingen", help="Meldingen aan inwoners: wat zij kunnen krijgen of moeten regelen."
)


@meldingen_cli.command("versturen")
def send() -> None:
    """Zet nieuwe meldingen in de outbox, voor iedereen uit de selectie (veilig om te herhalen)."""
    from app.notices.sending import send_all

    try:
        report = send_all()
    except ConnectorError as error:
        raise click.ClickException(f"De selectie is nu niet te lezen: {error}") from None
    click.echo(report.line())
