"""The e-mail transport connector kind: SMTP in production, a demo transport that keeps the
message in the database for `make run` and the checks."""

from abc import abstractmethod
from dataclasses import dataclass
from email.message import EmailMessage

from app.core.connectors import Connector, Registry


@dataclass(frozen=True)
class MailReceipt:
    server_reply: str  # e.g. "250 2.0.0 Ok: queued as 4B3C1", or the demo's own words


class MailTransport(Connector):
    kind = "email"

    @abstractmethod
    def send(self, message: EmailMessage, sender: str, recipient: str) -> MailReceipt:
        """Hand one message to the mail server for one recipient; return once it is accepted.

        :raises DeliveryFailed: permanent (the server refuses the address or the message) or
            temporary (unreachable, busy, credentials refused).
        """


mail_transports: Registry[MailTransport] = Registry(MailTransport)
