"""Readers for Markdown, CSV/TSV, XLIFF 1.2/2.0, TMX and PO: prose and units in, markup out, lines kept."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from audit.errors import InputError
from audit.io.catformats import po_plain_text, read_catalog
from audit.io.markdown import read_markdown_bilingual, read_markdown_pair
from audit.io.table import read_table
from audit.model import Document
from audit.sections import unit_pairs
from audit.segment import segment_blocks
from tests.conftest import ROOT

FORMATS = ROOT / "fixtures" / "formats"
HEADLINE = "美國企圖推動的烏俄和平協議沒有進展,並宣布終止前任政府對烏克蘭的“無休止”援助"
MARKUP = ("<", ">", "&lt;", "%(", "%1$", "{0}", "](", "http")


def lines(blocks) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return [(b.loc.line, b.loc.column) for b in blocks]


def assert_no_markup(document: Document) -> None:
    for block in document.source + document.target:
        assert not any(mark in block.text for mark in MARKUP), block.text


def assert_one_line_error(error: pytest.ExceptionInfo[InputError], path: Path) -> None:
    assert str(path) in str(error.value) and "\n" not in str(error.value)


# --- XLIFF 1.2 ---------------------------------------------------------------------------------------


def test_xliff12_gives_one_prealigned_unit_per_trans_unit_without_inline_codes() -> None:
    doc = read_catalog(FORMATS / "sample.xlf")
    assert doc.prealigned and len(doc.source) == len(doc.target) == 5
    assert doc.source[0].text == HEADLINE
    assert doc.source[1].text == "2025年12月6日,烏克蘭宣稱其無人機成功擊中一架俄羅斯蘇-24戰機,但俄方暫未作出回應。"
    assert doc.target[1].text.startswith("On December 6, 2025, Ukraine announced that its drone")
    assert "special envoy Whitaker and President" in doc.target[3].text  # <bpt>&lt;b&gt;</bpt> dropped with its code
    assert "the White House announced" in doc.target[4].text  # <mrk> keeps its text
    assert_no_markup(doc)


def test_xliff12_locations_point_at_the_source_and_target_text() -> None:
    doc = read_catalog(FORMATS / "sample.xlf")
    assert lines(doc.source) == [(6, 17), (12, 17), (17, 17), (23, 19), (28, 17)]
    assert lines(doc.target) == [(5, 1), (13, 36), (18, 36), (24, 38), (29, 36)]
    # a target that wraps keeps its line break, so its second sentence half stays on line 19
    assert doc.target[2].text.count("\n") == 1


def test_xliff12_untranslated_unit_is_an_empty_target_and_translate_no_is_skipped() -> None:
    doc = read_catalog(FORMATS / "sample.xlf")
    assert doc.target[0].text == ""  # the headline has no <target>: placeholder at its <trans-unit>
    assert all("2025-12-11" != b.text for b in doc.source)  # translate="no"
    assert all("2026" not in b.text for b in doc.target)  # <alt-trans> suggestions are not the translation


def test_empty_target_blocks_keep_units_aligned_and_become_omissions() -> None:
    doc = read_catalog(FORMATS / "sample.xlf")
    source, target = segment_blocks(doc.source, "zh"), segment_blocks(doc.target, "en")
    pairs = unit_pairs(source, target)
    assert [p.kind for p in pairs] == ["1-0", "1-1", "1-1", "1-1", "1-1"]
    assert pairs[0].source_text == HEADLINE and pairs[0].source[0].kind == "headline"
    assert pairs[3].target_text.startswith("Earlier,") and pairs[3].source_text.startswith("此前")
    assert pairs[2].target[0].loc.line == 18


# --- XLIFF 2.0 ---------------------------------------------------------------------------------------


def test_xliff2_gives_one_unit_per_segment() -> None:
    doc = read_catalog(FORMATS / "sample-v2.xlf")
    assert doc.prealigned and len(doc.source) == 5
    assert doc.source[1].text == "2025年12月6日,烏克蘭宣稱其無人機成功擊中一架俄羅斯蘇-24戰機,但俄方暫未作出回應。"
    assert doc.target[1].text == (
        "On December 6, 2025, Ukraine announced that its drone had successfully struck a Russian Su-24 fighter jet,"
        " though Russia has not yet responded."
    )
    assert doc.target[2].text.startswith("On the same day")  # second <segment> of the same <unit>
    assert "envoy Whitaker and" in doc.target[3].text  # <sc/>…<ec/>
    assert lines(doc.source) == [(6, 17), (14, 17), (18, 17), (24, 17), (30, 17)]
    assert lines(doc.target)[0] == (5, 1) and doc.target[0].text == ""
    assert_no_markup(doc)


def test_xliff2_code_point_element_becomes_its_character_unless_a_control_character(tmp_path: Path) -> None:
    path = tmp_path / "cp.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en"><file id="f">'
        '<unit id="1"><segment><source>白<cp hex="5BAE"/>宣布。</source><target>The White House<cp hex="0001"/> said.</target>'
        "</segment></unit></file></xliff>",
        encoding="utf-8",
    )
    doc = read_catalog(path)
    assert doc.target[0].text == "The White House said." and doc.source[0].text == "白宮宣布。"


# --- TMX -----------------------------------------------------------------------------------------------


def test_tmx_takes_the_zh_and_en_variants_whatever_their_order() -> None:
    doc = read_catalog(FORMATS / "sample.tmx")
    assert doc.prealigned and len(doc.source) == 4
    assert doc.source[0].text.startswith("2025年12月6日,烏克蘭宣稱")  # zh tuv comes second in this tu
    assert doc.target[0].text.startswith("On December 6, 2025, Ukraine announced")
    assert "Plus tôt" not in " ".join(b.text for b in doc.target)  # the fr-FR variant is ignored
    assert "envoy Whitaker and" in doc.target[2].text  # <hi> keeps its text
    assert lines(doc.source) == [(8, 34), (12, 14), (20, 34), (24, 34)]
    assert lines(doc.target) == [(7, 34), (15, 14), (21, 34), (23, 1)]
    assert doc.target[3].text == ""  # a tu without an English variant is untranslated
    assert_no_markup(doc)


def test_tmx_without_chinese_variants_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "jp.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="ja" adminlang="en" segtype="sentence" o-tmf="x" datatype="plaintext"'
        ' creationtool="x" creationtoolversion="1"/><body><tu><tuv xml:lang="ja"><seg>ホワイトハウス</seg></tuv>'
        '<tuv xml:lang="en"><seg>White House</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="no Chinese .* languages found: en, ja") as error:
        read_catalog(path)
    assert_one_line_error(error, path)


# --- PO ------------------------------------------------------------------------------------------------


def test_po_entries_skip_header_and_obsolete_and_drop_placeholders_and_tags() -> None:
    doc = read_catalog(FORMATS / "sample.po")
    assert doc.prealigned and len(doc.source) == 5
    assert doc.source[0].text == HEADLINE and doc.target[0].text == ""
    assert doc.target[1].text.startswith("On December 6, 2025, Ukraine announced")  # %(link)s…%(end)s
    assert doc.source[3].text.endswith("舉行近五小時的會談。")  # {0} and <b> dropped
    assert doc.target[4].text.startswith("In addition, on December 2")  # %1$s dropped
    assert "Old headline" not in " ".join(b.text for b in doc.target)
    assert_no_markup(doc)


def test_po_locations_are_the_msgid_and_msgstr_text() -> None:
    doc = read_catalog(FORMATS / "sample.po")
    assert lines(doc.source) == [(12, 8), (17, 8), (22, 2), (32, 8), (37, 8)]
    assert lines(doc.target) == [(13, 9), (18, 9), (25, 2), (33, 9), (38, 9)]


@pytest.mark.parametrize(
    "text, flags, expected",
    [
        ("增長50% of", "", "增長50% of"),  # not a format string: "% o" is text
        ("增長50% of 100%s", "", "增長50% of 100"),
        ("%(name)s said %d%% of %s", "#, python-format", " said % of "),
        ("{0} and {name} but {{literal}}", "#, python-brace-format", " and but {literal}"),
        ("{0} and {name}", "", " and "),
        ("%1 and %2", "#, qt-format", " and "),
        ("<a href='x'>白宮</a><br/>", "", "白宮"),
        ("a < b and c > d", "", "a < b and c > d"),
    ],
)
def test_po_placeholders(text: str, flags: str, expected: str) -> None:
    assert po_plain_text(text, flags) == expected


# --- CSV / TSV -----------------------------------------------------------------------------------------


def test_csv_by_header_names_with_multiline_cells_and_an_empty_target() -> None:
    doc = read_table(FORMATS / "sample.csv")
    assert doc.prealigned and len(doc.source) == len(doc.target) == 5
    assert doc.source[0].text == HEADLINE and doc.target[0].text == ""
    assert lines(doc.source) == [(2, 11), (3, 7), (4, 7), (7, 7), (8, 7)]
    assert lines(doc.target) == [(2, 52), (3, 56), (5, 37), (7, 62), (8, 77)]
    assert doc.source[2].text.count("\n") == 1 and doc.target[2].text.count("\n") == 1
    assert 'special envoy "Whitaker" and' in doc.target[3].text  # "" inside a quoted cell


def test_tsv_without_header_finds_columns_by_script() -> None:
    doc = read_table(FORMATS / "sample.tsv")
    assert len(doc.source) == 4 and doc.source[0].text.startswith("2025年12月6日")
    assert lines(doc.source) == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert doc.target[3].text == "" and doc.target[3].loc.line == 4


@pytest.mark.parametrize(
    "header",
    ["source,target", "zh,en", "zh-TW,en-US", "zh_CN;en_GB", "Chinese\tEnglish", "中文,英文", "原文,譯文", "src,tgt",
     "original,translation", "Chinese text,English translation"],
)
def test_csv_header_names(tmp_path: Path, header: str) -> None:
    delimiter = ";" if ";" in header else "\t" if "\t" in header else ","
    path = tmp_path / "a.csv"
    path.write_text(f"{header}\n美國白宮宣布{delimiter}The White House announced\n", encoding="utf-8")
    doc = read_table(path)
    assert [b.text for b in doc.source] == ["美國白宮宣布"] and [b.text for b in doc.target] == ["The White House announced"]


def test_csv_columns_can_be_given_by_name_or_number(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("key,text,text_en\n1,美國白宮宣布,The White House announced\n", encoding="utf-8")
    assert read_table(path, source_column="text", target_column="TEXT_EN").target[0].text == "The White House announced"
    assert read_table(path, source_column=2, target_column=3).source[0].loc.line == 2
    with pytest.raises(InputError, match="no column 'body'.*'key', 'text', 'text_en'"):
        read_table(path, source_column="body", target_column="text_en")


def test_csv_missing_columns_names_the_columns_found(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,note\n1,none\n2,more\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot tell the Chinese and English columns .*'id', 'note'") as error:
        read_table(path)
    assert_one_line_error(error, path)


def test_csv_with_english_in_the_source_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("zh,en\nThe White House,美國白宮\n", encoding="utf-8")
    with pytest.raises(InputError, match="column 'zh' is not Chinese"):
        read_table(path)


def test_csv_blank_looking_cell_is_kept_for_the_form_check(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("zh,en\n美國白宮宣布,\u00a0\n烏克蘭,Ukraine\n", encoding="utf-8")
    doc = read_table(path)
    assert [b.text for b in doc.target] == ["", "Ukraine"]
    assert [(b.text, b.loc.line) for b in doc.blank_target] == [("\u00a0", 2)]


# --- Markdown ------------------------------------------------------------------------------------------


def test_markdown_pair_reads_prose_only_with_original_lines_and_columns() -> None:
    doc = read_markdown_pair(FORMATS / "sample.zh.md", FORMATS / "sample.en.md")
    assert not doc.prealigned
    starts = ["美國企圖推動", "2025-12-11", "2025年12月6日", "此前,12月2日", "此外,美國白宮"]
    assert len(doc.source) == 5 and all(b.text.startswith(start) for b, start in zip(doc.source, starts))
    assert doc.source[0].text == HEADLINE  # the heading is paragraph 0 on its own, `#` stripped
    assert lines(doc.source) == [(7, 3), (9, 2), (13, 1), (18, 3), (24, 3)]
    assert lines(doc.target) == [(6, 3), (8, 2), (12, 1), (17, 3), (21, 3)]
    text = " ".join(b.text for b in doc.source + doc.target)
    for markup in ("title", "tags", "images/", "drone-2025", "Ukrainian drone", "烏克蘭無人機", "published", "編者註", "Editor", "**", "wikipedia", "#"):
        assert markup not in text, markup
    assert "蘇-24戰機" in doc.source[2].text and "special envoy Whitaker and" in doc.target[3].text
    assert "此外,美國白宮於12月2日宣布" in doc.source[4].text  # list bullet stripped, link reduced to its text


def test_markdown_paragraph_keeps_its_lines_so_sentences_point_at_the_right_line() -> None:
    doc = read_markdown_pair(FORMATS / "sample.zh.md", FORMATS / "sample.en.md")
    sentences = segment_blocks(doc.target, "en")
    second = next(s for s in sentences if s.text.startswith("On the same day"))
    assert (second.loc.line, second.loc.column) == (13, 1)


def test_markdown_bilingual_splits_by_script(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: x\n---\n# 白宮宣布終止援助\n\n美國白宮於12月2日宣布。\n\n&nbsp;\n\n# White House ends aid\n\n"
        "On December 2, the [White House](https://wh.gov) announced it.\n",
        encoding="utf-8",
    )
    doc = read_markdown_bilingual(path)
    assert [b.text for b in doc.source] == ["白宮宣布終止援助", "美國白宮於12月2日宣布。"]
    assert [b.text for b in doc.target] == ["White House ends aid", "On December 2, the White House announced it."]
    assert [b.loc.line for b in doc.blank_source] == [8]
    assert lines(doc.target) == [(10, 3), (12, 1)]


def test_markdown_without_chinese_prose_is_an_input_error(tmp_path: Path) -> None:
    zh, en = tmp_path / "a.zh.md", tmp_path / "a.en.md"
    zh.write_text("```\n美國白宮\n```\n\nOnly code above.\n", encoding="utf-8")
    en.write_text("The White House.\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected Chinese text") as error:
        read_markdown_pair(zh, en)
    assert_one_line_error(error, zh)


# --- malformed and hostile files -----------------------------------------------------------------------


def _xliff(body: str, source_language: str = "zh-TW", target_language: str = "en") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'<file original="a" source-language="{source_language}" target-language="{target_language}" datatype="plaintext"><body>\n'
        f"{body}\n</body></file></xliff>\n"
    )


def test_xxe_is_refused_and_the_secret_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    path = tmp_path / "xxe.xlf"
    text = _xliff('<trans-unit id="1"><source>美國&xxe;</source><target>US &xxe;</target></trans-unit>')
    path.write_text(text.replace("<xliff ", f'<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret}">]>\n<xliff ', 1), encoding="utf-8")
    with pytest.raises(InputError, match="refused: the XML declares entities") as error:
        read_catalog(path)
    assert_one_line_error(error, path)


def test_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    path = tmp_path / "laughs.tmx"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE tmx [{"".join(entities)}]>\n<tmx version="1.4"><header srclang="zh"/><body>'
        '<tu><tuv xml:lang="zh"><seg>&lol9;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    started = time.monotonic()
    with pytest.raises(InputError, match="refused: the XML declares entities"):
        read_catalog(path)
    assert time.monotonic() - started < 1


def test_utf16_entity_declarations_are_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "xxe16.xlf"
    text = _xliff('<trans-unit id="1"><source>美國&e;</source></trans-unit>').replace("UTF-8", "UTF-16")
    path.write_bytes(text.replace("<xliff ", '<!DOCTYPE xliff [<!ENTITY e "x">]>\n<xliff ', 1).encode("utf-16"))
    with pytest.raises(InputError, match="refused"):
        read_catalog(path)


def test_entities_from_an_external_dtd_are_neither_loaded_nor_silently_dropped(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    (tmp_path / "evil.dtd").write_text(f'<!ENTITY xxe SYSTEM "file://{secret}">', encoding="utf-8")
    path = tmp_path / "ext.xlf"
    text = _xliff('<trans-unit id="1"><source>美國&xxe;</source><target>US &xxe;</target></trans-unit>')
    path.write_text(text.replace("<xliff ", '<!DOCTYPE xliff SYSTEM "evil.dtd">\n<xliff ', 1), encoding="utf-8")
    with pytest.raises(InputError, match="line 5 uses the entity &xxe; declared outside the file"):
        read_catalog(path)


def test_translate_toolkit_parser_itself_resolves_no_entities(tmp_path: Path) -> None:
    """Why the pre-check is defence in depth: the library's own parser already refuses both attacks."""
    from lxml import etree
    from translate.storage import xliff

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    xxe = _xliff('<trans-unit id="1"><source>美國&xxe;</source><target>US</target></trans-unit>')
    xxe = xxe.replace("<xliff ", f'<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret}">]>\n<xliff ', 1)
    store = xliff.xlifffile.parsestring(xxe.encode("utf-8"))
    assert "TOP-SECRET" not in str(store.units[0].source)
    entities = ['<!ENTITY a0 "lol">'] + [f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)]
    laughs = _xliff('<trans-unit id="1"><source>&a9;</source></trans-unit>')
    laughs = laughs.replace("<xliff ", f'<!DOCTYPE xliff [{"".join(entities)}]>\n<xliff ', 1)
    with pytest.raises(etree.XMLSyntaxError):
        xliff.xlifffile.parsestring(laughs.encode("utf-8"))


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bad.xlf", _xliff('<trans-unit id="1"><source>美國</source><target>US</trans-unit>'), r"malformed XLIFF at line 4: Opening and ending tag mismatch"),
        ("bad.tmx", '<tmx version="1.4"><header/>\n<body><tu>\n</body></tmx>', "malformed TMX at line 3"),
        ("bad.xlf", "", "empty file"),
        ("page.xlf", "<html><body>美國</body></html>", r"not an XLIFF or TMX file \(the root element is <html>\)"),
        ("none.xlf", _xliff(""), "no translation units"),
        ("en.xlf", _xliff('<trans-unit id="1"><source>美國</source></trans-unit>', source_language="en"), "source language is 'en'; expected Chinese"),
        ("de.xlf", _xliff('<trans-unit id="1"><source>美國</source></trans-unit>', target_language="de-DE"), "target language is 'de-DE'; expected English"),
        ("swap.xlf", _xliff('<trans-unit id="1"><source>The United States</source><target>美國</target></trans-unit>'), "source text of this XLIFF file is not Chinese"),
        ("de2.xlf", '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="de"><file id="f"/></xliff>', "target language is 'de'"),
        ("bad.po", 'msgid "美國\nmsgstr "US"\n', "malformed PO file: end-of-line within string on line 1"),
        ("fr.po", 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "美國"\nmsgstr "États-Unis"\n', "target language is 'fr'"),
    ],
)
def test_bad_catalogs_are_one_line_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        read_catalog(path)
    assert_one_line_error(error, path)


@pytest.mark.parametrize(
    "content",
    [
        "美國白宮,於12月2日宣布\tThe White House, on December 2, announced\n",  # tab-separated prose with commas
        "zh;en\n美國白宮,於12月2日宣布;The White House, on December 2, announced\n",
        'zh,en\n"美國白宮,於12月2日宣布","The White House, on December 2, announced"\n',
    ],
)
def test_csv_delimiter_is_sniffed(tmp_path: Path, content: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text(content, encoding="utf-8")
    doc = read_table(path)
    assert [b.text for b in doc.target] == ["The White House, on December 2, announced"]


def test_punctuation_only_targets_are_missing_translations_and_such_a_table_is_audited(tmp_path: Path) -> None:
    """A "." typed into the target cell is no translation: the row is an omission, and a table whose target
    column holds nothing else is still read (its columns found by script), not refused."""
    path = tmp_path / "a.csv"
    path.write_text("美國總統週四在白宮表示，他將與俄羅斯總統會面。,.\n雙方的會談預計於12月6日仍將繼續進行。, - \n", encoding="utf-8")
    doc = read_table(path)
    assert [b.text for b in doc.target] == ["", ""]
    pairs = unit_pairs(segment_blocks(doc.source, "zh"), segment_blocks(doc.target, "en"))
    assert [p.kind for p in pairs] == ["1-0", "1-0"]
    path.write_text("中文,英文\n美國總統週四在白宮表示。,.\n他說這是一個好消息。,He said it was good news.\n", encoding="utf-8")
    assert [b.text for b in read_table(path).target] == ["", "He said it was good news."]
