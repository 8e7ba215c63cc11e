from audit.normalize import fold_width, is_blank, normalize_en, normalize_zh


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
