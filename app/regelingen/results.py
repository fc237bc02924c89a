"""The outcome of the rules in words for the regelingencheck's result page, in one language
(nl, en or makkelijk). Every line is an indication; the page says a person decides."""

from dataclasses import dataclass

from app.links import internal_exists
from app.regelingen.rules import LIKELY, MAYBE, NOT, Outcome, Situation, evaluate


@dataclass(frozen=True)
class Result:
    slug: str
    verdict: str  # rules.LIKELY, MAYBE or NOT (the check never knows "vanzelf")
    name: str
    explanation: str
    reasons: tuple[str, ...]  # why we think so (LIKELY, MAYBE) or why not (NOT)
    worth: str  # an indication
    caveat: str  # when it is not always the best choice
    form_path: str | None
    booking_path: str | None
    service_path: str | None


@dataclass(frozen=True)
class Results:
    likely: tuple[Result, ...]
    maybe: tuple[Result, ...]
    unlikely: tuple[Result, ...]


def _path(path: str) -> str | None:
    return path if internal_exists(path.split("?")[0]) else None


def _result(outcome: Outcome, lang: str) -> Result:
    scheme = outcome.scheme
    form = scheme.next.get("formulier")
    topic = scheme.next.get("afspraak")
    return Result(
        slug=scheme.slug,
        verdict=outcome.verdict,
        name=scheme.text("naam", lang),
        explanation=scheme.text("uitleg", lang),
        reasons=tuple(
            r.text(lang) for r in outcome.reasons if outcome.verdict == NOT or r.holds is not True
        )
        if outcome.verdict in (NOT, MAYBE)
        else tuple(r.text(lang) for r in outcome.reasons),
        worth=outcome.worth_words.get(lang, "") if outcome.verdict != NOT else "",
        caveat=scheme.text("kanttekening", lang) if outcome.verdict != NOT else "",
        form_path=_path(f"/formulieren/{form}") if form else None,
        booking_path=_path(f"/afspraak?onderwerp={topic}") if topic else None,
        service_path=_path(f"/diensten/{scheme.slug}"),
    )


def results(situation: Situation, lang: str) -> Results:
    """Every scheme, grouped: probably (apply), maybe (cannot tell), probably not (why)."""
    outcomes = [_result(o, lang) for o in evaluate(situation)]
    return Results(
        likely=tuple(r for r in outcomes if r.verdict == LIKELY),
        maybe=tuple(r for r in outcomes if r.verdict == MAYBE),
        unlikely=tuple(r for r in outcomes if r.verdict == NOT),
    )
