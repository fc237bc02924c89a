"""A real SMS client for MessageBird's (Bird's) SMS REST API: `POST /messages`.

What we rely on is written down, unofficially, in `messagebird.openapi.yaml` next to this file;
the fake server in the tests checks every request against it. The outbox key travels as the
message's `reference`, the same on every attempt: after a crash between MessageBird's "201
Created" and our commit, the resend carries the reference of the first try, so the two are
tied together in MessageBird's reports and can be dropped or reconciled there.

Only the standard library: one JSON POST does not warrant an HTTP package.
"""

import json
import urllib.error
import urllib.request
from typing import Any

from app.notify.errors import DeliveryFailed
from app.notify.sms.base import SmsProvider, SmsReceipt, SmsRequest, sms_providers

# MessageBird's error codes (their documentation) that mean "this number cannot be right".
BAD_RECIPIENT_CODES = {9, 10}


@sms_providers.register("messagebird")
class MessageBird(SmsProvider):
    description = "MessageBird SMS REST API (MESSAGEBIRD_URL, MESSAGEBIRD_ACCESS_KEY)."

    def payload(self, sms: SmsRequest) -> dict[str, Any]:
        """Return the JSON body for one text (public: the demo page shows what would go out)."""
        return {
            "originator": sms.originator,
            "body": sms.body,
            "recipients": [int(sms.to)],
            "reference": sms.reference,
            "datacoding": "unicode" if sms.encoding == "ucs2" else "plain",
            "validity": int(self.config["SMS_VALIDITY_SECONDS"]),
        }

    def send(self, sms: SmsRequest) -> SmsReceipt:
        url = str(self.config["MESSAGEBIRD_URL"]).rstrip("/") + "/messages"
        request = urllib.request.Request(  # noqa: S310 - the URL is configuration, https in production
            url,
            data=json.dumps(self.payload(sms)).encode(),
            method="POST",
            headers={
                "Authorization": f"AccessKey {self.config['MESSAGEBIRD_ACCESS_KEY']}",
                "Content-Type": "application/json",
                "Accept": "application/json",
                "User-Agent": "Loket-outbox",
            },
        )
        timeout = float(self.config["SMS_TIMEOUT"])
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                answer = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            raise self._refused(error.code, error.read()) from None
        except (OSError, ValueError) as error:  # URLError, timeouts, a reply that is not JSON
            raise DeliveryFailed("onbereikbaar", f"{type(error).__name__}: {error}") from None
        provider_id = answer.get("id") if isinstance(answer, dict) else None
        if not provider_id:
            raise DeliveryFailed("onbereikbaar", "201 zonder id in het antwoord")
        return SmsReceipt(str(provider_id))

    @staticmethod
    def _refused(status: int, raw: bytes) -> DeliveryFailed:
        try:
            errors = json.loads(raw or b"{}").get("errors") or []
        except (ValueError, AttributeError):
            errors = []
        codes = {e.get("code") for e in errors if isinstance(e, dict)}
        words = "; ".join(
            f"{e.get('code')}: {e.get('description')}" for e in errors if isinstance(e, dict)
        )
        detail = f"HTTP {status}" + (f" ({words})" if words else "")
        if status == 422 and codes & BAD_RECIPIENT_CODES:
            return DeliveryFailed("adres-geweigerd", detail)
        if status in (401, 403):
            return DeliveryFailed("toegang", detail)
        if status == 422 or (400 <= status < 500 and status not in (402, 408, 429)):
            return DeliveryFailed("bericht-geweigerd", detail)
        return DeliveryFailed("onbereikbaar", detail)
