"""`make help` lists every make target, one line each (the README names only two)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_help_lists_every_phony_target() -> None:
    phony = re.search(r"^\.PHONY:(.*)$", (ROOT / "Makefile").read_text(), re.M)
    assert phony is not None
    targets = set(phony.group(1).split()) - {"help"}
    out = subprocess.run(
        ["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    listed = {line.split()[1] for line in lines if line.startswith("make ")}
    assert listed == targets, f"missing from make help: {targets - listed}"
    assert len(lines) == len(targets)
