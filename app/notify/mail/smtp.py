"""E-mail over SMTP (smtplib): host, port, TLS and credentials from the configuration.

The envelope is sent step by step (MAIL, RCPT, DATA) so that a refused address (5xx at RCPT)
is told apart from a server that is down or busy (4xx, timeouts): the first fails the message
for good, with the server's words for staff; the second is tried again later.
"""

import smtplib
import ssl
from email.message import EmailMessage

from app.notify.errors import DeliveryFailed
from app.notify.mail.base import MailReceipt, MailTransport, mail_transports


def _reply(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {words}".strip()


@mail_transports.register("smtp")
class SmtpTransport(MailTransport):
    description = "An SMTP relay (SMTP_HOST, SMTP_PORT, SMTP_TLS, SMTP_USERNAME, SMTP_PASSWORD)."

    def _connect(self) -> smtplib.SMTP:
        host = self.config["SMTP_HOST"]
        port = int(self.config["SMTP_PORT"])
        timeout = float(self.config["SMTP_TIMEOUT"])
        tls = self.config["SMTP_TLS"]
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if tls == "ssl":
            smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
            if tls == "starttls":
                smtp.starttls(context=context)
        if self.config.get("SMTP_USERNAME"):
            smtp.login(self.config["SMTP_USERNAME"], self.config["SMTP_PASSWORD"])
        return smtp

    def send(self, message: EmailMessage, sender: str, recipient: str) -> MailReceipt:
        try:
            smtp = self._connect()
        except smtplib.SMTPAuthenticationError as error:
            raise DeliveryFailed("toegang", _reply(error.smtp_code, error.smtp_error)) from None
        except (OSError, smtplib.SMTPException) as error:
            raise DeliveryFailed("onbereikbaar", f"{type(error).__name__}: {error}") from None
        try:
            return self._transfer(smtp, message, sender, recipient)
        except smtplib.SMTPResponseException as error:  # e.g. DATA refused before 354
            permanent = 500 <= error.smtp_code < 600
            raise DeliveryFailed(
                "bericht-geweigerd" if permanent else "onbereikbaar",
                _reply(error.smtp_code, error.smtp_error),
            ) from None
        except (TimeoutError, OSError, smtplib.SMTPServerDisconnected) as error:
            raise DeliveryFailed("onbereikbaar", f"{type(error).__name__}: {error}") from None
        finally:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()

    def _transfer(
        self, smtp: smtplib.SMTP, message: EmailMessage, sender: str, recipient: str
    ) -> MailReceipt:
        smtp.ehlo_or_helo_if_needed()
        needs_utf8 = not (sender.isascii() and recipient.isascii())
        options = ["SMTPUTF8"] if needs_utf8 and smtp.has_extn("smtputf8") else []
        code, text = smtp.mail(sender, options)
        if code != 250:
            raise DeliveryFailed("onbereikbaar", _reply(code, text), permanent=False)
        code, text = smtp.rcpt(recipient)
        if code not in (250, 251):
            smtp.rset()
            permanent = 500 <= code < 600
            raise DeliveryFailed(
                "adres-geweigerd" if permanent else "onbereikbaar", _reply(code, text)
            )
        code, text = smtp.data(message.as_bytes(policy=message.policy.clone(linesep="\r\n")))
        if code != 250:
            permanent = 500 <= code < 600
            raise DeliveryFailed(
                "bericht-geweigerd" if permanent else "onbereikbaar", _reply(code, text)
            )
        return MailReceipt(_reply(code, text))
