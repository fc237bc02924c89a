"""Load and validate the content files (`content/<lang>/<slug>.<variant>.md`).

The loader runs once at start-up and refuses to start on any error: a page with a missing channel
or a wrong date must never reach a resident. See content/README.md for the format.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.core import yamlfiles
from app.core.filememo import read_once
from app.pages.life_events import LIFE_EVENT_SLUGS
from app.pages.markdown import marked_html, plain_text, render_block, render_inline, unmarked

LANGS = ("nl", "en")
VARIANTS = ("b1", "makkelijk")
CHANNEL_TYPES = ("analoog", "digitaal")
CHANNEL_KINDS = ("balie", "telefoon", "post", "website", "formulier", "afspraak", "email", "app")
BOOKING_CHANNELS = ("balie", "telefoon", "video", "stip", "thuis")
URL_PREFIXES = ("/", "tel:", "mailto:", "https://")
CHANNELS_MARKER = "[[kanalen]]"
FILE_NAME = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<variant>b1|makkelijk)\.md$")
PICTO = re.compile(r"\s*\{picto=(?P<name>[a-z-]+)\}\s*$")
# libyaml's loader is ten times faster than the pure-Python one; both are safe loaders.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
REQUIRED = ("title", "summary", "life_event", "channels", "costs", "owner", "last_reviewed")


class ContentError(Exception):
    """A content file breaks the rules in content/README.md."""


@dataclass(frozen=True)
class Channel:
    type: str
    kind: str
    label: str  # plain text; label_html has the language marks (content/README.md)
    url: str | None = None
    label_html: str = ""


@dataclass(frozen=True)
class Booking:
    channels: tuple[str, ...]
    minutes: int


@dataclass(frozen=True)
class GlossaryWord:
    word: str
    meaning: str


@dataclass(frozen=True)
class EasyBlock:
    """One block of an easy-read page: a heading with a pictogram and one sentence per line."""

    heading: str
    picto: str | None
    lines: tuple[str, ...]  # rendered inline HTML, one sentence each
    has_channels: bool = False


@dataclass(frozen=True)
class Page:
    """A content page. Texts from the front matter are plain (for <title>, search, lists of
    pages); their `*_html` twins carry the language marks (`[Kinderfonds]{lang=nl}`) as spans."""

    slug: str
    lang: str
    variant: str
    path: Path
    title: str
    summary: str
    life_event: str
    channels: tuple[Channel, ...]
    costs: str
    owner: str
    last_reviewed: dt.date
    body: str
    booking: Booking | None = None
    related_form: str | None = None
    keywords: tuple[str, ...] = ()
    in_person_required: str | None = None
    words: tuple[GlossaryWord, ...] = ()
    html_before: str = ""
    html_after: str = ""
    blocks: tuple[EasyBlock, ...] = ()
    text: str = ""
    # Facts an editor must still confirm (front matter `to_verify`); shown on /redactie only.
    to_verify: tuple[str, ...] = ()
    title_html: str = ""
    summary_html: str = ""
    costs_html: str = ""
    owner_html: str = ""
    in_person_html: str = ""

    @property
    def key(self) -> str:
        """Return the page's key, like "nl/kwijtschelding/makkelijk" (forms and links use it)."""
        return f"{self.lang}/{self.slug}/{self.variant}"

    @property
    def public_path(self) -> str:
        """Return where residents read this page."""
        path = f"/diensten/{self.slug}"
        if self.variant == "makkelijk":
            path += "/makkelijk-lezen"
        return "/en" + path if self.lang == "en" else path

    @property
    def analog(self) -> tuple[Channel, ...]:
        return tuple(c for c in self.channels if c.type == "analoog")

    @property
    def digital(self) -> tuple[Channel, ...]:
        return tuple(c for c in self.channels if c.type == "digitaal")


@dataclass
class ContentStore:
    pages: dict[tuple[str, str, str], Page] = field(default_factory=dict)

    def get(self, lang: str, slug: str, variant: str = "b1") -> Page | None:
        return self.pages.get((lang, slug, variant))

    def services(self, lang: str) -> list[Page]:
        """Return the B1 pages in `lang`, sorted by title."""
        found = [p for (lg, _, v), p in self.pages.items() if lg == lang and v == "b1"]
        return sorted(found, key=lambda p: p.title.casefold())

    def by_key(self, key: str | None) -> Page | None:
        """Return the page for a key like "nl/kwijtschelding/makkelijk", or None."""
        parts = (key or "").split("/")
        return self.get(*parts) if len(parts) == 3 else None

    def slugs(self) -> list[str]:
        return sorted({slug for (_, slug, _) in self.pages})


def current_store() -> ContentStore:
    """Return the content of the running app (loaded once at start-up)."""
    from flask import current_app

    return current_app.extensions["loket.content"]  # type: ignore[no-any-return]


def _fail(path: Path, message: str) -> ContentError:
    return ContentError(f"{path}: {message}")


def split_front_matter(path: Path, source: str) -> tuple[dict[str, Any], str]:
    if not source.startswith("---\n"):
        raise _fail(path, "the file must start with YAML front matter between '---' lines")
    try:
        _, front, body = source.split("---\n", 2)
    except ValueError as exc:
        raise _fail(path, "the front matter has no closing '---' line") from exc
    try:
        meta = yaml.load(front, Loader=YAML_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise _fail(path, f"the front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise _fail(path, "the front matter must be a mapping")
    return meta, body


def _text(path: Path, meta: dict[str, Any], key: str) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, f"'{key}' must be a non-empty text")
    return value.strip()


def _url(path: Path, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.startswith(URL_PREFIXES):
        raise _fail(path, f"url {value!r} must start with one of {', '.join(URL_PREFIXES)}")
    return value


def _channels(path: Path, meta: dict[str, Any]) -> tuple[Channel, ...]:
    raw = meta.get("channels")
    if not isinstance(raw, list) or not raw:
        raise _fail(path, "'channels' must be a non-empty list")
    channels = []
    for item in raw:
        if not isinstance(item, dict):
            raise _fail(path, "every channel must be a mapping with type, kind and label")
        unknown = set(item) - {"type", "kind", "label", "url"}
        if unknown:
            raise _fail(path, f"unknown channel keys: {', '.join(sorted(unknown))}")
        if item.get("type") not in CHANNEL_TYPES:
            raise _fail(
                path, f"channel type must be one of {CHANNEL_TYPES}, not {item.get('type')!r}"
            )
        if item.get("kind") not in CHANNEL_KINDS:
            raise _fail(
                path, f"channel kind must be one of {CHANNEL_KINDS}, not {item.get('kind')!r}"
            )
        label = item.get("label")
        if not isinstance(label, str) or not label.strip():
            raise _fail(path, "every channel needs a label")
        channels.append(
            Channel(
                item["type"],
                item["kind"],
                unmarked(label.strip()),
                _url(path, item.get("url")),
                marked_html(label.strip()),
            )
        )
    types = {c.type for c in channels}
    if "digitaal" not in types:
        raise _fail(path, "at least one 'digitaal' channel is required")
    if "analoog" not in types and not meta.get("in_person_required"):
        raise _fail(path, "at least one 'analoog' channel is required")
    if meta.get("in_person_required") and not any(
        c.kind == "afspraak" and c.type == "digitaal" for c in channels
    ):
        raise _fail(
            path, "in_person_required needs a digital channel to book the visit (kind afspraak)"
        )
    return tuple(channels)


def _booking(path: Path, meta: dict[str, Any]) -> Booking | None:
    raw = meta.get("booking")
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("channels"), list):
        raise _fail(path, "'booking' must be {channels: [...], minutes: N}")
    bad = [c for c in raw["channels"] if c not in BOOKING_CHANNELS]
    if bad or not raw["channels"]:
        raise _fail(path, f"booking channels must be from {BOOKING_CHANNELS}, not {bad}")
    minutes = raw.get("minutes")
    if not isinstance(minutes, int) or not 5 <= minutes <= 240:
        raise _fail(path, "booking minutes must be a whole number from 5 to 240")
    return Booking(tuple(raw["channels"]), minutes)


def _words(path: Path, meta: dict[str, Any]) -> tuple[GlossaryWord, ...]:
    raw = meta.get("words") or []
    if not isinstance(raw, list):
        raise _fail(path, "'words' must be a list of {word, meaning}")
    words = []
    for item in raw:
        if not (isinstance(item, dict) and item.get("word") and item.get("meaning")):
            raise _fail(path, "every entry in 'words' needs a word and a meaning")
        words.append(GlossaryWord(str(item["word"]), str(item["meaning"])))
    return tuple(words)


def _to_verify(path: Path, meta: dict[str, Any]) -> tuple[str, ...]:
    raw = meta.get("to_verify")
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(f, str) and f.strip() for f in raw):
        raise _fail(path, "'to_verify' must be a list of facts to check, each a non-empty text")
    return tuple(f.strip() for f in raw)


def _easy_blocks(path: Path, body: str, pictograms: frozenset[str]) -> tuple[EasyBlock, ...]:
    blocks: list[EasyBlock] = []
    heading, picto, has_channels = "", None, False
    lines: list[str] = []

    def close() -> None:
        if heading or lines or has_channels:
            blocks.append(EasyBlock(heading, picto, tuple(lines), has_channels))

    for raw_line in body.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        if line.startswith("## "):
            close()
            title = line[3:]
            match = PICTO.search(title)
            picto = match.group("name") if match else None
            if picto is not None and picto not in pictograms:
                raise _fail(path, f"unknown pictogram {picto!r}")
            heading, lines, has_channels = PICTO.sub("", title).strip(), [], False
        elif line.startswith("#"):
            raise _fail(path, "easy-read pages use only '##' headings")
        elif line == CHANNELS_MARKER:
            has_channels = True
        else:
            lines.append(render_inline(line.lstrip("-* ").strip()))
    close()
    return tuple(blocks)


def load_page(path: Path, lang: str, pictograms: frozenset[str]) -> Page:
    match = FILE_NAME.match(path.name)
    if not match:
        raise _fail(path, "the file name must be <slug>.<b1|makkelijk>.md with a lowercase slug")
    slug, variant = match["slug"], match["variant"]
    if variant == "makkelijk" and lang != "nl":
        raise _fail(path, "easy-read pages exist in Dutch only")
    meta, body = split_front_matter(path, path.read_text(encoding="utf-8"))
    missing = [k for k in REQUIRED if k not in meta]
    if missing:
        raise _fail(path, f"missing front matter: {', '.join(missing)}")
    if meta["life_event"] not in LIFE_EVENT_SLUGS:
        raise _fail(path, f"life_event must be one of {sorted(LIFE_EVENT_SLUGS)}")
    reviewed = meta["last_reviewed"]
    if not isinstance(reviewed, dt.date):
        raise _fail(path, "last_reviewed must be a date like 2026-11-28")
    if CHANNELS_MARKER not in body:
        raise _fail(path, f"the body must contain a paragraph {CHANNELS_MARKER}")
    keywords = meta.get("keywords") or []
    if not isinstance(keywords, list):
        raise _fail(path, "'keywords' must be a list")
    in_person = str(meta.get("in_person_required") or "")
    texts = {key: _text(path, meta, key) for key in ("title", "summary", "costs", "owner")}
    common: dict[str, Any] = {
        "slug": slug,
        "lang": lang,
        "variant": variant,
        "path": path,
        **{key: unmarked(text) for key, text in texts.items()},
        **{f"{key}_html": marked_html(text) for key, text in texts.items()},
        "life_event": meta["life_event"],
        "channels": _channels(path, meta),
        "last_reviewed": reviewed,
        "body": body,
        "booking": _booking(path, meta),
        "related_form": meta.get("related_form"),
        "keywords": tuple(str(k) for k in keywords),
        "in_person_required": unmarked(in_person) or None,
        "in_person_html": marked_html(in_person),
        "words": _words(path, meta),
        "to_verify": _to_verify(path, meta),
        "text": plain_text(body.replace(CHANNELS_MARKER, "")),
    }
    if variant == "makkelijk":
        return Page(**common, blocks=_easy_blocks(path, body, pictograms))
    before, _, after = body.partition(CHANNELS_MARKER)
    return Page(**common, html_before=render_block(before), html_after=render_block(after))


def load_pictogram_names(static_dir: Path) -> frozenset[str]:
    index = static_dir / "pictograms" / "pictograms.yaml"
    if not index.exists():
        return frozenset()
    data = yamlfiles.safe_load(index.read_text(encoding="utf-8")) or {}
    return frozenset(name for name in data if (static_dir / "pictograms" / f"{name}.svg").exists())


def load_content(content_dir: Path, static_dir: Path) -> ContentStore:
    """Load every content file; raise ContentError listing every problem found.

    Read once per version of the files (`app.core.filememo`): tests and workers that create
    several apps parse the content once.
    """
    return read_once(
        f"content:{static_dir}",
        (content_dir, static_dir / "pictograms"),
        lambda: _load_content(content_dir, static_dir),
    )


def _load_content(content_dir: Path, static_dir: Path) -> ContentStore:
    pictograms = load_pictogram_names(static_dir)
    store = ContentStore()
    errors: list[str] = []
    for lang in LANGS:
        for path in sorted((content_dir / lang).glob("*.md")):
            try:
                page = load_page(path, lang, pictograms)
            except ContentError as exc:
                errors.append(str(exc))
                continue
            store.pages[(lang, page.slug, page.variant)] = page
    for slug in store.slugs():
        for lang, variant in (("nl", "b1"), ("nl", "makkelijk"), ("en", "b1")):
            if store.get(lang, slug, variant) is None:
                errors.append(
                    f"{content_dir}/{lang}/{slug}.{variant}.md: missing (every service needs it)"
                )
    if errors:
        raise ContentError("Content errors:\n" + "\n".join(errors))
    return store
