"""`flask demo`: clearly fictitious demo data for the local database (`make run`) and the checks.

Each capability registers a filler with `@demo_filler`; `flask demo vullen` runs them in the
order the capabilities are wired. Fillers add their data once and return a line to print.
"""

from collections.abc import Callable

import click
from flask.cli import AppGroup

Filler = Callable[[], str | None]
_fillers: list[Filler] = []

demo_cli = AppGroup("demo", help="Demogegevens voor de lokale database.")


def demo_filler(fill: Filler) -> Filler:
    if fill not in _fillers:
        _fillers.append(fill)
    return fill


@demo_cli.command("vullen")
def fill_all() -> None:
    """Zet de demogegevens in de database (wat er al staat, blijft staan)."""
    for fill in _fillers:
        message = fill()
        if message:
            click.echo(message)
    click.echo("Demogegevens staan klaar.")
