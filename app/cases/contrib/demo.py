"""The demo case system: cases in Loket's own database, moved along by `flask zaken status`.

It stands in for a real zaaksysteem for `make run` and the tests, and keeps what a real one
keeps. It is never the choice in production (`app/cases/__init__.py` refuses to start then).
"""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import demo_data
from app.cases.base import (
    Case,
    CaseSystem,
    Lookup,
    NewCase,
    Party,
    Step,
    Submission,
    UnknownCase,
    case_systems,
)
from app.cases.models import DemoCase, DemoCaseStatus, DemoCaseSubmission
from app.cases.statuses import catalogue
from app.core.connectors import ConnectorError
from app.core.time import aware, local_today, utcnow
from app.extensions import db


def _case(row: DemoCase) -> Case:
    return Case(
        reference=row.reference,
        case_type=row.case_type,
        description=row.description,
        started=row.started_on,
        steps=tuple(Step(s.key, aware(s.set_at), s.note) for s in row.steps),
        ended=row.ended_on,
    )


@case_systems.register("demo")
class DemoCaseSystem(CaseSystem):
    description = "Demo case system in Loket's own database (tables demo_case*)."

    def __init__(self, config: Mapping[str, Any]) -> None:
        if not config.get("DEMO_SOURCES"):
            raise ConnectorError("the demo case system is switched off here (DEMO_SOURCES)")
        super().__init__(config)

    def _row(self, reference: str) -> DemoCase:
        row = db.session.scalar(select(DemoCase).where(DemoCase.reference == reference))
        if row is None:
            raise UnknownCase(reference)
        return row

    def create(self, new: NewCase) -> Case:
        if new.case_type not in catalogue().case_types:
            raise ConnectorError(f"unknown case type {new.case_type!r}")
        first = catalogue().case_types[new.case_type].statuses[0]
        existing = db.session.scalar(select(DemoCase).where(DemoCase.reference == new.reference))
        if existing is not None:
            if (existing.initiator_type, existing.initiator_id) != (
                new.initiator.subject_type,
                new.initiator.subject,
            ):
                raise ConnectorError(f"reference {new.reference} is already in use")
            return _case(existing)  # a repeated submit: it is there already
        row = DemoCase(
            reference=new.reference,
            case_type=new.case_type,
            description=new.description[:80],
            initiator_type=new.initiator.subject_type,
            initiator_id=new.initiator.subject,
            initiator_name=new.initiator.name,
            initiator_postcode=new.initiator.postcode,
            representative=_party(new.representative),
            started_on=local_today(),
        )
        row.steps.append(DemoCaseStatus(key=first, set_at=utcnow()))
        row.versions.append(DemoCaseSubmission(version=1, data=dict(new.submission), note=""))
        db.session.add(row)
        try:
            db.session.commit()
        except IntegrityError as error:
            db.session.rollback()
            raise ConnectorError(f"reference {new.reference} is already in use") from error
        return _case(row)

    def cases_for(self, subject_type: str, subject: str) -> tuple[Case, ...]:
        rows = db.session.scalars(
            select(DemoCase)
            .where(DemoCase.initiator_type == subject_type, DemoCase.initiator_id == subject)
            .order_by(DemoCase.started_on.desc(), DemoCase.id.desc())
        )
        return tuple(_case(r) for r in rows)

    def by_reference(self, reference: str) -> Lookup | None:
        row = db.session.scalar(select(DemoCase).where(DemoCase.reference == reference))
        return Lookup(_case(row), row.initiator_postcode) if row else None

    def set_status(self, reference: str, key: str, note: str = "") -> Case:
        case = self.stage_status(reference, key, note)
        db.session.commit()
        return case

    def stage_status(self, reference: str, key: str, note: str = "") -> Case:
        """Give the case status `key` in the caller's transaction (no commit).

        `flask zaken status` commits it together with the messages about it, so a status
        change nobody can be told about is rolled back (`service.advance_demo_case`).
        """
        if key not in catalogue().statuses:
            raise ConnectorError(f"unknown status {key!r}")
        row = self._row(reference)
        row.steps.append(DemoCaseStatus(key=key, set_at=utcnow(), note=note[:1000]))
        if catalogue().statuses[key].ends:
            row.ended_on = local_today()
        return _case(row)

    def add_submission(self, reference: str, data: Mapping[str, Any], note: str) -> None:
        row = self._row(reference)
        version = max((v.version for v in row.versions), default=0) + 1
        row.versions.append(DemoCaseSubmission(version=version, data=dict(data), note=note))
        db.session.commit()

    def submissions(self, reference: str) -> tuple[Submission, ...]:
        row = self._row(reference)
        return tuple(
            Submission(v.version, v.data, v.note, aware(v.created_at)) for v in row.versions
        )

    def initiator(self, reference: str) -> Party:
        row = self._row(reference)
        return Party(row.initiator_type, row.initiator_id, row.initiator_name)

    def advance(self, reference: str) -> Case:
        """Move the case to the next status of its case type and commit.

        :raises UnknownCase: no such case. :raises ConnectorError: the case has ended.
        """
        return self.set_status(reference, self.next_status(reference))

    def next_status(self, reference: str) -> str:
        """Return the status that follows in the case type's order (`flask zaken status`).

        :raises UnknownCase: no such case. :raises ConnectorError: the case has ended.
        """
        row = self._row(reference)
        texts = catalogue()
        last = row.steps[-1].key if row.steps else None
        if last is not None and texts.statuses[last].ends:
            raise ConnectorError(f"{reference} has ended ({last})")
        # After a status outside the case type's order (gegevens_nodig), carry on from the
        # last status in the order.
        order = texts.case_types[row.case_type].statuses
        reached = [s.key for s in row.steps if s.key in order]
        following = texts.next_status(row.case_type, reached[-1] if reached else None)
        if following is None:
            raise ConnectorError(f"{reference} has ended ({last})")
        return following

    def fill(self) -> int:
        """Add the demo residents' cases (app/demo_data) that are not there yet; return how many."""
        added = 0
        today = local_today()
        for person in demo_data.people():
            for entry in person.get("cases", []):
                if db.session.scalar(
                    select(DemoCase.id).where(DemoCase.reference == entry["reference"])
                ):
                    continue
                started = demo_data.day(entry, "started", today) or today
                row = DemoCase(
                    reference=entry["reference"],
                    case_type=entry["case_type"],
                    description=entry["description"],
                    initiator_type="bsn",
                    initiator_id=person["bsn"],
                    initiator_name=f"{person['given_names']} {person['surname']}",
                    initiator_postcode=(person.get("address") or {}).get("postcode", ""),
                    started_on=started,
                )
                keys = list(entry["statuses"])
                for i, key in enumerate(keys):  # spread the steps over the time since the start
                    day = started + (today - started) * i / max(len(keys), 1)
                    row.steps.append(DemoCaseStatus(key=key, set_at=_at_ten(day)))
                if catalogue().statuses[keys[-1]].ends:
                    row.ended_on = started + (today - started) * (len(keys) - 1) / len(keys)
                row.versions.append(DemoCaseSubmission(version=1, data={"demo": True}, note=""))
                db.session.add(row)
                added += 1
        db.session.commit()
        return added


def _at_ten(day: dt.date) -> dt.datetime:
    from app.core.time import local_datetime

    return local_datetime(day, dt.time(10, 0))


def _party(party: Party | None) -> dict[str, Any] | None:
    if party is None:
        return None
    return {
        "subject_type": party.subject_type,
        "subject": party.subject,
        "name": party.name,
        "kind": party.kind,
    }
