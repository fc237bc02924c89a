"""The capability pattern: one declaration per package, wired per app, no process-wide lists."""

from flask import Flask

from app.config import ROOT
from app.core.capabilities import Capability, StaffLink, wire, wiring
from app.factory import CAPABILITIES
from app.states import PageState
from tests.conftest import make_app


def test_every_capability_declares_itself_once() -> None:
    app = make_app("sqlite://")
    names = [c.name for c in wiring(app).capabilities]
    assert len(names) == len(CAPABILITIES) == len(set(names))


def test_two_apps_do_not_share_what_they_declare() -> None:
    first, second = make_app("sqlite://"), make_app("sqlite://")
    extra = Capability(
        name="extra",
        states=(PageState("extra.page", "/extra"),),
        staff_links=(StaffLink("medewerker", "extra.page", "Extra"),),
    )
    wire(first, extra)
    assert any(s.endpoint == "extra.page" for s in wiring(first).states())
    assert not any(s.endpoint == "extra.page" for s in wiring(second).states())
    assert len(wiring(first).staff_links()) == len(wiring(second).staff_links()) + 1


def test_a_capability_cannot_be_wired_twice(app: Flask) -> None:
    import pytest

    with pytest.raises(RuntimeError, match="twice"):
        wire(app, Capability(name="pages"))


def test_every_package_keeps_its_states_in_states_py() -> None:
    for name in CAPABILITIES:
        package = ROOT / name.replace(".", "/")
        views = package / "views.py"
        if views.exists():
            text = views.read_text(encoding="utf-8")
            assert "PageState(" not in text, f"{views}: page states belong in states.py"


def test_pages_do_not_import_the_panel() -> None:
    for path in (ROOT / "app" / "pages").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "app.panel" not in text, f"{path} imports the reader panel"
    for path in (ROOT / "app").glob("states.py"):
        assert "site.views" not in path.read_text(encoding="utf-8")
