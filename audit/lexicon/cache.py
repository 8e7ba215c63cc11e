"""A per-user cache of data structures that are slow to build and fast to load (marshal files).

Large lexicons ship in formats that take a second or more to parse (jieba's dictionary and tagger
tables). The first run builds a compact form and stores it here; later runs load it in milliseconds.
A cache entry is named by what it was built from (file sizes and modification times, and the format of
the entry itself), so an upgraded package or a changed file is rebuilt, never read stale. Entries of
other versions or checkouts that no run has used for a month are removed when a new one is built.

The folder is `$AUDIT_CACHE_DIR`, else `$XDG_CACHE_HOME/zh-en-audit`, else `~/.cache/zh-en-audit`. When
it cannot be written (a read-only home in CI), everything still works: the structure is rebuilt in
memory on every run, only slower.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

_DAY = 24 * 3600
UNUSED_FOR = 30 * _DAY  # an entry of another version or checkout, unused this long, goes


def cache_dir() -> Path:
    explicit = os.environ.get("AUDIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zh-en-audit"


def fingerprint(name: str, sources: Iterable[Path]) -> str:
    """A file name for a cache entry: its name plus a digest of where it comes from."""
    digest = hashlib.sha1(name.encode("utf-8"))
    for path in sources:
        stat = path.stat()
        digest.update(f"\0{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode("utf-8", "surrogateescape"))
    return f"{name}-{digest.hexdigest()[:16]}.marshal"


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`'s value (built of marshal-able types), loaded from the cache when it is there."""
    path = cache_dir() / fingerprint(name, list(sources))
    try:
        with open(path, "rb") as handle:
            data = handle.read()  # marshal.load(handle) would read the file in thousands of small pieces
        stored = marshal.loads(data)
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == name:
            _mark_used(path)
            return stored[1]  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass  # missing, unreadable or damaged: built again
    value = build()
    store(path, (name, value))
    _forget_unused(path, name)
    return value


def _mark_used(path: Path) -> None:
    """The entry's modification time is its last use (to the day: one write a day at most)."""
    try:
        now = time.time()
        if now - path.stat().st_mtime > _DAY:
            os.utime(path, (now, now))
    except OSError:
        pass


def _forget_unused(kept: Path, name: str) -> None:
    """Remove the entries of the same name, built for other versions or checkouts, unused for a month."""
    try:
        others = [p for p in kept.parent.glob(f"{name}-*.marshal") if p != kept and p.name[len(name) + 1:-8].isalnum()]
        for other in others:
            if time.time() - other.stat().st_mtime > UNUSED_FOR:
                other.unlink()
    except OSError:
        pass


def store(path: Path, value: object) -> None:
    """Write a marshal-able value atomically (temporary file + rename): two processes building at once both
    succeed; a folder that cannot be written is left alone."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            marshal.dump(value, handle)
        os.replace(tmp, path)
    except (OSError, ValueError):
        Path(tmp).unlink(missing_ok=True)
