"""What the reader panel and the dashboard need from a content page: its blocks of sentences and
its language measures. Pure functions of the content, cached: the content does not change while
the app runs.
"""

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.time import local_today
from app.pages.content import PICTO, ContentStore, Page
from app.readability import Report, analyse

HEADING = re.compile(r"^##(?!#)[ \t]+(?P<title>.*)$", re.MULTILINE)


@dataclass(frozen=True)
class Sentence:
    no: int  # 1-based, in page order; a mark refers to it
    text: str
    heading: bool = False


@dataclass(frozen=True)
class Block:
    """A heading and the sentences under it: what the readers go through in one go."""

    no: int  # 1-based
    heading: str
    picto: str | None
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Measures:
    level: str
    passed: bool
    avg_sentence_words: float
    sentences: int
    # The readability formula that applies to the page's language: Flesch-Douma for Dutch
    # (higher is easier), Flesch-Kincaid grade for English (lower is easier).
    formula: str  # "flesch_douma" or "flesch_kincaid_grade"
    score: float
    measure: str  # what decided the level ("dutch-engine", "flesch-kincaid", ...)


def today() -> dt.date:
    """Return today's date in Nijmegen (a test moves it to check the "older than a year" filter)."""
    return local_today()


def one_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def panel_pages(store: ContentStore) -> list[Page]:
    """Return every page in the order a facilitator looks for one: easy-read first."""
    order = {("nl", "makkelijk"): 0, ("nl", "b1"): 1, ("en", "b1"): 2}
    return sorted(
        store.pages.values(),
        key=lambda p: (order.get((p.lang, p.variant), 3), p.title.casefold(), p.slug),
    )


def blocks(page: Page) -> tuple[Block, ...]:
    """Split a page into blocks (one per ## heading) of numbered sentences."""
    return _blocks(page.body, page.variant, page.lang)


def measures(page: Page) -> Measures:
    """Return the language level and key numbers of a page against its own profile."""
    return _measures(page.body, page.variant, page.lang)


@functools.lru_cache(maxsize=256)
def _report(body: str, profile: str, lang: str) -> Report:
    # Keyed on the text itself, so apps in one process share it and it can never go stale.
    return analyse(body, profile=profile, lang=lang)


@functools.lru_cache(maxsize=256)
def _blocks(body: str, profile: str, lang: str) -> tuple[Block, ...]:
    report = _report(body, profile, lang)
    headings = [
        (m.start(), m.end(), m.group("title")) for m in HEADING.finditer(body)
    ]  # offsets in `body`, like the sentences
    # Text before the first heading forms a block without a heading.
    starts = [(0, 0, ""), *headings] if not headings or headings[0][0] > 0 else headings
    grouped: list[list[Sentence]] = [[] for _ in starts]
    for no, info in enumerate(report.sentences, start=1):
        index = max(i for i, (start, _, _) in enumerate(starts) if start <= info.start)
        start, end, _ = starts[index]
        grouped[index].append(Sentence(no, info.text, heading=start <= info.start < end))
    result: list[Block] = []
    for (_, _, title), sentences in zip(starts, grouped, strict=True):
        if not sentences:
            continue
        match = PICTO.search(title)
        result.append(
            Block(
                no=len(result) + 1,
                heading=PICTO.sub("", title).strip(),
                picto=match.group("name") if match else None,
                sentences=tuple(sentences),
            )
        )
    return tuple(result)


@functools.lru_cache(maxsize=256)
def _measures(body: str, profile: str, lang: str) -> Measures:
    report = _report(body, profile, lang)
    formula = "flesch_douma" if lang == "nl" else "flesch_kincaid_grade"
    return Measures(
        level=report.level,
        passed=report.passed,
        avg_sentence_words=report.metrics.get("avg_sentence_words", 0.0),
        sentences=int(report.metrics.get("sentences", 0)),
        formula=formula,
        score=report.metrics.get(formula, 0.0),
        measure=report.measure,
    )


SOFT_HYPHEN = "\u00ad"
HYPHENATE_FROM = 13  # letters; shorter words fit a narrow column as they are
_HYPHEN_LANGS = {"nl": "nl_NL", "en": "en_GB"}
_LONG_WORD = re.compile(rf"\w{{{HYPHENATE_FROM},}}")


@functools.cache
def _hyphenator(lang: str) -> Any:
    import pyphen  # type: ignore[import-untyped, unused-ignore]

    return pyphen.Pyphen(lang=_HYPHEN_LANGS.get(lang, "nl_NL"))


def hyphenate(text: str, lang: str) -> str:
    """Put soft hyphens into long words, so "Bewonersparkeervergunning" breaks as
    "Bewoners-parkeer-vergunning" in a narrow table column, never mid-syllable.

    Browsers only hyphenate by themselves (CSS hyphens: auto) where they have a dictionary for
    the language, which headless and many Linux browsers lack.
    """
    hyphenator = _hyphenator(lang)
    return _LONG_WORD.sub(lambda m: hyphenator.inserted(m.group(0), hyphen=SOFT_HYPHEN), text)


LEVEL_ORDER = {"A2": 0, "B1": 1, "B2+": 2}
# Dashboard columns that sort, by the name in the address (?sorteer=niveau&volgorde=af).
SORT_KEYS: dict[str, Callable[[Any], Any]] = {
    "pagina": lambda row: (row.page.title.casefold(), row.page.lang, row.page.variant),
    "niveau": lambda row: LEVEL_ORDER.get(row.measures.level, 3),
    "woorden": lambda row: row.measures.avg_sentence_words,
    # Dutch and English scores are different scales: each language sorts among its own.
    "leesgemak": lambda row: (row.measures.formula, row.measures.score),
    "taalcheck": lambda row: row.measures.passed,
    "getest": lambda row: (row.summary is not None, row.summary.tested_on if row.summary else 0),
    "gecontroleerd": lambda row: row.page.last_reviewed,
    "controleren": lambda row: len(row.page.to_verify),
}


@dataclass(frozen=True)
class Sort:
    """How the dashboard is sorted; no column keeps the order of the services."""

    column: str | None = None
    descending: bool = False

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> "Sort":
        column = args.get("sorteer")
        if column not in SORT_KEYS:
            return cls()
        return cls(column, args.get("volgorde") == "af")

    def apply[T](self, rows: Sequence[T]) -> list[T]:
        if self.column is None:
            return list(rows)
        # sorted() is stable: rows that tie keep the order of the services.
        return sorted(rows, key=SORT_KEYS[self.column], reverse=self.descending)

    def next_order(self, column: str) -> str:
        """The order a click on a column header asks for: ascending, or flip the current one."""
        return "af" if column == self.column and not self.descending else "op"
