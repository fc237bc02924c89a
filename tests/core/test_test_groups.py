"""Tests that share a server or a walk run in one process when the suite runs in parallel.

`xdist_group` keeps the Redis tests (one shared server, emptied between tests) and the page-state
suites (one shared walk, tests/pagewalk.py) each in one worker. With pytest 9.2 and xdist 3.8 the
mark was silently ignored; this runs a small suite in two workers and checks it holds.
"""

import os
import subprocess
import sys
from pathlib import Path

SUITE = """
import os
import pytest

pytestmark = pytest.mark.xdist_group("{group}")


@pytest.mark.parametrize("n", range(8))
def test_where(n):
    with open({out!r}, "a") as out:
        out.write("{group} " + os.environ["PYTEST_XDIST_WORKER"] + "\\n")
"""


def test_a_group_runs_in_one_worker(tmp_path: Path) -> None:
    out = tmp_path / "workers.txt"
    for group in ("een", "twee"):
        (tmp_path / f"test_{group}.py").write_text(SUITE.format(group=group, out=str(out)))
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2",
         "--dist", "loadgroup", str(tmp_path)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    seen: dict[str, set[str]] = {}
    for line in out.read_text().splitlines():
        group, worker = line.split()
        seen.setdefault(group, set()).add(worker)
    assert sum(1 for _ in out.read_text().splitlines()) == 16
    assert all(len(workers) == 1 for workers in seen.values()), seen
