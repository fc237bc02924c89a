"""Render a message from its template: `templates/messages/<kind>.<channel>.<lang>.txt`.

E-mail and letter templates start with a subject line ("Onderwerp: ..." / "Subject: ...");
the rest is the body: paragraphs separated by a blank line, "- " for a list item, "## " for a
heading (letters). An SMS template is one paragraph; its line breaks become spaces.

Messages are rendered when they are queued, not when they are sent: the text is what was true
when it happened; a template mistake or a missing value fails in the request that queues it
(and in that feature's tests), not later in a worker nobody watches; a resend after a crash is
the same text under the same Message-ID; and staff see exactly what went out. The context
itself is not kept.
"""

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_time
from flask import current_app
from jinja2 import Environment, StrictUndefined, TemplateNotFound, Undefined

from app.core import yamlfiles
from app.core.time import AMSTERDAM, aware

DEV_URL = "http://127.0.0.1:5000"  # `make run`, when PUBLIC_URL is not set
SUBJECT_PREFIX = {"nl": "Onderwerp:", "en": "Subject:"}
BABEL_LOCALE = {"nl": "nl_NL", "en": "en_GB"}


class TemplateMissing(LookupError):
    """There is no template for this kind, channel and language."""


@dataclass(frozen=True)
class Rendered:
    subject: str  # empty for an SMS
    body: str


def template_name(kind: str, channel: str, lang: str) -> str:
    """`afspraak_bevestiging` and `afspraak-bevestiging` name the same template."""
    return f"messages/{kind.replace('_', '-')}.{channel}.{lang}.txt"


def _environment() -> Environment:
    env: Environment | None = current_app.extensions.get("loket.notify.jinja")
    if env is None:
        env = current_app.jinja_env.overlay(
            autoescape=False,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        env.filters = {**env.filters, "sentence": sentence}  # a copy: the site's stay as they are
        current_app.extensions["loket.notify.jinja"] = env
    return env


def sentence(text: Any) -> str:
    """End a text with a full stop unless it ends with one already (or ? or !)."""
    words = str(text).strip()
    return words if not words or words[-1] in ".?!" else words + "."


def contact_facts() -> dict[str, Any]:
    """The municipality's contact facts (content/contact.yaml): one voice with the site."""
    loaded = current_app.extensions.get("loket.contact")
    if loaded is None:
        path = Path(current_app.config["CONTENT_DIR"]) / "contact.yaml"
        loaded = yamlfiles.safe_load(path.read_text(encoding="utf-8"))
        current_app.extensions["loket.contact"] = loaded
    return dict(loaded)


def _moment(value: Any) -> dt.datetime:
    if isinstance(value, Undefined):
        str(value)  # raises UndefinedError, naming the missing value
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return aware(value).astimezone(AMSTERDAM)
    raise TypeError(f"expected a time, got {type(value).__name__}")


def helpers(lang: str) -> dict[str, Any]:
    """Functions every message template can use, in the message's language."""
    locale = BABEL_LOCALE[lang]

    def date_words(value: Any) -> str:
        """ "dinsdag 2 maart 2027" / "Tuesday 2 March 2027" (a date, or a time's Amsterdam day)."""
        if isinstance(value, Undefined):
            str(value)
        if isinstance(value, str) and len(value) == 10:
            value = dt.date.fromisoformat(value)
        day = value if type(value) is dt.date else _moment(value).date()
        return format_date(day, "EEEE d MMMM y", locale=locale)

    def day_words(value: Any) -> str:
        """ "dinsdag 2 maart" / "Tuesday 2 March": the day without the year (SMS)."""
        return format_date(_moment(value).date(), "EEEE d MMMM", locale=locale)

    def time_words(value: Any) -> str:
        """ "10.30 uur" / "10.30" (Amsterdam time, as Dutch municipalities write it)."""
        clock = format_time(_moment(value).time(), "H.mm", locale=locale)
        return f"{clock} uur" if lang == "nl" else clock

    def site_url(path: str = "/", neutral: bool = False) -> str:
        """An absolute link to the site, in the message's language (unless `neutral`).

        Always PUBLIC_URL, never the request's Host header: a message queued in a request
        with a forged Host would otherwise carry someone else's links.
        """
        base = str(current_app.config.get("PUBLIC_URL") or DEV_URL).rstrip("/")
        if lang == "en" and not neutral:
            path = "/en" if path == "/" else "/en" + path
        return base + path

    def short_url(path: str = "/", neutral: bool = False) -> str:
        """The same link without "https://" (phones make it a link; an SMS has little room)."""
        return re.sub(r"^https?://", "", site_url(path, neutral))

    return {
        "date_words": date_words,
        "day_words": day_words,
        "time_words": time_words,
        "site_url": site_url,
        "short_url": short_url,
    }


def render(
    kind: str, channel: str, lang: str, context: dict[str, Any], recipient: dict[str, Any]
) -> Rendered:
    """Render one message. Every value the template names must be in `context`.

    :raises TemplateMissing: no template for this kind, channel and language.
    :raises jinja2.UndefinedError: the template uses a value the caller did not give.
    """
    try:
        template = _environment().get_template(template_name(kind, channel, lang))
    except TemplateNotFound:
        raise TemplateMissing(template_name(kind, channel, lang)) from None
    # Our own names do not clash with the caller's: a booking's context has its own `channel`
    # (desk, phone, ...) and `contact` (how the resident is reached).
    values = {
        **context,
        **helpers(lang),
        "municipality": contact_facts(),
        "lang": lang,
        "medium": channel,
        "recipient": recipient,
    }
    text = template.render(values)
    if channel == "sms":
        return Rendered("", " ".join(text.split()))
    return _split_subject(_tidy(text), lang, template_name(kind, channel, lang))


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _split_subject(text: str, lang: str, name: str) -> Rendered:
    first, _, rest = text.partition("\n")
    prefix = SUBJECT_PREFIX[lang]
    if not first.startswith(prefix):
        raise ValueError(f"{name}: the first line must be the subject, {prefix} ...")
    return Rendered(first.removeprefix(prefix).strip(), rest.strip())
