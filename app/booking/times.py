"""The free times of step 5, a few days per page: first free times first."""

import datetime as dt
from dataclasses import dataclass

from app.booking import capacity
from app.booking.formatting import short_day, time_words
from app.booking.models import Agenda
from app.core.time import local

# A page holds whole days, up to five, and about 64 times: private pages stay under 14 KB
# (they are sent uncompressed), and a long list is hard to read on a small phone anyway.
DAYS_PER_PAGE = 5
TIMES_PER_PAGE = 64


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


Day = tuple[dt.date, list[dt.datetime]]


def paginate(days: list[Day]) -> list[list[Day]]:
    """Split days into pages of whole days: at most five days and about 64 times a page."""
    pages: list[list[Day]] = []
    current: list[Day] = []
    count = 0
    for day in days:
        if current and (len(current) == DAYS_PER_PAGE or count + len(day[1]) > TIMES_PER_PAGE):
            pages.append(current)
            current, count = [], 0
        current.append(day)
        count += len(day[1])
    if current:
        pages.append(current)
    return pages


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
    pages = paginate(days)
    target = start_day or (local(chosen).date() if chosen else None)
    index = 0
    if target is not None:
        index = next((i for i, page in enumerate(pages) if page[-1][0] >= target), len(pages) - 1)
    shown = pages[index]
    earlier = pages[index - 1][0][0] if index > 0 else None
    later = pages[index + 1][0][0] if index + 1 < len(pages) else None
    if start_day is not None and shown[0][0] < start_day <= shown[-1][0]:
        # A link to a day in the middle of a page (an old link): start the page there.
        earlier = shown[0][0]
        shown = paginate([d for d in days if d[0] >= start_day])[0]
        after = [d for d in days if d[0] > shown[-1][0]]
        later = after[0][0] if after else None
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
