"""How many SMS segments a text costs: GSM-7 when every character is in the GSM 03.38 alphabet,
otherwise UCS-2, which holds less than half as much.

One GSM-7 segment holds 160 septets; a longer text is split into parts of 153 (the rest carries
the header that joins them). Characters of the extension table (€, [, ], {, }, ^, ~, |, \\) take
two septets, and a part never splits such a pair. One UCS-2 segment holds 70 UTF-16 code units,
parts 67; a character outside the Basic Multilingual Plane (an emoji) takes two units, never
split. So "Mariënburg" (ë is not in GSM-7) turns a 150-character text from one segment into three.
"""

import unicodedata
from dataclasses import dataclass
from typing import Literal

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

SINGLE = {"gsm7": 160, "ucs2": 70}
PART = {"gsm7": 153, "ucs2": 67}


@dataclass(frozen=True)
class SmsSize:
    encoding: Literal["gsm7", "ucs2"]
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int
    non_gsm: str  # the characters that forced UCS-2, in order of first appearance


def _unit_sizes(text: str, encoding: str) -> list[int]:
    if encoding == "gsm7":
        return [2 if ch in GSM7_EXTENSION else 1 for ch in text]
    return [2 if ord(ch) > 0xFFFF else 1 for ch in text]


def measure(text: str) -> SmsSize:
    """Return the encoding, length and number of segments of `text` as a provider counts them."""
    non_gsm = "".join(
        dict.fromkeys(ch for ch in text if ch not in GSM7_BASIC and ch not in GSM7_EXTENSION)
    )
    encoding: Literal["gsm7", "ucs2"] = "ucs2" if non_gsm else "gsm7"
    sizes = _unit_sizes(text, encoding)
    units = sum(sizes)
    if units <= SINGLE[encoding]:
        return SmsSize(encoding, units, 1 if units else 0, non_gsm)
    segments, filled = 1, 0
    for size in sizes:
        if filled + size > PART[encoding]:
            segments, filled = segments + 1, 0
        filled += size
    return SmsSize(encoding, units, segments, non_gsm)


# Typographic characters outside GSM-7 with a plain counterpart inside it.
_PLAIN = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "–": "-",
    "—": "-",
    "…": "...",
    "\u00a0": " ",
    "\u202f": " ",
}


def fold_to_gsm7(text: str) -> str:
    """Return `text` with characters outside GSM-7 replaced by their plain letter where there
    is one ("ë" -> "e", "ï" -> "i", "’" -> "'"); characters in GSM-7 ("é", "ü") stay."""
    out = []
    for ch in text:
        if ch in GSM7_BASIC or ch in GSM7_EXTENSION:
            out.append(ch)
        elif ch in _PLAIN:
            out.append(_PLAIN[ch])
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            out.append(base if base in GSM7_BASIC else ch)
    return "".join(out)


def fit(text: str, max_segments: int) -> str:
    """Return the text to send: as written when it fits in `max_segments`, otherwise folded to
    GSM-7 when that costs fewer segments ("Mariënburg" becomes "Marienburg": readable, and it
    keeps a two-segment text from becoming three)."""
    exact = measure(text)
    if exact.segments <= max_segments or exact.encoding == "gsm7":
        return text
    folded = fold_to_gsm7(text)
    return folded if measure(folded).segments < exact.segments else text
