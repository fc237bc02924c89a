"""Save a form and finish it later: a short code with the postcode, or a link.

The answers stay in the flow store (an entry of kind `formulier-concept`, outside any
session); `FormDraft` is the index: the code (`KW-7Q4-M2X`, easy to write down for a helper at
a Stip), a keyed hash of the postcode (the second factor) and a keyed hash of the link's
token. A draft holds only what the resident typed or chose: values taken over unchanged from
a register are left out and come back only after logging in again (the step is shown again).
A form with login stays its owner's: after resuming, a different login starts afresh.

A draft expires after `FORMS_DRAFT_DAYS`; the pages say until when, and a resident who left an
e-mail address or mobile number gets a warning `FORMS_DRAFT_WARN_DAYS` before.
"""

import contextlib
import datetime as dt
import hmac
import re
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import delete, select

from app.address.base import normalise_postcode
from app.core import flows
from app.core.references import keyed_hash, new_code, new_token, token_hash
from app.core.time import aware, utcnow
from app.extensions import db
from app.forms import engine
from app.forms.definitions import FormDef
from app.forms.models import FormDraft

DRAFT_KIND = "formulier-concept"
PURPOSE = "formulier-concept"
CODE = re.compile(r"^([A-Z]{2})([A-Z0-9]{3})([A-Z0-9]{3})$")
# Kept from the flow in a draft; everything else (register offers, references) is left out.
KEPT = ("antwoorden", "bundel", "eigenaar", "taal", "gezien")


@dataclass(frozen=True)
class Saved:
    draft: FormDraft
    token: str  # the link's token, shown once on the page (and in a message if asked)


def days() -> int:
    return int(current_app.config.get("FORMS_DRAFT_DAYS", 30))


def warn_days() -> int:
    return int(current_app.config.get("FORMS_DRAFT_WARN_DAYS", 5))


def _secret() -> str:
    return str(current_app.config["SECRET_KEY"])


def normalise_code(typed: str | None) -> str | None:
    """Return "KW-7Q4-M2X" for "kw 7q4 m2x", "KW7Q4M2X" or "KW-7Q4-M2X"; None otherwise."""
    raw = re.sub(r"[^A-Z0-9]", "", (typed or "").upper())
    match = CODE.match(raw)
    return "-".join(match.groups()) if match else None


def postcode_key(typed: str | None) -> str | None:
    """The stored form of a postcode: Dutch as "6512 AB", one abroad without spaces."""
    dutch = normalise_postcode(typed)
    if dutch:
        return dutch
    raw = re.sub(r"[\s\-]", "", (typed or "").upper())
    return raw if re.fullmatch(r"[A-Z0-9]{3,10}", raw) else None


def _postcode_hash(postcode: str) -> str:
    return keyed_hash(postcode, _secret(), PURPOSE)


def draft_data(data: dict[str, Any]) -> dict[str, Any]:
    """What a draft keeps: the typed answers, without the values a register gave."""
    kept = {k: data[k] for k in KEPT if k in data}
    answers = {}
    for step, answer in engine.answers_of(data).items():
        if not isinstance(answer, dict):
            continue
        from_register = sorted((answer.get("_bron") or {}).keys())
        clean = {k: v for k, v in answer.items() if k not in from_register and k != "_bron"}
        if from_register:
            clean["_ophalen"] = sorted(set(clean.get("_ophalen") or []) | set(from_register))
        answers[step] = clean
    kept["antwoorden"] = answers
    return kept


def of_flow(flow: flows.Flow) -> FormDraft | None:
    draft_id = flow.data.get("concept")
    if not isinstance(draft_id, int):
        return None
    draft = db.session.get(FormDraft, draft_id)
    if draft is None or aware(draft.expires_at) <= utcnow():
        return None
    return draft


def save(form: FormDef, flow: flows.Flow, postcode: str, lang: str) -> Saved:
    """Save the flow as a draft (or update its draft): the same code, a link, a new expiry."""
    from app.forms import service

    expires = utcnow() + dt.timedelta(days=days())
    lifetime = dt.timedelta(days=days())
    data = draft_data(flow.data)
    draft = of_flow(flow)
    token = str(flow.data.get("concept_link") or "")
    stored = flows.get(draft.flow_id, DRAFT_KIND) if draft else None
    if draft is None or stored is None or not token:
        entry = flows.start(DRAFT_KIND, data, ttl=lifetime, remember=False)
        token = new_token()
        draft = FormDraft(
            code=_free_code(form.prefix),
            token_hash=token_hash(token, _secret()),
            slug=form.slug,
            flow_id=entry.id,
            owner=flow.data.get("eigenaar"),
            lang=lang,
            created_at=utcnow(),
            postcode_hash="",
            expires_at=expires,
        )
        db.session.add(draft)
    else:
        stored.data = data
        flows.save(stored, ttl=lifetime)
    draft.postcode_hash = _postcode_hash(postcode)
    draft.expires_at = expires
    draft.lang = lang
    service.keep_files_until(str(flow.data.get("bundel") or ""), expires)
    db.session.commit()
    flow.data["concept"] = draft.id
    flow.data["concept_link"] = token
    with contextlib.suppress(flows.StaleFlow):  # another tab saved first
        flows.save(flow)
    return Saved(draft, token)


def _free_code(prefix: str) -> str:
    for _attempt in range(20):
        code = new_code(prefix)
        if db.session.scalar(select(FormDraft.id).where(FormDraft.code == code)) is None:
            return code
    raise RuntimeError("no free draft code")


def find(code_typed: str, postcode_typed: str) -> FormDraft | None:
    """The draft with this code when the postcode matches too; None for either mismatch.

    Both mismatches take the same path (a hash is compared either way), so the answer does
    not tell which codes exist.
    """
    code = normalise_code(code_typed)
    postcode = postcode_key(postcode_typed) or ""
    draft = db.session.scalar(select(FormDraft).where(FormDraft.code == code)) if code else None
    expected = draft.postcode_hash if draft is not None else _postcode_hash("-")
    matches = hmac.compare_digest(expected, _postcode_hash(postcode))
    if draft is None or not matches or aware(draft.expires_at) <= utcnow():
        return None
    return draft


def by_token(token: str | None) -> FormDraft | None:
    if not token or len(token) > 100:
        return None
    hashed = token_hash(token, _secret())
    draft = db.session.scalar(select(FormDraft).where(FormDraft.token_hash == hashed))
    if draft is None or aware(draft.expires_at) <= utcnow():
        return None
    return draft


def resume(form: FormDef, draft: FormDraft) -> flows.Flow | None:
    """Start this session's flow of the form from the draft (replacing one in progress)."""
    stored = flows.get(draft.flow_id, DRAFT_KIND)
    if stored is None:
        return None
    wizard = engine.wizard_for(form)
    flow = wizard.start()
    fresh = {k: v for k, v in flow.data.items() if k in ("sleutel",)}
    flow.data.update(dict(stored.data))
    flow.data.update(fresh)
    flow.data["concept"] = draft.id
    flows.save(flow)
    return flow


def warning_due(draft: FormDraft | None) -> bool:
    """Whether the draft ends within the warning period (the pages say so in words)."""
    if draft is None:
        return False
    return aware(draft.expires_at) - utcnow() <= dt.timedelta(days=warn_days())


def forget_for(flow: flows.Flow) -> None:
    """The form was sent: its draft and the messages about it go (no commit)."""
    draft = of_flow(flow)
    if draft is not None:
        _delete(draft)


def _delete(draft: FormDraft) -> None:
    from app.notify import outbox

    outbox.delete_about(f"concept:{draft.code}")
    db.session.execute(delete(flows.FlowEntry).where(flows.FlowEntry.id == draft.flow_id))
    db.session.delete(draft)


def purge(moment: dt.datetime) -> int:
    """Delete expired drafts with their answers (no commit)."""
    old = list(db.session.scalars(select(FormDraft).where(FormDraft.expires_at <= moment)))
    for draft in old:
        _delete(draft)
    return len(old)
