"""A sheet an editor saved, read back as rows of text: CSV in whatever encoding and delimiter a spreadsheet
writes, or the spreadsheet's own file (.xlsx from Excel, .ods from LibreOffice).

CSV encodings are recognised, never asked for (`--encoding` is about articles): UTF-8 and UTF-16 with or
without a byte-order mark, and the legacy Chinese code pages Excel's plain "CSV" writes on a Chinese Windows:
GB18030 (GBK) and Big5. Where both legacy decodings are valid, the one whose Chinese characters are the more
common wins: each standard marks its own frequent characters (GB 2312 level 1, lead bytes 0xB0–0xD7, 3,755
characters; Big5's "frequently used" block, lead bytes 0xA4–0xC6, 5,401 characters), and text read with the
wrong code page is made of rare ones.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from audit.errors import AuditError

CSV_DELIMITERS = (",", ";", "\t", "|")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound-file header of .xls (and .doc) files
# A cell may hold a whole article's sentence pair; csv's own limit (128 KB) would refuse a long one.
MAX_CELL = 100 * 1024 * 1024
# Unpacked size of an .xlsx/.ods: a sheet of decisions is a few MB; more is a wrong file or a zip bomb.
MAX_UNPACKED = 200 * 1024 * 1024
# When both legacy decodings are valid, the one whose share of frequent characters is higher by this margin
# wins. Measured: the right code page reads 1.00 (seed article, NTREX excerpt, MQM-TED's Simplified text), the
# wrong one 0.45–0.57 (Big5 bytes read as GB18030; GB bytes read as Big5 mostly fail outright).
FREQUENT_MARGIN = 0.2


@dataclass
class Sheet:
    """The first sheet's rows as text; `rows` pairs each row's spreadsheet number (the header is row 1) with
    its cells."""

    header: list[str]
    rows: list[tuple[int, list[str]]]


def read_sheet(path: Path, data: bytes, header_words: tuple[str, ...]) -> Sheet:
    """The sheet in `data` (the bytes of `path`). For a CSV, the delimiter is the one whose first row names the
    most of `header_words` (any case)."""
    suffix = path.suffix.lower()
    if suffix == ".xls" or data.startswith(OLE2_MAGIC):
        raise AuditError(f"{path}: an Excel 97-2003 workbook (.xls), which is not read: save it as .xlsx or as CSV UTF-8")
    if suffix in (".xlsx", ".xlsm") or (suffix != ".ods" and data.startswith(b"PK\x03\x04") and b"xl/" in data[:4096]):
        return _workbook(path, data, "openpyxl")
    if suffix == ".ods" or data.startswith(b"PK\x03\x04"):
        return _workbook(path, data, "odf")
    return _csv(path, decode_csv(data, path).lstrip("\ufeff"), header_words)


# --- CSV ---------------------------------------------------------------------------------------------------


def decode_csv(data: bytes, path: Path | str) -> str:
    """The text of a CSV as a spreadsheet saved it, its encoding recognised (see the module's doc)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _decode(data, name, path)
    head = data[:4096]
    if len(head) >= 2 and head.count(b"\x00") * 4 >= len(head):  # UTF-16 without BOM: every other byte is 0 in ASCII
        odd_zeros = head[1::2].count(b"\x00")
        return _decode(data, "utf-16-le" if odd_zeros >= head[0::2].count(b"\x00") else "utf-16-be", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        legacy = _legacy(data)
        if legacy is None:
            raise AuditError(
                f"{path}: not UTF-8, UTF-16, GB18030 or Big5 (byte {error.start}); save it as \"CSV UTF-8\" (Excel) "
                "or with character set Unicode (UTF-8) (LibreOffice)"
            ) from None
        return legacy


def _legacy(data: bytes) -> str | None:
    """GB18030 or Big5, whichever decodes, or reads as the more common characters when both do."""
    readings = {}
    for name in ("gb18030", "big5"):
        try:
            readings[name] = data.decode(name)
        except UnicodeDecodeError:
            continue
    if len(readings) < 2:
        return next(iter(readings.values()), None)
    gb, big5 = (_frequent_share(readings[name]) for name in ("gb18030", "big5"))
    if abs(gb - big5) < FREQUENT_MARGIN:
        return None  # neither reads clearly better: ask for UTF-8 rather than guess
    return readings["gb18030"] if gb > big5 else readings["big5"]


def _frequent_share(text: str) -> float:
    """Share of the Han characters that GB 2312 (level 1) or Big5 (frequently used) counts as frequent."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return sum(_frequent(c) for c in han) / len(han) if han else 0.0


def _frequent(char: str) -> bool:
    for codec, low, high in (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6)):
        try:
            lead = char.encode(codec)[0]
        except UnicodeEncodeError:
            continue
        if low <= lead <= high:
            return True
    return False


def _decode(data: bytes, name: str, path: Path | str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        raise AuditError(f"{path}: not valid {name.upper()} (byte {error.start})") from None


def _csv(path: Path, text: str, header_words: tuple[str, ...]) -> Sheet:
    delimiter = max(CSV_DELIMITERS, key=lambda d: _words_named(_first_row(text, d), header_words))
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, MAX_CELL))
    try:
        # newline="": a cell may hold line breaks, and a file may end its lines with CR alone (old Mac Excel).
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise AuditError(f"{path}: not a readable CSV ({error}); save it again from the spreadsheet as CSV") from None
    finally:
        csv.field_size_limit(limit)
    return _sheet(rows)


def _first_row(text: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(text[:65536], newline=""), delimiter=delimiter), [])
    except csv.Error:
        return []


def _words_named(row: list[str], words: tuple[str, ...]) -> int:
    names = {cell.strip().lower() for cell in row}
    return sum(word in names for word in words)


def _sheet(rows: list[list[str]]) -> Sheet:
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    return Sheet(header, [(number, cells) for number, cells in enumerate(rows[1:], start=2)])


# --- the spreadsheets' own files ---------------------------------------------------------------------------


def _workbook(path: Path, data: bytes, engine: str) -> Sheet:
    """The first sheet of an .xlsx (openpyxl) or .ods (odfpy), every cell as the text it shows."""
    kind = "an Excel workbook (.xlsx)" if engine == "openpyxl" else "an OpenDocument spreadsheet (.ods)"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(item.file_size for item in archive.infolist()) > MAX_UNPACKED:
                raise AuditError(f"{path}: unpacks to over {MAX_UNPACKED // 2**20} MB: too large for {kind}")
    except zipfile.BadZipFile:
        raise AuditError(f"{path}: not {kind} (not a zip archive); save it again from the spreadsheet") from None
    read = _pandas_reader(path, engine)
    try:
        frame = read(io.BytesIO(data), sheet_name=0, header=None, dtype=str, na_filter=False, engine=engine)
    except AuditError:
        raise
    except Exception as error:  # noqa: BLE001 (openpyxl/odfpy raise many kinds for a damaged file)
        raise AuditError(f"{path}: cannot read {kind} ({type(error).__name__}); save it again from the spreadsheet") from None
    return _sheet([[_cell_text(cell) for cell in row] for row in frame.itertuples(index=False, name=None)])


def _pandas_reader(path: Path, engine: str) -> Callable[..., object]:
    package = "openpyxl" if engine == "openpyxl" else "odfpy"
    try:
        import pandas

        __import__("openpyxl" if engine == "openpyxl" else "odf")
    except ImportError:
        raise AuditError(f"{path}: reading it needs {package}: pip install {package} (or save the sheet as CSV)") from None
    return pandas.read_excel


def _cell_text(cell: object) -> str:
    """A cell as text; a whole number read back as a float (1.0) is written as the number it shows."""
    text = "" if cell is None else str(cell)
    return text[:-2] if text.endswith(".0") and text[:-2].lstrip("-").isdigit() else text
