"""Taalcheck: Dutch language-level checker (pure Python, no Flask). See README.md."""

from .engine import analyse
from .profiles import PROFILES, Profile
from .report import SEVERITY_ORDER, Finding, Report, SentenceInfo, WordMark

__all__ = [
    "PROFILES",
    "SEVERITY_ORDER",
    "Finding",
    "Profile",
    "Report",
    "SentenceInfo",
    "WordMark",
    "analyse",
]
