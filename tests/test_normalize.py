from audit.normalize import fold_width, is_blank, normalize_en, normalize_zh
from tests.conftest import NTREX, ROOT


def test_traditional_is_matched_as_simplified_with_the_same_length() -> None:
    original = "烏克蘭總統澤連斯基則重申"
    assert normalize_zh(original) == "乌克兰总统泽连斯基则重申"
    assert len(normalize_zh(original)) == len(original)


def test_full_width_forms_fold_to_ascii() -> None:
    assert fold_width("１２月６日，ＮＡＴＯ") == "12月6日,NATO"
    assert normalize_zh("蘇－２４") == "苏-24"


def test_variant_transliterations_are_not_merged_by_opencc() -> None:
    # OpenCC converts script, not naming conventions: the glossary has to know 普丁 = 普京.
    assert normalize_zh("普丁") != normalize_zh("普京")


def test_invisible_paragraphs_are_blank() -> None:
    assert is_blank("\u00a0") and is_blank(" \u3000\u200b ") and not is_blank("\u00a0a")
    assert normalize_en("U.S.\u00a0special  envoy\n") == "U.S. special envoy"


def _opencc_and_ours():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    from audit.normalize import _Converter

    return OpenCC("t2s"), _Converter()


def test_conversion_is_opencc_s_own_on_real_news() -> None:
    """Our t2s converter (faster) gives exactly what opencc-python-reimplemented gives, on real articles."""
    reference, ours = _opencc_and_ours()
    lines = [line for path in (ROOT / "fixtures").rglob("*") if path.is_file() and path.suffix in (".txt", ".md", ".csv")
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    for name in ("newstest2019-ref.zho-TW.txt", "newstest2019-ref.zho-CN.txt"):
        if (NTREX / name).exists():
            lines += (NTREX / name).read_text(encoding="utf-8").splitlines()
    assert len(lines) > 100
    assert [ours.convert(line) for line in lines] == [reference.convert(line) for line in lines]


def test_conversion_is_opencc_s_own_on_dense_phrase_text() -> None:
    """Random strings packed with dictionary phrases exercise the longest-match rules (藉藉端: 藉藉 wins, not 藉端)."""
    import random

    reference, ours = _opencc_and_ours()
    phrases, characters = list(ours.groups[0][0].table), list(ours.groups[0][1].table)
    rng = random.Random(7)
    texts = ["藉藉端", "乾乾淨淨，藉助於", "不瞭解", "頭髮和發展"]
    for _ in range(3000):
        text = "".join(rng.choice(phrases) if rng.random() < 0.5 else rng.choice(characters) for _ in range(rng.randrange(1, 10)))
        cut = rng.randrange(len(text) + 1)
        texts.append(text[cut:] + rng.choice(["", "，", " ", "-"]) + text[:cut])
    assert [ours.convert(t) for t in texts] == [reference.convert(t) for t in texts]
