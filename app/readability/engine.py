"""analyse(): the one entry point. Parse, run the rules, compute metrics and the level."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from operator import itemgetter

from . import english
from .document import Document, Sentence, parse
from .level import estimate_level, reasons
from .markup import new_tuple
from .messages import verdict
from .profiles import Profile, get_profile
from .report import Band, Level, Report, SentenceInfo
from .rules import (
    Collector,
    check_layout,
    check_paragraph_length,
    check_passive,
    check_sentence_length,
    check_words,
    looks_dutch,
)
from .words import is_uncommon, syllables

SUPPORTED_LANGS = ("nl", "en")


def analyse(text: str, profile: str = "b1", lang: str = "nl", message_lang: str = "nl") -> Report:
    """Check a Dutch (or English) text against a profile and estimate its level.

    text: plain text, Markdown (front matter is skipped) or HTML (tags are skipped).
    profile: "b1" (normal pages) or "makkelijk" (easy-read).
    lang: "nl" runs every check; "en" runs the language-neutral checks only.
    message_lang: language of the finding messages and the verdict ("nl" or "en").
    All offsets in the report point into `text` as given (Python character offsets).
    """
    chosen = get_profile(profile)
    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"Unknown language {lang!r}; use one of {SUPPORTED_LANGS}")
    text = text or ""
    doc = parse(text, one_sentence_per_line=chosen.one_sentence_per_line)
    out = Collector(chosen, message_lang, doc.masked)
    language_rules = lang == "nl"

    if not doc.sentences:
        out.add("empty", "blocking", None, 0, len(text))
        return Report(
            level="A2",
            passed=False,
            profile=chosen.name,
            lang=lang,
            metrics=_metrics(doc, out, language_rules),
            findings=out.findings,
            verdict=verdict("empty", message_lang),
            measure="dutch-engine" if language_rules else "sentence-length",
        )

    if not language_rules:
        out.add("language_neutral", "info", None, 0, 0)
    elif not looks_dutch([t for s in doc.sentences for t in s.tokens]):
        out.add("not_dutch", "info", None, 0, 0)
    check_sentence_length(doc, out)
    check_paragraph_length(doc, out)
    if chosen.layout_rules:
        check_layout(doc, out)
    check_words(doc, out, language_rules)
    if language_rules:
        check_passive(doc, out)
        _check_uncommon_share(doc, out)

    metrics = _metrics(doc, out, language_rules)
    if language_rules:
        level: Level = estimate_level(metrics)
        measure = "dutch-engine"
        why = reasons(metrics, level, chosen.allowed_levels)
    else:
        found, measure = english.estimate_level(metrics)
        level = found  # type: ignore[assignment]
        why = english.reasons(metrics, level, chosen.allowed_levels)
    blocking = any(f.severity == "blocking" for f in out.findings)
    passed = level in chosen.allowed_levels and not blocking
    return Report(
        level=level,
        passed=passed,
        profile=chosen.name,
        lang=lang,
        metrics=metrics,
        findings=sorted(out.findings, key=itemgetter(4, 5)),  # start, end
        sentences=_sentence_infos(doc, chosen),
        marks=sorted(out.marks, key=itemgetter(0)),  # start
        verdict=_verdict(level, chosen, blocking, message_lang),
        reasons=why,
        measure=measure,
    )


def _verdict(level: Level, profile: Profile, blocking: bool, message_lang: str) -> str:
    if level not in profile.allowed_levels and profile.name == "makkelijk":
        return verdict("too_hard_for_easy_read", message_lang, level=level)
    if level in profile.allowed_levels and blocking:
        return verdict("blocking", message_lang, level=level)
    return verdict(level, message_lang)


def band(words: int, profile: Profile) -> Band:
    """Length band for the editor; see profiles.py for the limits per profile."""
    if words <= profile.short_max:
        return "kort"
    if words <= profile.medium_max:
        return "gemiddeld"
    if words <= profile.long_max:
        return "lang"
    return "te lang"


def _sentence_infos(doc: Document, profile: Profile) -> list[SentenceInfo]:
    """The sentences for the report: one record per sentence, its band looked up per length."""
    bands = {n: band(n, profile) for n in range(profile.long_max + 2)}
    too_long = band(profile.long_max + 1, profile)
    return [
        new_tuple(  # one per sentence: see markup.new_tuple
            SentenceInfo,
            (s.start, s.end, s.text, n, bands.get(n, too_long), s.unit.kind == "heading"),
        )
        for s in doc.sentences
        for n in (len(s.tokens),)
    ]


def _check_uncommon_share(doc: Document, out: Collector) -> None:
    words = len([t for s in doc.sentences for t in s.tokens if t.is_word])
    share = 100.0 * out.counts.get("uncommon_word", 0) / words if words else 0.0
    limit = out.profile.uncommon_share_warning
    if share > limit and words >= 20:
        first = doc.sentences[0]
        out.add(
            "uncommon_share", "warning", None, first.start, first.start,
            share=round(share), max=round(limit),
        )  # fmt: skip


def _stdev(values: list[int], mean: float) -> float:
    """Population standard deviation in floats (statistics.pstdev is exact and 5x slower)."""
    return math.sqrt(sum([(v - mean) ** 2 for v in values]) / len(values))


def _sentences_per_line(doc: Document, prose: list[Sentence]) -> float:
    """How many sentences share a line: easy-read puts each on its own line (1.0), B1 prose
    runs several together. Counted on the text as written, whatever the profile."""
    if not prose:
        return 0.0
    # Sentences come in text order: count the line breaks between one sentence and the next.
    masked = doc.masked
    lines, seen = 1, prose[0].start
    for sentence in prose:
        if masked.find("\n", seen, sentence.start) >= 0:
            lines += 1
        seen = sentence.start
    return round(len(prose) / lines, 2)


def _metrics(doc: Document, out: Collector, language_rules: bool) -> dict[str, float]:
    """Text-level numbers. Headings are left out of the sentence-length statistics."""
    prose = [s for s in doc.sentences if s.unit.kind != "heading"] or list(doc.sentences)
    lengths = [len(s.tokens) for s in prose]
    words = [t.text for s in doc.sentences for t in s.tokens if t.is_word]
    avg = statistics.fmean(lengths) if lengths else 0.0
    # Per distinct word: a text may repeat a few words thousands of times.
    syllable_count = sum([syllables(w) * n for w, n in Counter(words).items()])
    per_100 = 100.0 / len(words) if words else 0.0
    douma = (
        206.84 - 0.77 * syllable_count * per_100 - 0.93 * avg if words else 0.0
    )  # Douma (1960): Flesch reading ease with Dutch coefficients
    metrics: dict[str, float] = {
        "words": float(sum([len(s.tokens) for s in doc.sentences])),
        "sentences": float(len(doc.sentences)),
        "paragraphs": float(len({s.unit.block for s in doc.sentences})),
        "avg_sentence_words": round(avg, 2),
        "longest_sentence_words": float(max(lengths, default=0)),
        "sentence_words_stdev": round(_stdev(lengths, avg), 2) if len(lengths) > 1 else 0.0,
        "syllables_per_word": round(syllable_count / len(words), 3) if words else 0.0,
        "flesch_douma": round(douma, 1),
        "long_sentence_pct": round(
            100.0 * len([n for n in lengths if n > out.profile.sentence_warning]) / len(lengths), 1
        )
        if lengths
        else 0.0,
        "language_neutral": 0.0 if language_rules else 1.0,
        "sentences_per_line": _sentences_per_line(doc, prose),
    }
    if not language_rules:
        # Flesch-Douma and pyphen's Dutch syllables mean nothing for English: replace them.
        del metrics["flesch_douma"]
        metrics |= english.formulas(
            [t.text for s in prose for t in s.tokens if t.is_word], len(prose)
        )
    if language_rules:
        uncommon = out.counts.get("uncommon_word", 0)
        metrics |= {
            "uncommon_pct": round(uncommon * per_100, 2),
            "jargon_per_100_words": round(
                (out.counts.get("jargon", 0) + out.counts.get("policy_word", 0)) * per_100, 2
            ),
            "nominalisations_per_100_words": round(
                out.counts.get("nominalisation", 0) * per_100, 2
            ),
            "passives_per_100_words": round(out.counts.get("passive", 0) * per_100, 2),
            "long_words_pct": round(out.counts.get("long_word", 0) * per_100, 2),
        }
    return metrics


def warm_up() -> None:
    """Load every word list and table now (about a second), not on the first check.

    Call it when a worker starts; afterwards the first analysis is as fast as the next.
    """
    from . import data, jargon, names, rules

    data.warm_up()
    jargon.table()
    names.name_tokens(["Wet", "x"], [0, 4], ["", " "], "Wet x", 0)
    rules.plain_verb("wijziging")
    english.warm_up()
    analyse("Wij verstrekken u een beschikking. Bel ons.")


__all__ = ["analyse", "band", "is_uncommon", "warm_up"]
