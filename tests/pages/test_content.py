"""Every content file is valid, and the loader refuses broken files loudly."""

from pathlib import Path

import pytest

from app.config import ROOT
from app.pages.content import ContentError, load_content, load_page

CONTENT = ROOT / "content"
STATIC = ROOT / "app" / "static"
PICTOS = frozenset({"geld", "info"})

VALID = """---
title: Test
summary: Een test.
life_event: geld-en-inkomen
channels:
  - {type: digitaal, kind: website, label: Online}
  - {type: analoog, kind: telefoon, label: Bel ons, url: "tel:14024"}
costs: Gratis
owner: Team Test
last_reviewed: 2026-11-28
---
## Wat is het?
Tekst.

[[kanalen]]
"""


def test_every_content_file_is_valid() -> None:
    store = load_content(CONTENT, STATIC)
    slugs = store.slugs()
    assert len(slugs) >= 18
    for slug in slugs:
        for lang, variant in (("nl", "b1"), ("nl", "makkelijk"), ("en", "b1")):
            page = store.get(lang, slug, variant)
            assert page is not None, f"{slug} {lang} {variant}"
            assert page.analog or page.in_person_required
            assert page.digital


def test_every_easy_read_block_has_a_known_pictogram() -> None:
    store = load_content(CONTENT, STATIC)
    for (_lang, slug, variant), page in store.pages.items():
        if variant == "makkelijk":
            named = [b for b in page.blocks if b.heading]
            assert named and all(b.picto for b in named), f"{slug}: a block without pictogram"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda s: s.replace(
                '  - {type: analoog, kind: telefoon, label: Bel ons, url: "tel:14024"}\n', ""
            ),
            "analoog",
        ),
        (
            lambda s: s.replace("  - {type: digitaal, kind: website, label: Online}\n", ""),
            "digitaal",
        ),
        (lambda s: s.replace("life_event: geld-en-inkomen", "life_event: feest"), "life_event"),
        (lambda s: s.replace("last_reviewed: 2026-11-28", "last_reviewed: gisteren"), "date"),
        (lambda s: s.replace("kind: website", "kind: duif"), "kind"),
        (lambda s: s.replace("[[kanalen]]", ""), "[[kanalen]]"),
        (lambda s: s.replace("title: Test\n", ""), "title"),
        (lambda s: s.replace("label: Online}", 'label: Online, url: "javascript:x"}'), "url"),
        (lambda s: s.replace("---\n", "", 1), "front matter"),
        (lambda s: s.replace("costs: Gratis", "costs: [1, 2"), "YAML"),
    ],
)
def test_loader_refuses_broken_files(tmp_path: Path, change, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "test.b1.md"
    path.write_text(change(VALID), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_page(path, "nl", PICTOS)
    assert message in str(err.value)


def test_in_person_required_needs_a_way_to_book(tmp_path: Path) -> None:
    source = VALID.replace("costs: Gratis", "costs: Gratis\nin_person_required: De wet zegt het.")
    path = tmp_path / "test.b1.md"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(ContentError, match="afspraak"):
        load_page(path, "nl", PICTOS)


def test_easy_read_only_in_dutch_and_known_pictograms(tmp_path: Path) -> None:
    path = tmp_path / "test.makkelijk.md"
    path.write_text(
        VALID.replace("## Wat is het?", "## Wat is het? {picto=geld}"), encoding="utf-8"
    )
    assert load_page(path, "nl", PICTOS).blocks[0].picto == "geld"
    with pytest.raises(ContentError, match="Dutch only"):
        load_page(path, "en", PICTOS)
    path.write_text(VALID.replace("## Wat is het?", "## Wat is het? {picto=ufo}"), encoding="utf-8")
    with pytest.raises(ContentError, match="pictogram"):
        load_page(path, "nl", PICTOS)


def test_missing_translation_fails_the_whole_load(tmp_path: Path) -> None:
    (tmp_path / "nl").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "nl" / "test.b1.md").write_text(VALID, encoding="utf-8")
    with pytest.raises(ContentError, match="missing"):
        load_content(tmp_path, STATIC)
