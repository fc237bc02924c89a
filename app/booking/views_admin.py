"""Beheerder: change opening hours and staff per place and channel, close a day, set how long
a conversation about each topic takes. No SQL needed."""

from flask import abort, flash, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from app.auth.decorators import role_required
from app.booking import closing
from app.booking.formatting import day_words
from app.booking.forms import CloseDayForm, HoursForm, TopicLengthForm
from app.booking.hours_text import Block, HoursError, format_hours, parse
from app.booking.models import Agenda
from app.booking.topics import topics
from app.booking.views import bp
from app.booking.views_staff import agenda_label
from app.core.time import local_today
from app.core.wizard import go
from app.extensions import current_language, db
from app.panel.forms import parse_date

ALL = "alle"


def agendas() -> list[Agenda]:
    return list(db.session.scalars(select(Agenda).order_by(Agenda.channel, Agenda.slug)))


@bp.get("/medewerker/capaciteit")
@role_required("beheerder")
def capacity_overview() -> ResponseReturnValue:
    """Every place and channel with its opening hours and staff; closed days ahead."""
    lang = current_language()
    return render_template(
        "booking/admin_capacity.html",
        title=_("Capaciteit voor afspraken"),
        agendas=[(a, agenda_label(a), format_hours(_blocks(a))) for a in agendas()],
        closed=[
            (day_words(c.day, lang), c.reason_en if lang == "en" else c.reason_nl, c.agenda_id)
            for c in closing.closed_days_ahead()
        ],
        labels={a.id: agenda_label(a) for a in agendas()},
    )


def _blocks(agenda: Agenda) -> list[Block]:
    return [Block(h.weekday, h.opens, h.closes, h.staff) for h in agenda.hours]


@bp.route("/medewerker/capaciteit/<int(max=2147483647):agenda_id>", methods=["GET", "POST"])
@role_required("beheerder")
def agenda_hours(agenda_id: int) -> ResponseReturnValue:
    """Change when a place or channel is open and how many staff take appointments."""
    agenda = db.session.get(Agenda, agenda_id)
    if agenda is None:
        abort(404)
    form = HoursForm()
    if request.method == "GET":
        form.uren.data = format_hours(_blocks(agenda))
    if form.validate_on_submit():
        try:
            blocks = parse(form.uren.data or "")
        except HoursError as error:
            form.uren.errors = [str(error)]
        else:
            rebuilt = closing.set_hours(agenda, blocks)
            message = _("Wij hebben de tijden opgeslagen.")
            if rebuilt.short:
                message += " " + _(
                    "Let op: op %(n)d tijden zijn meer afspraken dan medewerkers. Die afspraken "
                    "blijven staan.",
                    n=rebuilt.short,
                )
            flash(message, "ok")
            return go(url_for("booking.capacity_overview"))
    return render_template(
        "booking/admin_hours.html",
        title=_("Tijden van %(name)s", name=agenda_label(agenda)),
        form=form,
        agenda=agenda,
    )


@bp.route("/medewerker/capaciteit/sluiten", methods=["GET", "POST"])
@role_required("beheerder")
def close_day() -> ResponseReturnValue:
    """Close a day; with bookings: first show who it affects, then move them and tell them."""
    form = CloseDayForm()
    form.agenda.choices = [SelectChoice(ALL, _("Alles (bijvoorbeeld een feestdag)"))] + [
        (str(a.id), agenda_label(a)) for a in agendas() if a.active
    ]
    if form.validate_on_submit():
        day = parse_date(form.dag.data or "")
        agenda_id = None if form.agenda.data == ALL else int(form.agenda.data or 0)
        if day is None:
            form.dag.errors = [_("Vul de datum in als dag-maand-jaar, bijvoorbeeld 24-12-2026.")]
        elif day < local_today():
            form.dag.errors = [_("Deze dag is al voorbij. Kies vandaag of een dag later.")]
        elif form.zeker.data != "ja":
            affected = closing.affected(agenda_id, day)
            form.zeker.data = "ja"
            return render_template(
                "booking/admin_close_check.html",
                title=_("Weet u het zeker?"),
                form=form,
                day=day_words(day, current_language()),
                affected=affected,
            )
        else:
            result = closing.close_day(
                agenda_id, day, form.reden.data or "", form.reden_en.data or ""
            )
            return render_template(
                "booking/admin_closed.html",
                title=_("De dag is dicht"),
                day=day_words(day, current_language()),
                result=result,
            )
    return render_template("booking/admin_close.html", title=_("Een dag sluiten"), form=form)


@bp.route("/medewerker/capaciteit/onderwerpen", methods=["GET", "POST"])
@role_required("beheerder")
def topic_lengths() -> ResponseReturnValue:
    """How long a conversation about each topic takes (new bookings get the new length)."""
    known = topics()
    form = TopicLengthForm()
    form.onderwerp.choices = [SelectChoice(t.slug, t.title) for t in known]
    if form.validate_on_submit():
        closing.set_length(str(form.onderwerp.data), int(form.minuten.data or 0))
        flash(_("Wij hebben de tijd per gesprek opgeslagen."), "ok")
        return go(url_for("booking.topic_lengths"))
    return render_template(
        "booking/admin_topics.html",
        title=_("Tijd per gesprek"),
        form=form,
        topics=known,
    )
