"""The demo payment provider's pages (Testomgeving). Not found where it is not the provider."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_decimal
from flask_babel import gettext as _

from app.core import flows
from app.core.connectors import ConnectorError
from app.core.references import new_reference
from app.payment import service
from app.payment.base import UnknownPayment, providers
from app.payment.contrib.demo import DemoPaymentProvider
from app.payment.forms import DemoPaymentForm, TryPaymentForm

bp = Blueprint("payment", __name__)
TRY_KIND = "demoproef"


def euros(cents: int) -> str:
    return "€ " + format_decimal(cents / 100, format="#,##0.00")


def _demo() -> DemoPaymentProvider:
    try:
        provider = providers.get()
    except ConnectorError:
        abort(404)
    if not isinstance(provider, DemoPaymentProvider):
        abort(404)
    return provider


def _no_store(html: str, status: int = 200) -> ResponseReturnValue:
    return html, status, {"Cache-Control": "no-store"}


@bp.route("/betalen/demo/<payment_id>", methods=["GET", "POST"])
def demo_page(payment_id: str) -> ResponseReturnValue:
    """Show the demo provider's page: pay or cancel."""
    provider = _demo()
    try:
        details = provider.details(payment_id)
    except UnknownPayment:
        return _no_store(render_template("payment/unknown.html"), 404)
    form = DemoPaymentForm()
    if form.validate_on_submit() and form.choice.data in ("betalen", "annuleren"):
        return redirect(provider.finish(payment_id, paid=form.choice.data == "betalen"), 303)
    html = render_template(
        "payment/demo.html", form=form, details=details, amount=euros(details["amount_cents"])
    )
    return _no_store(html)


@bp.route("/betalen/demo", methods=["GET", "POST"])
def try_payment() -> ResponseReturnValue:
    """Try the payment route on its own: start an example payment of one euro."""
    provider = _demo()
    form = TryPaymentForm()
    if form.validate_on_submit():
        started = service.start_payment(
            new_reference("PB"), 100, _("Proefbetaling"), url_for("payment.tried")
        )
        flows.start(TRY_KIND, {"payment_id": started.payment_id})
        return redirect(started.redirect_url, 303)
    tried = flows.load(TRY_KIND)
    if tried is not None:  # an example payment of this session still open: carry on with it
        try:
            if provider.payment(tried.data["payment_id"]).state == "open":
                return redirect(url_for("payment.demo_page", payment_id=tried.data["payment_id"]))
        except UnknownPayment:
            pass
        flows.discard(TRY_KIND)
    return _no_store(render_template("payment/try.html", form=form))


@bp.get("/betalen/demo/klaar")
def tried() -> ResponseReturnValue:
    """Show how the example payment ended, as the provider reports it."""
    provider = _demo()
    try:
        payment = provider.payment(request.args.get("betaling", ""))
    except UnknownPayment:
        return _no_store(render_template("payment/unknown.html"), 404)
    html = render_template(
        "payment/tried.html", payment=payment, amount=euros(payment.amount_cents)
    )
    return _no_store(html)
