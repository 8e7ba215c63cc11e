"""The delimiter of a CSV or TSV text, found one way by every reader of tables (segment tables, glossaries)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

# Preferred in this order when two split the rows equally well: prose is full of commas, seldom of tabs or
# semicolons; a bar separates the forms inside a glossary cell (威特科夫|維特科夫), so it comes last.
DELIMITERS = ("\t", ";", ",", "|")
_SAMPLE_CHARACTERS = 65536  # the rows looked at: enough for 20 rows of long sentences
_SAMPLE_ROWS = 20


def sniff_delimiter(text: str, path: Path | str) -> str:
    """Tab for .tsv; otherwise the delimiter that splits the first rows into the same number (≥ 2) of cells
    most often (Excel saves semicolons where the decimal mark is a comma; LibreOffice asks)."""
    if str(path).lower().endswith(".tsv"):
        return "\t"
    sample = text[:_SAMPLE_CHARACTERS]

    def score(delimiter: str) -> tuple[int, int]:
        rows = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        widths = [len(row) for row in rows if row][:_SAMPLE_ROWS]
        common = max(set(widths), key=widths.count, default=0)
        consistent = widths.count(common) if common >= 2 else 0
        return (consistent, -DELIMITERS.index(delimiter))

    return max(DELIMITERS, key=score)
