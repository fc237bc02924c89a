"""The checks. Each rule adds findings (and word marks) to a Collector.

Word-level rules run in one pass over the tokens to stay within the speed budget.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import groupby, pairwise

from .data import abbreviations, allowlist, lines
from .document import Document, Sentence, Token
from .jargon import Match, plain_verb_for
from .jargon import find as find_jargon
from .jargon import table as jargon_table
from .markup import new_tuple
from .messages import message
from .names import name_tokens
from .profiles import Profile
from .report import Finding, MarkKind, Severity, WordMark
from .words import WORD_CACHE_SIZE, is_uncommon


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


NUMBER_WORDS: dict[str, str] = {
    "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6", "zeven": "7", "acht": "8",
    "negen": "9", "tien": "10", "elf": "11", "twaalf": "12", "dertien": "13", "veertien": "14",
    "vijftien": "15", "twintig": "20", "dertig": "30", "veertig": "40", "vijftig": "50",
    "honderd": "100", "duizend": "1000",
}  # fmt: skip
COUNT_WORDS_NL = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht"}
COUNT_WORDS_EN = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}
# A comma before one of these words is a natural place to end a sentence and start a new one.
SPLIT_WORDS = _word_set(
    "en maar omdat want dus zodat terwijl doordat waardoor nadat waarna hoewel of "
    "and but because so while although"
)

_AUXILIARIES = frozenset(("wordt", "worden", "werd", "werden", "is", "zijn", "was", "waren"))
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
_NONE: frozenset[int] = frozenset()
_CLAUSE_END = re.compile(r"[,;:]")


@dataclass
class Collector:
    profile: Profile
    message_lang: str
    masked: str = ""
    findings: list[Finding] = field(default_factory=list)
    marks: list[WordMark] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    _messages: dict[tuple[object, ...], str] = field(default_factory=dict)

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
        # "jargon_advice" is a jargon finding whose message gives advice instead of a word.
        counted = rule[: -len("_advice")] if rule.endswith("_advice") else rule
        # The same rule with the same words gives the same message: made once per text (one
        # word repeated on thousands of lines would format it thousands of times).
        key = (rule, *params.items())
        text = self._messages.get(key)
        if text is None:
            text = self._messages[key] = message(rule, self.message_lang, **params)
        self.findings.append(
            new_tuple(  # one per finding: see markup.new_tuple
                Finding,
                (
                    counted,
                    severity,
                    text,
                    sentence.text if sentence else "",
                    start,
                    end,
                    suggestion,
                ),
            )
        )
        self.counts[counted] = self.counts.get(counted, 0) + 1

    def copy_from(self, other: Collector, shift: int) -> None:
        """Add what `other` found, `shift` characters further on in the same text."""
        append = self.findings.append
        for rule, severity, text, sentence, start, end, suggestion in other.findings:
            append(
                new_tuple(
                    Finding,
                    (rule, severity, text, sentence, start + shift, end + shift, suggestion),
                )
            )
        for start, end, kind, alternative, hint in other.marks:
            self.marks.append(
                new_tuple(WordMark, (start + shift, end + shift, kind, alternative, hint))
            )
        for rule, count in other.counts.items():
            self.counts[rule] = self.counts.get(rule, 0) + count

    def mark(
        self,
        start: int,
        end: int,
        kind: MarkKind,
        alternative: str | None,
        hint: str | None = None,
    ) -> None:
        self.marks.append(new_tuple(WordMark, (start, end, kind, alternative, hint)))


def check_sentence_length(doc: Document, out: Collector) -> None:
    """Long sentences: how many sentences to make of it, and where a split comes naturally."""
    profile = out.profile
    for sentence in doc.sentences:
        words = len(sentence.tokens)
        if words <= profile.sentence_warning:
            continue
        severity: Severity = "blocking" if words > profile.sentence_blocking else "warning"
        parts = _split_advice(words, profile, out)
        fewest = max(2, math.ceil(words / profile.sentence_warning))
        points = split_points(doc, sentence, fewest - 1)
        where = ""
        if points:
            quoted = ", ".join(
                "'" + " ".join(doc.masked[p : p + 40].split()[:1]) + "'" for p in points
            )
            where = message("split_where", out.message_lang, words=quoted)
        out.add(
            "sentence_length", severity, sentence, sentence.start, sentence.end,
            words=words, max=profile.sentence_warning, parts=parts, where=where,
        )  # fmt: skip
        for point in points:
            out.mark(point, point, "knip", None)


def check_paragraph_length(doc: Document, out: Collector) -> None:
    """Paragraphs (and runs of lines in one block) with too many sentences or words."""
    most_sentences = out.profile.paragraph_sentences
    most_words = out.profile.paragraph_words
    # One pass, the sentence's fields unpacked: a text may have 10,000 one-line paragraphs
    # (groupby with a key function per sentence cost more than the check itself).
    first = last = None
    block = count = words = 0
    for sentence in doc.sentences:
        _, _, _, (_, _, kind, unit_block), tokens = sentence
        in_prose = kind == "paragraph" or kind == "line"
        if first is not None and (not in_prose or unit_block != block):
            if count > most_sentences or words > most_words:
                _long_paragraph(out, first, last or first, count, words)
            first = None
        if in_prose:
            if first is None:
                first, block, count, words = sentence, unit_block, 0, 0
            last = sentence
            count += 1
            words += len(tokens)
    if first is not None and (count > most_sentences or words > most_words):
        _long_paragraph(out, first, last or first, count, words)


def _long_paragraph(
    out: Collector, first: Sentence, last: Sentence, count: int, words: int
) -> None:
    out.add(
        "paragraph_length", "warning", first, first.start, last.end, sentences=count, words=words
    )


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


@dataclass(frozen=True, slots=True)
class PlainVerb:
    verb: str
    example: str


@cache
def _nominalisations() -> dict[str, PlainVerb]:
    table: dict[str, PlainVerb] = {}
    for line in lines("nominalisations.tsv"):
        nouns, verb, example = ([*line.split("\t"), "", ""])[:3]
        for noun in nouns.split("|"):
            table[noun.strip()] = PlainVerb(verb.strip(), example.strip())
    return table


@lru_cache(maxsize=WORD_CACHE_SIZE)  # called for every word of every text
def plain_verb(lower: str) -> PlainVerb | None:
    """Return the plain verb hidden in a nominalisation, or None if it is none (or everyday).

    Only nouns with a plain verb to offer count: the table in data/nominalisations.tsv, and
    -ing nouns made of a formal verb the jargon table knows (verstrekking -> verstrekken ->
    geven). Everyday nouns (woning, beperking, aanpassing, verkiezing) are not in either.
    """
    found = _nominalisations().get(lower)
    if found is not None:
        return found
    for ending in ("ingen", "ing"):
        if lower.endswith(ending) and len(lower) > len(ending) + 3:
            verb = plain_verb_for(lower[: -len(ending)] + "en")
            if verb is not None:
                return PlainVerb(verb, "")
    return None


def _split_advice(words: int, profile: Profile, out: Collector) -> str:
    """How many sentences to make of a long one, in words: "twee", "drie of vier"."""
    fewest = max(2, math.ceil(words / profile.sentence_warning))
    most = max(fewest, math.ceil(words / profile.medium_max))
    names = COUNT_WORDS_EN if out.message_lang == "en" else COUNT_WORDS_NL
    joiner = " or " if out.message_lang == "en" else " of "

    def name(n: int) -> str:
        return names.get(n, str(n))

    if most == fewest:
        return name(fewest)
    return name(fewest) + joiner + name(min(most, fewest + 1))


def split_points(doc: Document, sentence: Sentence, wanted: int) -> list[int]:
    """Offsets where the sentence splits naturally: after a comma before en, maar, omdat, ...

    Returns at most `wanted` offsets (just after the comma), spread over the sentence.
    """
    candidates: list[int] = []
    tokens = sentence.tokens
    for before, token in pairwise(tokens):
        gap = doc.masked[before.end : token.start]
        if "," in gap and token.text.lower() in SPLIT_WORDS:
            candidates.append(before.end + gap.index(",") + 1)
    if len(candidates) <= wanted:
        return candidates
    length = sentence.end - sentence.start
    chosen: list[int] = []
    for part in range(1, wanted + 1):
        ideal = sentence.start + length * part / (wanted + 1)
        best = min((c for c in candidates if c not in chosen), key=lambda c: abs(c - ideal))
        chosen.append(best)
    return sorted(chosen)


def _is_name(token: Token, first: bool) -> bool:
    """Capitalised mid-sentence words and acronyms are names: do not judge their frequency."""
    text = token.text
    return (not first and text[0].isupper()) or (len(text) > 1 and text.isupper())


def check_words(doc: Document, out: Collector, language_rules: bool) -> None:
    """One pass over all tokens: officialese, names, abbreviations, numbers, nominalisations,
    uncommon and long words. One finding per span: a word that is officialese gets no other
    word finding, and a word gets at most one of nominalisation, uncommon and long."""
    tables = _WordTables(out.profile, doc.masked, language_rules)
    masked = doc.masked
    # What a sentence of one word gets depends on that word and on whether a full stop follows
    # it (an abbreviation), nothing else: judged once per such word and copied to each place
    # (a text of one-word lines repeats a few words thousands of times).
    judged: dict[tuple[str, str, int, bool], tuple[Collector | None, int]] = {}
    for sentence in doc.sentences:
        tokens = sentence.tokens
        if len(tokens) > 1:
            _check_sentence_words(sentence, out, tables)
            continue
        token = tokens[0]
        key = (
            sentence.text, token.text, token.start - sentence.start,
            masked[token.end : token.end + 1] == ".",
        )  # fmt: skip
        found = judged.get(key)
        if found is None:
            alone = Collector(out.profile, out.message_lang, masked)
            _check_sentence_words(sentence, alone, tables)
            found = judged[key] = (alone if alone.findings or alone.marks else None, sentence.start)
        if found[0] is not None:  # most words get nothing
            out.copy_from(found[0], sentence.start - found[1])


class _WordTables:
    """What the word checks look words up in, fetched once per text."""

    __slots__ = ("abbreviations", "allowed", "easy", "first_words", "language_rules", "layout",
                 "masked", "profile")  # fmt: skip

    def __init__(self, profile: Profile, masked: str, language_rules: bool) -> None:
        self.profile = profile
        self.masked = masked
        self.language_rules = language_rules
        self.layout = profile.layout_rules
        self.easy = profile.name == "makkelijk"
        self.abbreviations = abbreviations()
        self.allowed = allowlist()
        self.first_words = jargon_table().by_first_word


def _check_sentence_words(sentence: Sentence, out: Collector, tables: _WordTables) -> None:
    profile = tables.profile
    layout = tables.layout
    abbreviation_table = tables.abbreviations
    allowed = tables.allowed
    masked = tables.masked
    easy = tables.easy
    language_rules = tables.language_rules
    tokens = sentence.tokens
    single = len(tokens) == 1
    originals = [t.text for t in tokens]
    lowered = [t.lower() for t in originals]
    gaps = [""]
    if not single:
        gaps += [masked[a.end : b.start] for a, b in pairwise(tokens)]
    # A sentence of one word has no names in it (the first word is judged as a word).
    skip = (
        name_tokens(originals, [t.start for t in tokens], gaps, masked, sentence.start)
        if language_rules and (not single or (len(originals[0]) > 1 and originals[0].isupper()))
        else _NONE
    )
    covered: set[int] | frozenset[int] = _NONE
    # (A sentence of one word that starts no expression has no officialese to look for.)
    if language_rules and (not single or lowered[0] in tables.first_words):
        matches = find_jargon(lowered, originals, gaps, skip)
        if matches:
            covered = set()
            for match in matches:
                _add_jargon(out, sentence, tokens, match)
                covered.update(range(match.first, match.last + 1))
    for index, token in enumerate(tokens):
        if not token.is_word:
            continue
        lower = lowered[index]
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
        if not language_rules or index in covered or index in skip or lower in allowed:
            continue
        severity: Severity = "warning" if easy else "info"
        verb = plain_verb(lower)
        letters = sum(c.isalpha() for c in lower) if len(lower) > profile.long_word_letters else 0
        if verb is not None:
            example = f" '{verb.example}'" if verb.example else ""
            out.add(
                "nominalisation", severity, sentence, token.start, token.end,
                word=token.text, verb=verb.verb, example=example,
            )  # fmt: skip
            out.mark(token.start, token.end, "nominalisatie", None, verb.verb)
        elif len(lower) > 2 and not _is_name(token, index == 0) and is_uncommon(lower):
            out.add("uncommon_word", severity, sentence, token.start, token.end, word=token.text)
            out.mark(token.start, token.end, "moeilijk", None)
        elif letters > profile.long_word_letters:
            out.add(
                "long_word", severity, sentence, token.start, token.end,
                word=token.text, letters=letters,
            )  # fmt: skip


def _add_jargon(
    out: Collector, sentence: Sentence, tokens: tuple[Token, ...], match: Match
) -> None:
    entry = match.entry
    rule = "policy_word" if entry.policy else "jargon"
    severity: Severity = "blocking" if entry.policy else "warning"
    start, end = tokens[match.first].start, tokens[match.last].end
    # A match never spans punctuation, so its words joined by spaces are what the editor reads.
    word = " ".join(t.text for t in tokens[match.first : match.last + 1])
    if match.suggestion is not None:
        out.add(
            rule, severity, sentence, start, end, match.suggestion,
            word=word, alternative=match.suggestion,
        )  # fmt: skip
    else:
        out.add(
            rule + "_advice", severity, sentence, start, end, None, word=word, advice=match.advice
        )
    out.mark(start, end, "jargon", match.suggestion, None if match.suggestion else match.advice)


def check_passive(doc: Document, out: Collector) -> None:
    easy = out.profile.name == "makkelijk"
    for sentence in doc.sentences:
        if len(sentence.tokens) < 2:
            continue  # a passive needs an auxiliary and a participle after it
        lowered = [t.text.lower() for t in sentence.tokens]
        for index, word in enumerate(lowered):
            if word not in _AUXILIARIES:
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
                # Marked in the text on the auxiliary: the participle is often officialese too.
                auxiliary = sentence.tokens[index]
                out.mark(auxiliary.start, auxiliary.end, "lijdend", None, phrase)
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
    share = len([w for w in words if w in FUNCTION_WORDS_NL]) / len(words)
    return share >= 0.12
