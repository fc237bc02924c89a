"""SMS segments: GSM-7 and UCS-2 counted as a provider bills them, and every SMS text fits."""

import pytest
from flask import Flask

from app.notify.examples import CHANNELS_OF, LONG_PLACE, LONG_WHEN, PHONE_PLACE, example
from app.notify.render import render
from app.notify.sms.segments import fit, fold_to_gsm7, measure


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("", "gsm7", 0, 0),
        ("a" * 160, "gsm7", 160, 1),
        ("a" * 161, "gsm7", 161, 2),
        ("a" * 306, "gsm7", 306, 2),
        ("a" * 307, "gsm7", 307, 3),
        ("é à ü ñ Ä Ö Å ß", "gsm7", 15, 1),  # in the GSM-7 alphabet: no switch
        ("€" * 80, "gsm7", 160, 1),  # the extension table: two septets each
        ("€" * 81, "gsm7", 162, 2),
        ("ë", "ucs2", 1, 1),
        ("ë" + "a" * 69, "ucs2", 70, 1),
        ("ë" + "a" * 70, "ucs2", 71, 2),
        ("ë" + "a" * 133, "ucs2", 134, 2),
        ("ë" + "a" * 134, "ucs2", 135, 3),
        ("😀" * 35, "ucs2", 70, 1),  # outside the BMP: two UTF-16 units each
    ],
)
def test_measure_counts_like_a_provider(
    text: str, encoding: str, units: int, segments: int
) -> None:
    size = measure(text)
    assert (size.encoding, size.units, size.segments) == (encoding, units, segments)


def test_the_e_trema_of_marienburg_halves_a_segment() -> None:
    plain = "Uw afspraak is bij de Stadswinkel, Marienburg 30, Nijmegen. " * 2
    assert measure(plain).encoding == "gsm7"
    assert measure(plain).segments == 1  # 120 characters
    with_trema = plain.replace("Marienburg", "Mariënburg")
    assert measure(with_trema).encoding == "ucs2"
    assert measure(with_trema).non_gsm == "ë"
    assert measure(with_trema).segments == 2  # the same 120 characters: 67 + 53


def test_a_pair_of_septets_is_never_split_across_parts() -> None:
    # 152 plain septets, then "€" (2 septets): the euro moves to the second part whole.
    text = "a" * 152 + "€" + "a" * 152
    assert measure(text).units == 306
    assert measure(text).segments == 3  # 152 | 2 + 151 | 1: not 2, as a naive 306/153 says


def test_a_surrogate_pair_is_never_split_across_parts() -> None:
    text = "ë" + "a" * 65 + "😀" + "a" * 66  # 66 units, then 2 that do not fit in 67
    assert measure(text).units == 134
    assert measure(text).segments == 3


def test_folding_keeps_gsm_letters_and_plains_the_rest() -> None:
    assert fold_to_gsm7("Mariënburg café “Zuid” – één") == 'Marienburg café "Zuid" - één'
    assert fold_to_gsm7("Ÿ, ï, ô") == "Y, i, o"


def test_fit_keeps_the_exact_text_when_it_fits_and_folds_when_that_saves() -> None:
    short = "Stadswinkel, Mariënburg 30."
    assert fit(short, 2) == short  # UCS-2 but one segment: the ë stays
    long = "Uw afspraak is bij de Stadswinkel, Mariënburg 30, in Nijmegen. " * 3
    assert measure(long).segments == 3
    assert fit(long, 2) == long.replace("ë", "e")
    assert measure(fit(long, 2)).segments == 2
    chinese = "您好" * 100  # nothing to fold: sent as it is
    assert fit(chinese, 2) == chinese


SMS_KINDS = [k for k, channels in CHANNELS_OF.items() if "sms" in channels]


def _sms(kind: str, lang: str, **changes: object) -> str:
    body = render(kind, "sms", lang, example(kind, lang, **changes), {"name": "x"}).body
    return fit(body, 2)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", SMS_KINDS)
def test_every_sms_text_fits_two_segments_even_in_the_worst_case(
    ctx: Flask, kind: str, lang: str
) -> None:
    cases: dict[str, dict[str, object]] = {
        "example": {},
        "longest date, long Stip": {
            "when": LONG_WHEN[lang],
            "old_when": LONG_WHEN[lang],
            "place": LONG_PLACE,
            "channel": "stip",
        },
        "phone call": {"channel": "telefoon", "place": PHONE_PLACE[lang]},
        "home visit": {"channel": "thuis", "place": ["Bij u thuis", "Proefweg 45", "6532 EF"]},
        "day closed, not moved": {"moved": False},
    }
    for name, changes in cases.items():
        text = _sms(kind, lang, **changes)
        assert measure(text).segments <= 2, f"{kind} {lang} ({name}): {measure(text)} {text!r}"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", SMS_KINDS)
def test_the_fixed_words_of_every_sms_are_gsm7(ctx: Flask, kind: str, lang: str) -> None:
    """Only a place name may switch a text to UCS-2; the words we write never do."""
    text = _sms(kind, lang, place=["Stadswinkel", "Marienburg 30", "6511 PS Nijmegen"])
    assert measure(text).encoding == "gsm7", measure(text).non_gsm


def test_segment_counts_of_the_texts(ctx: Flask) -> None:
    """The numbers in the report: the example texts (with "Mariënburg 30") as sent."""
    counts = {
        (kind, lang): measure(_sms(kind, lang)).segments
        for kind in SMS_KINDS
        for lang in ("nl", "en")
    }
    assert set(counts.values()) <= {1, 2}
    assert counts[("afspraak-bevestiging", "nl")] == 1
