"""`flask afspraken herinneringen` and `flask afspraken opschonen`: safe to run twice, and on
several machines at once."""

import click
from flask.cli import AppGroup

from app.booking import upkeep

bookings_cli = AppGroup("afspraken", help="Afspraken: herinneringen en opschonen.")


@bookings_cli.command("herinneringen")
def reminders() -> None:
    """Stuur de herinneringen voor morgen (elke afspraak één keer) en geef verlopen aanbiedingen
    van de wachtlijst vrij. Draai dit elk kwartier."""
    sent = upkeep.send_reminders()
    click.echo(f"{sent} herinneringen in de wachtrij gezet.")


@bookings_cli.command("opschonen")
@click.option(
    "--dagen",
    type=click.IntRange(min=0),
    default=None,
    help="Verwijder afspraken zoveel dagen na de afspraak (standaard BOOKING_RETENTION_DAYS, 30).",
)
def purge(dagen: int | None) -> None:
    """Verwijder persoonsgegevens die niet meer nodig zijn; bewaar alleen anonieme aantallen."""
    result = upkeep.purge(dagen)
    click.echo(
        f"Hulpvragen gewist bij {result.support} afspraken; {result.bookings} afspraken, "
        f"{result.waiting} wachtlijstplaatsen en {result.questions} vragen verwijderd; "
        f"{result.slots} oude tijdvakken opgeruimd."
    )
