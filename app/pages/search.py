"""Search over the content files, built in memory at start-up (independent of the database).

Residents search in their own words ("geen geld", "paspoort verlopen"); a synonyms list maps those
phrases to services. Scoring is simple on purpose: a few dozen pages need no search engine.

Only relevant pages are shown, never a list filled up with pages that mention a word in passing:
a page is relevant when a resident's phrase points to it, when a word of the query is in its
title, keywords or summary, or when a word of the query is in its text and in the text of only a
few pages (so it says what the page is about: "fiets" finds grof afval; "paspoort", which a dozen
pages mention as something to bring, finds only the passport page); and a page far below the
best one only mentions what that page is about. When nothing is relevant, the search page says
so and shows the way to a person.
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from app.core import yamlfiles
from app.pages.content import ContentStore, Page

WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = """
de het een en of in op van voor met aan te is ik mijn mij wat hoe wil kan er om bij
gemeente nijmegen
the a an and or on for with to i my me what how want can municipality
"""
STOP = frozenset(_STOP_WORDS.split())
WEIGHTS = {"title": 8.0, "keywords": 6.0, "summary": 3.0, "body": 1.0}
SYNONYM_BOOST = 20.0
# A word in the text of at most this many pages says what those pages are about.
DISTINCTIVE_PAGES = 3
# A page scoring under this share of the best one only mentions what another page is about.
RELATIVE_FLOOR = 0.1


def normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def stem(word: str) -> str:
    """Strip the most common Dutch and English endings, so 'kaarten' finds 'kaart'."""
    for suffix in ("heden", "ingen", "en", "es", "s", "e"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    return [stem(w) for w in WORD.findall(normalise(text)) if w not in STOP]


@dataclass(frozen=True)
class Hit:
    page: Page
    score: float


class SearchIndex:
    def __init__(self, store: ContentStore, synonyms_file: Path) -> None:
        self.store = store
        self.fields: dict[tuple[str, str], dict[str, set[str]]] = {}
        self.prefixes: dict[tuple[str, str], set[str]] = {}
        for lang in ("nl", "en"):
            for page in store.services(lang):
                fields = {
                    "title": set(terms(page.title)),
                    "keywords": set(terms(" ".join(page.keywords))),
                    "summary": set(terms(page.summary)),
                    "body": set(terms(page.text)),
                }
                self.fields[(lang, page.slug)] = fields
                self.prefixes[(lang, page.slug)] = fields["title"] | fields["keywords"]
        raw = (
            yamlfiles.safe_load(synonyms_file.read_text(encoding="utf-8"))
            if synonyms_file.exists()
            else {}
        )
        self.synonyms: dict[str, list[tuple[str, list[str]]]] = {}
        for lang, entries in (raw or {}).items():
            self.synonyms[lang] = [(normalise(phrase), slugs) for phrase, slugs in entries.items()]
        unknown = {
            slug
            for entries in self.synonyms.values()
            for _, slugs in entries
            for slug in slugs
            if store.get("nl", slug) is None
        }
        if unknown:
            raise ValueError(f"{synonyms_file}: unknown slugs {sorted(unknown)}")

    def search(self, query: str, lang: str, limit: int = 10) -> list[Hit]:
        """Return the relevant B1 pages in `lang`, best first (none when nothing is relevant)."""
        wanted = terms(query)
        norm_query = normalise(query)
        scores: dict[str, float] = {}
        relevant: set[str] = set()
        for phrase, slugs in self.synonyms.get(lang, []):
            if phrase in norm_query:
                for rank, slug in enumerate(slugs):
                    scores[slug] = scores.get(slug, 0.0) + SYNONYM_BOOST - rank
                    relevant.add(slug)
        pages = {slug: f for (page_lang, slug), f in self.fields.items() if page_lang == lang}
        distinctive = {
            term
            for term in wanted
            if sum(1 for f in pages.values() if _matches(term, f["body"])) <= DISTINCTIVE_PAGES
        }
        for slug, fields in pages.items():
            score = 0.0
            for term in wanted:
                for name, weight in WEIGHTS.items():
                    match = _matches(term, fields[name])
                    if not match:
                        continue
                    score += weight if match == EXACT else weight / 2
                    if name != "body" or term in distinctive:
                        relevant.add(slug)
            if score:
                scores[slug] = scores.get(slug, 0.0) + score
        floor = RELATIVE_FLOOR * max((scores[s] for s in relevant), default=0.0)
        hits = []
        for slug, score in scores.items():
            page = self.store.get(lang, slug)
            if page is not None and slug in relevant and score >= floor:
                hits.append(Hit(page, score))
        hits.sort(key=lambda h: (-h.score, h.page.title))
        return hits[:limit]


EXACT, PREFIX = 2, 1


def _matches(term: str, words: set[str]) -> int:
    """Return EXACT when `term` is one of `words`, PREFIX when it begins one (3+ letters), or 0."""
    if term in words:
        return EXACT
    if len(term) >= 3 and any(w.startswith(term) for w in words):
        return PREFIX
    return 0
