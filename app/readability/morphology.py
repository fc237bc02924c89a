"""Dutch word forms: verb conjugation (for replacements that fit the grammar) and base forms (to
look a word up by its dictionary form: "invult" -> "invullen", "aangevraagde" -> "aanvragen").

Regular verbs are conjugated by rule ('t kofschip); irregular ones, and verbs the rules get
wrong ("veranderen" is "verander", not "verandeer"), come from data/verbs.tsv.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from .data import lines

Role = Literal["inf", "stem", "third", "past_sg", "past_pl", "participle", "adjective", "present"]

_VOWELS = "aeiouyëéèïö"
_KOFSCHIP = "tkfschpx"
# Unstressed prefixes: their participle has no "ge-" (verstrekt, beoordeeld, ontvangen).
_NO_GE = ("be", "ge", "ver", "ont", "her", "er")
# Separable particles: they split off and take "ge" after them (aan-ge-vraagd, op-ge-stuurd).
PARTICLES = (
    "terug", "binnen", "samen", "langs", "thuis", "door", "over", "voor", "mee", "aan", "af",
    "bij", "in", "na", "om", "op", "toe", "uit", "weg", "neer", "vast", "los", "rond", "tegen",
)  # fmt: skip


# Forms for "u"/"jij" that differ from the third person: "u bent" -> "u woont", like "hij is".
_SECOND_PERSON = {
    "zijn": ("bent",), "hebben": ("hebt",), "kunnen": ("kunt",), "willen": ("wilt",),
    "zullen": ("zult",),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class VerbForms:
    inf: str
    stem: str  # ik verstrek; verstrek je
    third: str  # hij verstrekt; u verstrekt
    past_sg: str
    past_pl: str
    participle: str
    particle: str = ""  # "terug" in terugsturen: finite forms put it at the end of the clause

    def form(self, role: Role) -> str | None:
        """Return the form for a role; None where a one-word replacement cannot be given."""
        if role in ("adjective", "present"):
            return None
        value: str = getattr(self, role)
        return value


def _stem(root: str) -> str:
    """Return the present-tense stem of an infinitive without its particle."""
    stem = root[:-2] if root.endswith("en") else root[:-1]
    if stem.endswith("ër"):
        return stem[:-2] + "eer"  # verifiëren -> verifieer
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        stem = stem[:-1]  # verstrekk -> verstrek
    elif (
        len(stem) >= 3
        and stem[-1] not in _VOWELS
        and stem[-2] in "aeou"
        and stem[-3] not in _VOWELS
    ):
        stem = stem[:-1] + stem[-2] + stem[-1]  # stur -> stuur, verlen -> verleen
    if stem.endswith("v"):
        stem = stem[:-1] + "f"
    elif stem.endswith("z"):
        stem = stem[:-1] + "s"
    return stem


def _split_particle(infinitive: str) -> tuple[str, str]:
    if "|" in infinitive:
        particle, root = infinitive.split("|", 1)
        return particle, root
    return "", infinitive


@cache
def conjugate(infinitive: str) -> VerbForms:
    """Return the forms of a verb; write separable verbs with a bar: "terug|sturen"."""
    particle, root = _split_particle(infinitive)
    irregular = _irregular().get(root)
    if irregular is not None:
        forms = irregular
    else:
        stem = _stem(root)
        # 't kofschip looks at the sound before -en: leven -> leefde (v), missen -> miste.
        sound = root[:-2][-1:] if root.endswith("en") else stem[-1:]
        suffix = "t" if sound in _KOFSCHIP else "d"
        third = stem if stem.endswith("t") else stem + "t"
        ge = "" if root.startswith(_NO_GE) else "ge"
        participle = ge + stem + ("" if stem.endswith(("t", "d")) else suffix)
        forms = VerbForms(root, stem, third, stem + suffix + "e", stem + suffix + "en", participle)
    if not particle:
        return forms
    participle = forms.participle
    return VerbForms(
        particle + forms.inf,
        forms.stem,
        forms.third,
        forms.past_sg,
        forms.past_pl,
        particle + (participle if participle.startswith("ge") else "ge" + participle),
        particle,
    )


@cache
def _irregular() -> dict[str, VerbForms]:
    table: dict[str, VerbForms] = {}
    for line in lines("verbs.tsv"):
        inf, stem, third, past_sg, past_pl, participle = line.split("\t")[:6]
        table[inf] = VerbForms(inf, stem, third, past_sg, past_pl, participle)
    return table


def verb_roles(infinitive: str) -> dict[str, set[Role]]:
    """Map every form of a verb (as written in running text) to the roles it can have."""
    forms = conjugate(infinitive)
    roles: dict[str, set[Role]] = {}

    def add(word: str, role: Role) -> None:
        roles.setdefault(word, set()).add(role)

    add(forms.inf, "inf")
    if not forms.particle:  # "stuurt ... terug" is a split form: not matched as one word
        add(forms.stem, "stem")
        add(forms.third, "third")
        add(forms.past_sg, "past_sg")
        add(forms.past_pl, "past_pl")
    add(forms.participle, "participle")
    if not forms.participle.endswith("en"):
        add(forms.participle + "e", "adjective")  # de verstrekte gegevens
    add(forms.inf + "d", "present")
    add(forms.inf + "de", "present")
    for word in _SECOND_PERSON.get(forms.inf, ()):
        add(word, "third")  # u bent, u hebt, u kunt: they take the same replacement as "is"
    return roles


def capitalised_like(original: str, replacement: str) -> str:
    """Give the replacement the capital of the original ("Indien" -> "Als")."""
    if original[:1].isupper() and replacement:
        return replacement[0].upper() + replacement[1:]
    return replacement


def _undo_stem(stem: str) -> set[str]:
    """Infinitives a present-tense stem can come from: vul -> vullen, stuur -> sturen."""
    found = {stem + "en"}
    if len(stem) >= 2 and stem[-1] not in _VOWELS:
        found.add(stem + stem[-1] + "en")  # vul -> vullen
        if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
            found.add(stem[:-2] + stem[-1] + "en")  # stuur -> sturen, vraag -> vragen
        if stem[-1] == "f":
            found.add(stem[:-1] + "ven")
            if len(stem) >= 3 and stem[-2] == stem[-3]:
                found.add(stem[:-2] + "ven")  # geef -> geven
        if stem[-1] == "s":
            found.add(stem[:-1] + "zen")
            if len(stem) >= 3 and stem[-2] == stem[-3]:
                found.add(stem[:-2] + "zen")  # lees -> lezen
    return found


def base_forms(lower: str) -> set[str]:
    """Return dictionary forms a word may be inflected from (the word itself included).

    Looks at verb endings (-t, -te, -de, -ten, -den), adjective -e, participles with "ge" (also
    after a separable particle: aan-ge-vraagd) and separable particles (op-stuurt -> stuurt).
    """
    found = {lower}
    word = lower
    if word.endswith("e") and len(word) > 4:
        found.add(word[:-1])  # aangevraagde -> aangevraagd
    for candidate in list(found):
        for ending in ("ten", "den", "te", "de", "t"):
            if candidate.endswith(ending) and len(candidate) - len(ending) >= 3:
                found |= _undo_stem(candidate[: -len(ending)])
        if candidate.endswith("d") and len(candidate) > 4:
            found |= _undo_stem(candidate[:-1])
    for particle in PARTICLES:
        if word.startswith(particle) and len(word) - len(particle) >= 3:
            rest = word[len(particle) :]
            found.add(rest)
            if rest.startswith("ge") and len(rest) > 4:
                for inner in base_forms(rest[2:]):
                    found.add(inner)
                    found.add(particle + inner)
            else:
                for inner in base_forms(rest):
                    found.add(particle + inner)
                    found.add(inner)
    if word.startswith("ge") and len(word) > 5:
        for inner in base_forms(word[2:]) - {word[2:]}:
            found.add(inner)
    return found
