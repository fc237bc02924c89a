"""Forms of the reader panel and the dashboard filter. Error messages say what to do."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from app.pages.content import Page
from app.panel.labels import LANG_LABELS, REASON_LABELS, VERDICT_LABELS
from app.panel.models import PanelMark
from app.panel.pages import Block, today
from app.panel.service import MarkInput, Outcome

MAX_READERS = 50
MAX_SUGGESTION = 1000
MAX_NOTES = 2000
# Day-month-year as people write it (12-11-2026, 12/11/2026, 12.11.2026), or ISO 2026-11-12.
DMY = re.compile(r"^(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})$")
YMD = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
FIRST_YEAR = 2000
FILTERS = ("niet-getest", "oud")


class MultiCheckboxField(SelectMultipleField):
    """Checkboxes; render with the `choices` macro."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def parse_date(text: str) -> dt.date | None:
    """Return the date in `text` (12-11-2026 or 2026-11-12), or None when it is not one."""
    match = DMY.match(text.strip()) or YMD.match(text.strip())
    if match is None:
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:  # 31-02-2026
        return None


class StartForm(FlaskForm):
    page = SelectField(_l("Welke tekst lezen de lezers?"), choices=[], validate_choice=False)

    def set_pages(self, pages: list[Page]) -> None:
        """Offer `pages` grouped by variant and language, easy-read first."""
        choices = [SelectChoice("", _("Kies een pagina"))]
        for page in pages:
            if page.variant == "makkelijk":
                group = _("Makkelijk lezen")
            else:
                group = _("B1, %(lang)s", lang=LANG_LABELS[page.lang])
            choices.append(SelectChoice(page.key, page.title, optgroup=group))
        self.page.choices = choices
        self._keys = {choice.value for choice in choices if choice.value}

    def validate_page(self, field: Field) -> None:
        if not field.data:
            raise ValidationError(_("Kies de pagina die de lezers gaan lezen."))
        if field.data not in getattr(self, "_keys", set()):
            raise ValidationError(_("Deze pagina bestaat niet. Kies een pagina uit de lijst."))


class OutcomeForm(FlaskForm):
    readers = StringField(
        _l("Aantal lezers"), render_kw={"inputmode": "numeric", "autocomplete": "off"}
    )
    tested_on = StringField(_l("Datum van de test"), render_kw={"autocomplete": "off"})
    organisation = StringField(
        _l("Organisatie van de lezers"),
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        validators=[
            DataRequired(_l("Vul de naam van de organisatie in, bijvoorbeeld Zelfbewust.")),
            Length(max=120, message=_l("Maak de naam korter: hoogstens 120 tekens.")),
        ],
    )
    verdict = RadioField(
        _l("Wat vonden de lezers van de hele tekst?"),
        choices=[SelectChoice(key, label) for key, label in VERDICT_LABELS.items()],
        validate_choice=False,  # our own message below says what to do
    )
    notes = TextAreaField(
        _l("Andere opmerkingen over de hele tekst (als u die heeft)"),
        validators=[
            Length(max=MAX_NOTES, message=_l("Maak de opmerkingen korter: hoogstens 2000 tekens."))
        ],
    )

    def validate_readers(self, field: Field) -> None:
        text = (field.data or "").strip()
        if not text:
            raise ValidationError(_("Vul het aantal lezers in, bijvoorbeeld 4."))
        # isdecimal, not isdigit: "²" is a digit that int() refuses; 4 characters is plenty.
        if not text.isascii() or not text.isdecimal() or len(text) > 4:
            raise ValidationError(_("Vul het aantal lezers in met cijfers, bijvoorbeeld 4."))
        if not 1 <= int(text) <= MAX_READERS:
            raise ValidationError(
                _("Vul een aantal van 1 tot en met %(max)d in, bijvoorbeeld 4.", max=MAX_READERS)
            )

    def validate_tested_on(self, field: Field) -> None:
        text = (field.data or "").strip()
        if not text:
            raise ValidationError(_("Vul de datum van de test in, bijvoorbeeld 12-11-2026."))
        date = parse_date(text)
        if date is None:
            raise ValidationError(_("Vul de datum in als dag-maand-jaar, bijvoorbeeld 12-11-2026."))
        if date > today():
            raise ValidationError(
                _("Deze datum ligt in de toekomst. Vul de dag in waarop de lezers de tekst lazen.")
            )
        if date.year < FIRST_YEAR:
            raise ValidationError(_("Vul een datum na het jaar 2000 in, bijvoorbeeld 12-11-2026."))

    def validate_verdict(self, field: Field) -> None:
        if field.data not in VERDICT_LABELS:
            raise ValidationError(_("Kies wat de lezers van de hele tekst vonden."))

    def outcome(self) -> Outcome:
        """Return the checked answers; call after `validate_on_submit()` succeeded."""
        return Outcome(
            readers=int(self.readers.data.strip()),
            tested_on=parse_date(self.tested_on.data) or today(),
            organisation=self.organisation.data or "",
            verdict=self.verdict.data or "",
            notes=self.notes.data or "",
        )


def reason_name(no: int) -> str:
    return f"zin_{no}_reden"


def remark_name(no: int) -> str:
    return f"zin_{no}_opmerking"


def _check_reasons(no: int) -> Callable[[FlaskForm, Field], None]:
    def check(form: FlaskForm, field: Field) -> None:
        if set(field.data or ()) - set(REASON_LABELS):
            raise ValidationError(_("Kies bij zin %(no)d een reden uit de lijst.", no=no))
        if (form[remark_name(no)].data or "").strip() and not field.data:
            raise ValidationError(
                _(
                    "Kies bij zin %(no)d wat er lastig was. Was de zin niet lastig? "
                    "Maak de opmerking dan leeg.",
                    no=no,
                )
            )

    return check


def _check_remark(no: int) -> Callable[[FlaskForm, Field], None]:
    def check(form: FlaskForm, field: Field) -> None:
        if "anders" in (form[reason_name(no)].data or ()) and not (field.data or "").strip():
            raise ValidationError(_("Schrijf bij zin %(no)d op wat er anders lastig was.", no=no))

    return check


class BlockForm(FlaskForm):
    """For each sentence of a block: what was hard (checkboxes) and a remark. See `block_form`."""

    block: Block

    def sentence_fields(self) -> list[tuple[Any, Field, Field]]:
        """Return (sentence, reasons field, remark field) in page order."""
        return [(s, self[reason_name(s.no)], self[remark_name(s.no)]) for s in self.block.sentences]

    def marks(self) -> dict[int, MarkInput]:
        return {
            s.no: MarkInput(tuple(reasons.data or ()), (remark.data or "").strip())
            for s, reasons, remark in self.sentence_fields()
        }


def block_form(block: Block, marks: list[PanelMark]) -> BlockForm:
    """Build the form for one block, filled in with what was saved before."""
    fields: dict[str, Any] = {"block": block}
    data: dict[str, Any] = {}
    saved = {m.sentence_no: m for m in marks}
    for sentence in block.sentences:
        if sentence.heading:
            legend = _l("Kopje, zin %(no)d: %(text)s", no=sentence.no, text=sentence.text)
        else:
            legend = _l("Zin %(no)d: %(text)s", no=sentence.no, text=sentence.text)
        fields[reason_name(sentence.no)] = MultiCheckboxField(
            legend,
            choices=[SelectChoice(key, label) for key, label in REASON_LABELS.items()],
            validate_choice=False,  # _check_reasons says what to do instead
            validators=[_check_reasons(sentence.no)],
        )
        fields[remark_name(sentence.no)] = TextAreaField(
            _l("Opmerking bij zin %(no)d", no=sentence.no),
            validators=[
                Length(
                    max=MAX_SUGGESTION,
                    message=_l(
                        "Maak de opmerking bij zin %(no)d korter: hoogstens 1000 tekens.",
                        no=sentence.no,
                    ),
                ),
                _check_remark(sentence.no),
            ],
        )
        mark = saved.get(sentence.no)
        if mark is not None:
            data[reason_name(sentence.no)] = mark.reason_list
            data[remark_name(sentence.no)] = mark.suggestion
    form_class = type("BlockForm", (BlockForm,), fields)
    return form_class(data=data)  # type: ignore[no-any-return]


class FilterForm(FlaskForm):
    """The dashboard filter: a GET form, so it has no CSRF token."""

    class Meta:
        csrf = False

    toon = MultiCheckboxField(
        _l("Laat alleen deze pagina's zien"),
        choices=[
            SelectChoice("niet-getest", _l("Nog niet getest met lezers")),
            SelectChoice("oud", _l("Meer dan een jaar niet gecontroleerd")),
        ],
        validate_choice=False,  # an unknown value is ignored: it filters nothing
    )

    def chosen(self) -> set[str]:
        return set(self.toon.data or ()) & set(FILTERS)


class TodoForm(FlaskForm):
    """Tick a to-do off or on; the forms are written out in the template (many per page)."""

    klaar = StringField(validators=[InputRequired()])

    def validate_klaar(self, field: Field) -> None:
        if field.data not in ("ja", "nee"):
            raise ValidationError("ja or nee")
