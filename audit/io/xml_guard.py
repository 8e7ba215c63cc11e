"""XML bytes → text as an XML parser would read them, and the refusal of entity declarations.

Entity declarations are how XML attacks work (external entities, billion laughs), and translation files and
glossaries never need them. The refusal must see the declaration in whatever encoding the file is in: the
encoding is found as the XML 1.0 specification (Appendix F) says, from the byte-order mark or the first
four bytes, then the declaration; and the bytes are also searched for `<!ENTITY` in each UTF-16/UTF-32
byte order, so that no encoding the parser accepts can hide one.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from audit.errors import InputError

# Byte-order marks and the first four bytes of `<?xm` / `<` in each UTF-16/UTF-32 order (XML 1.0, Appendix F).
# UTF-32 comes first: its little-endian mark starts with UTF-16's.
_SIGNATURES = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be"),
)
_DECLARED = re.compile(rb"<\?xml[^>]*encoding=[\"']([\w.-]+)")
_ENTITY = "<!ENTITY"
_WIDE_ENTITY = tuple(_ENTITY.encode(name) for name in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))


def xml_text(data: bytes) -> str:
    """The XML as text: in the encoding its first bytes show, else the one it declares, else UTF-8."""
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return data.decode(name, errors="replace")
    declared = _DECLARED.match(data.lstrip(codecs.BOM_UTF8))
    try:
        return data.decode(declared.group(1).decode("ascii") if declared else "utf-8-sig", errors="replace")
    except LookupError:
        return data.decode("utf-8-sig", errors="replace")


def declares_entities(data: bytes) -> bool:
    """Whether the file declares an entity, in any encoding an XML parser would read it in."""
    if any(wide in data for wide in _WIDE_ENTITY):
        return True
    return _ENTITY in xml_text(data)


def refuse_entity_declarations(data: bytes, path: Path | str) -> None:
    """Refuse a file that declares entities (XXE, billion laughs) before any parser sees it."""
    if declares_entities(data):
        raise InputError(f"{path}: refused: the XML declares entities (translation files and glossaries never "
                         "need them); remove its <!ENTITY …> declarations")
