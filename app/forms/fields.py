"""One WTForms form per step, built from the step's questions; and the answer it gives.

Every question renders through the shared field macros (templates/components/form.html). A
required question says what to do when it is empty (its `error` text); a formatted one says
how to write it. Checks that need more than one field (an address looked up by postcode and
number, the way to get a confirmation, files) run in `StepForm.validate`, so every error of
a step shows at once, each at its own field, and what was typed stays.
"""

from collections.abc import Callable, Mapping
from typing import Any

from flask import current_app, request
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from werkzeug.datastructures import FileStorage
from wtforms import (
    BooleanField,
    Field,
    MultipleFileField,
    RadioField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from app.address.base import AddressQuery, PostalAddress, normalise_number, normalise_postcode
from app.address.service import look_up
from app.core.time import local_today
from app.forms import uploads, values
from app.forms.definitions import FormDef, Question, StepDef

Data = dict[str, Any]
ADDRESS_PARTS = ("postcode", "huisnummer", "toevoeging", "straat", "woonplaats")
EVIDENCE_CHOICES = ("nu", "later", "meenemen")
MAX_FILES = 10


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class Required:
    """The question must be answered; the message is the definition's instruction."""

    def __init__(self, message: str) -> None:
        self.message = message
        self.field_flags = {"required": True}

    def __call__(self, form: Any, field: Field) -> None:
        data = field.data
        if data is None or (isinstance(data, str | list) and not data):
            raise ValidationError(self.message)


class OneOf:
    """A choice is one of the options offered: a forged value gets an instruction too."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form: Any, field: Field) -> None:
        offered = {str(c.value if isinstance(c, SelectChoice) else c[0]) for c in field.choices}
        given = field.data if isinstance(field.data, list) else [field.data]
        if any(str(v) not in offered for v in given if v not in (None, "")):
            raise ValidationError(self.message)


def _format_check(fmt: str) -> Callable[[Any, Field], None]:
    def check(form: Any, field: Field) -> None:
        if not field.data:
            return
        if fmt == "postcode" and normalise_postcode(field.data) is None:
            raise ValidationError(
                _("Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 6511 AB.")
            )
        if fmt == "iban" and values.parse_iban(field.data) is None:
            raise ValidationError(
                _(
                    "Dit rekeningnummer klopt niet. Kijk het na op uw bankpas of in uw bank-app. "
                    "Het ziet er zo uit: NL91 ABNA 0417 1643 00."
                )
            )
        if fmt == "kenteken" and values.parse_plate(field.data) is None:
            raise ValidationError(
                _("Dit kenteken klopt niet. Het heeft 6 letters en cijfers, bijvoorbeeld ZZ-301-D.")
            )
        if fmt == "datum" and values.parse_date(field.data, local_today()) is None:
            raise ValidationError(
                _("Vul een datum in met dag, maand en jaar, bijvoorbeeld 12-04-1986.")
            )
        if fmt == "email" and not _looks_like_email(field.data):
            raise ValidationError(
                _("Vul een e-mailadres in met een @ erin, bijvoorbeeld naam@voorbeeld.nl.")
            )

    return check


def _money_check(form: Any, field: Field) -> None:
    if field.data and values.parse_money(field.data) is None:
        raise ValidationError(
            _("Vul een bedrag in euro's in, met alleen cijfers en een komma. Bijvoorbeeld 1450,00.")
        )


def _looks_like_email(value: str) -> bool:
    name, at, domain = value.partition("@")
    return bool(at and name and "." in domain and " " not in value and len(domain) > 3)


AUTOCOMPLETE = {"naam": "name", "iban": "off", "geboren": "bday"}


def _render_kw(question: Question) -> dict[str, str]:
    kw: dict[str, str] = {}
    if question.format in ("iban", "kenteken", "postcode"):
        kw.update({"spellcheck": "false", "autocomplete": "off", "autocapitalize": "characters"})
    if question.format == "datum":
        kw.update({"inputmode": "numeric", "autocomplete": "bday" if question.prefill else "off"})
    if question.format == "email":
        kw.update({"type": "email", "autocomplete": "email", "spellcheck": "false"})
    if question.format == "telefoon":
        kw.update({"type": "tel", "autocomplete": "tel"})
    if question.kind == "bedrag":
        kw.update({"inputmode": "decimal", "autocomplete": "off"})
    if question.prefill == "naam":
        kw.update({"autocomplete": "name", "spellcheck": "false"})
    return kw


def _fields_for(question: Question, lang: str) -> dict[str, Field]:
    """The WTForms fields of one question (an address or contact question has several)."""
    name, label = question.name, question.label.get(lang)
    required = [Required(question.error.get(lang))] if question.required and question.error else []
    length = Length(
        max=question.max_length,
        message=_("Schrijf het korter, in %(n)d tekens of minder.", n=question.max_length),
    )
    kind = question.kind
    if kind == "tekst":
        checks = [_format_check(question.format)] if question.format else []
        return {
            name: StringField(
                label,
                filters=[_strip],
                validators=[*required, length, *checks],
                render_kw=_render_kw(question),
            )
        }
    if kind == "lang":
        return {name: TextAreaField(label, filters=[_strip], validators=[*required, length])}
    if kind == "bedrag":
        return {
            name: StringField(
                label,
                filters=[_strip],
                validators=[
                    *required,
                    Length(max=20, message=_("Schrijf het bedrag korter.")),
                    _money_check,
                ],
                render_kw=_render_kw(question),
            )
        }
    if kind in ("keuze", "janee"):
        options = (
            [SelectChoice("ja", _("Ja")), SelectChoice("nee", _("Nee"))]
            if kind == "janee"
            else [SelectChoice(o.value, o.label.get(lang)) for o in question.options]
        )
        wrong = question.error.get(lang) if question.error else _("Kies een van de antwoorden.")
        return {
            name: RadioField(
                label, choices=options, validators=[*required, OneOf(wrong)], validate_choice=False
            )
        }
    if kind == "meerkeuze":
        wrong = question.error.get(lang) if question.error else _("Kies uit de lijst.")
        return {
            name: MultiCheckboxField(
                label,
                choices=[SelectChoice(o.value, o.label.get(lang)) for o in question.options],
                validators=[*required, OneOf(wrong)],
                validate_choice=False,
            )
        }
    if kind == "adres":
        return _address_fields(name, label)
    if kind == "bewijs":
        return {
            name: RadioField(
                label,
                choices=[
                    SelectChoice("nu", _("Ik stuur het nu mee")),
                    SelectChoice("later", _("Ik stuur het later op")),
                    SelectChoice("meenemen", _("Ik neem het mee naar de Stadswinkel")),
                ],
                validators=[
                    Required(_("Kies of u het bewijs nu meestuurt, later opstuurt of meeneemt.")),
                    OneOf(_("Kies of u het bewijs nu meestuurt, later opstuurt of meeneemt.")),
                ],
                validate_choice=False,
            ),
            f"{name}_bestanden": MultipleFileField(
                _("Kies de bestanden"),
                render_kw={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"},
            ),
            f"{name}_houden": MultiCheckboxField(
                _("Deze bestanden stuurt u mee"), validate_choice=False
            ),
        }
    if kind == "foto":
        return {
            name: MultipleFileField(
                label, render_kw={"accept": ".jpg,.jpeg,.png,image/jpeg,image/png"}
            ),
            f"{name}_weg": BooleanField(_("Stuur deze foto niet mee")),
        }
    if kind == "contact":
        return _contact_fields(question, lang)
    raise ValueError(kind)


def _address_fields(name: str, label: str) -> dict[str, Field]:
    return {
        f"{name}_postcode": StringField(
            _("Postcode"),
            filters=[_strip],
            validators=[
                Length(
                    max=10,
                    message=_(
                        "Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 6511 AB."
                    ),
                )
            ],
            render_kw={"autocomplete": "postal-code", "spellcheck": "false"},
        ),
        f"{name}_huisnummer": StringField(
            _("Huisnummer"),
            filters=[_strip],
            validators=[
                Length(
                    max=8,
                    message=_(
                        "Vul alleen het nummer in, bijvoorbeeld 12. "
                        "Een letter kan in het vakje hierna."
                    ),
                )
            ],
            render_kw={"inputmode": "numeric", "autocomplete": "off"},
        ),
        f"{name}_toevoeging": StringField(
            _("Letter of toevoeging (als u die hebt)"),
            filters=[_strip],
            validators=[Length(max=10, message=_("Vul alleen de letter of de toevoeging in."))],
            render_kw={"autocomplete": "off"},
        ),
        f"{name}_straat": StringField(
            _("Straat"),
            filters=[_strip],
            validators=[Length(max=120, message=_("Schrijf de straat korter."))],
            render_kw={"autocomplete": "address-line1"},
        ),
        f"{name}_woonplaats": StringField(
            _("Woonplaats"),
            filters=[_strip],
            validators=[Length(max=60, message=_("Schrijf de woonplaats korter."))],
            render_kw={"autocomplete": "address-level2"},
        ),
    }


def contact_choices(question: Question, has_address: bool) -> list[SelectChoice]:
    choices = [SelectChoice("email", _("Per e-mail")), SelectChoice("sms", _("Per sms"))]
    if question.letter and has_address:
        choices.append(SelectChoice("brief", _("Met een brief naar het adres in dit formulier")))
    if not question.required:
        choices.append(SelectChoice("geen", _("Ik wil geen bericht")))
    return choices


def _contact_fields(question: Question, lang: str) -> dict[str, Field]:
    name = question.name
    message = _("Kies hoe u de bevestiging wilt krijgen.")
    return {
        name: RadioField(
            question.label.get(lang),
            validators=[Required(message), OneOf(message)],
            validate_choice=False,
        ),
        f"{name}_email": StringField(
            _("E-mailadres"),
            filters=[_strip],
            validators=[
                Length(max=254, message=_("Dit e-mailadres is te lang. Kijk of het klopt."))
            ],
            render_kw={"autocomplete": "email", "spellcheck": "false", "type": "email"},
        ),
        f"{name}_telefoon": StringField(
            _("Mobiel nummer"),
            filters=[_strip],
            validators=[Length(max=30, message=_("Dit nummer is te lang. Kijk of het klopt."))],
            render_kw={"autocomplete": "tel", "type": "tel"},
        ),
    }


class StepForm(FlaskForm):
    """A step's form. `checks` run after the field validators (see the module docstring)."""

    checks: tuple[Callable[["StepForm"], bool], ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.resolved: Data = {}  # what the checks found: looked-up addresses, checked files

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        for check in self.checks:
            ok = check(self) and ok
        return ok

    def fail(self, field: str, message: str) -> bool:
        self[field].errors = [*self[field].errors, message] if self[field].errors else [message]
        return False


# --- checks that need several fields -------------------------------------------------------------


def _address_check(
    question: Question, offered: Mapping[str, Any] | None
) -> Callable[[StepForm], bool]:
    name = question.name

    def check(form: StepForm) -> bool:
        part = {p: (form[f"{name}_{p}"].data or "") for p in ADDRESS_PARTS}
        if form[f"{name}_postcode"].errors or form[f"{name}_huisnummer"].errors:
            return False
        if not part["postcode"]:
            return form.fail(f"{name}_postcode", _("Vul de postcode in, bijvoorbeeld 6511 AB."))
        postcode = normalise_postcode(part["postcode"])
        if postcode is None:
            return form.fail(
                f"{name}_postcode",
                _("Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 6511 AB."),
            )
        if not part["huisnummer"]:
            return form.fail(f"{name}_huisnummer", _("Vul het huisnummer in, bijvoorbeeld 12."))
        number = normalise_number(part["huisnummer"])
        if number is None:
            return form.fail(
                f"{name}_huisnummer",
                _("Vul alleen het nummer in, bijvoorbeeld 12. Een letter kan in het vakje hierna."),
            )
        suffix = part["toevoeging"]
        if offered and _same_address(offered, postcode, number, suffix):
            # The register's own address, unchanged: no lookup needed (and none can fail).
            form.resolved[name] = PostalAddress(
                str(offered["straat"]), number, postcode, str(offered["woonplaats"]), suffix, "brp"
            ).to_data()
            return True
        if part["straat"] or part["woonplaats"]:
            if not part["straat"]:
                return form.fail(f"{name}_straat", _("Vul de naam van de straat in."))
            if not part["woonplaats"]:
                return form.fail(
                    f"{name}_woonplaats", _("Vul de woonplaats in, bijvoorbeeld Nijmegen.")
                )
            form.resolved[name] = PostalAddress(
                part["straat"], number, postcode, part["woonplaats"], suffix
            ).to_data()
            return True
        found = look_up(AddressQuery(postcode, number, suffix))
        if found.unavailable:
            return form.fail(
                f"{name}_straat",
                _("Wij kunnen het adres nu niet opzoeken. Vul zelf de straat en de woonplaats in."),
            )
        if found.address is not None:
            form.resolved[name] = found.address.to_data()
            return True
        if len(found.found) > 1:
            return form.fail(
                f"{name}_toevoeging",
                _("Op dit huisnummer zijn meer adressen. Vul de letter of toevoeging in."),
            )
        return form.fail(
            f"{name}_postcode",
            _(
                "Wij vinden dit adres niet. Kijk of de postcode en het huisnummer kloppen. "
                "Of vul zelf de straat en de woonplaats in."
            ),
        )

    return check


def _same_address(offered: Mapping[str, Any], postcode: str, number: str, suffix: str) -> bool:
    def clean(value: Any) -> str:
        return "".join(c for c in str(value or "").upper() if c.isalnum())

    return (
        normalise_postcode(str(offered.get("postcode", ""))) == postcode
        and str(offered.get("huisnummer")) == number
        and clean(offered.get("toevoeging")) == clean(suffix)
    )


def _contact_check(question: Question) -> Callable[[StepForm], bool]:
    from app.booking.contact import is_mobile, normalise_email, normalise_phone

    name = question.name

    def check(form: StepForm) -> bool:
        way = form[name].data
        if form[name].errors or not way:
            return False
        email = normalise_email(form[f"{name}_email"].data)
        typed_phone = form[f"{name}_telefoon"].data or ""
        chosen: Data = {"kanaal": way, "email": "", "telefoon": ""}
        if way == "email":
            if not email:
                return form.fail(
                    f"{name}_email", _("Vul uw e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
                )
            if not _looks_like_email(email):
                return form.fail(
                    f"{name}_email",
                    _("Vul een e-mailadres in met een @ erin, bijvoorbeeld naam@voorbeeld.nl."),
                )
            chosen["email"] = email
        if way == "sms":
            if not typed_phone:
                return form.fail(
                    f"{name}_telefoon", _("Vul uw telefoonnummer in, bijvoorbeeld 06 12 34 56 78.")
                )
            phone = normalise_phone(typed_phone)
            if phone is None:
                return form.fail(
                    f"{name}_telefoon",
                    _("Vul een telefoonnummer in met 10 cijfers, bijvoorbeeld 06 12 34 56 78."),
                )
            if not is_mobile(phone):
                return form.fail(
                    f"{name}_telefoon",
                    _("Een sms kan alleen naar een mobiel nummer. Dat begint met 06."),
                )
            chosen["telefoon"] = phone
        form.resolved[name] = chosen
        return True

    return check


def _files(data: Any) -> list[FileStorage]:
    """The files really chosen (text sent in a file field, or an empty file input, is none)."""
    return [f for f in (data or []) if isinstance(f, FileStorage) and f.filename]


def _limit() -> int:
    return int(current_app.config.get("FORMS_UPLOAD_MAX_BYTES", 5 * 1024 * 1024))


def _evidence_check(
    question: Question, stored: Mapping[str, Any] | None
) -> Callable[[StepForm], bool]:
    name = question.name
    before = {f["id"]: f for f in ((stored or {}).get(name) or {}).get("bestanden", [])}

    def check(form: StepForm) -> bool:
        kept = [before[i] for i in (form[f"{name}_houden"].data or []) if i in before]
        new = _files(form[f"{name}_bestanden"].data)
        checked: list[uploads.Checked] = []
        for upload in new:
            try:
                checked.append(uploads.check_evidence(upload, _limit()))
            except uploads.Refused as refused:
                return form.fail(f"{name}_bestanden", f"{upload.filename}: {refused}")
        if len(kept) + len(checked) > MAX_FILES:
            return form.fail(
                f"{name}_bestanden",
                _("U kunt hier hoogstens %(n)d bestanden sturen. Maak er minder van.", n=MAX_FILES),
            )
        if form[name].data == "nu" and not kept and not checked:
            return form.fail(
                f"{name}_bestanden",
                _("Kies een bestand om mee te sturen. Of kies dat u het later opstuurt."),
            )
        form.resolved[name] = {"kept": kept, "new": checked}
        return True

    return check


def _photo_check(
    question: Question, stored: Mapping[str, Any] | None
) -> Callable[[StepForm], bool]:
    name = question.name
    before = ((stored or {}).get(name)) or None

    def check(form: StepForm) -> bool:
        new = _files(form[name].data)
        if len(new) > 1:
            return form.fail(name, _("Kies 1 foto."))
        if new:
            try:
                form.resolved[name] = {"new": uploads.check_photo(new[0], _limit())}
            except uploads.Refused as refused:
                return form.fail(name, str(refused))
            return True
        keep = before if before and not form[f"{name}_weg"].data else None
        form.resolved[name] = {"kept": keep}
        return True

    return check


# --- the form of a step --------------------------------------------------------------------------


def has_files(step: StepDef) -> bool:
    return any(q.kind in ("bewijs", "foto") for q in step.questions)


def build_form(
    form: FormDef,
    step: StepDef,
    answers: Mapping[str, Any],
    stored: Mapping[str, Any] | None,
    offered: Mapping[str, Any],
    lang: str,
    previous: Mapping[str, Any] | None = None,
) -> StepForm:
    """Return the step's form: on GET with the stored answer (or what the registers offer).

    :param stored: what the fields show (None on POST: the fields show what was sent).
    :param previous: the answer stored before, whose files may be kept.
    """
    previous = previous if previous is not None else stored
    attrs: dict[str, Any] = {}
    checks: list[Callable[[StepForm], bool]] = []
    for question in step.questions:
        attrs.update(_fields_for(question, lang))
        if question.kind == "adres":
            offer = offered.get(question.name)
            checks.append(_address_check(question, offer["waarde"] if offer else None))
        elif question.kind == "contact":
            checks.append(_contact_check(question))
        elif question.kind == "bewijs":
            checks.append(_evidence_check(question, previous))
        elif question.kind == "foto":
            checks.append(_photo_check(question, previous))
    attrs["checks"] = tuple(checks)
    cls = type(f"Step_{form.slug}_{step.name}", (StepForm,), attrs)
    posted = request.method == "POST"
    initial = None if posted else field_data(step, stored, offered, lang)
    built: StepForm = cls(data=initial) if initial else cls()
    for question in step.questions:
        if question.kind == "contact":
            built[question.name].choices = contact_choices(question, has_address(form, answers))
        if question.kind == "bewijs":
            files = ((previous or {}).get(question.name) or {}).get("bestanden", [])
            built[f"{question.name}_houden"].choices = [
                SelectChoice(f["id"], f["naam"]) for f in files
            ]
    return built


def has_address(form: FormDef, answers: Mapping[str, Any]) -> bool:
    """Whether the form holds an address a letter can go to (the resident's own)."""
    return address_of(form, answers) is not None


def address_of(form: FormDef, answers: Mapping[str, Any]) -> PostalAddress | None:
    for step, question in form.questions_of("adres"):
        if question.prefill == "adres":
            value = (answers.get(step.name) or {}).get(question.name)
            if isinstance(value, dict) and value.get("street"):
                return PostalAddress.from_data(value)
    return None


def field_data(
    step: StepDef, stored: Mapping[str, Any] | None, offered: Mapping[str, Any], lang: str
) -> Data:
    """What the fields show: the stored answer, else what the registers offer."""
    shown: Data = {}
    for question in step.questions:
        name = question.name
        if stored is not None and name in stored:
            value = stored[name]
        elif name in offered:
            value = _offered_value(question, offered[name]["waarde"])
        else:
            continue
        if value is None:
            continue
        if question.kind == "bedrag" and isinstance(value, int):
            shown[name] = values.money_field(value, lang)
        elif question.kind == "adres" and isinstance(value, dict):
            if "street" in value:  # a stored PostalAddress
                shown.update(
                    {
                        f"{name}_postcode": value.get("postcode", ""),
                        f"{name}_huisnummer": value.get("number", ""),
                        f"{name}_toevoeging": value.get("suffix", ""),
                        f"{name}_straat": value.get("street", "")
                        if value.get("source") == "zelf"
                        else "",
                        f"{name}_woonplaats": value.get("city", "")
                        if value.get("source") == "zelf"
                        else "",
                    }
                )
            else:  # what the register offers: postcode and number; the rest is looked up
                shown.update(
                    {
                        f"{name}_{p}": value.get(p, "")
                        for p in ("postcode", "huisnummer", "toevoeging")
                    }
                )
        elif question.kind == "bewijs" and isinstance(value, dict):
            shown[name] = value.get("keuze")
            shown[f"{name}_houden"] = [f["id"] for f in value.get("bestanden", [])]
        elif question.kind == "contact" and isinstance(value, dict):
            shown[name] = value.get("kanaal")
            shown[f"{name}_email"] = value.get("email", "")
            shown[f"{name}_telefoon"] = _phone_field(value.get("telefoon", ""))
        elif question.kind == "foto":
            continue
        else:
            shown[name] = value
    return shown


def _phone_field(phone: str) -> str:
    from app.booking.contact import phone_words

    return phone_words(phone) if phone else ""


def _offered_value(question: Question, value: Any) -> Any:
    if question.kind == "bedrag" and isinstance(value, str):
        return values.parse_money(value)
    return value


def answer_of(step: StepDef, form: StepForm) -> Data:
    """The stored answer of a valid form (files still to store are in `form.resolved`)."""
    answer: Data = {}
    for question in step.questions:
        name = question.name
        if question.kind in ("tekst", "lang"):
            answer[name] = _normalised(question, form[name].data or "")
        elif question.kind == "bedrag":
            answer[name] = values.parse_money(form[name].data) if form[name].data else None
        elif question.kind in ("keuze", "janee"):
            answer[name] = form[name].data or None
        elif question.kind == "meerkeuze":
            order = [o.value for o in question.options]
            answer[name] = [v for v in order if v in (form[name].data or [])]
        elif question.kind == "adres" or question.kind == "contact":
            answer[name] = form.resolved.get(name)
        elif question.kind == "bewijs":
            answer[name] = {"keuze": form[name].data, "bestanden": []}
        elif question.kind == "foto":
            answer[name] = None
    return answer


def _normalised(question: Question, typed: str) -> str:
    if not typed:
        return ""
    if question.format == "iban":
        return values.parse_iban(typed) or typed
    if question.format == "kenteken":
        return values.parse_plate(typed) or typed
    if question.format == "postcode":
        return normalise_postcode(typed) or typed
    if question.format == "datum":
        found = values.parse_date(typed, local_today())
        return values.date_field(found) if found else typed
    return typed


def answered(step: StepDef, answer: Mapping[str, Any]) -> bool:
    """Whether a stored answer still holds every required answer of the step."""
    if answer.get("_ophalen"):
        return False  # a draft without its register values: show the step again
    for question in step.questions:
        value = answer.get(question.name)
        if question.kind in ("foto",) or not question.required:
            continue
        if value in (None, "", [], {}):
            return False
    return True
