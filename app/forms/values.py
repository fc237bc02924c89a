"""Typed values as residents write them, and back: amounts, bank accounts, number plates, dates.

Each `parse_*` returns the stored form or None when the text cannot be one; the form fields
turn None into an instruction at the field. What was typed stays in the field.
"""

import datetime as dt
import re

_SPACES = re.compile(r"\s+")


def parse_money(typed: str | None) -> int | None:
    """Return cents for "1450", "1450,00", "1.450,00", "€ 1 450.5" or "1,450.00"; else None."""
    raw = _SPACES.sub("", (typed or "").replace("€", "").replace("EUR", ""))
    if not raw or raw.startswith("-"):
        return None
    simple = re.fullmatch(r"(\d+)(?:[.,](\d{1,2}))?", raw)
    if simple:
        whole, part = simple.groups()
        return int(whole) * 100 + int((part or "0").ljust(2, "0"))
    grouped = re.fullmatch(r"(\d{1,3}(?:([.,])\d{3})+)(?:([.,])(\d{1,2}))?", raw)
    if grouped and grouped.group(2) != grouped.group(3):
        whole = re.sub(r"[.,]", "", grouped.group(1))
        part = grouped.group(4) or "0"
        return int(whole) * 100 + int(part.ljust(2, "0"))
    return None


def money_words(cents: int, lang: str) -> str:
    """ "€ 1.450,00" (nl) or "€1,450.00" (en)."""
    whole, part = divmod(int(cents), 100)
    if lang == "en":
        return f"€{whole:,}.{part:02d}"
    return f"€ {whole:,}".replace(",", ".") + f",{part:02d}"


def money_field(cents: int, lang: str) -> str:
    """An amount as it shows in a field again: "1450,00" or "1450.00"."""
    whole, part = divmod(int(cents), 100)
    return f"{whole}{',' if lang == 'nl' else '.'}{part:02d}"


def parse_iban(typed: str | None) -> str | None:
    """Return "NL91 ABNA 0417 1643 00" for a valid IBAN (any country, mod-97 checked)."""
    raw = _SPACES.sub("", (typed or "").upper()).replace("-", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", raw):
        return None
    if raw.startswith("NL") and not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", raw):
        return None
    digits = "".join(str(int(c, 36)) for c in raw[4:] + raw[:4])
    if int(digits) % 97 != 1:
        return None
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


# Dutch number plates: 2-3 groups of letters and digits (sidecodes 1-14), at most 8 characters.
_PLATE = re.compile(r"^(?=.*[A-Z])(?=.*\d)[A-Z0-9]{6}$")


def parse_plate(typed: str | None) -> str | None:
    """Return "ZZ-301-D" for "zz301d", "ZZ 301 D" or "ZZ-301-D" (a Dutch plate)."""
    raw = re.sub(r"[\s\-.]", "", (typed or "").upper())
    if not _PLATE.match(raw):
        return None
    groups = re.findall(r"[A-Z]+|\d+", raw)
    if len(groups) == 2:  # sidecodes 1-6 have three groups of two: split the longer one
        first, second = groups
        groups = (
            [first[:2], first[2:], second] if len(first) == 4 else [first, second[:2], second[2:]]
        )
        groups = [g for g in groups if g]
    if len(groups) != 3:
        return None
    return "-".join(groups)


def parse_date(typed: str | None, today: dt.date) -> dt.date | None:
    """Return a date for "12-04-1986", "12/4/1986" or "12 4 1986" (a day not in the future)."""
    match = re.fullmatch(r"\s*(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4})\s*", typed or "")
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    return found if dt.date(1900, 1, 1) <= found <= today else None


def date_field(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")
