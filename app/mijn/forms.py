"""Forms of Mijn Loket (contact preferences) and of /zaak-status."""

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, RadioField, StringField, TelField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, Length, ValidationError

from app.core.references import normalise
from app.mijn.contact import CHANNELS
from app.notify.recipients import NotAMobileNumber, normalise_mobile

POSTCODE = re.compile(r"^\s*[1-9][0-9]{3}\s*[A-Za-z]{2}\s*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
REFERENCE = re.compile(r"^[A-Z]{2}-[0-9]{4}-[A-Z]{2}$")


def postcode_check(_form: Any, field: Any) -> None:
    if not POSTCODE.match(field.data or ""):
        raise ValidationError(_l("Vul uw postcode in, bijvoorbeeld 6511 AB."))


class ContactForm(FlaskForm):
    channel = RadioField(
        _l("Hoe wilt u berichten van ons krijgen?"),
        choices=[
            SelectChoice("brief", _l("Met een brief per post")),
            SelectChoice("email", _l("Met een e-mail")),
            SelectChoice("sms", _l("Met een sms")),
        ],
        validators=[
            DataRequired(_l("Kies hoe u berichten wilt krijgen.")),
            AnyOf(CHANNELS, _l("Kies hoe u berichten wilt krijgen: per brief, e-mail of sms.")),
        ],
        validate_choice=False,  # AnyOf says what to do; WTForms only says "Ongeldige keuze"
    )
    email = EmailField(
        _l("Uw e-mailadres"), validators=[Length(max=254)], render_kw={"autocomplete": "email"}
    )
    phone = TelField(
        _l("Uw mobiele nummer"), validators=[Length(max=40)], render_kw={"autocomplete": "tel"}
    )
    lang = RadioField(
        _l("In welke taal?"),
        choices=[SelectChoice("nl", "Nederlands"), SelectChoice("en", "English")],
        validators=[
            DataRequired(_l("Kies een taal.")),
            AnyOf(("nl", "en"), _l("Kies Nederlands of English.")),
        ],
        validate_choice=False,
    )

    def validate_email(self, field: Any) -> None:
        value = (field.data or "").strip()
        field.data = value
        if self.channel.data == "email" and not value:
            raise ValidationError(_l("Vul uw e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."))
        if value and not EMAIL.match(value):
            raise ValidationError(
                _l("Vul een e-mailadres in met een @ en een punt, bijvoorbeeld naam@voorbeeld.nl.")
            )

    def validate_phone(self, field: Any) -> None:
        value = (field.data or "").strip()
        field.data = value
        if self.channel.data == "sms" and not value:
            raise ValidationError(_l("Vul uw mobiele nummer in, bijvoorbeeld 06 12345678."))
        if value:
            try:
                normalise_mobile(value)
            except NotAMobileNumber:
                raise ValidationError(
                    _l(
                        "Vul een mobiel nummer in, bijvoorbeeld 06 12345678. "
                        "Een vast nummer kan geen sms krijgen."
                    )
                ) from None


class CaseStatusForm(FlaskForm):
    reference = StringField(
        _l("Het nummer van uw aanvraag"),
        validators=[
            DataRequired(_l("Vul het nummer van uw aanvraag in, bijvoorbeeld ZK-4769-HM."))
        ],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    postcode = StringField(
        _l("Uw postcode"),
        validators=[DataRequired(_l("Vul uw postcode in, bijvoorbeeld 6511 AB.")), postcode_check],
        render_kw={"autocomplete": "postal-code"},
    )

    def validate_reference(self, field: Any) -> None:
        if not REFERENCE.match(normalise(field.data or "")):
            raise ValidationError(
                _l("Vul het nummer in zoals het in de brief staat, bijvoorbeeld ZK-4769-HM.")
            )
