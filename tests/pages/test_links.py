"""Every link on every page state, in both languages, leads somewhere else that exists.

- No link leads back to the page it is on (it would only reload it: `/contact` once offered
  "Maak een afspraak" to itself). A link to a part of the same page (`#inhoud`) is fine, and so
  is the current item of a list of steps marked `aria-current="page"` (it is announced so).
- Every link on a public page to this site answers (no 404, no 500): a page never promises a
  page or channel that is not there. (Links on signed-in pages and in the middle of a flow carry
  its state, so they are followed there, by the flow's own tests.)
"""

from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from app.states import PageState
from tests.pagewalk import GROUP, Walk, every_state

BASE = "http://localhost"
# Links that carry the state of a login in progress: they answer only inside that login.
TOKEN_LINKS = ("/auth/callback",)


pytestmark = GROUP


def same_page(href: str, here: str) -> bool:
    target, current = urlsplit(urljoin(BASE + here, href)), urlsplit(BASE + here)
    if target.fragment or target.netloc != current.netloc:
        return False  # a part of the page: the browser scrolls, it does not reload
    return target.path == current.path and sorted(parse_qsl(target.query)) == sorted(
        parse_qsl(current.query)
    )


def local_links(html: str, here: str) -> list[tuple[str, str]]:
    """Return (href, link text) of every link to this site on the page, but the current step."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for a in soup.find_all("a", href=True):
        if a.get("aria-current") == "page":
            continue
        href = str(a["href"])
        target = urlsplit(urljoin(BASE + here, href))
        if target.scheme in ("http", "https") and target.netloc == "localhost":
            found.append((href, a.get_text(" ", strip=True)))
    return found


@pytest.mark.parametrize(("state", "lang"), every_state(), ids=lambda v: getattr(v, "path", v))
def test_no_link_leads_back_to_its_own_page(walk: Walk, state: PageState, lang: str) -> None:
    seen = walk(state, lang)
    to_itself = [(h, t) for h, t in local_links(seen.html, seen.here) if same_page(h, seen.here)]
    assert not to_itself, f"{seen.here} links to itself: {to_itself}"


@pytest.fixture(scope="module")
def all_links(walk: Walk) -> dict[str, str]:
    """Return every local link on every page state (href → the first page that has it)."""
    links: dict[str, str] = {}
    public = [
        (s, lang)
        for s, lang in every_state()
        if s.status == 200 and not (s.role or s.resident or s.before or s.submit)
    ]
    for state, lang in public:
        seen = walk(state, lang)
        here = seen.here
        for href, _ in local_links(seen.html, here):
            target = urlsplit(urljoin(BASE + here, href))
            path = target.path + (f"?{target.query}" if target.query else "")
            if not path.startswith(TOKEN_LINKS):
                links.setdefault(path, here)
    return links


def test_every_link_to_this_site_answers(walk: Walk, all_links: dict[str, str]) -> None:
    broken = []
    for path, page in sorted(all_links.items()):
        status = walk.app.test_client().get(path).status_code
        if status >= 400:
            broken.append(f"{path} ({status}) on {page}")
    assert not broken, "links that lead nowhere:\n" + "\n".join(broken)


def test_the_meta_test_sees_a_link_to_the_page_itself() -> None:
    assert same_page("/contact", "/contact")
    assert same_page("?", "/zoeken")
    assert same_page("/en/contact", "/en/contact")
    assert same_page("/zoeken?q=a&b=c", "/zoeken?b=c&q=a")
    assert not same_page("/zoeken", "/zoeken?q=paspoort")
    assert not same_page("#inhoud", "/contact")
    assert not same_page("/contact#bellen", "/")
    assert not same_page("/contact#bellen", "/contact")
