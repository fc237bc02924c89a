"""Meta-tests: no page escapes the automatic checks, and no route silently disappears."""

from flask import Flask

from app.states import all_states, declared, exemptions


def test_every_endpoint_has_an_example_state_or_a_reason(app: Flask) -> None:
    covered = {s.endpoint for s in all_states(app)} | set(exemptions(app))
    missing = sorted({r.endpoint for r in app.url_map.iter_rules()} - covered)
    assert not missing, (
        f"endpoints without an example state: {missing}. Declare one in the capability's "
        "states.py so the accessibility run reaches them."
    )


def test_every_form_that_accepts_post_has_a_submitted_state(app: Flask) -> None:
    """A GET+POST form with only its empty state would hide its error messages from the checks."""
    submitted = {s.endpoint for s in declared(app) if s.submit}
    missing = sorted(
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if "POST" in (rule.methods or ())
        and rule.endpoint not in exemptions(app)
        and rule.endpoint not in submitted
    )
    assert not missing, (
        f"routes that accept POST without a declared state that submits them: {missing}. "
        "Declare an error state (submit=...) in the capability's states.py, or exempt the "
        "route with the reason."
    )


def test_every_public_route_is_in_the_sitemap_or_the_registry(client) -> None:  # type: ignore[no-untyped-def]
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    app = client.application
    for rule in app.url_map.iter_rules():
        if rule.arguments or "GET" not in (rule.methods or ()) or rule.endpoint in exemptions(app):
            continue
        has_declared_state = any(s.endpoint == rule.endpoint for s in declared(app))
        assert f"{rule.rule}</loc>" in sitemap or has_declared_state, (
            f"{rule.rule} is neither in the sitemap nor has a declared state"
        )


def test_core_routes_exist(app: Flask) -> None:
    rules = {r.rule for r in app.url_map.iter_rules()}
    for path in (
        "/",
        "/diensten/<slug>",
        "/diensten/<slug>/makkelijk-lezen",
        "/zoeken",
        "/contact",
        "/toegankelijkheid",
        "/privacy",
        "/sitemap.xml",
        "/.well-known/security.txt",
        "/medewerker/inloggen",
    ):
        assert path in rules, f"{path} disappeared"
