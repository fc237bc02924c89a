"""The readability gate: every text a resident reads passes its profile, or CI fails."""

import pytest

from app.config import ROOT
from app.readability import analyse
from app.readability.sources import PLACEHOLDER, Source, catalogue_strings, resident_texts

SOURCES = list(resident_texts(ROOT))


def test_the_gate_sees_every_kind_of_text() -> None:
    kinds = {s.where.split("/")[0] for s in SOURCES}
    assert {"content", "translations"} <= kinds
    assert (
        sum(s.where.startswith("content/nl/") and s.profile == "makkelijk" for s in SOURCES) >= 18
    )
    assert sum(s.where.startswith("translations/") for s in SOURCES) >= 50


@pytest.mark.parametrize("source", SOURCES, ids=[s.where for s in SOURCES])
def test_text_passes_its_profile(source: Source) -> None:
    report = analyse(source.text, source.profile, source.lang)
    blocking = [
        f"{f.rule}: {f.message} ({f.sentence!r})"
        for f in report.findings
        if f.severity == "blocking"
    ]
    assert report.passed, (
        f"{source.where} is {report.level} for profile {source.profile}; {report.verdict}\n"
        + "\n".join(blocking)
    )


def test_catalogue_reader_strips_placeholders(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pot = tmp_path / "m.pot"
    pot.write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "Hallo %(name)s, welkom."\nmsgstr ""\n\n'
        'msgid ""\n"Lange "\n"tekst."\nmsgstr ""\n',
        encoding="utf-8",
    )
    assert [t for _, t in catalogue_strings(pot)] == ["Hallo , welkom.", "Lange tekst."]


def test_catalogue_reader_sees_plural_forms_and_escapes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pot = tmp_path / "m.pot"
    pot.write_text(
        'msgid ""\nmsgstr ""\n\n'
        'msgid "Nog %(num)d ding aanpassen."\nmsgid_plural "Nog %(num)d dingen aanpassen."\n'
        'msgstr[0] ""\nmsgstr[1] ""\n\n'
        'msgid "Zeg \\"ja\\"."\nmsgstr ""\n',
        encoding="utf-8",
    )
    assert [t for _, t in catalogue_strings(pot)] == [
        "Nog  ding aanpassen.",
        "Nog  dingen aanpassen.",
        'Zeg "ja".',
    ]


def test_the_gate_reads_the_plural_strings_of_the_real_catalogue() -> None:
    from babel.messages.pofile import read_po

    with (ROOT / "translations" / "messages.pot").open("rb") as pot:
        plurals = [m.id[1] for m in read_po(pot) if isinstance(m.id, tuple)]
    assert plurals, "the catalogue has plural strings"
    texts = {s.text for s in SOURCES if s.where.startswith("translations/")}
    for plural in plurals:
        assert PLACEHOLDER.sub("", plural).strip() in texts, plural


def test_a_failing_text_fails_the_gate() -> None:
    dense = (
        "Ingevolge artikel 3 van de verordening wordt de aanvraag tot verstrekking van de "
        "bijzondere bijstand door het college in behandeling genomen, waarna een beschikking "
        "wordt afgegeven, met inachtneming van de toepasselijke inkomensnormen en vermogensgrenzen."
    )
    assert not analyse(dense, "b1", "nl").passed
