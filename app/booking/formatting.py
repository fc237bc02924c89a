"""Dates and times as a resident reads them aloud: "maandag 14 december 2026 om 9.30 uur"."""

import datetime as dt

from babel.dates import format_date

from app.core.time import AMSTERDAM, local


def day_words(day: dt.date, lang: str) -> str:
    """Return "maandag 14 december 2026" or "Monday 14 December 2026"."""
    return format_date(day, "EEEE d MMMM y", locale=lang)


def short_day(day: dt.date, lang: str) -> str:
    """Return "ma 14 dec" style for headings with little room: "maandag 14 december"."""
    return format_date(day, "EEEE d MMMM", locale=lang)


def _second_of_two(moment: dt.datetime) -> bool:
    """True for the second 02:30 on the night the clocks go back (it exists twice)."""
    wall = local(moment)
    naive = wall.replace(tzinfo=None)
    first = naive.replace(tzinfo=AMSTERDAM, fold=0)
    second = naive.replace(tzinfo=AMSTERDAM, fold=1)
    return first.utcoffset() != second.utcoffset() and wall.utcoffset() == second.utcoffset()


def _twice(moment: dt.datetime) -> bool:
    wall = local(moment).replace(tzinfo=None)
    return (
        wall.replace(tzinfo=AMSTERDAM, fold=0).utcoffset()
        != wall.replace(tzinfo=AMSTERDAM, fold=1).utcoffset()
    )


def time_words(moment: dt.datetime, lang: str) -> str:
    """Return "9.30 uur" or "9:30"; on the night the clocks go back, say which of the two."""
    wall = local(moment)
    if lang == "en":
        text = f"{wall.hour}:{wall.minute:02d}"
    else:
        text = f"{wall.hour}.{wall.minute:02d} uur"
    if _twice(moment):
        if lang == "en":
            text += " (winter time)" if _second_of_two(moment) else " (summer time)"
        else:
            text += " (wintertijd)" if _second_of_two(moment) else " (zomertijd)"
    return text


def when_words(moment: dt.datetime, lang: str) -> str:
    """Return "maandag 14 december 2026 om 9.30 uur" / "Monday 14 December 2026 at 9:30"."""
    joiner = "at" if lang == "en" else "om"
    return f"{day_words(local(moment).date(), lang)} {joiner} {time_words(moment, lang)}"


def _clock(moment: dt.time, lang: str) -> str:
    return (
        f"{moment.hour}:{moment.minute:02d}"
        if lang == "en"
        else f"{moment.hour}.{moment.minute:02d}"
    )


def hours_lines(blocks: list[tuple[int, dt.time, dt.time]], lang: str) -> list[str]:
    """Return opening hours per day: "dinsdag 10.00 tot 12.00 en 13.00 tot 16.00 uur"."""
    from babel.dates import get_day_names

    names = get_day_names("wide", locale=lang)
    joiner, to, unit = (" and ", " to ", "") if lang == "en" else (" en ", " tot ", " uur")
    lines = []
    for weekday in range(7):
        parts = [
            f"{_clock(o, lang)}{to}{_clock(c, lang)}" for d, o, c in sorted(blocks) if d == weekday
        ]
        if parts:
            lines.append(f"{names[weekday]} {joiner.join(parts)}{unit}")
    return lines
