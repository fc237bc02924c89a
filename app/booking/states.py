"""Page states of the booking capability: every step in both languages, every error state,
"net vol", the confirmation, change and cancel, the waiting list, the written question, and the
staff and beheerder pages. Steps are reached by walking the flow (`before`), as a resident does.
"""

from app.states import PageState, Visit

EXEMPT = {
    "booking.static": "the booking stylesheet and script, no HTML",
    "booking.ics": "an iCalendar file (tests/booking/test_calendar.py reads it)",
    "booking.manage_ics": "an iCalendar file (tests/booking/test_calendar.py reads it)",
    "booking.token_link": "checks the link's token and redirects to the booking's page",
    "booking.reschedule_start": "redirects to the first step of choosing another time",
    "booking.staff_manage": "opens a booking for staff and redirects to its page",
    "booking.offer": (
        "taking or declining the demo offer would use it up for the next state; both are "
        "tested in tests/booking/test_waiting.py, the page itself has states below"
    ),
}

TOPIC = Visit("/afspraak/onderwerp", fill=(("onderwerp", "kwijtschelding"),))
DESK = Visit("/afspraak/kanaal", fill=(("kanaal", "balie"),))
HOME = Visit("/afspraak/kanaal", fill=(("kanaal", "thuis"),))
STIP = Visit("/afspraak/kanaal", fill=(("kanaal", "stip"),))
NO_SUPPORT = Visit("/afspraak/ondersteuning")
WHEELCHAIR = Visit("/afspraak/ondersteuning", fill=(("nodig", "rolstoel"),))
STADSWINKEL = Visit("/afspraak/waar", fill=(("plek", "balie-stadswinkel"),))
FIRST_TIME = Visit("/afspraak/wanneer", "form.loket-first-time")
EMAIL = Visit(
    "/afspraak/gegevens",
    fill=(("naam", "Eva Visser"), ("bericht", "email"), ("email", "eva@voorbeeld.nl")),
)
REVIEW = Visit("/afspraak/controleren")
TO_PLACE = (TOPIC, DESK, NO_SUPPORT)
TO_TIME = (*TO_PLACE, STADSWINKEL)
TO_DETAILS = (*TO_TIME, FIRST_TIME)
TO_REVIEW = (*TO_DETAILS, EMAIL)
BOOKED = (*TO_REVIEW, REVIEW)

LOOKUP = Visit(
    "/afspraak/wijzigen",
    fill=(("afspraaknummer", "af 4736 km"), ("controle", "fatima@voorbeeld.nl")),
)
STAFF_DESK = Visit("/medewerker/afspraken/nieuw?via=balie", submit="")

FLOW = (
    PageState("booking.step", "/afspraak/onderwerp", "stap-1"),
    PageState("booking.step", "/afspraak/onderwerp", "stap-1-leeg", submit="form.loket-form"),
    PageState(
        "booking.step",
        "/afspraak/onderwerp",
        "stap-1-iets-anders-zonder-tekst",
        submit="form.loket-form",
        fill=(("onderwerp", "iets-anders"),),
    ),
    PageState("booking.step", "/afspraak/kanaal", "stap-2", before=(TOPIC,)),
    PageState(
        "booking.step", "/afspraak/kanaal", "stap-2-leeg", before=(TOPIC,), submit="form.loket-form"
    ),
    PageState("booking.step", "/afspraak/ondersteuning", "stap-3", before=(TOPIC, DESK)),
    PageState(
        "booking.step",
        "/afspraak/ondersteuning",
        "stap-3-tolk-zonder-taal",
        before=(TOPIC, DESK),
        submit="form.loket-form",
        fill=(("nodig", "tolk"),),
    ),
    PageState("booking.step", "/afspraak/waar", "stap-4-balie", before=TO_PLACE),
    PageState(
        "booking.step",
        "/afspraak/waar",
        "stap-4-leeg",
        before=TO_PLACE,
        submit="form.loket-form",
    ),
    PageState(
        "booking.step", "/afspraak/waar", "stap-4-stip-rolstoel", before=(TOPIC, STIP, WHEELCHAIR)
    ),
    PageState("booking.step", "/afspraak/waar", "stap-4-thuis", before=(TOPIC, HOME, NO_SUPPORT)),
    PageState(
        "booking.step",
        "/afspraak/waar",
        "stap-4-thuis-fouten",
        before=(TOPIC, HOME, NO_SUPPORT),
        submit="form.loket-form",
        fill=(("postcode", "65 AB"), ("huisnummer", "12")),
    ),
    PageState(
        "booking.step",
        "/afspraak/waar",
        "stap-4-thuis-adres-onbekend",
        before=(TOPIC, HOME, NO_SUPPORT),
        submit="form.loket-form",
        fill=(("postcode", "6512 AB"), ("huisnummer", "999"), ("waarom", "Ik kan slecht lopen.")),
    ),
    PageState(
        "booking.step",
        "/afspraak/waar",
        "stap-4-thuis-buiten-nijmegen",
        before=(TOPIC, HOME, NO_SUPPORT),
        submit="form.loket-form",
        fill=(("postcode", "6601 AA"), ("huisnummer", "5"), ("waarom", "Ik ben ziek.")),
    ),
    PageState("booking.step", "/afspraak/wanneer", "stap-5", before=TO_TIME),
    PageState(
        "booking.step",
        "/afspraak/wanneer",
        "stap-5-leeg",
        before=TO_TIME,
        submit="form.loket-form",
    ),
    PageState(
        "booking.step",
        "/afspraak/wanneer",
        "stap-5-net-vol",
        before=TO_TIME,
        submit="form.loket-form",
        fill=(("tijd", "2020-01-06T08:00:00Z"),),
    ),
    PageState("booking.step", "/afspraak/gegevens", "stap-6", before=TO_DETAILS),
    PageState(
        "booking.step",
        "/afspraak/gegevens",
        "stap-6-leeg",
        before=TO_DETAILS,
        submit="form.loket-form",
    ),
    PageState(
        "booking.step",
        "/afspraak/gegevens",
        "stap-6-fout-e-mailadres",
        before=TO_DETAILS,
        submit="form.loket-form",
        fill=(("naam", "Eva Visser"), ("bericht", "email"), ("email", "eva-at-voorbeeld")),
    ),
    PageState(
        "booking.step",
        "/afspraak/gegevens",
        "stap-6-brief-adres-onbekend",
        before=TO_DETAILS,
        submit="form.loket-form",
        fill=(
            ("naam", "Anna Jansen"),
            ("bericht", "brief"),
            ("postcode", "6532 EF"),
            ("huisnummer", "999"),
        ),
    ),
    PageState("booking.step", "/afspraak/controleren", "stap-7", before=TO_REVIEW),
    PageState("booking.confirmation", "/afspraak/bevestiging", "bevestiging", before=BOOKED),
    PageState(
        "booking.waiting_for_booking",
        "/afspraak/bevestiging",
        "bevestiging-wachtlijst",
        before=BOOKED,
        submit="form.loket-form",
    ),
    PageState("booking.waiting_from_flow", "/afspraak/wachtlijst", "wachtlijst", before=TO_TIME),
    PageState(
        "booking.waiting_from_flow",
        "/afspraak/wachtlijst",
        "wachtlijst-leeg",
        before=TO_TIME,
        submit="form.loket-form",
    ),
    PageState(
        "booking.waiting_from_flow",
        "/afspraak/wachtlijst",
        "wachtlijst-klaar",
        before=TO_TIME,
        submit="form.loket-form",
        fill=(("naam", "Eva Visser"), ("bericht", "sms"), ("telefoon", "06 12 34 56 78")),
    ),
    PageState("booking.waiting_done", "/afspraak/wachtlijst/klaar", "klaar"),
)

MANAGE = (
    PageState("booking.lookup", "/afspraak/wijzigen", "leeg", submit="form.loket-form"),
    PageState(
        "booking.lookup",
        "/afspraak/wijzigen",
        "niet-gevonden",
        submit="form.loket-form",
        fill=(("afspraaknummer", "AF-4736-KM"), ("controle", "6511 ZZ")),
    ),
    PageState("booking.lookup", "/afspraak/wijzigen?link=verlopen", "link-verlopen"),
    PageState("booking.manage", "/afspraak/beheer", "afspraak", before=(LOOKUP,)),
    PageState("booking.cancel", "/afspraak/beheer/afzeggen", "afzeggen", before=(LOOKUP,)),
    PageState(
        "booking.cancel",
        "/afspraak/beheer/afzeggen",
        "afzeggen-intussen-veranderd",
        before=(LOOKUP,),
        submit="form.loket-form",
        fill=(("versie", "0"),),
    ),
    PageState(
        "booking.reschedule_step",
        "/afspraak/beheer/verzetten/wanneer",
        "verzetten",
        before=(LOOKUP, Visit("/afspraak/beheer/verzetten", submit="")),
    ),
    PageState(
        "booking.reschedule_step",
        "/afspraak/beheer/verzetten/wanneer",
        "verzetten-leeg",
        before=(LOOKUP, Visit("/afspraak/beheer/verzetten", submit="")),
        submit="form.loket-form",
    ),
    PageState(
        "booking.reschedule_step",
        "/afspraak/beheer/verzetten/controleren",
        "verzetten-controleren",
        before=(
            LOOKUP,
            Visit("/afspraak/beheer/verzetten", submit=""),
            Visit("/afspraak/beheer/verzetten/wanneer", "form.loket-first-time"),
        ),
    ),
    PageState(
        "booking.offer_link",
        "/afspraak/aanbod?code=demo-aanbod",
        "aanbod",
        languages=("nl",),
    ),
    PageState(
        "booking.offer",
        "/afspraak/aanbod/keuze",
        "aanbod-open",
        before=(Visit("/afspraak/aanbod?code=demo-aanbod", submit=""),),
    ),
    PageState("booking.offer", "/afspraak/aanbod/keuze", "aanbod-verlopen"),
)

QUESTION = (
    PageState("booking.question", "/contact/vraag", "leeg", submit="form.loket-form"),
    PageState(
        "booking.question",
        "/contact/vraag",
        "brief-zonder-adres",
        submit="form.loket-form",
        fill=(
            ("onderwerp", "kwijtschelding"),
            ("vraag", "Moet ik elk jaar opnieuw kwijtschelding vragen?"),
            ("naam", "Anna Jansen"),
            ("bericht", "brief"),
        ),
    ),
    PageState(
        "booking.question_sent",
        "/contact/vraag",
        "verstuurd",
        submit="form.loket-form",
        fill=(
            ("onderwerp", "kwijtschelding"),
            ("vraag", "Moet ik elk jaar opnieuw kwijtschelding vragen?"),
            ("naam", "Anna Jansen"),
            ("bericht", "email"),
            ("email", "anna@voorbeeld.nl"),
        ),
    ),
)

STAFF = (
    PageState("booking.day", "/medewerker/afspraken", "vandaag", role="medewerker"),
    PageState(
        "booking.outcome",
        "/medewerker/afspraken",
        "geweest",
        role="medewerker",
        submit="form.loket-inline-form",
        fill=(("uitkomst", "geweest"),),
    ),
    PageState("booking.staff_book", "/medewerker/afspraken/nieuw", "kiezen", role="medewerker"),
    PageState(
        "booking.step",
        "/afspraak/controleren",
        "medewerker-controleren",
        role="medewerker",
        before=(STAFF_DESK, *TO_REVIEW),
    ),
    PageState(
        "booking.step",
        "/afspraak/controleren",
        "medewerker-zonder-toestemming",
        role="medewerker",
        before=(STAFF_DESK, *TO_REVIEW),
        submit="form.loket-form",
    ),
    PageState("booking.questions_list", "/medewerker/vragen", "vragen", role="medewerker"),
    PageState("booking.answer_question", "/medewerker/vragen/1", "vraag", role="medewerker"),
    PageState(
        "booking.answer_question",
        "/medewerker/vragen/1",
        "vraag-leeg",
        role="medewerker",
        submit="form.loket-form",
    ),
)

ADMIN = (
    PageState("booking.capacity_overview", "/medewerker/capaciteit", "overzicht", role="beheerder"),
    PageState("booking.agenda_hours", "/medewerker/capaciteit/1", "tijden", role="beheerder"),
    PageState(
        "booking.agenda_hours",
        "/medewerker/capaciteit/1",
        "tijden-fout",
        role="beheerder",
        submit="form.loket-form",
        fill=(("uren", "maandag de hele dag"),),
    ),
    PageState("booking.close_day", "/medewerker/capaciteit/sluiten", "sluiten", role="beheerder"),
    PageState(
        "booking.close_day",
        "/medewerker/capaciteit/sluiten",
        "sluiten-leeg",
        role="beheerder",
        submit="form.loket-form",
        fill=(("agenda", "alle"),),
    ),
    PageState(
        "booking.close_day",
        "/medewerker/capaciteit/sluiten",
        "sluiten-zeker",
        role="beheerder",
        submit="form.loket-form",
        fill=(("agenda", "alle"), ("dag", "24-12-2030"), ("reden", "Wij zijn een dag dicht.")),
    ),
    PageState(
        "booking.topic_lengths", "/medewerker/capaciteit/onderwerpen", "tijd", role="beheerder"
    ),
    PageState(
        "booking.topic_lengths",
        "/medewerker/capaciteit/onderwerpen",
        "tijd-fout",
        role="beheerder",
        submit="form.loket-form",
        fill=(("minuten", "veel"),),
    ),
)

STATES = (*FLOW, *MANAGE, *QUESTION, *STAFF, *ADMIN)
