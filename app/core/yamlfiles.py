"""YAML through libyaml. The pure-Python parser made every `create_app` spend about a second
reading forms, rules and demo data, and the test suite creates an app per test."""

from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # both are safe loaders


def safe_load(text: str) -> Any:
    return yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader
