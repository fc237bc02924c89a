"""Files parsed once per process, again only when one of them changed.

Reading every content page, form definition and text (and building the search index) is most of
what `create_app` costs, and the test suite creates an app per test. A loader wraps its work in
`read_once(name, folders, build)`: the result is kept, keyed by the folders and the size and
modification time of every file in them, so a changed or added file is read again. What it
returns is shared between apps in one process: treat it as read-only (copy it before changing it,
as the content-cache tests do).
"""

import os
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from threading import Lock

from jinja2.bccache import Bucket, BytecodeCache

# Tests build apps on temporary content folders; a few of those stay, not every one.
KEEP = 16

_results: OrderedDict[tuple[object, ...], object] = OrderedDict()
_lock = Lock()


def stamp(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Every file under `paths` (or the file itself) with its size and modification time."""
    found: list[tuple[str, int, int]] = []
    for root in paths:
        if root.is_file():
            info = root.stat()
            found.append((str(root), info.st_size, info.st_mtime_ns))
            continue
        # os.walk and plain strings: pathlib's rglob and sorting took most of create_app.
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(folder, name)
                info = os.stat(path)
                found.append((path, info.st_size, info.st_mtime_ns))
    return tuple(found)


def read_once[T](name: str, paths: Iterable[Path], build: Callable[[], T]) -> T:
    """Return `build()`, reused while no file under `paths` changed."""
    roots = tuple(Path(os.path.abspath(p)) for p in paths)
    key = (name, roots, stamp(roots))
    with _lock:
        if key in _results:
            _results.move_to_end(key)
            return _results[key]  # type: ignore[return-value]
    value = build()
    with _lock:
        _results[key] = value
        while len(_results) > KEEP:
            _results.popitem(last=False)
    return value


class SharedBytecode(BytecodeCache):
    """A Jinja bytecode cache shared by every app in the process.

    Each app has its own Jinja environment and would compile every template again. Jinja keys a
    bucket by the template's name and compares the source checksum before it uses the stored
    code, so a changed template is compiled anew.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        stored = self.code.get(bucket.key)
        if stored is not None:
            bucket.bytecode_from_string(stored)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = SharedBytecode()
