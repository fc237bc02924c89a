"""Example page states for the automatic accessibility run and the page checks.

Every GET page without URL arguments is found in the url map, content pages come from the
sitemap, and each blueprint declares here what a URL alone cannot reach: a signed-in page, a form's
error state, a token link. `tests/test_states.py` fails when an endpoint has no state and no
stated reason to be left out, so a new page cannot silently escape the checks.
"""

from dataclasses import dataclass

from flask import Flask


@dataclass(frozen=True)
class PageState:
    endpoint: str
    path: str  # the Dutch path; English is the same under /en
    name: str = "standaard"
    role: str | None = None  # sign in as the demo account with this role first
    submit: str | None = None  # CSS selector of a form to submit as it is (its error state)
    fill: tuple[tuple[str, str], ...] = ()  # (field name, value) to type before submitting
    languages: tuple[str, ...] = ("nl", "en")
    status: int = 200

    def url(self, lang: str) -> str:
        from app.i18n import path_in

        return path_in(lang, self.path)


_declared: list[PageState] = []
_exempt: dict[str, str] = {}


def declare(*states: PageState) -> None:
    _declared.extend(states)


def exempt(endpoint: str, reason: str) -> None:
    """Leave an endpoint out of the page checks; the reason is shown in the meta-test."""
    _exempt[endpoint] = reason


def declared() -> list[PageState]:
    return list(_declared)


def exemptions() -> dict[str, str]:
    return dict(_exempt)


def all_states(app: Flask) -> list[PageState]:
    """Return every page state to check: url map, sitemap and declared states, without doubles."""
    from app.site.views import public_paths  # the sitemap's own list

    states: list[PageState] = []
    declared = {s.endpoint for s in _declared}
    for rule in app.url_map.iter_rules():
        if rule.endpoint in _exempt or rule.arguments or "GET" not in (rule.methods or ()):
            continue
        if rule.endpoint in declared and any(
            s.role for s in _declared if s.endpoint == rule.endpoint
        ):
            continue  # a signed-in page: only its declared (signed-in) states make sense
        states.append(PageState(rule.endpoint, rule.rule))
    with app.test_request_context():
        adapter = app.url_map.bind("localhost")
        for path in public_paths():
            endpoint, _ = adapter.match(path)
            languages = ("nl",) if path.endswith("/makkelijk-lezen") else ("nl", "en")
            states.append(PageState(str(endpoint), path, languages=languages))
    states.extend(_declared)
    seen: set[tuple[str, str, str | None, str | None]] = set()
    unique = []
    for state in states:
        key = (state.path, state.name, state.role, state.submit)
        if key not in seen:
            seen.add(key)
            unique.append(state)
    return unique
