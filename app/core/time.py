"""Time: stored in UTC, shown in Europe/Amsterdam, and a clock that tests can set.

Every "now" in Loket comes from `utcnow()`, so a test (or a demo) can move time with
`frozen_at(...)` and daylight-saving changes can be tried without waiting for March. A server
started in another process (gunicorn in the concurrency tests) reads `LOKET_NOW` once.
"""

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class Clock:
    """The current time; `now()` is always timezone-aware UTC."""

    def __init__(self) -> None:
        self._fixed: dt.datetime | None = None
        start = os.environ.get("LOKET_NOW")
        if start:
            self.set(dt.datetime.fromisoformat(start))

    def now(self) -> dt.datetime:
        return self._fixed if self._fixed is not None else dt.datetime.now(dt.UTC)

    def set(self, moment: dt.datetime | None) -> None:
        """Stop the clock at `moment` (naive means Amsterdam time); None lets it run again."""
        self._fixed = None if moment is None else to_utc(moment)

    def advance(self, delta: dt.timedelta) -> None:
        """Move a stopped clock forward (a running clock cannot be moved)."""
        if self._fixed is None:
            raise RuntimeError("advance() needs a stopped clock: use frozen_at() first")
        self._fixed += delta


def utcnow() -> dt.datetime:
    return clock.now()


@contextmanager
def frozen_at(moment: dt.datetime) -> Iterator[Clock]:
    """Stop the clock at `moment` for the duration of the block (tests, demos)."""
    previous = clock._fixed
    clock.set(moment)
    try:
        yield clock
    finally:
        clock._fixed = previous


def aware(moment: dt.datetime) -> dt.datetime:
    """Return `moment` with its zone: SQLite gives back stored UTC times without one."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def to_utc(moment: dt.datetime) -> dt.datetime:
    """Convert to UTC; a naive time is read as Amsterdam wall-clock time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=AMSTERDAM)
    return moment.astimezone(dt.UTC)


# Made after `to_utc` exists: with LOKET_NOW set, the clock converts it at import.
clock = Clock()


def local(moment: dt.datetime) -> dt.datetime:
    """Return a stored (UTC) time as Amsterdam wall-clock time, for display."""
    return aware(moment).astimezone(AMSTERDAM)


def local_today() -> dt.date:
    """Return today's date in Nijmegen."""
    return local(utcnow()).date()


def local_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    """Return the UTC moment of a wall-clock time on a day in Nijmegen (DST-aware).

    A time that does not exist (02:30 on the last Sunday of March) moves forward an hour; a
    time that exists twice (02:30 on the last Sunday of October) is the first of the two.
    """
    naive = dt.datetime.combine(day, time)
    offsets = {
        naive.replace(tzinfo=AMSTERDAM, fold=f).utcoffset() or dt.timedelta() for f in (0, 1)
    }
    valid = [
        (naive - offset).replace(tzinfo=dt.UTC)
        for offset in offsets
        if (naive - offset).replace(tzinfo=dt.UTC).astimezone(AMSTERDAM).replace(tzinfo=None)
        == naive
    ]
    if valid:
        return min(valid)
    # In the spring gap: read the time with the offset before the change, which lands an hour on.
    return (naive - min(offsets)).replace(tzinfo=dt.UTC)
