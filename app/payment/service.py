"""The one module that calls the payment provider. The parking permit form uses this.

started = start_payment("PV-4736-KM", 5150, "Bewonersparkeervergunning 2027",
                        return_path=url_for("forms.paid", slug="bewonersparkeervergunning"))
flow.data["betaling"] = started.payment_id         # keep it with the answers
return redirect(started.redirect_url, 303)         # a GET redirect: form-action stays 'self'
...
payment = payment_status(flow.data["betaling"])    # on return: ask, never trust the URL
if payment.paid and payment.reference == expected: ...
"""

import logging

from app.core.connectors import ConnectorError, SourceUnavailable
from app.payment.base import Payment, PaymentRequest, PaymentStart, UnknownPayment, providers
from app.payment.contrib import demo  # noqa: F401 - registers the demo provider
from app.security import safe_return_path

log = logging.getLogger(__name__)

__all__ = [
    "Payment",
    "PaymentStart",
    "SourceUnavailable",
    "UnknownPayment",
    "payment_status",
    "start_payment",
]


def start_payment(
    reference: str, amount_cents: int, description: str, return_path: str
) -> PaymentStart:
    """Start a payment; send the browser to `redirect_url` (with a GET redirect).

    :param return_path: a path on this site; anything else is replaced by the home page.
    :raises SourceUnavailable: the provider is down.
    """
    if amount_cents <= 0:
        raise ValueError("a payment needs an amount above zero")
    request = PaymentRequest(
        reference, amount_cents, description[:100], safe_return_path(return_path)
    )
    try:
        return providers.get().start(request)
    except ConnectorError as error:
        log.warning("payment provider failed: %s", type(error).__name__)
        raise SourceUnavailable(str(error)) from error


def payment_status(payment_id: str) -> Payment:
    """Return the payment's state as the provider knows it.

    :raises UnknownPayment: no such payment (or expired). :raises SourceUnavailable: down.
    """
    try:
        return providers.get().payment(payment_id)
    except UnknownPayment:
        raise
    except ConnectorError as error:
        raise SourceUnavailable(str(error)) from error
