"""The forms of the booking flow and around it. Every error message says what to do."""

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    Field,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from app.address.base import (
    AddressQuery,
    PostalAddress,
    normalise_number,
    normalise_postcode,
)
from app.address.service import look_up
from app.booking.contact import is_mobile, normalise_email, normalise_phone
from app.core.wizard import StepInvalid

MAX_NAME = 120
MAX_OTHER = 200
MAX_REASON = 300
MAX_QUESTION = 2000


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class Chosen:
    """The value is one of the choices offered (a forged value gets an instruction, too)."""

    def __init__(self, message: Any) -> None:
        self.message = message

    def __call__(self, form: Any, field: Field) -> None:
        offered = {str(c.value if isinstance(c, SelectChoice) else c[0]) for c in field.choices}
        values = field.data if isinstance(field.data, list) else [field.data]
        if any(str(v) not in offered for v in values if v not in (None, "")):
            raise ValidationError(str(self.message))


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class TopicForm(FlaskForm):
    onderwerp = RadioField(
        _l("Waar wilt u over praten?"),
        validators=[
            InputRequired(_l("Kies waar u over wilt praten.")),
            Chosen(_l("Kies een onderwerp uit de lijst.")),
        ],
        validate_choice=False,
    )
    anders = StringField(
        _l("Waar gaat het over?"),
        filters=[_strip],
        validators=[
            Length(max=MAX_OTHER, message=_l("Schrijf het korter, in 200 tekens of minder."))
        ],
    )

    def validate_anders(self, field: Field) -> None:
        if self.onderwerp.data == "iets-anders" and not field.data:
            raise ValidationError(_("Schrijf in een paar woorden waar het over gaat."))


class ChannelForm(FlaskForm):
    kanaal = RadioField(
        _l("Hoe wilt u praten?"),
        validators=[
            InputRequired(_l("Kies hoe u wilt praten.")),
            Chosen(_l("Kies een van de manieren uit de lijst.")),
        ],
        validate_choice=False,
    )


class SupportForm(FlaskForm):
    nodig = MultiCheckboxField(
        _l("Wat hebt u nodig?"),
        validators=[Chosen(_l("Kies alleen uit de lijst wat u nodig hebt."))],
        validate_choice=False,
    )
    taal = StringField(
        _l("Welke taal spreekt u?"),
        filters=[_strip],
        validators=[Length(max=60, message=_l("Schrijf alleen de naam van de taal."))],
    )

    def validate_taal(self, field: Field) -> None:
        if field.data and "tolk" not in (self.nodig.data or []):
            self.nodig.data = [*(self.nodig.data or []), "tolk"]
        if "tolk" in (self.nodig.data or []) and not field.data:
            raise ValidationError(
                _("Schrijf welke taal de tolk moet spreken, bijvoorbeeld Arabisch of Pools.")
            )


class PlaceForm(FlaskForm):
    plek = RadioField(
        _l("Waar wilt u praten?"),
        validators=[
            InputRequired(_l("Kies waar u wilt praten.")),
            Chosen(_l("Kies een plek uit de lijst.")),
        ],
        validate_choice=False,
    )


class AddressFields:
    """Postcode and house number, looked up; street and town typed by hand as a fallback."""

    postcode = StringField(
        _l("Postcode"),
        filters=[_strip],
        render_kw={"autocomplete": "postal-code", "spellcheck": "false"},
    )
    huisnummer = StringField(
        _l("Huisnummer"),
        filters=[_strip],
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )
    toevoeging = StringField(
        _l("Letter of toevoeging (als u die hebt)"),
        filters=[_strip],
        validators=[Length(max=10, message=_l("Vul alleen de letter of de toevoeging in."))],
        render_kw={"autocomplete": "off"},
    )
    straat = StringField(
        _l("Straat"),
        filters=[_strip],
        validators=[Length(max=120, message=_l("Schrijf de straat korter."))],
        render_kw={"autocomplete": "address-line1"},
    )
    woonplaats = StringField(
        _l("Woonplaats"),
        filters=[_strip],
        validators=[Length(max=60, message=_l("Schrijf de woonplaats korter."))],
        render_kw={"autocomplete": "address-level2"},
    )

    def address(self) -> PostalAddress:
        """Return the address: typed by hand, or found by postcode and number.

        :raises StepInvalid: at the field to change, when it is missing or cannot be found.
        """
        form: Any = self
        typed_postcode = form.postcode.data or ""
        if not typed_postcode:
            raise StepInvalid("postcode", _("Vul uw postcode in, bijvoorbeeld 6511 AB."))
        postcode = normalise_postcode(typed_postcode)
        if postcode is None:
            raise StepInvalid(
                "postcode",
                _("Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 6511 AB."),
            )
        if not form.huisnummer.data:
            raise StepInvalid("huisnummer", _("Vul uw huisnummer in, bijvoorbeeld 12."))
        number = normalise_number(form.huisnummer.data)
        if number is None:
            raise StepInvalid(
                "huisnummer",
                _("Vul alleen het nummer in, bijvoorbeeld 12. Een letter kan in het vakje hierna."),
            )
        suffix = form.toevoeging.data or ""
        if form.straat.data or form.woonplaats.data:
            if not form.straat.data:
                raise StepInvalid("straat", _("Vul de naam van uw straat in."))
            if not form.woonplaats.data:
                raise StepInvalid("woonplaats", _("Vul uw woonplaats in, bijvoorbeeld Nijmegen."))
            return PostalAddress(form.straat.data, number, postcode, form.woonplaats.data, suffix)
        found = look_up(AddressQuery(postcode, number, suffix))
        if found.unavailable:
            raise StepInvalid(
                "straat",
                _("Wij kunnen het adres nu niet opzoeken. Vul zelf uw straat en woonplaats in."),
            )
        if found.address is not None:
            return found.address
        if len(found.found) > 1:
            raise StepInvalid(
                "toevoeging",
                _("Op dit huisnummer zijn meer adressen. Vul de letter of toevoeging in."),
            )
        raise StepInvalid(
            "postcode",
            _(
                "Wij vinden dit adres niet. Kijk of de postcode en het huisnummer kloppen. "
                "Of vul zelf uw straat en woonplaats in."
            ),
        )


class HomeForm(AddressFields, FlaskForm):
    waarom = TextAreaField(
        _l("Waarom kunt u niet naar ons toe komen?"),
        filters=[_strip],
        validators=[
            InputRequired(_l("Schrijf in een paar woorden waarom u niet naar ons toe kunt komen.")),
            Length(max=MAX_REASON, message=_l("Schrijf het korter, in 300 tekens of minder.")),
        ],
    )


class TimeForm(FlaskForm):
    tijd = RadioField(
        _l("Kies een tijd"),
        validators=[InputRequired(_l("Kies een dag en een tijd."))],
        validate_choice=False,  # any free time counts, also one on another page of days
    )


CONTACT_CHOICES = [
    SelectChoice("email", _l("Per e-mail")),
    SelectChoice("sms", _l("Per sms")),
    SelectChoice("brief", _l("Ik heb geen e-mail of telefoon: stuur een brief")),
]


class ContactFields:
    email = StringField(
        _l("E-mailadres"),
        filters=[_strip],
        validators=[Length(max=254, message=_l("Dit e-mailadres is te lang. Kijk of het klopt."))],
        render_kw={"autocomplete": "email", "spellcheck": "false", "type": "email"},
    )
    telefoon = StringField(
        _l("Mobiel nummer"),
        filters=[_strip],
        validators=[Length(max=30, message=_l("Dit nummer is te lang. Kijk of het klopt."))],
        render_kw={"autocomplete": "tel", "type": "tel"},
    )

    def contact_values(self, contact: str, phone_needed: bool) -> tuple[str, str]:
        """Return (e-mail, phone) as stored; only what the chosen way needs is asked."""
        form: Any = self
        email = normalise_email(form.email.data)
        phone_typed = form.telefoon.data or ""
        if contact == "email":
            if not email:
                raise StepInvalid(
                    "email", _("Vul uw e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
                )
            if not _looks_like_email(email):
                raise StepInvalid(
                    "email",
                    _("Vul een e-mailadres in met een @ erin, bijvoorbeeld naam@voorbeeld.nl."),
                )
        else:
            email = ""
        phone = ""
        if contact == "sms" or phone_needed or phone_typed:
            if not phone_typed and (contact == "sms" or phone_needed):
                raise StepInvalid(
                    "telefoon", _("Vul uw telefoonnummer in, bijvoorbeeld 06 12 34 56 78.")
                )
            normalised = normalise_phone(phone_typed)
            if normalised is None:
                raise StepInvalid(
                    "telefoon",
                    _("Vul een telefoonnummer in met 10 cijfers, bijvoorbeeld 06 12 34 56 78."),
                )
            if contact == "sms" and not is_mobile(normalised):
                raise StepInvalid(
                    "telefoon",
                    _("Een sms kan alleen naar een mobiel nummer. Dat begint met 06."),
                )
            phone = normalised
        return email, phone


def _looks_like_email(value: str) -> bool:
    name, at, domain = value.partition("@")
    return bool(at and name and "." in domain and " " not in value and len(domain) > 3)


class DetailsForm(AddressFields, ContactFields, FlaskForm):
    naam = StringField(
        _l("Uw naam"),
        filters=[_strip],
        validators=[
            InputRequired(_l("Vul uw naam in.")),
            Length(max=MAX_NAME, message=_l("Schrijf uw naam korter, in 120 tekens of minder.")),
        ],
        render_kw={"autocomplete": "name", "spellcheck": "false"},
    )
    bericht = RadioField(
        _l("Hoe wilt u de bevestiging krijgen?"),
        choices=CONTACT_CHOICES,
        validators=[
            InputRequired(_l("Kies hoe u de bevestiging wilt krijgen.")),
            Chosen(_l("Kies hoe u de bevestiging wilt krijgen.")),
        ],
        validate_choice=False,
    )
    zelf_printen = BooleanField(
        _l(
            "Ik print de bevestiging nu, of iemand doet dat voor mij "
            "(bijvoorbeeld in de bibliotheek)"
        )
    )


class ReviewForm(FlaskForm):
    sleutel = HiddenField()
    toestemming = BooleanField(_l("De inwoner weet van deze afspraak en wil hem maken"))


class LookupForm(FlaskForm):
    afspraaknummer = StringField(
        _l("Afspraaknummer"),
        filters=[_strip],
        validators=[
            InputRequired(_l("Vul uw afspraaknummer in, bijvoorbeeld AF-4736-KM.")),
            Length(max=20, message=_l("Een afspraaknummer ziet er zo uit: AF-4736-KM.")),
        ],
        render_kw={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"},
    )
    controle = StringField(
        _l("Uw e-mailadres, mobiele nummer of postcode"),
        filters=[_strip],
        validators=[
            InputRequired(
                _l("Vul het e-mailadres, het mobiele nummer of de postcode in die u gaf.")
            ),
            Length(max=254, message=_l("Dit is te lang. Kijk of het klopt.")),
        ],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )


class ConfirmForm(FlaskForm):
    """A button with the version of what was shown, so a second change cannot overwrite it."""

    versie = HiddenField()


class OfferForm(FlaskForm):
    keuze = HiddenField()


class WaitingForm(ContactFields, FlaskForm):
    naam = StringField(
        _l("Uw naam"),
        filters=[_strip],
        validators=[
            InputRequired(_l("Vul uw naam in.")),
            Length(max=MAX_NAME, message=_l("Schrijf uw naam korter, in 120 tekens of minder.")),
        ],
        render_kw={"autocomplete": "name", "spellcheck": "false"},
    )
    bericht = RadioField(
        _l("Hoe laten wij het u weten?"),
        choices=CONTACT_CHOICES[:2],
        validators=[InputRequired(_l("Kies e-mail of sms.")), Chosen(_l("Kies e-mail of sms."))],
        validate_choice=False,
    )


class QuestionForm(AddressFields, ContactFields, FlaskForm):
    onderwerp = SelectField(
        _l("Waar gaat uw vraag over?"),
        validators=[
            InputRequired(_l("Kies waar uw vraag over gaat.")),
            Chosen(_l("Kies waar uw vraag over gaat.")),
        ],
        validate_choice=False,
    )
    vraag = TextAreaField(
        _l("Uw vraag"),
        filters=[_strip],
        validators=[
            InputRequired(_l("Schrijf uw vraag op.")),
            Length(
                max=MAX_QUESTION, message=_l("Schrijf uw vraag korter, in 2000 tekens of minder.")
            ),
        ],
    )
    naam = StringField(
        _l("Uw naam"),
        filters=[_strip],
        validators=[
            InputRequired(_l("Vul uw naam in.")),
            Length(max=MAX_NAME, message=_l("Schrijf uw naam korter, in 120 tekens of minder.")),
        ],
        render_kw={"autocomplete": "name", "spellcheck": "false"},
    )
    bericht = RadioField(
        _l("Hoe wilt u het antwoord krijgen?"),
        choices=[
            SelectChoice("email", _l("Per e-mail")),
            SelectChoice("sms", _l("Per sms")),
            SelectChoice("brief", _l("Met een brief")),
        ],
        validators=[
            InputRequired(_l("Kies hoe u het antwoord wilt krijgen.")),
            Chosen(_l("Kies hoe u het antwoord wilt krijgen.")),
        ],
        validate_choice=False,
    )


# --- staff and beheerder -------------------------------------------------------------------------


class OutcomeForm(FlaskForm):
    uitkomst = HiddenField()


class AnswerForm(FlaskForm):
    antwoord = TextAreaField(
        _l("Uw antwoord"),
        filters=[_strip],
        validators=[
            InputRequired(_l("Schrijf het antwoord op.")),
            Length(max=MAX_QUESTION, message=_l("Schrijf het antwoord korter, in 2000 tekens.")),
        ],
    )


class HoursForm(FlaskForm):
    """The opening hours of one agenda as text, one line per block: "ma 9.00-17.00 4"."""

    uren = TextAreaField(
        _l("Openingstijden en medewerkers"),
        validators=[InputRequired(_l("Vul minstens één regel in, bijvoorbeeld: ma 9.00-17.00 4"))],
    )


class CloseDayForm(FlaskForm):
    agenda = SelectField(
        _l("Wat gaat dicht?"),
        validators=[InputRequired(_l("Kies wat dichtgaat.")), Chosen(_l("Kies wat dichtgaat."))],
        validate_choice=False,
    )
    dag = StringField(
        _l("Datum"),
        filters=[_strip],
        validators=[InputRequired(_l("Vul de datum in, bijvoorbeeld 24-12-2026."))],
        render_kw={"autocomplete": "off"},
    )
    reden = StringField(
        _l("Reden (dit lezen inwoners)"),
        filters=[_strip],
        validators=[
            InputRequired(_l("Schrijf kort waarom, bijvoorbeeld: Wij hebben een storing.")),
            Length(max=200, message=_l("Schrijf de reden korter, in 200 tekens of minder.")),
        ],
    )
    reden_en = StringField(
        _l("Reden in het Engels"),
        filters=[_strip],
        validators=[
            Optional(),
            Length(max=200, message=_l("Schrijf de reden korter, in 200 tekens of minder.")),
        ],
    )
    zeker = HiddenField()


class TopicLengthForm(FlaskForm):
    onderwerp = SelectField(
        _l("Onderwerp"),
        validators=[InputRequired(_l("Kies een onderwerp.")), Chosen(_l("Kies een onderwerp."))],
        validate_choice=False,
    )
    minuten = StringField(
        _l("Minuten per gesprek"),
        filters=[_strip],
        validators=[InputRequired(_l("Vul het aantal minuten in, bijvoorbeeld 30."))],
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )

    def validate_minuten(self, field: Field) -> None:
        if not str(field.data).isdigit() or not 5 <= int(field.data) <= 240:
            raise ValidationError(_("Vul een getal in van 5 tot en met 240."))
