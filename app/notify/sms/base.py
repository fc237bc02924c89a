"""The SMS provider connector kind: one method, `send`, taking and returning dataclasses."""

from abc import abstractmethod
from dataclasses import dataclass
from typing import Literal

from app.core.connectors import Connector, Registry


@dataclass(frozen=True)
class SmsRequest:
    """One text to one mobile number.

    `reference` is the outbox message's key: the same on every attempt, so a resend after a
    crash carries the reference of the first try and the provider's reports tie them together.
    """

    to: str  # international digits, e.g. "31612345678" (see recipients.normalise_mobile)
    body: str
    encoding: Literal["gsm7", "ucs2"]
    segments: int
    reference: str
    originator: str


@dataclass(frozen=True)
class SmsReceipt:
    provider_id: str  # the provider's id of the accepted message


class SmsProvider(Connector):
    kind = "sms"

    @abstractmethod
    def send(self, sms: SmsRequest) -> SmsReceipt:
        """Hand the text to the provider; return once it is accepted.

        :raises DeliveryFailed: permanent (a number that cannot exist) or temporary (down,
            credentials refused, out of credit).
        """


sms_providers: Registry[SmsProvider] = Registry(SmsProvider)
