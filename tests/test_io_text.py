from __future__ import annotations

from pathlib import Path

import pytest

from audit.errors import InputError
from audit.io import text as text_module
from audit.io.text import read_bilingual, read_pair, script_of
from audit.model import Block, Location
from audit.normalize import is_blank
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


def _old_style_split(text: str, path: str) -> tuple[list[Block], list[Block]]:
    """The paragraphs as the reader split them when it listed every line at once (text.splitlines())."""
    blocks: list[Block] = []
    blanks: list[Block] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines() + [""], start=1):
        if line.strip(" \t\r\n") == "" or is_blank(line):
            if current:
                blocks.append(Block("\n".join(current), Location(path, start)))
                current = []
            if line.strip(" \t\r\n"):
                blanks.append(Block(line, Location(path, number)))
            continue
        start = start if current else number
        current.append(line)
    return blocks, blanks


@pytest.mark.parametrize("stretch", [1, 2, 3, 7, 1 << 20])
def test_lines_split_a_stretch_at_a_time_are_splitlines_own(monkeypatch: pytest.MonkeyPatch, stretch: int) -> None:
    """Every kind of line end, a CRLF at a cut, empty lines at a cut, no final line end: the same paragraphs."""
    monkeypatch.setattr(text_module, "LINES_AT_ONCE", stretch)
    sample = SAMPLE.read_text(encoding="utf-8")
    for text in [sample, sample.replace("\n", "\r\n"), "a\r\nb\rc\n\n\nd\u2028e\x85f\x0bg\x0ch\u2029\n\u00a0\n\ni",
                 "\n\n甲。\r\n\r\n\r\nA.", "x\n", ""]:
        assert list(text_module._lines(text)) == text.splitlines(), (stretch, text[:20])
        assert text_module.paragraphs(text, "a.txt") == _old_style_split(text, "a.txt")


def test_paragraphs_held_compactly_read_back_as_blocks() -> None:
    held = text_module.Paragraphs("a.txt")
    blocks = [Block("烏克蘭宣稱擊中俄軍蘇-24戰機", Location("a.txt", 1)), Block("", Location("a.txt", 3)),
              Block("Ukraine “claims”\nit hit 🛩", Location("a.txt", 5, 3))]
    for block in blocks:
        held.append(block)
    assert len(held) == 3 and list(held) == blocks and held[-1] == blocks[-1] and held[1:] == blocks[1:]
    with pytest.raises(IndexError):
        held[3]
    with pytest.raises(ValueError):
        held.append(Block("x", Location("b.txt", 1)))


def test_paragraphs_read_once_may_be_let_go(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_module.Paragraphs, "CHUNK_BYTES", 10)  # a buffer of about one paragraph each
    held = text_module.Paragraphs("a.txt")
    blocks = [Block(f"第{k}段。Paragraph {k}.", Location("a.txt", 2 * k + 1)) for k in range(6)]
    for block in blocks:
        held.append(block)
    held.release(3)
    with pytest.raises(LookupError):
        held[2]
    assert list(held[3:]) == blocks[3:] and len(held) == 6


def test_the_sample_read_compactly_is_the_sample_read_as_blocks() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    blocks, blanks = text_module.paragraphs(text, str(SAMPLE))
    listed = text_module.bilingual_document(SAMPLE, blocks, blanks)
    compact = read_bilingual(SAMPLE)
    assert isinstance(compact.source, text_module.Paragraphs)
    assert list(compact.source) == listed.source and list(compact.target) == listed.target
    assert compact.blank_source == listed.blank_source and compact.blank_target == listed.blank_target


def test_blank_paragraphs_go_with_the_text_before_them_in_one_pass(tmp_path: Path) -> None:
    """A blank-looking paragraph belongs to the side whose text precedes it (Chinese at the start), also after
    script-neutral paragraphs whose side the next lettered one decides; also among thousands of paragraphs."""
    path = tmp_path / "a.txt"
    nbsp = "\u00a0"
    path.write_text(f"{nbsp}\n\n2025-12-11\n\n{nbsp}\n\n烏克蘭宣稱擊中俄軍戰機。\n\n{nbsp}\n\nUkraine said it hit a jet.\n\n"
                    f"{nbsp}\n\n12\n\n{nbsp}\n", encoding="utf-8")
    document = read_bilingual(path)
    assert [b.loc.line for b in document.blank_source] == [1, 5, 9]
    assert [b.loc.line for b in document.blank_target] == [13, 17]
    assert [b.text for b in document.source] == ["2025-12-11", "烏克蘭宣稱擊中俄軍戰機。"]
    many = tmp_path / "many.txt"
    many.write_text(f"烏克蘭宣稱擊中俄軍戰機。\n\n{nbsp}\n\n" * 3_000 + f"Ukraine said it hit a jet.\n\n{nbsp}\n\n" * 3_000,
                    encoding="utf-8")
    document = read_bilingual(many)  # one pass (each blank used to look at every paragraph: 36 million looks here)
    assert len(document.blank_source) == len(document.blank_target) == len(document.source) == 3_000
