"""The language-check form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

MAX_CHARS = 20_000


class CheckForm(FlaskForm):
    text = TextAreaField(
        _l("Uw tekst"),
        validators=[
            Optional(),
            Length(
                max=MAX_CHARS,
                message=_l(
                    "Uw tekst is te lang. Controleer hem in delen van hoogstens 20.000 tekens."
                ),
            ),
        ],
        render_kw={"spellcheck": "true"},
    )
    profile = RadioField(
        _l("Voor wie schrijft u?"),
        choices=[
            SelectChoice("b1", _l("Gewone pagina (taalniveau B1)")),
            SelectChoice("makkelijk", _l("Makkelijk lezen (taalniveau A2)")),
        ],
        default="b1",
        validate_choice=False,  # a missing or odd value falls back to b1 in the view
    )
    lang = RadioField(
        _l("In welke taal is de tekst?"),
        choices=[SelectChoice("nl", _l("Nederlands")), SelectChoice("en", _l("Engels"))],
        default="nl",
        validate_choice=False,
    )
    page = SelectField(_l("Of kies een pagina van de website"), choices=[], validate_choice=False)
