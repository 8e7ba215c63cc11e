"""Deleted English sentences found by the whole audit on UNALIGNED articles (NTREX-128, zh-TW → en).

    python bench/inject_sentences.py            # dev and held-out parts
    python bench/inject_sentences.py --quick    # dev part only

Each NTREX document is an article of paragraphs (one corpus line a paragraph on each side), audited as a
Chinese/English pair of files is: segmented, aligned by `audit.align`, checked by the O rules. Nothing tells the
aligner which line translates which. Two injections, seeded, one at a time, into copies of the English:
- `anywhere`: one English paragraph deleted, chosen at random;
- `next to a long one` (the 2-1 trap): the English paragraph deleted beside the document's longest English
  paragraph, whose bead can most cheaply absorb the orphaned Chinese.
A hit is an O001 finding located in the deleted paragraph's Chinese (and how many of them are errors). Also
reported: O001/O002 findings per 100 Chinese paragraphs on the clean articles (false alarms) and elsewhere in the
injected ones, all and at error.
Every fifth document is held out (`bench/corpora.py`).
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audit.checks.registry import select_rules  # noqa: E402
from audit.lexicon.glossary import load_glossary  # noqa: E402
from audit.model import Block, Document, Finding, Location, Severity  # noqa: E402
from audit.pipeline import Auditor  # noqa: E402
from bench.corpora import DEV, HELD_OUT, NTREX, Article, ntrex_articles  # noqa: E402


def article_document(article: Article, en: Sequence[str]) -> Document:
    """The article as a pair of files of paragraphs: not prealigned."""
    return Document(
        article.name,
        [Block(text, Location(f"{article.name}.zh", i + 1)) for i, text in enumerate(article.zh)],
        [Block(text, Location(f"{article.name}.en", i + 1)) for i, text in enumerate(en)],
    )


def beside_longest(article: Article) -> int:
    """The paragraph to delete for the 2-1 trap: a neighbour of the longest English paragraph."""
    longest = max(range(len(article.en)), key=lambda k: len(article.en[k]))
    return longest + 1 if longest + 1 < len(article.en) else longest - 1


@dataclass
class Tally:
    injected: int = 0
    found: int = 0
    found_errors: int = 0  # hits at error
    false: int = 0  # O001/O002 findings not at the deleted paragraph
    false_errors: int = 0
    paragraphs: int = 0

    def add_false(self, findings: Sequence[Finding]) -> None:
        self.false += len(findings)
        self.false_errors += sum(f.severity == Severity.ERROR for f in findings)

    def line(self, name: str) -> str:
        recall = f"{self.found / self.injected:.3f} ({self.found}/{self.injected})" if self.injected else "–"
        at_error = f"{self.found_errors / self.injected:.3f}" if self.injected else "–"
        per_100 = 100 / max(1, self.paragraphs)
        return f"| {name} | {recall} | {at_error} | {per_100 * self.false:.2f} | {per_100 * self.false_errors:.2f} |"


def _o_findings(auditor: Auditor, doc: Document, misses: list[str] | None = None, line: int = 0) -> list[Finding]:
    """The O001/O002 findings of the document; with `misses`, the beads around Chinese line `line` when no O001
    stands there (what the aligner made of the orphaned Chinese)."""
    result = auditor.run(doc)
    findings = [f for f in result.findings if f.code in ("O001", "O002")]
    if misses is not None and not any(f.code == "O001" and f.source_loc and f.source_loc.line == line for f in findings):
        misses.append(f"{doc.name}: line {line}")
        for pair in result.aligned.pairs:
            if any(abs(s.loc.line - line) <= 1 for s in pair.source):
                misses.append(f"  {pair.score:.2f} {[s.loc.line for s in pair.source]}-{[t.loc.line for t in pair.target]} "
                              f"{pair.source_text[:60]} | {pair.target_text[:90]}")
    return findings


def run(articles: Sequence[Article], auditor: Auditor, seed: int, misses: list[str] | None = None) -> dict[str, Tally]:
    rng = random.Random(seed)
    tallies = {"clean": Tally(), "anywhere": Tally(), "next to a long one": Tally()}
    for article in articles:
        if len(article.en) < 3:
            continue
        clean = _o_findings(auditor, article_document(article, article.en))
        tallies["clean"].add_false(clean)
        tallies["clean"].paragraphs += len(article.zh)
        for kind, line in (("anywhere", rng.randrange(len(article.en))), ("next to a long one", beside_longest(article))):
            en = article.en[:line] + article.en[line + 1:]
            findings = _o_findings(auditor, article_document(article, en), misses, line + 1)
            hit = [f for f in findings if f.code == "O001" and f.source_loc is not None and f.source_loc.line == line + 1]
            tally = tallies[kind]
            tally.injected += 1
            tally.found += bool(hit)
            tally.found_errors += any(f.severity == Severity.ERROR for f in hit)
            tally.add_false([f for f in findings if not any(f is h for h in hit)])
            tally.paragraphs += len(article.zh)
    return tallies


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=NTREX, help="NTREX-128 folder (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=20190801)
    parser.add_argument("--quick", action="store_true", help="dev part only")
    parser.add_argument("--misses", action="store_true", help="print the deleted paragraphs not found and their beads")
    args = parser.parse_args(argv)
    if not (args.data / "DOCUMENT_IDS.tsv").exists():
        print(f"NTREX-128 not found at {args.data}: pass --data", file=sys.stderr)
        return 2
    auditor = Auditor(load_glossary(), select_rules(select=["O001", "O002"]))
    articles = ntrex_articles(args.data)
    print("| injection | part | recall (O001 at the deleted paragraph) | at error | other O001/O002 per 100 paragraphs | "
          "at error |\n|---|---|---|---|---|---|")
    misses: list[str] | None = [] if args.misses else None
    for part in (DEV,) if args.quick else (DEV, HELD_OUT):
        for name, tally in run([a for a in articles if a.part == part], auditor, args.seed, misses).items():
            print(tally.line(f"{name} | {part}"))
    if misses:
        print("\n" + "\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
