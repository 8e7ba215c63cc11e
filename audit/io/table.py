"""CSV/TSV files of aligned text: one row per unit, a Chinese column and an English column.

Columns are found by header name (source/target, zh/en, zh-TW/en-US, chinese/english, 中文/英文, 原文/譯文,
src/tgt, original/translation, …) or, when no header names them, by the script of the cells (the
column that is mostly Chinese is the source, the one mostly English the target; a first row whose
cells fit that is data, otherwise it is a header). Other columns (ids, notes) are ignored.

The file is prealigned: row k gives source block k and target block k. An empty target cell gives an
empty target Block (a placeholder that holds the row's index and location; so does a cell of punctuation
only, such as "." typed to fill it): the unit then has source sentences and no target ones, which the
pipeline reports as an omission. Rows empty in both columns are
skipped. Locations are the physical line (and column) of each cell, quoted multi-line cells included.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from audit.errors import InputError
from audit.io.decode import decode, read_bytes
from audit.io.delimited import sniff_delimiter
from audit.io.text import script_of
from audit.model import Block, Document, Location
from audit.normalize import is_blank

_SOURCE_NAMES = {
    "source", "src", "source text", "source_text", "chinese", "中文", "原文", "來源", "来源", "繁體中文", "简体中文",
    "繁中", "简中", "original", "zh", "zho", "chi", "cn", "source language", "原稿",
}
_TARGET_NAMES = {
    "target", "tgt", "target text", "target_text", "english", "英文", "譯文", "译文", "翻譯", "翻译", "英譯", "英译",
    "translation", "translated", "en", "eng", "target language",
}
_SOURCE_WORDS = ("chinese", "中文", "原文", "source")
_TARGET_WORDS = ("english", "英文", "譯文", "译文", "target", "translation")
_ZH_TAG = re.compile(r"zh(?:[-_][a-z0-9]{1,8})*")
_EN_TAG = re.compile(r"en(?:[-_][a-z0-9]{1,8})*")


def read_table(
    path: Path, encoding: str | None = None, source_column: str | int | None = None, target_column: str | int | None = None
) -> Document:
    """Read a CSV/TSV of aligned rows. Columns may be named (header text) or numbered (1-based)."""
    text = decode(read_bytes(path), path, encoding)
    if is_blank(text):
        raise InputError(f"{path}: empty file")
    delimiter = sniff_delimiter(text, path)
    rows = _records(text, delimiter, path)
    if not rows:
        raise InputError(f"{path}: empty file")
    header = [cell.strip().lstrip("\ufeff") for cell in rows[0].cells]
    src, tgt, has_header = _columns(header, rows, source_column, target_column, path)
    document = Document(str(path), [], [], prealigned=True)
    for row in rows[1:] if has_header else rows:
        source, target = row.block(src, str(path)), row.block(tgt, str(path))
        if source is None and target is None:
            continue
        document.source.append(unit_block(source, row.location(src, str(path)), document.blank_source))
        document.target.append(unit_block(target, row.location(tgt, str(path)), document.blank_target))
    if not document.source:
        raise InputError(f"{path}: no rows with text")
    if script_of(" ".join(b.text for b in document.source)) != "zh":
        raise InputError(f"{path}: column {header[src] if has_header else src + 1!r} is not Chinese text")
    if any(b.text for b in document.target) and script_of(" ".join(b.text for b in document.target)) != "en":
        raise InputError(f"{path}: column {header[tgt] if has_header else tgt + 1!r} is not English text")
    return document


def unit_block(block: Block | None, where: Location, blanks: list[Block]) -> Block:
    """The cell's Block; an empty placeholder at the cell's place when it has no text (an untranslated unit)."""
    if block is None:
        return Block("", where)
    if is_blank(block.text):  # invisible characters only: kept for the form checks as a blank paragraph
        blanks.append(block)
        return Block("", block.loc)
    if not any(char.isalnum() for char in block.text):  # "." or "-": a placeholder, no translation
        return Block("", block.loc)
    return block


class _Record:
    """One CSV record: its cells and where each cell's text starts in the file."""

    def __init__(self, cells: list[str], starts: list[tuple[int, int]]) -> None:
        self.cells = cells
        self.starts = starts  # (1-based line, 1-based column) of each cell

    def location(self, column: int, path: str) -> Location:
        if column < len(self.starts):
            return Location(path, *self.starts[column])
        return Location(path, self.starts[0][0], 1)

    def block(self, column: int, path: str) -> Block | None:
        """The cell as a Block without its surrounding whitespace, or None when the cell is empty."""
        if column >= len(self.cells):
            return None
        cell = self.cells[column].replace("\r\n", "\n").replace("\r", "\n")
        text = cell.strip(" \t\n")
        if not text:
            return None
        line, col = self.starts[column]
        lead = cell[: len(cell) - len(cell.lstrip(" \t\n"))]
        if "\n" in lead:
            line, col = line + lead.count("\n"), len(lead) - lead.rfind("\n")
        else:
            col += len(lead)
        return Block(text, Location(path, line, col))


def _records(text: str, delimiter: str, path: Path) -> list[_Record]:
    """Records with the physical line and column where each cell starts (quoted newlines counted)."""
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(iter(lines), delimiter=delimiter)
    records: list[_Record] = []
    consumed = 0
    try:
        for cells in reader:
            start, consumed = consumed, reader.line_num
            if cells and any(cell.strip() for cell in cells):
                records.append(_Record(cells, _cell_starts("".join(lines[start:consumed]), delimiter, start + 1)))
    except csv.Error as error:
        raise InputError(f"{path}: malformed CSV at line {reader.line_num}: {error}") from None
    return records


def _cell_starts(raw: str, delimiter: str, line: int) -> list[tuple[int, int]]:
    """Where the text of each cell of one raw record starts: past the delimiter and any opening quote."""
    starts: list[tuple[int, int]] = []
    column = 1
    i = 0
    while True:
        quoted = raw.startswith('"', i)
        starts.append((line, column + 1) if quoted else (line, column))
        if quoted:
            i += 1
            column += 1
        while i < len(raw):
            char = raw[i]
            if quoted and char == '"':
                if raw.startswith('""', i):
                    i, column = i + 2, column + 2
                    continue
                quoted = False
            elif not quoted and char == delimiter:
                break
            elif not quoted and char in "\r\n":
                return starts
            if char == "\n" or (char == "\r" and not raw.startswith("\r\n", i)):
                line, column = line + 1, 0
            i, column = i + 1, column + 1
        if i >= len(raw):
            return starts
        i, column = i + 1, column + 1  # past the delimiter


def _columns(
    header: list[str], rows: list[_Record], source: str | int | None, target: str | int | None, path: Path
) -> tuple[int, int, bool]:
    """(source index, target index, whether the first row is a header)."""
    names = [_name(cell) for cell in header]
    if source is not None or target is not None:
        if source is None or target is None:
            raise InputError(f"{path}: give both the source and the target column")
        src, tgt = _given(source, names, header, path), _given(target, names, header, path)
        named = not (_is_number(source) and _is_number(target))
        return src, tgt, named or not _is_data(rows[0], src, tgt)
    by_name = _by_name(names)
    if by_name is not None:
        return by_name[0], by_name[1], True
    by_script = _by_script(rows)
    if by_script is not None:
        return by_script[0], by_script[1], not _is_data(rows[0], *by_script)
    found = ", ".join(repr(cell) for cell in header) or "none"
    raise InputError(
        f"{path}: cannot tell the Chinese and English columns (columns found: {found}); "
        "name them source/target, zh/en, chinese/english or 中文/英文"
    )


def _is_number(column: str | int) -> bool:
    return isinstance(column, int) or str(column).isdigit()


def _is_data(first: _Record, src: int, tgt: int) -> bool:
    """A first row whose source cell is Chinese and target cell English is text, not a header."""
    cells = first.cells
    return len(cells) > max(src, tgt) and script_of(cells[src]) == "zh" and (
        script_of(cells[tgt]) == "en" or not any(char.isalnum() for char in cells[tgt]))  # or an empty rendering


def _name(cell: str) -> str:
    return re.sub(r"\s+", " ", cell.strip().lower())


def _by_name(names: list[str]) -> tuple[int, int] | None:
    """Header names first as exact names or language tags, then as names containing a telling word."""
    for exact in (True, False):
        sources = [i for i, n in enumerate(names) if _names_side(n, _SOURCE_NAMES, _ZH_TAG, _SOURCE_WORDS, exact)]
        targets = [i for i, n in enumerate(names) if _names_side(n, _TARGET_NAMES, _EN_TAG, _TARGET_WORDS, exact)]
        targets = [i for i in targets if i not in sources]
        if sources and targets:
            return sources[0], targets[0]
    return None


def _names_side(name: str, names: set[str], tag: re.Pattern[str], words: tuple[str, ...], exact: bool) -> bool:
    if exact:
        return name in names or tag.fullmatch(name) is not None
    return any(word in name for word in words)


def _by_script(rows: list[_Record]) -> tuple[int, int] | None:
    width = max(len(r.cells) for r in rows)
    zh = [0] * width
    en = [0] * width
    for row in rows[:200]:
        for i, cell in enumerate(row.cells):
            script = script_of(cell)
            if script == "zh":
                zh[i] += 1
            elif script == "en":
                en[i] += 1
    src = max(range(width), key=lambda i: zh[i] - en[i])
    candidates = [i for i in range(width) if i != src]
    if not candidates or zh[src] <= en[src]:
        return None
    tgt = max(candidates, key=lambda i: en[i] - zh[i])
    # Beside a Chinese column, the one other column is its translation even when it is still empty or holds
    # placeholders (".") only: every row is then an untranslated one, not a reason to refuse the file.
    if en[tgt] <= zh[tgt] and not (width == 2 and zh[tgt] == 0):
        return None
    return src, tgt


def _given(column: str | int, names: list[str], header: list[str], path: Path) -> int:
    if isinstance(column, int) or str(column).isdigit():
        index = int(column) - 1
        if 0 <= index < len(header):
            return index
        raise InputError(f"{path}: no column {column} (the file has {len(header)})")
    if _name(column) in names:
        return names.index(_name(column))
    found = ", ".join(repr(cell) for cell in header)
    raise InputError(f"{path}: no column {column!r} (columns found: {found})")
