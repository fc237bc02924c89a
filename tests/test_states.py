"""Meta-tests: no page escapes the automatic checks, and no route silently disappears."""

from flask import Flask

from app.states import all_states, declared, exemptions


def test_every_endpoint_has_an_example_state_or_a_reason(app: Flask) -> None:
    covered = {s.endpoint for s in all_states(app)} | set(exemptions())
    missing = sorted({r.endpoint for r in app.url_map.iter_rules()} - covered)
    assert not missing, (
        f"endpoints without an example state: {missing}. Declare one in app/page_states.py "
        "(or the blueprint's own states) so the accessibility run reaches them."
    )


def test_every_public_route_is_in_the_sitemap_or_the_registry(client) -> None:  # type: ignore[no-untyped-def]
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    app = client.application
    for rule in app.url_map.iter_rules():
        if rule.arguments or "GET" not in (rule.methods or ()) or rule.endpoint in exemptions():
            continue
        has_declared_state = any(s.endpoint == rule.endpoint for s in declared())
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
