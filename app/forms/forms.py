"""The fixed forms around the form steps: save for later, resume, "past niet", withdraw."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


class SaveForm(FlaskForm):
    postcode = StringField(
        _l("Uw postcode"),
        filters=[_strip],
        validators=[
            InputRequired(_l("Vul uw postcode in, bijvoorbeeld 6511 AB.")),
            Length(max=12, message=_l("Vul alleen uw postcode in, bijvoorbeeld 6511 AB.")),
        ],
        render_kw={"autocomplete": "postal-code", "spellcheck": "false"},
    )
    sturen = RadioField(
        _l("Wilt u de code ook krijgen?"),
        choices=[
            SelectChoice("nee", _l("Nee, ik schrijf de code op")),
            SelectChoice("email", _l("Ja, per e-mail")),
            SelectChoice("sms", _l("Ja, per sms")),
        ],
        default="nee",
        validate_choice=False,
    )
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


class ResumeForm(FlaskForm):
    code = StringField(
        _l("Uw code"),
        filters=[_strip],
        validators=[
            InputRequired(_l("Vul uw code in, bijvoorbeeld KW-7Q4-M2X.")),
            Length(max=20, message=_l("Een code ziet er zo uit: KW-7Q4-M2X.")),
        ],
        render_kw={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"},
    )
    postcode = StringField(
        _l("Uw postcode"),
        filters=[_strip],
        validators=[
            InputRequired(_l("Vul de postcode in die u gaf toen u het formulier bewaarde.")),
            Length(max=12, message=_l("Vul alleen uw postcode in, bijvoorbeeld 6511 AB.")),
        ],
        render_kw={"autocomplete": "postal-code", "spellcheck": "false"},
    )


class NotFitForm(FlaskForm):
    wat = TextAreaField(
        _l("Wat past er niet? (als u dat wilt zeggen)"),
        filters=[_strip],
        validators=[Length(max=150, message=_l("Schrijf het korter, in 150 tekens of minder."))],
    )
    meegeven = BooleanField(_l("Geef mijn antwoorden mee aan de medewerker"))


class ConfirmForm(FlaskForm):
    """A button that changes something (withdraw, correct, start again); CSRF only."""

    bevestig = HiddenField(default="1")
