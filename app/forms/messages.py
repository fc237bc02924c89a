"""What a form sends through the outbox: confirmations, and the code of a saved form.

Kinds (templates in templates/messages/, nl and en; examples in app/notify/examples.py):

| kind | channels | when |
|---|---|---|
| `formulier-ontvangen` | email, sms, brief | a form was sent |
| `formulier-gewijzigd` | email, sms, brief | a correction was sent |
| `formulier-ingetrokken` | email, sms, brief | it was withdrawn |
| `formulier-bewaard` | email, sms | a form was saved and the resident asked for the code |
| `formulier-verloopt` | email, sms | a saved form is deleted soon (queued with `send_after`) |

Every message is queued in the caller's transaction (`outbox.enqueue` does not commit).
"""

import datetime as dt
from typing import Any

from app.cases.statuses import catalogue
from app.core.time import aware, local, local_today, utcnow
from app.forms import fields, summary
from app.forms.definitions import FormDef
from app.forms.models import FormDraft, FormSubmission
from app.notify import outbox
from app.notify.recipients import PostalAddress, Recipient


def topic(form: FormDef, lang: str) -> str:
    return catalogue().case_types[form.case_type].name[lang]


def recipient(form: FormDef, answers: dict[str, Any], name: str) -> tuple[str, Recipient] | None:
    """The channel and recipient the resident chose; None for "no message"."""
    from app.forms.service import contact_of

    chosen = contact_of(form, answers)
    channel = chosen.get("kanaal")
    if channel == "email" and chosen.get("email"):
        return "email", Recipient(name=name, email=str(chosen["email"]))
    if channel == "sms" and chosen.get("telefoon"):
        return "sms", Recipient(name=name, phone=str(chosen["telefoon"]))
    if channel == "brief":
        found = fields.address_of(form, answers)
        if found is not None:
            address = PostalAddress(
                found.street, found.number, found.postcode, found.city, found.suffix
            )
            return "brief", Recipient(name=name, address=address)
    return None


def missing_lines(form: FormDef, answers: dict[str, Any], lang: str) -> dict[str, list[str]]:
    """What is still to come, grouped by how: {"later": [...], "meenemen": [...]}."""
    grouped: dict[str, list[str]] = {"later": [], "meenemen": []}
    for item in summary.missing(form, answers, lang):
        grouped[item["how"]].extend(item["documents"])
    return grouped


def context(form: FormDef, row: FormSubmission, lang: str) -> dict[str, Any]:
    kind = catalogue().case_types[form.case_type]
    from app.forms import library

    started = local(aware(row.submitted_at)).date() if row.submitted_at else local_today()
    missing = missing_lines(form, row.answers, lang)
    return {
        "reference": row.reference,
        "topic": topic(form, lang),
        "next": form.next.get(lang),
        "weeks": kind.weeks,
        "expected_by": (started + dt.timedelta(weeks=kind.weeks)).isoformat(),
        "send_later": missing["later"],
        "bring": missing["meenemen"],
        "return_address": list(library().return_address),
        "objection": form.objection,
        "report": not form.login,
    }


def confirm(form: FormDef, row: FormSubmission, kind: str) -> None:
    """Queue a confirmation by the channel chosen in the form (nothing for "no message")."""
    from app.forms.service import _name

    found = recipient(form, row.answers, _name(form, row.answers, None))
    if found is None:
        return
    channel, to = found
    outbox.enqueue(
        kind=kind,
        channel=channel,
        to=to,
        lang=row.lang,
        context=context(form, row, row.lang),
        about=f"formulier:{row.reference}",
    )


def draft_saved(
    form: FormDef, draft: FormDraft, link: str, channel: str, to: Recipient, lang: str
) -> None:
    """Send the code and link of a saved form, and queue the warning before it is deleted."""
    from app.forms.drafts import warn_days

    about = f"concept:{draft.code}"
    outbox.delete_about(about)  # saved again: the earlier messages (and warning) go
    values = {
        "reference": draft.code,
        "topic": topic(form, lang),
        "link": link,
        "expires": local(aware(draft.expires_at)).date().isoformat(),
        "login": form.login,
    }
    outbox.enqueue(
        kind="formulier-bewaard", channel=channel, to=to, lang=lang, context=values, about=about
    )
    warn_at = aware(draft.expires_at) - dt.timedelta(days=warn_days())
    if warn_at > utcnow():
        outbox.enqueue(
            kind="formulier-verloopt",
            channel=channel,
            to=to,
            lang=lang,
            context=values,
            about=about,
            send_after=warn_at,
        )
