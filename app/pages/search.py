"""Search over the content files, built in memory at start-up (independent of the database).

Residents search in their own words ("geen geld", "paspoort verlopen"); a synonyms list maps those
phrases to services. Scoring is simple on purpose: a few dozen pages need no search engine.
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from app.pages.content import ContentStore, Page

WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = """
de het een en of in op van voor met aan te is ik mijn mij wat hoe wil kan er om bij
the a an and or on for with to i my me what how want can
"""
STOP = frozenset(_STOP_WORDS.split())
WEIGHTS = {"title": 8.0, "keywords": 6.0, "summary": 3.0, "body": 1.0}
SYNONYM_BOOST = 20.0


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
            yaml.safe_load(synonyms_file.read_text(encoding="utf-8"))
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
        """Return the best matching B1 pages in `lang`, best first."""
        wanted = terms(query)
        norm_query = normalise(query)
        scores: dict[str, float] = {}
        for phrase, slugs in self.synonyms.get(lang, []):
            if phrase in norm_query:
                for rank, slug in enumerate(slugs):
                    scores[slug] = scores.get(slug, 0.0) + SYNONYM_BOOST - rank
        for (page_lang, slug), fields in self.fields.items():
            if page_lang != lang or not wanted:
                continue
            score = 0.0
            for term in wanted:
                for name, weight in WEIGHTS.items():
                    if term in fields[name]:
                        score += weight
                    elif len(term) >= 3 and any(t.startswith(term) for t in fields[name]):
                        score += weight / 2
            if score:
                scores[slug] = scores.get(slug, 0.0) + score
        hits = []
        for slug, score in scores.items():
            page = self.store.get(lang, slug)
            if page is not None:
                hits.append(Hit(page, score))
        hits.sort(key=lambda h: (-h.score, h.page.title))
        return hits[:limit]
