"""Everything the tool prints goes through here: control characters are shown, never obeyed, and a reader
that has gone away (`audit check … | head -1`) ends the output quietly, as Unix tools do.

File names, article text and decisions files are the user's data, and may hold ESC sequences (which a
terminal obeys: colours, cursor moves, title changes), carriage returns or newlines (which forge finding
lines), or bidirectional overrides (which reorder what is shown). `printable` writes each such character as
a visible escape (`\\x1b`, `\\x0a`, `\\u202e`), so a line printed is the line meant.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TextIO

# C0 controls but tab, DEL, C1 controls (Unicode category Cc), and the bidirectional embedding, override and
# isolate controls of Unicode's bidi algorithm (UAX #9, "Trojan Source", CVE-2021-42574).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with every control character written as a visible escape."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def emit(line: str, out: TextIO) -> None:
    """Print one line, made printable; a closed pipe silences the stream instead of raising."""
    try:
        out.write(printable(line) + "\n")
    except BrokenPipeError:
        silence(out)


def say(line: str, *, err: bool = False) -> None:
    emit(line, sys.stderr if err else sys.stdout)


def silence(out: TextIO) -> None:
    """Send what is still to be written to `out` (buffered or not) nowhere: its reader is gone."""
    try:
        descriptor = out.fileno()
    except (AttributeError, ValueError, OSError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)


def flush_quietly() -> None:
    """Flush stdout and stderr at exit; a reader that has gone away is not an error."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            silence(stream)
        except (ValueError, OSError):
            pass
