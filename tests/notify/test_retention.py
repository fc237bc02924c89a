"""Outbox rows are deleted NOTIFY_KEEP_DAYS after they were dealt with (flask opslag opschonen)."""

import datetime as dt
from typing import Any

from flask import Flask

from app.core.time import frozen_at
from app.notify import outbox
from app.notify.worker import Worker
from tests.notify.helpers import JAN, queue


def test_old_sent_and_failed_messages_are_purged_waiting_ones_stay(app: Flask, runner: Any) -> None:
    with app.app_context(), frozen_at(dt.datetime(2027, 1, 1, 12, 0)) as clock:
        queue("brief", JAN, about="afspraak:AF-1000-AA")
        queue("email", about="afspraak:AF-2000-BB", to=JAN.__class__("X", email="x@@y"))
        Worker().run_once()  # a letter made, an e-mail failed
        clock.advance(dt.timedelta(days=80))
        queue("email", about="afspraak:AF-3000-CC")  # still waiting: never purged
        clock.advance(dt.timedelta(days=11))  # 91 days after the first two
        result = runner.invoke(args=["opslag", "opschonen"])
        assert result.exit_code == 0, result.output
        assert "2 oude berichten aan inwoners verwijderd." in result.output
        assert outbox.messages_about("afspraak:AF-1000-AA") == []
        assert outbox.messages_about("afspraak:AF-2000-BB") == []
        assert len(outbox.messages_about("afspraak:AF-3000-CC")) == 1
