"""Connectors: every external system behind an abstract base class, chosen by configuration.

After open-forms' plugin registry. A *kind* of connector (person register, cases, SMS, ...) is
an abstract base class whose methods take and return dataclasses, with its own `Registry`:

    class AddressLookup(Connector):
        kind = "adressen"
        @abstractmethod
        def find(self, postcode: str, number: str) -> Address | None: ...

    addresses = Registry(AddressLookup)

    @addresses.register("demo")
    class DemoAddresses(AddressLookup): ...

`addresses.get()` returns the implementation that the app's configuration names
(`CONNECTORS = {"adressen": "demo"}`, or the environment variable `LOKET_CONNECTOR_ADRESSEN`),
made once per app. Every kind has a `demo` implementation with clearly fictitious data (the
default) and a real protocol client, usually registered as `http`.
"""

import os
from abc import ABC
from collections.abc import Callable, Mapping
from typing import Any, ClassVar


class ConnectorError(Exception):
    """An external system could not answer as asked."""


class SourceUnavailable(ConnectorError):
    """The system is down or too slow: the resident carries on without it."""


class Connector(ABC):
    """Base of every connector kind. `config` is the app's configuration."""

    kind: ClassVar[str]
    # Where the real source lives, in words, shown to developers and in the README.
    description: ClassVar[str] = ""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.config = config


class Registry[K: Connector]:
    """The implementations of one connector kind, by name."""

    def __init__(self, base: Any) -> None:
        # `Any`, not `type[K]`: a kind is an abstract class, which mypy refuses for type[K].
        self.base: type[K] = base
        self.implementations: dict[str, type[K]] = {}

    @property
    def kind(self) -> str:
        return self.base.kind

    def register(self, name: str) -> Callable[[type[K]], type[K]]:
        def decorator(cls: type[K]) -> type[K]:
            if not issubclass(cls, self.base):
                raise TypeError(f"{cls.__name__} is not a {self.base.__name__}")
            if self.implementations.get(name, cls) is not cls:
                raise ValueError(f"{self.kind}: {name!r} is registered twice")
            self.implementations[name] = cls
            return cls

        return decorator

    def chosen(self, config: Mapping[str, Any]) -> str:
        """Return the name of the implementation the configuration chooses (default demo)."""
        from_env = os.environ.get(f"LOKET_CONNECTOR_{self.kind.upper()}")
        return from_env or dict(config.get("CONNECTORS") or {}).get(self.kind, "demo")

    def create(self, config: Mapping[str, Any], name: str | None = None) -> K:
        name = name or self.chosen(config)
        try:
            cls = self.implementations[name]
        except KeyError:
            known = ", ".join(sorted(self.implementations)) or "none"
            raise ConnectorError(
                f"no {self.kind} connector {name!r} (known: {known}); check CONNECTORS"
            ) from None
        return cls(config)

    def get(self) -> K:
        """Return the connector of the current app, made once."""
        from flask import current_app

        made: dict[str, Any] = current_app.extensions.setdefault("loket.connectors", {})
        if self.kind not in made:
            made[self.kind] = self.create(current_app.config)
        return made[self.kind]  # type: ignore[no-any-return]
