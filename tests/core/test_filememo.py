"""Files read once per process (app/core/filememo.py): reused while unchanged, read again when
a file changes or is added; templates compiled once for every app."""

import os
from pathlib import Path

from jinja2 import DictLoader, Environment

from app.core.filememo import SharedBytecode, read_once


def test_a_folder_is_read_again_only_when_a_file_in_it_changes(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("een", encoding="utf-8")
    reads: list[int] = []

    def build() -> str:
        reads.append(1)
        return "".join(p.read_text(encoding="utf-8") for p in sorted(tmp_path.iterdir()))

    assert read_once("test", (tmp_path,), build) == "een"
    assert read_once("test", (tmp_path,), build) == "een"
    assert len(reads) == 1
    (tmp_path / "a.yaml").write_text("twee", encoding="utf-8")  # another size
    assert read_once("test", (tmp_path,), build) == "twee"
    stat = (tmp_path / "a.yaml").stat()
    (tmp_path / "a.yaml").write_text("drie", encoding="utf-8")  # the same size, a new time
    os.utime(tmp_path / "a.yaml", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert read_once("test", (tmp_path,), build) == "drie"
    (tmp_path / "b.yaml").write_text("!", encoding="utf-8")
    assert read_once("test", (tmp_path,), build) == "drie!"
    assert len(reads) == 4


def test_each_name_keeps_its_own_result(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("x", encoding="utf-8")
    assert read_once("een", (tmp_path,), lambda: 1) == 1
    assert read_once("twee", (tmp_path,), lambda: 2) == 2


def test_templates_are_compiled_once_for_every_environment_and_again_when_changed() -> None:
    class Counted(SharedBytecode):
        compiled = 0

        def dump_bytecode(self, bucket):  # type: ignore[no-untyped-def]
            Counted.compiled += 1
            super().dump_bytecode(bucket)

    shared = Counted()
    templates = {"page.html": "Hallo {{ name }}"}

    def environment() -> Environment:
        return Environment(loader=DictLoader(templates), bytecode_cache=shared)

    assert environment().get_template("page.html").render(name="Anna") == "Hallo Anna"
    assert Counted.compiled == 1
    assert environment().get_template("page.html").render(name="Bram") == "Hallo Bram"
    assert Counted.compiled == 1  # the second environment loaded the stored code
    templates["page.html"] = "Dag {{ name }}"
    assert environment().get_template("page.html").render(name="Anna") == "Dag Anna"
    assert Counted.compiled == 2
