"""An example context for every kind of message, per language: the contract with the callers.

The templates in `templates/messages/` use exactly these names. Tests render every template
with these (and with worst cases for SMS length); the demo data uses them too. A caller that
adds a kind adds its example here, with its templates.

The shape follows the booking capability (app/booking/notices.py): texts come ready in the
message's language (`when`, `day`, `old_when` as the booking formats them, daylight saving
time included), `place` is a list of lines (name, street, postcode and city for the desk or a
Stip; one sentence for a phone or video call; "Bij u thuis" and the address for a home visit).
`channel` is how the conversation takes place: balie, stip, telefoon, video or thuis. Links are
absolute, language-neutral token links. `bring` (a list) is optional everywhere.
"""

from typing import Any

_PLACE = {
    "balie": ["Stadswinkel", "Mariënburg 30", "6511 PS Nijmegen"],
    "telefoon": {
        "nl": ["Wij bellen u op 06 12 34 56 78."],
        "en": ["We call you on 06 12 34 56 78."],
    },
}

_APPOINTMENT: dict[str, dict[str, Any]] = {
    "nl": {
        "reference": "AF-4736-KM",
        "name": "Fatima El Amrani",
        "topic": "Paspoort of ID-kaart aanvragen",
        "channel": "balie",
        "when": "dinsdag 2 maart 2027 om 10.30 uur",
        "day": "dinsdag 2 maart 2027",
        "time": "10.30 uur",
        "place": _PLACE["balie"],
        "phone": "",
        "contact": "email",
        "bring": ["Uw paspoort, identiteitskaart of rijbewijs.", "Een pasfoto."],
        "manage_url": "https://loket.nijmegen.nl/afspraak/link?code=voorbeeld",
        "calendar_url": "https://loket.nijmegen.nl/afspraak/agenda.ics?code=voorbeeld",
    },
    "en": {
        "reference": "AF-4736-KM",
        "name": "Fatima El Amrani",
        "topic": "Apply for a passport or ID card",
        "channel": "balie",
        "when": "Tuesday 2 March 2027 at 10:30",
        "day": "Tuesday 2 March 2027",
        "time": "10:30",
        "place": _PLACE["balie"],
        "phone": "",
        "contact": "email",
        "bring": ["Your passport, identity card or driving licence.", "A passport photo."],
        "manage_url": "https://loket.nijmegen.nl/afspraak/link?code=voorbeeld",
        "calendar_url": "https://loket.nijmegen.nl/afspraak/agenda.ics?code=voorbeeld",
    },
}
_OLD_WHEN = {
    "nl": "woensdag 24 februari 2027 om 14.00 uur",
    "en": "Wednesday 24 February 2027 at 14:00",
}
_ANSWER_BEFORE = {
    "nl": "vrijdag 26 februari 2027 om 12.00 uur",
    "en": "Friday 26 February 2027 at 12:00",
}
_REASON = {
    "nl": "de Stadswinkel is dicht door een storing",
    "en": "the Stadswinkel is closed by a fault",
}


def _notices(lang: str) -> dict[str, Any]:
    nl = lang == "nl"
    notice = {
        "title": "Misschien kunt u dit krijgen: Kwijtschelding gemeentelijke belastingen"
        if nl
        else "You may be able to get this: Remission of municipal taxes",
        "kind": "regeling",
        "reason": "Voor u zagen wij dit." if nl else "For you we saw this.",
        "explanation": "",
        "reasons": ["U huurt uw huis." if nl else "You rent your home."],
        "facts": [["Eigen huis", "Nee", "Uit de belastingadministratie, 1 december 2026"]]
        if nl
        else [["Own home", "No", "From the tax records, 1 December 2026"]],
        "legal": ["Invorderingswet 1990."],
        "action": "Vraag het aan" if nl else "Apply for it",
        "form_path": "/formulieren/kwijtschelding",
        "booking_path": None,
        "service_path": "/diensten/kwijtschelding",
        "worth": "",
        "caveat": "",
        "decided_by": "Een medewerker beoordeelt uw aanvraag."
        if nl
        else "A member of staff decides.",
        "mistake": "",
    }
    return {"code": "ML-4736-KM", "optout_path": "/meldingen/afmelden", "notices": [notice, notice]}


def _with(lang: str, drop: tuple[str, ...] = (), **extra: Any) -> dict[str, Any]:
    context = {**_APPOINTMENT[lang], **extra}
    for key in drop:
        context.pop(key, None)
    return context


EXAMPLES: dict[str, dict[str, dict[str, Any]]] = {
    "afspraak-bevestiging": {lang: _with(lang) for lang in ("nl", "en")},
    "afspraak-gewijzigd": {lang: _with(lang, old_when=_OLD_WHEN[lang]) for lang in ("nl", "en")},
    "afspraak-afgezegd": {
        lang: _with(lang, drop=("manage_url", "calendar_url")) for lang in ("nl", "en")
    },
    "afspraak-herinnering": {lang: _with(lang) for lang in ("nl", "en")},
    "afspraak-wachtlijst": {
        lang: _with(
            lang,
            drop=("manage_url", "calendar_url"),
            offer_url="https://loket.nijmegen.nl/afspraak/aanbod?code=voorbeeld",
            hours=2,
            answer_before=_ANSWER_BEFORE[lang],
        )
        for lang in ("nl", "en")
    },
    "afspraak-dag-dicht": {
        lang: _with(lang, reason=_REASON[lang], old_when=_OLD_WHEN[lang], moved=True)
        for lang in ("nl", "en")
    },
    # A case reached a new status (app/mijn/case_messages.py), in the words of zaakstatussen.yaml.
    "zaak-status": {
        "nl": {
            "reference": "ZK-4769-HM",
            "case_name": "Hulp thuis (Wmo)",
            "sentence": "Er is een besluit over uw aanvraag.",
            "next": "U krijgt een brief met het besluit. Daarin staat ook wat u kunt doen als u "
            "het er niet mee eens bent.",
            "expected_by": "2027-03-02",
            "team": "het Wmo-loket",
            "status": "besluit",
            "objection": True,
            "moment": "2027-02-01T10:00:00+01:00",
        },
        "en": {
            "reference": "ZK-4769-HM",
            "case_name": "Help at home (Wmo)",
            "sentence": "A decision has been made about your application.",
            "next": "You will get a letter with the decision. It also says what you can do if "
            "you do not agree.",
            "expected_by": "2027-03-02",
            "team": "the Wmo desk",
            "status": "besluit",
            "objection": True,
            "moment": "2027-02-01T10:00:00+01:00",
        },
    },
    "vraag-antwoord": {
        "nl": {
            "reference": "VR-6374-QT",
            "name": "Fatima El Amrani",
            "topic": "Afval en containers",
            "question": "Wanneer wordt het grofvuil opgehaald?",
            "answer": "Wij halen grofvuil op afspraak op. Bel ons om een dag te kiezen.",
        },
        "en": {
            "reference": "VR-6374-QT",
            "name": "Fatima El Amrani",
            "topic": "Waste and containers",
            "question": "When is bulky waste collected?",
            "answer": "We collect bulky waste by appointment. Call us to choose a day.",
        },
    },
    # A proactive notice (app/notices/sending.py): one message with one or more notices, in
    # the words of app/notices/describe.py; the code lets the resident opt out without DigiD.
    "melding": {lang: _notices(lang) for lang in ("nl", "en")},
}

# Which channels each kind is written for. Reminders and waiting-list offers go by e-mail or
# SMS only: a letter would arrive too late.
CHANNELS_OF: dict[str, tuple[str, ...]] = {
    "afspraak-bevestiging": ("email", "sms", "brief"),
    "afspraak-gewijzigd": ("email", "sms", "brief"),
    "afspraak-afgezegd": ("email", "sms", "brief"),
    "afspraak-herinnering": ("email", "sms"),
    "afspraak-wachtlijst": ("email", "sms"),
    "afspraak-dag-dicht": ("email", "sms", "brief"),
    "zaak-status": ("email", "sms", "brief"),
    "vraag-antwoord": ("email", "sms", "brief"),
    "melding": ("email", "sms", "brief"),
}

# The forms (app/forms/messages.py): a confirmation of a submission, a change, a withdrawal;
# the code of a saved form and the warning before it is deleted.
_FORM: dict[str, dict[str, Any]] = {
    "nl": {
        "reference": "KW-4736-KM",
        "name": "Fatima El Amrani",
        "topic": "Kwijtschelding gemeentelijke belastingen",
        "next": "Een medewerker van Team Belastingen bekijkt uw aanvraag.",
        "weeks": 8,
        "expected_by": "2027-01-26",
        "send_later": ["Overzichten van al uw bankrekeningen van de laatste 3 maanden."],
        "bring": [],
        "return_address": ["Gemeente Nijmegen", "Postbus 9105", "6500 HG Nijmegen"],
        "objection": True,
        "report": False,
    },
    "en": {
        "reference": "KW-4736-KM",
        "name": "Fatima El Amrani",
        "topic": "Remission of municipal taxes",
        "next": "A member of the Tax team will look at your application.",
        "weeks": 8,
        "expected_by": "2027-01-26",
        "send_later": ["Statements of all your bank accounts of the last 3 months."],
        "bring": [],
        "return_address": ["Gemeente Nijmegen", "Postbus 9105", "6500 HG Nijmegen"],
        "objection": True,
        "report": False,
    },
}
_DRAFT: dict[str, dict[str, Any]] = {
    lang: {
        "reference": "KW-7Q4-M2X",
        "topic": _FORM[lang]["topic"],
        "link": "https://loket.nijmegen.nl/formulieren/verder/link?code=" + "v" * 43,
        "expires": "2026-12-31",
        "login": True,
    }
    for lang in ("nl", "en")
}
EXAMPLES.update(
    {
        "formulier-ontvangen": {lang: dict(_FORM[lang]) for lang in ("nl", "en")},
        "formulier-gewijzigd": {lang: dict(_FORM[lang]) for lang in ("nl", "en")},
        "formulier-ingetrokken": {lang: dict(_FORM[lang]) for lang in ("nl", "en")},
        "formulier-bewaard": {lang: dict(_DRAFT[lang]) for lang in ("nl", "en")},
        "formulier-verloopt": {lang: dict(_DRAFT[lang]) for lang in ("nl", "en")},
    }
)
CHANNELS_OF.update(
    {
        "formulier-ontvangen": ("email", "sms", "brief"),
        "formulier-gewijzigd": ("email", "sms", "brief"),
        "formulier-ingetrokken": ("email", "sms", "brief"),
        "formulier-bewaard": ("email", "sms"),
        "formulier-verloopt": ("email", "sms"),
    }
)

# Worst cases for the length of an SMS (tests/notify/test_segments.py).
LONG_WHEN = {
    "nl": "woensdag 30 september 2026 om 10.30 uur (wintertijd)",
    "en": "Wednesday 30 September 2026 at 10:30 (winter time)",
}
LONG_PLACE = ["Stip Wijkcentrum Dukenburg", "Meijhorst 60-10", "6537 KT Nijmegen"]
PHONE_PLACE: dict[str, list[str]] = _PLACE["telefoon"]  # type: ignore[assignment]


def example(kind: str, lang: str, **changes: Any) -> dict[str, Any]:
    """Return a copy of the example context of `kind` in `lang`, with `changes` applied."""
    return {**EXAMPLES[kind.replace("_", "-")][lang], **changes}
