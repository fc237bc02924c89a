"""The demo SMS provider: stores what it would send in the database (visible for staff)."""

from dataclasses import asdict

from sqlalchemy import select

from app.extensions import db
from app.notify.models import DemoDelivery, OutboxMessage
from app.notify.sms.base import SmsProvider, SmsReceipt, SmsRequest, sms_providers


@sms_providers.register("demo")
class DemoSms(SmsProvider):
    description = "Keeps each text in outbox_demo_delivery (make run, the checks)."

    def send(self, sms: SmsRequest) -> SmsReceipt:
        message_id = db.session.scalar(
            select(OutboxMessage.id).where(OutboxMessage.key == sms.reference)
        )
        db.session.add(DemoDelivery(message_id=message_id, channel="sms", payload=asdict(sms)))
        return SmsReceipt(f"demo-{sms.reference}")
