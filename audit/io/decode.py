"""Bytes → text, refusing what is not text rather than guessing into garbage."""

from __future__ import annotations

import codecs
from pathlib import Path

from audit.errors import InputError

# Beyond this, an "article" is almost certainly the wrong file; refuse before reading it into memory.
MAX_BYTES = 200 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size // (1024 * 1024)} MiB is larger than the {MAX_BYTES // (1024 * 1024)} MiB limit")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def decode(data: bytes, path: Path, encoding: str | None = None) -> str:
    """Decode `data`; UTF-8 (with or without BOM) and UTF-16 with BOM unless `encoding` says otherwise."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid {encoding} (byte {exc.start}); check --encoding") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{path}: has a UTF-16 byte-order mark but is not valid UTF-16") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary data, not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = _legacy_hint(data)
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start}){hint}") from None


def _legacy_hint(data: bytes) -> str:
    """Name the legacy Chinese encoding the bytes decode as, so the user knows which --encoding to give."""
    for name in ("big5", "gb18030"):
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        return f"; it decodes as {name.upper()}: try --encoding {name}"
    return ""
