"""`flask berichten versturen [--loop]`: the outbox worker, safe to run on several machines."""

import signal
from types import FrameType

import click
from flask import current_app
from flask.cli import AppGroup

from app.notify.mail.base import mail_transports
from app.notify.sms.base import sms_providers
from app.notify.worker import Tally, Worker

messages_cli = AppGroup("berichten", help="De berichten aan inwoners: e-mail, sms en brieven.")


def _summary(tally: Tally) -> str:
    return (
        f"{tally.sent} verzonden, {tally.letters} brieven klaar voor de post, "
        f"{tally.retried} later opnieuw, {tally.failed} mislukt"
        + (
            f", {tally.taken_over} overgenomen door een andere verzender"
            if tally.taken_over
            else ""
        )
        + "."
    )


def refuse_demo_where_not_allowed() -> None:
    """In production a demo connector would keep messages that residents wait for."""
    if current_app.config.get("NOTIFY_DEMO_ALLOWED"):
        return
    demo = [
        r.kind for r in (mail_transports, sms_providers) if r.chosen(current_app.config) == "demo"
    ]
    if demo:
        raise click.ClickException(
            "De demo-verzending staat hier uit. Stel SMTP_HOST en MESSAGEBIRD_ACCESS_KEY in "
            f"(nu demo voor: {', '.join(demo)})."
        )


def warn_about_a_short_lease() -> None:
    """A lease shorter than a slow delivery lets a second worker send the message again."""
    config = current_app.config
    slowest = 8 * float(config["SMTP_TIMEOUT"])  # connect, EHLO, TLS, AUTH, MAIL, RCPT, DATA
    if float(config["NOTIFY_LEASE_SECONDS"]) < slowest:
        click.echo(
            f"Let op: NOTIFY_LEASE_SECONDS ({config['NOTIFY_LEASE_SECONDS']}) is korter dan een "
            f"trage verzending kan duren ({slowest:.0f} s). Een bericht kan dan twee keer gaan.",
            err=True,
        )


@messages_cli.command("versturen")
@click.option("--loop", is_flag=True, help="Blijf draaien en verstuur nieuwe berichten meteen.")
def send(loop: bool) -> None:
    """Verstuur de berichten die klaarstaan (veilig om vaker en op meer machines te draaien)."""
    refuse_demo_where_not_allowed()
    warn_about_a_short_lease()
    worker = Worker()

    def finish(signum: int, frame: FrameType | None) -> None:
        # Finish the message in hand, then stop: a kill -TERM loses nothing.
        worker.stop.set()

    signal.signal(signal.SIGTERM, finish)
    signal.signal(signal.SIGINT, finish)
    if loop:
        click.echo(f"Verzender {worker.name} draait. Stoppen met Ctrl+C.")
        worker.run_forever(report=lambda tally: click.echo(_summary(tally)))
        click.echo("Verzender gestopt.")
    else:
        click.echo(_summary(worker.run_once()))
