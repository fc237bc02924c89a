"""The clock and time conversion: UTC stored, Amsterdam shown, both DST changes."""

import datetime as dt

import pytest

from app.core.time import (
    AMSTERDAM,
    aware,
    clock,
    frozen_at,
    local,
    local_datetime,
    local_today,
    to_utc,
    utcnow,
)


def test_utcnow_is_aware_utc() -> None:
    now = utcnow()
    assert now.tzinfo is not None and now.utcoffset() == dt.timedelta(0)


def test_frozen_clock_stops_moves_and_restores() -> None:
    with frozen_at(dt.datetime(2027, 3, 27, 23, 30)) as frozen:  # naive: Amsterdam time
        assert utcnow() == dt.datetime(2027, 3, 27, 22, 30, tzinfo=dt.UTC)
        frozen.advance(dt.timedelta(hours=5))
        assert local(utcnow()).hour == 5  # 22:30 UTC + 5h = 03:30 UTC = 05:30 CEST
        assert local(utcnow()).utcoffset() == dt.timedelta(hours=2)
    assert abs(utcnow() - dt.datetime.now(dt.UTC)) < dt.timedelta(seconds=5)


def test_a_running_clock_cannot_be_moved() -> None:
    with pytest.raises(RuntimeError):
        clock.advance(dt.timedelta(minutes=1))


def test_local_today_follows_amsterdam_not_utc() -> None:
    with frozen_at(dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)):
        assert local_today() == dt.date(2027, 1, 1)


@pytest.mark.parametrize(
    ("day", "time", "utc"),
    [
        # Winter: UTC+1.
        (dt.date(2027, 1, 5), dt.time(9, 0), dt.datetime(2027, 1, 5, 8, 0, tzinfo=dt.UTC)),
        # Summer: UTC+2.
        (dt.date(2027, 6, 1), dt.time(9, 0), dt.datetime(2027, 6, 1, 7, 0, tzinfo=dt.UTC)),
        # Spring forward: 02:30 does not exist, it becomes 03:30 CEST.
        (dt.date(2027, 3, 28), dt.time(2, 30), dt.datetime(2027, 3, 28, 1, 30, tzinfo=dt.UTC)),
        # Fall back: 02:30 happens twice; the first one (CEST) is meant.
        (dt.date(2027, 10, 31), dt.time(2, 30), dt.datetime(2027, 10, 31, 0, 30, tzinfo=dt.UTC)),
        # The morning after each change is an ordinary morning.
        (dt.date(2027, 3, 28), dt.time(9, 0), dt.datetime(2027, 3, 28, 7, 0, tzinfo=dt.UTC)),
        (dt.date(2027, 10, 31), dt.time(9, 0), dt.datetime(2027, 10, 31, 8, 0, tzinfo=dt.UTC)),
    ],
)
def test_wall_clock_times_across_daylight_saving(day, time, utc) -> None:  # type: ignore[no-untyped-def]
    assert local_datetime(day, time) == utc


def test_conversions_round_trip() -> None:
    moment = dt.datetime(2027, 7, 1, 12, 0, tzinfo=AMSTERDAM)
    assert local(to_utc(moment)) == moment
    assert aware(dt.datetime(2027, 1, 1)).tzinfo == dt.UTC  # SQLite hands back naive UTC
