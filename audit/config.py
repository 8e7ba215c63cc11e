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
from audit.io.decode import decode_utf8, read_bytes
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
        if pyproject.is_file():
            tool = _read(pyproject).get("tool")
            if isinstance(tool, dict) and "audit" in tool:
                return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(decode_utf8(read_bytes(path, "a settings file"), path, "a TOML file"))
    except tomllib.TOMLDecodeError as error:
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
    if not isinstance(table, dict):
        raise AuditError(f"{path}: [tool.audit] must be a table of settings, not {_kind(table)}")
    return parse_settings(table, path)


_KEYS = {"glossary", "bundled-glossary", "select", "ignore", "severity", "fail-on", "exclude", "baseline", "decisions",
         "encoding"}


def parse_settings(table: dict[str, Any], path: Path) -> Settings:
    """Settings from a config table; a value of the wrong type or meaning is an error naming the key and the fix."""
    unknown = set(table) - _KEYS
    if unknown:
        raise AuditError(f"{path}: unknown setting {sorted(unknown)[0]!r} (known: {', '.join(sorted(_KEYS))})")
    base = path.parent
    baseline = _string(table, "baseline", path)
    return Settings(
        glossary=[base / p for p in _strings(table.get("glossary", []), "glossary", path)],
        bundled_glossary=_boolean(table, "bundled-glossary", path),
        select=_strings(table.get("select", []), "select", path),
        ignore=_strings(table.get("ignore", []), "ignore", path),
        severity=_severities(table.get("severity", {}), path),
        fail_on=_level(table.get("fail-on", "error"), "fail-on", path),
        exclude=_strings(table.get("exclude", []), "exclude", path),
        baseline=base / baseline if baseline is not None else None,
        decisions=[base / p for p in _strings(table.get("decisions", []), "decisions", path)],
        encoding=_encoding(table, path),
        source=path,
    )


def _kind(value: Any) -> str:
    """How TOML would call a value's type, for messages: `5` is an integer, `[]` an array."""
    names = {bool: "a boolean", int: "an integer", float: "a float", str: "a string", list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _string(table: dict[str, Any], key: str, path: Path) -> str | None:
    value = table.get(key)
    if value is not None and not isinstance(value, str):
        raise AuditError(f"{path}: '{key}' must be a string, not {_kind(value)}")
    return value


def _boolean(table: dict[str, Any], key: str, path: Path) -> bool:
    value = table.get(key, True)
    if not isinstance(value, bool):  # "false" in quotes is a non-empty string, which Python would call true
        raise AuditError(f"{path}: '{key}' must be true or false (without quotes), not {_kind(value)}")
    return value


def _level(value: Any, key: str, path: Path) -> Severity:
    if not isinstance(value, str):
        raise AuditError(f"{path}: '{key}' must be \"error\", \"warning\" or \"info\", not {_kind(value)}")
    try:
        return Severity.parse(value)
    except ValueError as error:
        raise AuditError(f"{path}: '{key}': {error}") from None


def _severities(value: Any, path: Path) -> dict[str, Severity]:
    """Per-rule overrides; a code no rule has is an error (a typo would otherwise silently change nothing)."""
    from audit.checks.registry import check_severities

    if not isinstance(value, dict):
        raise AuditError(f"{path}: 'severity' must be a table such as {{ O002 = \"info\" }}, not {_kind(value)}")
    overrides = {code.upper(): _level(level, f"severity.{code}", path) for code, level in value.items()}
    try:
        check_severities(overrides)
    except AuditError as error:
        raise AuditError(f"{path}: {error}") from None
    return overrides


def _encoding(table: dict[str, Any], path: Path) -> str | None:
    from audit.io.decode import text_encoding

    name = _string(table, "encoding", path)
    if name is None:
        return None
    try:
        return text_encoding(name)
    except AuditError as error:
        raise AuditError(f"{path}: 'encoding': {error}") from None


def _strings(value: Any, key: str, path: Path) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AuditError(f"{path}: '{key}' must be a string or a list of strings")
    return list(value)
