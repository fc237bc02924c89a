"""app/readability is pure Python: it must import without Flask (STYLE.md, issue 8).

Each check runs in a fresh interpreter, so modules that other tests imported do not hide an
import of Flask.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "app" / "readability"


def imported_modules(code: str) -> set[str]:
    """Run code in a fresh interpreter and return the names in sys.modules afterwards."""
    script = code + "\nimport sys\nprint('\\n'.join(sys.modules))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


# Every module of the library, cli.py (the click command) included.
MODULES = sorted(f"app.readability.{p.stem}" for p in LIBRARY.glob("*.py") if p.stem != "__init__")

# Load the package `app` as an empty namespace, so that only app/readability's own imports run.
WITHOUT_APP_INIT = f"""
import sys, types
package = types.ModuleType("app")
package.__path__ = [{str(ROOT / "app")!r}]
sys.modules["app"] = package
"""


@pytest.mark.parametrize("module", ["app.readability", *MODULES])
def test_library_module_imports_no_flask(module: str) -> None:
    loaded = imported_modules(WITHOUT_APP_INIT + f"import {module}\n{module}.__name__")
    assert module in loaded
    assert not {"flask", "flask_babel", "sqlalchemy"} & loaded, module


def test_import_app_readability_does_not_load_flask() -> None:
    loaded = imported_modules("import app.readability")
    assert "app.readability" in loaded
    assert "flask" not in loaded


def test_library_does_not_import_its_command() -> None:
    """cli.py is the click wrapper; the library must work without it (and without click)."""
    for path in LIBRARY.glob("*.py"):
        if path.name == "cli.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert "from .cli" not in source and "readability.cli" not in source, path.name
    loaded = imported_modules(WITHOUT_APP_INIT + "import app.readability.sources")
    assert "app.readability.cli" not in loaded and "click" not in loaded
