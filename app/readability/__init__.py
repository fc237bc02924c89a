"""Taalcheck: Dutch language-level checker (pure Python, no Flask). See README.md."""

from .engine import analyse, warm_up
from .profiles import PROFILES, Profile
from .report import SEVERITY_ORDER, Finding, Reason, Report, SentenceInfo, WordMark

__all__ = [
    "PROFILES",
    "SEVERITY_ORDER",
    "Finding",
    "Profile",
    "Reason",
    "Report",
    "SentenceInfo",
    "WordMark",
    "analyse",
    "warm_up",
]
