"""Payments: start one, send the browser to the provider by a GET redirect, check on return.

In real life a payment service provider (the municipality's contract: e.g. Worldline, Adyen,
Buckaroo or Mollie); here a demo provider with a "Testomgeving" page where you pay or cancel.
"""

from abc import abstractmethod
from dataclasses import dataclass

from app.core.connectors import Connector, ConnectorError, Registry

# open: not finished yet; betaald: paid; geannuleerd: the resident stopped;
# mislukt: the bank refused; verlopen: not finished in time.
STATES = ("open", "betaald", "geannuleerd", "mislukt", "verlopen")


class UnknownPayment(ConnectorError):
    """No payment has this id (or it has expired)."""


@dataclass(frozen=True)
class PaymentRequest:
    reference: str  # what it is for, e.g. the case reference "PV-4736-KM"
    amount_cents: int
    description: str  # shown at the provider ("Bewonersparkeervergunning 2027")
    return_path: str  # a path on this site; the provider sends the browser back here


@dataclass(frozen=True)
class PaymentStart:
    payment_id: str
    redirect_url: str  # send the browser here with a GET redirect


@dataclass(frozen=True)
class Payment:
    payment_id: str
    reference: str
    amount_cents: int
    state: str  # one of STATES

    @property
    def paid(self) -> bool:
        return self.state == "betaald"


class PaymentProvider(Connector):
    kind = "betalen"
    description = "A payment service provider (iDEAL and cards)."

    @abstractmethod
    def start(self, request: PaymentRequest) -> PaymentStart:
        """Create a payment; the browser goes to `redirect_url` and comes back to `return_path`.

        :raises SourceUnavailable: the provider is down; offer to try again or pay later.
        """

    @abstractmethod
    def payment(self, payment_id: str) -> Payment:
        """Return the payment's current state (ask the provider: never trust the return URL).

        :raises UnknownPayment: no such payment.
        """


providers: Registry[PaymentProvider] = Registry(PaymentProvider)
