"""Words for register values and for the notices' own sources, shared by Mijn Loket and notices."""

from flask_babel import lazy_gettext as _l

from app.prefill.service import SOURCES as REGISTER_SOURCES
from app.prefill.service import Source

DOCUMENTS = {"paspoort": _l("paspoort"), "id-kaart": _l("ID-kaart"), "ander": _l("reisdocument")}
BENEFITS = {
    "bijstand": _l("Bijstand"),
    "aow": _l("AOW"),
    "pensioen": _l("Pensioen"),
    "wia": _l("WIA-uitkering"),
    "ww": _l("WW-uitkering"),
    "wajong": _l("Wajong-uitkering"),
}
TAX_STATES = {
    "open": _l("nog te betalen"),
    "betaald": _l("betaald"),
    "termijnen": _l("u betaalt in termijnen"),
    "kwijtgescholden": _l("kwijtgescholden: u hoeft dit niet te betalen"),
}
TAXES = {
    "afvalstoffenheffing": _l("Afvalstoffenheffing"),
    "rioolheffing": _l("Rioolheffing"),
    "ozb": _l("Onroerendezaakbelasting (ozb)"),
    "hondenbelasting": _l("Hondenbelasting"),
}
CARDS = {"bestuurderskaart": _l("bestuurderskaart"), "passagierskaart": _l("passagierskaart")}
OPTOUT_CHANNELS = {
    "mijn": _l("in Mijn Loket"),
    "code": _l("op de website, met de code uit een brief"),
    "balie": _l("aan de balie"),
    "telefoon": _l("aan de telefoon"),
    "brief": _l("met een brief"),
}
MESSAGE_CHANNELS = {"email": _l("e-mail"), "sms": _l("sms"), "brief": _l("brief")}

# The notices' own sources, named the way the registers are (app/prefill/service.py).
OWN_SOURCES = {
    "parkeerkaarten": Source(
        "parkeerkaarten",
        _l("Uit de gegevens van de gemeente over gehandicaptenparkeerkaarten"),
        _l("Klopt dit niet? Bel ons. Wij kijken het samen met u na."),
        "/contact",
    ),
    "parkeerplannen": Source(
        "parkeerplannen",
        _l("Uit de plannen van de gemeente voor betaald parkeren"),
        _l("Hebt u een vraag over de plannen? Bel ons."),
        "/contact",
    ),
}
SOURCES = {**REGISTER_SOURCES, **OWN_SOURCES}

# What could not be read, in words ("Wij konden dit nu niet ophalen: ...").
UNAVAILABLE = {
    "personen": _l("uw gegevens uit de Basisregistratie Personen"),
    "huishouden": _l("wie er bij u wonen"),
    "reisdocumenten": _l("uw paspoort en ID-kaart"),
    "voertuigen": _l("uw auto"),
    "belastingen": _l("uw belastingen"),
    "inkomen": _l("uw inkomen en uitkeringen"),
    "parkeerkaarten": _l("uw gehandicaptenparkeerkaart"),
    "parkeerplannen": _l("de plannen voor betaald parkeren"),
    "zaken": _l("uw zaken"),
}
