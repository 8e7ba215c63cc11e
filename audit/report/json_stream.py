"""JSON written piece by piece, byte for byte what `json.dumps(value, ensure_ascii=False, indent=2)` writes.

A report of a large run holds tens of thousands of findings; dumping it whole keeps the full text (and every
dict it was built from) in memory at once. Here a list given as `Streamed(items)` is consumed one item at a
time, each item dumped and written before the next is made, so a report's memory is that of one item.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, TextIO

INDENT = "  "


@dataclass
class Streamed:
    """A JSON array whose items are made as they are written (a generator: it is consumed once)."""

    items: Iterable[Any]


def write_json(out: TextIO, value: Any, *, allow_nan: bool = True) -> None:
    """`value` (dicts and lists, with `Streamed` arrays anywhere inside) as indented JSON, then a newline."""
    _write(out, value, 0, allow_nan)
    out.write("\n")


def _write(out: TextIO, value: Any, level: int, allow_nan: bool) -> None:
    if isinstance(value, Streamed):
        _write_items(out, value.items, level, allow_nan)
    elif isinstance(value, list) and _holds_stream(value):
        _write_items(out, value, level, allow_nan)
    elif isinstance(value, dict) and _holds_stream(value):
        inner = "\n" + INDENT * (level + 1)
        out.write("{")
        for number, (key, item) in enumerate(value.items()):
            out.write(("," if number else "") + inner + json.dumps(str(key), ensure_ascii=False) + ": ")
            _write(out, item, level + 1, allow_nan)
        out.write("\n" + INDENT * level + "}")
    else:
        out.write(_dumps(value, level, allow_nan))


def _write_items(out: TextIO, items: Iterable[Any], level: int, allow_nan: bool) -> None:
    inner = "\n" + INDENT * (level + 1)
    empty = True
    for item in items:
        out.write(("[" if empty else ",") + inner)
        _write(out, item, level + 1, allow_nan)
        empty = False
    out.write("[]" if empty else "\n" + INDENT * level + "]")


def _holds_stream(value: dict[Any, Any] | list[Any]) -> bool:
    """Whether a Streamed array is somewhere inside: only then is the value written part by part."""
    items = value.values() if isinstance(value, dict) else value
    return any(isinstance(item, Streamed) or (isinstance(item, (dict, list)) and _holds_stream(item)) for item in items)


def _dumps(value: Any, level: int, allow_nan: bool) -> str:
    """A plain value at nesting `level`: json.dumps' own text, its inner lines shifted to that level (a JSON
    text has no raw line break inside a string, so every line break is indentation)."""
    text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=allow_nan)
    return text.replace("\n", "\n" + INDENT * level) if level else text
