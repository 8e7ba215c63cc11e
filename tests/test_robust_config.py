"""Config values of the wrong type or meaning: one line naming the file, the key and the fix, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import load_settings
from audit.errors import AuditError
from audit.model import Severity


def settings_from(tmp_path: Path, toml: str):  # type: ignore[no-untyped-def]
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    return load_settings(tmp_path)


@pytest.mark.parametrize(
    "toml, message",
    [
        ("[tool.audit]\nfail-on = 1\n", "'fail-on' must be \"error\", \"warning\" or \"info\", not an integer"),
        ("[tool.audit]\nfail-on = \"fatal\"\n", "unknown severity 'fatal'"),
        ("[tool.audit]\nseverity = 5\n", "'severity' must be a table"),
        ("[tool.audit]\nseverity = { O002 = 3 }\n", "'severity.O002' must be"),
        ("[tool.audit]\nseverity = { X999 = \"info\" }\n", "unknown rule code 'X999'"),
        ("[tool.audit]\nbaseline = []\n", "'baseline' must be a string, not an array"),
        ("[tool.audit]\nencoding = 5\n", "'encoding' must be a string, not an integer"),
        ("[tool.audit]\nencoding = \"rot13\"\n", "'rot13' is not a text encoding"),
        ("[tool.audit]\nbundled-glossary = \"false\"\n", "'bundled-glossary' must be true or false (without quotes)"),
        ("[tool]\naudit = 5\n", "[tool.audit] must be a table of settings, not an integer"),
        ("[tool.audit]\nglossary = 3\n", "'glossary' must be a string or a list of strings"),
    ],
)
def test_a_wrong_value_is_one_line_naming_file_and_key(tmp_path: Path, toml: str, message: str) -> None:
    with pytest.raises(AuditError) as error:
        settings_from(tmp_path, toml)
    assert str(error.value).startswith(str(tmp_path / "pyproject.toml") + ": ")
    assert message in str(error.value) and "\n" not in str(error.value)


def test_tool_table_that_is_not_a_table_is_not_taken_for_a_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")
    assert load_settings(tmp_path).source is None  # a project whose [tool] is odd is not ours to judge


def test_right_values_are_read(tmp_path: Path) -> None:
    settings = settings_from(tmp_path, "[tool.audit]\nfail-on = \"warning\"\nseverity = { o002 = \"info\" }\n"
                                       "bundled-glossary = false\nencoding = \"big5\"\nbaseline = \"b.json\"\n")
    assert settings.fail_on is Severity.WARNING and settings.severity == {"O002": Severity.INFO}
    assert settings.bundled_glossary is False and settings.encoding == "big5"
    assert settings.baseline == tmp_path / "b.json"
