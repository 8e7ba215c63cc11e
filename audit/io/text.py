"""Plain-text articles: one bilingual file (Chinese paragraphs, then English ones) or a pair of files.

Paragraphs are separated by blank lines. Each paragraph is assigned to a language by its script: Han
characters make it Chinese, Latin letters English; a paragraph of digits or punctuation only (a
dateline such as `2025-12-11`) belongs to the language of the paragraph before it.
"""

from __future__ import annotations

import heapq
import mmap
import re
from array import array
from bisect import bisect_right
from pathlib import Path
from typing import Iterator

from audit.errors import InputError
from audit.io.decode import decode, read_bytes
from audit.lazy import LazySequence
from audit.model import Block, Document, Location
from audit.normalize import is_blank
from audit.text import HAN_RUN

_LATIN = re.compile(r"[A-Za-z]")


def script_of(text: str) -> str | None:
    """'zh', 'en', or None when the text has no letters of either script."""
    han = 0 if text.isascii() else sum(map(len, HAN_RUN.findall(text)))
    if han * 5 >= len(text) > 0:
        return "zh"  # more Han than there is room for letters to outweigh (the usual Chinese paragraph)
    if han == 0:  # English, or no letters at all: one letter tells, no need to count them
        return "en" if _LATIN.search(text) else None
    # A Chinese sentence may quote a Latin name, an English one may keep a stray Chinese word:
    # one Han character weighs about as much as one English word (~5 letters).
    return "zh" if han * 5 >= len(_LATIN.findall(text)) else "en"


# Lines are split this many characters at a time (each stretch ends at a line end): splitlines' speed without a
# list of every line of a long article at once.
LINES_AT_ONCE = 1 << 20


def paragraph_stream(text: str, path: str) -> Iterator[tuple[bool, Block]]:
    """The text's paragraphs in file order, each as (blank-looking, Block): a blank-looking paragraph (such as a
    lone NBSP) is one line that shows nothing. Lines are split a stretch at a time, never all listed at once (a
    48 MB article's lines as a list were 70 MB more, on top of its text)."""
    current: list[str] = []
    start = 0
    for number, line in enumerate(_lines(text), start=1):
        if line.strip(" \t\r\n") == "":
            if current:
                yield False, Block("\n".join(current), Location(path, start))
                current = []
            continue
        if is_blank(line):  # not empty, yet shows nothing: a paragraph an editor cannot see
            if current:
                yield False, Block("\n".join(current), Location(path, start))
                current = []
            yield True, Block(line, Location(path, number))
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        yield False, Block("\n".join(current), Location(path, start))


def _lines(text: str) -> Iterator[str]:
    """text.splitlines(), a stretch of about `LINES_AT_ONCE` characters at a time. A stretch ends after a "\\n"
    (the end of a "\\r\\n" too): no line end is cut in two, and splitlines drops no empty line at a cut."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + LINES_AT_ONCE)
        end = len(text) if cut < 0 else cut + 1
        yield from text[start:end].splitlines()
        start = end


def paragraphs(text: str, path: str) -> tuple[list[Block], list[Block]]:
    """Split text into paragraphs; return (paragraphs, blank-looking paragraphs such as a lone NBSP)."""
    blocks: list[Block] = []
    blanks: list[Block] = []
    for blank, block in paragraph_stream(text, path):
        (blanks if blank else blocks).append(block)
    return blocks, blanks


def read_bilingual(path: Path, encoding: str | None = None) -> Document:
    """One file holding the Chinese article and its English translation, its paragraphs held compactly
    (`Paragraphs`): a very long article is read without a record per paragraph."""
    sides = _Sides(Paragraphs(str(path)), Paragraphs(str(path)))
    for blank, block in paragraph_stream(read_text(path, encoding), str(path)):
        sides.add(block, blank)
    return sides.document(path)


def bilingual_document(path: Path, blocks: list[Block], blanks: list[Block]) -> Document:
    """Assign the paragraphs of one bilingual file to Chinese or English by script (shared with Markdown)."""
    sides = _Sides([], [])
    # In file order; a blank-looking paragraph before a paragraph of the same line (it belongs to what precedes it).
    for blank, block in heapq.merge(((False, b) for b in blocks), ((True, b) for b in blanks),
                                    key=lambda item: (item[1].loc.line, not item[0])):
        sides.add(block, blank)
    return sides.document(path)


class _Sides:
    """Paragraphs, taken in file order, assigned to Chinese or English by their script (`script_of`). A paragraph
    of no script belongs to the side of the lettered paragraph before it, or, before any, to that of the first
    lettered one; a blank-looking paragraph belongs to the side whose text precedes it (Chinese at the start).
    One pass, whatever the number of blank paragraphs."""

    def __init__(self, source: list[Block] | Paragraphs, target: list[Block] | Paragraphs) -> None:
        self.source, self.target = source, target
        self.blank_source: list[Block] = []
        self.blank_target: list[Block] = []
        self.side: str | None = None  # of the last lettered paragraph
        self.pending: list[tuple[Block, bool]] = []  # paragraphs (and blanks after them) before the first lettered one
        self.started = False  # a paragraph was read: a blank then follows text, not the start of the file

    def add(self, block: Block, blank: bool) -> None:
        if blank and not self.started:
            self.blank_source.append(block)
            return
        self.started = True
        script = None if blank else script_of(block.text)
        if script is not None:
            self.side = script
            for held, held_blank in self.pending:  # their side is now known: this paragraph's
                self._place(held, held_blank)
            self.pending = []
        if self.side is None:
            self.pending.append((block, blank))
        else:
            self._place(block, blank)

    def _place(self, block: Block, blank: bool) -> None:
        chinese = self.side == "zh"
        if blank:
            (self.blank_source if chinese else self.blank_target).append(block)
        else:
            (self.source if chinese else self.target).append(block)

    def document(self, path: Path) -> Document:
        if not self.source and not self.target:
            raise InputError(f"{path}: no text")
        if not self.source:
            raise InputError(f"{path}: only English text found; expected Chinese paragraphs followed by English ones")
        if not self.target:
            raise InputError(f"{path}: only Chinese text found; expected Chinese paragraphs followed by English ones")
        return Document(str(path), self.source, self.target, blank_target=self.blank_target, blank_source=self.blank_source)


class Paragraphs(LazySequence[Block]):
    """One side's paragraphs as read, held compactly: their text, UTF-8, in buffers of about `CHUNK_BYTES`, and
    where each ends and starts in the file, in arrays; a paragraph is made a Block when it is read. A 48 MB
    article's 395,000 paragraphs held as Blocks took 126 MB (a str, a Block and a Location each); held here,
    61 MB. A reader that goes through them once may `release` those it is done with (audit.sections does)."""

    # Bytes of text a buffer holds before the next one is started: what `release` can let go at once.
    CHUNK_BYTES = 1 << 20

    def __init__(self, path: str) -> None:
        self.path = path
        # The buffer being filled, then each full one sealed (`_seal`); None: released
        self._chunks: list[bytearray | mmap.mmap | None] = [bytearray()]
        self._firsts = array("q", [0])  # the number of each chunk's first paragraph
        self._ends = array("q")  # where each paragraph's text ends in its chunk (and the next one's starts)
        self._lines = array("I")
        self._columns = array("I")

    def append(self, block: Block) -> None:
        if block.loc.path != self.path:
            raise ValueError(f"a paragraph of {block.loc.path} among those of {self.path}")
        chunk = self._chunks[-1]
        if not isinstance(chunk, bytearray) or len(chunk) >= self.CHUNK_BYTES:
            if isinstance(chunk, bytearray):
                self._chunks[-1] = _seal(chunk)
            chunk = bytearray()
            self._chunks.append(chunk)
            self._firsts.append(len(self._ends))
        chunk += block.text.encode("utf-8", "surrogatepass")
        self._ends.append(len(chunk))
        self._lines.append(block.loc.line)
        self._columns.append(block.loc.column)

    def release(self, before: int) -> None:
        """Let go of the text of the paragraphs before number `before` (whole buffers only); reading one of them
        afterwards is an error."""
        for k in range(bisect_right(self._firsts, before) - 1):
            self._chunks[k] = None

    def __len__(self) -> int:
        return len(self._ends)

    def _item(self, number: int) -> Block:
        k = bisect_right(self._firsts, number) - 1
        chunk = self._chunks[k]
        if chunk is None:
            raise LookupError(f"{self.path}: paragraph {number} was released")
        start = self._ends[number - 1] if number > self._firsts[k] else 0
        with memoryview(chunk) as view:  # decoded in place: no copy of the bytes first
            text = str(view[start:self._ends[number]], "utf-8", "surrogatepass")
        return Block(text, Location(self.path, self._lines[number], self._columns[number]))


def _seal(chunk: bytearray) -> mmap.mmap:
    """A full buffer moved into memory of its own, mapped from the system rather than taken from the allocator's
    heap: released, it goes back to the system at once. A megabyte from the heap, let go while the audit's small
    objects live above it, stays with the process (the allocator reuses it, but for the results gathered as the
    sections pass, which it places elsewhere, hardly): the 48 MB article's released paragraphs stayed resident."""
    sealed = mmap.mmap(-1, len(chunk))  # anonymous; never empty (a chunk is full when sealed)
    sealed.write(chunk)
    return sealed


def read_pair(source_path: Path, target_path: Path, encoding: str | None = None) -> Document:
    """A Chinese file and its English translation."""
    source, blank_source = paragraphs(read_text(source_path, encoding), str(source_path))
    target, blank_target = paragraphs(read_text(target_path, encoding), str(target_path))
    return pair_document(source_path, target_path, (source, blank_source), (target, blank_target))


def pair_document(
    source_path: Path, target_path: Path, source: tuple[list[Block], list[Block]], target: tuple[list[Block], list[Block]]
) -> Document:
    """A document from the (paragraphs, blank paragraphs) of a Chinese file and of its English translation."""
    if script_of(" ".join(b.text for b in source[0])) != "zh":
        raise InputError(f"{source_path}: expected Chinese text in the source file")
    if script_of(" ".join(b.text for b in target[0])) != "en":
        raise InputError(f"{target_path}: expected English text in the target file")
    return Document(str(target_path), source[0], target[0], blank_target=target[1], blank_source=source[1])


def read_text(path: Path, encoding: str | None = None) -> str:
    """The file's text, refusing empty files and files that are not really text."""
    text = decode(read_bytes(path), path, encoding)
    if is_blank(text):
        raise InputError(f"{path}: empty file")
    if "\ufffd" in text or re.search(r"[\x00-\x08\x0e-\x1f]", text):
        raise InputError(f"{path}: contains control characters or replacement characters; is it really a text file?")
    return text
