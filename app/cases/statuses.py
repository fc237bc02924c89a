"""Case types and status keys as residents read them (content/zaakstatussen.yaml).

texts = catalogue()
texts.sentence("besluit", "nl")  # "Er is een besluit over uw aanvraag."
texts.next_status("wmo-hulp-thuis", "ontvangen")  # "gesprek_gepland"
"""

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.config import ROOT
from app.core import yamlfiles

FILE = ROOT / "content" / "zaakstatussen.yaml"


class CatalogueError(ValueError):
    """content/zaakstatussen.yaml is not as it should be."""


@dataclass(frozen=True)
class StatusText:
    key: str
    sentence: dict[str, str]  # language -> one plain sentence
    next: dict[str, str]  # language -> what happens next
    ends: bool


@dataclass(frozen=True)
class CaseType:
    key: str
    name: dict[str, str]
    weeks: int
    team: dict[str, str]
    statuses: tuple[str, ...]

    def expected_by(self, started: dt.date) -> dt.date:
        """The date by which the case should be decided (the term from the catalogue)."""
        return started + dt.timedelta(weeks=self.weeks)


@dataclass(frozen=True)
class Catalogue:
    statuses: dict[str, StatusText]
    case_types: dict[str, CaseType]

    def sentence(self, key: str, lang: str) -> str:
        return self.statuses[key].sentence[lang]

    def next_status(self, case_type: str, current: str | None) -> str | None:
        """Return the status after `current` in the case type's order (None at the end)."""
        order = self.case_types[case_type].statuses
        if current is None:
            return order[0]
        if current not in order or self.statuses[current].ends:
            return None
        position = order.index(current)
        return order[position + 1] if position + 1 < len(order) else None


def load(path: Path = FILE) -> Catalogue:
    """Read and check the file: every case type's statuses exist, both languages everywhere."""
    data: dict[str, Any] = yamlfiles.safe_load(path.read_text(encoding="utf-8"))
    statuses = {}
    for key, entry in data["statussen"].items():
        for part in ("zin", "daarna"):
            if set(entry[part]) != {"nl", "en"}:
                raise CatalogueError(f"{path.name}: {key}.{part} needs nl and en")
        statuses[key] = StatusText(key, entry["zin"], entry["daarna"], bool(entry.get("einde")))
    types = {}
    for key, entry in data["zaaktypen"].items():
        order = tuple(entry["statussen"])
        unknown = [s for s in order if s not in statuses]
        if unknown:
            raise CatalogueError(f"{path.name}: {key} uses unknown statuses {unknown}")
        if not statuses[order[-1]].ends:
            raise CatalogueError(f"{path.name}: {key} must end with a status that has einde: true")
        types[key] = CaseType(key, entry["naam"], int(entry["weken"]), entry["team"], order)
    return Catalogue(statuses, types)


@functools.cache
def catalogue() -> Catalogue:
    return load()
