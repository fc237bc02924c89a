"""The demo e-mail transport: keeps the whole message in the database instead of sending it."""

from email.message import EmailMessage

from sqlalchemy import select

from app.extensions import db
from app.notify.mail.base import MailReceipt, MailTransport, mail_transports
from app.notify.models import DemoDelivery, OutboxMessage


@mail_transports.register("demo")
class DemoMailTransport(MailTransport):
    description = "Keeps each e-mail in outbox_demo_delivery (make run, the checks)."

    def send(self, message: EmailMessage, sender: str, recipient: str) -> MailReceipt:
        key = str(message["Message-ID"]).strip("<> ").split("@", 1)[0]
        message_id = db.session.scalar(select(OutboxMessage.id).where(OutboxMessage.key == key))
        db.session.add(
            DemoDelivery(
                message_id=message_id,
                channel="email",
                payload={"from": sender, "to": recipient, "raw": message.as_string()},
            )
        )
        return MailReceipt("demo: bewaard in de database, niet verstuurd")
