"""Markdown articles: audit the prose a reader sees, not the markup around it.

Skipped: YAML (`---`) or TOML (`+++`) front matter, fenced and indented code blocks, HTML blocks and
comments, images, link URLs and bare autolinks. Reduced to their visible text: headings, list items,
block quotes, emphasis, links (`[白宮](https://…)` → `白宮`) and table rows. Every heading, list item,
paragraph and table row is its own Block, so a Chinese headline stays paragraph 0. A Block keeps the
line of the original file, and the column where its prose starts; within a paragraph each source line
stays one line of the Block's text, so sentence locations still point at the right line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from audit.io.text import bilingual_document, pair_document, read_text
from audit.model import Block, Document, Location
from audit.normalize import is_blank

_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}
# What comes before the prose on a line: indentation, quote markers, a list bullet, a heading marker,
# then opening emphasis or link brackets.
_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?(?:[\[*_~`]+)?")
_SPACES = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*|[ \t]{2,}")


def read_markdown_pair(zh_path: Path, en_path: Path, encoding: str | None = None) -> Document:
    """A Chinese Markdown file and its English translation."""
    source = markdown_blocks(read_text(zh_path, encoding), str(zh_path))
    target = markdown_blocks(read_text(en_path, encoding), str(en_path))
    return pair_document(zh_path, en_path, source, target)


def read_markdown_bilingual(path: Path, encoding: str | None = None) -> Document:
    """One Markdown file holding the Chinese article and then its English translation."""
    blocks, blanks = markdown_blocks(read_text(path, encoding), str(path))
    return bilingual_document(path, blocks, blanks)


def markdown_blocks(text: str, path: str) -> tuple[list[Block], list[Block]]:
    """The prose of a Markdown text as (paragraph Blocks, blank-looking paragraphs such as `&nbsp;`)."""
    lines = _without_front_matter(text.splitlines())
    blocks: list[Block] = []
    blanks: list[Block] = []
    row: list[tuple[str, int]] | None = None  # the cells of the table row being read
    for token in _parser().parse("\n".join(lines)):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            if row:  # a table row is one paragraph: its cells joined
                _add(blocks, blanks, lines, path, " ".join(cell for cell, _ in row), row[0][1], row[0][1] + 1)
            row = None
        elif token.type == "inline" and token.map is not None:
            visible = _visible_text(token.children or [])
            if row is None:
                _add(blocks, blanks, lines, path, visible, token.map[0], token.map[1])
            elif visible.strip():
                row.append((visible.strip(), token.map[0]))
    return blocks, blanks


@lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _without_front_matter(lines: list[str]) -> list[str]:
    """Blank out YAML/TOML front matter, keeping the line count so that line numbers stay true."""
    if not lines or lines[0].rstrip() not in _FRONT_MATTER:
        return lines
    closers = _FRONT_MATTER[lines[0].rstrip()]
    for end in range(1, len(lines)):
        if lines[end].rstrip() in closers:
            return [""] * (end + 1) + lines[end + 1:]
    return lines  # no closing delimiter: a thematic break, not front matter


def _visible_text(children) -> str:  # type: ignore[no-untyped-def]
    """What a reader sees of an inline run: text, code spans, link text; never URLs, images or HTML."""
    out: list[str] = []
    in_autolink = False
    for token in children:
        kind = token.type
        if kind == "link_open" and token.markup == "autolink":
            in_autolink = True
        elif kind == "link_close" and in_autolink:
            in_autolink = False
        elif kind == "text":
            out.append(token.content.count("\n") * "\n" if in_autolink else token.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append("\n")
        elif kind == "code_inline":
            out.append(token.content)
        elif kind == "image":  # dropped, but its line breaks are kept so later lines keep their numbers
            out.append("\n" * sum(1 for child in token.children or [] if child.type in ("softbreak", "hardbreak")))
        elif kind == "html_inline":  # tags and comments: dropped, line breaks kept
            out.append("\n" * token.content.count("\n"))
    return _SPACES.sub(lambda m: "\n" if "\n" in m.group() else " ", "".join(out))


def _add(blocks: list[Block], blanks: list[Block], lines: list[str], path: str, text: str, first: int, end: int) -> None:
    """Append `text`, read from 0-based lines first..end-1, as a Block starting where its prose starts."""
    lead = len(text) - len(text.lstrip(" \t\n"))
    line = first + text[:lead].count("\n")
    text = text.strip(" \t\n")
    if not text:
        # The parser strips non-breaking spaces: a paragraph of them only is a blank one, kept for form checks.
        for number in range(first, min(end, len(lines))):
            if lines[number].strip(" \t") and is_blank(lines[number]):
                blanks.append(Block(lines[number], Location(path, number + 1)))
        return
    if is_blank(text):
        blanks.append(Block(text, Location(path, line + 1)))
        return
    blocks.append(Block(text, Location(path, line + 1, _column(lines[line] if line < len(lines) else "", text))))


def _column(raw: str, text: str) -> int:
    """1-based column in the raw line where the visible `text` starts, past quote markers, bullets and `#`."""
    start = _PREFIX.match(raw).end()  # type: ignore[union-attr]
    found = raw.find(text[0], start)
    if found < 0:
        found = raw.find(text[0])
    return (found if found >= 0 else start) + 1
