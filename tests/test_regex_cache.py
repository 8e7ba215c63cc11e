"""The compiled-pattern store (audit/regex_cache.py) gives exactly what `re` compiles, and never less."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from audit import regex_cache
from tests.conftest import ROOT, SAMPLE


def _audit(cache: Path) -> subprocess.CompletedProcess[str]:
    """The sample audited with the user cache's lexicons (linked: building them takes seconds) but its own
    pattern store."""
    from audit.lexicon.cache import cache_dir

    cache.mkdir(parents=True, exist_ok=True)
    for entry in cache_dir().glob("*.marshal") if cache_dir().is_dir() else ():
        if not entry.name.startswith("regex-") and not (cache / entry.name).exists():
            (cache / entry.name).symlink_to(entry)
    return subprocess.run([sys.executable, "-m", "audit", "check", str(SAMPLE), "--no-report", "-q"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, env={**os.environ, "AUDIT_CACHE_DIR": str(cache)})


def _store(cache: Path) -> Path:
    [path] = cache.glob("regex-*.marshal")
    return path


def test_a_run_stores_its_patterns_and_each_compiles_to_what_re_compiles(tmp_path: Path) -> None:
    first = _audit(tmp_path)
    stored = marshal.loads(_store(tmp_path).read_bytes())
    assert len(stored) > 100  # the number, date and name patterns, jinja2's and typer's
    for (pattern, flags), blob in stored.items():
        parts = marshal.loads(blob)  # each pattern's parts are kept marshalled, decoded when a run meets it
        # Pattern equality is the engine's: same pattern text, flags and compiled code.
        assert regex_cache._sre.compile(pattern, *parts) == regex_cache._ORIGINAL(pattern, flags), pattern
    written = _store(tmp_path).stat().st_mtime_ns
    second = _audit(tmp_path)
    assert (second.stdout, second.returncode) == (first.stdout, first.returncode) and first.returncode == 1
    assert _store(tmp_path).stat().st_mtime_ns == written  # nothing new: the store is not rewritten


def test_a_damaged_store_changes_nothing(tmp_path: Path) -> None:
    plain = _audit(tmp_path / "fresh")
    path = _store(tmp_path / "fresh")
    stored = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps({key: marshal.dumps((parts[0], [1, 2, 3], *parts[2:]))
                                    for key, parts in ((key, marshal.loads(blob)) for key, blob in stored.items())}))
    assert _audit(tmp_path / "fresh").stdout == plain.stdout  # the engine refuses the code; compiled afresh
    path.write_bytes(marshal.dumps({key: b"\x00damaged" for key in stored}))
    assert _audit(tmp_path / "fresh").stdout == plain.stdout  # an entry marshal cannot read: compiled afresh
    path.write_bytes(b"\x00not marshal")
    assert _audit(tmp_path / "fresh").stdout == plain.stdout


def test_stored_parts_give_the_same_pattern_and_bad_parts_are_compiled_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    # The reference is re's own compile (_ORIGINAL): once the command line is imported, re routes through the store.
    pattern = r"(?P<year>\d{4})年(?P<month>\d{1,2})月"
    monkeypatch.setattr(regex_cache, "_stored", {(pattern, 0): marshal.dumps(regex_cache._parts(pattern, 0))})
    monkeypatch.setattr(regex_cache, "_used", {})
    compiled = regex_cache._compile(pattern, 0)
    assert compiled == regex_cache._ORIGINAL(pattern, 0)  # type: ignore[misc]
    assert compiled.match("2024年12月").groupdict() == {"year": "2024", "month": "12"}
    assert regex_cache._compile(pattern, re.IGNORECASE) == regex_cache._ORIGINAL(pattern, re.IGNORECASE)  # type: ignore[misc]
    assert (pattern, 2) in regex_cache._used  # stored under a plain int

    class Text(str):  # a str subclass (markupsafe's Markup is one): compiled as re does, never stored
        pass

    assert regex_cache._compile(Text("a+"), 0) == regex_cache._ORIGINAL("a+", 0)  # type: ignore[misc]
    assert ("a+", 0) not in regex_cache._used
    monkeypatch.setattr(regex_cache, "_stored", {(pattern, 0): marshal.dumps((0, [99, 98], 2, {}, (None,)))})
    monkeypatch.setattr(regex_cache, "_used", {})
    assert regex_cache._compile(pattern, 0) == compiled


def test_the_store_keeps_this_runs_patterns_first_and_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path))
    older = {(f"old{n}", 0): marshal.dumps(regex_cache._parts(f"old{n}", 0)) for n in range(5)}
    monkeypatch.setattr(regex_cache, "_stored", older)
    monkeypatch.setattr(regex_cache, "_used", {})
    monkeypatch.setattr(regex_cache, "MAX_PATTERNS", 4)
    monkeypatch.setattr(regex_cache, "_added", False)
    regex_cache.save()
    assert not list(tmp_path.iterdir())  # nothing new, nothing written
    for n in range(2):
        regex_cache._compile(f"new{n}", 0)
    regex_cache.save()
    assert list(marshal.loads(_store(tmp_path).read_bytes())) == [("new0", 0), ("new1", 0), ("old0", 0), ("old1", 0)]
