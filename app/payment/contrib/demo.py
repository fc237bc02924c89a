"""The demo payment provider: a "Testomgeving" page in Loket where you pay or cancel.

A payment is a flow-store entry (kind `demobetaling`) under a random id; the id in the page's URL
is the only key to it. It takes the same route as a real provider: a GET redirect to the
provider's page, and back to the return path with `?betaling=<id>`, where the caller asks
`payment()` for the state instead of trusting the URL.
"""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from flask import url_for

from app.core import flows
from app.core.connectors import ConnectorError
from app.payment.base import (
    Payment,
    PaymentProvider,
    PaymentRequest,
    PaymentStart,
    UnknownPayment,
    providers,
)

KIND = "demobetaling"
TTL = dt.timedelta(minutes=30)  # a real provider also lets a payment expire


@providers.register("demo")
class DemoPaymentProvider(PaymentProvider):
    description = "Demo payment page in Loket (Testomgeving); never in production."

    def __init__(self, config: Mapping[str, Any]) -> None:
        if not config.get("DEMO_SOURCES"):
            raise ConnectorError("the demo payment provider is switched off here (DEMO_SOURCES)")
        super().__init__(config)

    def start(self, request: PaymentRequest) -> PaymentStart:
        entry = flows.start(
            KIND,
            {
                "reference": request.reference,
                "amount_cents": request.amount_cents,
                "description": request.description,
                "return_path": request.return_path,
                "state": "open",
            },
            ttl=TTL,
            remember=False,
        )
        return PaymentStart(entry.id, url_for("payment.demo_page", payment_id=entry.id))

    def _entry(self, payment_id: str) -> flows.Flow:
        entry = flows.get(payment_id, KIND)
        if entry is None:
            raise UnknownPayment(payment_id)
        return entry

    def payment(self, payment_id: str) -> Payment:
        data = self._entry(payment_id).data
        return Payment(payment_id, data["reference"], int(data["amount_cents"]), data["state"])

    def details(self, payment_id: str) -> dict[str, Any]:
        """What the demo page shows: amount, description, state."""
        return dict(self._entry(payment_id).data)

    def finish(self, payment_id: str, paid: bool) -> str:
        """Record the choice made on the demo page; return where to send the browser."""
        entry = self._entry(payment_id)
        if entry.data["state"] == "open":
            entry.data["state"] = "betaald" if paid else "geannuleerd"
            flows.save(entry, ttl=TTL)
        path = str(entry.data["return_path"])
        return f"{path}{'&' if '?' in path else '?'}betaling={payment_id}"
