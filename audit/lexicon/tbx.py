"""TBX (TermBase eXchange) glossaries: TBX-Basic / TBX 2 (`termEntry/langSet/tig/term`) and TBX v3
(`conceptEntry/langSec/termSec/term`), as terminology tools export them.

Each concept with a Chinese (zh…) and an English (en…) term becomes one glossary entry. `type` comes from
a `subjectField`/`type` descriptor naming person, place or org (default: term); the note from a
definition or note. Parsed without DTDs, entities or network access.
"""

from __future__ import annotations

from audit.errors import InputError
from audit.io.xml import local_name
from audit.lexicon.entry import Entry
from audit.io.xml_guard import refuse_entity_declarations

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_KINDS = {"person": "person", "people": "person", "place": "place", "location": "place", "geography": "place",
          "org": "org", "organization": "org", "organisation": "org"}


def parse_tbx(data: bytes, origin: str, skipped: list[str] | None = None) -> list[Entry]:
    """The concepts with a Chinese and an English term as entries. A concept with terms in only one of the two
    languages gives none; it is named in `skipped` when a list is given (`audit glossary validate` shows them)."""
    from lxml import etree  # loaded only when a TBX glossary is given

    refuse_entity_declarations(data, origin)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(f"{origin}: malformed TBX at line {error.lineno}: {error.msg}") from None
    entries = []
    for concept in root.iter():
        if local_name(concept) not in ("termEntry", "conceptEntry"):
            continue
        terms: dict[str, list[str]] = {"zh": [], "en": []}
        kind, note = "term", ""
        for element in concept.iter():
            name = local_name(element)
            if name in ("langSet", "langSec"):
                lang = (element.get(_XML_LANG) or element.get("lang") or "").lower()[:2]
                if lang in terms:
                    terms[lang] += [text for t in element.iter() if local_name(t) == "term" and (text := _term_text(t, origin))]
            elif name in ("descrip", "termNote", "admin") and element.text:
                label = (element.get("type") or "").lower()
                text = element.text.strip()
                if label in ("subjectfield", "type", "termtype") and text.lower() in _KINDS:
                    kind = _KINDS[text.lower()]
                elif label in ("definition", "note") and not note:
                    note = text
            elif name == "note" and element.text and not note:
                note = element.text.strip()
        line = concept.sourceline or 0
        if terms["zh"] and terms["en"]:
            entries.append(Entry(tuple(dict.fromkeys(terms["zh"])), tuple(dict.fromkeys(terms["en"])), kind, note, f"{origin}:{line}"))
        elif (terms["zh"] or terms["en"]) and skipped is not None:
            missing = "English (en…)" if terms["zh"] else "Chinese (zh…)"
            skipped.append(f"{origin}:{line}: concept {(terms['zh'] or terms['en'])[0]!r} has no {missing} term: not used")
    if not entries:
        raise InputError(f"{origin}: no concept with both a Chinese (zh…) and an English (en…) term")
    return entries


def _term_text(term: object, origin: str) -> str:
    """A term's whole text, inline markup included; an entity reference left unexpanded (declared in an external
    DTD, which is never read) would silently cut the term, so it is an error."""
    from lxml import etree

    for node in term.iter():  # type: ignore[attr-defined]
        if isinstance(node, etree._Entity):
            raise InputError(f"{origin}:{node.sourceline}: the term uses the entity {node.text} defined outside the file; write it out")
    return " ".join("".join(term.itertext()).split())  # type: ignore[attr-defined]
