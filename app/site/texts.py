"""Site pages written as Markdown (`content/<lang>/pagina/<name>.md`) and the contact facts.

The contact facts (`content/contact.yaml`) are one source for the footer, the contact page and,
later, letters and emails: one voice on every channel.
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core import yamlfiles
from app.pages.content import ContentError, split_front_matter
from app.pages.markdown import plain_text, render_block

SITE_PAGES = ("contact", "toegankelijkheid", "privacy")


@dataclass(frozen=True)
class SitePage:
    name: str
    lang: str
    title: str
    summary: str
    last_reviewed: dt.date
    html: str
    text: str


def load_site_pages(content_dir: Path) -> dict[tuple[str, str], SitePage]:
    pages: dict[tuple[str, str], SitePage] = {}
    for lang in ("nl", "en"):
        for name in SITE_PAGES:
            path = content_dir / lang / "pagina" / f"{name}.b1.md"
            if not path.exists():
                raise ContentError(f"{path}: missing")
            meta, body = split_front_matter(path, path.read_text(encoding="utf-8"))
            for key in ("title", "summary", "last_reviewed"):
                if not meta.get(key):
                    raise ContentError(f"{path}: missing front matter '{key}'")
            if not isinstance(meta["last_reviewed"], dt.date):
                raise ContentError(f"{path}: last_reviewed must be a date")
            pages[(lang, name)] = SitePage(
                name,
                lang,
                str(meta["title"]),
                str(meta["summary"]),
                meta["last_reviewed"],
                render_block(body),
                plain_text(body),
            )
    return pages


def load_contact(content_dir: Path) -> dict[str, Any]:
    data = yamlfiles.safe_load((content_dir / "contact.yaml").read_text(encoding="utf-8"))
    for key in ("phone", "phone_abroad", "address", "hours", "places"):
        if key not in data:
            raise ContentError(f"content/contact.yaml: missing '{key}'")
    return dict(data)
