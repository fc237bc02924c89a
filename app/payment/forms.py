"""The demo payment page's choice: pay or cancel (one form per button, both POST with CSRF)."""

from flask_wtf import FlaskForm
from wtforms import HiddenField


class DemoPaymentForm(FlaskForm):
    choice = HiddenField()  # "betalen" or "annuleren"


class TryPaymentForm(FlaskForm):
    """Only the CSRF token: starts an example payment in the Testomgeving."""
