"""Translation-tool files: XLIFF 1.2, XLIFF 2.0, TMX and gettext PO, read through translate-toolkit.

Each translation unit (XLIFF 1.2 trans-unit, XLIFF 2.0 segment, TMX tu, PO entry) gives source block k
and target block k (the document is prealigned); a unit without a translation gives an empty target
Block, which the pipeline reports as an omission. Units marked translate="no", PO headers and obsolete
PO entries are skipped.

Languages: the source must be Chinese (zh, zh-TW, zh-Hant, …) and the target English (en, en-US, …),
as declared by the file (XLIFF source-language/target-language or srcLang/trgLang, the PO `Language`
header; in TMX the zh* and en* variants of each tu are taken, whatever their order). Undeclared
languages are judged by the script of the text.

Inline markup never reaches the checks: the text of <g>, <mrk>, <pc>, <hi> is kept; native codes and
placeholders (<x/>, <bx/>, <ex/>, <ph>, <bpt>, <ept>, <it>, <ut>, <sc/>, <ec/>, <sm/>, <em/>) are
dropped with their content, <cp hex=…/> becomes its character. In PO text, HTML tags and format
placeholders (`%s`, `%(name)s`, `%1$d`, `{0}`, `{name}`) are dropped.

Locations point at the <source>/<target>/<seg> element, or the msgid/msgstr line, where the text starts.

Safety: translate-toolkit parses XML with lxml set to `resolve_entities=False, no_network=True` (external
entities are never fetched, and libxml2 refuses exponential entity expansion). Beyond that, a file whose
DOCTYPE declares entities is refused before parsing: translation files never need them, and an entity
left unexpanded would silently drop text from the audit.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from audit.errors import InputError
from audit.io.decode import peek, read_bytes, text_encoding, xml_text
from audit.io.table import unit_block
from audit.io.text import script_of
from audit.io.xml import local_name
from audit.io.xml_guard import refuse_entity_declarations
from audit.model import Block, Document, Location

XLIFF2_NS_PREFIX = "urn:oasis:names:tc:xliff:document:2."
# Inline elements whose content is native code (or that are empty placeholders): dropped from the text.
_CODES = {"x", "bx", "ex", "ph", "bpt", "ept", "it", "ut", "sc", "ec", "sm", "em"}
_SPACES = re.compile(r"[ \t]*\n[ \t]*|[ \t]{2,}")

_HTML_TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")
_PRINTF = re.compile(r"%(?:\d+\$|\([\w.-]+\))?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsaAp]")
_PRINTF_SAFE = re.compile(r"%(?:\d+\$|\([\w.-]+\))[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|%[sd](?![A-Za-z])")
_BRACE = re.compile(r"\{\{|\}\}|\{[\w.\[\]]*(?:![rsa])?(?::[^{}]*)?\}")
_BRACE_SAFE = re.compile(r"\{(?:\d+|[A-Za-z_]\w*)\}")
_QT = re.compile(r"%L?\d{1,2}")
_PRINTF_FLAGS = {f"{lang}-format" for lang in ("c", "python", "php", "perl", "sh", "objc", "gcc-internal", "awk", "tcl", "ycp", "boost", "lua", "gfc-internal")}
_BRACE_FLAGS = {f"{lang}-format" for lang in ("python-brace", "c-sharp", "java", "javascript", "kde")}


@dataclass
class _Unit:
    source: Block | None
    target: Block | None
    source_at: Location  # where the unit is, for an empty placeholder
    target_at: Location


def read_catalog(path: Path, encoding: str | None = None) -> Document:
    """Read an XLIFF (1.2 or 2.0), TMX or PO file into a prealigned Document.

    `encoding` is accepted for a uniform reader signature; these formats declare their own encoding.
    """
    data = read_bytes(path)
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if path.suffix.lower() == ".po":
        kind, units = "PO", _po_units(path, data)
    else:
        kind, units = _xml_units(path, data)
    units = [u for u in units if u.source is not None or u.target is not None]
    if not units:
        raise InputError(f"{path}: no translation units in this {kind} file")
    document = Document(str(path), [], [], prealigned=True)
    for unit in units:
        document.source.append(unit_block(unit.source, unit.source_at, document.blank_source))
        document.target.append(unit_block(unit.target, unit.target_at, document.blank_target))
    if script_of(" ".join(b.text for b in document.source)) != "zh":
        raise InputError(f"{path}: the source text of this {kind} file is not Chinese")
    if any(b.text for b in document.target) and script_of(" ".join(b.text for b in document.target)) != "en":
        raise InputError(f"{path}: the target text of this {kind} file is not English")
    return document


# --- XML: XLIFF 1.2, XLIFF 2.0, TMX ---------------------------------------------------------------


def _xml_units(path: Path, data: bytes) -> tuple[str, list[_Unit]]:
    from lxml import etree

    label = "TMX" if path.suffix.lower() == ".tmx" else "XLIFF"
    refuse_entity_declarations(data, path)
    try:
        root_tag, version = _root(data)
    except etree.XMLSyntaxError as error:
        raise _malformed(path, label, error) from None
    qname = etree.QName(root_tag)
    if qname.localname == "tmx":
        return "TMX", _tmx_units(path, data)
    if qname.localname != "xliff":
        raise InputError(f"{path}: not an XLIFF or TMX file (the root element is <{qname.localname}>)")
    if (qname.namespace or "").startswith(XLIFF2_NS_PREFIX) or version.startswith("2"):
        return "XLIFF", _xliff2_units(path, data)
    return "XLIFF", _xliff1_units(path, data)


def _root(data: bytes) -> tuple[str, str]:
    """The root element's tag and version attribute, from the first parse event only."""
    from lxml import etree

    events = etree.iterparse(io.BytesIO(data), events=("start",), resolve_entities=False, no_network=True, load_dtd=False)
    for _event, element in events:
        return element.tag, element.get("version", "")
    raise etree.XMLSyntaxError("no root element", None, 1, 1)  # type: ignore[arg-type]


def _parse(store_class, path: Path, data: bytes, label: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    try:
        store = store_class.parsestring(data)
    except etree.XMLSyntaxError as error:
        raise _malformed(path, label, error) from None
    except (AssertionError, ValueError, StopIteration, AttributeError) as error:
        detail = str(error).splitlines()[0] if str(error) else "unexpected structure"
        raise InputError(f"{path}: not a valid {label} file ({detail})") from None
    entity = next(store.document.getroot().iter(etree.Entity), None)
    if entity is not None:  # an entity declared in an external DTD, which is never loaded: its text would vanish
        raise InputError(f"{path}: refused: line {entity.sourceline} uses the entity {entity.text} declared outside the file")
    return store


def _malformed(path: Path, label: str, error) -> InputError:  # type: ignore[no-untyped-def]
    message = re.sub(r",? line \d+, column \d+.*$", "", str(error.msg or error)).replace("\n", " ").strip()
    return InputError(f"{path}: malformed {label} at line {error.lineno or 1}: {message}")


def _xliff1_units(path: Path, data: bytes) -> list[_Unit]:
    from translate.storage import xliff

    store = _parse(xliff.xlifffile, path, data, "XLIFF")
    root = store.document.getroot()
    for file_element in (child for child in root if local_name(child) == "file"):
        _check_languages(path, file_element.get("source-language"), file_element.get("target-language"))
    return _xliff_units(path, data, store)


def _xliff2_units(path: Path, data: bytes) -> list[_Unit]:
    from translate.storage import xliff2

    store = _parse(xliff2.Xliff2File, path, data, "XLIFF 2.0")
    root = store.document.getroot()
    _check_languages(path, root.get("srcLang"), root.get("trgLang"))
    return _xliff_units(path, data, store)


def _xliff_units(path: Path, data: bytes, store) -> list[_Unit]:  # type: ignore[no-untyped-def]
    """The translatable units (1.2 trans-units, 2.0 segments) with their source and target elements."""
    finder = _Finder(data)
    units = []
    for unit in store.units:
        if unit.isheader() or not unit.istranslatable():
            continue
        element = unit.xmlelement
        units.append(_xml_unit(path, finder, element, _child(element, "source"), _child(element, "target")))
    return units


def _tmx_units(path: Path, data: bytes) -> list[_Unit]:
    from translate.storage import tmx

    store = _parse(tmx.tmxfile, path, data, "TMX")
    finder = _Finder(data)
    seen: set[str] = set()
    units = []
    for unit in store.units:
        variants = [(_lang(tuv), tuv) for tuv in unit.xmlelement if local_name(tuv) == "tuv"]
        seen.update(lang for lang, _ in variants)
        zh = next((tuv for lang, tuv in variants if _is_lang(lang, "zh")), None)
        en = next((tuv for lang, tuv in variants if _is_lang(lang, "en")), None)
        if zh is None:
            continue
        units.append(_xml_unit(path, finder, unit.xmlelement, _child(zh, "seg"), _child(en, "seg") if en is not None else None))
    if store.units and not units:
        raise InputError(f"{path}: no Chinese (zh…) variants in this TMX file; languages found: {', '.join(sorted(seen)) or 'none'}")
    return units


def _xml_unit(path: Path, finder: "_Finder", element, source, target) -> _Unit:  # type: ignore[no-untyped-def]
    at = Location(str(path), element.sourceline or 1)
    return _Unit(
        _element_block(path, finder, source),
        _element_block(path, finder, target),
        finder.location(str(path), source) if source is not None else at,
        finder.location(str(path), target) if target is not None else at,
    )


def _element_block(path: Path, finder: "_Finder", element) -> Block | None:  # type: ignore[no-untyped-def]
    if element is None:
        return None
    return _trimmed(plain_text(element), finder.location(str(path), element))


def plain_text(element) -> str:  # type: ignore[no-untyped-def]
    """The translatable text of an XLIFF/TMX text element, without inline codes; line breaks are kept."""
    from lxml import etree

    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            parts.append("\n" * (child.text or "").count("\n"))
        else:
            name = etree.QName(child).localname
            if name == "cp":
                parts.append(_code_point(child.get("hex", "")))
            elif name in _CODES:
                parts.append("\n" * "".join(child.itertext()).count("\n"))
            else:
                parts.append(plain_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _code_point(hex_value: str) -> str:
    """The character of <cp hex=…/>; control characters (what <cp> usually carries) are dropped."""
    try:
        char = chr(int(hex_value, 16))
    except (ValueError, OverflowError):
        return ""
    return char if char in "\t\n" or unicodedata.category(char) not in ("Cc", "Cs") else ""


def _trimmed(text: str, at: Location) -> Block | None:
    """Text without surrounding whitespace (indentation collapsed), its location moved to where it starts."""
    text = _SPACES.sub(lambda m: "\n" if "\n" in m.group() else " ", text.replace("\r\n", "\n").replace("\r", "\n"))
    lead = text[: len(text) - len(text.lstrip())]
    text = text.strip()
    if not text:
        return None
    if "\n" in lead:
        return Block(text, Location(at.path, at.line + lead.count("\n"), len(lead) - lead.rfind("\n")))
    return Block(text, Location(at.path, at.line, at.column + len(lead)))


class _Finder:
    """Columns for elements: where the text after a start tag begins on the tag's line."""

    def __init__(self, data: bytes) -> None:
        self._lines: list[str] | None = None
        self._data = data
        self._seen: dict[tuple[int, str], int] = {}
        self._index: dict[int, int] = {}

    def location(self, path: str, element) -> Location:  # type: ignore[no-untyped-def]
        line = element.sourceline or 1
        return Location(path, line, self._column(element, line))

    def _column(self, element, line: int) -> int:  # type: ignore[no-untyped-def]
        from lxml import etree

        if self._lines is None:
            self._lines = xml_text(self._data).splitlines()
            self._number(element.getroottree().getroot())
        if line > len(self._lines):
            return 1
        name = etree.QName(element).localname
        tags = list(re.finditer(rf"<(?:[\w.-]+:)?{re.escape(name)}(?=[\s/>])[^>]*>", self._lines[line - 1]))
        nth = self._index.get(id(element), 0)
        return tags[nth].end() + 1 if nth < len(tags) else 1

    def _number(self, root) -> None:  # type: ignore[no-untyped-def]
        """Number elements of the same name whose start tags end on the same line, in document order."""
        self._keep = list(root.iter())  # keep the proxies alive so that their ids stay unique
        for element in self._keep:
            if isinstance(element.tag, str):
                key = (element.sourceline or 0, element.tag)
                self._index[id(element)] = self._seen.get(key, 0)
                self._seen[key] = self._seen.get(key, 0) + 1


def _child(element, name: str):  # type: ignore[no-untyped-def]
    """The first direct child with this local name (so that <alt-trans> sources are not taken)."""
    if element is None:
        return None
    return next((child for child in element if local_name(child) == name), None)




def _lang(tuv) -> str:  # type: ignore[no-untyped-def]
    return tuv.get("{http://www.w3.org/XML/1998/namespace}lang") or tuv.get("lang") or ""


def _is_lang(tag: str | None, language: str) -> bool:
    return bool(tag) and re.split(r"[-_]", tag.strip().lower())[0] == language  # type: ignore[union-attr]


def _check_languages(path: Path, source: str | None, target: str | None) -> None:
    if source and not _is_lang(source, "zh"):
        raise InputError(f"{path}: the source language is {source!r}; expected Chinese (zh, zh-TW, zh-CN, …)")
    if target and not _is_lang(target, "en"):
        raise InputError(f"{path}: the target language is {target!r}; expected English (en, en-US, …)")


# --- PO ------------------------------------------------------------------------------------------


def _po_units(path: Path, data: bytes) -> list[_Unit]:
    from translate.storage import po

    try:
        store = po.pofile.parsestring(data)
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not valid {error.encoding} (byte {error.start}); check the PO charset header") from None
    except (ValueError, LookupError) as error:
        detail = str(error).replace("\n", " ")
        raise InputError(f"{path}: malformed PO file: {detail}") from None
    charset = store.encoding or "utf-8"
    try:
        text_encoding(charset)
    except InputError:
        raise InputError(f"{path}: the PO header declares charset={charset}, which is not a text encoding; declare charset=UTF-8") from None
    header = store.parseheader()
    _check_languages(path, header.get("X-Source-Language"), store.gettargetlanguage())
    lines = peek(data, charset).splitlines()  # the store has read it strictly in this charset
    units = []
    for unit in store.units:
        if unit.isheader() or unit.isobsolete() or not unit.source:
            continue
        flags = " ".join(unit.typecomments)
        start = (unit.line_number or 1) - 1
        source_at = _po_location(str(path), lines, start, "msgid")
        target_at = _po_location(str(path), lines, start, "msgstr")
        target = unit.target.strings[0] if unit.hasplural() else unit.target
        units.append(
            _Unit(
                _trimmed(po_plain_text(str(unit.source), flags), source_at),
                _trimmed(po_plain_text(str(target or ""), flags), target_at),
                source_at,
                target_at,
            )
        )
    return units


def po_plain_text(text: str, flags: str = "") -> str:
    """PO message text without HTML tags and format placeholders: all placeholders when the entry is flagged
    as a format string (`#, c-format`), only unmistakable ones otherwise ("50% of" must stay text)."""
    flagged = {flag.strip() for flag in flags.replace("#,", ",").split(",")}
    text = _HTML_TAG.sub("", text)
    if flagged & _PRINTF_FLAGS:
        text = _PRINTF.sub("", text.replace("%%", "\x00")).replace("\x00", "%")
    else:
        text = _PRINTF_SAFE.sub("", text)
    if flagged & _BRACE_FLAGS:
        text = _BRACE.sub(lambda m: m.group()[0] if m.group() in ("{{", "}}") else "", text)
    else:
        text = _BRACE_SAFE.sub("", text)
    if "qt-format" in flagged:
        text = _QT.sub("", text)
    return re.sub(r"[ \t]{2,}", " ", text)


def _po_location(path: str, lines: list[str], start: int, keyword: str) -> Location:
    """Where the text of `msgid` (or `msgstr`/`msgstr[0]`) starts: on its line or on the next quoted line."""
    pattern = re.compile(rf"\s*{keyword}(?:\[0\])?\s+\"")
    for number in range(start, min(len(lines), start + 500)):
        match = pattern.match(lines[number])
        if match is None:
            continue
        if lines[number][match.end():].rstrip() == '"' and number + 1 < len(lines) and lines[number + 1].lstrip().startswith('"'):
            following = lines[number + 1]
            return Location(path, number + 2, len(following) - len(following.lstrip()) + 2)
        return Location(path, number + 1, match.end() + 1)
    return Location(path, start + 1)
