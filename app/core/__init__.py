"""Shared pieces every capability uses: the capability pattern, time, the flow store,
connectors and safe deletion. See README.md in this folder.

Importing `app.core.time` must not need Flask; keep this file free of imports.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from app.core.capabilities import Capability


def capability() -> "Capability":
    from app.core.capabilities import Capability
    from app.core.cli import storage_cli
    from app.demo import demo_cli
    from app.extensions import wants_fragment

    return Capability(
        name="core",
        commands=(storage_cli, demo_cli),
        template_globals={"wants_fragment": wants_fragment},
        setup=_filters,
    )


def _filters(app: "Flask") -> None:
    from flask_babel import format_date

    app.jinja_env.filters["format_date_long"] = lambda d: format_date(d, "long")
