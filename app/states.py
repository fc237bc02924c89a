"""Example page states for the automatic accessibility run and the page checks.

Every GET page without URL arguments is found in the url map, content pages come from the
capabilities' public paths (the sitemap's own list), and each capability declares in its
`states.py` what a URL alone cannot reach: a signed-in page, a form's error state, step N of a
multi-step flow, a token link. `tests/test_states.py` fails when an endpoint has no state and no
stated reason to be left out, or when a form that accepts POST has no state that submits it, so
a new page cannot silently escape the checks.
"""

from dataclasses import dataclass

from flask import Flask

from app.core.capabilities import wiring


@dataclass(frozen=True)
class Visit:
    """A page to open and a form on it to fill in and send, on the way to a state."""

    path: str  # Dutch path; English is the same under /en
    submit: str = "form.loket-form"  # CSS selector of the form
    fill: tuple[tuple[str, str], ...] = ()  # (field name, value); a radio or checkbox by value


@dataclass(frozen=True)
class PageState:
    endpoint: str
    path: str  # the Dutch path; English is the same under /en
    name: str = "standaard"
    role: str | None = None  # sign in as the demo staff account with this role first
    resident: str | None = None  # log in as this demo resident (see app.identity.demo) first
    before: tuple[Visit, ...] = ()  # steps of a flow to go through first, in order
    submit: str | None = None  # CSS selector of a form to submit (its error or result state)
    fill: tuple[tuple[str, str], ...] = ()  # (field name, value) to type before submitting
    languages: tuple[str, ...] = ("nl", "en")
    status: int = 200

    def url(self, lang: str, path: str | None = None) -> str:
        from app.i18n import path_in

        return path_in(lang, path or self.path)

    @property
    def key(self) -> tuple[object, ...]:
        return (self.path, self.name, self.role, self.resident, self.before, self.submit)


def all_states(app: Flask) -> list[PageState]:
    """Return every page state to check: url map, public paths and declared states, once each."""
    declared = wiring(app).states()
    exempt = wiring(app).exempt()
    signed_in = {s.endpoint for s in declared if s.role or s.resident}
    states: list[PageState] = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in exempt or rule.arguments or "GET" not in (rule.methods or ()):
            continue
        if rule.endpoint in signed_in:
            continue  # a signed-in page: only its declared (signed-in) states make sense
        declared_only = any(s.endpoint == rule.endpoint for s in declared)
        if declared_only and not any(
            s.endpoint == rule.endpoint and s.path == rule.rule for s in declared
        ):
            continue  # its declared states say what it needs (a query, steps before it)
        states.append(PageState(rule.endpoint, rule.rule))
    with app.test_request_context():
        adapter = app.url_map.bind("localhost")
        for path in wiring(app).public_paths():
            endpoint, _ = adapter.match(path.split("?")[0])
            languages = ("nl",) if path.endswith("/makkelijk-lezen") else ("nl", "en")
            states.append(PageState(str(endpoint), path, languages=languages))
    states.extend(declared)
    seen: set[tuple[object, ...]] = set()
    unique = []
    for state in states:
        if state.key not in seen:
            seen.add(state.key)
            unique.append(state)
    return unique


def exemptions(app: Flask) -> dict[str, str]:
    return wiring(app).exempt()


def declared(app: Flask) -> list[PageState]:
    return wiring(app).states()
