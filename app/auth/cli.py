"""`flask gebruikers aanmaken` and the demo accounts for `make run`."""

import click
from flask.cli import AppGroup
from sqlalchemy import select

from app.auth.models import ROLES, StaffUser
from app.auth.service import AccountError, create_user
from app.demo import demo_cli
from app.extensions import db

users_cli = AppGroup("gebruikers", help="Accounts voor medewerkers en redacteuren.")

# Clearly fictitious demo accounts; `make run` creates them in the local SQLite database only.
DEMO_ACCOUNTS = (
    ("redacteur@loket.example", "Demo Redacteur", "redacteur", "demo-redacteur-2026"),
    ("medewerker@loket.example", "Demo Medewerker", "medewerker", "demo-medewerker-2026"),
    ("beheerder@loket.example", "Demo Beheerder", "beheerder", "demo-beheerder-2026"),
)


@users_cli.command("aanmaken")
@click.option("--email", prompt="E-mailadres", help="E-mailadres (de inlognaam).")
@click.option("--naam", prompt="Naam", help="Naam zoals collega's die zien.")
@click.option(
    "--rol",
    "roles",
    multiple=True,
    required=True,
    type=click.Choice(ROLES),
    help="Rol; herhaal voor meer rollen.",
)
@click.password_option("--wachtwoord", prompt="Wachtwoord", help="Minstens 12 tekens.")
def create(email: str, naam: str, roles: tuple[str, ...], wachtwoord: str) -> None:
    """Maak een account voor een medewerker of redacteur."""
    try:
        user = create_user(email, naam, wachtwoord, list(roles))
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Account gemaakt voor {user.email} met rol {user.roles}.")


def fill_accounts() -> str | None:
    """Add the demo accounts (once)."""
    added = 0
    for email, name, role, password in DEMO_ACCOUNTS:
        if db.session.scalar(select(StaffUser).where(StaffUser.email == email)) is None:
            create_user(email, name, password, [role])
            added += 1
    return f"{added} demo-accounts gemaakt." if added else None


@demo_cli.command("accounts")
def accounts() -> None:
    """Laat de demo-accounts zien."""
    click.echo("Demo-accounts (alleen voor deze lokale demo), inloggen op /medewerker/inloggen:")
    for email, _, role, password in DEMO_ACCOUNTS:
        click.echo(f"  {role:<11} {email:<28} wachtwoord: {password}")
