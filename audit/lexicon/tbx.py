"""TBX (TermBase eXchange) glossaries: TBX-Basic / TBX 2 (`termEntry/langSet/tig/term`) and TBX v3
(`conceptEntry/langSec/termSec/term`), as terminology tools export them.

Each concept with a Chinese (zh…) and an English (en…) term becomes one glossary entry. `type` comes from
a `subjectField`/`type` descriptor naming person, place or org (default: term); the note from a
definition or note. Parsed without DTDs, entities or network access.
"""

from __future__ import annotations

import re

from audit.errors import InputError

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_KINDS = {"person": "person", "people": "person", "place": "place", "location": "place", "geography": "place",
          "org": "org", "organization": "org", "organisation": "org"}


def _local(tag: object) -> str:
    return tag.split("}")[-1] if isinstance(tag, str) else ""


def parse_tbx(data: bytes, origin: str) -> list["Entry"]:  # noqa: F821 (Entry is imported lazily below)
    from lxml import etree

    from audit.lexicon.glossary import Entry

    if re.search(rb"<!ENTITY", data[:65536]):
        raise InputError(f"{origin}: TBX with entity declarations is refused (XML entity attacks)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(f"{origin}: malformed TBX at line {error.lineno}: {error.msg}") from None
    entries = []
    for concept in root.iter():
        if _local(concept.tag) not in ("termEntry", "conceptEntry"):
            continue
        terms: dict[str, list[str]] = {"zh": [], "en": []}
        kind, note = "term", ""
        for element in concept.iter():
            name = _local(element.tag)
            if name in ("langSet", "langSec"):
                lang = (element.get(_XML_LANG) or element.get("lang") or "").lower()[:2]
                if lang in terms:
                    terms[lang] += [t.text.strip() for t in element.iter() if _local(t.tag) == "term" and t.text and t.text.strip()]
            elif name in ("descrip", "termNote", "admin") and element.text:
                label = (element.get("type") or "").lower()
                text = element.text.strip()
                if label in ("subjectfield", "type", "termtype") and text.lower() in _KINDS:
                    kind = _KINDS[text.lower()]
                elif label in ("definition", "note") and not note:
                    note = text
            elif name == "note" and element.text and not note:
                note = element.text.strip()
        if terms["zh"] and terms["en"]:
            line = concept.sourceline or 0
            entries.append(Entry(tuple(dict.fromkeys(terms["zh"])), tuple(dict.fromkeys(terms["en"])), kind, note, f"{origin}:{line}"))
    if not entries:
        raise InputError(f"{origin}: no concept with both a Chinese (zh…) and an English (en…) term")
    return entries
