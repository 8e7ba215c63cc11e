from __future__ import annotations

from pathlib import Path

import pytest

from audit.errors import InputError
from audit.lexicon.glossary import Glossary, load_glossary, parse_csv

USER = "chinese,english,type,note\n威特科夫|韋特科夫,Witkoff|Steve Witkoff,person,US envoy\n佛羅里達州|佛羅里達,Florida,place,\n"


def test_forms_match_in_either_script_longest_first() -> None:
    glossary = Glossary(parse_csv(USER, "user.csv"))
    mentions = list(glossary.mentions("美方代表在佛罗里达州会见韦特科夫"))
    assert [(m.form, m.entry.preferred) for m in mentions] == [("佛罗里达州", "Florida"), ("韦特科夫", "Witkoff")]


def test_english_renderings_match_as_whole_words_with_possessives() -> None:
    entry = parse_csv("chinese,english\n川普,Trump\n美國,U.S.|United States\n", "g.csv")
    trump, us = entry
    assert trump.found_in("President Trump’s son-in-law")
    assert not trump.found_in("a trumpet")
    assert us.found_in("U.S.-Ukraine cooperation") and us.found_in("the United  States")
    assert not us.found_in("USA")


def test_english_index_names_the_entities_a_text_mentions() -> None:
    glossary = Glossary(parse_csv(USER, "user.csv"))
    assert [e.preferred for e in glossary.english_index("Steve Witkoff flew to Florida.")] == ["Witkoff", "Florida"]


def test_english_mentions_count_every_rendering_longest_form_first(glossary: Glossary) -> None:
    text = "North Korean defectors to South Korea have fallen in number, North Korea’s neighbour says."
    mentions = glossary.english_mentions(text)
    assert [(m.entry.preferred, m.text) for m in mentions] == [
        ("North Korea", "North Korean"), ("South Korea", "South Korea"), ("North Korea", "North Korea"),
    ]
    assert [text[m.start:m.end] for m in mentions] == ["North Korean", "South Korea", "North Korea"]
    assert [e.preferred for e in glossary.english_index(text)] == ["North Korea", "South Korea"]  # each once
    assert glossary.english_mentions("No names at all.") == ()


def test_user_glossary_overrides_the_bundled_one(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("chinese,english,type,note\n普丁,Poutine,person,house style\n", encoding="utf-8")
    glossary = load_glossary([path])
    assert glossary.lookup("普丁").preferred == "Poutine"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text, message",
    [
        ("chinese,english\n威特科夫,\n", r"g.csv:2: row needs both"),
        ("chinese,english,type\n威特科夫,Witkoff,persn\n", r"g.csv:2: unknown type 'persn'"),
        ("zh,en\n威特科夫,Witkoff\n", "needs the columns 'chinese' and 'english'"),
    ],
)
def test_bad_rows_are_named(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_csv(text, "g.csv")


def test_tab_separated_glossaries_are_read() -> None:
    entries = parse_csv("chinese\tenglish\n庫什納\tKushner|Jared Kushner\n", "g.tsv")
    assert entries[0].english == ("Kushner", "Jared Kushner")


def test_the_bundled_glossary_from_the_user_cache_is_the_parsed_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import resources

    from audit.lexicon.glossary import bundled_entries
    from audit.normalize import normalize_zh

    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path))
    text = resources.files("audit.lexicon").joinpath("data/names.csv").read_text(encoding="utf-8")
    parsed = parse_csv(text, "bundled names.csv")
    built, loaded = bundled_entries(), bundled_entries()  # the first builds the cache entry, the second reads it
    assert list(tmp_path.glob("names-*.marshal"))
    for entries in (built, loaded):
        assert entries == parsed
        assert [e.keys for e in entries] == [tuple(dict.fromkeys(map(normalize_zh, e.chinese))) for e in parsed]
