"""A submitted form for a demo resident (`flask demo vullen`): something to see, correct and
withdraw under /formulieren/ingediend without filling a form in first, and a fixed reference
for the page states. Off wherever the demo case system is not the one in use."""

import datetime as dt
from typing import Any

from sqlalchemy import select

from app.core.time import utcnow
from app.extensions import db

REFERENCE = "KW-2468-DM"
RESIDENT = "eva"


def _answers() -> dict[str, Any]:
    home = {
        "street": "Voorbeeldstraat",
        "number": "80",
        "suffix": "",
        "postcode": "6512 AB",
        "city": "Nijmegen",
        "source": "brp",
    }
    return {
        "gegevens": {
            "naam": "Eva Visser",
            "adres": home,
            "aanslag": "2026-0100080",
            "_bron": {},
            "_veranderd": ["naam", "adres", "aanslag"],
        },
        "huishouden": {"huisgenoten": "Daan Visser\nNoor Visser", "_bron": {}, "_veranderd": []},
        "inkomen": {"bronnen": ["werk"], "netto": 215000, "spaargeld": 40000},
        "kosten": {"woonlasten": 89000, "auto": "ja"},
        "bewijs": {"stukken": {"keuze": "later", "bestanden": []}},
        "bericht": {"contact": {"kanaal": "email", "email": "eva@voorbeeld.nl"}},
    }


def fill_demo_submission() -> str | None:
    """Eva's application for remission, sent through the demo case system once."""
    from app.cases import service as cases
    from app.cases.base import NewCase, Party, case_systems
    from app.cases.contrib.demo import DemoCaseSystem
    from app.forms import engine, library, summary
    from app.forms.models import FormSubmission
    from app.forms.service import _address, keep_days
    from app.identity.demo import demo_resident

    form = library().get("kwijtschelding")
    resident = demo_resident(RESIDENT, "digid")
    if not isinstance(case_systems.get(), DemoCaseSystem) or form is None or resident is None:
        return None
    if db.session.scalar(select(FormSubmission.id).where(FormSubmission.reference == REFERENCE)):
        return None
    answers = _answers()
    cases.submit(
        NewCase(
            form.case_type,
            REFERENCE,
            "Kwijtschelding 2026",
            initiator=Party(
                "bsn", resident.subject, resident.name, _address(answers["gegevens"]["adres"])
            ),
            submission=summary.for_case(form, answers, REFERENCE),
        )
    )
    now = utcnow()
    db.session.add(
        FormSubmission(
            reference=REFERENCE,
            key="demo-" + REFERENCE,
            slug=form.slug,
            owner=engine.owner_key(resident),
            lang="nl",
            status="ingediend",
            answers=answers,
            version=1,
            created_at=now,
            submitted_at=now,
            updated_at=now,
            delete_after=now + dt.timedelta(days=keep_days()),
        )
    )
    db.session.commit()
    return f"Demoformulier: {REFERENCE} van {resident.name} toegevoegd."
