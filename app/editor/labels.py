"""Names of metrics, measures and severities as editors read them, and numbers in the notation
of the page language (7,2 on Dutch pages)."""

from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

METRIC_LABELS = {
    "avg_sentence_words": _l("Gemiddeld aantal woorden per zin"),
    "longest_sentence_words": _l("Woorden in de langste zin"),
    "flesch_douma": _l("Leesgemak (Flesch-Douma, hoger is makkelijker)"),
    "flesch_kincaid_grade": _l("Flesch-Kincaid (schooljaren, lager is makkelijker)"),
    "flesch_reading_ease": _l("Leesgemak (Flesch, hoger is makkelijker)"),
    "uncommon_pct": _l("Weinig gebruikte woorden (procent)"),
    "officialese_per_100_words": _l("Ambtelijke taal en lijdende zinnen per 100 woorden"),
    "sentence_words_stdev": _l("Verschil in lengte tussen de zinnen"),
    "sentences_per_line": _l("Zinnen per regel"),
}

SEVERITY_LABELS = {
    "blocking": _l("Moet anders"),
    "warning": _l("Beter anders"),
    "info": _l("Tip"),
}

MEASURE_LABELS = {
    "dutch-engine": _l("de Nederlandse taalcheck (zinnen, woorden en ambtelijke taal)"),
    "flesch-kincaid": _l("Flesch-Kincaid (lengte van zinnen en woorden, voor Engels)"),
    "sentence-length": _l("de lengte van de zinnen"),
}


def number(value: float) -> str:
    """Write a measured value as the page language does: 7,2 and 75 on Dutch pages."""
    return str(format_decimal(round(value, 1), format="#,##0.#"))


def target_text(op: str, value: float) -> str:
    """Say what to aim for: "hoogstens 20" (op "<=") or "minstens 55" (op ">=")."""
    if op == "<=":
        return _("hoogstens %(value)s", value=number(value))
    return _("minstens %(value)s", value=number(value))
