"""The two writing profiles and their thresholds. README.md explains where the numbers come from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ProfileName = Literal["b1", "makkelijk"]


@dataclass(frozen=True, slots=True)
class Profile:
    name: ProfileName
    # Sentence length bands for the editor: kort <= short_max < gemiddeld <= medium_max
    # < lang <= long_max < te lang.
    short_max: int
    medium_max: int
    long_max: int
    sentence_warning: int  # more words than this: warning
    sentence_blocking: int  # more words than this: blocking
    paragraph_sentences: int  # more sentences than this in one paragraph: warning
    paragraph_words: int  # more words than this in one paragraph: warning
    long_word_letters: int  # longer words get a finding
    uncommon_share_warning: float  # % uncommon words above this: warning for the whole text
    one_sentence_per_line: bool  # easy-read layout: each line is a unit, more sentences = blocking
    layout_rules: bool  # no abbreviations, parentheses, semicolons; numbers as digits
    allowed_levels: tuple[str, ...]


B1 = Profile(
    name="b1",
    short_max=10,
    medium_max=15,
    long_max=20,
    sentence_warning=20,
    sentence_blocking=30,
    paragraph_sentences=5,
    paragraph_words=80,
    long_word_letters=18,
    uncommon_share_warning=8.0,
    one_sentence_per_line=False,
    layout_rules=False,
    allowed_levels=("A2", "B1"),
)

MAKKELIJK = Profile(
    name="makkelijk",
    short_max=6,
    medium_max=9,
    long_max=12,
    sentence_warning=12,
    sentence_blocking=18,
    paragraph_sentences=6,
    paragraph_words=60,
    long_word_letters=15,
    uncommon_share_warning=4.0,
    one_sentence_per_line=True,
    layout_rules=True,
    allowed_levels=("A2",),
)

PROFILES: dict[str, Profile] = {"b1": B1, "makkelijk": MAKKELIJK}


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"Unknown profile {name!r}; use one of {sorted(PROFILES)}") from None
