"""What staff read for statuses, channels and failure reasons (translated)."""

from flask_babel import lazy_gettext as _l

STATUS = {
    "wachtend": _l("Wacht op verzending"),
    "bezig": _l("Nu bezig met versturen"),
    "verzonden": _l("Verzonden"),
    "klaar-voor-de-post": _l("Klaar voor de post"),
    "mislukt": _l("Mislukt"),
}

CHANNEL = {"email": _l("E-mail"), "sms": _l("Sms"), "brief": _l("Brief")}

REASON = {
    "adres-ongeldig": _l(
        "Het adres of telefoonnummer kan niet kloppen. Vraag de inwoner om het goede adres."
    ),
    "adres-geweigerd": _l(
        "De ontvanger bestaat niet, zegt de mailserver of de sms-dienst. "
        "Vraag de inwoner om een ander adres of nummer."
    ),
    "bericht-geweigerd": _l("De mailserver of de sms-dienst weigert dit bericht."),
    "geen-adres": _l("Er is geen adres voor dit kanaal."),
    "onbereikbaar": _l(
        "De mailserver of de sms-dienst was niet bereikbaar. Wij proberen het later opnieuw."
    ),
    "toegang": _l(
        "De mailserver of de sms-dienst weigert onze inlog. "
        "Vraag de beheerder om de instellingen te controleren."
    ),
    "onderbroken": _l("Het versturen stopte halverwege. Wij proberen het opnieuw."),
    "storing": _l("Er ging bij ons iets mis. Wij proberen het later opnieuw."),
}
