"""What a form may fill in ahead from the registers, each value with its source and date.

A question names a reader (`prefill: naam`); each reader says which register fields it needs,
and a form may use it only when its definition declares those fields (checked when the app
starts: purpose limitation). The registers are read through `app.prefill.service.gather` with
the form's `Purpose`, so a form never gets a field it did not declare, and the BRP request
carries exactly the declared fields.

A reader returns what the form field shows (text as the resident would type it, option values
for a choice, an address as postcode and number) and the `Sourced` it came from, for "Uit de
Basisregistratie Personen, 3 november 2026" and "Klopt dit niet?".
"""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date
from flask import g

from app.prefill.persons import Relative
from app.prefill.service import Prefill, Sourced, gather

Value = str | list[str] | dict[str, str]
Read = Callable[[Prefill, str, str], tuple[Value, Sourced[Any]] | None]
LOCALES = {"nl": "nl_NL", "en": "en_GB"}
BENEFIT_OPTION = {"bijstand": "bijstand", "pensioen": "pensioen"}  # anything else: "uitkering"


@dataclass(frozen=True)
class Reader:
    needs: tuple[tuple[str, str], ...]  # (source kind, field) from purposes.VOCABULARY
    kinds: tuple[str, ...]  # the question kinds it can fill
    read: Read  # (prefill, language, the client's BSN) -> (value, sourced) or None


def money_text(cents: int, lang: str) -> str:
    """An amount as a resident types it: "1401,00" (nl) or "1401.00" (en)."""
    whole, part = divmod(cents, 100)
    return f"{whole}{',' if lang == 'nl' else '.'}{part:02d}"


def _day(day: dt.date | None, lang: str) -> str:
    return format_date(day, "d MMMM y", locale=LOCALES[lang]) if day else ""


def _who(relative: Relative, lang: str) -> str:
    name = relative.name.full if relative.name else ""
    if relative.born is None:
        return name
    born = _day(relative.born, lang)
    return f"{name}, {'born on' if lang == 'en' else 'geboren op'} {born}"


def _name(p: Prefill, lang: str, bsn: str) -> tuple[Value, Sourced[Any]] | None:
    found = p.person
    if found is None or found.value is None or found.value.name is None:
        return None
    return found.value.name.full, found


def _born(p: Prefill, lang: str, bsn: str) -> tuple[Value, Sourced[Any]] | None:
    found = p.person
    if found is None or found.value is None or found.value.born is None:
        return None
    return found.value.born.strftime("%d-%m-%Y"), found


def _address(p: Prefill, lang: str, bsn: str) -> tuple[Value, Sourced[Any]] | None:
    found = p.person
    if found is None or found.value is None or found.value.address is None:
        return None
    a = found.value.address
    suffix = a.letter + (f"-{a.addition}" if a.addition else "")
    value = {
        "postcode": a.postcode,
        "huisnummer": str(a.number),
        "toevoeging": suffix,
        "straat": a.street,
        "woonplaats": a.city,
    }
    return value, found


def _housemates(p: Prefill, lang: str, bsn: str) -> tuple[Value, Sourced[Any]] | None:
    found = p.household
    if found is None or found.value is None:
        return None
    others = [m for m in found.value.members if m.bsn != bsn]
    return "\n".join(_who(m, lang) for m in others), found


def _partner_and_children(p: Prefill, lang: str, bsn: str) -> tuple[Value, Sourced[Any]] | None:
    found = p.person
    if found is None or found.value is None:
        return None
    people = [*(found.value.partners or ()), *(found.value.children or ())]
    return "\n".join(_who(m, lang) for m in people), found


def _income_kinds(p: Prefill, lang: str, bsn: str) -> tuple[Value, Sourced[Any]] | None:
    found = p.income
    if found is None:
        return None
    kinds: list[str] = []
    for benefit in found.value.benefits or ():
        option = BENEFIT_OPTION.get(benefit.kind, "uitkering")
        if option not in kinds:
            kinds.append(option)
    if found.value.wages:
        kinds.append("werk")
    return (kinds, found) if kinds else None


def _net_income(p: Prefill, lang: str, bsn: str) -> tuple[Value, Sourced[Any]] | None:
    """The benefits' net amounts; wages are known gross only, so then nothing is filled in."""
    found = p.income
    if found is None or found.value.wages or not found.value.benefits:
        return None
    total = sum(b.monthly_net_cents for b in found.value.benefits)
    return money_text(total, lang), found


def _assessment(p: Prefill, lang: str, bsn: str) -> tuple[Value, Sourced[Any]] | None:
    found = p.taxes
    if found is None or not found.value:
        return None
    return found.value[0].number, found  # newest first


def _plate(p: Prefill, lang: str, bsn: str) -> tuple[Value, Sourced[Any]] | None:
    found = p.vehicles
    plates = [v.plate for v in (found.value if found else ()) if v.plate]
    return (plates[0], found) if found is not None and plates else None


READERS: Mapping[str, Reader] = {
    "naam": Reader((("personen", "naam"),), ("tekst",), _name),
    "geboortedatum": Reader((("personen", "geboortedatum"),), ("tekst",), _born),
    "adres": Reader((("personen", "adres"),), ("adres",), _address),
    "huisgenoten": Reader((("personen", "huishouden"),), ("lang",), _housemates),
    "partner_en_kinderen": Reader(
        (("personen", "partner"), ("personen", "kinderen")), ("lang",), _partner_and_children
    ),
    "inkomensbronnen": Reader(
        (("inkomen", "uitkeringen"), ("inkomen", "loon")), ("meerkeuze",), _income_kinds
    ),
    "netto_per_maand": Reader(
        (("inkomen", "uitkeringen"), ("inkomen", "loon")), ("bedrag",), _net_income
    ),
    "aanslagnummer": Reader((("belastingen", "aanslagen"),), ("tekst",), _assessment),
    "kenteken": Reader((("voertuigen", "kenteken"),), ("tekst",), _plate),
}
# Option values a reader may give: a meerkeuze question it fills must offer all of them.
READER_VALUES: Mapping[str, frozenset[str]] = {
    "inkomensbronnen": frozenset({"bijstand", "uitkering", "pensioen", "werk"}),
}


@dataclass(frozen=True)
class Offered:
    """What a form offers for one question: the value and where it came from."""

    value: Value
    source: str  # the Source kind ("personen", "huishouden", ...)
    read_on: str  # ISO date

    def to_data(self) -> dict[str, Any]:
        return {"waarde": self.value, "bron": self.source, "datum": self.read_on}


def read_for(form: Any, bsn: str) -> Prefill:
    """Read every register `form` declares, once per request."""
    cache: dict[str, Prefill] = g.setdefault("loket_form_prefill", {})
    if form.slug not in cache:
        cache[form.slug] = gather(bsn, form.purpose)
    return cache[form.slug]


def offer(question: Any, prefill: Prefill, lang: str, bsn: str) -> Offered | None:
    """Return what `question` is filled in with ahead, or None (nothing known, or not asked)."""
    if not question.prefill:
        return None
    found = READERS[question.prefill].read(prefill, lang, bsn)
    if found is None:
        return None
    value, sourced = found
    return Offered(value, sourced.source.kind, sourced.read_on.isoformat())
