"""The regelingencheck: questions (vragen.yaml) -> a Situation -> the rules (rules.py).

    answers = read(posted)                   # only known questions, only known answers
    question = next_question(answers)        # None: every question that matters is answered
    outcomes = evaluate(situation_of(answers))

Nothing is stored and nothing here knows Flask: the answers travel in the form itself.
"""

import functools
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core import yamlfiles
from app.regelingen.rules import Rules, Situation, Span, euros, rules

FILE = Path(__file__).resolve().parent / "vragen.yaml"
LANGS = ("nl", "en", "makkelijk")
UNKNOWN = "onbekend"
AGES = {"onder-18": Span(0, 17), "18-20": Span(18, 20)}  # 21-aow and aow: from the AOW age


@dataclass(frozen=True)
class Answer:
    key: str
    labels: Mapping[str, str]  # lang -> label

    def label(self, lang: str) -> str:
        return self.labels[lang]


@dataclass(frozen=True)
class Question:
    key: str
    texts: Mapping[str, Mapping[str, str]]  # tekst, uitleg -> lang -> text
    answers: tuple[Answer, ...]  # fixed answers (the income bands are made per household)
    only_if: Mapping[str, tuple[str, ...]]  # earlier question -> answers that make it matter
    done_if: tuple[str, ...] = ()  # answers that end the questions

    def text(self, name: str, lang: str) -> str:
        return str((self.texts.get(name) or {}).get(lang, ""))


@dataclass(frozen=True)
class Questions:
    items: tuple[Question, ...]
    income: Mapping[str, Any]  # onbekend + banden texts
    easy: Mapping[str, Any]  # the easy-read start page: inleiding, punten, begin

    def get(self, key: str) -> Question:
        return next(q for q in self.items if q.key == key)


def load(path: Path = FILE) -> Questions:
    data = yamlfiles.safe_load(path.read_text(encoding="utf-8"))
    items = []
    for raw in data["vragen"]:
        texts = {k: raw[k] for k in ("tekst", "uitleg") if k in raw}
        for name, text in texts.items():
            if set(text) != set(LANGS):
                raise ValueError(f"{raw['key']}.{name} needs {LANGS}")
        answers = tuple(
            Answer(str(a["key"]), {lang: str(a[lang]) for lang in LANGS})
            for a in raw.get("antwoorden", [])
        )
        only_if = {k: tuple(v) for k, v in (raw.get("alleen_als") or {}).items()}
        done_if = tuple(str(a) for a in raw.get("klaar_als", []))
        items.append(Question(raw["key"], texts, answers, only_if, done_if))
    if len(items) > 6:
        raise ValueError("the regelingencheck asks at most six questions")
    income = next(r for r in data["vragen"] if r["key"] == "inkomen")
    texts = {"onbekend": income["onbekend"], "banden": income["banden"]}
    return Questions(tuple(items), texts, data["makkelijk"])


@functools.cache
def questions() -> Questions:
    return load()


def adults(answers: Mapping[str, str]) -> int:
    return 2 if answers.get("huishouden", "").startswith("samen") else 1


def children(answers: Mapping[str, str]) -> int:
    _, _, count = answers.get("huishouden", "").partition("-")
    return int(count) if count.isdigit() else 0


def limits(count: int, rules_: Rules | None = None) -> list[int]:
    """The distinct income limits of the schemes for `count` adults, lowest first."""
    rules_ = rules_ or rules()
    return sorted({s.limit(count) for s in rules_.schemes})


def income_bands(count: int) -> list[tuple[str, Span]]:
    """The income answers for a household of `count` adults: (key, span in cents)."""
    edges = limits(count)
    bands = [("tot", Span(0, edges[0]))]
    bands += [
        (f"tussen-{i}", Span(low + 1, high))
        for i, (low, high) in enumerate(itertools.pairwise(edges), 1)
    ]
    bands.append(("boven", Span(edges[-1] + 1, None)))
    return bands


def income_answers(count: int) -> tuple[Answer, ...]:
    texts = questions().income
    answers = []
    for key, span in income_bands(count):
        form = texts["banden"][key.split("-")[0]]
        labels = {}
        for lang in LANGS:
            money = "en" if lang == "en" else "nl"
            low = euros((span.low or 1) - 1, money)
            high = euros(span.high, money) if span.high is not None else ""
            labels[lang] = str(form[lang]).format(van=low, tot=high)
        answers.append(Answer(key, labels))
    answers.append(Answer(UNKNOWN, dict(texts["onbekend"])))
    return tuple(answers)


def answers_for(question: Question, answers: Mapping[str, str]) -> tuple[Answer, ...]:
    """The answers a question offers, given what was answered before it."""
    if question.key == "inkomen":
        return income_answers(adults(answers))
    return question.answers


def matters(question: Question, answers: Mapping[str, str]) -> bool:
    return all(answers.get(k) in allowed for k, allowed in question.only_if.items())


def read(posted: Mapping[str, str]) -> dict[str, str]:
    """The valid answers in `posted`, in question order, stopping at the first one missing or
    not valid (an answer depends on the ones before it: the income bands on the household)."""
    answers: dict[str, str] = {}
    for question in questions().items:
        if not matters(question, answers):
            continue
        value = posted.get(question.key, "")
        if value not in {a.key for a in answers_for(question, answers)}:
            break
        answers[question.key] = value
        if value in question.done_if:
            break
    return answers


def next_question(answers: Mapping[str, str]) -> Question | None:
    """The first question that matters and has no answer yet; None when all are answered (or
    an answer ended the questions)."""
    for question in questions().items:
        if not matters(question, answers):
            continue
        if question.key not in answers:
            return question
        if answers[question.key] in question.done_if:
            return None
    return None


def asked(answers: Mapping[str, str]) -> list[Question]:
    """The questions that matter for these answers (for "question 2 of 5")."""
    shown: dict[str, str] = {}
    result = []
    for question in questions().items:
        if matters(question, {**answers, **shown}):
            result.append(question)
            if question.key in answers:
                shown[question.key] = answers[question.key]
                if answers[question.key] in question.done_if:
                    break
    return result


def situation_of(answers: Mapping[str, str]) -> Situation:
    """The facts the answers give; a question not asked or "Dat weet ik niet" stays unknown."""
    age_answer = answers.get("leeftijd")
    aow = rules().aow_age
    ages = {**AGES, "21-aow": Span(21, aow - 1), "aow": Span(aow, None)}
    age = ages.get(age_answer) if age_answer else None
    count = adults(answers)
    income = dict(income_bands(count)).get(answers.get("inkomen", ""))
    years = {"ja": Span(3, None), "nee": Span(0, 2)}.get(answers.get("jaren", ""))
    housing = answers.get("woning")
    return Situation(
        lives_here={"ja": True, "nee": False}.get(answers.get("woonplaats", "")),
        age=age,
        adults=count,
        children=children(answers),
        income=income,
        housing=housing if housing in ("huur", "koop") else None,
        low_income_years=years,
    )
