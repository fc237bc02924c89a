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
from app.pages.cache import EASY_COOKIE, content_page
from app.pages.content import Page, current_store
from app.pages.life_events import LIFE_EVENTS
from app.pages.search import SearchIndex
from app.security import safe_return_path

bp = Blueprint("pages", __name__)
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


# Content pages are rendered once and kept (app/pages/cache.py): each `render` runs in a
# request of its own, so it reads the language and preference there, never the visitor's.


@bp.get("/")
def home() -> Response:
    """Show the services grouped by life event."""

    def render() -> str:
        services = current_store().services(current_language())
        groups = [(e, [p for p in services if p.life_event == e.slug]) for e in LIFE_EVENTS]
        return render_template("pages/home.html", groups=groups, easy=prefers_easy_read())

    return content_page(render)


@bp.get("/diensten")
def services() -> Response:
    """List every service from A to Z."""

    def render() -> str:
        return render_template(
            "pages/services.html",
            services=current_store().services(current_language()),
            easy=prefers_easy_read(),
        )

    return content_page(render)


@bp.get("/diensten/<slug>")
def service(slug: str) -> Response:
    """Show a service page in B1."""
    page = service_or_404(slug, current_language())
    return content_page(lambda: render_template("pages/service.html", page=page))


@bp.get("/diensten/<slug>/makkelijk-lezen")
def service_easy(slug: str) -> Response:
    """Show the easy-read variant of a service page (Dutch only)."""
    if current_language() != "nl":
        service_or_404(slug, "nl", "makkelijk")
        return redirect(f"/diensten/{slug}/makkelijk-lezen", 302)  # type: ignore[return-value]
    page = service_or_404(slug, "nl", "makkelijk")
    return content_page(lambda: render_template("pages/service_easy.html", page=page))


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
def search() -> Response:
    """Search services in the resident's own words; htmx gets only the results."""
    query = request.args.get("q", "").strip()[:MAX_QUERY]

    def render() -> str:
        hits = index().search(query, current_language()) if query else []
        context = {"query": query, "hits": hits, "easy": prefers_easy_read()}
        template = "pages/_search_results.html" if wants_fragment() else "pages/search.html"
        return render_template(template, **context)

    return content_page(render, query=query)
