"""A progress bar for long runs: one line on stderr, redrawn in place, only on a terminal.

Piped output, CI logs and pre-commit hooks get nothing: the bar is drawn only when stderr is a terminal,
and only once a run has lasted a moment (a single article finishes before it would appear).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, *, delay: float = 0.5, interval: float = 0.1) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self.delay = delay  # seconds before the first drawing
        self.interval = interval  # seconds between drawings
        self._drawn_at = 0.0
        self._width = 0

    @classmethod
    def on_terminal(cls, total: int, *, quiet: bool = False) -> "Progress | None":
        """A bar when stderr is an interactive terminal (and not `quiet`), else None."""
        if quiet or total < 2 or os.environ.get("TERM") == "dumb" or not _isatty(sys.stderr):
            return None
        return cls(total)

    def advance(self, label: str = "") -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.started < self.delay or (now - self._drawn_at < self.interval and self.done < self.total):
            return
        self._drawn_at = now
        self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        columns = shutil.get_terminal_size((80, 24)).columns
        text = f" {self.done}/{self.total} documents, {rate:.1f}/s, {_clock(elapsed)} elapsed, {_clock(left)} left"
        room = max(10, min(40, columns - len(text) - 4))
        filled = room * self.done // max(1, self.total)
        line = f"[{'#' * filled}{'.' * (room - filled)}]{text}"[: columns - 1]
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = len(line)

    def close(self) -> None:
        """Erase the bar, so that what follows starts on a clean line."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _clock(seconds: float) -> str:
    minutes, second = divmod(int(seconds), 60)
    return f"{minutes}:{second:02d}"
