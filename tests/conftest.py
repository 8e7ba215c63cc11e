from __future__ import annotations

import signal
from pathlib import Path

import pytest

from audit.align_gold import load_ntrex as ntrex_documents  # noqa: F401  (tests read an NTREX folder with the gold aligner's reader)
from audit.lexicon.glossary import Glossary, load_glossary
from audit.model import AlignedDocument, AlignedPair, Block, Document, Location, Segment
from audit.normalize import normalize_en, normalize_zh

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "seed-article.txt"
NTREX = ROOT.parent / "shared" / "data" / "ntrex128"

# The signal tests press Ctrl-C as a terminal does. A process started in the background by a shell without job
# control inherits SIGINT ignored, and so would every command the tests start (Python then installs no
# KeyboardInterrupt handler); the tests give themselves, and so their children, the interactive default.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    return load_glossary()


def make_pair(zh: str, en: str, line: int = 1) -> AlignedPair:
    """A 1-1 (or 1-0 / 0-1 when a side is empty) bead built from real sentences."""
    source = [Segment(0, "zh", zh, normalize_zh(zh), Location("a.txt", line), 0)] if zh else []
    target = [Segment(0, "en", en, normalize_en(en), Location("a.txt", line + 10), 0)] if en else []
    return AlignedPair(source, target)


def make_doc(pairs: list[AlignedPair]) -> AlignedDocument:
    source = [s for p in pairs for s in p.source]
    target = [t for p in pairs for t in p.target]
    for number, segment in enumerate(source):
        segment.index = number
    for number, segment in enumerate(target):
        segment.index = number
    document = Document("a.txt", [Block(s.text, s.loc) for s in source], [Block(t.text, t.loc) for t in target])
    return AlignedDocument(document, source, target, pairs)
