"""Every message template is known, rendered by the tests, and read by the language gate."""

import pytest
from flask import Flask

from app.config import ROOT
from app.notify.examples import CHANNELS_OF, EXAMPLES, example
from app.notify.render import render
from app.readability.sources import resident_texts

MESSAGES = ROOT / "templates" / "messages"


def test_the_language_gate_reads_every_message_text() -> None:
    texts = sorted(p for p in MESSAGES.rglob("*.txt"))
    read = {s.where for s in resident_texts(ROOT)}
    assert len(texts) >= 40
    missing = [str(p.relative_to(ROOT)) for p in texts if str(p.relative_to(ROOT)) not in read]
    assert not missing, f"the language gate does not read {missing}"
    words = [p for p in MESSAGES.rglob("*") if p.is_file() and p.suffix not in (".txt", ".jinja")]
    assert not words, f"message files the gate would not read: {words}"
    for logic in MESSAGES.rglob("*.jinja"):  # macros only: no words of their own
        text = logic.read_text(encoding="utf-8")
        assert "{% macro" in text, logic


def test_every_template_belongs_to_a_kind_and_every_kind_has_its_templates() -> None:
    expected = {
        f"{kind}.{channel}.{lang}.txt"
        for kind, channels in CHANNELS_OF.items()
        for channel in channels
        for lang in ("nl", "en")
    }
    present = {p.name for p in MESSAGES.glob("*.txt")}
    assert present == expected
    assert set(EXAMPLES) == set(CHANNELS_OF)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("kind", "channel"), [(k, c) for k, channels in CHANNELS_OF.items() for c in channels]
)
def test_every_template_renders_with_its_example(
    ctx: Flask, kind: str, channel: str, lang: str
) -> None:
    rendered = render(kind, channel, lang, example(kind, lang), {"name": "Fatima El Amrani"})
    assert rendered.body
    assert "ombudsman" in rendered.body
    if (kind, channel) != ("afspraak-wachtlijst", "sms"):  # an offer needs its link, not this
        given = example(kind, lang)
        reference = str(given.get("reference") or given["code"])  # a notice has a letter code
        assert reference in rendered.body + rendered.subject
    assert "{{" not in rendered.body and "{%" not in rendered.body
    if channel != "sms":
        assert rendered.subject
        assert "14 024" in rendered.body
    if lang == "en":
        assert "Niet tevreden" not in rendered.body
