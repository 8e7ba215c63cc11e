"""Compiled regular expressions kept between runs, in the per-user cache (`audit.lexicon.cache`).

Python compiles every `re.compile` pattern from its text in every new process: it parses the pattern and turns
it into the code its matching engine runs. Our number, date and name patterns, jinja2's and typer's, about 300
in all, took 60–170 ms of each one-article audit, a fifth of the start. The engine's code depends only on the
pattern, its flags and the Python build, so it is kept: a run that meets a pattern compiled before hands the
stored code to the engine (`_sre.compile`, which `re` itself calls last), skipping the parse and the code
generation. The result is the same object `re.compile` returns, with the same code.

The store is one file per Python build and engine version (`sys.version`, `_sre.MAGIC`, `_sre.CODESIZE`), read
once at start, each pattern's code kept as marshal bytes and decoded only when the run compiles that pattern (the
store holds thousands, a one-article run meets a few hundred: decoding all was 16 ms of its start); patterns met for the first time are added at exit (at most MAX_PATTERNS, this run's first, so
patterns built from one article's text do not pile up). Where anything is unlike what this module expects (a
Python whose `re` is laid out otherwise, a damaged store: `_sre.compile` validates the code it is given),
`re` compiles as it always does. Installed by the command line only (`audit.cli`), before its imports.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import re
import sys
from typing import Any, Callable

import _sre

# Patterns kept at most: about 300 are compiled by a run over built-in data; the rest come from user glossaries
# and article text. A full store keeps this run's patterns first, then the most recent others.
MAX_PATTERNS = 3000

_Parts = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

try:  # CPython 3.11+: re._compiler with compile(p, flags) = parse, _code, _sre.compile
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ORIGINAL: Callable[..., re.Pattern[Any]] | None = _compiler.compile
    _code = _compiler._code
except (ImportError, AttributeError):
    _ORIGINAL = None

LAYOUT = 2  # of the store file (2: each pattern's parts as marshal bytes), in its name: an older store is not read

_stored: dict[tuple[str | bytes, int], bytes] = {}  # pattern and flags → its parts, marshalled
_used: dict[tuple[str | bytes, int], _Parts] = {}
_added = False


def install() -> None:
    """Route `re`'s compilation through the store (once per process; nothing happens where `re` differs)."""
    if _ORIGINAL is None or _compiler.compile is not _ORIGINAL:
        return
    _stored.update(_load())
    _compiler.compile = _compile
    atexit.register(save)


def _compile(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
    if type(pattern) not in (str, bytes) or flags & re.DEBUG:  # marshal stores no str subclass (Markup)
        return _ORIGINAL(pattern, flags)  # type: ignore[misc]
    key = (pattern, int(flags))  # a caller may pass a RegexFlag, which marshal cannot store
    parts = _used.get(key)
    if parts is None and key in _stored:
        try:
            parts = marshal.loads(_stored[key])
        except (EOFError, ValueError, TypeError):  # a damaged entry: compiled as usual below
            _stored.pop(key)
    if parts is not None:
        try:
            compiled = _sre.compile(pattern, *parts)
            _used[key] = parts
            return compiled  # type: ignore[no-any-return]
        except (TypeError, ValueError, RuntimeError):  # not what this engine takes (the engine checks the code)
            _stored.pop(key, None)
    global _added
    parts = _used[key] = _parts(pattern, flags)
    _added = True
    return _sre.compile(pattern, *parts)  # type: ignore[no-any-return]


def _parts(pattern: str | bytes, flags: int) -> _Parts:
    """What `re._compiler.compile` hands to `_sre.compile`, computed as it does."""
    parsed = _parser.parse(pattern, flags)
    code = _code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The code holds the engine's opcodes as int subclasses (re._constants): plain ints, for marshal.
    return flags | parsed.state.flags, [int(op) for op in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _path():  # type: ignore[no-untyped-def]
    from audit.lexicon.cache import cache_dir

    build = hashlib.sha1(f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{LAYOUT}".encode()).hexdigest()[:16]
    return cache_dir() / f"regex-{build}.marshal"


def _load() -> dict[tuple[str | bytes, int], bytes]:
    try:
        with open(_path(), "rb") as handle:
            stored = marshal.loads(handle.read())
        return stored if isinstance(stored, dict) else {}
    except (OSError, EOFError, ValueError, TypeError):
        return {}  # none yet, or unreadable: compiled as usual, stored again at exit


def save() -> None:
    """Add this run's new patterns to the store (atomically; a store that cannot be written is left alone)."""
    if not _added:
        return
    from audit.lexicon.cache import store

    kept = {key: marshal.dumps(parts) for key, parts in _used.items()}  # this run's first, then the earlier runs'
    for key, blob in _stored.items():
        if len(kept) >= MAX_PATTERNS:
            break
        kept.setdefault(key, blob)
    store(_path(), kept)
