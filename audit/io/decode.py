"""Bytes → text: every file the user gives is turned into text here, by one of four policies.

- `decode`: an article, a table, a glossary, a decisions CSV. UTF-8 (with or without BOM) and UTF-16 (with a BOM,
  or recognised without), or the declared `--encoding`; what is not text is refused rather than guessed into
  garbage, and a legacy Chinese encoding is named for the user to pass.
- `decode_utf8`: a file whose format is UTF-8 by its specification (JSON, RFC 8259 §8.1; TOML 1.0), ours or the
  user's: a byte-order mark is passed over (Windows editors write one), anything else that is not UTF-8 refused.
- `peek`: a look at a chunk of a file (its scripts, its header) before choosing its reader: never refuses.
- `xml_text`: XML, in the encoding its first bytes or its declaration give, as an XML parser reads it.

`legacy_readings` is the one list of legacy Chinese encodings tried (GB18030, Big5).
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from audit.errors import InputError
from audit.io.legibility import legibility, plain_text_share

# Text read in the wrong one of Big5 / GB18030 scores 0.23-0.37 on NTREX-128, right readings at least 0.99
# (audit/io/legibility.py): below GARBLED_BELOW a reading is garbage, at READABLE or above it reads well.
GARBLED_BELOW = 0.6
READABLE = 0.9
_ALTERNATIVES = ("utf-8", "big5", "gb18030")
# The legacy encodings of Chinese news text, tried when bytes are not UTF-8: GB18030 (GBK, GB2312: mainland
# China) and Big5 (Taiwan and Hong Kong), the two Excel's and Windows' Chinese code pages write.
LEGACY = ("big5", "gb18030")
_SAMPLE_BYTES = 256 * 1024

# Beyond this, an "article" is almost certainly the wrong file; refuse before reading it into memory.
MAX_BYTES = 200 * 1024 * 1024


def read_bytes(path: Path, what: str = "", limit: int = MAX_BYTES) -> bytes:
    """The file's bytes. Opened once, then sized from the open file: a file deleted or replaced by a folder
    after it was found is an input error like any other, not a crash between a check and the read. `what`
    names the kind of file expected ("a decisions file"), for the files a run is given beside its articles."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                if what:
                    raise InputError(f"{path}: too large for {what} ({limit // 2**20} MB at most)")
                raise InputError(f"{path}: {size // 2**20} MiB is larger than the {limit // 2**20} MiB limit")
            return handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: not found (expected {what})" if what else f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not {what or 'a file'}") from None
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
    """Decode `data`; UTF-8 (with or without BOM) and UTF-16 (with BOM, or recognised without) unless
    `encoding` says otherwise. A declared encoding that gives garbage where another reads well is refused."""
    if encoding:
        text_encoding(encoding)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid {encoding} (byte {exc.start}); check --encoding") from None
        _refuse_garbled(text, data, path, encoding)
        return text
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{path}: has a UTF-16 byte-order mark but is not valid UTF-16") from None
    if b"\x00" in data[:8192]:
        wide = _utf16_without_bom(data)
        if wide is None:
            raise InputError(f"{path}: binary data, not a text file")
        return wide
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = _legacy_hint(data)
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start}){hint}") from None


def _refuse_garbled(text: str, data: bytes, path: Path, encoding: str) -> None:
    """Stop when `text` (decoded as `encoding`) reads as garbage and another encoding reads it well."""
    score = legibility(text)
    if score is None or score >= GARBLED_BELOW:
        return
    declared = codecs.lookup(encoding).name
    for name in _ALTERNATIVES:
        if codecs.lookup(name).name == declared:
            continue
        other = data[:_SAMPLE_BYTES].decode(name, errors="replace")
        if other.count("\ufffd") > 2:  # not this encoding (the sample may cut one character in two)
            continue
        other_score = legibility(other)
        if other_score is not None and other_score >= READABLE:
            raise InputError(f"{path}: read as {encoding} the text is garbage (common characters: {score:.0%}; "
                             f"read as {name.upper()}: {other_score:.0%}): try --encoding {name}")


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 saved without a byte-order mark (some Windows tools do), in whichever byte order
    reads as plain text; None when neither does (binary data)."""
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if plain_text_share(text) >= READABLE:
            return text
    return None


def _legacy_hint(data: bytes) -> str:
    """Name the legacy Chinese encoding the bytes decode as, so the user knows which --encoding to give."""
    for name in legacy_readings(data):
        return f"; it decodes as {name.upper()}: try --encoding {name}"
    return ""


def legacy_readings(data: bytes) -> dict[str, str]:
    """The text of `data` in each legacy encoding (LEGACY) it is valid in."""
    readings = {}
    for name in LEGACY:
        try:
            readings[name] = data.decode(name)
        except UnicodeDecodeError:
            continue
    return readings


def utf8_error(data: bytes) -> int | None:
    """The offset of the first byte that is not UTF-8 (a leading byte-order mark allowed), or None."""
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        return bad.start
    return None


def decode_utf8(data: bytes, path: Path | str, what: str) -> str:
    """The text of a file whose format is UTF-8 (JSON, TOML), a byte-order mark passed over; `what` names the
    kind of file expected, for the one-line error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        raise InputError(f"{path}: not UTF-8 (byte {bad.start}), as {what} must be") from None


def peek(data: bytes, encoding: str | None = None) -> str:
    """A chunk of a file as text, for a look at what it holds before a reader is chosen: never refuses. The
    chunk may end inside a character, so decoding is incremental; bytes that are not UTF-8 are read in a legacy
    Chinese encoding when valid in one, so that an article saved in Big5 is still found (its reader then asks
    for --encoding)."""
    if encoding:
        try:
            return data.decode(encoding, errors="ignore")
        except LookupError:
            return ""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="ignore")
    for name in ("utf-8-sig", *LEGACY):
        try:
            return codecs.getincrementaldecoder(name)().decode(data, final=False)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="ignore")


# Byte-order marks and the first four bytes of `<?xm` / `<` in each UTF-16/UTF-32 order (XML 1.0, Appendix F).
# UTF-32 comes first: its little-endian mark starts with UTF-16's.
XML_SIGNATURES = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be"),
)
_XML_DECLARED = re.compile(rb"<\?xml[^>]*encoding=[\"']([\w.-]+)")


def xml_text(data: bytes) -> str:
    """XML as text: in the encoding its first bytes show, else the one it declares, else UTF-8 (XML 1.0,
    Appendix F). Lenient: the parser itself refuses what is malformed."""
    for signature, name in XML_SIGNATURES:
        if data.startswith(signature):
            return data.decode(name, errors="replace")
    declared = _XML_DECLARED.match(data.lstrip(codecs.BOM_UTF8))
    try:
        return data.decode(declared.group(1).decode("ascii") if declared else "utf-8-sig", errors="replace")
    except LookupError:
        return data.decode("utf-8-sig", errors="replace")
