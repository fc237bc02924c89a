"""Page states of the forms: every step of the remission form and the street report (the two
shapes: with login and prefill, without login with an address and a photo), the first step,
its error state, the review and the confirmation of the other forms, evidence, the payment
step, saving and resuming, "past niet", the paper versions and a resident's own submissions.
Steps are reached by walking the form (`before`), as a resident does.

`tests/browse.py` sends only hidden fields, checked choices and `fill`: a value the register
filled in ahead is typed again here, as a resident's browser would send it.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.config import Config
from app.states import PageState, Visit

if TYPE_CHECKING:
    from app.forms.definitions import FormDef, StepDef

EXEMPT = {
    "forms.static": "the forms' stylesheet, no HTML",
    "forms.done_copy": "a PDF (tests/forms/test_copies.py reads it)",
    "forms.submitted_copy": "a PDF (tests/forms/test_copies.py reads it)",
    "forms.pay_start": (
        "starts the payment and redirects to the provider (tests/forms/test_end_to_end.py)"
    ),
    "forms.paid": (
        "back from the payment provider: asks it how the payment ended and redirects "
        "(tests/forms/test_end_to_end.py); the pages it leads to have states"
    ),
    "forms.resume_link": (
        "checks the link's token and redirects to the form (tests/forms/test_drafts.py)"
    ),
}

KW = "/formulieren/kwijtschelding"
MOR = "/formulieren/melding-openbare-ruimte"
FORM = "form.loket-form"

# --- Kwijtschelding, as Fatima (bijstand: no evidence step) ------------------------------------
KW_DETAILS = Visit(
    f"{KW}/gegevens",
    fill=(
        ("naam", "Fatima El Amrani"),
        ("adres_postcode", "6512 AB"),
        ("adres_huisnummer", "12"),
        ("aanslag", "2026-0100012"),
    ),
)
KW_HOUSEHOLD = Visit(
    f"{KW}/huishouden", fill=(("huisgenoten", "Yasmin El Amrani\nAdam El Amrani"),)
)
KW_INCOME = Visit(
    f"{KW}/inkomen", fill=(("bronnen", "bijstand"), ("netto", "1401,00"), ("spaargeld", "0"))
)
KW_WAGES = Visit(
    f"{KW}/inkomen", fill=(("bronnen", "werk"), ("netto", "1650,00"), ("spaargeld", "0"))
)
KW_COSTS = Visit(f"{KW}/kosten", fill=(("woonlasten", "650,00"), ("auto", "nee")))
KW_LATER = Visit(f"{KW}/bewijs", fill=(("stukken", "later"),))
KW_CONTACT = Visit(
    f"{KW}/bericht", fill=(("contact", "email"), ("contact_email", "fatima@voorbeeld.nl"))
)
KW_TO_REVIEW = (KW_DETAILS, KW_HOUSEHOLD, KW_INCOME, KW_COSTS, KW_CONTACT)
KW_SENT = (*KW_TO_REVIEW, Visit(f"{KW}/controleren"))


def _kw(path: str, name: str, before: tuple[Visit, ...] = (), **kw: object) -> PageState:
    return PageState("forms.step", f"{KW}/{path}", name, resident="fatima", before=before, **kw)  # type: ignore[arg-type]


KWIJTSCHELDING = (
    _kw("gegevens", "kw-stap-1"),
    _kw("gegevens", "kw-stap-1-leeg", submit=FORM),
    _kw(
        "gegevens",
        "kw-stap-1-fouten",
        submit=FORM,
        fill=(
            ("naam", "Fatima El Amrani"),
            ("adres_postcode", "65 AB"),
            ("adres_huisnummer", "12a"),
        ),
    ),
    _kw("huishouden", "kw-stap-2", (KW_DETAILS,)),
    _kw("inkomen", "kw-stap-3", (KW_DETAILS, KW_HOUSEHOLD)),
    _kw(
        "inkomen",
        "kw-stap-3-fouten",
        (KW_DETAILS, KW_HOUSEHOLD),
        submit=FORM,
        fill=(("netto", "veel"), ("spaargeld", "")),
    ),
    _kw("kosten", "kw-stap-4", (KW_DETAILS, KW_HOUSEHOLD, KW_INCOME)),
    _kw("kosten", "kw-stap-4-leeg", (KW_DETAILS, KW_HOUSEHOLD, KW_INCOME), submit=FORM),
    _kw("bewijs", "kw-stap-bewijs", (KW_DETAILS, KW_HOUSEHOLD, KW_WAGES, KW_COSTS)),
    _kw(
        "bewijs", "kw-stap-bewijs-leeg", (KW_DETAILS, KW_HOUSEHOLD, KW_WAGES, KW_COSTS), submit=FORM
    ),
    _kw("bericht", "kw-stap-5", (KW_DETAILS, KW_HOUSEHOLD, KW_INCOME, KW_COSTS)),
    _kw(
        "bericht",
        "kw-stap-5-email-leeg",
        (KW_DETAILS, KW_HOUSEHOLD, KW_INCOME, KW_COSTS),
        submit=FORM,
        fill=(("contact", "email"),),
    ),
    _kw("controleren", "kw-controleren", KW_TO_REVIEW),
    _kw(
        "controleren",
        "kw-controleren-met-bewijs-later",
        (KW_DETAILS, KW_HOUSEHOLD, KW_WAGES, KW_COSTS, KW_LATER, KW_CONTACT),
    ),
    PageState(
        "forms.step", f"{KW}/gegevens?wijzig=1", "kw-wijzig", resident="fatima", before=KW_TO_REVIEW
    ),
    PageState(
        "forms.confirmation",
        f"{KW}/bevestiging",
        "kw-bevestiging",
        resident="fatima",
        before=KW_SENT,
    ),
    PageState("forms.start", KW, "kw-ingelogd", resident="fatima"),
    PageState("forms.start", KW, "kw-bezig", resident="fatima", before=(KW_DETAILS,)),
    PageState(
        "forms.restart",
        KW,
        "kw-opnieuw",
        resident="fatima",
        before=(KW_DETAILS,),
        submit="#opnieuw-beginnen",
    ),
)

# --- Melding openbare ruimte, without login ----------------------------------------------------
MOR_WHAT = Visit(
    f"{MOR}/wat",
    fill=(("soort", "verlichting"), ("omschrijving", "De lamp bij de bushalte is kapot.")),
)
MOR_BY_ADDRESS = Visit(f"{MOR}/waar", fill=(("hoe", "adres"),))
MOR_BY_WORDS = Visit(f"{MOR}/waar", fill=(("hoe", "omschrijving"),))
MOR_ADDRESS = Visit(
    f"{MOR}/adres", fill=(("locatie_postcode", "6532 EF"), ("locatie_huisnummer", "47"))
)
MOR_NO_PHOTO = Visit(f"{MOR}/foto")
MOR_NO_MESSAGE = Visit(f"{MOR}/bericht", fill=(("contact", "geen"),))
MOR_TO_REVIEW = (MOR_WHAT, MOR_BY_ADDRESS, MOR_ADDRESS, MOR_NO_PHOTO, MOR_NO_MESSAGE)


def _mor(path: str, name: str, before: tuple[Visit, ...] = (), **kw: object) -> PageState:
    return PageState("forms.step", f"{MOR}/{path}", name, before=before, **kw)  # type: ignore[arg-type]


MELDING = (
    _mor("wat", "mor-stap-1"),
    _mor("wat", "mor-stap-1-leeg", submit=FORM),
    _mor("waar", "mor-stap-2", (MOR_WHAT,)),
    _mor("waar", "mor-stap-2-leeg", (MOR_WHAT,), submit=FORM),
    _mor("adres", "mor-stap-adres", (MOR_WHAT, MOR_BY_ADDRESS)),
    _mor(
        "adres",
        "mor-stap-adres-onbekend",
        (MOR_WHAT, MOR_BY_ADDRESS),
        submit=FORM,
        fill=(("locatie_postcode", "6532 EF"), ("locatie_huisnummer", "999")),
    ),
    _mor("plek", "mor-stap-plek", (MOR_WHAT, MOR_BY_WORDS)),
    _mor("plek", "mor-stap-plek-leeg", (MOR_WHAT, MOR_BY_WORDS), submit=FORM),
    _mor("foto", "mor-stap-foto", (MOR_WHAT, MOR_BY_ADDRESS, MOR_ADDRESS)),
    _mor("bericht", "mor-stap-bericht", (MOR_WHAT, MOR_BY_ADDRESS, MOR_ADDRESS, MOR_NO_PHOTO)),
    _mor(
        "bericht",
        "mor-stap-bericht-sms-fout",
        (MOR_WHAT, MOR_BY_ADDRESS, MOR_ADDRESS, MOR_NO_PHOTO),
        submit=FORM,
        fill=(("contact", "sms"), ("contact_telefoon", "024 123 45 67")),
    ),
    _mor("controleren", "mor-controleren", MOR_TO_REVIEW),
    PageState(
        "forms.confirmation",
        f"{MOR}/bevestiging",
        "mor-bevestiging",
        before=(*MOR_TO_REVIEW, Visit(f"{MOR}/controleren")),
    ),
)

# --- The other forms: first step, its error state, review, confirmation -------------------------
ME = "/formulieren/meedoenregeling"
IIT = "/formulieren/individuele-inkomenstoeslag"
CZ = "/formulieren/collectieve-zorgverzekering"
PV = "/formulieren/bewonersparkeervergunning"
FATIMA_DETAILS = (
    ("naam", "Fatima El Amrani"),
    ("adres_postcode", "6512 AB"),
    ("adres_huisnummer", "12"),
)
IBAN = ("iban", "NL91 ABNA 0417 1643 00")
BY_EMAIL = (("contact", "email"), ("contact_email", "fatima@voorbeeld.nl"))
INCOME = (("bronnen", "bijstand"), ("netto", "1401,00"), ("spaargeld", "0"))
ME_TO_REVIEW = (
    Visit(f"{ME}/gegevens", fill=(*FATIMA_DETAILS, IBAN)),
    Visit(f"{ME}/huishouden"),
    Visit(f"{ME}/inkomen", fill=INCOME),
    Visit(f"{ME}/bericht", fill=BY_EMAIL),
)
IIT_TO_REVIEW = (
    Visit(f"{IIT}/gegevens", fill=(*FATIMA_DETAILS, IBAN)),
    Visit(f"{IIT}/huishouden"),
    Visit(f"{IIT}/inkomen", fill=INCOME),
    Visit(f"{IIT}/situatie", fill=(("drie_jaar", "ja"), ("waarom", "Ik heb al lang weinig geld."))),
    Visit(f"{IIT}/bericht", fill=BY_EMAIL),
)
CZ_TO_REVIEW = (
    Visit(f"{CZ}/gegevens", fill=(*FATIMA_DETAILS, ("geboren", "14-05-1985"))),
    Visit(f"{CZ}/meeverzekeren"),
    Visit(f"{CZ}/verzekering", fill=(("pakket", "basis-extra"),)),
    Visit(f"{CZ}/inkomen", fill=(("bronnen", "bijstand"), ("netto", "1401,00"))),
    Visit(f"{CZ}/bericht", fill=BY_EMAIL),
)
JAN_DETAILS = Visit(
    f"{PV}/gegevens",
    fill=(
        ("naam", "Jan de Vries"),
        ("adres_postcode", "6521 CD"),
        ("adres_huisnummer", "21"),
        ("adres_toevoeging", "A"),
    ),
)
PV_LEASE = Visit(f"{PV}/auto", fill=(("kenteken", "ZZ-301-D"), ("eigenaar", "lease")))
PV_OWN = Visit(f"{PV}/auto", fill=(("kenteken", "ZZ-301-D"), ("eigenaar", "eigen")))
PV_TO_REVIEW = (
    JAN_DETAILS,
    PV_OWN,
    Visit(f"{PV}/parkeerplaats", fill=(("eigen_plek", "nee"),)),
    Visit(f"{PV}/bericht", fill=(("contact", "email"), ("contact_email", "jan@voorbeeld.nl"))),
)


def _other(
    base: str, first: str, to_review: tuple[Visit, ...], key: str, who: str = "fatima"
) -> tuple[PageState, ...]:
    return (
        PageState("forms.step", f"{base}/{first}", f"{key}-stap-1", resident=who),
        PageState("forms.step", f"{base}/{first}", f"{key}-stap-1-leeg", resident=who, submit=FORM),
        PageState(
            "forms.step",
            f"{base}/controleren",
            f"{key}-controleren",
            resident=who,
            before=to_review,
        ),
    )


OTHERS = (
    *_other(ME, "gegevens", ME_TO_REVIEW, "me"),
    PageState(
        "forms.confirmation",
        f"{ME}/bevestiging",
        "me-bevestiging",
        resident="fatima",
        before=(*ME_TO_REVIEW, Visit(f"{ME}/controleren")),
    ),
    *_other(IIT, "gegevens", IIT_TO_REVIEW, "iit"),
    PageState(
        "forms.step",
        f"{IIT}/situatie",
        "iit-situatie-leeg",
        resident="fatima",
        before=IIT_TO_REVIEW[:3],
        submit=FORM,
    ),
    *_other(CZ, "gegevens", CZ_TO_REVIEW, "cz"),
    PageState(
        "forms.step",
        f"{CZ}/verzekering",
        "cz-verzekering",
        resident="fatima",
        before=CZ_TO_REVIEW[:2],
    ),
    *_other(PV, "gegevens", PV_TO_REVIEW, "pv", "jan"),
    PageState(
        "forms.step",
        f"{PV}/auto",
        "pv-auto-fout",
        resident="jan",
        before=(JAN_DETAILS,),
        submit=FORM,
        fill=(("kenteken", "ZZ"),),
    ),
    PageState(
        "forms.step", f"{PV}/bewijs", "pv-bewijs", resident="jan", before=(JAN_DETAILS, PV_LEASE)
    ),
    PageState(
        "forms.pay",
        f"{PV}/betalen",
        "pv-betalen",
        resident="jan",
        before=(*PV_TO_REVIEW, Visit(f"{PV}/controleren")),
    ),
)

# --- Around the forms: save and resume, a person, paper ----------------------------------------
SAVED = Visit(f"{KW}/bewaren", fill=(("postcode", "6512 AB"),))
AROUND = (
    PageState("forms.save", f"{KW}/bewaren", "bewaren", resident="fatima", before=(KW_DETAILS,)),
    PageState(
        "forms.save",
        f"{KW}/bewaren",
        "bewaren-leeg",
        resident="fatima",
        before=(KW_DETAILS,),
        submit=FORM,
    ),
    PageState(
        "forms.save",
        f"{KW}/bewaren",
        "bewaren-email-fout",
        resident="fatima",
        before=(KW_DETAILS,),
        submit=FORM,
        fill=(("postcode", "6512 AB"), ("sturen", "email"), ("email", "fatima")),
    ),
    PageState(
        "forms.saved", f"{KW}/bewaard", "bewaard", resident="fatima", before=(KW_DETAILS, SAVED)
    ),
    PageState("forms.save", f"{MOR}/bewaren", "mor-bewaren", before=(MOR_WHAT,)),
    PageState("forms.resume", "/formulieren/verder", "verder"),
    PageState("forms.resume", "/formulieren/verder?link=verlopen", "verder-link-verlopen"),
    PageState("forms.resume", "/formulieren/verder", "verder-leeg", submit=FORM),
    PageState(
        "forms.resume",
        "/formulieren/verder",
        "verder-onbekend",
        submit=FORM,
        fill=(("code", "KW-7Q4-M2X"), ("postcode", "6512 AB")),
    ),
    PageState("forms.not_fitting", f"{MOR}/past-niet?stap=wat", "past-niet"),
    PageState(
        "forms.not_fitting",
        f"{KW}/past-niet?stap=inkomen",
        "past-niet-met-antwoorden",
        resident="fatima",
        before=(KW_DETAILS, KW_HOUSEHOLD),
    ),
    PageState(
        "forms.not_fitting",
        f"{KW}/past-niet?stap=inkomen",
        "past-niet-te-lang",
        resident="fatima",
        before=(KW_DETAILS,),
        submit=FORM,
        fill=(("wat", "x" * 151),),
    ),
    PageState(
        "forms.not_fitting",
        f"{KW}/past-niet?stap=inkomen",
        "past-niet-meegeven",
        resident="fatima",
        before=(KW_DETAILS, KW_HOUSEHOLD),
        submit=FORM,
        fill=(("wat", "Ik heb schulden."), ("meegeven", "y")),
    ),
    PageState("forms.paper", f"{KW}/papier", "papier-ingelogd", resident="fatima"),
)

# --- A resident's own submissions (the demo filler's KW-2468-DM of Eva) -------------------------
MINE = "/formulieren/ingediend/KW-2468-DM"
SUBMITTED = (
    PageState("forms.submissions", "/formulieren/ingediend", "ingediend-lijst", resident="eva"),
    PageState("forms.submissions", "/formulieren/ingediend", "ingediend-leeg", resident="fatima"),
    PageState("forms.submitted", MINE, "ingediend", resident="eva"),
    PageState("forms.submitted", MINE, "ingediend-van-een-ander", resident="fatima", status=404),
    PageState("forms.withdraw", f"{MINE}/intrekken", "intrekken", resident="eva"),
    PageState(
        "forms.correct",
        MINE,
        "veranderen",
        resident="eva",
        submit="#veranderen",
    ),
    PageState(
        "forms.withdraw",
        f"{MINE}/intrekken",
        "ingetrokken",
        resident="eva",
        submit=FORM,
        languages=("nl",),  # withdrawing is once: the English page is the state above
    ),
)

# --- Every step of every form, from the definitions ---------------------------------------------
# A step page and, when it asks something that must be answered, its error state (sent empty),
# for every step of every content/formulieren/*.yaml not already declared above: a new form or
# step is covered by itself. A step is reached by walking the steps before it that apply, with
# the answers below (a step without answers here is sent as the page fills it in); a step that
# applies only after some answer (`when`) is reached with one of the other answers below.
# tests/forms/test_page_states.py fails when a step has no state, or a walk misses its page.
RESIDENT = {"bewonersparkeervergunning": "jan"}  # who fills in a form with login; else Fatima
KEY = {
    "kwijtschelding": "kw",
    "melding-openbare-ruimte": "mor",
    "meedoenregeling": "me",
    "individuele-inkomenstoeslag": "iit",
    "collectieve-zorgverzekering": "cz",
    "bewonersparkeervergunning": "pv",
}
Fill = tuple[tuple[str, str], ...]
ANSWERS: dict[str, dict[str, Fill]] = {
    "kwijtschelding": {v.path.rsplit("/", 1)[1]: v.fill for v in KW_TO_REVIEW},
    "melding-openbare-ruimte": {v.path.rsplit("/", 1)[1]: v.fill for v in MOR_TO_REVIEW},
    "meedoenregeling": {v.path.rsplit("/", 1)[1]: v.fill for v in ME_TO_REVIEW},
    "individuele-inkomenstoeslag": {v.path.rsplit("/", 1)[1]: v.fill for v in IIT_TO_REVIEW},
    "collectieve-zorgverzekering": {v.path.rsplit("/", 1)[1]: v.fill for v in CZ_TO_REVIEW},
    "bewonersparkeervergunning": {v.path.rsplit("/", 1)[1]: v.fill for v in PV_TO_REVIEW},
}
WAGES = (("bronnen", "werk"), ("netto", "1650,00"), ("spaargeld", "0"))
OTHER_ANSWERS: dict[str, dict[str, tuple[Fill, ...]]] = {
    "kwijtschelding": {"inkomen": (KW_WAGES.fill,)},
    "melding-openbare-ruimte": {"waar": (MOR_BY_WORDS.fill,)},
    "meedoenregeling": {"inkomen": (WAGES,)},
    "individuele-inkomenstoeslag": {"inkomen": (WAGES,)},
    "collectieve-zorgverzekering": {"inkomen": (WAGES[:2],)},
    "bewonersparkeervergunning": {"auto": (PV_LEASE.fill,)},
}


def _answered(fill: Fill) -> dict[str, object]:
    """The answers a fill gives, as the engine keeps them (several values: a list)."""
    answers: dict[str, object] = {}
    for name, value in fill:
        before = answers.get(name)
        if before is None:
            answers[name] = value
        else:
            answers[name] = [*before, value] if isinstance(before, list) else [before, value]
    return answers


def walk_to(form: "FormDef", target: str) -> tuple[Visit, ...] | None:
    """The steps to send, in order, before step `target` applies; None when no answers here
    make it apply."""
    answers = ANSWERS.get(form.slug, {})
    others = OTHER_ANSWERS.get(form.slug, {})
    names = [s.name for s in form.steps]
    earlier = names[: names.index(target)]
    choices: list[dict[str, Fill]] = [{}]
    for name in earlier:
        choices += [{**c, name: other} for c in choices for other in others.get(name, ())]
    for choice in choices:
        given: dict[str, object] = {}
        visits: list[Visit] = []
        for step in form.steps:
            if step.name == target:
                if step.applies(given):
                    return tuple(visits)
                break
            if step.applies(given):
                fill = choice.get(step.name, answers.get(step.name, ()))
                given[step.name] = _answered(fill)
                visits.append(Visit(f"/formulieren/{form.slug}/{step.name}", fill=fill))
    return None


def can_fail(step: "StepDef") -> bool:
    """Whether sending the step empty can show errors: it asks something that must be answered."""
    return any(q.required for q in step.questions)


def step_states(forms: Iterable["FormDef"], declared: Iterable[PageState]) -> tuple[PageState, ...]:
    """A state for each step page and each step's error state that `declared` lacks."""
    have = {(s.path.split("?")[0], s.submit is not None) for s in declared}
    made = []
    for form in forms:
        who = RESIDENT.get(form.slug, "fatima") if form.login else None
        key = KEY.get(form.slug, form.slug)
        for step in form.steps:
            path = f"/formulieren/{form.slug}/{step.name}"
            before = walk_to(form, step.name)
            if before is None:
                before = ()  # no answers reach it: the meta-test names the step
            if (path, False) not in have:
                made.append(
                    PageState(
                        "forms.step", path, f"{key}-stap-{step.name}", resident=who, before=before
                    )
                )
            if can_fail(step) and (path, True) not in have:
                made.append(
                    PageState(
                        "forms.step",
                        path,
                        f"{key}-stap-{step.name}-leeg",
                        resident=who,
                        before=before,
                        submit=FORM,
                    )
                )
    return tuple(made)


def _definitions() -> "list[FormDef]":
    from app.cases.statuses import catalogue
    from app.forms.definitions import read_library

    return list(read_library(Config.CONTENT_DIR / "formulieren", catalogue().case_types))


DECLARED = (*KWIJTSCHELDING, *MELDING, *OTHERS)
STEPS = step_states(_definitions(), DECLARED)

STATES = (*DECLARED, *STEPS, *AROUND, *SUBMITTED)
