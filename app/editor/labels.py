"""Names of metrics and severities as editors read them."""

from flask_babel import lazy_gettext as _l

METRIC_LABELS = {
    "avg_sentence_words": _l("Gemiddeld aantal woorden per zin"),
    "longest_sentence_words": _l("Woorden in de langste zin"),
    "flesch_douma": _l("Leesgemak (Flesch-Douma, hoger is makkelijker)"),
    "uncommon_pct": _l("Weinig gebruikte woorden (procent)"),
    "officialese_per_100_words": _l("Ambtelijke taal en lijdende zinnen per 100 woorden"),
    "sentence_words_stdev": _l("Verschil in lengte tussen de zinnen"),
}

SEVERITY_LABELS = {
    "blocking": _l("Moet anders"),
    "warning": _l("Beter anders"),
    "info": _l("Tip"),
}
