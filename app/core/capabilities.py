"""One declaration per capability, wired by `create_app` and kept per app.

A capability package (`app/pages`, `app/booking`, ...) exposes `capability()` in its
`__init__.py`, returning a `Capability` that names everything it brings. `create_app` loops over
`app.factory.CAPABILITIES`, wires each one and keeps the result in `app.extensions["loket"]`
(a `Wiring`): there are no process-wide lists filled as a side effect of imports, so two apps in
one process (tests) never see each other's states, links or fillers.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import click
    from flask import Blueprint, Flask
    from flask_babel.speaklater import LazyString

    from app.states import PageState

Filler = Callable[[], str | None]


@dataclass(frozen=True)
class StaffLink:
    """A link on the staff overview, shown to accounts with `role` (or beheerder)."""

    role: str
    endpoint: str
    label: "LazyString | str"


@dataclass(frozen=True)
class Capability:
    """What one capability brings to the app. Everything is optional except the name.

    - `blueprints`: registered in order.
    - `states`: example page states for the page checks and the accessibility run
      (keep them in the package's `states.py`); `exempt`: endpoints left out, with the reason.
    - `staff_links`: links on the staff overview.
    - `demo_fillers`: run by `flask demo vullen`, each adds what is missing and returns a line.
    - `commands`: click commands or groups added to `flask`.
    - `template_globals`: names every template can use.
    - `context`: context processors (functions returning a dict for every template).
    - `loaders`: run once at start-up with the app (load files into `app.extensions`).
    - `setup`: other wiring (error handlers, request hooks).
    - `public_paths`: pages for the sitemap and the page checks (Dutch paths).
    - `providers`: named functions other capabilities may look up without importing this one.
    """

    name: str
    blueprints: tuple["Blueprint", ...] = ()
    states: tuple["PageState", ...] = ()
    exempt: Mapping[str, str] = field(default_factory=dict)
    staff_links: tuple[StaffLink, ...] = ()
    demo_fillers: tuple[Filler, ...] = ()
    commands: tuple["click.Command", ...] = ()
    template_globals: Mapping[str, Any] = field(default_factory=dict)
    context: tuple[Callable[[], dict[str, Any]], ...] = ()
    loaders: tuple[Callable[["Flask"], None], ...] = ()
    setup: Callable[["Flask"], None] | None = None
    public_paths: Callable[[], Iterable[str]] | None = None
    providers: Mapping[str, Callable[..., Any]] = field(default_factory=dict)


@dataclass
class Wiring:
    """What the capabilities of one app declared, in the order they were wired."""

    capabilities: list[Capability] = field(default_factory=list)

    def states(self) -> list["PageState"]:
        return [s for c in self.capabilities for s in c.states]

    def exempt(self) -> dict[str, str]:
        return {k: v for c in self.capabilities for k, v in c.exempt.items()}

    def staff_links(self) -> list[StaffLink]:
        return [link for c in self.capabilities for link in c.staff_links]

    def demo_fillers(self) -> list[Filler]:
        return [f for c in self.capabilities for f in c.demo_fillers]

    def public_paths(self) -> list[str]:
        paths: list[str] = []
        for c in self.capabilities:
            if c.public_paths is not None:
                paths.extend(p for p in c.public_paths() if p not in paths)
        return paths

    def providers_named(self, name: str) -> list[Callable[..., Any]]:
        """Return every function registered under `name`, in wiring order."""
        return [c.providers[name] for c in self.capabilities if name in c.providers]

    def provider(self, name: str) -> Callable[..., Any] | None:
        """Return the function a capability registered under `name`, or None."""
        for c in self.capabilities:
            if name in c.providers:
                return c.providers[name]
        return None


def wire(app: "Flask", capability: Capability) -> None:
    """Register everything `capability` declares on `app`."""
    wiring: Wiring = app.extensions.setdefault("loket", Wiring())
    if any(c.name == capability.name for c in wiring.capabilities):
        raise RuntimeError(f"capability {capability.name!r} is wired twice")
    wiring.capabilities.append(capability)
    for blueprint in capability.blueprints:
        app.register_blueprint(blueprint)
    for command in capability.commands:
        app.cli.add_command(command)
    app.jinja_env.globals.update(capability.template_globals)
    for processor in capability.context:
        app.context_processor(processor)
    for load in capability.loaders:
        load(app)
    if capability.setup is not None:
        capability.setup(app)


def wiring(app: "Flask | None" = None) -> Wiring:
    """Return the wiring of `app` (default: the current app)."""
    if app is None:
        from flask import current_app

        app = current_app._get_current_object()  # type: ignore[attr-defined]
    return app.extensions["loket"]  # type: ignore[no-any-return]
