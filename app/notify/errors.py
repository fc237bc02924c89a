"""Why a delivery did not work, in a form the worker can act on and staff can read."""

from app.core.connectors import ConnectorError

# Codes staff see (translated in app/notify/labels.py). Permanent ones are not tried again.
PERMANENT_CODES = (
    "adres-ongeldig",  # the e-mail address or phone number cannot be right
    "adres-geweigerd",  # the receiving server or provider says it does not exist
    "bericht-geweigerd",  # refused for its content or size
    "geen-adres",  # the recipient has no address for this channel
)
TEMPORARY_CODES = (
    "onbereikbaar",  # server or provider down, slow or refusing for now
    "toegang",  # our credentials were refused: fix the configuration
    "onderbroken",  # a worker stopped while sending (its lease ran out)
    "storing",  # an unexpected error in Loket itself (the log has the details, no addresses)
    "te-vaak",  # the last try failed and the maximum number of tries is reached
)


class DeliveryFailed(ConnectorError):
    """A channel could not deliver. `detail` is the server's own words (may hold the address:
    it is stored with the message, which is purged with it, and never logged)."""

    def __init__(self, code: str, detail: str = "", *, permanent: bool | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail[:2000]
        self.permanent = code in PERMANENT_CODES if permanent is None else permanent
