"""Forms as data: `content/formulieren/<slug>.yaml` read into checked definitions.

A definition names its steps and questions, when a step applies, which register fields the
form may read (its `Purpose`), the case type it creates and, for a permit, what it costs.
Everything is checked when the app starts: an unknown question type, a condition on a question
that comes later, a prefill outside the declared fields or an unknown case type stops the app
with the file and the reason, never a resident halfway through a form.

Every text is `{nl: ..., en: ...}`; the language gate reads them all
(`app/readability/sources.py:form_texts`). See app/forms/README.md for the format.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core import yamlfiles
from app.prefill.purposes import Purpose, PurposeError

KINDS = (
    "tekst",  # one line
    "lang",  # a few lines
    "keuze",  # one of the options (radio buttons)
    "meerkeuze",  # any of the options (checkboxes)
    "janee",  # ja or nee
    "bedrag",  # an amount in euros
    "adres",  # postcode and house number, looked up (the address connector)
    "bewijs",  # evidence: upload now, send later or bring it along
    "foto",  # one optional photo, checked and stripped of its metadata
    "contact",  # how the resident gets the confirmation
)
FORMATS = ("postcode", "iban", "kenteken", "datum", "telefoon", "email")
# Step names that are pages of their own under /formulieren/<slug>/.
RESERVED_STEPS = frozenset(
    {
        "bewaren",
        "bewaard",
        "past-niet",
        "papier",
        "bevestiging",
        "kopie.pdf",
        "betalen",
        "betaald",
        "opnieuw",
        "controleren",
    }
)
RESERVED_SLUGS = frozenset({"verder", "ingediend"})
NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
SLUG = re.compile(r"^[a-z][a-z0-9-]{1,60}$")
LANGUAGES = ("nl", "en")


class DefinitionError(ValueError):
    """A form definition is not as it should be (the message names the file and the place)."""


@dataclass(frozen=True)
class Text:
    """A text in both languages; `str()` gives the page's language."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl

    def __str__(self) -> str:
        from app.extensions import current_language

        return self.get(current_language())


@dataclass(frozen=True)
class Option:
    value: str
    label: Text
    hint: Text | None = None


@dataclass(frozen=True)
class Condition:
    """When a step applies: the answer to `question` ("step.question") is one of `values`.

    For a question with several answers (meerkeuze) it holds when any of them is in `values`;
    with `negate` it holds when none is.
    """

    step: str
    question: str
    values: tuple[str, ...]
    negate: bool = False

    def holds(self, answers: Mapping[str, Any]) -> bool:
        answer = answers.get(self.step)
        value = answer.get(self.question) if isinstance(answer, dict) else None
        given = value if isinstance(value, list) else [value]
        hit = any(v in self.values for v in given if isinstance(v, str))
        return hit != self.negate


@dataclass(frozen=True)
class Question:
    name: str
    kind: str
    label: Text
    hint: Text | None = None
    required: bool = True
    error: Text | None = None  # what to do when it is left empty
    options: tuple[Option, ...] = ()
    prefill: str | None = None  # a reader of app/forms/prefill.py
    format: str | None = None
    max_length: int = 500
    documents: tuple[Text, ...] = ()  # bewijs: what to send
    letter: bool = True  # contact: a letter to the address in the form is offered


@dataclass(frozen=True)
class StepDef:
    name: str
    title: Text
    questions: tuple[Question, ...]
    intro: Text | None = None
    when: Condition | None = None

    def applies(self, answers: Mapping[str, Any]) -> bool:
        return self.when is None or self.when.holds(answers)


@dataclass(frozen=True)
class PriceRule:
    when: Condition | None
    starts_with: tuple[str, ...]  # with `postcode_of`: the postcode starts with one of these
    cents: int


@dataclass(frozen=True)
class Payment:
    description: Text
    cents: int  # the amount when no rule matches
    postcode_of: str | None = None  # "step.question" of an adres question
    rules: tuple[PriceRule, ...] = ()


@dataclass(frozen=True)
class FormDef:
    slug: str
    title: Text
    summary: Text
    login: bool
    case_type: str
    prefix: str  # of the reference and the resume code: "KW" -> KW-4736-KM, KW-7Q4-M2X
    description: Text  # of the case, "{jaar}" is the year
    purpose: Purpose
    needs: tuple[Text, ...]
    steps: tuple[StepDef, ...]
    next: Text  # what happens after submitting (the confirmation page and message)
    objection: bool = True  # a decision follows that one can object to
    payment: Payment | None = None
    path: str = ""

    def step(self, name: str) -> StepDef | None:
        return next((s for s in self.steps if s.name == name), None)

    def question(self, step: str, name: str) -> Question | None:
        found = self.step(step)
        return next((q for q in found.questions if q.name == name), None) if found else None

    def questions_of(self, kind: str) -> list[tuple[StepDef, Question]]:
        return [(s, q) for s in self.steps for q in s.questions if q.kind == kind]

    @property
    def has_prefill(self) -> bool:
        return any(q.prefill for s in self.steps for q in s.questions)


# --- reading ---------------------------------------------------------------------------------


class _Reader:
    """Reads one file, naming the place of every mistake."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, message: str) -> DefinitionError:
        return DefinitionError(f"{self.path.name}: {where}: {message}")

    def text(self, raw: Any, where: str, optional: bool = False) -> Text | None:
        if raw is None and optional:
            return None
        if not isinstance(raw, dict) or set(raw) != set(LANGUAGES):
            raise self.fail(where, "a text needs exactly nl and en")
        for lang in LANGUAGES:
            if not isinstance(raw[lang], str) or not raw[lang].strip():
                raise self.fail(where, f"the {lang} text is empty")
        return Text(raw["nl"].strip(), raw["en"].strip())

    def must_text(self, raw: Any, where: str) -> Text:
        found = self.text(raw, where)
        assert found is not None
        return found

    def keys(self, raw: Any, where: str, allowed: Iterable[str], needed: Iterable[str]) -> None:
        if not isinstance(raw, dict):
            raise self.fail(where, "expected a mapping")
        unknown = set(raw) - set(allowed)
        if unknown:
            raise self.fail(where, f"unknown key(s) {', '.join(sorted(unknown))}")
        missing = set(needed) - set(raw)
        if missing:
            raise self.fail(where, f"missing {', '.join(sorted(missing))}")

    def condition(self, raw: Any, where: str, earlier: Mapping[str, StepDef]) -> Condition:
        self.keys(raw, where, ("question", "is", "is_not"), ("question",))
        if ("is" in raw) == ("is_not" in raw):
            raise self.fail(where, "a condition has either is or is_not")
        ref = str(raw["question"])
        step_name, _, name = ref.partition(".")
        step = earlier.get(step_name)
        question = next((q for q in step.questions if q.name == name), None) if step else None
        if question is None:
            raise self.fail(where, f"{ref} is not a question of an earlier step")
        values = raw.get("is", raw.get("is_not"))
        values = tuple(str(v) for v in (values if isinstance(values, list) else [values]))
        offered = {o.value for o in question.options}
        if question.kind == "janee":
            offered = {"ja", "nee"}
        if offered and not set(values) <= offered:
            raise self.fail(where, f"{ref} has no option {', '.join(set(values) - offered)}")
        return Condition(step_name, name, values, negate="is_not" in raw)

    def question(self, raw: Any, where: str) -> Question:
        allowed = (
            "name",
            "type",
            "label",
            "hint",
            "required",
            "error",
            "options",
            "prefill",
            "format",
            "max_length",
            "documents",
            "letter",
        )
        self.keys(raw, where, allowed, ("name", "type", "label"))
        name, kind = str(raw["name"]), str(raw["type"])
        where = f"{where} ({name})"
        if not NAME.match(name):
            raise self.fail(where, "a name is lower case letters, digits and _")
        if kind not in KINDS:
            raise self.fail(where, f"unknown type {kind!r} (one of {', '.join(KINDS)})")
        options = tuple(
            Option(
                str(o["value"]),
                self.must_text(o.get("label"), f"{where} option {o.get('value')}"),
                self.text(o.get("hint"), f"{where} option hint", optional=True),
            )
            for o in (raw.get("options") or [])
        )
        if kind in ("keuze", "meerkeuze") and len(options) < 2:
            raise self.fail(where, "a choice needs at least two options")
        if kind not in ("keuze", "meerkeuze") and options:
            raise self.fail(where, "only keuze and meerkeuze have options")
        if len({o.value for o in options}) != len(options):
            raise self.fail(where, "two options have the same value")
        fmt = raw.get("format")
        if fmt is not None and (kind != "tekst" or fmt not in FORMATS):
            raise self.fail(where, f"format is for tekst only, one of {', '.join(FORMATS)}")
        documents = tuple(
            self.must_text(d, f"{where} document") for d in (raw.get("documents") or [])
        )
        if kind == "bewijs" and not documents:
            raise self.fail(where, "evidence names the documents to send")
        required = bool(raw.get("required", kind not in ("foto",)))
        error = self.text(raw.get("error"), f"{where} error", optional=True)
        asks = kind in ("tekst", "lang", "keuze", "meerkeuze", "janee", "bedrag")
        if required and asks and error is None:
            raise self.fail(where, "a required question says what to do when it is empty")
        return Question(
            name=name,
            kind=kind,
            label=self.must_text(raw["label"], f"{where} label"),
            hint=self.text(raw.get("hint"), f"{where} hint", optional=True),
            required=required,
            error=error,
            options=options,
            prefill=str(raw["prefill"]) if raw.get("prefill") else None,
            format=str(fmt) if fmt else None,
            max_length=int(raw.get("max_length", 2000 if kind == "lang" else 200)),
            documents=documents,
            letter=bool(raw.get("letter", True)),
        )

    def step(self, raw: Any, where: str, earlier: Mapping[str, StepDef]) -> StepDef:
        self.keys(raw, where, ("name", "title", "intro", "when", "questions"), ("name", "title"))
        name = str(raw["name"])
        where = f"step {name}"
        if not re.match(r"^[a-z][a-z0-9-]{0,39}$", name) or name in RESERVED_STEPS:
            raise self.fail(where, "a step name is lower case, not one of the fixed pages")
        if name in earlier:
            raise self.fail(where, "two steps have the same name")
        questions = tuple(
            self.question(q, f"{where} question {i + 1}")
            for i, q in enumerate(raw.get("questions") or [])
        )
        if not questions:
            raise self.fail(where, "a step asks at least one question")
        if len({q.name for q in questions}) != len(questions):
            raise self.fail(where, "two questions have the same name")
        if sum(q.kind in ("bewijs", "foto", "contact") for q in questions) > 1 or (
            any(q.kind in ("bewijs", "foto", "contact") for q in questions) and len(questions) > 1
        ):
            raise self.fail(where, "evidence, a photo and contact each have a step of their own")
        when = self.condition(raw["when"], f"{where} when", earlier) if raw.get("when") else None
        return StepDef(
            name,
            self.must_text(raw["title"], f"{where} title"),
            questions,
            self.text(raw.get("intro"), f"{where} intro", optional=True),
            when,
        )

    def payment(self, raw: Any, steps: Mapping[str, StepDef]) -> Payment:
        self.keys(raw, "payment", ("description", "cents", "postcode_of", "rules"), ("cents",))
        postcode_of = raw.get("postcode_of")
        if postcode_of is not None:
            step_name, _, name = str(postcode_of).partition(".")
            step = steps.get(step_name)
            if step is None or not any(
                q.name == name and q.kind == "adres" for q in step.questions
            ):
                raise self.fail("payment", f"{postcode_of} is not an adres question")
        rules = []
        for i, rule in enumerate(raw.get("rules") or []):
            self.keys(rule, f"payment rule {i + 1}", ("postcode_starts_with", "cents"), ("cents",))
            starts = tuple(str(p) for p in rule.get("postcode_starts_with") or [])
            if starts and postcode_of is None:
                raise self.fail("payment", "a postcode rule needs postcode_of")
            rules.append(PriceRule(None, starts, int(rule["cents"])))
        cents = int(raw["cents"])
        if cents <= 0 or any(r.cents <= 0 for r in rules):
            raise self.fail("payment", "an amount is above zero (in cents)")
        return Payment(
            self.must_text(raw.get("description"), "payment description"),
            cents,
            str(postcode_of) if postcode_of else None,
            tuple(rules),
        )


TOP_KEYS = (
    "title",
    "summary",
    "login",
    "case_type",
    "reference_prefix",
    "description",
    "prefill",
    "needs",
    "steps",
    "next",
    "objection",
    "payment",
)


def read_definition(path: Path, case_types: Iterable[str]) -> FormDef:
    """Read and check one definition.

    :param case_types: the case types of content/zaakstatussen.yaml.
    :raises DefinitionError: naming the file and what is wrong.
    """
    from app.forms.prefill import READER_VALUES, READERS

    reader = _Reader(path)
    slug = path.stem
    if not SLUG.match(slug) or slug in RESERVED_SLUGS:
        raise reader.fail("file name", "the slug is lower case with dashes")
    raw = yamlfiles.safe_load(path.read_text(encoding="utf-8"))
    reader.keys(raw, "top", TOP_KEYS, ("title", "summary", "case_type", "steps", "next"))
    if str(raw["case_type"]) not in set(case_types):
        raise reader.fail("case_type", f"{raw['case_type']!r} is not in content/zaakstatussen.yaml")
    prefix = str(raw.get("reference_prefix", ""))
    if not re.fullmatch(r"[A-Z]{2}", prefix):
        raise reader.fail("reference_prefix", "two capital letters, such as KW")
    try:
        purpose = Purpose.declare(f"formulier:{slug}", raw.get("prefill") or {})
    except PurposeError as error:
        raise reader.fail("prefill", str(error)) from None
    steps: dict[str, StepDef] = {}
    for i, step_raw in enumerate(raw["steps"] or []):
        step = reader.step(step_raw, f"step {i + 1}", steps)
        steps[step.name] = step
    if not steps:
        raise reader.fail("steps", "a form has at least one step")
    login = bool(raw.get("login", True))
    for step in steps.values():
        for q in step.questions:
            if q.prefill is None:
                continue
            found = READERS.get(q.prefill)
            where = f"step {step.name} question {q.name}"
            if found is None:
                raise reader.fail(where, f"unknown prefill {q.prefill!r}")
            if q.kind not in found.kinds:
                raise reader.fail(where, f"prefill {q.prefill} does not fit a {q.kind} question")
            gives = READER_VALUES.get(q.prefill, frozenset())
            if not gives <= {o.value for o in q.options}:
                raise reader.fail(where, f"prefill {q.prefill} needs the options {sorted(gives)}")
            for source, name in found.needs:
                if name not in purpose.fields_for(source):
                    raise reader.fail(
                        where,
                        f"prefill {q.prefill} reads {source}.{name}, which the form does not "
                        "declare under prefill (purpose limitation)",
                    )
            if not login:
                raise reader.fail(where, "a form without login cannot be prefilled")
    if purpose.fields and not login:
        raise reader.fail("prefill", "a form without login reads no registers")
    if sum(q.kind == "contact" for s in steps.values() for q in s.questions) != 1:
        raise reader.fail("steps", "a form has exactly one contact question")
    payment = reader.payment(raw["payment"], steps) if raw.get("payment") else None
    if payment is not None and not login:
        raise reader.fail("payment", "a form that is paid for needs a login")
    return FormDef(
        slug=slug,
        title=reader.must_text(raw["title"], "title"),
        summary=reader.must_text(raw["summary"], "summary"),
        login=login,
        case_type=str(raw["case_type"]),
        prefix=prefix,
        description=reader.must_text(raw.get("description"), "description"),
        purpose=purpose,
        needs=tuple(reader.must_text(n, "needs") for n in raw.get("needs") or []),
        steps=tuple(steps.values()),
        next=reader.must_text(raw["next"], "next"),
        objection=bool(raw.get("objection", True)),
        payment=payment,
        path=str(path),
    )


@dataclass
class Library:
    """Every defined form, by slug."""

    forms: dict[str, FormDef] = field(default_factory=dict)
    return_address: tuple[str, ...] = ()  # where paper forms and evidence go (_algemeen.yaml)

    def get(self, slug: str | None) -> FormDef | None:
        return self.forms.get(slug or "")

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self.forms.values(), key=lambda f: f.title.nl.casefold()))


def read_library(folder: Path, case_types: Iterable[str]) -> Library:
    """Read every `<slug>.yaml` in `folder` (files starting with _ are shared settings)."""
    kinds = list(case_types)
    shared = yamlfiles.safe_load((folder / "_algemeen.yaml").read_text(encoding="utf-8"))
    address = tuple(str(line) for line in shared["return_address"])
    forms = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        form = read_definition(path, kinds)
        forms[form.slug] = form
    return Library(forms, address)
