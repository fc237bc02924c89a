"""Submitting, paying for, correcting and withdrawing a form. Only this module (and drafts.py)
touches the database; the case system is reached through `app.cases.service` only.

Submitting: the reference is chosen first and kept in the flow, so a retry after the case
system was down (or after a crash) registers the same case once (`cases.submit` is safe to
repeat). Then Loket's copy, the files and the confirmation message are written in one
transaction: the message exists if and only if the submission does.
"""

import datetime as dt
import logging
import secrets
from typing import Any

from flask import current_app, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import delete, select, update

from app.address.base import PostalAddress
from app.cases import service as cases
from app.cases.base import NewCase, Party
from app.core import flows
from app.core.connectors import SourceUnavailable
from app.core.references import new_reference
from app.core.time import aware, local_today, utcnow
from app.core.wizard import go
from app.extensions import current_language, db
from app.forms import engine, fields, summary
from app.forms.definitions import FormDef, StepDef
from app.forms.models import FormDraft, FormSubmission, FormUpload
from app.identity.resident import Resident, current_resident
from app.prefill.persons import Address

log = logging.getLogger(__name__)
DONE_KIND = "formulier-klaar"
# Case statuses after which nothing can be corrected or withdrawn: a decision is made.
DECIDED = frozenset({"besluit", "afgerond", "ingetrokken", "melding_opgelost"})


def keep_days() -> int:
    return int(current_app.config.get("FORMS_KEEP_DAYS", 90))


def _upload_hours() -> int:
    return int(current_app.config.get("FORMS_UPLOAD_HOURS", 24))


# --- files ---------------------------------------------------------------------------------------


def _store(form: FormDef, step: StepDef, name: str, bundle: str, checked: Any) -> dict[str, Any]:
    row = FormUpload(
        public_id=secrets.token_urlsafe(16),
        bundle=bundle,
        slug=form.slug,
        question=f"{step.name}.{name}",
        filename=checked.filename,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        data=checked.data,
        created_at=utcnow(),
        expires_at=utcnow() + dt.timedelta(hours=_upload_hours()),
    )
    db.session.add(row)
    return {"id": row.public_id, "naam": row.filename, "grootte": row.size}


def store_files(
    form: FormDef, step: StepDef, built: fields.StepForm, answer: dict[str, Any], flow: flows.Flow
) -> None:
    """Store a step's new files, delete the ones the resident took out (of this form only)."""
    bundle = str(flow.data.get("bundel") or "")
    before = engine.answers_of(flow.data).get(step.name) or {}
    keep: set[str] = set()
    for question in step.questions:
        if question.kind not in ("bewijs", "foto"):
            continue
        resolved = built.resolved.get(question.name) or {}
        if question.kind == "bewijs":
            kept = list(resolved.get("kept") or [])
            new = [_store(form, step, question.name, bundle, c) for c in resolved.get("new") or []]
            answer[question.name]["bestanden"] = kept + new
            keep |= {f["id"] for f in kept + new}
        else:
            stored = (
                _store(form, step, question.name, bundle, resolved["new"])
                if resolved.get("new")
                else resolved.get("kept")
            )
            answer[question.name] = stored
            if stored:
                keep.add(stored["id"])
    gone = _file_ids(step, before) - keep
    if gone:
        db.session.execute(
            delete(FormUpload).where(FormUpload.bundle == bundle, FormUpload.public_id.in_(gone))
        )
    db.session.commit()


def _file_ids(step: StepDef, answer: dict[str, Any]) -> set[str]:
    ids: set[str] = set()
    for question in step.questions:
        value = answer.get(question.name)
        if question.kind == "bewijs" and isinstance(value, dict):
            ids |= {f["id"] for f in value.get("bestanden", [])}
        if question.kind == "foto" and isinstance(value, dict):
            ids.add(value["id"])
    return ids


def keep_files_until(bundle: str, until: dt.datetime) -> None:
    """The files of a form in progress live as long as its saved draft (no commit)."""
    db.session.execute(
        update(FormUpload)
        .where(FormUpload.bundle == bundle, FormUpload.submission_id.is_(None))
        .values(expires_at=until)
    )


# --- the price of a permit -----------------------------------------------------------------------


def price(form: FormDef, answers: dict[str, Any]) -> int:
    """The amount to pay: the first rule whose postcode matches, else the form's amount."""
    payment = form.payment
    assert payment is not None
    postcode = ""
    if payment.postcode_of:
        step, _, name = payment.postcode_of.partition(".")
        value = (answers.get(step) or {}).get(name) or {}
        postcode = str(value.get("postcode", "")).replace(" ", "")
    for rule in payment.rules:
        if rule.starts_with and any(postcode.startswith(p) for p in rule.starts_with):
            return rule.cents
    return payment.cents


# --- submitting ----------------------------------------------------------------------------------


def _unique_reference(prefix: str) -> str:
    for _attempt in range(20):
        reference = new_reference(prefix)
        taken = db.session.scalar(
            select(FormSubmission.id).where(FormSubmission.reference == reference)
        )
        if taken is None:
            return reference
    raise RuntimeError("no free reference")  # 250,000 per prefix: practically never


def _address(value: dict[str, Any] | None) -> Address | None:
    if not value:
        return None
    found = PostalAddress.from_data(value)
    suffix = found.suffix.strip()
    letter = suffix if len(suffix) == 1 and suffix.isalpha() else ""
    return Address(
        street=found.street,
        number=int(found.number) if found.number.isdigit() else 0,
        letter=letter.upper(),
        addition="" if letter else suffix.lstrip("-")[:4],
        postcode=found.postcode,
        city=found.city,
    )


def _name(form: FormDef, answers: dict[str, Any], resident: Resident | None) -> str:
    for step in form.steps:
        for question in step.questions:
            if question.prefill == "naam":
                value = (answers.get(step.name) or {}).get(question.name)
                if value:
                    return str(value)
    if resident is not None:
        return resident.acting_for.name if resident.acting_for else resident.name
    return ""


def _parties(form: FormDef, answers: dict[str, Any]) -> tuple[Party, Party | None]:
    resident = current_resident() if form.login else None
    name = _name(form, answers, resident)
    address = fields.address_of(form, answers)
    if resident is None:
        # A report without login: the case has no BSN (see README.md, "Still to do").
        return Party("bsn", "", name or "Melder zonder naam"), None
    kind, subject = resident.client
    initiator = Party(kind, subject, name, _address(address.to_data() if address else None))
    helper = None
    if resident.acting_for is not None:
        helper = Party(
            resident.subject_type, resident.subject, resident.name, kind=resident.acting_for.kind
        )
    return initiator, helper


def contact_of(form: FormDef, answers: dict[str, Any]) -> dict[str, Any]:
    for step, question in form.questions_of("contact"):
        value = (answers.get(step.name) or {}).get(question.name)
        if isinstance(value, dict):
            return value
    return {"kanaal": "geen"}


def _description(form: FormDef) -> str:
    return form.description.nl.replace("{jaar}", str(local_today().year))[:80]


def _reference_for(flow: flows.Flow, form: FormDef) -> str:
    reference = flow.data.get("kenmerk")
    if not reference:
        reference = _unique_reference(form.prefix)
        flow.data["kenmerk"] = reference
        flows.save(flow)
    return str(reference)


def submit_from_review(form: FormDef, flow: flows.Flow, review: Any) -> ResponseReturnValue:
    """The last POST of a form: register it (or send to the payment first)."""
    wizard = engine.wizard_for(form)
    if review.sleutel.data != flow.data.get("sleutel"):
        return go(wizard.url(engine.REVIEW))  # an old page: look at the answers again
    if flow.data.get("correctie"):
        return _correct(form, flow, str(review.toelichting.data or ""))
    reference = _reference_for(flow, form)
    if form.payment is not None:
        _pending(form, flow, reference)
        return go(url_for("forms.pay", slug=form.slug))
    return register(form, flow)


def _pending(form: FormDef, flow: flows.Flow, reference: str) -> FormSubmission:
    """A permit waits for its payment: Loket keeps the answers, no case exists yet."""
    answers = engine.answers_of(flow.data)
    row = db.session.scalar(select(FormSubmission).where(FormSubmission.reference == reference))
    now = utcnow()
    if row is None:
        row = FormSubmission(
            reference=reference,
            key=str(flow.data["sleutel"]),
            slug=form.slug,
            owner=flow.data.get("eigenaar"),
            lang=current_language(),
            status="betalen",
            answers=answers,
            version=1,
            created_at=now,
            updated_at=now,
            delete_after=now + dt.timedelta(days=1),
        )
        db.session.add(row)
    row.answers = answers
    row.amount_cents = price(form, answers)
    row.updated_at = now
    db.session.commit()
    return row


def register(form: FormDef, flow: flows.Flow) -> ResponseReturnValue:
    """Register the case, then keep Loket's copy and queue the confirmation, in one go."""
    wizard = engine.wizard_for(form)
    answers = engine.answers_of(flow.data)
    reference = _reference_for(flow, form)
    initiator, helper = _parties(form, answers)
    try:
        cases.submit(
            NewCase(
                form.case_type,
                reference,
                _description(form),
                initiator=initiator,
                submission=summary.for_case(form, answers, reference),
                representative=helper,
            )
        )
    except SourceUnavailable:
        log.warning("case system unavailable for a %s submission", form.slug)
        engine.problem(
            _(
                "Het versturen lukt nu niet. Wij hebben uw antwoorden bewaard. "
                "Probeer het over een paar minuten opnieuw."
            )
        )
        review = wizard.review
        page = wizard.render(review, flow, review.form(flow.data, None))
        return page, 503  # type: ignore[return-value]
    row = _finish(form, flow, reference, answers)
    flows.discard(engine.kind_of(form))
    flows.start(DONE_KIND, {"reference": row.reference, "slug": form.slug})
    return go(url_for("forms.confirmation", slug=form.slug))


def _finish(
    form: FormDef, flow: flows.Flow, reference: str, answers: dict[str, Any]
) -> FormSubmission:
    now = utcnow()
    row = db.session.scalar(select(FormSubmission).where(FormSubmission.reference == reference))
    if row is None:
        row = FormSubmission(
            reference=reference,
            key=str(flow.data.get("sleutel") or secrets.token_urlsafe(24)),
            slug=form.slug,
            owner=flow.data.get("eigenaar"),
            lang=current_language(),
            answers=answers,
            version=1,
            created_at=now,
            status="ingediend",
            updated_at=now,
            delete_after=now,
        )
        db.session.add(row)
    row.status = "ingediend"
    row.answers = answers
    row.submitted_at = now
    row.updated_at = now
    row.delete_after = now + dt.timedelta(days=keep_days())
    db.session.flush()
    db.session.execute(
        update(FormUpload)
        .where(
            FormUpload.bundle == str(flow.data.get("bundel") or ""),
            FormUpload.submission_id.is_(None),
        )
        .values(submission_id=row.id, expires_at=row.delete_after)
    )
    from app.forms import drafts, messages

    messages.confirm(form, row, "formulier-ontvangen")
    drafts.forget_for(flow)
    db.session.commit()
    return row


# --- the payment of a permit ---------------------------------------------------------------------


def pending_of(flow: flows.Flow) -> FormSubmission | None:
    reference = flow.data.get("kenmerk")
    if not reference:
        return None
    return db.session.scalar(
        select(FormSubmission).where(
            FormSubmission.reference == str(reference), FormSubmission.status == "betalen"
        )
    )


def record_payment(row: FormSubmission, payment_id: str) -> None:
    row.payment_id = payment_id
    row.updated_at = utcnow()
    db.session.commit()


# --- after submitting: the resident's own submissions -------------------------------------------


def done_submission() -> FormSubmission | None:
    """The submission this browser just sent (the confirmation page, its PDF copy)."""
    flow = flows.load(DONE_KIND)
    if flow is None:
        return None
    return by_reference(str(flow.data.get("reference") or ""))


def by_key(key: str) -> FormSubmission | None:
    return db.session.scalar(select(FormSubmission).where(FormSubmission.key == key))


def by_reference(reference: str) -> FormSubmission | None:
    return db.session.scalar(select(FormSubmission).where(FormSubmission.reference == reference))


def owned(reference: str) -> FormSubmission | None:
    """The submission with this reference, if it is the logged-in resident's; else None."""
    resident = current_resident()
    owner = engine.owner_key(resident)
    row = by_reference(reference)
    if row is None or owner is None or row.owner != owner or row.status == "betalen":
        return None
    return row


def mine() -> list[FormSubmission]:
    owner = engine.owner_key(current_resident())
    if owner is None:
        return []
    return list(
        db.session.scalars(
            select(FormSubmission)
            .where(FormSubmission.owner == owner, FormSubmission.status != "betalen")
            .order_by(FormSubmission.created_at.desc())
        )
    )


def case_of(row: FormSubmission) -> Any:
    """The case as the case system knows it now. :raises SourceUnavailable: it is down."""
    resident = current_resident()
    if resident is None:
        return None
    kind, subject = resident.client
    return next((c for c in cases.cases_for(kind, subject) if c.reference == row.reference), None)


def can_change(case: Any) -> bool:
    """Until a decision is made, a submission can be corrected or withdrawn."""
    if case is None or not case.running:
        return False
    return case.status is None or case.status.key not in DECIDED


def start_correction(form: FormDef, row: FormSubmission) -> flows.Flow:
    """A flow with the submitted answers, to change and send again."""
    wizard = engine.wizard_for(form)
    flow = wizard.start(dict(row.answers))
    flow.data.update({"correctie": row.reference, "kenmerk": row.reference, "gezien": []})
    flows.save(flow)
    return flow


def _correct(form: FormDef, flow: flows.Flow, note: str) -> ResponseReturnValue:
    reference = str(flow.data["correctie"])
    row = owned(reference)
    if row is None:
        flows.discard(engine.kind_of(form))
        return go(url_for("forms.start", slug=form.slug))
    answers = engine.answers_of(flow.data)
    try:
        case = case_of(row)
        if not can_change(case):
            flows.discard(engine.kind_of(form))
            return go(url_for("forms.submitted", reference=reference))
        cases.correct(
            reference,
            summary.for_case(form, answers, reference),
            note or "Gewijzigd door de inwoner.",
        )
    except SourceUnavailable:
        engine.problem(
            _(
                "Het versturen lukt nu niet. Wij hebben uw antwoorden bewaard. "
                "Probeer het over een paar minuten opnieuw."
            )
        )
        wizard = engine.wizard_for(form)
        page = wizard.render(wizard.review, flow, wizard.review.form(flow.data, None))
        return page, 503  # type: ignore[return-value]
    from app.forms import messages

    row.answers = answers
    row.version += 1
    row.updated_at = utcnow()
    db.session.execute(
        update(FormUpload)
        .where(
            FormUpload.bundle == str(flow.data.get("bundel") or ""),
            FormUpload.submission_id.is_(None),
        )
        .values(submission_id=row.id, expires_at=aware(row.delete_after))
    )
    messages.confirm(form, row, "formulier-gewijzigd")
    db.session.commit()
    flows.discard(engine.kind_of(form))
    flows.start(DONE_KIND, {"reference": row.reference, "slug": form.slug, "gewijzigd": True})
    return go(url_for("forms.submitted", reference=reference, gewijzigd=1))


def withdraw(form: FormDef, row: FormSubmission) -> bool:
    """Withdraw a submission that is not decided yet. :raises SourceUnavailable: down."""
    from app.forms import messages

    case = case_of(row)
    if not can_change(case):
        return False
    resident = current_resident()
    kind, subject = resident.client if resident else ("bsn", "")
    cases.withdraw(row.reference, Party(kind, subject, _name(form, row.answers, resident)))
    row.status = "ingetrokken"
    row.updated_at = utcnow()
    messages.confirm(form, row, "formulier-ingetrokken")
    db.session.commit()
    return True


# --- purging -------------------------------------------------------------------------------------


def purge(now: dt.datetime | None = None) -> str:
    """Delete submissions past their time, unpaid ones after a day, and files nobody needs."""
    from app.forms import drafts
    from app.notify import outbox

    moment = now or utcnow()
    old = list(
        db.session.scalars(select(FormSubmission).where(FormSubmission.delete_after <= moment))
    )
    for row in old:
        outbox.delete_about(f"formulier:{row.reference}")
        db.session.execute(delete(FormUpload).where(FormUpload.submission_id == row.id))
        db.session.delete(row)
    files = db.session.execute(
        delete(FormUpload).where(
            FormUpload.submission_id.is_(None), FormUpload.expires_at <= moment
        )
    )
    removed_drafts = drafts.purge(moment)
    db.session.commit()
    count = int(files.rowcount or 0)  # type: ignore[attr-defined]
    return (
        f"{len(old)} ingediende formulieren, {removed_drafts} bewaarde formulieren en "
        f"{count} losse bestanden verwijderd."
    )


__all__ = ["FormDraft", "purge", "register", "submit_from_review"]
