"""Rules for pages a reader can act on, checked on every content file.

The easy-read rules come from an expert review with readers who have a mild intellectual
disability (issue 7). The fixed heading set and the phrases to avoid live in one place,
content/makkelijk-koppen.yaml; content/README.md explains them to editors. The files are parsed
with the loader the site uses, so a test sees what a resident sees.
"""

import re
from functools import cache
from typing import Any

import pytest
import yaml

from app.config import ROOT
from app.pages.content import Channel, ContentStore, EasyBlock, Page, load_content
from app.site.texts import SitePage, load_site_pages

CONTENT = ROOT / "content"
STATIC = ROOT / "app" / "static"
TAG = re.compile(r"<[^>]+>")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“])")
POSTCODE = re.compile(r"\b\d{4} ?[A-Z]{2}\b")
LINK = re.compile(r'href="([^"]*)"|\]\(([^)\s]+)\)')
AMOUNT = re.compile(r"€\s?\d|\b\d+(?:[.,]\d+)? euro\b", re.I)
ID_CARD_NL = re.compile(r"identiteitskaart|ID-kaart|identiteitsbewijs|legitimatiebewijs", re.I)
ID_CARD_EN = re.compile(r"ID card|identity card|proof of identity|identity document", re.I)


@cache
def store() -> ContentStore:
    return load_content(CONTENT, STATIC)


@cache
def rules() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (CONTENT / "makkelijk-koppen.yaml").read_text(encoding="utf-8")
    )
    return data


def heading_kinds() -> dict[str, str]:
    """Return heading -> kind, refusing a heading that is in two kinds."""
    kinds: dict[str, str] = {}
    for kind, spec in rules()["kinds"].items():
        for heading in spec["headings"]:
            assert heading not in kinds, f"{heading!r} is in {kinds.get(heading)} and {kind}"
            kinds[heading] = kind
    return kinds


def text(html: str) -> str:
    return TAG.sub("", html).replace("&#39;", "'").replace("&quot;", '"').replace("&amp;", "&")


def lines(block: EasyBlock) -> list[str]:
    return [text(line) for line in block.lines]


def pages(variant: str | None = None, lang: str | None = None) -> list[Page]:
    return [
        p
        for p in store().pages.values()
        if (variant is None or p.variant == variant) and (lang is None or p.lang == lang)
    ]


def easy_pages() -> list[Page]:
    return pages("makkelijk", "nl")


def ids(items: list[Page]) -> list[str]:
    return [p.key for p in items]


def sentences(page: Page) -> list[str]:
    """Return every sentence a resident reads on the page, including the channel labels."""
    parts = [page.title, page.summary, page.costs, *(c.label for c in page.channels)]
    if page.variant == "makkelijk":
        parts += [line for block in page.blocks for line in lines(block)]
        parts += [b.heading for b in page.blocks]
    else:
        parts += page.text.splitlines()
    found = []
    for part in parts:
        found += [s.strip() for s in SENTENCE_END.split(part) if s.strip()]
    return found


def kind_of(block: EasyBlock) -> str | None:
    return heading_kinds().get(block.heading)


def matches_any(patterns: list[str], line: str) -> bool:
    return any(re.search(p, line, re.I) for p in patterns)


EASY = easy_pages()
EASY_IDS = ids(EASY)
ALL = pages()
ALL_IDS = ids(ALL)


def test_the_heading_set_is_well_formed() -> None:
    kinds = heading_kinds()
    pictograms = set(yaml.safe_load((STATIC / "pictograms" / "pictograms.yaml").read_text()))
    for kind, spec in rules()["kinds"].items():
        assert set(spec) <= {"headings", "pictos", "must", "must_not", "leads", "ends", "channels"}
        assert set(spec.get("pictos") or []) <= pictograms, kind
    assert sum(1 for spec in rules()["kinds"].values() if spec.get("channels")) == 1
    assert "Wat kost het?" in kinds and kinds["Wat kost het?"] != kinds["Hoeveel geld krijgt u?"]


@pytest.mark.parametrize("page", EASY, ids=EASY_IDS)
def test_every_heading_comes_from_the_fixed_set(page: Page) -> None:
    wrong = [b.heading for b in page.blocks if kind_of(b) is None]
    assert not wrong, (
        f"{page.path}: headings not in content/makkelijk-koppen.yaml: {wrong}. "
        "Use a heading from the list, or add it there in the kind it belongs to."
    )


@pytest.mark.parametrize("page", EASY, ids=EASY_IDS)
def test_the_pictogram_fits_the_kind_of_block(page: Page) -> None:
    for block in page.blocks:
        kind = kind_of(block)
        allowed = rules()["kinds"][kind]["pictos"] if kind else []
        if allowed:
            assert block.picto in allowed, (
                f"{page.path}: '{block.heading}' is a {kind} block; "
                f"use one of these pictograms: {allowed}"
            )


@pytest.mark.parametrize("page", EASY, ids=EASY_IDS)
def test_every_conditions_block_has_a_lead_in_and_an_end(page: Page) -> None:
    spec = rules()["kinds"]["voorwaarden"]
    for block in page.blocks:
        if kind_of(block) != "voorwaarden":
            continue
        said = lines(block)
        assert said and said[0] in spec["leads"], (
            f"{page.path}: '{block.heading}' lists conditions as facts. "
            f"Start the block with one of {spec['leads']}"
        )
        assert any(line in spec["ends"] for line in said[1:]), (
            f"{page.path}: '{block.heading}' must say what follows, with one of {spec['ends']}"
        )


@pytest.mark.parametrize("page", EASY, ids=EASY_IDS)
def test_what_a_block_says_fits_its_heading(page: Page) -> None:
    for block in page.blocks:
        kind = kind_of(block)
        if kind is None:
            continue
        spec = rules()["kinds"][kind]
        said = lines(block)
        for line in said:
            assert not matches_any(spec.get("must_not") or [], line), (
                f"{page.path}: '{block.heading}' ({kind}) should not say {line!r}"
            )
        if spec.get("must"):
            assert any(matches_any(spec["must"], line) for line in said), (
                f"{page.path}: '{block.heading}' ({kind}) must say one of {spec['must']}"
            )


@pytest.mark.parametrize("page", EASY, ids=EASY_IDS)
def test_the_ways_to_arrange_it_have_a_heading_of_their_own(page: Page) -> None:
    holders = [b for b in page.blocks if b.has_channels]
    assert len(holders) == 1, f"{page.path}: [[kanalen]] must be in exactly one block"
    block = holders[0]
    assert kind_of(block) == "regelen", (
        f"{page.path}: the ways to arrange it sit under '{block.heading}'. Give them a "
        "heading of their own, like 'Zo vraagt u het aan'."
    )
    assert len(block.lines) <= 1, (
        f"{page.path}: keep the 'Zo ...' block to the list of ways, with at most one line before it"
    )


def _action_problems(channel: Channel) -> list[str]:
    problems = []
    # A letter has no link, but its box must hold everything needed to send it.
    if not channel.url and channel.kind != "post":
        problems.append("it looks like a button but is not a link: give it a url")
    if channel.kind == "telefoon" and not (channel.url or "").startswith("tel:"):
        problems.append("a phone channel needs a tel: link")
    if channel.kind == "post" and not POSTCODE.search(channel.label):
        problems.append("say where to send it: the full postal address with postcode")
    return problems


@pytest.mark.parametrize("page", ALL, ids=ALL_IDS)
def test_nothing_is_styled_as_an_action_unless_it_is_a_link(page: Page) -> None:
    # Every channel renders as an action box ("Zo regelt u het"), on B1 and easy-read pages.
    for channel in page.channels:
        problems = _action_problems(channel)
        assert not problems, f"{page.path}: channel {channel.label!r}: {'; '.join(problems)}"
    if page.variant == "makkelijk":
        for block in page.blocks:
            for line in block.lines:
                styled = line.startswith("<strong>") and line.endswith("</strong>")
                assert not styled or "<a " in line, (
                    f"{page.path}: {text(line)!r} is styled like an action but is not a link"
                )


@pytest.mark.parametrize("page", EASY, ids=EASY_IDS)
def test_easy_read_layout(page: Page) -> None:
    for block in page.blocks:
        for line in lines(block):
            assert not re.search(r"[();]", line), (
                f"{page.path}: no parentheses or semicolons on easy-read pages: {line!r}"
            )
            assert len(SENTENCE_END.split(line)) == 1, (
                f"{page.path}: one sentence per line: {line!r}"
            )


@pytest.mark.parametrize("page", ALL, ids=ALL_IDS)
def test_the_phone_number_has_words_around_it(page: Page) -> None:
    # In a mystery-guest test, readers did not recognise "14 024" as a phone number.
    word = "telefoonnummer" if page.lang == "nl" else "phone number"
    for sentence in sentences(page):
        if "14 024" in sentence or "14024" in sentence.replace("tel:14024", ""):
            assert word in sentence.casefold(), (
                f"{page.path}: write '{word} 14 024', not the bare number: {sentence!r}"
            )


def _passport_alone(page: Page) -> list[str]:
    allowed = set(rules().get("paspoort_alleen") or [])
    # "pasfoto" and "passport photo" are photos, not the document.
    word = re.compile(r"\bpaspoort" if page.lang == "nl" else r"\bpassport(?! photo)", re.I)
    other = ID_CARD_NL if page.lang == "nl" else ID_CARD_EN
    return [
        s for s in sentences(page) if word.search(s) and not other.search(s) and s not in allowed
    ]


@pytest.mark.parametrize("page", ALL, ids=ALL_IDS)
def test_passport_alone_where_an_id_card_is_meant_too(page: Page) -> None:
    alone = _passport_alone(page)
    assert not alone, (
        f"{page.path}: these sentences name only the passport. Where an ID card will do too, say "
        "so ('uw paspoort of ID-kaart'). Where only a passport is meant, add the sentence to "
        f"paspoort_alleen in content/makkelijk-koppen.yaml: {alone}"
    )


def _banned(page: Page) -> list[str]:
    entries = rules()["banned"] if page.lang == "nl" else rules()["banned_en"]
    found = []
    for sentence in sentences(page):
        for entry in entries:
            if re.search(rf"\b{re.escape(entry['text'])}\b", sentence, re.I):
                found.append(f"{sentence!r}: write {entry['instead']!r}")
    return found


@pytest.mark.parametrize("page", ALL, ids=ALL_IDS)
def test_no_banned_phrases_or_calques(page: Page) -> None:
    found = _banned(page)
    assert not found, f"{page.path}:\n" + "\n".join(found)


@pytest.mark.parametrize("page", ALL, ids=ALL_IDS)
def test_amounts_are_marked_as_examples(page: Page) -> None:
    said = " ".join(sentences(page))
    if AMOUNT.search(said):
        word = "voorbeeld" if page.lang == "nl" else "example"
        assert word in said.casefold(), f"{page.path}: has amounts but does not say '{word}'"


@pytest.mark.parametrize("page", EASY, ids=EASY_IDS)
def test_money_you_receive_comes_with_the_right_to_a_mistake(page: Page) -> None:
    kinds = [kind_of(b) for b in page.blocks]
    if "geld_krijgen" in kinds:
        mistakes = [b for b in page.blocks if kind_of(b) == "fout"]
        assert mistakes and any("niet terug" in line for line in lines(mistakes[0])), (
            f"{page.path}: money schemes say that money given by our mistake is in principle "
            "not asked back"
        )


@pytest.mark.parametrize("page", ALL, ids=ALL_IDS)
def test_no_link_to_the_page_itself(page: Page) -> None:
    own = {page.public_path, f"/diensten/{page.slug}", f"/en/diensten/{page.slug}"}
    body_links = [a or b for a, b in LINK.findall(page.body)]
    links = body_links + [c.url for c in page.channels if c.url]
    assert not own & {link.split("#")[0] for link in links}, f"{page.path} links to itself"


def _to_verify(page: Page) -> list[Any]:
    meta = yaml.safe_load(page.path.read_text(encoding="utf-8").split("---\n", 2)[1])
    value = meta.get("to_verify", [])
    assert isinstance(value, list), f"{page.path}: to_verify must be a list"
    return value


@pytest.mark.parametrize("page", ALL, ids=ALL_IDS)
def test_facts_to_verify_are_short_texts_and_the_page_says_example(page: Page) -> None:
    facts = _to_verify(page)
    for fact in facts:
        assert isinstance(fact, str) and fact.strip(), f"{page.path}: empty to_verify entry"
    if facts:
        word = "voorbeeld" if page.lang == "nl" else "example"
        assert word in " ".join(sentences(page)).casefold(), (
            f"{page.path}: has facts to verify, so the page must say it gives examples"
        )


SITE_PAGES = sorted(load_site_pages(CONTENT).values(), key=lambda p: (p.lang, p.name))


@pytest.mark.parametrize("site", SITE_PAGES, ids=[f"{p.lang}/pagina/{p.name}" for p in SITE_PAGES])
def test_site_pages_follow_the_same_word_rules(site: SitePage) -> None:
    said: list[str] = []
    for part in [site.title, site.summary, *site.text.splitlines()]:
        said += [s.strip() for s in SENTENCE_END.split(part) if s.strip()]
    entries = rules()["banned"] if site.lang == "nl" else rules()["banned_en"]
    word = "telefoonnummer" if site.lang == "nl" else "phone number"
    passport = re.compile(r"\bpaspoort" if site.lang == "nl" else r"\bpassport(?! photo)", re.I)
    id_card = ID_CARD_NL if site.lang == "nl" else ID_CARD_EN
    allowed = set(rules().get("paspoort_alleen") or [])
    problems = []
    for sentence in said:
        problems += [
            f"{sentence!r}: write {e['instead']!r}"
            for e in entries
            if re.search(rf"\b{re.escape(e['text'])}\b", sentence, re.I)
        ]
        if "14 024" in sentence and word not in sentence.casefold():
            problems.append(f"{sentence!r}: write '{word} 14 024'")
        if passport.search(sentence) and not id_card.search(sentence) and sentence not in allowed:
            problems.append(f"{sentence!r}: say 'passport or ID card' where both will do")
    assert not problems, f"content/{site.lang}/pagina/{site.name}.b1.md:\n" + "\n".join(problems)
