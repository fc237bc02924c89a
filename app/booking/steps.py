"""The booking flow as data: seven steps, each a form, a condition and a check of its answer.

1 onderwerp, 2 kanaal, 3 ondersteuning, 4 waar (desk, Stip and library, or the home address),
5 wanneer, 6 gegevens, 7 controleren; the confirmation follows. Step 4 does not apply to phone
and video (a team's pool takes those). Changing an earlier answer opens the later steps it
affects again: a new channel makes the chosen place not fit, extra time makes the chosen time
too short, a letter makes a time within three working days too soon.
"""

import datetime as dt
import secrets
from collections.abc import Mapping
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from app.booking import capacity, rules
from app.booking.forms import (
    ChannelForm,
    DetailsForm,
    HomeForm,
    PlaceForm,
    ReviewForm,
    SupportForm,
    TimeForm,
    TopicForm,
)
from app.booking.models import Agenda, Location
from app.booking.topics import CHANNEL_LABELS, OTHER, Topic, topic, topics
from app.core.time import aware
from app.core.wizard import Data, Step, StepInvalid, Wizard
from app.extensions import db

KIND = "afspraak"
STAFF_KEY = "medewerker"

SUPPORT_LABELS = {
    "tolk": _l("Een tolk (iemand die vertaalt)"),
    "gebarentolk": _l("Een gebarentolk"),
    "rolstoel": _l("Ik kom met een rolstoel of rollator: een plek zonder trap"),
    "ringleiding": _l("Een ringleiding voor mijn hoortoestel"),
    "extra_tijd": _l("Extra tijd voor het gesprek"),
    "meenemen": _l("Ik neem iemand mee"),
}


def answer(data: Data, name: str) -> dict[str, Any]:
    raw = Wizard.answers(data).get(name)
    return raw if isinstance(raw, dict) else {}


def chosen_topic(data: Data) -> Topic | None:
    return topic(answer(data, "onderwerp").get("onderwerp"))


def channel(data: Data) -> str | None:
    value = answer(data, "kanaal").get("kanaal")
    return value if isinstance(value, str) else None


def needs(data: Data) -> list[str]:
    value = answer(data, "ondersteuning").get("nodig") or []
    return [n for n in value if n in rules.SUPPORT]


def by_staff(data: Data) -> bool:
    return isinstance(data.get(STAFF_KEY), dict)


def contact(data: Data) -> str | None:
    return answer(data, "gegevens").get("bericht")


def printed(data: Data) -> bool:
    return bool(answer(data, "gegevens").get("zelf_printen"))


def has_place_step(data: Data) -> bool:
    """Desk, Stip and home visits ask where; phone and video do not. Unknown yet: counted."""
    return channel(data) in (None, "balie", "stip", "thuis")


def pool_for(channel_name: str, team: str) -> Agenda | None:
    """The phone or video pool of the topic's team, or the default pool."""
    pools = list(
        db.session.scalars(
            select(Agenda).where(Agenda.channel == channel_name, Agenda.active.is_(True))
        )
    )
    return next((a for a in pools if a.team == team), None) or next(
        (a for a in pools if a.default_pool), None
    )


def agenda_of(data: Data) -> Agenda | None:
    """The agenda the answers so far lead to."""
    chosen, found = channel(data), chosen_topic(data)
    if chosen is None or found is None:
        return None
    if chosen in ("telefoon", "video"):
        return pool_for(chosen, found.team)
    agenda_id = answer(data, "waar").get("agenda")
    agenda = db.session.get(Agenda, agenda_id) if isinstance(agenda_id, int) else None
    return agenda if agenda is not None and agenda.channel == chosen and agenda.active else None


def minutes_of(data: Data) -> int:
    found = chosen_topic(data)
    base = found.minutes if found else 30
    travel = 0
    agenda = agenda_of(data)
    if agenda is not None and agenda.channel == "thuis" and agenda.district is not None:
        travel = agenda.district.travel_minutes
    return rules.minutes_with(base, needs(data), travel)


def earliest_of(data: Data) -> dt.datetime:
    return rules.earliest(contact(data), needs(data), printed(data), by_staff(data))


def places_for(chosen: str, wanted: list[str]) -> list[tuple[Agenda, bool]]:
    """Return the agendas for a desk or Stip channel with whether they suit the needs."""
    agendas = db.session.scalars(
        select(Agenda)
        .join(Location)
        .where(Agenda.channel == chosen, Agenda.active.is_(True))
        .order_by(Location.kind.desc(), Location.name)
    )
    return [(a, rules.suits(a.location, wanted)) for a in agendas if a.location]


def district_for(postcode: str) -> Agenda | None:
    for agenda in db.session.scalars(
        select(Agenda).where(Agenda.channel == "thuis", Agenda.active.is_(True))
    ):
        if agenda.district is not None and agenda.district.covers(postcode):
            return agenda
    return None


# --- step 1: topic -----------------------------------------------------------------------------


def topic_form(data: Data, stored: Mapping[str, Any] | None) -> FlaskForm:
    form = TopicForm(data=stored)
    form.onderwerp.choices = [SelectChoice(t.slug, t.title) for t in topics()]
    return form


def topic_fits(stored: Data, data: Data) -> bool:
    return chosen_topic(data) is not None and (
        stored.get("onderwerp") != OTHER or bool(stored.get("anders"))
    )


# --- step 2: channel ---------------------------------------------------------------------------


def channel_form(data: Data, stored: Mapping[str, Any] | None) -> FlaskForm:
    form = ChannelForm(data=stored)
    found = chosen_topic(data)
    offered = found.channels if found else ()
    form.kanaal.choices = [SelectChoice(c, str(CHANNEL_LABELS[c])) for c in offered]
    return form


def channel_fits(stored: Data, data: Data) -> bool:
    found = chosen_topic(data)
    return found is not None and stored.get("kanaal") in found.channels


# --- step 3: support ---------------------------------------------------------------------------


def support_form(data: Data, stored: Mapping[str, Any] | None) -> FlaskForm:
    form = SupportForm(data=stored)
    form.nodig.choices = [SelectChoice(k, str(v)) for k, v in SUPPORT_LABELS.items()]
    return form


def support_save(form: FlaskForm, flow: Any) -> Data:
    assert isinstance(form, SupportForm)
    chosen = [n for n in rules.SUPPORT if n in (form.nodig.data or [])]
    return {"nodig": chosen, "taal": form.taal.data if "tolk" in chosen else ""}


# --- step 4: where -----------------------------------------------------------------------------


def place_form(data: Data, stored: Mapping[str, Any] | None) -> FlaskForm:
    if channel(data) == "thuis":
        return HomeForm(data=stored)
    chosen = db.session.get(Agenda, stored.get("agenda")) if stored else None
    form = PlaceForm(data={"plek": chosen.slug} if chosen else None)
    form.plek.choices = [
        SelectChoice(a.slug, a.location.name if a.location else a.slug)
        for a, fits in places_for(channel(data) or "", needs(data))
        if fits
    ]
    return form


def place_save(form: FlaskForm, flow: Any) -> Data:
    if isinstance(form, HomeForm):
        address = form.address()
        agenda = district_for(address.postcode)
        if agenda is None:
            raise StepInvalid(
                "postcode",
                _(
                    "Wij komen alleen bij u thuis in Nijmegen. Woont u ergens anders? Ga terug "
                    "en kies een andere manier van praten."
                ),
            )
        return {
            "soort": "thuis",
            "agenda": agenda.id,
            "adres": address.to_data(),
            "waarom": form.waarom.data,
        }
    assert isinstance(form, PlaceForm)
    agenda = db.session.scalar(select(Agenda).where(Agenda.slug == form.plek.data))
    if agenda is None:
        raise StepInvalid("plek", _("Kies waar u wilt praten."))
    return {"soort": "plek", "agenda": agenda.id}


def place_fits(stored: Data, data: Data) -> bool:
    agenda = agenda_of(data)
    if agenda is None:
        return False
    if channel(data) == "thuis":
        return stored.get("soort") == "thuis" and bool(stored.get("adres"))
    return (
        stored.get("soort") == "plek"
        and agenda.location is not None
        and rules.suits(agenda.location, needs(data))
    )


def place_context(flow: Any, form: FlaskForm) -> Data:
    chosen = channel(flow.data) or ""
    if chosen == "thuis":
        return {"home": True}
    places = places_for(chosen, needs(flow.data))
    return {"home": False, "places": places, "unsuited": [a for a, fits in places if not fits]}


# --- step 5: when ------------------------------------------------------------------------------


def time_form(data: Data, stored: Mapping[str, Any] | None) -> FlaskForm:
    return TimeForm(data={"tijd": stored.get("tijd")} if stored else None)


def parse_time(value: object) -> dt.datetime | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return aware(moment) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def time_value(moment: dt.datetime) -> str:
    """The form value of a time: UTC, short ("2027-03-09T09:00Z"), so long lists stay small."""
    return aware(moment).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%MZ")


def time_save(form: FlaskForm, flow: Any) -> Data:
    assert isinstance(form, TimeForm)
    moment = parse_time(form.tijd.data)
    agenda = agenda_of(flow.data)
    if moment is None or agenda is None:
        raise StepInvalid("tijd", _("Kies een dag en een tijd uit de lijst."))
    units = capacity.units_for(minutes_of(flow.data))
    if moment < earliest_of(flow.data) or not capacity.is_free(agenda, moment, units):
        raise StepInvalid("tijd", _("Dit tijdstip is net vol. Kies een ander tijdstip."))
    flow.data.pop("net_vol", None)
    return {"tijd": time_value(moment), "agenda": agenda.id, "minuten": minutes_of(flow.data)}


def time_fits(stored: Data, data: Data) -> bool:
    moment = parse_time(stored.get("tijd"))
    agenda = agenda_of(data)
    return (
        moment is not None
        and agenda is not None
        and stored.get("agenda") == agenda.id
        and stored.get("minuten") == minutes_of(data)
        and moment >= earliest_of(data)
    )


# --- step 6: details ---------------------------------------------------------------------------


def details_form(data: Data, stored: Mapping[str, Any] | None) -> FlaskForm:
    from app.identity.resident import current_resident

    initial = dict(stored or {})
    if stored is None:
        resident = current_resident()
        if resident is not None and not by_staff(data):
            initial["naam"] = resident.name
    form = DetailsForm(data=initial)
    if channel(data) == "telefoon":
        form.telefoon.label.text = _("Op welk nummer bellen wij u?")
    elif channel(data) == "video":
        form.telefoon.label.text = _("Mobiel nummer (voor de link van het videogesprek)")
    return form


def details_save(form: FlaskForm, flow: Any) -> Data:
    assert isinstance(form, DetailsForm)
    chosen_contact = form.bericht.data
    if chosen_contact == "brief" and channel(flow.data) == "video":
        raise StepInvalid(
            "bericht",
            _("Voor een videogesprek sturen wij een link. Kies e-mail of sms."),
        )
    email, phone = form.contact_values(chosen_contact, channel(flow.data) == "telefoon")
    saved: Data = {
        "naam": form.naam.data,
        "bericht": chosen_contact,
        "email": email,
        "telefoon": phone,
        "zelf_printen": bool(form.zelf_printen.data) and chosen_contact == "brief",
    }
    if chosen_contact == "brief":
        home = answer(flow.data, "waar").get("adres") if channel(flow.data) == "thuis" else None
        saved["adres"] = home or form.address().to_data()
    return saved


def details_fits(stored: Data, data: Data) -> bool:
    if channel(data) == "telefoon" and not stored.get("telefoon"):
        return False
    if stored.get("bericht") == "brief":
        return channel(data) != "video" and bool(stored.get("adres"))
    return bool(stored.get("naam"))


def details_context(flow: Any, form: FlaskForm) -> Data:
    home = channel(flow.data) == "thuis"
    letter_day = rules.letter_first_day()
    chosen = parse_time(answer(flow.data, "wanneer").get("tijd"))
    if channel(flow.data) == "telefoon":
        phone_hint = _("Wij bellen u op dit nummer. Bijvoorbeeld 06 12 34 56 78 of 024 123 45 67.")
    elif channel(flow.data) == "video":
        phone_hint = _("Alleen nodig als u de link per sms wilt. Bijvoorbeeld 06 12 34 56 78.")
    else:
        phone_hint = _("Alleen nodig als u kiest voor sms. Bijvoorbeeld 06 12 34 56 78.")
    return {
        "phone_hint": phone_hint,
        "home_address": answer(flow.data, "waar").get("adres") if home else None,
        "letter_day": letter_day,
        "time_too_soon_for_letter": chosen is not None
        and chosen < capacity.start_of(letter_day)
        and not by_staff(flow.data),
        "staff": by_staff(flow.data),
    }


# --- step 7: review ----------------------------------------------------------------------------


def review_form(data: Data, stored: Mapping[str, Any] | None) -> FlaskForm:
    return ReviewForm()


def new_key() -> str:
    return secrets.token_urlsafe(24)


def start_data() -> Data:
    return {"sleutel": new_key()}


def booking_steps(review_save: Any, review_context: Any, time_context: Any) -> tuple[Step, ...]:
    """The seven steps; the review's save (booking) and the contexts live in views.py."""
    return (
        Step(
            "onderwerp",
            _l("Waar wilt u over praten?"),
            topic_form,
            "booking/step_topic.html",
            fits=topic_fits,
        ),
        Step(
            "kanaal",
            _l("Hoe wilt u praten?"),
            channel_form,
            "booking/step_channel.html",
            fits=channel_fits,
        ),
        Step(
            "ondersteuning",
            _l("Wat hebt u nodig bij het gesprek?"),
            support_form,
            "booking/step_support.html",
            save=support_save,
        ),
        Step(
            "waar",
            _l("Waar wilt u praten?"),
            place_form,
            "booking/step_place.html",
            condition=has_place_step,
            fits=place_fits,
            save=place_save,
            context=place_context,
        ),
        Step(
            "wanneer",
            _l("Wanneer wilt u praten?"),
            time_form,
            "booking/step_time.html",
            fits=time_fits,
            save=time_save,
            context=time_context,
        ),
        Step(
            "gegevens",
            _l("Uw gegevens"),
            details_form,
            "booking/step_details.html",
            fits=details_fits,
            save=details_save,
            context=details_context,
        ),
        Step(
            "controleren",
            _l("Controleer uw afspraak"),
            review_form,
            "booking/step_review.html",
            save=review_save,
            context=review_context,
            review=True,
        ),
    )


def make_wizard(review_save: Any, review_context: Any, time_context: Any) -> Wizard:
    return Wizard(
        KIND,
        booking_steps(review_save, review_context, time_context),
        endpoint="booking.step",
        on_start=start_data,
    )
