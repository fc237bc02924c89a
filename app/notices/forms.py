"""Forms for the opt-out: in Mijn Loket, by the code on a letter, or recorded by staff."""

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, ValidationError

from app.core.references import normalise
from app.identity.numbers import valid_bsn

POSTCODE = re.compile(r"^\s*[1-9][0-9]{3}\s*[A-Za-z]{2}\s*$")
CODE = re.compile(r"^[A-Z]{2}-[0-9]{4}-[A-Z]{2}$")


def postcode_check(_form: Any, field: Any) -> None:
    if not POSTCODE.match(field.data or ""):
        raise ValidationError(_l("Vul uw postcode in, bijvoorbeeld 6511 AB."))


WHAT = [
    SelectChoice("af", _l("Ik wil deze berichten niet meer krijgen")),
    SelectChoice("aan", _l("Ik wil deze berichten weer krijgen")),
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

    def validate_code(self, field: Any) -> None:
        if not CODE.match(normalise(field.data or "")):
            raise ValidationError(
                _l("Vul de code in zoals hij in de brief staat, bijvoorbeeld ML-4736-KM.")
            )


class MijnForm(FlaskForm):
    """Stop or restart proactive notices in Mijn Loket (the button's value says which)."""

    actie = HiddenField()


class StaffForm(FlaskForm):
    bsn = StringField(
        _l("Burgerservicenummer van de inwoner"),
        validators=[DataRequired(_l("Vul het burgerservicenummer in: 9 cijfers."))],
        render_kw={"autocomplete": "off", "inputmode": "numeric"},
    )
    actie = RadioField(
        _l("Wat wilt u doen?"),
        choices=[
            SelectChoice("bekijk", _l("Alleen bekijken")),
            SelectChoice("af", _l("Afmelden: de inwoner wil geen berichten meer")),
            SelectChoice("aan", _l("Weer aanmelden: de inwoner wil weer berichten")),
        ],
        default="bekijk",
        validators=[DataRequired(_l("Kies wat u wilt doen."))],
        validate_choice=True,
    )
    kanaal = RadioField(
        _l("Hoe vroeg de inwoner het?"),
        choices=[
            SelectChoice("balie", _l("Aan de balie")),
            SelectChoice("telefoon", _l("Aan de telefoon")),
            SelectChoice("brief", _l("Met een brief")),
        ],
        default="balie",
        validators=[DataRequired(_l("Kies hoe de inwoner het vroeg."))],
        validate_choice=True,
    )

    def validate_bsn(self, field: Any) -> None:
        field.data = "".join((field.data or "").split())
        if not valid_bsn(field.data):
            raise ValidationError(
                _l(
                    "Dit is geen geldig burgerservicenummer. "
                    "Kijk of u 9 cijfers goed hebt overgenomen."
                )
            )
