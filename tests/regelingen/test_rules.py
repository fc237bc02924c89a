"""The scheme rules give known answers for a table of households (one set of rules, two uses:
these situations are what the check's answers and the registers both become)."""

import pytest

from app.regelingen import check
from app.regelingen.rules import AUTOMATIC, LIKELY, MAYBE, NOT, Situation, Span, evaluate, load

M, K, KW, IIT, CAZ = (
    "meedoenregeling",
    "kinderfonds",
    "kwijtschelding",
    "individuele-inkomenstoeslag",
    "collectieve-zorgverzekering",
)


def verdicts(situation: Situation) -> dict[str, str]:
    return {o.scheme.slug: o.verdict for o in evaluate(situation)}


def household(
    income: int | None,
    adults: int = 1,
    children: int = 0,
    age: int = 40,
    housing: str | None = "huur",
    years: int | None = 3,
    **more: object,
) -> Situation:
    return Situation(
        lives_here=True,
        age=Span.exactly(age),
        adults=adults,
        children=children,
        income=Span.exactly(income) if income is not None else None,
        housing=housing,
        low_income_years=Span.exactly(years) if years is not None else None,
        **more,  # type: ignore[arg-type]
    )


# (what, situation, expected verdict per scheme)
TABLE = [
    (
        "alone, € 1.300, renting, 3 years low income",
        household(130000),
        {M: LIKELY, K: NOT, KW: LIKELY, IIT: LIKELY, CAZ: LIKELY},
    ),
    (
        "alone, € 1.500: above the kwijtschelding and IIT limit of € 1.400",
        household(150000),
        {M: LIKELY, K: NOT, KW: NOT, IIT: NOT, CAZ: LIKELY},
    ),
    (
        "alone, € 1.800: only the CAZ (limit € 1.850)",
        household(180000),
        {M: NOT, K: NOT, KW: NOT, IIT: NOT, CAZ: LIKELY},
    ),
    (
        "alone, € 1.900: nothing",
        household(190000),
        {M: NOT, K: NOT, KW: NOT, IIT: NOT, CAZ: NOT},
    ),
    (
        "couple with 2 children, € 2.300",
        household(230000, adults=2, children=2),
        {M: LIKELY, K: LIKELY, KW: NOT, IIT: NOT, CAZ: LIKELY},
    ),
    (
        "couple, € 1.900, owns the home: no kwijtschelding",
        household(190000, adults=2, housing="koop"),
        {M: LIKELY, K: NOT, KW: NOT, IIT: LIKELY, CAZ: LIKELY},
    ),
    (
        "pensioner (AOW) alone, € 1.350: no IIT",
        household(135000, age=70),
        {M: LIKELY, K: NOT, KW: LIKELY, IIT: NOT, CAZ: LIKELY},
    ),
    (
        "20 years old, € 1.000: no IIT (from 21)",
        household(100000, age=20),
        {M: LIKELY, K: NOT, KW: LIKELY, IIT: NOT, CAZ: LIKELY},
    ),
    (
        "income unknown: everything maybe",
        household(None),
        {M: MAYBE, K: NOT, KW: MAYBE, IIT: MAYBE, CAZ: MAYBE},
    ),
    (
        "low income for less than 3 years: no IIT yet",
        household(120000, years=1),
        {M: LIKELY, K: NOT, KW: LIKELY, IIT: NOT, CAZ: LIKELY},
    ),
    (
        "3 years of bijstand, remitted before: arranged by itself",
        household(
            140100,
            children=2,
            assistance=True,
            assistance_years=Span.exactly(4),
            remitted_before=True,
            schemes=frozenset(),
        ),
        {M: LIKELY, K: LIKELY, KW: AUTOMATIC, IIT: AUTOMATIC, CAZ: LIKELY},
    ),
    (
        "already has the Meedoenregeling: Kinderfonds by itself, no second Meedoen",
        household(150000, children=1, schemes=frozenset({M})),
        {M: NOT, K: AUTOMATIC, KW: NOT, IIT: NOT, CAZ: LIKELY},
    ),
    (
        "does not live in Nijmegen",
        Situation(
            lives_here=False,
            age=Span.exactly(40),
            adults=1,
            children=0,
            income=Span.exactly(100000),
        ),
        {M: NOT, K: NOT, KW: NOT, IIT: NOT, CAZ: NOT},
    ),
]


@pytest.mark.parametrize(("what", "situation", "expected"), TABLE, ids=[t[0] for t in TABLE])
def test_the_table_of_households(what: str, situation: Situation, expected: dict[str, str]) -> None:
    assert verdicts(situation) == expected, what


def test_a_no_says_why_and_a_yes_gives_every_reason_in_every_language() -> None:
    outcomes = {o.scheme.slug: o for o in evaluate(household(150000))}
    kw = outcomes[KW]
    assert [r.text("nl") for r in kw.reasons] == [
        "Uw inkomen is € 1.500 netto per maand. Dat is meer dan € 1.400 per maand."
    ]
    assert kw.reasons[0].text("en").startswith("Your income is €1,500 net a month.")
    caz = outcomes[CAZ]
    assert len(caz.reasons) == 4 and all(r.text("makkelijk") for r in caz.reasons)
    assert "niet altijd de beste keuze" in caz.scheme.text("kanttekening", "nl")
    assert caz.worth_words["nl"] == "Dit is ongeveer € 360 per jaar. Dat is een schatting."


def test_worth_is_an_indication_by_household() -> None:
    meedoen = next(
        o for o in evaluate(household(200000, adults=2, children=2)) if o.scheme.slug == M
    )
    assert meedoen.worth_cents == 2 * 27500 + 2 * 35000
    assert "schatting" in meedoen.worth_words["nl"]


def test_the_check_answers_become_the_same_situations() -> None:
    answers = check.read(
        {
            "woonplaats": "ja",
            "leeftijd": "21-aow",
            "huishouden": "samen-2",
            "inkomen": "tussen-1",  # more than € 2.000, up to € 2.400
            "jaren": "nee",
            "woning": "huur",
        }
    )
    assert verdicts(check.situation_of(answers)) == {
        M: LIKELY,
        K: LIKELY,
        KW: NOT,
        IIT: NOT,
        CAZ: LIKELY,
    }


def test_income_bands_never_straddle_a_limit() -> None:
    rules = load()
    for adults in (1, 2):
        bands = dict(check.income_bands(adults))
        for scheme in rules.schemes:
            limit = scheme.limit(adults)
            for span in bands.values():
                assert span.at_most(limit) is not None, (scheme.slug, adults, span)


def test_a_band_that_is_not_offered_for_the_household_stops_the_answers() -> None:
    # "tussen-3" does not exist: the answers stop there, the income question comes again
    answers = check.read(
        {"woonplaats": "ja", "leeftijd": "aow", "huishouden": "alleen", "inkomen": "x"}
    )
    assert list(answers) == ["woonplaats", "leeftijd", "huishouden"]
    question = check.next_question(answers)
    assert question is not None and question.key == "inkomen"


def test_the_years_question_is_asked_only_between_21_and_the_aow_age() -> None:
    older = {"woonplaats": "ja", "leeftijd": "aow", "huishouden": "alleen", "inkomen": "tot"}
    assert check.next_question(check.read(older)).key == "woning"  # type: ignore[union-attr]
    younger = {**older, "leeftijd": "21-aow"}
    assert check.next_question(check.read(younger)).key == "jaren"  # type: ignore[union-attr]
    assert len(check.asked(check.read(younger))) == 6
    assert len(check.asked(check.read(older))) == 5
