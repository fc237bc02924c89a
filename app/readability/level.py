"""Estimate the CEFR-like level (A2, B1, B2+) from the metrics. README.md documents the rule.

Sentence length alone cannot make a text easy: short sentences full of officialese, rare words,
nominalisations and passives are B2+. Formulas (Flesch-Douma) separate dense prose from B1, but
not B1 from easy-read; word frequency and the spread of sentence length do (RECIPES.md).
"""

from __future__ import annotations

from .report import Level, Reason

# B2+ when any of these is exceeded.
B2_AVG_SENTENCE = 20.0  # words per sentence; B1 practice: 10-15 on average
B2_DOUMA = 55.0  # Flesch-Douma: 60-70 is "normal"; our B1 texts score 70+, dense prose < 50
B2_UNCOMMON_PCT = 12.0  # % words below Zipf 3 (after allowlist and compound splitting)
B2_OFFICIALESE = 3.0  # jargon + nominalisations + passives per 100 words
# A2 only when all of these hold (Stichting Makkelijk Lezen: < 12 words, <= 4% hard words).
# Our easy-read texts average 5-6.5 words per sentence, B1 texts 7-10.5: 7 sits between them.
A2_AVG_SENTENCE = 7.0
A2_LONGEST = 12.0
A2_SPREAD = 2.5  # stdev of sentence length: easy-read keeps every sentence equally short
A2_UNCOMMON_PCT = 4.0
A2_OFFICIALESE = 1.5
# Easy-read puts every sentence on its own line; B1 prose runs several together. Added after
# the second calibration round: a B1 page with short, common sentences (containers: average
# 6.9 words, spread 1.9) was estimated A2. On the tune split easy-read scores 1.0, B1 1.6-4.7.
A2_SENTENCES_PER_LINE = 1.3
# Below this many words the formulas and shares are noise (one long word in a two-word button
# label gives Flesch-Douma 50): short texts are judged on sentence length and officialese only.
MIN_WORDS_FOR_FORMULAS = 20


def officialese(metrics: dict[str, float]) -> float:
    """Jargon, nominalisations and passives per 100 words.

    In short texts (labels, headings) a noun such as 'Toegankelijkheid' is how a title is written,
    not officialese, so nominalisations count only from MIN_WORDS_FOR_FORMULAS words on.
    """
    nominal = metrics["nominalisations_per_100_words"]
    if metrics.get("words", MIN_WORDS_FOR_FORMULAS) < MIN_WORDS_FOR_FORMULAS:
        nominal = 0.0
    return metrics["jargon_per_100_words"] + nominal + metrics["passives_per_100_words"]


def estimate_level(metrics: dict[str, float]) -> Level:
    """Return the level of a Dutch text (English: english.estimate_level)."""
    avg = metrics["avg_sentence_words"]
    longest = metrics["longest_sentence_words"]
    dense = officialese(metrics)
    formulas_apply = metrics["words"] >= MIN_WORDS_FOR_FORMULAS
    if (
        avg > B2_AVG_SENTENCE
        or (formulas_apply and metrics["flesch_douma"] < B2_DOUMA)
        or (formulas_apply and metrics["uncommon_pct"] > B2_UNCOMMON_PCT)
        or dense > B2_OFFICIALESE
    ):
        return "B2+"
    if (
        avg <= A2_AVG_SENTENCE
        and longest <= A2_LONGEST
        and metrics["sentence_words_stdev"] <= A2_SPREAD
        and metrics["uncommon_pct"] <= A2_UNCOMMON_PCT
        and dense <= A2_OFFICIALESE
        and metrics.get("sentences_per_line", 1.0) <= A2_SENTENCES_PER_LINE
    ):
        return "A2"
    return "B1"


# Which findings feed each measure: the editor fixes these first when the measure decides.
RULES_BEHIND = {
    "avg_sentence_words": ("sentence_length",),
    "longest_sentence_words": ("sentence_length",),
    "sentence_words_stdev": ("sentence_length",),
    "flesch_douma": ("sentence_length", "long_word", "nominalisation"),
    "uncommon_pct": ("uncommon_word", "uncommon_share"),
    "officialese_per_100_words": ("jargon", "policy_word", "nominalisation", "passive"),
    "sentences_per_line": ("one_sentence_per_line",),
}


def reasons(metrics: dict[str, float], level: Level, allowed: tuple[str, ...]) -> list[Reason]:
    """Return the measures that put the text above the level its profile allows, worst first.

    For a B2+ text these are the B2+ limits it exceeds; for an easy-read text that is not A2,
    also the A2 limits it misses. An allowed level has no reasons.
    """
    if level in allowed or metrics.get("language_neutral"):
        return []
    formulas_apply = metrics["words"] >= MIN_WORDS_FOR_FORMULAS
    limits: list[tuple[str, str, float, float]] = [
        ("avg_sentence_words", "<=", B2_AVG_SENTENCE, metrics["avg_sentence_words"]),
        ("officialese_per_100_words", "<=", B2_OFFICIALESE, officialese(metrics)),
    ]
    if formulas_apply:
        limits += [
            ("flesch_douma", ">=", B2_DOUMA, metrics["flesch_douma"]),
            ("uncommon_pct", "<=", B2_UNCOMMON_PCT, metrics["uncommon_pct"]),
        ]
    if "A2" in allowed and "B1" not in allowed and level == "B1":
        limits = [
            ("avg_sentence_words", "<=", A2_AVG_SENTENCE, metrics["avg_sentence_words"]),
            ("longest_sentence_words", "<=", A2_LONGEST, metrics["longest_sentence_words"]),
            ("sentence_words_stdev", "<=", A2_SPREAD, metrics["sentence_words_stdev"]),
            ("uncommon_pct", "<=", A2_UNCOMMON_PCT, metrics["uncommon_pct"]),
            ("officialese_per_100_words", "<=", A2_OFFICIALESE, officialese(metrics)),
            (
                "sentences_per_line",
                "<=",
                A2_SENTENCES_PER_LINE,
                metrics.get("sentences_per_line", 1.0),
            ),
        ]
    found = [
        Reason(metric, op, limit, round(value, 2), RULES_BEHIND[metric])
        for metric, op, limit, value in limits
        if (value > limit if op == "<=" else value < limit)
    ]
    # Worst first: how far past the limit, relative to the limit.
    return sorted(found, key=lambda r: -abs(r.value - r.limit) / max(abs(r.limit), 1.0))
