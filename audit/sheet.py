"""A sheet an editor saved, read back as rows of text: CSV in whatever encoding and delimiter a spreadsheet
writes, or the spreadsheet's own file (.xlsx from Excel, .ods from LibreOffice).

CSV encodings are recognised, never asked for (`--encoding` is about articles). What a CSV shares with an
article is read by the articles' own decoder (audit.io.decode): UTF-8 with or without a byte-order mark, UTF-16
with one or recognised without. The one policy of its own is a legacy code page: Excel's plain "CSV" on a Chinese
Windows writes GB18030 (GBK) or Big5 without saying which, and the editor who saved it has no `--encoding` to give
for a file passed with `--decisions`, so the sheet takes the reading whose Han characters are the common ones
(audit.io.legibility, the measure the articles' decoder refuses a wrong `--encoding` by), where an article stops
and names the encoding to pass. Text read with the wrong code page is made of rare characters.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from audit.errors import AuditError, InputError
from audit.io.decode import decode, legacy_readings, utf8_error
from audit.io.delimited import DELIMITERS
from audit.io.legibility import legibility

# The delimiters articles' tables are sniffed among (audit.io.delimited), comma first: the audit CSV's own. The
# policy differs on purpose: a decisions sheet's header is known (audit.csv's columns), so the delimiter that
# splits its first row into the most of those names is certain, where sniff_delimiter, for tables whose header
# is not known, goes by rows splitting alike, which a note column full of commas or semicolons can fool.
CSV_DELIMITERS = (",", *(d for d in DELIMITERS if d != ","))
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound-file header of .xls (and .doc) files
# A cell may hold a whole article's sentence pair; csv's own limit (128 KB) would refuse a long one.
MAX_CELL = 100 * 1024 * 1024
# Unpacked size of an .xlsx/.ods: a sheet of decisions is a few MB; more is a wrong file or a zip bomb.
MAX_UNPACKED = 200 * 1024 * 1024
# When both legacy decodings are valid, the one whose legibility (share of common characters) is higher by this
# margin wins. Measured (audit/io/decode.py): right readings score 0.99 or more on NTREX-128, Big5 read as
# GB18030 0.23–0.37 (GB bytes read as Big5 mostly fail outright).
LEGIBLE_MARGIN = 0.2


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
    try:
        return decode(data, Path(path))
    except InputError as error:
        legacy = _legacy(data)
        if legacy is None:
            raise AuditError(
                f"{path}: not UTF-8, UTF-16, GB18030 or Big5 ({_where(data, error)}); save it as \"CSV UTF-8\" "
                "(Excel) or with character set Unicode (UTF-8) (LibreOffice)"
            ) from None
        return legacy


def _where(data: bytes, error: InputError) -> str:
    """Where the bytes stop being UTF-8 (the articles' message would name an --encoding no sheet is read with)."""
    bad = utf8_error(data)
    return f"byte {bad}" if bad is not None else str(error).partition(": ")[2]


def _legacy(data: bytes) -> str | None:
    """GB18030 or Big5, whichever decodes, or reads as the more common characters when both do."""
    readings = legacy_readings(data)
    if len(readings) < 2:
        return next(iter(readings.values()), None)
    gb, big5 = (legibility(readings[name]) or 0.0 for name in ("gb18030", "big5"))
    if abs(gb - big5) < LEGIBLE_MARGIN:
        return None  # neither reads clearly better: ask for UTF-8 rather than guess
    return readings["gb18030"] if gb > big5 else readings["big5"]


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
