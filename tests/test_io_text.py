from __future__ import annotations

from pathlib import Path

import pytest

from audit.errors import InputError
from audit.io.text import read_bilingual, read_pair, script_of
from tests.conftest import SAMPLE


def test_sample_splits_into_chinese_and_english_paragraphs_with_lines() -> None:
    doc = read_bilingual(SAMPLE)
    assert [b.loc.line for b in doc.source] == [1, 3, 5, 7, 9, 11, 13, 15]
    assert doc.source[1].text == "2025-12-11"  # the dateline stays on the Chinese side
    assert [b.loc.line for b in doc.target] == [17, 19, 21, 25, 27, 29]
    assert doc.target[0].text.startswith("On December 6, 2025")
    assert [(b.loc.line, b.text) for b in doc.blank_target] == [(23, "\u00a0")]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLE.read_bytes().decode("utf-8").encode("utf-8-sig"))
    doc = read_bilingual(path)
    assert doc.source[0].text.startswith("美國企圖")


def test_utf16_with_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("utf-16"))
    assert len(read_bilingual(path).target) == 6


def test_pair_of_files_keeps_each_files_lines(tmp_path: Path) -> None:
    zh, en = tmp_path / "story.zh.txt", tmp_path / "story.en.txt"
    zh.write_text("標題\n\n第一段。\n第二行。\n", encoding="utf-8")
    en.write_text("Title\n\nFirst paragraph.\nSecond line.\n", encoding="utf-8")
    doc = read_pair(zh, en)
    assert doc.source[1].loc.path == str(zh) and doc.source[1].loc.line == 3
    assert doc.target[1].text == "First paragraph.\nSecond line."


def test_script_detection_tolerates_a_quoted_name() -> None:
    assert script_of("北約(NATO)秘書長呂特表示支持烏克蘭。") == "zh"
    assert script_of("The ministry said the word 台獨 was not used.") == "en"
    assert script_of("2025-12-11") is None


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty file"),
        (b" \n\n\xc2\xa0\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        ("美國與烏克蘭".encode("big5"), "try --encoding big5"),
        ("Only English here.\n\nAnd more.".encode(), "only English text"),
        ("只有中文。\n\n還是中文。".encode(), "only Chinese text"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as error:
        read_bilingual(path)
    assert str(path) in str(error.value) and "\n" not in str(error.value)


def test_missing_file_and_wrong_encoding(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_bilingual(tmp_path / "nope.txt")
    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLE.read_bytes())
    with pytest.raises(InputError, match="not valid big5"):
        read_bilingual(path, encoding="big5")


def test_big5_given_explicitly_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("美國與烏克蘭持續討論。\n\nThe U.S. and Ukraine continued talks.\n".encode("big5"))
    doc = read_bilingual(path, encoding="big5")
    assert doc.source[0].text == "美國與烏克蘭持續討論。"
