"""What the checks know: glossaries, the bundled dictionary and entity lexicon, romanization, negation."""

from __future__ import annotations

from pathlib import Path


def bundled(name: str) -> Path:
    """A file shipped with the package, by its path below audit/lexicon/ ("data/names.csv"). A path beside this
    module, as `importlib.resources.files` gives for a package installed as files (the only form the tool
    supports: its caches key on the files' paths and times); importing `importlib.resources` and its readers
    cost 15-30 CPU-ms of every start on the shared machine."""
    return Path(__file__).parent / name
