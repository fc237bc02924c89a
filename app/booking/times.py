"""The free times of step 5, a few days per page: first free times first."""

import datetime as dt
from dataclasses import dataclass

from app.booking import capacity
from app.booking.formatting import short_day, time_words
from app.booking.models import Agenda
from app.core.time import local

DAYS_PER_PAGE = 5


@dataclass(frozen=True)
class TimeChoice:
    value: str
    label: str
    checked: bool


@dataclass(frozen=True)
class DayTimes:
    day: dt.date
    label: str
    times: list[TimeChoice]


@dataclass(frozen=True)
class TimesPage:
    days: list[DayTimes]
    earlier: dt.date | None  # first day of the page before, for "Eerdere dagen"
    later: dt.date | None  # first day of the page after, for "Latere dagen"
    first_free: dt.datetime | None  # the first free time at all (for the waiting list)


def parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def times_page(
    agenda: Agenda,
    units: int,
    earliest: dt.datetime,
    lang: str,
    start_day: dt.date | None = None,
    chosen: dt.datetime | None = None,
) -> TimesPage:
    """Return the page of days that starts at `start_day` (or holds `chosen`, or the first)."""
    from app.booking.steps import time_value

    starts = capacity.free_starts(agenda, units, earliest)
    days = capacity.group_by_day(starts)
    if not days:
        return TimesPage([], None, None, None)
    index = 0
    target = start_day or (local(chosen).date() if chosen else None)
    if target is not None:
        index = next((i for i, (day, _) in enumerate(days) if day >= target), len(days) - 1)
        if start_day is None:  # the chosen time's page starts at a multiple of the page size
            index -= index % DAYS_PER_PAGE
    shown = days[index : index + DAYS_PER_PAGE]
    earlier = days[max(0, index - DAYS_PER_PAGE)][0] if index > 0 else None
    after = index + DAYS_PER_PAGE
    later = days[after][0] if after < len(days) else None
    chosen_value = time_value(chosen) if chosen else None
    return TimesPage(
        [
            DayTimes(
                day,
                short_day(day, lang),
                [
                    TimeChoice(time_value(m), time_words(m, lang), time_value(m) == chosen_value)
                    for m in moments
                ],
            )
            for day, moments in shown
        ],
        earlier,
        later,
        starts[0],
    )
