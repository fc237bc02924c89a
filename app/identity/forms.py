"""The demo login's choice of a fictitious resident."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField
from wtforms.validators import DataRequired


class DemoLoginForm(FlaskForm):
    person = RadioField(
        _l("Als wie wilt u inloggen?"),
        validators=[DataRequired(_l("Kies als wie u wilt inloggen."))],
        validate_choice=True,
    )
    state = HiddenField()
    method = HiddenField()


class LogoutForm(FlaskForm):
    """Only the CSRF token: logging out is a POST, so no other site can log a resident out."""


class ExtendForm(FlaskForm):
    """Stay logged in: the page to return to (a path on this site; checked before use)."""

    terug = HiddenField()


class StopForm(FlaskForm):
    """Stop and wipe: only the CSRF token, so no other site can wipe a session."""
