"""The target for each metric per profile, taken from the thresholds the level estimate uses.

The editor tool shows these next to the measured values, so an editor sees what to aim for; they
are the same numbers the CI gate applies (level.py and profiles.py), not a second opinion.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass

from . import english, level
from .profiles import get_profile


@dataclass(frozen=True, slots=True)
class Target:
    metric: str
    op: str  # "<=" or ">="
    value: float

    def met(self, metrics: dict[str, float]) -> bool:
        compare: Callable[[float, float], bool] = operator.le if self.op == "<=" else operator.ge
        return compare(self.value_of(metrics), self.value)

    def value_of(self, metrics: dict[str, float]) -> float:
        if self.metric == "officialese_per_100_words":
            return level.officialese(metrics)
        return metrics[self.metric]


def targets(profile_name: str, lang: str) -> list[Target]:
    """Return the targets for a profile; English gets the language-neutral ones only."""
    profile = get_profile(profile_name)
    easy = profile.name == "makkelijk"
    if lang != "nl":
        return [
            Target("flesch_kincaid_grade", "<=", english.A2_GRADE if easy else english.B2_GRADE),
            Target(
                "avg_sentence_words",
                "<=",
                english.A2_AVG_SENTENCE if easy else english.B2_AVG_SENTENCE,
            ),
            Target("longest_sentence_words", "<=", float(profile.sentence_warning)),
        ]
    found = [
        Target(
            "avg_sentence_words", "<=", level.A2_AVG_SENTENCE if easy else level.B2_AVG_SENTENCE
        ),
        Target("longest_sentence_words", "<=", float(profile.sentence_warning)),
        Target("flesch_douma", ">=", level.B2_DOUMA),
        Target("uncommon_pct", "<=", level.A2_UNCOMMON_PCT if easy else level.B2_UNCOMMON_PCT),
        Target(
            "officialese_per_100_words",
            "<=",
            level.A2_OFFICIALESE if easy else level.B2_OFFICIALESE,
        ),
    ]
    if easy:
        found.append(Target("sentence_words_stdev", "<=", level.A2_SPREAD))
        found.append(Target("sentences_per_line", "<=", level.A2_SENTENCES_PER_LINE))
    return found
