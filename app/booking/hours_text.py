"""Opening hours as a beheerder types them: one block per line, "ma 9.00-17.00 4".

Day, opening and closing time, and the number of staff (people per slot). Several lines for one
day make a day with a break ("di 9.00-12.00 3" and "di 13.00-17.00 3").
"""

import datetime as dt
import re
from dataclasses import dataclass

from flask_babel import gettext as _

DAYS = {
    "ma": 0, "maandag": 0, "di": 1, "dinsdag": 1, "wo": 2, "woensdag": 2, "do": 3,
    "donderdag": 3, "vr": 4, "vrijdag": 4, "za": 5, "zaterdag": 5, "zo": 6, "zondag": 6,
}  # fmt: skip
SHORT = ("ma", "di", "wo", "do", "vr", "za", "zo")
LINE = re.compile(
    r"^\s*(?P<day>[a-z]+)\s+(?P<open>\d{1,2}[.:]\d{2})\s*[-–]\s*(?P<close>\d{1,2}[.:]\d{2})"
    r"\s+(?P<staff>\d{1,2})\s*$"
)


@dataclass(frozen=True)
class Block:
    weekday: int
    opens: dt.time
    closes: dt.time
    staff: int


class HoursError(ValueError):
    pass


def _time(text: str) -> dt.time:
    hours, minutes = re.split(r"[.:]", text)
    moment = dt.time(int(hours), int(minutes))
    if moment.minute % 15:
        raise ValueError("not on a quarter")
    return moment


def parse(text: str) -> list[Block]:
    """Read the lines; :raises HoursError: with the line to fix, in words."""
    blocks: list[Block] = []
    for number, line in enumerate(text.strip().splitlines(), 1):
        if not line.strip():
            continue
        match = LINE.match(line.lower())
        if match is None or match["day"] not in DAYS:
            raise HoursError(_("Regel %(n)d klopt niet. Schrijf het zo: ma 9.00-17.00 4", n=number))
        try:
            opens, closes = _time(match["open"]), _time(match["close"])
        except ValueError:
            raise HoursError(
                _("Regel %(n)d: kies tijden op een heel kwartier, zoals 9.00 of 9.15.", n=number)
            ) from None
        if closes <= opens:
            raise HoursError(_("Regel %(n)d: de sluittijd moet na de openingstijd zijn.", n=number))
        blocks.append(Block(DAYS[match["day"]], opens, closes, int(match["staff"])))
    if not blocks:
        raise HoursError(_("Vul minstens één regel in, bijvoorbeeld: ma 9.00-17.00 4"))
    return blocks


def format_hours(hours: list[Block]) -> str:
    return "\n".join(
        f"{SHORT[b.weekday]} {b.opens.hour}.{b.opens.minute:02d}-"
        f"{b.closes.hour}.{b.closes.minute:02d} {b.staff}"
        for b in sorted(hours, key=lambda b: (b.weekday, b.opens))
    )
