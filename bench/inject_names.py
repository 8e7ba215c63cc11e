"""Recall and false alarms of the name rules (N001, N002) on names that are in no glossary.

NTREX-128 (zh-TW ↔ en, line-aligned): every document is audited clean (name-rule findings per 100 pairs,
by severity), then copies get one error each in the English, where the Chinese names an entity the English
renders: the rendering replaced by another entity's name of the same kind, drawn from names in NO glossary
(CC-CEDICT and CLDR entities, not the bundled glossary), or removed with the phrase it heads (`drop_phrase`); an
organisation the line names is also removed, apart. Recall is reported per class of the
replaced entity: glossary, CEDICT/CLDR-only, transliterated (every character a transliteration character),
Chinese personal names (a CEDICT person with a surname, or a name found by context: audit.lexicon.personal_names),
split by how the English spells them: pinyin, Taiwan's Wade–Giles spellings, Korean or Hong Kong (Cantonese)
spellings. A personal name is replaced by another real person's romanized name (CC-CEDICT and glossary
people written surname first), the error MT and translators make with such names. An injection is found when N001 reports that line (warning or error) and did
not on the clean text. Every fifth document is held out (bench/corpora.py): tune on dev, report both.

Romanization: every CC-CEDICT and glossary person written surname first (Chinese order) must be rendered
by its own romanization, and not by another person's of the same surname (every fifth name held out).

MQM-TED: N-rule findings per 100 segments that professional reviewers marked free of accuracy errors, and
recall on Major Accuracy/Mistranslation errors whose marked target span is a name (capitalised word).

    python bench/inject_names.py [--seed 7] [--list]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.checks.accounting import expected_names  # noqa: E402
from audit.checks.names import TRANSLITERATION  # noqa: E402
from audit.checks.registry import select_rules  # noqa: E402
from audit.lexicon.dictionary import load_dictionary  # noqa: E402
from audit.lexicon.entities import Lexicon, load_lexicon  # noqa: E402
from audit.lexicon.glossary import Glossary, load_glossary  # noqa: E402
from audit.lexicon.personal_names import name_of, personal_names  # noqa: E402
from audit.lexicon.romanize import rendering, spells  # noqa: E402
from audit.lexicon.transliterate import pinyin_of  # noqa: E402
from audit.model import Block, Document, Location, Severity  # noqa: E402
from audit.normalize import normalize_en, normalize_zh  # noqa: E402
from audit.pipeline import Auditor  # noqa: E402
from bench.corpora import MQM, NTREX, Article, mqm_segments, ntrex_articles  # noqa: E402
from bench.inject import document  # noqa: E402

NAME_RULES = ("N001", "N002")
KINDS = ("person", "place")


def name_findings(result, line: int | None = None) -> list:  # type: ignore[no-untyped-def]
    return [f for f in result.findings if f.code in NAME_RULES and (line is None or f.location.line == line)]


def renderings(zh: str, en: str, glossary: Glossary, lexicon: Lexicon,
               kinds: tuple[str, ...] = KINDS) -> list[tuple[str, str, re.Match[str]]]:
    """(class, kind, where the English renders it) for each name of these kinds (people, places) the Chinese line names."""
    norm_zh, norm_en = normalize_zh(zh), normalize_en(en)
    found = []
    for mention in glossary.mentions(norm_zh):
        match = mention.entry.found_in(norm_en)
        if mention.entry.type in kinds and match:
            found.append(("glossary", mention.entry.type, match))
    for name in expected_names(glossary.blank_mentions(norm_zh), lexicon, load_dictionary()):
        if name.kind not in kinds:
            continue
        for form in name.english:
            match = re.search(rf"(?<![A-Za-z]){re.escape(form)}(?![A-Za-z])", norm_en)
            if match:
                found.append((_class(name.chinese, name.kind, lexicon, match.group()), name.kind, match))
                break
    return found + (_personal_renderings(norm_zh, norm_en, found) if "person" in kinds else [])


def _personal_renderings(norm_zh: str, norm_en: str, found: list[tuple[str, str, re.Match[str]]]) -> list[tuple[str, str, re.Match[str]]]:
    """Chinese personal names found by context (no lexicon lists them) and where the English romanizes them."""
    out = []
    for person in personal_names(norm_zh):
        reading = rendering(person.name, norm_en)
        match = re.search(rf"(?<![A-Za-z]){re.escape(reading.text)}(?![A-Za-z])", norm_en) if reading else None
        if match and " " in reading.text and not any(m.start() <= match.start() < m.end() for _c, _k, m in found):
            out.append((_romanization_class(person.name.chinese, match.group()), "person", match))
    return out


def _class(chinese: str, kind: str, lexicon: Lexicon, english: str = "") -> str:
    if kind == "person" and chinese[:1] in lexicon.surnames and len(chinese) <= 3 and not all(c in TRANSLITERATION for c in chinese):
        return _romanization_class(chinese, english)
    if all(c in TRANSLITERATION for c in chinese):
        return "transliterated (CEDICT/CLDR)"
    return "CEDICT/CLDR-only"


PERSONAL = ("Chinese personal name", "Taiwanese name", "Korean or Hong Kong name")


def _romanization_class(chinese: str, english: str) -> str:
    """A Chinese personal name by how the English spells it: pinyin, Taiwan's spellings (Wade–Giles and the rest
    the sound key folds), or a Korean or Hong Kong (Cantonese) reading."""
    reading = rendering(name_of(chinese), english)
    if reading is None or " " not in reading.text:
        return "Chinese personal name"  # the surname alone, or an English given name: no system to tell
    if reading.family != "Chinese":
        return "Korean or Hong Kong name"
    pinyin = "".join(pinyin_of(char)[0] for char in chinese)
    return "Chinese personal name" if re.sub(r"[^a-z]", "", reading.text.lower()) == pinyin else "Taiwanese name"


def romanized_people(lexicon: Lexicon, glossary: Glossary) -> list[tuple[str, str]]:
    """(Chinese, English) of the CC-CEDICT and glossary people written surname first (Xi Jinping, Tsai Ing-wen)."""
    people = [(key, row.split("\t")[2].split("|")[0]) for key, row in lexicon.rows.items() if row.startswith("person\t")]
    people += [(key, form) for entry in glossary.entries if entry.type == "person" for key in entry.keys for form in entry.english[:1]]
    out = []
    for chinese, english in dict(people).items():
        words = english.split()
        if 2 <= len(chinese) <= 3 and chinese[0] in lexicon.surnames and not all(c in TRANSLITERATION for c in chinese) \
                and len(words) == 2 and any(spells(words[0], keys[:1]) for _family, keys in name_of(chinese).families):
            out.append((chinese, english))
    return sorted(out)


def romanization(lexicon: Lexicon, glossary: Glossary, rng: random.Random) -> pd.DataFrame:
    """Per romanized person: rendered by their own English; another person of the same surname taken for them."""
    people = romanized_people(lexicon, glossary)
    rows = []
    for index, (chinese, english) in enumerate(people):
        others = [e for c, e in people if c[0] == chinese[0] and e.split()[1].lower() != english.split()[1].lower()]
        other = rendering(name_of(chinese), rng.choice(others)) if others else None
        rows.append({"part": "held-out" if index % 5 == 4 else "dev", "class": _romanization_class(chinese, english),
                     "rendered": rendering(name_of(chinese), english) is not None,
                     "confused": bool(other and " " in other.text) if others else None})
    return pd.DataFrame(rows)


def substitutes(lexicon: Lexicon, glossary: Glossary) -> dict[str, list[str]]:
    """Names of people and places in no glossary: CEDICT/CLDR English forms that no glossary entry writes."""
    in_glossary = {form for entry in glossary.entries for form in entry.english}
    out: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for key, row in sorted(lexicon.rows.items()):
        kind, source, forms = row.split("\t")
        first, *others = forms.split("|")
        described = any(other.startswith(first + " ") for other in others)  # Longmen of "Longmen county in Huizhou"
        if kind in KINDS and glossary.lookup(key) is None and first not in in_glossary and not described \
                and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", first):
            out[kind].append(first)
    out["romanized"] = [english for _chinese, english in romanized_people(lexicon, glossary)]
    return out


def ntrex(auditor: Auditor, glossary: Glossary, seed: int, listing: bool) -> tuple[pd.DataFrame, pd.DataFrame, Counter[str]]:
    lexicon = load_lexicon()
    pool = substitutes(lexicon, glossary)
    articles = ntrex_articles()
    alarms, outcomes = [], []
    pairs = Counter(a.part for a in articles for _ in a.zh)
    for article in articles:
        clean = auditor.run(document(article))
        for f in name_findings(clean):
            alarms.append({"part": article.part, "code": f.code, "severity": f.severity.label})
            if listing:
                print(f"[clean] {article.part} {f.location} {f.severity.label}: {f.message}\n    en: {f.target_text}")
        outcomes += _injections(article, auditor, glossary, lexicon, pool, clean, seed, listing)
    return pd.DataFrame(outcomes), pd.DataFrame(alarms, columns=["part", "code", "severity"]), pairs


def _injections(article: Article, auditor: Auditor, glossary: Glossary, lexicon: Lexicon, pool: dict[str, list[str]],
                clean, seed: int, listing: bool) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """One replaced and one removed person or place per line that names one the English renders, and one removed
    organisation where the line names one. Each line draws from generators of its own (seed, document, line), so
    that a line's draw stays the same when a change of the rules makes a finding appear or go on another line (such
    a line is not injected)."""
    out = []
    for line, (zh, en) in enumerate(zip(article.zh, article.en)):
        if name_findings(clean, line + 1):
            continue  # reported on the clean text: a hit could not be told apart
        injected = _drawn(article, line, renderings(zh, en, glossary, lexicon), pool, seed, out)
        bodies = [(cls, new) for cls, _kind, at in renderings(zh, en, glossary, lexicon, ("org",))
                  if (new := drop_phrase(en, at)) is not None]
        if bodies:
            injected.append(("removed organisation", *random.Random(f"{seed}:org:{article.name}:{line}").choice(bodies)))
        for injection, cls, new in injected:
            lines = list(article.en)
            lines[line] = new
            result = auditor.run(document(article, lines))
            hits = [f for f in result.findings if f.code == "N001" and f.location.line == line + 1]
            hit = any(f.severity >= Severity.WARNING for f in hits)
            error = any(f.severity == Severity.ERROR for f in hits)
            out.append({"part": article.part, "injection": injection, "class": cls, "hit": hit, "error": error})
            if listing and not hit:
                print(f"[missed {injection} {cls}] {article.part} {article.name}:{line + 1}\n    zh: {zh}\n    en: {new}")
    return out


def _drawn(article: Article, line: int, found: list[tuple[str, str, re.Match[str]]], pool: dict[str, list[str]], seed: int,
           out: list[dict[str, object]]) -> list[tuple[str, str, str]]:
    """(injection, class, new English) of the line's person or place replaced and removed; a line where no name's
    phrase can be left out is counted in `out` as not removable."""
    if not found:
        return []
    en = article.en[line]
    rng = random.Random(f"{seed}:{article.name}:{line}")
    kind_class, kind, match = rng.choice(found)
    names = pool["romanized"] if kind_class in PERSONAL else pool[kind]  # a person for a person of that kind
    other = rng.choice([n for n in names if n not in article.zh[line] and n not in en])
    injected = [("replaced", kind_class, en[: match.start()] + other + en[match.end():])]
    removable = [(cls, new) for cls, _kind, at in found if (new := drop_phrase(en, at)) is not None]
    if removable:
        injected.append(("removed", *rng.choice(removable)))
    else:
        out.append({"part": article.part, "injection": "not removable", "class": kind_class, "hit": False, "error": False})
    return injected


# Closed classes of English (CGEL's prepositions, determiners, coordinators, relatives and personal pronouns; the auxiliaries and
# modals, with the reporting verbs of news, said, says, told; the compass adjectives of place names): the function
# words a translation drops with the name they go with, and the words after a name that show it is no qualifier.
PREPOSITIONS = frozenset("""in at on to from of for by with into onto near across over throughout toward towards between
    around outside inside within against via through under about among along beyond upon without off""".split())
DETERMINERS = frozenset("the a an this that these those his her its their our your my".split())
COMPASS = frozenset("""north northern south southern east eastern west western central northeast northeastern northwest
    northwestern southeast southeastern southwest southwestern""".split())
CONJUNCTIONS = frozenset(("and", "or"))
RELATIVES = frozenset("that which who whose where when as than".split())
PRONOUNS = frozenset("i you he she it we they me him us them".split())
AUXILIARIES = frozenset("""is are was were be been has have had will would can could may might shall should must do does
    did said says told""".split())
_CAPITALISED_NEXT = re.compile(r"(?:[ -][A-Z][A-Za-z.']*)+")
_WORD_BEFORE = re.compile(r"([A-Za-z.']+)\s*$")
_WORD_AFTER = re.compile(r"\s*([A-Za-z.']+)")
_CONJOINED = re.compile(r"\s+(?:and|or)\s+")


def drop_phrase(english: str, match: re.Match[str]) -> str | None:
    """The English without the name at `match` and the phrase it heads, as a translator who leaves a name out
    writes it: the whole name (Mexico City, not Mexico), with its preposition and article ("in the Pacific"),
    its possessive ("Indonesia's islands" → "the islands"), its conjunction ("Nevada and Arizona") or its comma
    ("Birmingham, Britain"); a name or demonym qualifying a noun is left out alone ("the U.S. government",
    "Belgian star"). None for a bare subject or object, which cannot be left out without rewriting the sentence:
    the bench must not leave broken grammar for a rule to find."""
    start, end = match.span()
    more = _CAPITALISED_NEXT.match(english, end)
    if more and not english[end:more.end()].startswith(" -"):
        end = more.end()  # the rest of a name of several words (Mexico City, Sunday Times)
    before, after = english[:start], english[end:]
    if after.startswith(("'s", "’s")):
        following = _WORD_AFTER.match(after, 2)
        bare = following is not None and following.group(1)[:1].isupper() or before.lower().endswith("the ")
        return _tidy(before + ("" if bare else "the ") + after[2:].lstrip())  # 's Prime Minister Theresa May
    if re.match(r"-[a-z]", after):  # U.S.-led, Kremlin-backed: the compound goes with it
        return _tidy(before + re.sub(r"^-[a-z]+\s*", "", after))
    following, previous = _WORD_AFTER.match(after), _WORD_BEFORE.search(before)
    if following is not None and not after.startswith((",", ".", ";", ":")) and _head_noun(following.group(1)) and (
            previous is not None and previous.group(1).lower() in DETERMINERS or _demonym(match.group())):
        return _tidy(before + after.lstrip())  # the U.S. government, in the U.S. market, Belgian star
    words = before.split()
    k = len(words)
    while k and words[k - 1].lower() in COMPASS | {"the"}:
        k -= 1
    conjoined = _CONJOINED.match(after)
    if k and words[k - 1].lower() in PREPOSITIONS:
        if conjoined:  # in Nevada and Arizona: the preposition stays with the other
            return _tidy(before + after[conjoined.end():])
        return _tidy(" ".join(words[: k - 1]) + after)
    if k and words[k - 1].lower() in CONJUNCTIONS:
        return _tidy(" ".join(words[: k - 1]) + after)
    if before.rstrip().endswith(",") and k and words[k - 1][:1].isupper():
        return _tidy(before.rstrip()[:-1] + after)  # Birmingham, Britain
    if conjoined and previous is not None and previous.group(1).lower() in DETERMINERS:
        return _tidy(before + after[conjoined.end():])  # the U.S. and China
    return None


def _head_noun(word: str) -> bool:
    """Whether the word after a name may be the noun it qualifies: a lower-case word that is no function word and
    does not read as the name's verb (the U.S. said, the country has, Britain announced)."""
    return word.islower() and word not in AUXILIARIES | PREPOSITIONS | DETERMINERS | CONJUNCTIONS | RELATIVES | PRONOUNS \
        and not word.endswith("ed")


def _demonym(word: str) -> bool:
    """An adjective or demonym (Belgian, Chinese, Israeli): it qualifies a noun wherever it stands."""
    return word.endswith(("an", "ese", "ish", "ic", "i")) and " " not in word


def _tidy(text: str) -> str:
    """Spaces and capitals after a phrase is cut out: no space before punctuation, one between words, a capital to
    open the sentence."""
    text = re.sub(r"\s{2,}", " ", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text).strip()
    text = re.sub(r",\s*,", ",", text)
    return re.sub(r"^([\"“‘'(]?)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


_NAME_SPAN = re.compile(r"^[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)*$")


def mqm(auditor: Auditor) -> pd.DataFrame:
    """Per MQM-TED segment: whether accuracy-clean, whether a Major mistranslation marks a name, N findings."""
    rows = []
    for segment in mqm_segments():
        name_error = any(e.category == "Accuracy/Mistranslation" and e.severity == "Major" and _NAME_SPAN.match(e.target_span.strip())
                         for e in segment.errors)
        if not (segment.accuracy_clean or name_error):
            continue
        doc = Document("seg", [Block(segment.source, Location("seg", 1))], [Block(segment.target, Location("seg", 1))], prealigned=True)
        findings = [f for f in auditor.run(doc).findings if f.code in NAME_RULES and f.severity >= Severity.WARNING]
        rows.append({"part": segment.part, "clean": segment.accuracy_clean, "name_error": name_error, "flagged": bool(findings)})
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--list", action="store_true", help="print clean-text findings and missed injections")
    parser.add_argument("--no-mqm", action="store_true")
    args = parser.parse_args()
    if not NTREX.exists():
        sys.exit(f"bench: {NTREX} not found (NTREX-128 lives in ../shared/data/ntrex128)")
    glossary = load_glossary()
    auditor = Auditor(glossary, select_rules(["N001", "N002"]))
    started = time.perf_counter()
    outcomes, alarms, pairs = ntrex(auditor, glossary, args.seed, args.list)
    print("NTREX-128: recall on injected name errors (warning or error on the line; 'error' = reported as an error)")
    table = outcomes.groupby(["injection", "class", "part"])[["hit", "error"]].agg(["mean", "count"])
    print(table.round(3).to_string())
    print(outcomes.groupby(["injection", "part"])["hit"].mean().round(3).to_string())
    print("\nName-rule findings on clean NTREX-128 per 100 pairs")
    for part in ("dev", "held-out"):
        subset = alarms[alarms.part == part]
        for label in ("info", "warning", "error"):
            print(f"  {part} {label}: {len(subset[subset.severity == label]) * 100 / pairs[part]:.2f}")
    frame = romanization(load_lexicon(), glossary, random.Random(args.seed))
    print("\nRomanization of CC-CEDICT and glossary people written surname first: rendered by their own English; "
          "taken for another person of the same surname")
    print(frame.groupby(["class", "part"]).agg(rendered=("rendered", "mean"), confused=("confused", "mean"),
                                                 people=("rendered", "count")).round(3).to_string())
    if not args.no_mqm and MQM.exists():
        frame = mqm(auditor)
        for part in ("dev", "held-out"):
            clean = frame[(frame.part == part) & frame.clean]
            names = frame[(frame.part == part) & frame.name_error]
            print(f"MQM-TED {part}: {clean.flagged.mean() * 100:.2f} flagged per 100 accuracy-clean segments ({len(clean)}); "
                  f"recall on Major name mistranslations {names.flagged.mean():.3f} ({len(names)})")
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
