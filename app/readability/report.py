"""The result of an analysis: immutable records that convert to JSON-ready dicts.

Findings, sentences, marks and reasons are named tuples: as immutable as frozen dataclasses,
but several times cheaper to create, and the worst case (one word per line) has thousands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Severity = Literal["blocking", "warning", "info"]
Level = Literal["A2", "B1", "B2+"]
Band = Literal["kort", "gemiddeld", "lang", "te lang"]
MarkKind = Literal["moeilijk", "jargon", "nominalisatie", "lijdend", "knip"]

SEVERITY_ORDER: dict[str, int] = {"blocking": 0, "warning": 1, "info": 2}


class Finding(NamedTuple):
    """One thing to fix. start/end are character offsets in the original input text."""

    rule: str
    severity: Severity
    message: str
    sentence: str
    start: int
    end: int
    suggestion: str | None = None

    @property
    def order(self) -> tuple[int, int, int]:
        """Sort key: blocking first, then warnings, then info; earlier in the text first."""
        return (SEVERITY_ORDER[self.severity], self.start, self.end)


class SentenceInfo(NamedTuple):
    start: int
    end: int
    text: str
    words: int
    band: Band
    heading: bool = False  # headings are left out of the sentence-length statistics


class WordMark(NamedTuple):
    """A word or expression to mark in the sentence view; "knip" marks a place (start == end)
    where a long sentence splits naturally."""

    start: int
    end: int
    kind: MarkKind
    alternative: str | None = None  # a drop-in replacement: shown as "-> alternative"
    hint: str | None = None  # advice where no word fits: the plain verb, or how to rewrite


class Reason(NamedTuple):
    """A measure that puts the text above the level its profile allows."""

    metric: str
    op: str  # "<=" or ">=": what the value should be against the limit
    limit: float
    value: float
    rules: tuple[str, ...]  # the findings that feed this measure


@dataclass(frozen=True, slots=True)
class Report:
    level: Level
    passed: bool
    profile: str
    lang: str
    metrics: dict[str, float]
    findings: list[Finding] = field(default_factory=list)
    sentences: list[SentenceInfo] = field(default_factory=list)
    marks: list[WordMark] = field(default_factory=list)
    verdict: str = ""
    reasons: list[Reason] = field(default_factory=list)
    measure: str = "dutch-engine"  # what decided the level (INTERFACES.md)

    def fixes(self) -> list[Finding]:
        """Return the findings in the order to fix them: blocking first, then what drives the
        level (the reasons), then warnings and tips; in text order within each group."""
        driving = {rule for reason in self.reasons for rule in reason.rules}

        def key(finding: Finding) -> tuple[int, int, int, int]:
            group = 0 if finding.severity == "blocking" else 1 if finding.rule in driving else 2
            return (group, *finding.order)

        return sorted(self.findings, key=key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "passed": self.passed,
            "profile": self.profile,
            "lang": self.lang,
            "metrics": dict(self.metrics),
            "findings": [f._asdict() for f in self.findings],
            "sentences": [s._asdict() for s in self.sentences],
            "marks": [m._asdict() for m in self.marks],
            "verdict": self.verdict,
            "reasons": [r._asdict() for r in self.reasons],
            "measure": self.measure,
        }
