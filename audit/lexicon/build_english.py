"""Rebuild the English word-form tables of the aligner's stemmer (data/english-irregular.tsv, data/demonyms.tsv).

    python -m audit.lexicon.build_english

Build-time only (`pip install -e '.[dictionary]'`); nothing is downloaded and the audit never imports these
packages. Run `python -m audit.lexicon.build_dictionary` afterwards: the dictionary's stems depend on both.

- Irregular forms: the inflection table of `lemminflect` (MIT licence; its forms come from the NIH SPECIALIST
  Lexicon), every verb, noun, adjective and adverb. A form is kept when the stemmer's regular rules
  (`dictionary.regular_stem`) do not give it its lemma's stem (went ← go, children ← child, found ← find),
  and only when the table lists it as no other lemma's form that the rules serve (`leaves` is leave's third
  person as well as leaf's plural: no entry) and no lemma of another stem claims it (better: good or well).
  The table therefore depends on `regular_stem`: rebuild it whenever that changes.
- Demonyms, each joined to its place's name so that "British" meets 英國 (glossed "Britain"):
  CC-CEDICT's `X人` entries ("British person" under 英國人; a word that starts the sense) against the English
  of X and of the headwords X begins with (英國, 英), and CLDR (through babel) official languages of a territory
  (French ↔ France). The place is the capitalised word that shares the longest beginning with the demonym (two
  letters at least: French/France, Swiss/Switzerland); a demonym that the place's own glosses already use
  (法國 "France; French") needs no entry. CC-CEDICT's `X语` entries glossed "Name (language)" add the
  language names shaped as demonyms (英语 English → England, 泰语 Thai → Thailand), kept even where X's own
  glosses write them: the entity lexicon takes its places' adjectives from this table. Regular plurals (Israelis)
  are added.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

from audit.lexicon.build_dictionary import default_source, read_cedict
from audit.lexicon.dictionary import regular_stem

DATA = Path(__file__).parent / "data"
IRREGULAR_FILE = DATA / "english-irregular.tsv"
DEMONYM_FILE = DATA / "demonyms.tsv"
# A demonym and its place share at least this many first letters (French/France, Swiss/Switzerland: two).
MIN_SHARED = 2
_WORD = re.compile(r"[A-Za-z]+")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_DEMONYM_SENSE = re.compile(r"^([A-Z][a-z]+)(?: \((?:person|people)\)| (?:person|people)(?: or people)?)?(?:;.*)?$")
_LANGUAGE_SENSE = re.compile(r"^([A-Z][a-z]+) \(language\)$")
_VOWELS = "aeiou"
# English demonym suffixes (Quirk et al., A Comprehensive Grammar of the English Language, App. I.45: -(i)an,
# -ese, -i, -ish, -ite), added to a place's name or to it less a final syllable of at most two letters with a
# vowel (Canad-ian, Leban-ese, Belgi-an) that leaves five letters at least (shorter stems join Canaan to Canada).
DEMONYM_SUFFIXES = ("n", "an", "ian", "ean", "ese", "i", "ish", "ite")
DEMONYM_ENDINGS = ("an", "ese", "i", "ish", "ite")  # the result of a bare -n (Cuba-n) too
# A language name in a bare -i names the language, not the people, in every such pair CLDR's likely subtags give
# (Hindi, Swahili, Guarani, Divehi, Rundi); -i makes demonyms of places' names only (Israel-i, Pakistan-i).
HOME_ENDINGS = tuple(ending for ending in DEMONYM_ENDINGS if ending != "i")
# Endings of the demonyms English writes alike in the singular and the plural (Quirk et al., App. I.45: the Swiss,
# the Japanese, the French, the Polish; Kyrgyz): the SPECIALIST Lexicon's regular -s for some is not taken.
INVARIANT = ("s", "sh", "ch", "ese", "z")
MAX_CUT = 2
MIN_DERIVED_BASE = 5
# Place-name elements meaning "land" that the demonym drops (Pol-and → Pol-ish, Fin-land → Finn-ish), the
# Persian -stan after the people's own name, which is then the demonym (Afghan-istan, Uzbek-istan).
PLACE_ELEMENTS = ("land", "and")
PEOPLE_ELEMENTS = ("istan", "stan")
MIN_PEOPLE = 4  # letters of a people's name left by -stan: Uzbek, Tajik (Pak-istan is no people)


def lemminflect_table() -> list[tuple[str, str, list[str]]]:
    """(lemma as written, part of speech, its inflected forms in lower case) of every row of lemminflect's
    inflection table."""
    try:
        import lemminflect  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("`pip install -e '.[dictionary]'` (lemminflect) to rebuild the irregular forms")
    path = Path(lemminflect.__file__).parent / "resources" / "infl_lu.csv.gz"
    rows = []
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        lemma, pos, *forms = line.split(",")
        rows.append((lemma, pos, [form.lower() for cell in forms for form in cell.split("/") if form]))
    return rows


def noun_plurals(rows: list[tuple[str, str, list[str]]]) -> dict[str, list[str]]:
    """Noun (lower case) → its plural forms that differ from it, from the SPECIALIST Lexicon's inflections
    (Frenchman → Frenchmen, German → Germans; Chinese and Swiss have none of their own)."""
    return {lemma.lower(): [form for form in forms if form != lemma.lower()] for lemma, pos, forms in rows
            if pos == "noun" and lemma[:1].isupper()}  # a proper noun's row: not polish's (polishes)


def irregular_forms(rows: list[tuple[str, str, list[str]]], vocabulary: set[str]) -> dict[str, str]:
    """Form → lemma, for the forms whose `regular_stem` is not their lemma's (went, children, died) and whose
    lemma CC-CEDICT's glosses use (`vocabulary`: no other lemma can meet a Chinese word), unless
    another lemma lists the same form as one its regular stem serves (`leaves`: leave's third person, so not
    leaf's plural) or lemmas of different stems claim it (better: good or well)."""
    served: set[str] = set()
    claims: dict[str, set[str]] = defaultdict(set)
    for written, _pos, forms in rows:
        lemma = written.lower().replace("-", "")  # spellings with and without a hyphen are one lemma
        if not lemma.isalpha():
            continue  # a phrase or an abbreviation
        stem = regular_stem(lemma)
        for form in forms:
            if form == lemma:
                continue  # a word is its own lemma too (felt, the cloth): that blocks none of its other readings
            if regular_stem(form) == stem:
                served.add(form)
            elif form.isalpha():
                claims[form].add(lemma)
    out = {}
    for form, lemmas in sorted(claims.items()):
        if form not in served and len({regular_stem(lemma) for lemma in lemmas}) == 1 and lemmas & vocabulary:
            out[form] = min(lemmas)
    return out


def shared(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a.lower(), b.lower()):
        if x != y:
            break
        count += 1
    return count


def place_word(demonym: str, places: list[str]) -> str | None:
    """The capitalised word of the place's English that shares the longest beginning with the demonym."""
    best = max(((shared(demonym, word), word) for word in places if word.lower() != demonym.lower()),
               default=(0, ""), key=lambda found: found[0])
    return best[1].lower() if best[0] >= MIN_SHARED else None


def cedict_demonyms(senses: dict[str, list[str]]) -> list[tuple[str, list[str], list[str]]]:
    """(demonym, place words, place's own words) from CC-CEDICT's X人 entries of a headword X."""
    out = []
    for word, glosses in senses.items():
        if len(word) < 3 or not word.endswith("人") or word[:-1] not in senses:
            continue
        heads = [word[:end] for end in range(len(word) - 1, 0, -1) if word[:end] in senses]
        places = [w for head in heads for sense in senses[head] for w in _CAPITALISED.findall(sense)]
        own = [w.lower() for sense in senses[word[:-1]] for w in _CAPITALISED.findall(sense)]
        for sense in glosses:
            match = _DEMONYM_SENSE.match(sense)
            if match:
                out.append((match.group(1), places, own))
    return out


def cedict_languages(senses: dict[str, list[str]]) -> list[tuple[str, list[str], list[str]]]:
    """(language name, place words, []) from CC-CEDICT's X语 entries glossed "Name (language)" whose name has a
    demonym's ending (英语 "English" → 英 England, 瑞典语 "Swedish" → Sweden; not 南非语 "Afrikaans"): the
    people's adjective. Kept even where X's own glosses write it (英 "England; English"): the entity lexicon
    (build_entities) takes a place's adjectives from this table."""
    return [(name, places, []) for name, places in _language_names(senses) if name.endswith(DEMONYM_ENDINGS)]


def _language_names(senses: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    """(language name, the capitalised words of X's glosses) of every CC-CEDICT X语 entry glossed "Name (language)"."""
    out = []
    for word, glosses in senses.items():
        if len(word) < 2 or word[-1] not in "语語" or word[:-1] not in senses:
            continue
        heads = [word[:end] for end in range(len(word) - 1, 0, -1) if word[:end] in senses]
        places = [w for head in heads for sense in senses[head] for w in _CAPITALISED.findall(sense)]
        out += [(match.group(1), places) for match in map(_LANGUAGE_SENSE.match, glosses) if match]
    return out


def home_languages(senses: dict[str, list[str]]) -> list[tuple[str, str, list[str]]]:
    """(language name, territory name, CC-CEDICT words of the territory's Chinese name) for each language that
    CLDR's likely subtags place in a territory where it is official (nl → NL the Netherlands, da → DK Denmark),
    both names single words: the people's adjective even where its letters do not show the place (Dutch, Danish).
    Kept only where the name is shaped as a demonym (Danish; HOME_ENDINGS) or CC-CEDICT's X语 says it is X's language and X's
    glosses name the territory (荷兰语 "Dutch", 荷兰 "the Netherlands"): not Urdu → Pakistan, Hebrew → Israel."""
    from babel import Locale, languages
    from babel.core import get_global

    english, chinese = Locale("en"), Locale("zh_Hans")
    said = {(name, place) for name, places in _language_names(senses) for place in places}
    out = []
    for code, likely in get_global("likely_subtags").items():
        territory = next((part for part in likely.split("_")[1:] if len(part) == 2 and part.isupper()), "")
        name, place = english.languages.get(code, ""), english.territories.get(territory, "")
        if not (name.isalpha() and place.isalpha() and code in languages.get_official_languages(territory, de_facto=True)):
            continue
        if name.endswith(HOME_ENDINGS) or (name, place) in said:
            own = [w.lower() for sense in senses.get(chinese.territories.get(territory, ""), []) for w in _CAPITALISED.findall(sense)]
            out.append((name, place, own))
    return out


def cldr_demonyms(senses: dict[str, list[str]]) -> list[tuple[str, list[str], list[str]]]:
    """(language name, [territory name], CC-CEDICT words of the territory's Chinese name) for each official
    language of a territory, both names single words (CLDR through babel)."""
    from babel import Locale, languages

    english, chinese = Locale("en"), Locale("zh_Hans")
    out = []
    for code, name in english.territories.items():
        if not code.isalpha() or " " in name:
            continue
        own = [w.lower() for sense in senses.get(chinese.territories.get(code, ""), []) for w in _CAPITALISED.findall(sense)]
        for language in languages.get_official_languages(code, de_facto=True):
            language_name = english.languages.get(language, "")
            if language_name.isalpha():
                out.append((language_name, [name], own))
    return out


def derived_demonyms(senses: dict[str, list[str]], attested: set[str]) -> list[tuple[str, list[str], list[str]]]:
    """(demonym, [territory name], []) for the English demonym suffixes on CLDR's one-word territory and region
    names (Syria → Syrian, Canada → Canadian, Lebanon → Lebanese, Pakistan → Pakistani, Afghanistan → Afghan),
    kept only where a lexicon writes the word capitalised (CC-CEDICT's glosses, the SPECIALIST Lexicon's
    lemmas): the suffix rules propose, the lexicons attest."""
    from babel import Locale

    attested = attested | {word for glosses in senses.values() for sense in glosses for word in _CAPITALISED.findall(sense)}
    names = {name for name in Locale("en").territories.values() if name.isalpha()}
    out = []
    for name in sorted(names):
        for base, suffixes in _bases(name):
            for suffix in suffixes:
                word = base + suffix
                if word in attested and word not in names and word != name:
                    out.append((word, [name], []))
    return out


def _bases(name: str) -> list[tuple[str, tuple[str, ...]]]:
    """The stems a demonym of `name` may be built on, each with the suffixes it takes."""
    out = [(name, DEMONYM_SUFFIXES)]
    for cut in range(1, MAX_CUT + 1):
        base, removed = name[:-cut], name[-cut:]
        if len(base) >= MIN_DERIVED_BASE and set(removed) & set(_VOWELS + "y"):
            out.append((base, DEMONYM_SUFFIXES))
    for element in PLACE_ELEMENTS + PEOPLE_ELEMENTS:
        if name.endswith(element) and len(name) > len(element) + 2:
            people = element in PEOPLE_ELEMENTS and len(name) - len(element) >= MIN_PEOPLE  # not Pak-istan
            out.append((name[:-len(element)], ("",) * people + DEMONYM_SUFFIXES))
    return [(base, tuple(s for s in suffixes if (base + s).endswith(DEMONYM_ENDINGS) or s == "")) for base, suffixes in out]


def demonym_table(senses: dict[str, list[str]], attested: set[str], plurals: dict[str, list[str]]) -> dict[str, str]:
    """Demonym (lower case, and its plural) → place word. The plural is the SPECIALIST Lexicon's (`plurals`:
    Frenchmen, Germans), none where English writes the plural alike (INVARIANT: Swiss, Polish, Japanese); a
    word the lexicon does not list takes -s, unless it ends in -man or -ic (Quirk et al., App. I.45)."""
    table: dict[str, tuple[int, str]] = {}
    proposed = cedict_demonyms(senses) + cedict_languages(senses) + cldr_demonyms(senses)
    for demonym, places, own in proposed + derived_demonyms(senses, attested):
        place = place_word(demonym, places)
        if place is None or demonym.lower() in own or place in (demonym.lower() + "s", demonym.lower()):
            continue
        key, strength = demonym.lower(), shared(demonym, place)
        if strength > table.get(key, (0, ""))[0]:
            table[key] = (strength, place)
    for demonym, place, own in home_languages(senses):  # where no place shares its first letters (Dutch)
        if demonym.lower() not in table and demonym.lower() not in own:
            table[demonym.lower()] = (0, place.lower())
    out = {}
    for demonym, (_strength, place) in sorted(table.items()):
        place = table.get(place, (0, place))[1]  # Spaniard → Spanish → Spain
        out[demonym] = place
        listed = plurals.get(demonym)
        if demonym.endswith(INVARIANT):
            listed = []  # the lexicon gives some a regular -s (Guyaneses) that English does not write
        elif listed is None:
            listed = [] if demonym.endswith(("man", "ic")) else [demonym + "s"]
        for plural in listed:
            if plural not in table:
                out[plural] = place
    return out


def write_table(path: Path, header: str, table: dict[str, str]) -> None:
    lines = [f"# {header}", "# generated by `python -m audit.lexicon.build_english`; do not edit"]
    path.write_text("\n".join(lines + [f"{key}\t{value}" for key, value in table.items()]) + "\n", encoding="utf-8")
    print(f"{path}: {len(table)} forms")


def tables(source: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The irregular-form table and the demonym table, from lemminflect, CC-CEDICT at `source` and CLDR."""
    _header, entries = read_cedict(source)
    senses: dict[str, list[str]] = defaultdict(list)
    for simplified, glosses in entries:
        senses[simplified].extend(glosses)
    rows = lemminflect_table()
    capitalised = {lemma for lemma, _pos, _forms in rows if lemma[:1].isupper()}
    vocabulary = {word.lower() for glosses in senses.values() for sense in glosses for word in _WORD.findall(sense)}
    return irregular_forms(rows, vocabulary), demonym_table(senses, capitalised, noun_plurals(rows))


def main(argv: list[str]) -> None:
    irregular, demonyms = tables(Path(argv[0]) if argv else default_source())
    write_table(IRREGULAR_FILE, "irregular English form<TAB>lemma, from lemminflect's table (NIH SPECIALIST Lexicon)",
                irregular)
    write_table(DEMONYM_FILE, "demonym<TAB>place word, from CC-CEDICT X人 and X语 entries (CC BY-SA 4.0), CLDR official languages "
                "and their likely territories, and demonym suffixes on CLDR territory names attested in CC-CEDICT or the "
                "SPECIALIST Lexicon; plurals from the SPECIALIST Lexicon", demonyms)


if __name__ == "__main__":
    main(sys.argv[1:])
