"""Settings files: `.audit.toml` takes the keys alone or under `[tool.audit]` (as copied from a pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import load_settings
from audit.errors import AuditError
from audit.model import Severity

KEYS = 'ignore = ["N002"]\nfail-on = "warning"\nexclude = ["drafts/*"]\n'


@pytest.mark.parametrize("name, text", [
    (".audit.toml", KEYS),
    (".audit.toml", "[tool.audit]\n" + KEYS),  # the README's example, copied as it stands
    ("pyproject.toml", '[project]\nname = "newsroom"\n\n[tool.audit]\n' + KEYS),
])
def test_settings_are_read_with_or_without_the_table_header(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "news").mkdir()
    settings = load_settings(tmp_path / "news")  # found from a subfolder upwards
    assert (settings.ignore, settings.fail_on, settings.exclude) == (["N002"], Severity.WARNING, ["drafts/*"])


def test_an_unknown_key_is_named(tmp_path: Path) -> None:
    (tmp_path / ".audit.toml").write_text('[tool.other]\nx = 1\n', encoding="utf-8")
    with pytest.raises(AuditError, match="unknown setting 'tool'"):
        load_settings(tmp_path)
