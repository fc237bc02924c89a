"""The notice rules as data (meldingen.yaml): parameters, texts, data used and legal basis."""

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core import yamlfiles
from app.prefill.purposes import VOCABULARY, Purpose

FILE = Path(__file__).resolve().parent / "meldingen.yaml"
KINDS = ("actie", "regeling", "vanzelf")
OWN_SOURCES = {"parkeerkaarten": {"kaart"}, "parkeerplannen": {"straten", "startdatum"}}
LANGS = ("nl", "en")


class CatalogueError(ValueError):
    """meldingen.yaml is not as it should be."""


@dataclass(frozen=True)
class Rule:
    key: str
    kind: str  # one of KINDS
    params: Mapping[str, Any]  # venster_maanden, onthouden_dagen, afspraak, formulier, ...
    fields: Mapping[str, tuple[str, ...]]  # source kind -> fields it reads
    texts: Mapping[str, Mapping[str, str]]  # titel, reden, actie, wet, ... -> lang -> text

    def text(self, name: str, lang: str) -> str:
        return str((self.texts.get(name) or {}).get(lang, ""))

    def param(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)


@dataclass(frozen=True)
class Catalogue:
    rules: Mapping[str, Rule]
    common: Mapping[str, Mapping[str, str]]  # wet, besluit, fout -> lang -> text

    def rule(self, key: str) -> Rule:
        return self.rules[key]

    def purpose(self) -> Purpose:
        """Everything the rules read from the registers, plus the name to address a letter."""
        wanted: dict[str, set[str]] = {"personen": {"naam", "adres"}}
        for rule in self.rules.values():
            for kind, names in rule.fields.items():
                if kind in VOCABULARY:
                    wanted.setdefault(kind, set()).update(names)
        return Purpose.declare("meldingen", wanted)


TEXT_KEYS = ("titel", "reden", "actie", "wet")


def load(path: Path = FILE) -> Catalogue:
    """Read and check the file: known kinds, known fields, both languages for every text."""
    data = yamlfiles.safe_load(path.read_text(encoding="utf-8"))
    rules = {}
    for raw in data["meldingen"]:
        key = raw["key"]
        if raw["soort"] not in KINDS or any(
            v not in KINDS for k, v in raw.items() if k.startswith("soort_")
        ):
            raise CatalogueError(f"{key}: soort must be one of {KINDS}")
        fields = {k: tuple(v) for k, v in (raw.get("gegevens") or {}).items()}
        for kind, names in fields.items():
            known = VOCABULARY.get(kind) or OWN_SOURCES.get(kind)
            if known is None or set(names) - set(known):
                raise CatalogueError(f"{key}: unknown source or field in {kind}: {names}")
        texts = {k: v for k, v in raw.items() if isinstance(v, dict) and set(v) == set(LANGS)}
        for name in ("naam", "titel", "reden", "actie"):
            if name not in texts:
                raise CatalogueError(f"{key}: {name} needs nl and en")
        params = {k: v for k, v in raw.items() if k not in texts and k not in ("gegevens",)}
        rules[key] = Rule(key, raw["soort"], params, fields, texts)
    common = data["algemeen"]
    for name, texts in common.items():
        if set(texts) != set(LANGS):
            raise CatalogueError(f"algemeen.{name} needs nl and en")
    return Catalogue(rules, common)


@functools.cache
def catalogue() -> Catalogue:
    return load()
