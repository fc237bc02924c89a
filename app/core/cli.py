"""`flask opslag opschonen`: delete expired flows and what other capabilities keep for a while."""

import click
from flask.cli import AppGroup

from app.core import flows
from app.core.capabilities import wiring
from app.core.storage import wipe_deleted

storage_cli = AppGroup("opslag", help="Tijdelijke gegevens van inwoners (de flow-opslag).")


@storage_cli.command("opschonen")
def purge() -> None:
    """Verwijder verlopen antwoorden en concepten (veilig om vaker te draaien)."""
    removed = flows.purge_expired()
    click.echo(f"{removed} verlopen antwoorden verwijderd.")
    for purge_more in wiring().providers_named("opslag.opschonen"):
        click.echo(purge_more())
    wipe_deleted()
