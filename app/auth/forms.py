"""The staff login form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Email, Length


class LoginForm(FlaskForm):
    email = EmailField(
        _l("E-mailadres"),
        validators=[
            DataRequired(_l("Vul uw e-mailadres in, bijvoorbeeld naam@nijmegen.nl")),
            Email(_l("Vul een goed e-mailadres in, bijvoorbeeld naam@nijmegen.nl")),
            Length(max=254, message=_l("Dit e-mailadres is te lang.")),
        ],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )
    password = PasswordField(
        _l("Wachtwoord"),
        validators=[
            DataRequired(_l("Vul uw wachtwoord in.")),
            Length(max=200, message=_l("Dit wachtwoord is te lang.")),
        ],
        render_kw={"autocomplete": "current-password"},
    )
