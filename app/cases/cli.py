"""`flask zaken status`: move a demo case along (demos and tests; a real case system does this)."""

import click
from flask.cli import AppGroup

from app.cases.statuses import catalogue
from app.core.connectors import ConnectorError

zaken_cli = AppGroup("zaken", help="Zaken in het demozaaksysteem.")


@zaken_cli.command("status")
@click.argument("reference")
@click.option("--naar", "to", default=None, help="Zet deze status in plaats van de volgende.")
def move(reference: str, to: str | None) -> None:
    """Zet een demozaak op de volgende status (of op --naar STATUS)."""
    from app.cases import service

    try:
        if to is not None and to not in catalogue().statuses:
            known = ", ".join(sorted(catalogue().statuses))
            raise click.UsageError(f"Onbekende status {to!r}. Kies uit: {known}.")
        case = service.advance_demo_case(reference, to)
    except service.UnknownCase:
        raise click.ClickException(f"Geen zaak met kenmerk {reference}.") from None
    except service.StatusNotChanged as error:
        raise click.ClickException(
            f"Er is niets veranderd aan zaak {error}. Wij konden de inwoner geen bericht sturen, "
            "want een register werkt nu niet. Probeer het later opnieuw."
        ) from None
    except ConnectorError as error:
        raise click.ClickException(str(error)) from None
    step = case.status
    assert step is not None
    sentence = catalogue().sentence(step.key, "nl")
    click.echo(f"{case.reference}: {step.key} ({sentence})")
