"""Views for contact, accessibility statement, privacy, sitemap, security.txt and health."""

import datetime as dt

from flask import Blueprint, Response, current_app, render_template, url_for
from sqlalchemy import text

from app.core.capabilities import wiring
from app.extensions import current_language, db
from app.i18n import language_neutral, path_in
from app.security import public_url
from app.site.texts import SitePage

bp = Blueprint("site", __name__)


def site_page(name: str) -> SitePage:
    pages: dict[tuple[str, str], SitePage] = current_app.extensions["loket.site_pages"]
    return pages[(current_language(), name)]


@bp.get("/contact")
def contact() -> str:
    """Show every way to reach the municipality and where to get help."""
    return render_template("site/contact.html", page=site_page("contact"))


@bp.get("/toegankelijkheid")
def accessibility() -> str:
    """Show the accessibility statement."""
    return render_template("site/text_page.html", page=site_page("toegankelijkheid"))


@bp.get("/privacy")
def privacy() -> str:
    """Show what Loket stores, why and for how long."""
    return render_template("site/text_page.html", page=site_page("privacy"))


def public_paths() -> list[str]:
    """Return the site pages for the sitemap and the page checks (Dutch paths)."""
    return [url_for("site.contact"), url_for("site.accessibility"), url_for("site.privacy")]


@bp.get("/sitemap.xml")
@language_neutral
def sitemap() -> Response:
    """List every public page in both languages and both variants, with hreflang alternates."""
    base = public_url()
    entries: list[tuple[str, str | None]] = []
    for path in wiring().public_paths():
        if path.endswith("/makkelijk-lezen"):
            entries.append((path, None))
        else:
            entries.append((path, path_in("en", path)))
    xml = render_template("site/sitemap.xml", base=base, entries=entries)
    return Response(xml, mimetype="application/xml")


@bp.get("/.well-known/security.txt")
@language_neutral
def security_txt() -> Response:
    """Tell security researchers how to report a vulnerability (RFC 9116)."""
    expires = (dt.datetime.now(dt.UTC) + dt.timedelta(days=180)).strftime("%Y-%m-%dT00:00:00Z")
    body = "\n".join(
        [
            f"Contact: {current_app.config['SECURITY_CONTACT']}",
            f"Expires: {expires}",
            "Preferred-Languages: nl, en",
            f"Canonical: {public_url()}/.well-known/security.txt",
            "",
        ]
    )
    return Response(body, mimetype="text/plain")


@bp.get("/health")
@language_neutral
def health() -> tuple[dict[str, object], int]:
    """Tell operators whether the app and its database answer."""
    try:
        db.session.execute(text("SELECT 1"))
        database = "ok"
    except Exception:
        current_app.logger.exception("health check: database unreachable")
        database = "unreachable"
    status = 200 if database == "ok" else 503
    return {"status": "ok" if status == 200 else "error", "database": database}, status
