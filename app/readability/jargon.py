"""Officialese (data/jargon.tsv) matched as whole words and fixed expressions, with a
replacement that fits the grammar it replaces, or advice on how to rewrite where none fits.

A replacement is only offered when it can be dropped into the sentence as it stands: a verb in
the same form ("verstrekt" -> "geeft" or "gegeven"), a noun in the same number with the right
article ("de beschikking" -> "het besluit"), a capital where the original had one. Everything
else gets advice ("Schrijf 'moet' en laat 'te' weg"), never a word that breaks the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from .data import lines
from .morphology import Role, VerbForms, capitalised_like, conjugate, verb_roles

Kind = str  # "woord", "zn", "ww", "vast"

# Articles and determiners whose form depends on the gender of the noun after them.
GENDER_SWAP = {
    "de": "het", "het": "de", "deze": "dit", "dit": "deze", "die": "dat", "dat": "die",
    "onze": "ons", "ons": "onze", "elke": "elk", "elk": "elke", "iedere": "ieder",
    "ieder": "iedere", "welke": "welk", "welk": "welke",
}  # fmt: skip
NEUTRAL = frozenset(["een", "uw", "geen", "mijn", "je", "jouw", "hun", "zijn", "haar", "jullie"])
DETERMINERS = frozenset(GENDER_SWAP) | NEUTRAL
PERFECT = frozenset(
    [
        "heb",
        "hebt",
        "heeft",
        "hebben",
        "had",
        "hadden",
        "ben",
        "bent",
        "is",
        "zijn",
        "was",
        "waren",
        "word",
        "wordt",
        "worden",
        "werd",
        "werden",
        "geweest",
    ]
)
# Words that start a new clause: an auxiliary beyond them belongs to another verb.
CLAUSE_WORDS = frozenset(
    [
        "en",
        "maar",
        "omdat",
        "want",
        "die",
        "dat",
        "als",
        "wanneer",
        "zodat",
        "terwijl",
        "nadat",
        "voordat",
        "of",
        "waarin",
        "waarop",
        "wat",
        "waarna",
        "waarbij",
    ]
)
_CLAUSE_GAP = re.compile(r"[,;:()]")
PASSIVE_AUXILIARIES = frozenset(["word", "wordt", "worden", "werd", "werden"])
# Verbs that have no passive: "worden ontvangen" cannot become "worden gekregen".
NO_PASSIVE = frozenset(["krijgen", "hebben", "willen", "kunnen", "moeten", "hoeven", "weten"])
_SLOT = re.compile(r"^\{(.+)\}$")


@dataclass(frozen=True, slots=True)
class Conditions:
    sentence_start: bool = False
    next_words: frozenset[str] = frozenset()
    previous_words: frozenset[str] = frozenset()
    with_verb: str = ""
    no_determiner: bool = False
    particle: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    kind: Kind
    term: str  # as written in the data file, for messages
    alternative: str  # "" when only advice fits
    advice: str
    policy: bool
    conditions: Conditions
    # zn: (singular, plural, gender) of the term and of the alternative; "" = no such form
    noun: tuple[str, str, str] = ("", "", "")
    noun_alternative: tuple[str, str, str] = ("", "", "")
    forms: tuple[str, ...] = ()  # woord: the forms, for positional alternatives
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way an entry is written: a sequence of literal words and at most one verb slot."""

    entry: Entry
    words: tuple[str, ...]  # literal words; "" where the verb slot is
    slot_verb: str = ""  # infinitive in the slot ("maken" in "{maken} gebruik van")
    slot_roles: dict[str, set[Role]] = field(default_factory=dict)
    number: str = ""  # zn: "sg" or "pl"
    position: int = 0  # woord: index of the form


class Match(NamedTuple):
    entry: Entry
    first: int  # token indexes, inclusive
    last: int
    suggestion: str | None
    advice: str


@dataclass(frozen=True, slots=True)
class Table:
    by_first_word: dict[str, list[Pattern]]
    entries: tuple[Entry, ...]

    def verbs(self) -> dict[str, Entry]:
        """Return the verb entries by infinitive (used to name the plain verb in a noun)."""
        return {e.term.replace("|", ""): e for e in self.entries if e.kind == "ww"}


def _conditions(text: str) -> Conditions:
    found: dict[str, object] = {}
    for part in text.split():
        name, _, value = part.partition("=")
        values = frozenset(value.split(",")) if value else frozenset()
        if name == "begin":
            found["sentence_start"] = True
        elif name == "na":
            found["next_words"] = values
        elif name == "voor":
            found["previous_words"] = values
        elif name == "met":
            found["with_verb"] = value
        elif name == "los":
            found["no_determiner"] = True
        elif name == "partikel":
            found["particle"] = value
        else:
            raise ValueError(f"jargon.tsv: unknown condition {part!r}")
    return Conditions(**found)  # type: ignore[arg-type]


def _noun(text: str) -> tuple[str, str, str]:
    singular, plural, gender = ([*text.split("|"), "", "", ""])[:3]
    clean = tuple("" if v.strip() == "-" else v.strip().lower() for v in (singular, plural))
    return clean[0], clean[1], gender.strip()


def _patterns(entry: Entry) -> list[Pattern]:
    if entry.kind == "zn":
        singular, plural, _ = entry.noun
        return [
            Pattern(entry, tuple(form.split()), number=number)
            for form, number in ((singular, "sg"), (plural, "pl"))
            if form
        ]
    if entry.kind == "woord":
        return [Pattern(entry, (form,), position=i) for i, form in enumerate(entry.forms)]
    if entry.kind == "ww":
        return [Pattern(entry, ("",), entry.term, verb_roles(entry.term))]
    words: list[str] = []
    verb = ""
    for word in entry.term.split():
        slot = _SLOT.match(word)
        if slot:
            verb = slot.group(1)
            words.append("")
        else:
            words.append(word)
    return [Pattern(entry, tuple(words), verb, verb_roles(verb) if verb else {})]


@cache
def table() -> Table:
    entries: list[Entry] = []
    index: dict[str, list[Pattern]] = {}
    for line in lines("jargon.tsv"):
        columns = ([*line.split("\t"), "", "", "", ""])[:5]
        kind, term, alternative, advice, conditions = (c.strip() for c in columns)
        policy = kind.startswith("!")
        kind = kind.lstrip("!")
        alternative = "" if alternative == "-" else alternative
        entry = Entry(kind, term.lower(), alternative, advice, policy, _conditions(conditions))
        if kind == "zn":
            entry = Entry(
                kind, _noun(term)[0] or _noun(term)[1], alternative, advice, policy,
                entry.conditions, _noun(term), _noun(alternative) if alternative else ("", "", ""),
            )  # fmt: skip
        elif kind == "woord":
            forms = tuple(f.strip().lower() for f in term.split("|"))
            alternatives = tuple(a.strip() for a in alternative.split("|")) if alternative else ()
            entry = Entry(
                kind, forms[0], alternative, advice, policy, entry.conditions,
                forms=forms, alternatives=alternatives,
            )  # fmt: skip
        elif kind not in ("ww", "vast"):
            raise ValueError(f"jargon.tsv: unknown kind {kind!r} in {line!r}")
        entries.append(entry)
        for pattern in _patterns(entry):
            first = pattern.words[0]
            keys = pattern.slot_roles if first == "" else {first: set()}
            for key in keys:
                index.setdefault(key, []).append(pattern)
    return Table(index, tuple(entries))


def _clause(tokens: Sequence[str], gaps: Sequence[str], first: int, last: int) -> range:
    """Return the token indexes of the clause around first..last (gaps[i] precedes token i)."""
    start = first
    while (
        start > 0 and not _CLAUSE_GAP.search(gaps[start]) and tokens[start - 1] not in CLAUSE_WORDS
    ):
        start -= 1
    end = last
    while (
        end + 1 < len(tokens)
        and not _CLAUSE_GAP.search(gaps[end + 1])
        and tokens[end + 1] not in CLAUSE_WORDS
    ):
        end += 1
    return range(start, end + 1)


def _role(roles: set[Role], tokens: Sequence[str], gaps: Sequence[str], at: int) -> Role:
    """Choose what an ambiguous verb form is here (verstrekt: 'hij verstrekt' or 'verstrekt')."""
    if len(roles) == 1:
        return next(iter(roles))
    if "participle" in roles:
        clause = _clause(tokens, gaps, at, at)
        has_auxiliary = any(tokens[i] in PERFECT for i in clause if i != at)
        if has_auxiliary:
            return "participle"
        roles = roles - {"participle"}
    if "adjective" in roles:
        if at > 0 and tokens[at - 1] in DETERMINERS:
            return "adjective"
        roles = roles - {"adjective"}
    order: tuple[Role, ...] = ("third", "inf", "past_sg", "stem", "past_pl", "present")
    return next(r for r in order if r in roles)


def _verb_replacement(alternative: str, role: Role) -> tuple[str | None, str]:
    """Return (replacement, advice) for an alternative verb in the role of the original."""
    words = alternative.split(" ", 1)
    forms: VerbForms = conjugate(words[0])
    rest = " " + words[1] if len(words) > 1 else ""
    if forms.particle and role not in ("inf", "participle"):
        finite = forms.form(role) or forms.third
        return None, f"Schrijf '{finite} ... {forms.particle}'."
    form = forms.form(role)
    if form is None:
        return None, ""
    return form + rest, ""


def _in_passive(alternative: str, tokens: Sequence[str], gaps: Sequence[str], at: int) -> bool:
    """True when the participle at `at` is passive and the alternative has no passive."""
    if alternative.split(" ")[0].replace("|", "") not in NO_PASSIVE:
        return False
    return any(tokens[i] in PASSIVE_AUXILIARIES for i in _clause(tokens, gaps, at, at))


def _fill(template: str, role: Role) -> str | None:
    """Fill the {verb} slot of an alternative with the form for role; None if it cannot."""
    slot = re.search(r"\{(.+?)\}", template)
    if slot is None:
        return template
    replacement, _ = _verb_replacement(slot.group(1), role)
    if replacement is None:
        return None
    return template[: slot.start()] + replacement + template[slot.end() :]


def _noun_replacement(
    pattern: Pattern, tokens: Sequence[str], first: int
) -> tuple[str | None, int, str]:
    """Return (replacement, first token of the span, advice) for a noun."""
    entry = pattern.entry
    singular, plural, alt_gender = entry.noun_alternative
    alternative = singular if pattern.number == "sg" else plural
    if not alternative:
        return None, first, ""
    if pattern.number == "pl":
        return alternative, first, ""  # every plural takes "de"
    previous = tokens[first - 1] if first > 0 else ""
    same_gender = alt_gender == entry.noun[2]
    if previous in DETERMINERS:
        if same_gender or previous in NEUTRAL:
            return alternative, first, ""
        return f"{GENDER_SWAP[previous]} {alternative}", first - 1, ""
    article = alt_gender or "de"
    # An adjective or nothing before the noun: the words before it may have to change as well.
    if same_gender and first > 1 and tokens[first - 2] in DETERMINERS:
        return alternative, first, ""
    return (
        None,
        first,
        f"Schrijf '{article} {alternative}' en kijk of de woorden ervoor nog passen.",
    )


def _conditions_hold(
    conditions: Conditions, tokens: Sequence[str], gaps: Sequence[str], first: int, last: int
) -> bool:
    if conditions.sentence_start and first != 0:
        return False
    if conditions.next_words and (
        last + 1 >= len(tokens) or tokens[last + 1] not in conditions.next_words
    ):
        return False
    if conditions.previous_words and (
        first == 0 or tokens[first - 1] not in conditions.previous_words
    ):
        return False
    if conditions.with_verb:
        forms = verb_roles(conditions.with_verb)
        if not any(t in forms for t in tokens):
            return False
    if conditions.no_determiner and first > 0 and tokens[first - 1] in DETERMINERS:
        return False
    if conditions.particle:
        clause = _clause(tokens, gaps, first, last)
        if clause[-1] > last and tokens[clause[-1]] == conditions.particle:
            return False
    return True


def _try(
    pattern: Pattern, tokens: Sequence[str], gaps: Sequence[str], at: int, skip: AbstractSet[int]
) -> int:
    """Return the last token index when pattern matches at `at`, else -1."""
    last = at + len(pattern.words) - 1
    if last >= len(tokens):
        return -1
    for offset, word in enumerate(pattern.words):
        index = at + offset
        if index in skip or (offset and gaps[index].strip()):
            return -1  # a name, or punctuation inside the expression
        if word and tokens[index] != word:
            return -1
        if not word and tokens[index] not in pattern.slot_roles:
            return -1
    return last


def find(
    tokens: Sequence[str], originals: Sequence[str], gaps: Sequence[str], skip: AbstractSet[int]
) -> list[Match]:
    """Find officialese in one sentence, longest match first, never overlapping.

    tokens: the words in lower case; originals: as written; gaps[i]: the text between token
    i - 1 and token i (punctuation ends an expression); skip: indexes of names and quotes.
    """
    index = table().by_first_word
    found: list[Match] = []
    at = 0
    while at < len(tokens):
        best: tuple[int, Pattern] | None = None
        for pattern in index.get(tokens[at], ()) if at not in skip else ():
            last = _try(pattern, tokens, gaps, at, skip)
            if last < 0 or (best is not None and last <= best[0]):
                continue
            if _conditions_hold(pattern.entry.conditions, tokens, gaps, at, last):
                best = (last, pattern)
        if best is None:
            at += 1
            continue
        last, pattern = best
        found.append(_match(pattern, tokens, originals, gaps, at, last))
        at = last + 1
    return found


def _match(
    pattern: Pattern,
    tokens: Sequence[str],
    originals: Sequence[str],
    gaps: Sequence[str],
    first: int,
    last: int,
) -> Match:
    entry = pattern.entry
    suggestion: str | None = None
    advice = entry.advice
    if entry.alternative:
        if entry.kind == "zn":
            suggestion, first, noun_advice = _noun_replacement(pattern, tokens, first)
            advice = advice or noun_advice
        elif entry.kind == "woord":
            alternatives = entry.alternatives
            choice = (
                alternatives[pattern.position]
                if len(alternatives) == len(entry.forms)
                else alternatives[0]
            )
            suggestion = None if choice == "-" else choice
        else:
            slot = pattern.words.index("") if "" in pattern.words else -1
            if slot >= 0:
                role = _role(pattern.slot_roles[tokens[first + slot]], tokens, gaps, first + slot)
                if (
                    entry.kind == "ww"
                    and role == "participle"
                    and _in_passive(entry.alternative, tokens, gaps, first)
                ):
                    advice = advice or (
                        f"'{entry.alternative}' heeft geen lijdende vorm. Zeg wie het doet: "
                        "'Als wij de gegevens niet op tijd krijgen, ...'"
                    )
                elif entry.kind == "ww":
                    suggestion, verb_advice = _verb_replacement(entry.alternative, role)
                    advice = advice or verb_advice
                else:
                    suggestion = _fill(entry.alternative, role)
            else:
                suggestion = entry.alternative
    if suggestion is not None:
        suggestion = capitalised_like(originals[first], suggestion)
    elif not advice:
        plain = re.sub(r"[{}|]", "", entry.alternative).split("|")[0]
        advice = f"Zeg het anders, bijvoorbeeld met '{plain}'." if plain else ""
    return Match(entry, first, last, suggestion, advice)


def plain_verb_for(noun_verb: str) -> str | None:
    """Return the plain alternative of a formal verb in the table ("verstrekken" -> "geven")."""
    entry = table().verbs().get(noun_verb)
    if entry is None or not entry.alternative:
        return None
    return entry.alternative.replace("|", "")
