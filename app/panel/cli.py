"""`flask leespanel export`, and the demo session that `flask demo vullen` adds."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from app.panel.service import add_demo_session, export_records

leespanel_cli = AppGroup("leespanel", help="Sessies met lezers (leespanel).")


@leespanel_cli.command("export")
@click.option(
    "--map",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Map voor de bestanden. Standaard: content/leespanel/.",
)
def export(directory: Path | None) -> None:
    """Schrijf de vastgelegde sessies naar YAML, één bestand per pagina."""
    target = directory or Path(current_app.config["CONTENT_DIR"]) / "leespanel"
    written = export_records(target)
    for path in written:
        click.echo(f"  {path}")
    click.echo(f"{len(written)} bestand(en) geschreven naar {target}.")


def fill_demo_session() -> str | None:
    """Add one open reader-panel session (once), so the session pages can be tried."""
    if add_demo_session(current_app.extensions["loket.content"]):
        return "Demo-leespanel (een open sessie, geen echte test) staat klaar."
    return None
