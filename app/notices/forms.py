"""Forms for the opt-out without DigiD: by the code on a letter, or recorded by staff."""

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from app.identity.numbers import valid_bsn
from app.mijn.forms import postcode_check

WHAT = [
    ("af", _l("Ik wil deze berichten niet meer krijgen")),
    ("aan", _l("Ik wil deze berichten weer krijgen")),
]


class CodeForm(FlaskForm):
    code = StringField(
        _l("De code uit de brief"),
        validators=[
            DataRequired(_l("Vul de code uit de brief in, bijvoorbeeld ML-4736-KM.")),
            Length(max=20),
        ],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    postcode = StringField(
        _l("Uw postcode"),
        validators=[DataRequired(_l("Vul uw postcode in, bijvoorbeeld 6511 AB.")), postcode_check],
        render_kw={"autocomplete": "postal-code"},
    )
    actie = RadioField(
        _l("Wat wilt u?"),
        choices=WHAT,
        default="af",
        validators=[DataRequired(_l("Kies wat u wilt."))],
        validate_choice=True,
    )


class StaffForm(FlaskForm):
    bsn = StringField(
        _l("Burgerservicenummer van de inwoner"),
        validators=[DataRequired(_l("Vul het burgerservicenummer in: 9 cijfers."))],
        render_kw={"autocomplete": "off", "inputmode": "numeric"},
    )
    actie = RadioField(
        _l("Wat wilt u doen?"),
        choices=[
            ("bekijk", _l("Alleen bekijken")),
            ("af", _l("Afmelden: de inwoner wil geen berichten meer")),
            ("aan", _l("Weer aanmelden: de inwoner wil weer berichten")),
        ],
        default="bekijk",
        validators=[DataRequired(_l("Kies wat u wilt doen."))],
        validate_choice=True,
    )
    kanaal = RadioField(
        _l("Hoe vroeg de inwoner het?"),
        choices=[
            ("balie", _l("Aan de balie")),
            ("telefoon", _l("Aan de telefoon")),
            ("brief", _l("Met een brief")),
        ],
        default="balie",
        validators=[DataRequired(_l("Kies hoe de inwoner het vroeg."))],
        validate_choice=True,
    )

    def validate_bsn(self, field: Any) -> None:
        field.data = "".join((field.data or "").split())
        if not valid_bsn(field.data):
            raise ValidationError(
                _l("Dit is geen geldig burgerservicenummer. Kijk of u 9 cijfers goed hebt overgenomen.")
            )
