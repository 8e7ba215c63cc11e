"""The refusal of entity declarations in XML (its bytes read as a parser would: audit.io.decode.xml_text).

Entity declarations are how XML attacks work (external entities, billion laughs), and translation files and
glossaries never need them. The refusal must see the declaration in whatever encoding the file is in: the
encoding is found as the XML 1.0 specification (Appendix F) says, from the byte-order mark or the first
four bytes, then the declaration; and the bytes are also searched for `<!ENTITY` in each UTF-16/UTF-32
byte order, so that no encoding the parser accepts can hide one.
"""

from __future__ import annotations

from pathlib import Path

from audit.errors import InputError
from audit.io.decode import xml_text

_ENTITY = "<!ENTITY"
_WIDE_ENTITY = tuple(_ENTITY.encode(name) for name in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))


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
