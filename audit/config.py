"""Settings: defaults, then `[tool.audit]` in pyproject.toml or a `.audit.toml`, then command-line flags.

The first of `.audit.toml` / `pyproject.toml` (with a `[tool.audit]` table) found from the current folder
upwards is used. Paths in it are relative to the file's folder.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from audit.errors import AuditError
from audit.model import Severity


@dataclass
class Settings:
    glossary: list[Path] = field(default_factory=list)
    bundled_glossary: bool = True
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)  # per-rule overrides: {"N002": "info"}
    fail_on: Severity = Severity.ERROR
    exclude: list[str] = field(default_factory=list)  # glob patterns of files not to audit
    baseline: Path | None = None
    decisions: list[Path] = field(default_factory=list)  # triaged CSVs (status, note) fed back: audit.decisions
    encoding: str | None = None
    source: Path | None = None  # the config file these came from, for messages

    def merged(self, **overrides: Any) -> "Settings":
        """A copy with command-line values laid over; None and empty lists mean "not given"."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, value in overrides.items():
            if value is not None and value != []:
                values[key] = value
        return Settings(**values)


def find_config(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        dotfile = folder / ".audit.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "tool" in _read(pyproject) and "audit" in _read(pyproject)["tool"]:
            return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise AuditError(f"{path}: not valid TOML ({error})") from None


def load_settings(start: Path | None = None) -> Settings:
    path = find_config((start or Path.cwd()).resolve())
    if path is None:
        return Settings()
    table = _read(path)
    # pyproject.toml keeps them under [tool.audit]; .audit.toml holds the keys alone, or the same table when it
    # was copied from a pyproject.toml (both read alike rather than "unknown setting 'tool'").
    if path.name == "pyproject.toml" or set(table) == {"tool"} and isinstance(table["tool"], dict) and set(table["tool"]) == {"audit"}:
        table = table["tool"]["audit"]
    return parse_settings(table, path)


_KEYS = {"glossary", "bundled-glossary", "select", "ignore", "severity", "fail-on", "exclude", "baseline", "decisions",
         "encoding"}


def parse_settings(table: dict[str, Any], path: Path) -> Settings:
    unknown = set(table) - _KEYS
    if unknown:
        raise AuditError(f"{path}: unknown setting {sorted(unknown)[0]!r} (known: {', '.join(sorted(_KEYS))})")
    base = path.parent
    try:
        return Settings(
            glossary=[base / p for p in _strings(table.get("glossary", []), "glossary", path)],
            bundled_glossary=bool(table.get("bundled-glossary", True)),
            select=_strings(table.get("select", []), "select", path),
            ignore=_strings(table.get("ignore", []), "ignore", path),
            severity={code.upper(): Severity.parse(level) for code, level in dict(table.get("severity", {})).items()},
            fail_on=Severity.parse(table.get("fail-on", "error")),
            exclude=_strings(table.get("exclude", []), "exclude", path),
            baseline=base / table["baseline"] if "baseline" in table else None,
            decisions=[base / p for p in _strings(table.get("decisions", []), "decisions", path)],
            encoding=table.get("encoding"),
            source=path,
        )
    except ValueError as error:
        raise AuditError(f"{path}: {error}") from None


def _strings(value: Any, key: str, path: Path) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AuditError(f"{path}: '{key}' must be a string or a list of strings")
    return list(value)
