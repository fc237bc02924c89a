"""Views for the home page, service pages (B1 and easy-read) and search."""

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)

from app.extensions import current_language, limiter, wants_fragment
from app.pages.content import Page, current_store
from app.pages.life_events import LIFE_EVENTS
from app.pages.search import SearchIndex
from app.security import safe_return_path

bp = Blueprint("pages", __name__)
EASY_COOKIE = "loket_makkelijk"
MAX_QUERY = 200


def index() -> SearchIndex:
    return current_app.extensions["loket.search"]  # type: ignore[no-any-return]


def prefers_easy_read() -> bool:
    """Return the easy-read preference; the page then varies on the cookie (for caches)."""
    g.varies_on_cookie = True
    return request.cookies.get(EASY_COOKIE) == "1"


@bp.after_app_request
def vary_on_preference(response: Response) -> Response:
    if g.get("varies_on_cookie"):
        response.vary.add("Cookie")
    return response


def public_paths() -> list[str]:
    """Return the content pages for the sitemap and the page checks (Dutch paths)."""
    paths = [url_for("pages.home"), url_for("pages.services"), url_for("pages.search")]
    for page in current_store().services("nl"):
        paths.append(url_for("pages.service", slug=page.slug))
        paths.append(url_for("pages.service_easy", slug=page.slug))
    return paths


def service_or_404(slug: str, lang: str, variant: str = "b1") -> Page:
    page = current_store().get(lang, slug, variant)
    if page is None:
        abort(404)
    return page


@bp.get("/")
def home() -> str:
    """Show the services grouped by life event."""
    lang = current_language()
    services = current_store().services(lang)
    groups = [(event, [p for p in services if p.life_event == event.slug]) for event in LIFE_EVENTS]
    return render_template("pages/home.html", groups=groups, easy=prefers_easy_read())


@bp.get("/diensten")
def services() -> str:
    """List every service from A to Z."""
    return render_template(
        "pages/services.html",
        services=current_store().services(current_language()),
        easy=prefers_easy_read(),
    )


@bp.get("/diensten/<slug>")
def service(slug: str) -> str:
    """Show a service page in B1."""
    page = service_or_404(slug, current_language())
    return render_template("pages/service.html", page=page)


@bp.get("/diensten/<slug>/makkelijk-lezen")
def service_easy(slug: str) -> str | Response:
    """Show the easy-read variant of a service page (Dutch only)."""
    if current_language() != "nl":
        service_or_404(slug, "nl", "makkelijk")
        return redirect(f"/diensten/{slug}/makkelijk-lezen", 302)  # type: ignore[return-value]
    page = service_or_404(slug, "nl", "makkelijk")
    return render_template("pages/service_easy.html", page=page)


@bp.get("/makkelijk-lezen/aan")
def easy_on() -> Response:
    """Remember the easy-read preference and go to the easy-read page (or back)."""
    response = make_response(redirect(safe_return_path(request.args.get("naar"))))
    response.set_cookie(EASY_COOKIE, "1", max_age=60 * 60 * 24 * 365, samesite="Lax", httponly=True)
    return response


@bp.get("/makkelijk-lezen/uit")
def easy_off() -> Response:
    """Forget the easy-read preference and go to the normal page (or back)."""
    response = make_response(redirect(safe_return_path(request.args.get("naar"))))
    response.delete_cookie(EASY_COOKIE, samesite="Lax", httponly=True)
    return response


@bp.get("/zoeken")
@limiter.limit("60/minute")
def search() -> str | Response:
    """Search services in the resident's own words; htmx gets only the results."""
    query = request.args.get("q", "").strip()[:MAX_QUERY]
    hits = index().search(query, current_language()) if query else []
    context = {"query": query, "hits": hits, "easy": prefers_easy_read()}
    if wants_fragment():
        response = make_response(render_template("pages/_search_results.html", **context))
    else:
        response = make_response(render_template("pages/search.html", **context))
    response.vary.add("HX-Request")
    return response
