"""TBX (TermBase eXchange) glossaries: TBX-Basic / TBX 2 (`termEntry/langSet/tig/term`) and TBX v3
(`conceptEntry/langSec/termSec/term`), as terminology tools export them.

Each concept with a Chinese (zh…) and an English (en…) term becomes one glossary entry. `type` comes from
a `subjectField`/`type` descriptor naming person, place or org (default: term); the note from a
definition or note. Parsed without DTDs, entities or network access.
"""

from __future__ import annotations

import re

from audit.errors import InputError
from audit.io.xml import local_name
from audit.lexicon.entry import Entry

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_KINDS = {"person": "person", "people": "person", "place": "place", "location": "place", "geography": "place",
          "org": "org", "organization": "org", "organisation": "org"}


def parse_tbx(data: bytes, origin: str) -> list[Entry]:
    from lxml import etree  # loaded only when a TBX glossary is given

    if re.search(rb"<!ENTITY", data[:65536]):
        raise InputError(f"{origin}: TBX with entity declarations is refused (XML entity attacks)")
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
                    terms[lang] += [t.text.strip() for t in element.iter() if local_name(t) == "term" and t.text and t.text.strip()]
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
