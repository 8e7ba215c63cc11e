"""Seed a glossary from approved translations: Chinese names and the English that renders them.

Each aligned pair is searched for personal names (jieba's `nr` tag) that no glossary knows; the English
phrase (one to three capitalized words) that sounds most like the name is taken when it is close enough.
The result is a candidate list for a person to review, never a glossary applied unseen.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from audit.lexicon.glossary import load_glossary
from audit.lexicon.transliterate import similarity
from audit.model import Document

# A candidate for review, so precision first: on CC-CEDICT's 711 transliterated people (bench/thresholds.py), 0.7
# accepts 0.68 of their own English and 0.011 of another person's; 0.6 would accept 0.83 but 0.042 of another's.
MIN_SIMILARITY = 0.7


@dataclass
class Candidate:
    chinese: str
    english: str
    count: int
    similarity: float
    example: str


def _phrases(english: str) -> list[str]:
    words = re.findall(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?", english)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def extract_candidates(documents: list[Document], *, min_count: int = 1) -> list[Candidate]:
    from audit.pipeline import Auditor
    from audit.segment import person_names

    glossary = load_glossary()
    auditor = Auditor(glossary, rules=[])
    seen: Counter[tuple[str, str]] = Counter()
    best: dict[tuple[str, str], float] = {}
    example: dict[tuple[str, str], str] = defaultdict(str)
    for document in documents:
        for pair in auditor.run(document).aligned.pairs:
            if not pair.source or not pair.target:
                continue
            for start, end in person_names(pair.source_norm, glossary.words()):
                name = pair.source_text[start:end] if len(pair.source_text) == len(pair.source_norm) else pair.source_norm[start:end]
                if glossary.lookup(name) is not None:
                    continue
                scored = [(similarity(name, phrase), phrase) for phrase in _phrases(pair.target_norm)]
                score, phrase = max(scored, default=(0.0, ""))
                if score >= MIN_SIMILARITY:
                    key = (name, phrase)
                    seen[key] += 1
                    best[key] = max(best.get(key, 0.0), score)
                    example[key] = example[key] or str(pair.source_loc)
    return [
        Candidate(zh, en, count, round(best[(zh, en)], 2), example[(zh, en)])
        for (zh, en), count in seen.most_common()
        if count >= min_count
    ]


def render_candidates(candidates: list[Candidate]) -> str:
    """Glossary CSV (the format `--glossary` reads), with evidence in the note column."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["chinese", "english", "type", "note"])
    for c in candidates:
        writer.writerow([c.chinese, c.english, "person", f"candidate: seen {c.count}x, sound similarity {c.similarity}, e.g. {c.example}"])
    return buffer.getvalue()
