"""The checks. Each rule adds findings (and word marks) to a Collector.

Word-level rules run in one pass over the tokens to stay within the speed budget.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby

from .data import JargonEntry, abbreviations, allowlist, jargon, zipf
from .document import Document, Sentence, Token
from .messages import message
from .profiles import Profile
from .report import Finding, MarkKind, Severity, WordMark
from .words import is_uncommon


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


NUMBER_WORDS: dict[str, str] = {
    "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6", "zeven": "7", "acht": "8",
    "negen": "9", "tien": "10", "elf": "11", "twaalf": "12", "dertien": "13", "veertien": "14",
    "vijftien": "15", "twintig": "20", "dertig": "30", "veertig": "40", "vijftig": "50",
    "honderd": "100", "duizend": "1000",
}  # fmt: skip

# Nouns on -ing/-heid that are everyday words, not hidden verbs.
EVERYDAY_NOUNS = _word_set(
    "woning rekening uitkering verzekering zorgverzekering vergadering opleiding "
    "verwarming regeling woonruimte leerling kleding gezondheid veiligheid mogelijkheid "
    "waarheid ervaring vereniging verzameling aflevering richting omgeving verhuizing "
    "bijeenkomst huurtoeslag zorgtoeslag belasting parkeervergunning vergunning "
    "afvalscheiding opvoeding bevolking tekening oefening bediening voorstelling betaling "
    "werking"
)
NOMINALISATION_MAX_ZIPF = 4.5  # common -ing words ("behandeling", 4.75) read fine

_AUXILIARY = re.compile(r"\b(wordt|worden|werd|werden|is|zijn|was|waren)\b")
# ge-participles, also after a separable prefix (opgevraagd, ingediend, vastgesteld), and
# participles of verbs with an unstressed prefix (beoordeeld, verstrekt, ontvangen is missed).
_PARTICIPLE = re.compile(
    r"(?:[a-zà-ÿ]{0,5}ge[a-zà-ÿ]{2,}(?:d|t|en)|(?:be|ver|ont|her|er)[a-zà-ÿ]{3,}[dt])"
)
# Perfect tense of verbs without an object, and adjectives that look like participles.
_NOT_PASSIVE = _word_set(
    "gegaan gekomen geweest gebleven geworden gebeurd gestorven geboren gevallen gestegen "
    "gedaald gelukt gestopt gestart gegroeid geslaagd gelopen gereisd gevlucht verhuisd "
    "vertrokken gezond geldt gelden gemiddeld geschikt gewend gewoond geleden gelijk "
    "geduld gedurende gebied"
)
_PASSIVE_WINDOW = 10  # words between auxiliary and participle
_CLAUSE_END = re.compile(r"[,;:]")


@dataclass
class Collector:
    profile: Profile
    message_lang: str
    findings: list[Finding] = field(default_factory=list)
    marks: list[WordMark] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add(
        self,
        rule: str,
        severity: Severity,
        sentence: Sentence | None,
        start: int,
        end: int,
        suggestion: str | None = None,
        **params: object,
    ) -> None:
        self.findings.append(
            Finding(
                rule=rule,
                severity=severity,
                message=message(rule, self.message_lang, **params),
                sentence=sentence.text if sentence else "",
                start=start,
                end=end,
                suggestion=suggestion,
            )
        )
        self.counts[rule] = self.counts.get(rule, 0) + 1

    def mark(self, start: int, end: int, kind: MarkKind, alternative: str | None) -> None:
        self.marks.append(WordMark(start, end, kind, alternative))


def check_sentence_length(doc: Document, out: Collector) -> None:
    profile = out.profile
    for sentence in doc.sentences:
        words = sentence.word_count
        if words > profile.sentence_warning:
            severity: Severity = "blocking" if words > profile.sentence_blocking else "warning"
            out.add(
                "sentence_length", severity, sentence, sentence.start, sentence.end,
                words=words, max=profile.sentence_warning,
            )  # fmt: skip


def check_paragraph_length(doc: Document, out: Collector) -> None:
    profile = out.profile
    prose = [s for s in doc.sentences if s.unit.kind in ("paragraph", "line")]
    for _, group in groupby(prose, key=lambda s: s.unit.block):
        sentences = list(group)
        words = sum(s.word_count for s in sentences)
        if len(sentences) > profile.paragraph_sentences or words > profile.paragraph_words:
            out.add(
                "paragraph_length", "warning", sentences[0], sentences[0].start,
                sentences[-1].end, sentences=len(sentences), words=words,
            )  # fmt: skip


def check_layout(doc: Document, out: Collector) -> None:
    """Easy-read layout: one sentence per line, no brackets or semicolons."""
    for _, group in groupby(doc.sentences, key=lambda s: s.unit):
        sentences = list(group)
        if len(sentences) > 1:
            out.add(
                "one_sentence_per_line", "blocking", sentences[0], sentences[0].start,
                sentences[-1].end, sentences=len(sentences),
            )  # fmt: skip
    for sentence in doc.sentences:
        segment = doc.masked[sentence.start : sentence.end]
        bracket = re.search(r"[()\[\]]", segment)
        if bracket:
            out.add("parentheses", "blocking", sentence, sentence.start, sentence.end)
        semicolon = segment.find(";")
        if semicolon >= 0:
            position = sentence.start + semicolon
            out.add("semicolon", "blocking", sentence, position, position + 1)


def _nominal_verb(lower: str) -> str | None:
    """Return the verb or adjective hidden in a nominalisation, or None if it is not one."""
    if lower in EVERYDAY_NOUNS or len(lower) < 9:
        return None
    singular = lower[:-2] if lower.endswith(("ingen", "heden")) else lower
    if singular.endswith("heden"):
        singular = singular[:-5] + "heid"
    if singular.endswith("ing"):
        if singular in EVERYDAY_NOUNS or zipf(singular) >= NOMINALISATION_MAX_ZIPF:
            return None
        verb = singular[:-3] + "en"
        return verb if zipf(verb) > 2.0 else None
    if singular.endswith("heid"):
        if singular in EVERYDAY_NOUNS or zipf(singular) >= NOMINALISATION_MAX_ZIPF:
            return None
        adjective = singular[:-4]
        return adjective if zipf(adjective) > 2.0 else None
    return None


def _is_name(token: Token, first: bool) -> bool:
    """Capitalised mid-sentence words and acronyms are names: do not judge their frequency."""
    text = token.text
    return (not first and text[0].isupper()) or (len(text) > 1 and text.isupper())


def check_words(doc: Document, out: Collector, language_rules: bool) -> None:
    """One pass over all tokens: jargon, uncommon, long, nominalisation, abbreviation, numbers."""
    profile = out.profile
    layout = profile.layout_rules
    table = jargon().words
    abbreviation_table = abbreviations()
    allowed = allowlist()
    masked = doc.masked
    easy = profile.name == "makkelijk"
    for sentence in doc.sentences:
        for index, token in enumerate(sentence.tokens):
            if not token.is_word:
                continue
            lower = token.text.lower()
            if language_rules:
                abbreviation = (
                    abbreviation_table.get(lower + ".")
                    if masked[token.end : token.end + 1] == "."
                    else None
                )
                if abbreviation is not None:
                    out.add(
                        "abbreviation", "blocking" if layout else "warning", sentence,
                        token.start, token.end + 1, abbreviation.expansion,
                        word=token.text + ".", expansion=abbreviation.expansion,
                    )  # fmt: skip
                    continue
            if layout and lower in NUMBER_WORDS:
                out.add(
                    "number_word", "blocking", sentence, token.start, token.end,
                    NUMBER_WORDS[lower], word=token.text, digit=NUMBER_WORDS[lower],
                )  # fmt: skip
            if not language_rules:
                continue
            entry = table.get(lower)
            if entry is not None:
                _add_jargon(out, sentence, token.start, token.end, token.text, entry)
                continue
            if lower in allowed:
                continue
            letters = sum(c.isalpha() for c in lower)
            if letters > profile.long_word_letters:
                out.add(
                    "long_word", "warning" if easy else "info", sentence, token.start,
                    token.end, word=token.text, letters=letters,
                )  # fmt: skip
            verb = _nominal_verb(lower)
            if verb is not None:
                out.add(
                    "nominalisation", "warning" if easy else "info", sentence, token.start,
                    token.end, verb, word=token.text, verb=f" '{verb}'",
                )  # fmt: skip
            if len(lower) > 2 and not _is_name(token, index == 0) and is_uncommon(lower):
                out.add(
                    "uncommon_word", "warning" if easy else "info", sentence, token.start,
                    token.end, word=token.text,
                )  # fmt: skip
                out.mark(token.start, token.end, "moeilijk", None)


def _add_jargon(
    out: Collector, sentence: Sentence, start: int, end: int, text: str, entry: JargonEntry
) -> None:
    rule = "policy_word" if entry.rejected_by_policy else "jargon"
    severity: Severity = "blocking" if entry.rejected_by_policy else "warning"
    out.add(
        rule, severity, sentence, start, end, entry.alternative,
        word=text, alternative=entry.alternative,
    )  # fmt: skip
    out.mark(start, end, "jargon", entry.alternative)


_phrase_pattern: re.Pattern[str] | None = None


def _phrases() -> re.Pattern[str]:
    global _phrase_pattern
    if _phrase_pattern is None:
        phrases = sorted(jargon().phrases, key=len, reverse=True)
        body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) or "(?!)"
        _phrase_pattern = re.compile(rf"\b(?:{body})\b", re.I)
    return _phrase_pattern


def check_phrases(doc: Document, out: Collector) -> None:
    """Multi-word officialese ("met betrekking tot", "in behandeling")."""
    pattern = _phrases()
    table = jargon().phrases
    for sentence in doc.sentences:
        for match in pattern.finditer(doc.masked, sentence.start, sentence.end):
            key = " ".join(match.group(0).lower().split())
            _add_jargon(out, sentence, match.start(), match.end(), match.group(0), table[key])


def check_passive(doc: Document, out: Collector) -> None:
    easy = out.profile.name == "makkelijk"
    for sentence in doc.sentences:
        lowered = [t.text.lower() for t in sentence.tokens]
        for index, word in enumerate(lowered):
            if not _AUXILIARY.fullmatch(word):
                continue
            for later in range(index + 1, min(index + 1 + _PASSIVE_WINDOW, len(lowered))):
                between = doc.masked[sentence.tokens[later - 1].end : sentence.tokens[later].start]
                if _CLAUSE_END.search(between):
                    break
                candidate = lowered[later]
                if (
                    candidate in _NOT_PASSIVE
                    or candidate.endswith("heid")
                    or not _PARTICIPLE.fullmatch(candidate)
                ):
                    continue
                if word in ("is", "zijn", "was", "waren") and "ge" not in candidate:
                    continue
                start, end = sentence.tokens[index].start, sentence.tokens[later].end
                phrase = " ".join(t.text for t in sentence.tokens[index : later + 1])
                out.add(
                    "passive", "warning" if easy else "info", sentence, start, end, phrase=phrase
                )
                break


FUNCTION_WORDS_NL = _word_set(
    "de het een en van in is dat op te u je niet met voor zijn er aan die als of ook bij "
    "om wat we wij ze maar door naar dan nog kan wordt uw heeft hebt bent"
)


def looks_dutch(tokens: Iterable[Token]) -> bool:
    """Dutch prose is about a third function words; English text has few of them."""
    words = [t.text.lower() for t in tokens if t.is_word]
    if len(words) < 15:
        return True
    share = sum(w in FUNCTION_WORDS_NL for w in words) / len(words)
    return share >= 0.12
