"""The connector pattern: a kind, registered implementations, chosen by configuration."""

from abc import abstractmethod
from dataclasses import dataclass

import pytest
from flask import Flask

from app.core.connectors import Connector, ConnectorError, Registry


@dataclass(frozen=True)
class Greeting:
    text: str


class Greeter(Connector):
    kind = "groet"

    @abstractmethod
    def greet(self, name: str) -> Greeting: ...


greeters: Registry[Greeter] = Registry(Greeter)


@greeters.register("demo")
class DemoGreeter(Greeter):
    def greet(self, name: str) -> Greeting:
        return Greeting(f"Hallo {name} (demo)")


@greeters.register("http")
class HttpGreeter(Greeter):
    def greet(self, name: str) -> Greeting:
        return Greeting(f"Hallo {name} via {self.config['GREETER_URL']}")


def test_demo_is_the_default(app: Flask) -> None:
    with app.app_context():
        assert greeters.get().greet("Jan") == Greeting("Hallo Jan (demo)")
        assert greeters.get() is greeters.get(), "made once per app"


def test_configuration_chooses(app: Flask) -> None:
    config = {"CONNECTORS": {"groet": "http"}, "GREETER_URL": "http://127.0.0.1:1"}
    assert isinstance(greeters.create(config), HttpGreeter)


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOKET_CONNECTOR_GROET", "http")
    assert greeters.chosen({"CONNECTORS": {"groet": "demo"}}) == "http"


def test_unknown_name_and_wrong_class_are_refused() -> None:
    with pytest.raises(ConnectorError, match="known: demo, http"):
        greeters.create({"CONNECTORS": {"groet": "soap"}})
    with pytest.raises(TypeError):
        greeters.register("wrong")(str)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="twice"):

        @greeters.register("demo")
        class Other(Greeter):
            def greet(self, name: str) -> Greeting:
                return Greeting(name)
