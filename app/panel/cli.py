"""`flask leespanel export`, and the demo session that `flask demo vullen` adds."""

from pathlib import Path
from typing import Any

import click
from flask import current_app
from flask.cli import AppGroup

from app.auth.cli import demo_cli
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


# `flask demo vullen` belongs to the accounts package; Click chains result callbacks, so the panel
# adds its demo session there without the accounts package knowing about panels.
@demo_cli.result_callback()
def _demo_session(result: Any, **_: Any) -> Any:
    store = current_app.extensions["loket.content"]
    if click.get_current_context().invoked_subcommand == "vullen" and add_demo_session(store):
        click.echo("Demo-leespanel (een open sessie, geen echte test) staat klaar.")
    return result
