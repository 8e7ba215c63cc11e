"""Pinyin left in an English sentence in place of a translation: "the tanpan" for 谈判 (negotiations).

The question a check asks: which words of this English sentence are the toneless pinyin of a word of its
Chinese source? The answer comes from CC-CEDICT (data/cedict-pinyin.tsv.gz, built by
`python -m audit.lexicon.build_pinyin`): only common words that have an English translation, and never a
pinyin that is an English word or a loanword CC-CEDICT gives as a gloss (feng shui). A capitalised
romanization is taken for a name (a person called Jianguo, Heping Road) and passed over, names being the name
rules' business, except as the first word of a sentence followed by a lower-case one ("Tanpan failed.") when
it romanizes no proper noun of CC-CEDICT (背景 beijing is also 北京 Beijing).
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from audit.lexicon import bundled
from audit.remembered import SENTENCES, WORDS

FORMAT = "audit-cedict-pinyin/1"  # bumped whenever the file layout changes
DATA_FILE = "data/cedict-pinyin.tsv.gz"
# Keys shorter than this are left out when the file is built: two-syllable pinyin of three letters or fewer
# (ai'e, e'yu…) is too often an English abbreviation or a fragment of a name.
MIN_LETTERS = 4
# Pinyin written with spaces or hyphens between its syllables ("guan xi", "tan-pan"): words of at most this
# many syllables are looked for (CC-CEDICT's common words of four characters, chengyu, are the longest kept).
MOST_SYLLABLES = 4
CACHE_LAYOUT = 3  # bumped whenever what the user cache stores changes (3: a key set, the lines, the heads)
# A key's first letters up to this many are kept as a set (`PinyinTable.heads`), for a cheap rejection: an English
# word whose first four letters begin no key starts no pinyin run (on NTREX-128, 72 % of the words; 9,226 heads
# against 154,514 prefixes of any length, a 53 KB cache entry against 1.5 MB, for little more rejected).
HEAD_LETTERS = 4
NAME_TOO = "*"  # in the data file, before the words of a pinyin that also romanizes a proper noun

_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")  # letters, tone-marked vowels included (guānxì)


@dataclass(frozen=True)
class PinyinLeft:
    """A run of the English sentence that is the pinyin of a word of the Chinese one."""

    english: str  # as written: "tanpan", "guān xì"
    chinese: str  # the Simplified word it romanizes
    start: int
    end: int


@dataclass(frozen=True)
class PinyinTable:
    """The toneless pinyin of CC-CEDICT's common words, and the words each one romanizes."""

    keys: frozenset[str]
    lines: str  # the data file's lines `pinyin<TAB>words`, after a line break each; read only on a hit
    heads: frozenset[str]  # every key's first 1 … HEAD_LETTERS letters

    def words(self, key: str) -> str:
        """The Simplified words `key` romanizes, space-separated (NAME_TOO first when a proper noun's too)."""
        if key not in self.keys:
            return ""
        at = self.lines.find(f"\n{key}\t") + len(key) + 2
        return self.lines[at:self.lines.find("\n", at)]


@lru_cache(maxsize=1)
def pinyin_table() -> PinyinTable:
    """Parsed once, then read from the user cache: a set of the keys loads in a third of a dict's time (and an
    English sentence's words are nearly all misses), so the words are looked up in the text only on a hit."""
    from audit.lexicon.cache import cached

    data_file = bundled(DATA_FILE)
    return PinyinTable(*cached(f"cedict-pinyin-{FORMAT.replace('/', '-')}-{CACHE_LAYOUT}", [data_file], lambda: _parse(data_file)))


def _parse(data_file: Path) -> tuple[frozenset[str], str, frozenset[str]]:
    lines = gzip.decompress(data_file.read_bytes()).decode("utf-8").splitlines()
    if not lines or not lines[0].startswith(FORMAT + "\t"):
        raise RuntimeError(f"{DATA_FILE} is not {FORMAT}: run python -m audit.lexicon.build_pinyin")
    rows = [line for line in lines[1:] if not line.startswith("#")]
    keys = frozenset(row.partition("\t")[0] for row in rows)
    heads = frozenset(key[:n] for key in keys for n in range(1, HEAD_LETTERS + 1))
    return keys, "\n" + "\n".join(rows) + "\n", heads


@lru_cache(maxsize=WORDS)  # an English text repeats its words: each is folded once
def fold_pinyin(word: str) -> str:
    """`Guānxì` → `guanxi`: tone marks dropped, ü (or v, as keyboards write it: lvse) read as u, as the keys are."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("v", "u"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=SENTENCES)  # per pair of texts: an article's sentences recur (a revision audited again, copies)
def pinyin_left(chinese: str, english: str) -> tuple[PinyinLeft, ...]:
    """Runs of `english` (one word, or syllables apart) that romanize a word found in `chinese` (Simplified)."""
    texts = _LATIN_WORD.findall(english)
    if not texts:
        return ()
    table = pinyin_table()
    folded = _folded(texts)
    heads, keys = table.heads, table.keys
    found: list[PinyinLeft] = []
    words: list[re.Match[str]] | None = None  # the words' positions: wanted only for a run that is a key (rare)
    after = 0  # the first word after the last run found: runs do not overlap
    for i, word in enumerate(folded):
        # The cheap rejection first: most English words begin no key (72 % on NTREX-128).
        if i < after or word[:HEAD_LETTERS] not in heads:
            continue
        counts = _key_runs(folded, i, heads, keys)
        if not counts:
            continue  # nearly every word that begins a key: no run from it is one
        if words is None:
            words = list(_LATIN_WORD.finditer(english))
        hit = _longest_at(words, folded, i, counts, chinese, english)
        if hit is not None:
            found.append(hit[0])
            after = i + hit[1]
    return tuple(found)


def _folded(texts: list[str]) -> list[str]:
    """Each word folded as `fold_pinyin` does; words of ASCII letters (nearly every sentence's) all at once, their
    folding being lower case and v read as u."""
    joined = "\0".join(texts)
    if joined.isascii():
        return joined.lower().replace("v", "u").split("\0")
    return [fold_pinyin(text) for text in texts]


def _key_runs(folded: list[str], i: int, heads: frozenset[str], keys: frozenset[str]) -> list[int]:
    """How many words from `i` join into a key, for each run that does, shortest first. A run goes on only while
    its first letters begin a key (a word that begins none is not joined to the words after it)."""
    run = folded[i]
    counts = [1] if run in keys else []
    for count in range(2, min(MOST_SYLLABLES, len(folded) - i) + 1):
        run += folded[i + count - 1]
        if run[:HEAD_LETTERS] not in heads:
            break
        if run in keys:
            counts.append(count)
    return counts


def _longest_at(words: list[re.Match[str]], folded: list[str], i: int, counts: list[int], chinese: str,
                english: str) -> tuple[PinyinLeft, int] | None:
    """The longest run of words from `i` that is a key (`counts` words long) and romanizes a word of `chinese`,
    and how many words it takes."""
    for count in reversed(counts):
        run = words[i:i + count]
        if count > 1 and any(english[a.end():b.start()] not in (" ", "-") for a, b in zip(run, run[1:])):
            continue  # syllables are written apart by one space or hyphen, not across punctuation
        capital = _capitalised(words, i, count, english)
        if capital is None:
            continue
        entry = _words("".join(folded[i:i + count]))
        if capital and entry.startswith(NAME_TOO):
            continue
        for word in entry.lstrip(NAME_TOO).split():
            if word in chinese:
                start, end = run[0].start(), run[-1].end()
                return PinyinLeft(english[start:end], word, start, end), count
    return None


@lru_cache(maxsize=1 << 12)  # a hit reads the table's text from the start; the same few keys hit again and again
def _words(key: str) -> str:
    return pinyin_table().words(key)


def _capitalised(words: list[re.Match[str]], i: int, count: int, english: str) -> bool | None:
    """False for a run in lower case; True for one capitalised only as a sentence's first word, followed by a
    lower-case word; None for any other capital (a name's)."""
    texts = [m.group() for m in words[i:i + count]]
    if all(text.islower() for text in texts):
        return False
    first_of_sentence = english[:words[i].start()].strip() in ("", '"', "“", "'", "‘")
    followed = i + count < len(words) and words[i + count].group().islower()
    if first_of_sentence and followed and texts[0][:1].isupper() and all(t.islower() for t in [texts[0][1:], *texts[1:]]):
        return True
    return None
