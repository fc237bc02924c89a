"""content/zaakstatussen.yaml: complete, consistent, and plain language in both languages."""

import pytest

from app.cases.statuses import CatalogueError, catalogue, load
from app.readability import analyse

TEXTS = [
    (f"{key}.{part}.{lang}", text, lang)
    for key, status in catalogue().statuses.items()
    for part, texts in (("zin", status.sentence), ("daarna", status.next))
    for lang, text in texts.items()
] + [
    (f"{key}.naam.{lang}", name, lang)
    for key, kind in catalogue().case_types.items()
    for lang, name in kind.name.items()
]


@pytest.mark.parametrize(("where", "text", "lang"), TEXTS, ids=[t[0] for t in TEXTS])
def test_each_text_passes_b1(where: str, text: str, lang: str) -> None:
    report = analyse(text, "b1", lang)
    assert report.passed, f"{where}: {report.level} {report.verdict}"


def test_every_status_is_used_and_every_case_type_ends() -> None:
    used = {s for kind in catalogue().case_types.values() for s in kind.statuses} | {
        "ingetrokken",
        "gegevens_nodig",
    }
    assert used == set(catalogue().statuses)
    assert catalogue().next_status("kwijtschelding", None) == "ontvangen"
    assert catalogue().next_status("kwijtschelding", "besluit") == "afgerond"
    assert catalogue().next_status("kwijtschelding", "afgerond") is None
    assert catalogue().next_status("kwijtschelding", "ingetrokken") is None


def test_a_broken_file_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "zaakstatussen.yaml"
    path.write_text(
        "statussen:\n  a: {zin: {nl: A, en: A}, daarna: {nl: B, en: B}}\n"
        "zaaktypen:\n  x: {naam: {nl: X, en: X}, weken: 1, team: {nl: T, en: T},"
        " statussen: [a, b]}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match="unknown statuses"):
        load(path)
    path.write_text(
        "statussen:\n  a: {zin: {nl: A}, daarna: {nl: B, en: B}}\nzaaktypen: {}\n", encoding="utf-8"
    )
    with pytest.raises(CatalogueError, match="nl and en"):
        load(path)
