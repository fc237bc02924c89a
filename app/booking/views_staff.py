"""Staff: the day's appointments per place and channel, written questions, booking for a
resident at the desk or by phone (the same flow, marked as booked by staff)."""

import datetime as dt
from itertools import groupby

from flask import abort, flash, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select

from app.auth.decorators import role_required
from app.auth.service import current_user
from app.booking import capacity, questions, service, steps
from app.booking.contact import phone_words
from app.booking.formatting import day_words, time_words
from app.booking.forms import AnswerForm, OutcomeForm
from app.booking.models import ACTIVE, Agenda, Booking, WrittenQuestion
from app.booking.places import place_lines
from app.booking.steps import SUPPORT_LABELS
from app.booking.times import parse_day
from app.booking.topics import CHANNEL_LABELS, title_of
from app.booking.views import bp, wizard
from app.booking.views_manage import allow_manage
from app.core.time import aware, local, local_today, utcnow
from app.core.wizard import go
from app.extensions import current_language, db

SHOWN = (*ACTIVE, "geweest", "niet_gekomen")


def agenda_label(agenda: Agenda) -> str:
    channel = str(CHANNEL_LABELS.get(agenda.channel, agenda.channel))
    if agenda.location is not None:
        return f"{agenda.location.name} ({channel.lower()})"
    if agenda.district is not None:
        return f"{channel}: {agenda.district.name}"
    return f"{channel}: {agenda.team or ''}"


def support_text(booking: Booking) -> list[str]:
    support = booking.support or {}
    lines = []
    for need in support.get("nodig", []):
        label = str(SUPPORT_LABELS.get(need, need))
        if need == "tolk" and support.get("taal"):
            label = f"{label}: {support['taal']}"
        lines.append(label)
    return lines


def row(booking: Booking) -> dict[str, object]:
    lang = current_language()
    return {
        "booking": booking,
        "time": time_words(booking.starts_at, lang),
        "day": day_words(local(booking.starts_at).date(), lang),
        "topic": title_of(booking.topic, booking.topic_other),
        "support": support_text(booking),
        "phone": phone_words(booking.phone) if booking.phone else "",
        "place": place_lines(booking, lang),
        "started": aware(booking.starts_at) <= utcnow() + dt.timedelta(hours=12),
    }


@bp.get("/medewerker/afspraken")
@role_required("medewerker")
def day() -> ResponseReturnValue:
    """Show one day's appointments per place and channel, with support needs in advance."""
    shown_day = parse_day(request.args.get("dag")) or local_today()
    agendas = list(db.session.scalars(select(Agenda).where(Agenda.active.is_(True))))
    chosen = request.args.get("agenda", "")
    ids = [a.id for a in agendas if not chosen or str(a.id) == chosen]
    start = capacity.start_of(shown_day)
    end = capacity.start_of(shown_day + dt.timedelta(days=1))
    bookings = list(
        db.session.scalars(
            select(Booking)
            .where(
                Booking.agenda_id.in_(ids),
                Booking.status.in_(SHOWN),
                Booking.starts_at >= start,
                Booking.starts_at < end,
            )
            .order_by(Booking.agenda_id, Booking.starts_at)
        )
    )
    by_agenda = {a.id: a for a in agendas}
    groups = [
        (agenda_label(by_agenda[agenda_id]), [row(b) for b in items])
        for agenda_id, items in groupby(bookings, key=lambda b: b.agenda_id)
    ]
    ahead_end = capacity.start_of(local_today() + dt.timedelta(days=8))
    ahead = [
        row(b)
        for b in db.session.scalars(
            select(Booking)
            .where(
                Booking.status == "bevestigd",
                Booking.support.is_not(None),
                Booking.starts_at >= utcnow(),
                Booking.starts_at < ahead_end,
            )
            .order_by(Booking.starts_at)
        )
        if support_text(b)
    ]
    return render_template(
        "booking/staff_day.html",
        title=_("Afspraken op %(day)s", day=day_words(shown_day, current_language())),
        groups=groups,
        ahead=ahead,
        agendas=[(a.id, agenda_label(a)) for a in agendas],
        chosen=chosen,
        shown_day=shown_day,
        previous_day=shown_day - dt.timedelta(days=1),
        next_day=shown_day + dt.timedelta(days=1),
        open_questions=len(questions.open_questions()),
        outcome_form=OutcomeForm(),
    )


@bp.post("/medewerker/afspraken/<int(max=2147483647):booking_id>/uitkomst")
@role_required("medewerker")
def outcome(booking_id: int) -> ResponseReturnValue:
    """Record "geweest" or "niet gekomen"."""
    form = OutcomeForm()
    booking = db.session.get(Booking, booking_id)
    if booking is None:
        abort(404)
    back = url_for("booking.day", dag=local(booking.starts_at).date().isoformat())
    if not form.validate_on_submit() or form.uitkomst.data not in ("geweest", "niet_gekomen"):
        flash(_("Dat lukte niet. Probeer het opnieuw."), "info")
        return go(back)
    if not service.record_outcome(booking_id, str(form.uitkomst.data)):
        flash(_("Dit kan pas als de afspraak begonnen is."), "info")
    return go(back)


@bp.get("/medewerker/afspraken/<int(max=2147483647):booking_id>/wijzigen")
@role_required("medewerker")
def staff_manage(booking_id: int) -> ResponseReturnValue:
    """Open a booking to move or cancel it for the resident (who asked at the desk or by phone)."""
    booking = db.session.get(Booking, booking_id)
    if booking is None:
        abort(404)
    allow_manage(booking)
    return go(url_for("booking.manage"))


@bp.get("/medewerker/afspraken/nieuw")
@role_required("medewerker")
def staff_book() -> ResponseReturnValue:
    """Book for a resident at the desk or on the phone: the resident's flow, marked as staff."""
    via = request.args.get("via")
    user = current_user()
    if via not in ("balie", "telefoon") or user is None:
        return render_template(
            "booking/staff_book.html", title=_("Afspraak maken voor een inwoner")
        )
    flow = wizard.start()
    flow.data[steps.STAFF_KEY] = {"id": user.id, "via": via}
    from app.core import flows

    flows.save(flow)
    return go(wizard.next_url(flow))


@bp.get("/medewerker/vragen")
@role_required("medewerker")
def questions_list() -> ResponseReturnValue:
    """The written questions still to answer, oldest first, and the last week's answers."""
    return render_template(
        "booking/staff_questions.html",
        title=_("Vragen van inwoners"),
        open=questions.open_questions(),
        answered=questions.answered_since(utcnow() - dt.timedelta(days=7)),
        title_of=title_of,
        day_words=day_words,
        local=local,
    )


@bp.route("/medewerker/vragen/<int(max=2147483647):question_id>", methods=["GET", "POST"])
@role_required("medewerker")
def answer_question(question_id: int) -> ResponseReturnValue:
    """Write the answer; it goes out by e-mail, SMS or letter as the resident chose."""
    question = db.session.get(WrittenQuestion, question_id)
    if question is None:
        abort(404)
    form = AnswerForm()
    user = current_user()
    if question.status == "open" and form.validate_on_submit() and user is not None:
        if questions.answer(question.id, form.antwoord.data or "", user.id) is not None:
            flash(_("Het antwoord is verstuurd."), "ok")
        return go(url_for("booking.questions_list"))
    return render_template(
        "booking/staff_answer.html",
        title=_("Vraag %(reference)s", reference=question.reference),
        question=question,
        form=form,
        topic=title_of(question.topic),
        asked=day_words(local(question.created_at).date(), current_language()),
        phone=phone_words(question.phone) if question.phone else "",
    )
