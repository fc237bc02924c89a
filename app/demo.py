"""`flask demo`: clearly fictitious demo data for the local database (`make run`) and the checks.

Each capability declares its fillers (`Capability.demo_fillers`); `flask demo vullen` runs them
in the order the capabilities are wired. Fillers add their data once and return a line to print.
"""

import click
from flask.cli import AppGroup

from app.core.capabilities import wiring

demo_cli = AppGroup("demo", help="Demogegevens voor de lokale database.")


@demo_cli.command("vullen")
def fill_all() -> None:
    """Zet de demogegevens in de database (wat er al staat, blijft staan)."""
    for fill in wiring().demo_fillers():
        message = fill()
        if message:
            click.echo(message)
    click.echo("Demogegevens staan klaar.")
