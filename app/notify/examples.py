"""An example context for every kind of message, per language: the contract with the callers.

The templates in `templates/messages/` use exactly these names. Tests render every template
with these (and with the worst case for SMS length); the demo data uses them too. A caller that
adds a kind adds its example here, with its templates.

Times are ISO strings in UTC (or aware datetimes). `meeting` is how the appointment takes
place: "balie" (the desk), "stip" (a Stip or library), "telefoon" (we call), "video", "thuis".
`location` is there for balie and stip only. Texts such as `topic` and `bring` are in the
message's language.
"""

from typing import Any

STADSWINKEL = {
    "name": "Stadswinkel",
    "street": "Mariënburg 30",
    "postcode": "6511 PS",
    "city": "Nijmegen",
}

_APPOINTMENT: dict[str, dict[str, Any]] = {
    "nl": {
        "reference": "AF-4736-KM",
        "topic": "Paspoort of ID-kaart aanvragen",
        "start": "2027-03-02T09:30:00+00:00",
        "minutes": 20,
        "meeting": "balie",
        "location": STADSWINKEL,
        "bring": ["uw oude paspoort of ID-kaart", "een pasfoto van minder dan 6 maanden oud"],
        "manage_url": "https://loket.nijmegen.nl/afspraak/beheer/voorbeeld-token",
    },
    "en": {
        "reference": "AF-4736-KM",
        "topic": "Apply for a passport or ID card",
        "start": "2027-03-02T09:30:00+00:00",
        "minutes": 20,
        "meeting": "balie",
        "location": STADSWINKEL,
        "bring": ["your old passport or ID card", "a passport photo less than 6 months old"],
        "manage_url": "https://loket.nijmegen.nl/afspraak/beheer/voorbeeld-token",
    },
}


def _with(lang: str, **extra: Any) -> dict[str, Any]:
    return {**_APPOINTMENT[lang], **extra}


EXAMPLES: dict[str, dict[str, dict[str, Any]]] = {
    "afspraak-bevestiging": {lang: _with(lang) for lang in ("nl", "en")},
    "afspraak-wijziging": {
        lang: _with(lang, old_start="2027-02-24T13:00:00+00:00") for lang in ("nl", "en")
    },
    "afspraak-annulering": {lang: _with(lang) for lang in ("nl", "en")},
    "afspraak-herinnering": {lang: _with(lang) for lang in ("nl", "en")},
    "wachtlijst-aanbod": {
        lang: _with(
            lang,
            offer_url="https://loket.nijmegen.nl/afspraak/aanbod/voorbeeld-token",
            hold_until="2027-02-26T11:00:00+00:00",
        )
        for lang in ("nl", "en")
    },
    "vraag-ontvangen": {
        "nl": {"reference": "VR-6374-QT", "topic": "Afval en containers", "answer_days": 5},
        "en": {"reference": "VR-6374-QT", "topic": "Waste and containers", "answer_days": 5},
    },
}

# Which channels each kind is written for. Reminders and waiting-list offers go by e-mail or
# SMS only: a letter would arrive too late.
CHANNELS_OF: dict[str, tuple[str, ...]] = {
    "afspraak-bevestiging": ("email", "sms", "brief"),
    "afspraak-wijziging": ("email", "sms", "brief"),
    "afspraak-annulering": ("email", "sms", "brief"),
    "afspraak-herinnering": ("email", "sms"),
    "wachtlijst-aanbod": ("email", "sms"),
    "vraag-ontvangen": ("email", "sms", "brief"),
}


def example(kind: str, lang: str, **changes: Any) -> dict[str, Any]:
    """Return a copy of the example context of `kind` in `lang`, with `changes` applied."""
    return {**EXAMPLES[kind][lang], **changes}
