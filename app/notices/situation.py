"""From register data to the `Situation` the scheme rules read, with the data each fact used.

The registers give an exact age, household and income; the rules (app/regelingen/rules.py)
take them as they take a resident's answers in the regelingencheck. Every value read is kept
as a `Used` line, so "Waarom zie ik dit?" can show what was used and where it came from.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import format_date, get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from app.core.time import local_today
from app.notices.labels import BENEFITS, TAX_STATES
from app.prefill.contrib.demo import age_on
from app.prefill.income import IncomeOverview
from app.prefill.service import Prefill, Source, Sourced
from app.regelingen.rules import Situation, Span, euros, rules

# Wages are known gross; the schemes count net income. Roughly three quarters of a modest gross
# wage reaches the bank account: an indication only, the form asks the real amount.
NET_FROM_GROSS = 0.75
MUNICIPAL_ASSISTANCE = "bijstand"


@dataclass(frozen=True)
class Used:
    """One piece of data a notice used: what, its value (words made in the page's language)
    and where it came from."""

    label: LazyString | str
    value: Callable[..., str]  # called without arguments (defaults bind loop values)
    source: Source
    read_at: dt.datetime

    def source_label(self) -> str:
        return f"{self.source.from_phrase}, {format_date(self.read_at.date(), 'long')}"


def _used(label: LazyString, value: Callable[..., str], sourced: Sourced[object]) -> Used:
    return Used(label, value, sourced.source, sourced.read_at)


def years_since(since: dt.date, today: dt.date) -> int:
    return max(0, age_on(since, today))


def words_lang() -> str:
    """The language words are being made in now (the page's, or a letter's under force_locale)."""
    locale = get_locale()
    return "en" if locale is not None and locale.language == "en" else "nl"


def _lang_money(cents: int) -> Callable[[], str]:
    """Format money in the language of the moment the words are made (page or letter)."""
    return lambda: euros(cents, words_lang())


def scheme_name(slug: str) -> str:
    """The name of a scheme in the current language (its slug when the rules do not know it)."""
    known = {s.slug: s for s in rules().schemes}
    return known[slug].text("naam", words_lang()) if slug in known else slug


@dataclass(frozen=True)
class Household:
    adults: int
    children: int
    partner_bsn: str | None


def household_of(found: Prefill, bsn: str, today: dt.date) -> Household:
    """Adults (the resident and a partner living there) and children under 18 living there."""
    assert found.person is not None and found.person.value is not None
    members = found.household.value.members if found.household and found.household.value else ()
    home = {m.bsn for m in members}
    partners = found.person.value.partners or ()
    partner = next((p.bsn for p in partners if p.bsn in home), None)
    children = sum(
        1 for m in members if m.bsn not in (bsn, partner) and m.born and age_on(m.born, today) < 18
    )
    return Household(2 if partner else 1, children, partner)


def _income_lines(
    overview: IncomeOverview, sourced: Sourced[object], label: LazyString, today: dt.date
) -> tuple[Span, bool, int | None, int | None, list[Used]]:
    """Return (net income, whether wages are in it, years on benefits only, years on municipal
    assistance, lines) for one person."""
    total = 0
    lines: list[Used] = []
    benefits = overview.benefits or ()
    wages = overview.wages or ()
    for benefit in benefits:
        total += benefit.monthly_net_cents
        kind = BENEFITS.get(benefit.kind, benefit.kind)
        lines.append(
            _used(
                label,
                lambda b=benefit, k=kind: _(
                    "%(kind)s van %(payer)s: %(amount)s netto per maand, sinds %(since)s",
                    kind=k,
                    payer=b.payer,
                    amount=_lang_money(b.monthly_net_cents)(),
                    since=format_date(b.since, "long"),
                ),
                sourced,
            )
        )
    for wage in wages:
        net = int(wage.monthly_gross_cents * NET_FROM_GROSS)
        total += net
        lines.append(
            _used(
                label,
                lambda w=wage, n=net: _(
                    "Loon van %(employer)s: %(gross)s bruto per maand. Netto is dat ongeveer "
                    "%(net)s.",
                    employer=w.employer,
                    gross=_lang_money(w.monthly_gross_cents)(),
                    net=_lang_money(n)(),
                ),
                sourced,
            )
        )
    started = [b.since for b in benefits]
    benefit_years = years_since(min(started), today) if started and not wages else None
    assistance = [b.since for b in benefits if b.kind == MUNICIPAL_ASSISTANCE]
    assistance_years = years_since(min(assistance), today) if assistance else None
    return Span.exactly(total), bool(wages), benefit_years, assistance_years, lines


def situation(
    found: Prefill,
    bsn: str,
    partner_income: Sourced[IncomeOverview] | None = None,
    today: dt.date | None = None,
) -> tuple[Situation, list[Used]]:
    """Build the situation of `bsn` from what `found` holds (person, household, income, taxes).

    :raises ValueError: the person, household or income is missing (a source was down).
    """
    today = today or local_today()
    if not (found.person and found.person.value and found.household and found.income):
        raise ValueError("person, household and income are needed")
    person = found.person.value
    home = household_of(found, bsn, today)
    used: list[Used] = []
    if person.age is not None:
        used.append(
            _used(_l("Uw leeftijd"), lambda a=person.age: _("%(age)d jaar", age=a), found.person)
        )
    used.append(
        _used(
            _l("Wie er bij u wonen"),
            lambda h=home: _household_words(h),
            found.household,
        )
    )
    lives_here = person.address is not None and person.address.city.lower() == "nijmegen"
    used.append(
        _used(
            _l("Uw adres"),
            lambda: _("In Nijmegen") if lives_here else _("Niet in Nijmegen"),
            found.person,
        )
    )
    own = found.income.value
    income, has_wages, benefit_years, assistance_years, lines = _income_lines(
        own, found.income, _l("Uw inkomen"), today
    )
    used += lines
    if home.partner_bsn and partner_income is not None:
        partner, partner_wages, partner_years, _years, more = _income_lines(
            partner_income.value, partner_income, _l("Inkomen van uw partner"), today
        )
        income = income.plus(partner)
        has_wages = has_wages or partner_wages
        benefit_years = None if has_wages else min(benefit_years or 0, partner_years or 0)
        used += more
    if not (own.benefits or own.wages) and not (
        partner_income and (partner_income.value.benefits or partner_income.value.wages)
    ):
        used.append(
            _used(_l("Uw inkomen"), lambda: _("Wij weten niets over uw inkomen."), found.income)
        )
    schemes = frozenset(
        s.scheme
        for s in (own.schemes or ())
        if s.since <= today and (s.until is None or s.until >= today)
    )
    for grant in own.schemes or ():
        used.append(
            _used(
                _l("Regelingen van de gemeente"),
                lambda g=grant: _(
                    "%(scheme)s, van %(since)s tot %(until)s",
                    scheme=scheme_name(g.scheme),
                    since=format_date(g.since, "long"),
                    until=format_date(g.until, "long") if g.until else "-",
                ),
                found.income,
            )
        )
    housing, remitted, to_pay = None, None, None
    if found.taxes is not None:
        latest = found.taxes.value[0] if found.taxes.value else None
        owner = latest is not None and any(i.kind == "ozb" for i in latest.items)
        housing = "koop" if owner else "huur"
        remitted = latest is not None and latest.state == "kwijtgescholden"
        to_pay = latest.total_cents if latest and latest.state in ("open", "termijnen") else None
        if latest is not None:
            used.append(
                _used(
                    _l("Belastingaanslag %(year)d", year=latest.year),
                    lambda a=latest: (
                        f"{_lang_money(a.total_cents)()}, {TAX_STATES.get(a.state, a.state)}"
                    ),
                    found.taxes,
                )
            )
        used.append(
            _used(
                _l("Eigen huis"),
                lambda o=owner: (
                    _("Ja: u betaalt onroerendezaakbelasting (ozb).")
                    if o
                    else _("Nee: u betaalt geen onroerendezaakbelasting (ozb).")
                ),
                found.taxes,
            )
        )
    result = Situation(
        lives_here=lives_here,
        age=Span.exactly(person.age) if person.age is not None else None,
        adults=home.adults,
        children=home.children,
        income=income,
        housing=housing,
        low_income_years=Span.exactly(benefit_years) if benefit_years is not None else None,
        assistance=assistance_years is not None,
        assistance_years=Span.exactly(assistance_years or 0),
        schemes=schemes,
        remitted_before=remitted,
        tax_to_pay_cents=to_pay,
    )
    return result, used


def _household_words(home: Household) -> str:
    if home.adults == 2 and home.children:
        return ngettext(
            "U, uw partner en %(num)d kind jonger dan 18 jaar",
            "U, uw partner en %(num)d kinderen jonger dan 18 jaar",
            home.children,
        )
    if home.adults == 2:
        return _("U en uw partner")
    if home.children:
        return ngettext(
            "U en %(num)d kind jonger dan 18 jaar",
            "U en %(num)d kinderen jonger dan 18 jaar",
            home.children,
        )
    return _("Alleen u")
