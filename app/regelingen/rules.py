"""The minima schemes as rules: one set, two uses (the regelingencheck and the notices).

    situation = Situation(adults=1, children=2, age=Span.exactly(40), income=Span.exactly(140100))
    for outcome in evaluate(situation):
        outcome.scheme.slug, outcome.verdict, [r.text("nl") for r in outcome.reasons]

The rules are data (`regelingen.yaml`, the sentences in `feiten.yaml`); this module only reads
them and applies them. It knows nothing of Flask, the registers or the questions: the check
turns answers into a `Situation`, the notices turn register data into one. A verdict is an
indication for the resident; a member of staff decides every application.
"""

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core import yamlfiles

HERE = Path(__file__).resolve().parent
TEXT_LANGS = ("nl", "en", "makkelijk")  # makkelijk: the Dutch easy-read text

LIKELY = "waarschijnlijk"  # probably entitled: apply (a person decides)
AUTOMATIC = "vanzelf"  # the municipality arranges it by itself
MAYBE = "misschien"  # cannot be told from what is known
NOT = "niet"  # probably not entitled (with the reason)
VERDICTS = (LIKELY, AUTOMATIC, MAYBE, NOT)


class RulesError(ValueError):
    """regelingen.yaml or feiten.yaml is not as it should be."""


@dataclass(frozen=True)
class Span:
    """A number known exactly (a register) or as a band (an answer); None: no limit there."""

    low: int | None
    high: int | None

    @classmethod
    def exactly(cls, value: int) -> "Span":
        return cls(value, value)

    def at_least(self, limit: int) -> bool | None:
        if self.low is not None and self.low >= limit:
            return True
        if self.high is not None and self.high < limit:
            return False
        return None

    def at_most(self, limit: int) -> bool | None:
        if self.high is not None and self.high <= limit:
            return True
        if self.low is not None and self.low > limit:
            return False
        return None

    def below(self, limit: int) -> bool | None:
        if self.high is not None and self.high < limit:
            return True
        if self.low is not None and self.low >= limit:
            return False
        return None

    def plus(self, other: "Span") -> "Span":
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Span(low, high)


@dataclass(frozen=True)
class Situation:
    """What is known about a household; None wherever it is not known.

    `adults` is the resident plus a partner (1 or 2); `children` are under 18 and live there;
    `income` is the household's net income per month in cents (child benefits do not count).
    """

    lives_here: bool | None = None
    age: Span | None = None
    adults: int | None = None
    children: int | None = None
    income: Span | None = None
    housing: str | None = None  # "huur" or "koop"
    low_income_years: Span | None = None
    assistance: bool | None = None  # bijstand from the municipality
    assistance_years: Span | None = None
    schemes: frozenset[str] | None = None  # schemes the municipality gives already
    remitted_before: bool | None = None  # kwijtschelding on the latest tax assessment
    tax_to_pay_cents: int | None = None  # what the latest assessment still asks (its worth)

    @property
    def household(self) -> str:
        """alleen, alleen_met_kinderen or samen (for fixed amounts by household)."""
        if (self.adults or 1) >= 2:
            return "samen"
        return "alleen_met_kinderen" if (self.children or 0) > 0 else "alleen"


# Fact name in the YAML -> the attribute of Situation it reads.
FACTS = {
    "woont_in_nijmegen": "lives_here",
    "leeftijd": "age",
    "kinderen": "children",
    "inkomen": "income",
    "woning": "housing",
    "laag_inkomen_jaren": "low_income_years",
    "bijstand": "assistance",
    "bijstand_jaren": "assistance_years",
    "regeling": "schemes",
    "kwijtschelding_gehad": "remitted_before",
}
TESTS = ("is", "minstens", "hoogstens", "onder", "niet", "heeft")


@dataclass(frozen=True)
class Condition:
    fact: str
    test: str  # one of TESTS
    value: Any
    unknown_holds: bool = False
    alternatives: tuple["Condition", ...] = ()  # it also holds when one of these holds

    @property
    def text_key(self) -> str:
        """The key of its sentences in feiten.yaml: "inkomen.hoogstens", or just "woning"."""
        return self.fact if self.test == "is" else f"{self.fact}.{self.test}"


@dataclass(frozen=True)
class Scheme:
    slug: str
    norm: Mapping[int, int]  # adults -> income limit in cents per month
    conditions: tuple[Condition, ...]
    automatic: tuple[Condition, ...]
    worth: Mapping[str, Any]
    next: Mapping[str, str]  # formulier, afspraak
    texts: Mapping[str, Mapping[str, str]]  # naam, uitleg, kanttekening, wet -> lang -> text
    to_verify: tuple[str, ...] = ()

    def text(self, name: str, lang: str) -> str:
        """Return text `name` in `lang` (nl, en, makkelijk); easy read falls back to nl."""
        texts = self.texts.get(name) or {}
        return str(texts.get(lang) or texts.get("nl" if lang == "makkelijk" else lang) or "")

    def limit(self, adults: int | None) -> int:
        return int(self.norm[2 if (adults or 1) >= 2 else 1])


@dataclass(frozen=True)
class Reason:
    """One fact as it weighed in the verdict, in the resident's words (per language)."""

    condition: Condition
    holds: bool | None
    words: Mapping[str, str]  # lang -> sentence

    def text(self, lang: str) -> str:
        return self.words[lang]


@dataclass(frozen=True)
class Outcome:
    scheme: Scheme
    verdict: str  # one of VERDICTS
    reasons: tuple[Reason, ...]  # for NOT: the failing ones; otherwise what holds
    worth_cents: int | None = None  # what it is worth a year (or the tax not to pay)
    worth_kind: str = "per_jaar"  # per_jaar, aanslag, aanslag_onbekend
    worth_words: Mapping[str, str] = field(default_factory=dict)  # lang -> sentence

    @property
    def shown(self) -> bool:
        """Likely or arranged by itself: what the check lists first and a notice tells."""
        return self.verdict in (LIKELY, AUTOMATIC)


@dataclass(frozen=True)
class Rules:
    schemes: tuple[Scheme, ...]
    facts: Mapping[str, Mapping[str, Mapping[str, str]]]  # text key -> outcome -> lang -> text
    values: Mapping[str, Mapping[str, str]]
    worth: Mapping[str, Mapping[str, str]]
    aow_age: int

    def scheme(self, slug: str) -> Scheme:
        return next(s for s in self.schemes if s.slug == slug)


def _condition(raw: Mapping[str, Any], where: str) -> Condition:
    fact = raw.get("feit")
    if fact not in FACTS:
        raise RulesError(f"{where}: unknown fact {fact!r}")
    tests = [t for t in TESTS if t in raw]
    if len(tests) != 1:
        raise RulesError(f"{where}: {fact} needs exactly one of {TESTS}")
    alternatives = tuple(_condition(a, where) for a in raw.get("of", []))
    return Condition(
        fact, tests[0], raw[tests[0]], bool(raw.get("onbekend_telt", False)), alternatives
    )


def load(folder: Path = HERE) -> Rules:
    """Read and check the rules: known facts, sentences for every test in every language."""
    data = yamlfiles.safe_load((folder / "regelingen.yaml").read_text(encoding="utf-8"))
    words = yamlfiles.safe_load((folder / "feiten.yaml").read_text(encoding="utf-8"))
    schemes = []
    for raw in data["regelingen"]:
        slug = raw["slug"]
        conditions = tuple(_condition(c, slug) for c in raw.get("voorwaarden", []))
        automatic = tuple(_condition(c, slug) for c in raw.get("vanzelf", []))
        every = [*conditions, *automatic]
        every += [a for c in every for a in c.alternatives]
        for c in every:
            if c.text_key not in words["feiten"]:
                raise RulesError(f"{slug}: feiten.yaml has no sentences for {c.text_key}")
        texts = {k: raw[k] for k in ("naam", "uitleg", "kanttekening", "wet") if k in raw}
        for name in ("naam", "uitleg", "wet"):
            if name not in texts or not {"nl", "en"} <= set(texts[name]):
                raise RulesError(f"{slug}: {name} needs nl and en")
        schemes.append(
            Scheme(
                slug=slug,
                norm={int(k): int(v) for k, v in raw["norm"].items()},
                conditions=conditions,
                automatic=automatic,
                worth=raw.get("waarde", {}),
                next=raw.get("volgende", {}),
                texts=texts,
                to_verify=tuple(raw.get("te_controleren", [])),
            )
        )
    for key, outcomes in words["feiten"].items():
        for outcome, texts in outcomes.items():
            if not set(TEXT_LANGS) <= set(texts):
                raise RulesError(f"feiten.yaml: {key}.{outcome} needs {TEXT_LANGS}")
    return Rules(
        schemes=tuple(schemes),
        facts=words["feiten"],
        values=words["waarden"],
        worth=words["waarde"],
        aow_age=int(data["parameters"]["aow_leeftijd"]),
    )


@functools.cache
def rules() -> Rules:
    return load()


def euros(cents: int, lang: str) -> str:
    """Return "€ 1.401" (Dutch) or "€1,401" (English); cents only when there are any."""
    whole, part = divmod(abs(int(cents)), 100)
    number = f"{whole:,}"
    if lang == "en":
        return f"€{number}" + (f".{part:02d}" if part else "")
    number = number.replace(",", ".")
    return f"€ {number}" + (f",{part:02d}" if part else "")


def income_words(span: Span, lang: str, rules_: Rules) -> str:
    """An income as words: exact, "€ 1.400 of minder", "tussen ... en ...", "meer dan ..."."""
    texts = rules_.values
    if span.low is not None and span.low == span.high:
        return texts["inkomen.precies"][lang].format(bedrag=euros(span.low, lang))
    if span.high is None:
        return texts["inkomen.boven"][lang].format(van=euros(span.low or 0, lang))
    if not span.low:
        return texts["inkomen.tot"][lang].format(tot=euros(span.high, lang))
    return texts["inkomen.tussen"][lang].format(
        van=euros(span.low, lang), tot=euros(span.high, lang)
    )


def _limit(condition: Condition, scheme: Scheme, situation: Situation, rules_: Rules) -> int:
    if condition.value == "norm":
        return scheme.limit(situation.adults)
    if condition.value == "aow":
        return rules_.aow_age
    return int(condition.value)


def _holds(condition: Condition, scheme: Scheme, s: Situation, rules_: Rules) -> bool | None:
    value = getattr(s, FACTS[condition.fact])
    if value is None:
        return None
    test = condition.test
    if test == "is":
        return bool(value == condition.value)
    if test in ("niet", "heeft"):
        has = condition.value in value
        return not has if test == "niet" else has
    limit = _limit(condition, scheme, s, rules_)
    if isinstance(value, int):
        value = Span.exactly(value)
    if test == "minstens":
        return value.at_least(limit)  # type: ignore[no-any-return]
    if test == "hoogstens":
        return value.at_most(limit)  # type: ignore[no-any-return]
    return value.below(limit)  # type: ignore[no-any-return]  # "onder"


def _words(
    condition: Condition, holds: bool | None, scheme: Scheme, s: Situation, rules_: Rules
) -> dict[str, str]:
    outcome = {True: "ja", False: "nee", None: "onbekend"}[holds]
    sentences = rules_.facts[condition.text_key]
    if condition.fact == "inkomen" and (s.adults or 1) >= 2 and f"{outcome}_samen" in sentences:
        outcome = f"{outcome}_samen"
    words = {}
    for lang in TEXT_LANGS:
        money = "en" if lang == "en" else "nl"
        values: dict[str, str] = {}
        if condition.test in ("minstens", "hoogstens", "onder"):
            limit = _limit(condition, scheme, s, rules_)
            values["grens"] = euros(limit, money) if condition.fact == "inkomen" else str(limit)
        if condition.fact == "inkomen" and s.income is not None:
            values["waarde"] = income_words(s.income, lang, rules_)
        if condition.fact == "regeling":
            values["regeling"] = rules_.scheme(condition.value).text("naam", lang)
        words[lang] = sentences[outcome][lang].format(**values)
    return words


def _worth(scheme: Scheme, s: Situation, rules_: Rules) -> tuple[int | None, str, dict[str, str]]:
    spec = scheme.worth
    kind = "per_jaar"
    cents: int | None = None
    if "vast" in spec:
        cents = int(spec["vast"][s.household])
    elif "aanslag" in spec:
        kind = "aanslag" if s.tax_to_pay_cents else "aanslag_onbekend"
        cents = s.tax_to_pay_cents or None
    else:
        cents = int(spec.get("per_volwassene", 0)) * (s.adults or 1)
        cents += int(spec.get("per_kind", 0)) * (s.children or 0)
    words = {
        lang: rules_.worth[kind][lang].format(
            bedrag=euros(cents or 0, "en" if lang == "en" else "nl")
        )
        for lang in TEXT_LANGS
    }
    return cents, kind, words


def judge(scheme: Scheme, situation: Situation, rules_: Rules | None = None) -> Outcome:
    """Apply one scheme's rules to a situation."""
    rules_ = rules_ or rules()
    checked: list[tuple[Condition, bool | None, dict[str, str]]] = []
    for condition in scheme.conditions:
        holds = _holds(condition, scheme, situation, rules_)
        if holds is None and condition.unknown_holds:
            checked.append((condition, True, _words(condition, None, scheme, situation, rules_)))
            continue
        instead = next(
            (a for a in condition.alternatives if _holds(a, scheme, situation, rules_)), None
        )
        if holds is not True and instead is not None:
            checked.append((instead, True, _words(instead, True, scheme, situation, rules_)))
        else:
            checked.append((condition, holds, _words(condition, holds, scheme, situation, rules_)))
    failing = [Reason(c, h, w) for c, h, w in checked if h is False]
    worth = _worth(scheme, situation, rules_)
    if failing:
        return Outcome(scheme, NOT, tuple(failing), *worth)
    reasons = [Reason(c, h, w) for c, h, w in checked]
    if any(h is None for _, h, _ in checked):
        return Outcome(scheme, MAYBE, tuple(reasons), *worth)
    for condition in scheme.automatic:
        if _holds(condition, scheme, situation, rules_):
            words = _words(condition, True, scheme, situation, rules_)
            return Outcome(scheme, AUTOMATIC, (*reasons, Reason(condition, True, words)), *worth)
    return Outcome(scheme, LIKELY, tuple(reasons), *worth)


def evaluate(situation: Situation, rules_: Rules | None = None) -> tuple[Outcome, ...]:
    """Apply every scheme's rules to a situation, in the order of regelingen.yaml."""
    rules_ = rules_ or rules()
    return tuple(judge(scheme, situation, rules_) for scheme in rules_.schemes)
