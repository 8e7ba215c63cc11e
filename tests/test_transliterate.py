import pytest

from audit.lexicon.transliterate import similarity


@pytest.mark.parametrize(
    "chinese, english",
    [("威特科夫", "Witkoff"), ("澤連斯基", "Zelensky"), ("普丁", "Putin"), ("拉夫羅夫", "Lavrov"),
     ("佩斯科夫", "Peskov"), ("賴清德", "Lai Ching-te"), ("蔡英文", "Tsai Ing-wen"), ("盧比歐", "Rubio"),
     ("馬克宏", "Macron"), ("庫什納", "Kushner")],
)
def test_real_renderings_score_high(chinese: str, english: str) -> None:
    assert similarity(chinese, english) >= 0.7


@pytest.mark.parametrize(
    "chinese, english",
    [("威特科夫", "Zelensky"), ("澤連斯基", "Putin"), ("佩斯科夫", "Kushner"), ("賴清德", "Macron"), ("拉夫羅夫", "Rubio")],
)
def test_wrong_pairings_score_low(chinese: str, english: str) -> None:
    assert similarity(chinese, english) < 0.5


def test_right_spelling_beats_a_near_miss() -> None:
    assert similarity("威特科夫", "Witkoff") > similarity("威特科夫", "Whitaker")
