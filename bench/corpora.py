"""The real parallel text the benches measure on, read one way for all of them.

- NTREX-128 (`../shared/data/ntrex128/`): 123 news documents, English originals with professional
  Traditional and Simplified Chinese translations, aligned line by line (CC BY-SA 4.0).
- MQM-TED (`../shared/data/mqm-ted-zhen/`): WMT21 TED talks, Chinese → English by 13 MT systems and two
  human translations, every segment rated by a professional translator with MQM error spans (Apache 2.0).

Both are split the same way: every fifth document (index 4, 9, … in corpus order) is held out while
developing, and benches report the two parts separately.
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
NTREX = SHARED / "ntrex128"
MQM = SHARED / "mqm-ted-zhen" / "mqm_ted_zhen.tsv"

DEV, HELD_OUT = "dev", "held-out"


def part_of(index: int) -> str:
    """Every fifth document (index 4, 9, …) is held out while developing."""
    return HELD_OUT if index % 5 == 4 else DEV


def injection_sites(lines: list[str], rng: random.Random, most: int, inject: Callable[[int], str | None],
                    usable: Callable[[int], bool] = lambda line: True) -> Iterator[tuple[int, str]]:
    """Up to `most` (line, new text) pairs at seeded random lines of `lines` where `inject(line)` changed the
    text and the line is `usable`: the one sampling loop of the injection benches, so their seeds stay comparable."""
    order = list(range(len(lines)))
    rng.shuffle(order)
    done = 0
    for line in order:
        if done >= most:
            return
        new = inject(line)
        if new is None or new == lines[line] or not usable(line):
            continue
        yield line, new
        done += 1


@dataclass
class Article:
    """One NTREX-128 document: its lines in Chinese and English (line k translates line k)."""

    name: str
    zh: list[str]
    en: list[str]
    part: str
    first: int = 0  # corpus line number of the article's first line, 1-based


def ntrex_articles(data: Path = NTREX, variant: str = "TW") -> list[Article]:
    """The documents of NTREX-128 in corpus order; `variant` TW (Traditional) or CN (Simplified)."""
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    zh = (data / f"newstest2019-ref.zho-{variant}.txt").read_text(encoding="utf-8").splitlines()
    en = (data / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    order: list[str] = []
    lines: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(ids):
        if doc not in lines:
            order.append(doc)
        lines[doc].append(i)
    return [
        Article(doc, [zh[i] for i in lines[doc]], [en[i] for i in lines[doc]], part_of(n), lines[doc][0] + 1)
        for n, doc in enumerate(order)
    ]


@dataclass
class MqmError:
    category: str  # e.g. Accuracy/Omission
    severity: str  # Major, Minor, Neutral
    target_span: str  # the text marked <v>…</v> in the target, "" when none
    source_span: str  # the same in the source (some omissions mark the source)


@dataclass
class MqmSegment:
    """One rated translation of one source segment by one system."""

    system: str
    doc: str
    seg_id: int
    source: str  # without the <v> marks
    target: str
    part: str
    errors: list[MqmError] = field(default_factory=list)

    def has(self, prefix: str, severity: str | None = None) -> bool:
        """Whether a rater marked an error whose category starts with `prefix` (and of that severity)."""
        return any(e.category.startswith(prefix) and (severity is None or e.severity == severity) for e in self.errors)

    @property
    def accuracy_clean(self) -> bool:
        """No accuracy error of any severity marked (the set for measuring false alarms)."""
        return not self.has("Accuracy") and not self.has("Source error")


def _unmark(text: str) -> tuple[str, str]:
    """The text without its <v>…</v> marks, and the marked span."""
    start, end = text.find("<v>"), text.find("</v>")
    span = text[start + 3:end] if 0 <= start < end else ""
    return text.replace("<v>", "").replace("</v>", ""), span


def mqm_segments(path: Path = MQM) -> list[MqmSegment]:
    """Every rated segment, its errors gathered; documents (talks) split dev / held-out in corpus order."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    docs = list(dict.fromkeys(row[1] for row in rows))
    segments: dict[tuple[str, str, str], MqmSegment] = {}
    for system, doc, _doc_id, seg_id, _rater, source, target, category, severity in rows:
        key = (system, doc, seg_id)
        plain_source, source_span = _unmark(source)
        plain_target, target_span = _unmark(target)
        segment = segments.get(key)
        if segment is None:
            segment = segments[key] = MqmSegment(system, doc, int(seg_id), plain_source, plain_target,
                                                 part_of(docs.index(doc)))
        if category != "No-error":
            segment.errors.append(MqmError(category, severity, target_span, source_span))
    return list(segments.values())


def mqm_talks(segments: list[MqmSegment] | None = None) -> dict[tuple[str, str], list[MqmSegment]]:
    """The segments of each (system, talk), in segment order: one translated document each."""
    talks: dict[tuple[str, str], list[MqmSegment]] = defaultdict(list)
    for segment in mqm_segments() if segments is None else segments:
        talks[(segment.system, segment.doc)].append(segment)
    for talk in talks.values():
        talk.sort(key=lambda s: s.seg_id)
    return dict(talks)
