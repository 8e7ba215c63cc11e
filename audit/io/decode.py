"""Bytes → text, refusing what is not text rather than guessing into garbage."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from audit.errors import InputError

# Beyond this, an "article" is almost certainly the wrong file; refuse before reading it into memory.
MAX_BYTES = 200 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    """The file's bytes. Opened once, then sized from the open file: a file deleted or replaced by a folder
    after it was found is an input error like any other, not a crash between a check and the read."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise InputError(f"{path}: {size // (1024 * 1024)} MiB is larger than the {MAX_BYTES // (1024 * 1024)} MiB limit")
            return handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def text_encoding(name: str) -> str:
    """`name` when it is a text encoding Python knows. Codecs such as rot13, hex, base64 or zlib are
    byte or string transforms, not character encodings: `bytes.decode` would fail on them mid-run."""
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        raise InputError(f"unknown encoding {name!r} (e.g. utf-8, big5, gb18030)") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{name!r} is not a text encoding (e.g. utf-8, big5, gb18030)")
    return name


def decode(data: bytes, path: Path, encoding: str | None = None) -> str:
    """Decode `data`; UTF-8 (with or without BOM) and UTF-16 with BOM unless `encoding` says otherwise."""
    if encoding:
        text_encoding(encoding)
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
