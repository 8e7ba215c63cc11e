"""Plain-text articles: one bilingual file (Chinese paragraphs, then English ones) or a pair of files.

Paragraphs are separated by blank lines. Each paragraph is assigned to a language by its script: Han
characters make it Chinese, Latin letters English; a paragraph of digits or punctuation only (a
dateline such as `2025-12-11`) belongs to the language of the paragraph before it.
"""

from __future__ import annotations

import re
from pathlib import Path

from audit.errors import InputError
from audit.io.decode import decode, read_bytes
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


def paragraphs(text: str, path: str) -> tuple[list[Block], list[Block]]:
    """Split text into paragraphs; return (paragraphs, blank-looking paragraphs such as a lone NBSP)."""
    blocks: list[Block] = []
    blanks: list[Block] = []
    lines = text.splitlines()
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines + [""], start=1):
        if line.strip(" \t\r\n") == "":
            if current:
                blocks.append(Block("\n".join(current), Location(path, start)))
                current = []
            continue
        if is_blank(line):  # not empty, yet shows nothing: a paragraph an editor cannot see
            if current:
                blocks.append(Block("\n".join(current), Location(path, start)))
                current = []
            blanks.append(Block(line, Location(path, number)))
            continue
        if not current:
            start = number
        current.append(line)
    return blocks, blanks


def read_bilingual(path: Path, encoding: str | None = None) -> Document:
    """One file holding the Chinese article and its English translation."""
    blocks, blanks = paragraphs(read_text(path, encoding), str(path))
    return bilingual_document(path, blocks, blanks)


def bilingual_document(path: Path, blocks: list[Block], blanks: list[Block]) -> Document:
    """Assign the paragraphs of one bilingual file to Chinese or English by script (shared with Markdown)."""
    source: list[Block] = []
    target: list[Block] = []
    blank_source: list[Block] = []
    blank_target: list[Block] = []
    side: str | None = None
    pending: list[Block] = []  # script-neutral paragraphs before the first lettered one
    for block in blocks:
        script = script_of(block.text)
        if script is None:
            if side is None:
                pending.append(block)
            else:
                (source if side == "zh" else target).append(block)
            continue
        side = script
        (source if side == "zh" else target).extend(pending)
        pending = []
        (source if side == "zh" else target).append(block)
    for blank in blanks:
        # A blank paragraph belongs to the side whose text surrounds it.
        before = [b for b in source + target if b.loc.line < blank.loc.line]
        last = max(before, key=lambda b: b.loc.line, default=None)
        (blank_target if last is not None and last in target else blank_source).append(blank)
    if not source and not target:
        raise InputError(f"{path}: no text")
    if not source:
        raise InputError(f"{path}: only English text found; expected Chinese paragraphs followed by English ones")
    if not target:
        raise InputError(f"{path}: only Chinese text found; expected Chinese paragraphs followed by English ones")
    return Document(str(path), source, target, blank_target=blank_target, blank_source=blank_source)


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
